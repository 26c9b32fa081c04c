"""The issued-document table of flattened text: where a row stands, and a form cell of other words.

Procedure 10.7.1 of the sample МВД resolution (`importers/corpus/004…`) issues one document:
its name on line 140, the validity «3 месяца» on line 142, the form «письменная» on line 144.
Where a case needs another table, that row's form cell is changed. Every expected line and
refusal is written here by hand from the text.
"""

from __future__ import annotations

import pytest

from importers.base import DocumentError
from tests.importers.test_reading_variants import ORIGINAL, SAMPLE, read

INVITATION = "приглашение на обучение с проставленной записью о его согласовании"
# 10.7.1's issued row after its name: the validity cell (line 142), the form cell (line 144).
ISSUED_CELLS = "3 месяца\n\nписьменная\n"


def test_an_issued_document_spans_its_row_from_name_to_form() -> None:
    # The row runs from its name (line 140) to its form (line 144): not the name alone, not the
    # form alone.
    (issued,) = ORIGINAL.regulation("10.7.1").issued_documents
    assert (issued.name, issued.form) == (INVITATION, "письменная")
    assert (issued.span.line_start, issued.span.line_end) == (140, 144)


def test_a_form_cell_of_other_words_is_refused_showing_those_words() -> None:
    # The form cell (line 144) written the way the submission column writes it, «в письменной
    # форме»: a cell is there, so the refusal shows its words, not «the end of the table».
    text = SAMPLE.replace(ISSUED_CELLS, "3 месяца\n\nв письменной форме\n", 1)
    with pytest.raises(DocumentError) as refused:
        read(text)
    assert (refused.value.line, refused.value.expected, refused.value.found) == (
        144,
        f"a form cell («письменная», «электронная») for «{INVITATION}»",
        "«в письменной форме»",
    )
