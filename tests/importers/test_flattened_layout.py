"""Where the empty cells of a flattened text are when their no-break spaces are gone
(`importers.flattened.read_layout`).

Word's flattening parts paragraphs with one blank line and writes an empty table cell as a line
holding a no-break space, between blank lines. When an editor turns those into spaces, a run of
`g + k·(g + 1)` blank lines (`g` the text's ordinary gap) held `k` empty cells, on the lines the
no-break spaces stood on; a text whose gaps agree on no ordinary length has no countable cells.
"""

from __future__ import annotations

import pytest

from importers.base import NBSP
from importers.flattened import CellMarks, UnclearLine, read_layout
from tests.importers.test_reading_variants import SAMPLE, nbsp_as_spaces

# A documents row whose requirement and form cells are empty, as the flattening writes it.
ROW = (
    "Наименование документа\n\nТребования\n\nФорма\n\nзаявление\n\n"
    f"паспорт\n\n{NBSP}\n\n{NBSP}\n\nне требуется\n"
)


def empty_lines(text: str) -> list[tuple[int, int, bool]]:
    layout = read_layout(text.split("\n"))
    return [(p.line_start, p.line_end, p.uncertain) for p in layout.paragraphs if p.is_empty]


def test_the_empty_cells_are_found_on_the_lines_their_marks_stood_on() -> None:
    # «паспорт» on line 9, its two empty cells on lines 11 and 13, «не требуется» on line 15.
    assert empty_lines(ROW) == [(11, 11, False), (13, 13, False)]
    assert empty_lines(nbsp_as_spaces(ROW)) == [(11, 11, False), (13, 13, False)]
    assert read_layout(nbsp_as_spaces(ROW).split("\n")).marks is CellMarks.INFERRED


def test_where_the_marks_are_written_blank_lines_are_only_spacing() -> None:
    # Three blank lines before «УТВЕРЖДЕНО» would hold a cell if the marks were gone; with the
    # marks written, the cells are the marks alone.
    spaced = ROW + "\n\n\nУТВЕРЖДЕНО\n"
    assert empty_lines(spaced) == [(11, 11, False), (13, 13, False)]
    assert read_layout(spaced.split("\n")).marks is CellMarks.STATED


def test_every_certain_cell_of_the_sample_is_where_its_mark_was() -> None:
    stated = set(empty_lines(SAMPLE))
    inferred = [cell for cell in empty_lines(nbsp_as_spaces(SAMPLE)) if not cell[2]]
    assert inferred
    assert set(inferred) <= stated


def test_no_cells_are_counted_when_the_gaps_agree_on_no_length() -> None:
    # Paragraphs parted by one blank line as often as by three: either could be the ordinary gap,
    # and a run of three holds an empty cell only if it is one.
    tied = "А\n\nБ\n\n\n\nВ\n\nГ\n\n\n\nД\n"
    assert empty_lines(tied) == []
    assert read_layout(tied.split("\n")).marks is CellMarks.ABSENT
    # One length more (five blank lines): two of five gaps is still no majority.
    spread = tied + "\n\n\n\n\nЕ\n"
    assert empty_lines(spread) == []
    assert read_layout(spread.split("\n")).marks is CellMarks.ABSENT


def test_blank_lines_before_the_text_hold_no_cells() -> None:
    # A copy that starts with blank lines (three of them, as long as a run holding a cell).
    assert empty_lines(nbsp_as_spaces("\n\n\n" + ROW)) == [(14, 14, False), (16, 16, False)]


def test_only_page_numbers_after_the_end_of_the_text_are_residue() -> None:
    # The fee cell holding «2» (base amounts) is text; «- 17 -» after the last paragraph is the
    # printed page's number.
    text = "Размер платы\n\n2\n\nбазовые величины\n\n- 17 -\n"
    layout = read_layout(text.split("\n"))
    assert [p.text for p in layout.paragraphs] == ["Размер платы", "2", "базовые величины"]
    assert [(i.line, i.text) for i in layout.ignored] == [(7, "- 17 -")]


FOOTER = "Страница 1 из 2"


def test_a_page_footer_between_paragraphs_holds_no_cell() -> None:
    # «А … Г», the footer on line 9, «Д»: one blank line on each side of the footer, as between
    # any two paragraphs. Counted as one run (lines 8–10) it would read an empty cell there.
    text = f"А\n\nБ\n\nВ\n\nГ\n\n{FOOTER}\n\nД\n"
    layout = read_layout(text.split("\n"))
    assert [p.text for p in layout.paragraphs] == ["А", "Б", "В", "Г", "Д"]
    assert [(i.line, i.text) for i in layout.ignored] == [(9, FOOTER)]


def test_the_empty_cells_on_each_side_of_a_page_footer_are_counted_apart() -> None:
    # The documents row, its page ending after the first empty cell (line 11): the footer on
    # line 13, the second empty cell on line 15, «не требуется» on line 17.
    row = ROW.replace(f"{NBSP}\n\n{NBSP}", f"{NBSP}\n\n{FOOTER}\n\n{NBSP}")
    assert empty_lines(nbsp_as_spaces(row)) == [(11, 11, False), (15, 15, False)]
    # The page ending after both (the footer on line 15).
    row = ROW.replace("не требуется", f"{FOOTER}\n\nне требуется")
    assert empty_lines(nbsp_as_spaces(row)) == [(11, 11, False), (13, 13, False)]


def test_a_page_footer_beside_a_run_that_fits_no_cells_is_uncertain() -> None:
    # Two blank lines before the footer (line 10), one after: spacing and a stray line, or an
    # empty cell whose spacing went with the footer. The footer's line stands for the cell that
    # may be there, uncertain, for a table row there to be refused.
    text = f"А\n\nБ\n\nВ\n\nГ\n\n\n{FOOTER}\n\nД\n"
    assert empty_lines(text) == [(10, 10, True)]


def test_a_run_after_a_page_footer_that_fits_no_cells_is_uncertain() -> None:
    # The footer on line 9, then two blank lines (10–11) before «Д»: as uncertain as before it.
    text = f"А\n\nБ\n\nВ\n\nГ\n\n{FOOTER}\n\n\nД\n"
    assert empty_lines(text) == [(9, 9, True)]


def test_a_line_of_other_blank_characters_is_refused() -> None:
    # The row's second empty cell (line 13) written as an em space, or two ideographic spaces:
    # an empty cell whose no-break space an editor changed, or a paragraph of spaces? The text
    # does not say, and the reading of the row depends on it.
    for mark in ("\u2003", "\u3000\u3000", f"{NBSP}\u2003"):
        text = ROW.replace(f"{NBSP}\n\nне", f"{mark}\n\nне")
        with pytest.raises(UnclearLine) as refused:
            read_layout(text.split("\n"))
        assert refused.value.line == 13
    assert str(refused.value) == "line 13: a line of blank characters U+00A0 U+2003"
    # Inside a line of text they are spaces between its words.
    layout = read_layout(ROW.replace("не требуется", "не\u2003требуется").split("\n"))
    assert layout.paragraphs[-1].text == "не требуется"


def test_an_empty_cell_right_after_the_first_paragraph_is_counted() -> None:
    # «А» on line 1, its neighbour cell empty (line 3), then «Б … Г»: the first gap counts too.
    assert empty_lines(nbsp_as_spaces(f"А\n\n{NBSP}\n\nБ\n\nВ\n\nГ\n")) == [(3, 3, False)]


def test_a_text_holding_only_a_page_number_has_no_paragraphs() -> None:
    # A printed page left blank but for its number.
    layout = read_layout(["- 3 -", ""])
    assert layout.paragraphs == ()
    assert [(i.line, i.text) for i in layout.ignored] == [(1, "- 3 -")]


def test_an_odd_run_before_a_page_footer_is_uncertain_where_the_gap_is_two_lines() -> None:
    # Paragraphs parted by two blank lines; three before the footer (lines 11–13), two after it:
    # spacing and a stray line, or a cell whose spacing went with the footer (line 14).
    text = f"А\n\n\nБ\n\n\nВ\n\n\nГ\n\n\n\n{FOOTER}\n\n\nД\n"
    assert empty_lines(text) == [(14, 14, True)]
