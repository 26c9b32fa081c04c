"""Where a run of units ends before an unnumbered annex, and a text cut right after a law's «О»."""

from __future__ import annotations

import pytest

from lexgraph.citations import parse_citations, parse_units

# -- a run of units ends before an annex named without a number -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # An amending act: the point and the (only) annex of the amended resolution. The annex
        # has no number, so it is no unit read; the units end after «5», not in «и».
        "в пункте 5 и приложении слова «Министерство» заменить словами «Комитет»",
        # The same with a comma.
        "в пункте 5, приложении слова «Министерство» заменить словами «Комитет»",
    ],
)
def test_units_end_before_the_word_that_joins_an_unnumbered_annex(text: str) -> None:
    assert parse_units(text, len("в ")) == (((("point", "5"),),), len("в пункте 5"))


# -- a law's «О» at the very end of a text ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A snippet or a table cell cut right after «О»: the law has no title, date or number,
        # so nothing is cited, and nothing fails.
        "В соответствии со статьей 5 Закона Республики Беларусь О",
        "Согласно Закону О",
    ],
)
def test_a_text_cut_right_after_a_laws_o_cites_nothing(text: str) -> None:
    assert parse_citations(text) == []
