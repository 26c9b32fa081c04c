"""Cutting a table out of a section, and the ends of its rebuilt rows: what each case tells apart.

The sample МВД resolution (`importers/corpus/004…`) holds the cases: 15.2.1's point 2.1 (line
218, an empty paragraph at 220, the four header cells at 222–228, the rows from 230, the table
ending in an empty paragraph at 304 before the «______» line at 306; point 2 ends at line 336),
10.7.1's four-column table (lines 92–126: its last row, line 120, is a name, an empty requirement
cell and «требуется легализация …», under the form cell merged down from line 104), 15.2.3's
table (the row of line 620 ends in its apostille at 624, right before the group header at 626)
and 15.21.1's three-column table (lines 730–802: a list under «копии документов, подтверждающих
наличие …:» at 760–772 followed by two empty cells, the last row «соглашение (договор) …» at 796
followed by three empty paragraphs). Each case changes one row; every expected line, cell and
message is written here by hand from the text.
"""

from __future__ import annotations

from importers.base import NBSP
from importers.regulation_records import FormCell, Regulation
from tests.importers.test_reading_variants import read
from tests.importers.test_rebuilt_rows_survivors import LINES, lines_changed
from tests.importers.test_submitted_build_survivors import refusal

SUBMITTED_NAME_CELL = "the table header cell «Наименование документа и (или) сведений»"
NO_ROWS = "at least one table row after the header"


def regulation(text: str, number: str) -> Regulation:
    return read(text).regulation(number)


# Cutting the table out of its section ------------------------------------------------------------


def test_a_point_2_1_without_its_table_is_refused_at_the_end_of_point_2() -> None:
    # 15.2.1's table, footnotes and note (lines 222–311) lost: «2.1. …:» is followed by its
    # empty paragraph (line 220) only. No header cell is there to read, and the refusal points
    # at the end of point 2 (line 336 of the sample, 246 once 90 lines are gone), not past it.
    assert LINES[221].startswith("Наименование документа")
    assert LINES[311].startswith("2.2.\xa0запрашиваемые")
    assert refusal(lines_changed(222, 312, [])) == (
        246,
        SUBMITTED_NAME_CELL,
        "the end of the section",
    )


def test_a_header_cell_worded_otherwise_is_refused_at_that_cell() -> None:
    # 15.2.1's second header cell (line 224) in the plural, «к документам»: it does not open
    # with the expected words, and the refusal quotes it at its own line, naming the cell sought.
    assert LINES[223] == "Требования, предъявляемые к\xa0документу и\xa0(или) сведениям"
    assert refusal(
        lines_changed(224, 225, ["Требования, предъявляемые к документам и (или) сведениям"])
    ) == (
        224,
        "the table header cell «Требования, предъявляемые к документу и (или) сведениям»",
        "«Требования, предъявляемые к документам и (или) сведениям»",
    )


def test_a_three_cell_header_ending_the_section_is_refused_for_its_missing_rows() -> None:
    # 15.2.1 cut after its third header cell (line 226): no apostille header, no row. The three
    # cells are a whole header; what is missing is a row, at the end of point 2 (line 252 now).
    assert refusal(lines_changed(228, 312, [])) == (252, NO_ROWS, "the end of the section")


def test_a_header_followed_by_the_footnote_line_is_refused_there() -> None:
    # 15.2.1's rows (lines 230–303) lost: the header is followed by the table's empty paragraph
    # and the «______» line (now 232) that ends the table. The refusal quotes that line.
    assert LINES[305] == "______________________________"
    assert refusal(lines_changed(230, 304, [])) == (
        232,
        NO_ROWS,
        "«______________________________»",
    )


def test_two_empty_paragraphs_before_the_header_are_both_passed_over() -> None:
    # 15.2.1 with a second no-break-space paragraph before its header (lines 220 and 222): the
    # header (now at 224) and the rows are found after both; the first row is still «заявление о
    # предоставлении лицензии» (now line 232), the table's nine rows all read.
    documents = regulation(lines_changed(220, 220, [NBSP, ""]), "15.2.1").documents
    assert [d.span.line_start for d in documents] == [232, 246, 252, 258, 276, 282, 288, 294, 300]
    assert documents[0].name == "заявление о предоставлении лицензии"


# The last row's empty cells ---------------------------------------------------------------------


def test_empty_paragraphs_after_an_apostille_cell_are_not_the_last_rows_cells() -> None:
    # 10.7.1 with one more empty paragraph after the table (lines 126 and 128): the last row
    # (line 120) ended at its apostille cell (line 124), so the empty paragraphs after it are not
    # its cells; it shows one empty cell of its own (122), one short of requirement and form, and
    # so lies under the form cell merged down from line 104, as in the sample.
    assert LINES[123].startswith("требуется легализация")
    documents = regulation(lines_changed(128, 128, [NBSP, ""]), "10.7.1").documents
    assert [(d.span.line_start, d.submission.cell) for d in documents] == [
        (100, FormCell.STATED),
        (114, FormCell.MERGED),
        (120, FormCell.MERGED),
    ]


def test_a_last_row_of_name_and_requirement_lies_under_the_merged_form_cell() -> None:
    # 15.21.1's last row (line 796) with a requirement (line 798) in place of its empty cells,
    # then only the paragraph Word puts after a table (800): the row shows one cell of its own,
    # no empty form cell, so its form cell is the one merged down (from line 740).
    assert LINES[795].startswith("соглашение (договор)")
    text = lines_changed(798, 804, ["должно соответствовать требованиям", "", NBSP, ""])
    last = regulation(text, "15.21.1").documents[-1]
    assert (last.span.line_start, last.requirements) == (796, "должно соответствовать требованиям")
    assert (last.submission.inherited, last.submission.cell) == (True, FormCell.MERGED)


def test_a_last_rows_empty_cell_before_its_requirement_still_counts() -> None:
    # 15.21.1's last row (line 796) as an empty cell (798), a requirement (800), then the
    # paragraph after the table (802): two cells of its own after the name, as 15.21.1's row of
    # line 778 shows (requirement, empty cell), so its form cell is its own, empty; the empty
    # cell inside the body counts as much at the table's end as in its middle.
    text = lines_changed(798, 804, [NBSP, "", "должно соответствовать требованиям", "", NBSP, ""])
    last = regulation(text, "15.21.1").documents[-1]
    assert (last.span.line_start, last.requirements) == (796, "должно соответствовать требованиям")
    assert last.submission.cell is FormCell.EMPTY


# Where a listed name's cell ends ----------------------------------------------------------------


def test_a_requirement_ends_a_list_and_the_next_name_is_a_row_of_its_own() -> None:
    # 15.21.1's list (lines 760–772) with a requirement (line 774) in place of its two empty
    # cells, its form cell merged: the requirement closes the name cell, so «сведения о
    # работниках соискателя лицензии» (now line 776) opens a row of its own, not a seventh
    # listed document.
    assert LINES[771] == "акт приема-передачи"
    text = lines_changed(774, 778, ["должны соответствовать требованиям", ""])
    documents = regulation(text, "15.21.1").documents
    assert [d.span.line_start for d in documents] == [736, 748, 754, 760, 776, 782, 788, 794]
    assert len(documents[3].alternatives) == 6
    assert documents[3].requirements == "должны соответствовать требованиям"
    assert documents[4].name == "сведения о работниках соискателя лицензии"


def test_a_form_cell_ends_a_list_and_the_next_name_is_a_row_of_its_own() -> None:
    # 15.21.1's list (lines 760–772) with a form cell of its own, «в письменной форме:» «лично»
    # (lines 776–778), in place of its empty form cell: the form cell closes the row, so
    # «сведения о работниках соискателя лицензии» (now line 780) opens a row of its own.
    text = lines_changed(776, 778, ["в письменной форме:", "", "лично", ""])
    documents = regulation(text, "15.21.1").documents
    assert [d.span.line_start for d in documents] == [736, 748, 754, 760, 780, 786, 792, 798]
    assert len(documents[3].alternatives) == 6
    assert documents[3].submission.cell is FormCell.STATED
    assert documents[4].name == "сведения о работниках соискателя лицензии"


# Refusals naming what follows a row -------------------------------------------------------------


def test_a_form_line_without_its_opening_is_not_taken_into_the_form_cell() -> None:
    # 15.2.1's first form cell (lines 234–240) as «лично;» alone, with no «в письменной форме:»
    # opening it: no form cell is open after the requirement (line 232), so «лично;» is not
    # joined to one; it stands where the row's apostille cell should be, and is refused there.
    assert refusal(lines_changed(234, 242, ["лично;", ""])) == (
        230,
        "an apostille cell («не требуется» or «требуется легализация …») ending the row "
        "«заявление о предоставлении лицензии»",
        "«лично;»",
    )


def test_a_row_without_its_apostille_before_a_group_header_is_refused_quoting_the_header() -> None:
    # 15.2.3's row of line 620 without its «требуется легализация …» (line 624): the row ends at
    # the group header «при регистрации трудового …:» (now line 624), which the refusal quotes.
    assert LINES[623].startswith("требуется легализация")
    assert refusal(lines_changed(624, 626, [])) == (
        620,
        "an apostille cell («не требуется» or «требуется легализация …») ending the row "
        "«документы, подтверждающие юридический статус иностранного нанимателя (…»",
        "«при регистрации трудового или гражданско-правового договора с иностран…»",
    )
