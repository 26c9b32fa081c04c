"""The submitted-documents table of flattened text, rebuilt row by row: the refusals, whole.

The sample МВД resolution (`importers/corpus/004…`, four-column tables with apostille cells)
holds the cases: 15.2.1's first two rows (lines 230–248: name, requirement, a form cell of four
lines ending in «в электронной форме …*» at line 240, «не требуется»), 15.2.3's table (lines
596–636: a group header «при регистрации договора …:» with its own empty cell and apostille, a
second one at line 626 with two empty cells and no apostille, the last row ending in «не
требуется» at line 636) and 15.21.1's list (line 772, «акт приема-передачи», followed by empty
cells). Each case changes one row; every expected line and message is written here by hand from
the text.
"""

from __future__ import annotations

from importers.base import NBSP
from tests.importers.test_reading_variants import SAMPLE, one_more_blank_line_in_15_21_1
from tests.importers.test_submitted_build_survivors import refusal

LINES = SAMPLE.split("\n")


def lines_changed(start: int, end: int, new: list[str]) -> str:
    """The sample with its lines `start`..`end` - 1 (numbered from 1) replaced by `new`."""
    return "\n".join([*LINES[: start - 1], *new, *LINES[end - 1 :]])


def test_an_uncertain_count_of_blank_lines_is_refused_with_both_readings_whole() -> None:
    # No-break spaces gone and one blank line more after 15.21.1's «акт приема-передачи» (line
    # 772): the blank lines at 773–778 may hold an empty cell or be spacing. The refusal, at the
    # added blank line (774), gives both readings word for word.
    assert refusal(one_more_blank_line_in_15_21_1(SAMPLE)) == (
        774,
        "one reading of the table",
        "two: (1) the blank lines here held an empty table cell (its no-break space became a "
        "space); (2) they are only spacing, and the row's cells are fewer. Restore the empty "
        "cells' no-break-space lines (or import the .docx)",
    )


APOSTILLE_CELL = "an apostille cell («не требуется» or «требуется легализация …») ending the row "


def test_a_row_without_its_apostille_cell_is_refused_naming_the_next_row() -> None:
    # 15.2.1's first row without its «не требуется» (line 242): the row of line 230 ends where
    # the next row's name (line 244 of the sample) begins, and the refusal quotes that name.
    assert LINES[241] == "не требуется"
    assert refusal(lines_changed(242, 244, [])) == (
        230,
        APOSTILLE_CELL + "«заявление о предоставлении лицензии»",
        "«документ, подтверждающий уплату государственной пошлины (за исключение…»",
    )


def test_the_last_row_without_its_apostille_cell_is_refused_at_the_tables_end() -> None:
    # 15.2.3's last row (line 632) without its «не требуется» (line 636): nothing follows the row
    # in the table, and the refusal says so rather than quoting the text after it.
    assert LINES[635] == "не требуется"
    assert refusal(lines_changed(636, 638, [])) == (
        632,
        APOSTILLE_CELL
        + "«трудовой договор с иностранным нанимателем или гражданско-правовой дог…»",
        "the end of the table",
    )


def test_a_second_apostille_cell_in_a_row_is_refused_where_a_name_should_be() -> None:
    # 15.2.1's second row ends in «не требуется» (line 248); a second one right after it (line
    # 250) ends no row: it is refused, not taken as the row's apostille in place of the first.
    assert LINES[247] == "не требуется"
    assert refusal(lines_changed(250, 250, ["не требуется", ""])) == (
        250,
        "a document name",
        "«не требуется» with no row to end",
    )


def test_a_requirement_right_after_a_group_header_is_refused() -> None:
    # 15.2.3: the document name under «при регистрации договора …:» (line 602) lost, so its
    # requirement (now line 602) follows the group header's cells: a group header has no
    # requirement, and the refusal names the requirement and its column.
    assert LINES[601].startswith("договор о")
    assert refusal(lines_changed(602, 604, [])) == (
        602,
        "a requirements cell right after a document name",
        "«требования к документу определены в статье 17, абзаце втором части пер…» out of its "
        "column order",
    )


def test_a_requirement_right_after_a_group_header_without_an_apostille_is_refused() -> None:
    # 15.2.3's second group header «при регистрации трудового …:» (line 626) has two empty cells
    # and no apostille; its document's name (line 632) lost, the requirement (now line 632) is
    # refused all the same: a group header takes no requirement, whatever cells it has.
    assert LINES[631].startswith("трудовой договор")
    assert refusal(lines_changed(632, 634, [])) == (
        632,
        "a requirements cell right after a document name",
        "«требования к документам определены в статьях 19–20, абзаце четвертом ч…» out of its "
        "column order",
    )


def test_a_requirement_opening_the_table_is_refused() -> None:
    # 15.2.1's first name (line 230) lost: the table's first cell is the requirement (now line
    # 230), with no row to belong to.
    assert LINES[229] == "заявление о\xa0предоставлении лицензии"
    assert refusal(lines_changed(230, 232, [])) == (
        230,
        "a requirements cell right after a document name",
        "«по форме согласно приложению 1 к Положению о порядке представления и п…» out of its "
        "column order",
    )


FORM_OUT_OF_ORDER = (
    242,
    "a form-and-manner cell after the name and requirements of a document",
    "«в электронной форме в виде электронного документа* с использованием си…» out of its "
    "column order",
)


def test_a_form_line_after_an_empty_cell_is_not_the_form_cells_own() -> None:
    # 15.2.1's first row with an empty cell (line 240) between «посредством почтовой связи;» and
    # «в электронной форме …*» (now line 242): the empty cell closed the form cell, so the
    # electronic form stands out of its column, and is refused rather than joined to the form.
    assert LINES[239].startswith("в электронной форме")
    assert refusal(lines_changed(240, 240, [NBSP, ""])) == FORM_OUT_OF_ORDER


def test_a_form_line_after_the_apostille_cell_is_not_the_form_cells_own() -> None:
    # 15.2.1's first row with «не требуется» (line 242) before «в электронной форме …*» (line
    # 240): the apostille cell ends the row, so the electronic form after it (now line 242) is
    # refused rather than joined to the form cell before it.
    assert refusal(lines_changed(240, 244, [LINES[241], "", LINES[239], ""])) == (FORM_OUT_OF_ORDER)
