"""Where each instruction changed the text, traced to the text before all of them and after."""

from __future__ import annotations

from pathlib import Path

from importers.amend_apply import apply_instructions
from importers.amend_regions import Edit, Regions, overlaps
from importers.amending import parse_amendment
from importers.base import SourceDocument
from lexgraph.importing import sample_corpus_dir

FIXTURES = Path(__file__).parent / "fixtures" / "amending"


def test_an_edit_is_what_lies_between_the_common_first_and_last_lines() -> None:
    assert Edit.between(["a", "b", "c"], ["a", "x", "y", "c"]) == Edit(1, 2, 3)
    assert Edit.between(["a", "b", "c"], ["a", "c"]) == Edit(1, 2, 1)


def test_a_later_edit_above_moves_an_earlier_region_down_in_the_final_text() -> None:
    regions = Regions()
    first = regions.add(Edit(10, 11, 11))  # line 10 rewritten
    regions.add(Edit(2, 2, 5))  # three lines inserted at line 2
    assert regions.final(first) == (13, 14)
    assert regions.original(first) == (10, 11)


def test_an_earlier_insertion_above_is_taken_off_in_the_original_text() -> None:
    regions = Regions()
    regions.add(Edit(2, 2, 5))  # three lines inserted at line 2
    second = regions.add(Edit(13, 14, 14))  # then line 13 of that text rewritten
    assert regions.original(second) == (10, 11)
    assert regions.final(second) == (13, 14)


def test_a_removal_lies_inside_the_fact_around_it_only() -> None:
    # lines 5…8 (0-based 4…7) removed: the place is at 4
    assert overlaps((4, 4), 3, 9)
    assert not overlaps((4, 4), 5, 9)
    assert overlaps((4, 6), 6, 6)
    assert not overlaps((4, 6), 7, 9)


def test_each_outcome_knows_its_lines_in_the_new_text_and_in_the_old() -> None:
    current = SourceDocument.read(sample_corpus_dir() / "004_85fdc72f4cf61fef.txt")
    amendment = parse_amendment(SourceDocument.read(FIXTURES / "mvd_2024_040.txt"))
    result = apply_instructions(current.text, amendment.instructions)
    fee, passport = result.outcomes
    old, new = current.text.split("\n"), result.text.split("\n")
    # «в пункте 4 слова «5 базовых величин» заменить словами «7 базовых величин»»: the line is
    # below the removed row, as many lines higher in the new text as the row took
    assert fee.old_region is not None
    assert fee.new_region is not None
    assert "5 базовых величин" in " ".join(old[slice(*fee.old_region)])
    assert "7 базовых величин" in " ".join(new[slice(*fee.new_region)])
    assert fee.new_region[0] == fee.old_region[0] - (len(old) - len(new))
    # «позицию «копия паспорта или иного документа» исключить»: gone from the new text
    assert passport.old_region is not None
    assert passport.new_region is not None
    assert old[passport.old_region[0]].startswith("копия паспорта или иного документа")
    assert passport.new_region[0] == passport.new_region[1]
