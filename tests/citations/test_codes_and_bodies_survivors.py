"""Bodies of other states after the head word, a ministry's name before an unquoted title, and codes
named by lower-case or heading abbreviations or with their own date and number (issue 25: survivors
of `IssuerReader._after_body`, `_ministry` and `CodeReader._code`, `_code_name`)."""

from __future__ import annotations

import datetime

import pytest

from tests.citations.reading import ids, one

OUTSIDE_BELARUS = "issued outside Belarus"


# -- a government of another state's republic or region ------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "number"),
    [
        # «Республики» not followed by «Беларусь»: a republic of another state.
        (
            "Постановление Правительства Республики Алтай от 20 ноября 2014 г. N 333",
            datetime.date(2014, 11, 20),
            "333",
        ),
        # The same with the number before the date: the two words of the republic are all that
        # is skipped, the number right after them is read.
        (
            "постановлением Правительства Республики Алтай № 135 от 21 мая 2015 г.",
            datetime.date(2015, 5, 21),
            "135",
        ),
        # «области» right after the region's adjective: a region of another state (Belarus's
        # regions have no government).
        (
            "постановлением Правительства Московской области от 9 апреля 2018 г. № 210/13",
            datetime.date(2018, 4, 9),
            "210/13",
        ),
    ],
)
def test_a_government_of_another_states_republic_or_region_is_foreign(
    text: str, date: datetime.date, number: str
) -> None:
    # Cited with its date and number, unresolved, and not our Council of Ministers.
    c = one(text)
    assert c.act is not None
    assert (c.act_id, c.reason, c.text) == (None, OUTSIDE_BELARUS, text)
    assert (c.act.issuers, c.act.issuer_slugs) == ((), ())
    assert (c.act.date, c.act.number) == (date, number)


# -- a ministry's name ---------------------------------------------------------------------------


def test_an_unquoted_title_opening_with_ob_is_not_part_of_a_ministrys_name() -> None:
    # No ministry's name holds «об»: «Об утверждении …» is the title, not more of the name, and
    # the date and number after it are the Ministry of Finance's resolution's.
    text = (
        "постановлением Министерства финансов Об утверждении Инструкции по бухгалтерскому учету"
        " основных средств от 30 апреля 2012 г. № 26"
    )
    c = one(text)
    assert c.act is not None
    assert c.act.title == "Об утверждении Инструкции по бухгалтерскому учету основных средств"
    assert c.act_id == "by/resolution/minfin/2012-04-30/26"


def test_a_foreign_ministry_at_the_end_of_a_typed_search_is_no_reference() -> None:
    # A search typed as «приказ Министерства финансов РФ»: the text ends on the state's name,
    # and without a date or number there is nothing to cite.
    assert ids("приказ Министерства финансов РФ") == []


# -- codes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The code's date first, then its number.
        (
            "статьи 48 Кодекса Республики Беларусь о земле от 23 июля 2008 г. № 425-З",
            ["by/code/land#art_48"],
        ),
        # Its number first, then its date.
        (
            "статьи 5 Трудового кодекса Республики Беларусь № 296-З от 26 июля 1999 г.",
            ["by/code/labour#art_5"],
        ),
    ],
)
def test_a_codes_own_date_and_number_belong_to_its_reference(
    text: str, expected: list[str]
) -> None:
    # The code is the same with or without them, but the reference runs to their end.
    assert ids(text) == expected
    assert one(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «ук» in lower case, told a code by the state that follows it: ours or Russia's.
        ("Часть 2 статьи 139 ук рб", ["by/code/criminal#art_139__part_2"]),
        ("по ч. 1 ст. 159 ук рф", ["ru/code/criminal#art_159__part_1"]),
        # «КоАП» written all in capitals in a heading.
        (
            "ПРАКТИКА ПРИМЕНЕНИЯ СУДАМИ НОРМ ОБЩЕЙ ЧАСТИ КОАП ПРИ РАССМОТРЕНИИ ДЕЛ ОБ"
            " АДМИНИСТРАТИВНЫХ ПРАВОНАРУШЕНИЯХ",
            ["by/code/admin_offences#general_part"],
        ),
    ],
)
def test_an_abbreviation_in_lower_case_or_in_capitals_names_the_code(
    text: str, expected: list[str]
) -> None:
    assert ids(text) == expected
