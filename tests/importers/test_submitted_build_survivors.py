"""The submitted-documents table of flattened text, read into its records fact by fact.

The sample МВД resolution (`importers/corpus/004…`) holds the cases: procedure 10.7.1's table
(lines 92–124: a form cell of its own in the first row, merged down over the two below, a name
stating its own condition), 15.2.1's first row (lines 230–242: a form cell naming the electronic
form with a footnote marker, the footnote on line 308) and 15.21.1's three-column table (lines
730–802: a row's own form cell left empty). Where a case needs another table, one row of the
sample is changed, or a small table is written out here. Every expected fact, line and refusal is
written here by hand from the text.
"""

from __future__ import annotations

import pytest

from importers.base import NBSP, DocumentError, SourceDocument
from importers.regulation_records import FormCell
from importers.regulation_tables import (
    APOSTILLE_HEADER,
    SUBMITTED_HEADER,
    SubmittedTable,
    read_submitted,
    split_table,
)
from importers.regulation_text import Source
from tests.importers.test_reading_variants import ORIGINAL, SAMPLE, collapsed_blank_lines, read

# 15.2.1's form cell, line 240, and the footnote its «*» points to, line 308.
ELECTRONIC = (
    "в электронной форме в виде электронного документа с использованием системы "
    "межведомственного электронного документооборота государственных органов Республики "
    "Беларусь, национальной почтовой электронной системы, электронной почты"
)
SIGNATURE_NOTE = (
    "Электронный документ должен быть подписан электронной цифровой подписью, выработанной с "
    "использованием личного ключа, сертификат открытого ключа которого издан республиканским "
    "удостоверяющим центром Государственной системы управления открытыми ключами проверки "
    "электронной цифровой подписи Республики Беларусь."
)


def refusal(text: str) -> tuple[int | None, str, str]:
    with pytest.raises(DocumentError) as refused:
        read(text)
    return refused.value.line, refused.value.expected, refused.value.found


def table_of(text: str) -> SubmittedTable:
    """A submitted-documents table written out alone (three columns, or four with apostilles)."""
    source = Source(SourceDocument("table.txt", text))
    table = split_table(
        source,
        source.paragraphs,
        SUBMITTED_HEADER,
        len(source.lines),
        optional_header=APOSTILLE_HEADER,
    )
    return read_submitted(source, table, {})


def table_refusal(text: str) -> tuple[int | None, str, str]:
    with pytest.raises(DocumentError) as refused:
        table_of(text)
    return refused.value.line, refused.value.expected, refused.value.found


# The form-and-manner cell -----------------------------------------------------------------------


def test_a_stated_form_cell_keeps_its_electronic_form_footnote_and_lines() -> None:
    # 15.2.1, lines 234–240: «в письменной форме:» opens the cell (written), «в электронной
    # форме …*» is its electronic form without the marker, and the marker's footnote (line 308)
    # is the cell's note. The cell is the row's own, not inherited.
    submission = ORIGINAL.regulation("15.2.1").documents[0].submission
    assert (
        submission.written,
        submission.electronic,
        submission.inherited,
        submission.cell,
    ) == (True, ELECTRONIC, False, FormCell.STATED)
    assert [(n.marker, n.text, n.span.line_start) for n in submission.notes] == [
        ("*", SIGNATURE_NOTE, 308)
    ]
    assert (submission.span.line_start, submission.span.line_end) == (234, 240)


def test_a_form_cell_without_the_electronic_form_names_none() -> None:
    # 10.7.1, lines 104–110: written, in person, by courier, by post; no electronic form at all.
    submission = ORIGINAL.regulation("10.7.1").documents[0].submission
    assert (submission.written, submission.electronic, submission.notes) == (True, None, ())


def test_rows_under_the_merged_form_cell_inherit_it() -> None:
    # 10.7.1: the rows of lines 114 and 120 state no form; they take the first row's cell (lines
    # 104–110) as inherited, merged down over them. The third names its own condition after «–».
    documents = ORIGINAL.regulation("10.7.1").documents
    assert [
        (d.span.line_start, d.submission.inherited, d.submission.cell, d.own_condition)
        for d in documents
    ] == [
        (100, False, FormCell.STATED, None),
        (114, True, FormCell.MERGED, None),
        (120, True, FormCell.MERGED, "при въезде членов семьи"),
    ]
    assert documents[1].submission.span.line_start == 104


def test_a_row_ending_in_its_requirement_spans_its_name_to_it() -> None:
    # 15.21.1 (three columns), line 748: name, requirement (line 750), then its own empty form
    # cell (line 752). The row's facts span lines 748–750, ending at the requirement.
    document = ORIGINAL.regulation("15.21.1").documents[1]
    assert document.requirements is not None
    assert document.requirements.startswith("документ должен соответствовать требованиям")
    assert (document.span.line_start, document.span.line_end) == (748, 750)
    assert document.submission.cell is FormCell.EMPTY


def test_a_first_row_without_a_form_cell_is_refused_at_its_name() -> None:
    # 10.7.1's form cell (lines 104–110) left out: the first row has no cell for the rows below
    # to inherit, and the refusal names that row (line 100), not a reading of the next rows.
    text = SAMPLE.replace(
        "в письменной форме:\n\nв ходе приема заинтересованного лица;\n\n"
        "нарочным (курьером);\n\nпо почте\n\n",
        "",
        1,
    )
    assert refusal(text) == (
        100,
        "a form-and-manner cell («в письменной форме: …») in the first document row",
        "«заявление организации, имеющей право на выдачу приглашений иностранног…»",
    )


def test_a_merged_or_empty_form_cell_that_the_text_cannot_tell_is_refused_in_full() -> None:
    # Blank lines collapsed and no-break spaces gone: whether 10.7.1's second row (line 104 then)
    # lies under the merged cell or has an empty one of its own, the text no longer says.
    with pytest.raises(DocumentError) as refused:
        read(collapsed_blank_lines(SAMPLE))
    assert (refused.value.line, refused.value.expected) == (104, "one reading of the table")
    assert refused.value.found == (
        "two: (1) the row «приглашение на обучение» lies under the form cell merged down from "
        "line 94; (2) the row has an empty form cell of its own (an empty cell the text no longer "
        "marks: no no-break-space lines, no countable blank lines). Restore the empty cells' "
        "no-break-space lines (or import the .docx)"
    )


# Footnotes ------------------------------------------------------------------------------------


def test_a_marker_whose_footnote_line_was_lost_is_refused_at_the_marker() -> None:
    # 15.21.1's «______» line (line 804) lost: the footnote it headed runs into the table, and
    # the marker «документа*» of the form cell (line 746) points to no footnote.
    lines = SAMPLE.split("\n")
    assert lines[803] == "______________________________"  # line 804
    text = "\n".join([*lines[:803], *lines[805:]])
    assert refusal(text) == (
        746,
        "a footnote «*» defined after a «______» line",
        "the marker in «в электронной форме в виде электронного документа* с использованием си…» "
        "with no such footnote",
    )


# Document names -------------------------------------------------------------------------------


def test_a_stray_space_before_a_names_colon_is_not_part_of_the_name() -> None:
    # 15.2.1, line 256, typed «… деятельности :» (a stray space before the colon): the space left
    # once the «:» is cut is trimmed from the name's end; the name opens its list all the same.
    text = SAMPLE.replace(
        "лицензируемого вида деятельности:\n", "лицензируемого вида деятельности :\n", 1
    )
    document = read(text).regulation("15.2.1").documents[3]
    assert document.name == (
        "копии документов, подтверждающих наличие на праве собственности или ином законном "
        "основании помещений, необходимых для осуществления лицензируемого вида деятельности"
    )
    assert document.alternatives[0] == "свидетельство (удостоверение) о государственной регистрации"


# A three-column table as 15.21.1's, whose last row is followed by `{after}`.
THREE_COLUMNS = f"""Наименование документа и (или) сведений

Требования, предъявляемые к документу и (или) сведениям

Форма и порядок представления документа и (или) сведений

заявление о предоставлении лицензии

по форме согласно приложению 1

в письменной форме:

лично

сведения о работниках соискателя лицензии

должны соответствовать требованиям

{NBSP}
{{after}}"""


def test_the_three_column_table_reads_its_two_rows() -> None:
    # Followed by the empty paragraph Word puts after a table: the last row's form cell is its own
    # empty one (line 19), as in 15.21.1.
    documents = table_of(THREE_COLUMNS.format(after=f"\n{NBSP}\n")).documents
    assert [(d.name, d.requirements, d.submission.cell) for d in documents] == [
        ("заявление о предоставлении лицензии", "по форме согласно приложению 1", FormCell.STATED),
        (
            "сведения о работниках соискателя лицензии",
            "должны соответствовать требованиям",
            FormCell.EMPTY,
        ),
    ]


def test_a_footnote_run_into_the_table_is_refused_as_no_documents_name() -> None:
    # The footnote after the table (its «______» line lost) read as a row's name (line 21).
    text = THREE_COLUMNS.format(
        after="\n* Электронный документ подписывается электронной подписью\n"
    )
    assert table_refusal(text) == (
        21,
        "a document name in the first cell of a row",
        "«* Электронный документ подписывается электронной подписью», which is no document's "
        "name (the table's cells ran together?)",
    )


def test_a_table_of_group_headers_alone_is_refused_at_its_first_row() -> None:
    # 15.2.3's table cut after its group header «при регистрации договора …:» (lines 596–600):
    # a condition heads documents, and there are none.
    text = f"""Наименование документа и (или) сведений

Требования, предъявляемые к документу и (или) сведениям

Форма и порядок представления документа и (или) сведений

Необходимость легализации документа (проставления апостиля)

при регистрации договора о трудоустройстве за пределами Республики Беларусь:

{NBSP}

не требуется
"""
    assert table_refusal(text) == (9, "a document row", "only condition rows")
