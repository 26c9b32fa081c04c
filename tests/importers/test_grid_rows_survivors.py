"""Real tables read by their rows (`grid_rows`), and the facts read from their cells: cases that
tell apart what mutmut's survivors in `importers/regulation_tables.py` changed.

The tables are the Minsk decision's (`test_formats.MODEL`), written as a .docx with one thing
changed; the expected lines and messages are written by hand from that text.
"""

from __future__ import annotations

import pytest

from importers.base import DocumentError
from importers.formats import to_source
from importers.mvd_regulations import parse_mvd_resolution
from importers.regulation_tables import or_alternatives
from tests.importers.test_formats import APPEAL, MODEL, lines_of, to_docx


def test_an_appeal_table_broken_into_two_word_tables_is_refused_between_them() -> None:
    # Word splits a table in two where a paragraph is put between its rows: the appeal table's
    # header row is one table, its body row another. The body row is no cell of the header's
    # table; the refusal names the header's line and the paragraph Word left between the two.
    broken = [APPEAL[:1] if block is APPEAL else block for block in MODEL]
    broken.append(APPEAL[1:])
    source = to_source("decision.docx", to_docx(broken))
    lines = source.text.split("\n")
    assert lines[97] == (
        "Наименование государственного органа (иной организации), рассматривающего "
        "административную жалобу"
    )
    assert lines[101] == "\u00a0"  # the paragraph after the header's table
    with pytest.raises(DocumentError) as caught:
        parse_mvd_resolution(source)
    assert (caught.value.line, caught.value.expected, caught.value.found) == (
        102,
        "a cell of the table whose header starts at line 98",
        "an empty paragraph outside it (at after table 3 of decision.docx)",
    )


def test_a_form_cells_facts_span_it_from_its_first_paragraph_to_its_last() -> None:
    # The application's form-and-manner cell is four paragraphs; the consent row below lies under
    # it (merged down) and takes the same cell, span and all.
    regulation = parse_mvd_resolution(to_source("decision.docx", to_docx(MODEL))).regulation(
        "8.5.1"
    )
    written = [
        "в письменной форме:",
        "лично;",
        "по почте",
        "в электронной форме через единый портал электронных услуг",
    ]
    application, consent = regulation.documents
    assert lines_of(application.submission.span) == written
    assert lines_of(consent.submission.span) == written


def test_a_bracket_closed_before_or_leaves_the_or_joining_documents() -> None:
    # «(владения)» is opened and closed before «, или свидетельство»: the «или» is outside any
    # bracket and joins two documents (only an «или» inside an open bracket qualifies a name).
    name = (
        "копия документа, подтверждающего право собственности (владения) на транспортное "
        "средство, или свидетельство о регистрации транспортного средства (технический паспорт)"
    )
    assert or_alternatives(name) == (
        "копия документа, подтверждающего право собственности (владения) на транспортное средство",
        "свидетельство о регистрации транспортного средства (технический паспорт)",
    )
