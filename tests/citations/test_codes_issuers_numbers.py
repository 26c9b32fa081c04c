"""Codes named in full, local bodies and bodies the tables do not know: small examples of use
(issue 25: the cases that tell the readers of codes and issuers from their near misses)."""

from __future__ import annotations

import datetime

import pytest

from lexgraph.citations import parse_citations
from tests.citations.reading import ids, one

UNKNOWN_ISSUER = "the issuer is not in the table of state bodies"
NOT_THE_PRESIDENT = "issued by another body than the President"


# -- a body the tables do not know -------------------------------------------------------------


def test_a_body_the_tables_do_not_know_after_an_abbreviation_with_its_full_stop() -> None:
    # «См.» before the head: the name of the body is read forwards from the head, whatever
    # stands at the start of the text.
    c = one(
        "См. постановление Правления Белорусского республиканского союза потребительских обществ"
        " от 1 марта 2020 г. № 5"
    )
    assert c.act is not None
    assert (c.act.kind, c.act.date, c.act.number) == ("resolution", datetime.date(2020, 3, 1), "5")
    assert (c.act_id, c.reason) == (None, UNKNOWN_ISSUER)
    assert c.text.startswith("постановление Правления")


def test_a_quoted_day_without_from_ends_the_name_of_a_body_the_tables_do_not_know() -> None:
    # «… «1» марта 2011 г.»: a date ends the name with or without «от», as a plain one does.
    c = one("постановлением Правления Ассоциации «1» марта 2011 г. № 5")
    assert c.act is not None
    assert (c.act.date, c.act.number) == (datetime.date(2011, 3, 1), "5")
    assert (c.act_id, c.reason) == (None, UNKNOWN_ISSUER)


@pytest.mark.parametrize(
    "text",
    [
        "постановлением Министерства финансов О порядке учета от 1 марта 2020 г. № 5",
        "постановление Министерства труда и социальной защиты О порядке учета от 1 марта 2020 г."
        " № 5",
    ],
)
def test_an_unquoted_title_after_a_ministry_is_not_part_of_its_name(text: str) -> None:
    # No ministry's name holds «О»: the title is not read into an invented ministry.
    assert all("_o_" not in (c.act_id or "") for c in parse_citations(text))
    assert all(
        not any(" о " in name for name in c.act.issuers)
        for c in parse_citations(text)
        if c.act is not None
    )


# -- codes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Russian text names the Labour Code of Russia once, then by its title alone: the
        # bare title is the same Russian code.
        (
            "В соответствии с Трудовым кодексом Российской Федерации работодатель вправе "
            "расторгнуть договор по статье 81 Трудового кодекса",
            ["ru/code/labour", "ru/code/labour#art_81"],
        ),
        # The Belarusian code named with its state, then bare: ours both times.
        (
            "Налоговым кодексом Республики Беларусь установлено, что согласно статье 5 "
            "Налогового кодекса",
            ["by/code/tax", "by/code/tax#art_5"],
        ),
        # The bare title after the Russian code named in full: the Russian code again.
        (
            "статьи 105 Уголовного кодекса Российской Федерации и статьи 139 Уголовного кодекса",
            ["ru/code/criminal#art_105", "ru/code/criminal#art_139"],
        ),
    ],
)
def test_a_code_named_by_title_without_its_state_takes_the_one_the_text_names(
    text: str, expected: list[str]
) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "статьи 5 Процессуально-исполнительного кодекса Республики Беларусь об административных "
        "правонарушениях",
        "ч. 2 ст. 10.3 Процессуально-исполнительного кодекса об административных правонарушениях",
        "ПИКоАП, то есть Процессуально-исполнительного кодекса Республики Беларусь об "
        "административных правонарушениях",
    ],
)
def test_the_procedural_executive_code_is_cited_with_the_whole_of_its_title(text: str) -> None:
    # The reference ends where the code's title ends: «… об административных правонарушениях».
    found = parse_citations(text)
    assert found[-1].act_id == "by/code/admin_procedure"
    assert found[-1].text.endswith("об административных правонарушениях")
    assert text.endswith(found[-1].text)


def test_the_procedural_executive_code_without_its_tail_names_no_other_code() -> None:
    # «Процессуально-исполнительного кодекса» without «об административных правонарушениях»:
    # the only such code is ПИКоАП, so the reference is to it or, not read, to nothing.
    found = ids("статьи 5 Процессуально-исполнительного кодекса Республики Беларусь.")
    assert found in ([], ["by/code/admin_procedure#art_5"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dash after the code's title, spaced as a dash between words or typed against the
        # next word: the code is named all the same.
        (
            "в соответствии со статьей 5 Трудового кодекса – наниматель обязан",
            ["by/code/labour#art_5"],
        ),
        ("согласно статье 5 Трудового кодекса -наниматель обязан", ["by/code/labour#art_5"]),
        # A year glued to the title, as to an abbreviation («ЖК-2012»): the same code.
        ("статьи 5 Жилищного кодекса-2012", ["by/code/housing#art_5"]),
        # A text cut after the adjective (a search typed half-way): which code is not said.
        ("статья 5 Уголовного", []),
        ("статья 5 Уголовно-процессуального", []),
    ],
)
def test_what_follows_a_codes_title(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


# -- titles in quotes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An ASCII quote right after a bracket opens a quote inside the title.
        (
            "постановление Министерства здравоохранения Республики Беларусь от 5 июля 2017 г. "
            '№ 73 "Об утверждении санитарных норм и правил ("Требования к организациям '
            'здравоохранения")"',
            "Об утверждении санитарных норм и правил («Требования к организациям здравоохранения»)",
        ),
        # … and right after an opening «: a title that starts with a name in quotes.
        (
            'Закон Республики Беларусь от 5 июля 2017 г. № 7-З «"Белорусская железная дорога"'
            " и ее работники»",
            "«Белорусская железная дорога» и ее работники",
        ),
        # A Roman numeral in Latin letters inside the title is text, not a mark.
        (
            "Закон Республики Беларусь от 13 июля 2006 г. № 144-З «О внесении изменений в Закон "
            'Республики Беларусь от 17 апреля 1992 г. № 1596-XII "О пенсионном обеспечении"»',
            "О внесении изменений в Закон Республики Беларусь от 17 апреля 1992 г. № 1596-XII "
            "«О пенсионном обеспечении»",
        ),
    ],
)
def test_a_quote_opened_after_a_bracket_or_a_quote_is_nested_in_the_title(
    text: str, title: str
) -> None:
    c = parse_citations(text)[0]  # the act cited in the title is cited too
    assert c.act is not None
    assert c.act.title == title
    assert c.text == text


LAW_204 = "Закон Республики Беларусь от 14 июня 2003 г. № 204-З"
CIVIL_SERVICE = '"О государственной службе в Республике Беларусь "'


@pytest.mark.parametrize(
    "after",
    [
        # A closing ASCII quote typed after a space still closes the title: before a bracket,
        # at the end of the text, before the next word.
        " (с изменениями)",
        "",
        " и Указ Президента Республики Беларусь",
        ", а также",
    ],
)
def test_a_closing_quote_typed_after_a_space_ends_the_title(after: str) -> None:
    c = parse_citations(f"{LAW_204} {CIVIL_SERVICE}{after}")[0]
    assert c.act is not None
    assert c.act.title == "О государственной службе в Республике Беларусь"
    assert c.text == f"{LAW_204} {CIVIL_SERVICE}"
    assert c.act_id == "by/law/2003-06-14/204-z"


def test_a_quote_inside_the_title_closed_after_a_space_is_closed() -> None:
    # The programme's name in quotes inside the resolution's title, its closing quote typed
    # after a space: one quote opened and closed inside, the title runs to the last quote.
    text = (
        "постановление Совета Министров Республики Беларусь от 19 января 2021 г. № 28 "
        '"О Государственной программе "Здоровье народа и демографическая безопасность " на '
        '2021–2025 годы"'
    )
    c = one(text)
    assert c.act is not None
    assert c.act.title is not None
    assert c.act.title.startswith("О Государственной программе «Здоровье народа")
    assert (c.act.title.count("«"), c.act.title.count("»")) == (1, 1)
    assert c.act.title.endswith("» на 2021-2025 годы")
    assert c.text == text


@pytest.mark.parametrize(
    "text",
    [
        "постановлением Государственного комитета по стандартизации Республики Беларусь от 18 мая"
        " 2020 г. № 44",
        "постановление Госстандарта от 18 мая 2020 г. № 44",  # the abbreviation, named in full
    ],
)
def test_a_state_body_is_named_in_full_as_an_issuer(text: str) -> None:
    c = one(text)
    assert c.act is not None
    assert c.act.issuers == ("Государственного комитета по стандартизации Республики Беларусь",)
    assert c.act_id == "by/resolution/gosstandart/2020-05-18/44"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The number right after the ministry's name, with a Latin «N» or «№».
        (
            "постановлением Министерства финансов N 35 от 25 мая 2018 г.",
            "by/resolution/minfin/2018-05-25/35",
        ),
        (
            "постановлением Министерства финансов № 35 от 25 мая 2018 г.",
            "by/resolution/minfin/2018-05-25/35",
        ),
        # Two ministries joined by «и», neither followed by «Республики Беларусь».
        (
            "постановлением Министерства внутренних дел и Министерства образования от 25 мая "
            "2018 г. № 35",
            "by/resolution/mvd+minobr/2018-05-25/35",
        ),
        # «Министерства» alone in the ministry's own text: which ministry is not said here.
        ("утвержденной постановлением Министерства от 25 мая 2018 г. № 35", None),
    ],
)
def test_a_ministrys_name_ends_at_the_date_or_number(text: str, expected: str | None) -> None:
    c = one(text)
    assert c.act_id == expected
    assert c.act is not None
    assert (c.act.date, c.act.number) == (datetime.date(2018, 5, 25), "35")


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        # A ministry of another state: its state ends the name and is the act's jurisdiction.
        ("приказом Министерства финансов Российской Федерации от 1 марта 2020 г. № 5", "ru"),
        ("приказом Министерства финансов Украины от 1 марта 2020 г. № 5", "ua"),
    ],
)
def test_a_foreign_ministry_is_not_ours(text: str, jurisdiction: str) -> None:
    c = one(text)
    assert c.act is not None
    assert c.act.jurisdiction == jurisdiction
    assert (c.act_id, c.reason) == (None, "issued outside Belarus")


# -- local councils and executive committees ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer", "slug", "date", "number"),
    [
        # A one-word executive committee: its name is the two words, the number read after it.
        ("решение Брестского облисполкома № 15", "Брестского облисполкома", None, None, "15"),
        (
            "решением Брестского облисполкома от 1 марта 2020 г. № 5",
            "Брестского облисполкома",
            "brestskiy_oblispolkom",
            datetime.date(2020, 3, 1),
            "5",
        ),
        (
            "решение Гомельского горисполкома 12 января 2021 г. № 31",
            "Гомельского горисполкома",
            "gomelskiy_gorispolkom",
            datetime.date(2021, 1, 12),
            "31",
        ),
        # The long form: place, level and body.
        (
            "решением Вороновского районного Совета депутатов от 12 января 2021 г. № 215",
            "Вороновского районного Совета депутатов",
            "voronovskiy_raysovet",
            datetime.date(2021, 1, 12),
            "215",
        ),
    ],
)
def test_a_local_body_is_named_by_its_place_and_kind(
    text: str, issuer: str, slug: str | None, date: datetime.date | None, number: str
) -> None:
    c = one(text)
    assert c.act is not None
    assert c.act.issuers == (issuer,)
    assert (c.act.date, c.act.number) == (date, number)
    if slug is not None:
        assert c.act.issuer_slugs == (slug,)
        assert c.act_id == f"by/decision/{slug}/{date}/{number}"


@pytest.mark.parametrize(
    "text",
    [
        # «указанного» points back to a committee named earlier; it is not a place.
        "решение указанного районного исполнительного комитета от 1 марта 2020 г. № 5",
        "решением другого районного Совета депутатов от 1 марта 2020 г. № 5",
    ],
)
def test_a_lowercase_adjective_before_a_local_body_is_not_a_place(text: str) -> None:
    assert all(c.act_id is None for c in parse_citations(text))


@pytest.mark.parametrize(
    "text",
    [
        "приказом Президента от 1 марта 2020 г. № 5",
        "постановлением Президента Республики Беларусь от 1 марта 2020 г. № 5",
        "решением Президента Республики Беларусь от 1 марта 2020 г. № 5",
    ],
)
def test_the_president_issues_no_orders_resolutions_or_decisions(text: str) -> None:
    # The President's acts are edicts, decrees, directives and disposals (Constitution, art.
    # 85): a «приказ» or «постановление» of the President is cited, but has no id.
    (c,) = parse_citations(text)
    assert c.act_id is None
    assert not c.resolved


# -- a title after the head word is not an issuer ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "в соответствии с Указом О некоторых вопросах государственной службы от 1 марта 2020 г."
        " № 5",
        "постановлением О порядке учета от 1 марта 2020 г. № 5",
        "приказом О мерах по реализации № 5",
    ],
)
def test_an_unquoted_title_after_the_head_word_is_not_the_name_of_an_unknown_body(
    text: str,
) -> None:
    # «О …» opens the title; the President's edict is not read as another body's, nor a
    # resolution or order as one of a body the tables do not know.
    assert [
        c.reason for c in parse_citations(text) if c.reason in (UNKNOWN_ISSUER, NOT_THE_PRESIDENT)
    ] == []
