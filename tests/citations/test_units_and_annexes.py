"""Units read apart from an act, Roman chapter numbers, the Constitution's jurisdiction, acts
cited inside a title, and annexes known by name (issue 25: the grammar's small rules)."""

from __future__ import annotations

import pytest

from lexgraph.citations import (
    AnnexRef,
    CitationContext,
    KnownAnnex,
    parse_citations,
    parse_units,
)
from tests.citations.reading import ids, one

# -- units read where an amending act names them (parse_units) -----------------------------


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        # Nothing after the position: the sentence «пункт 1 исключить» has ended.
        ("пункт 1 исключить", len("пункт 1 исключить")),
        # Only blanks after it.
        ("пункт 1 исключить ", len("пункт 1 исключить")),
        # A position inside a word («дополнить») does not start the units that follow it.
        ("дополнить пунктом 5", 2),
    ],
)
def test_no_units_where_none_start(text: str, pos: int) -> None:
    assert parse_units(text, pos) is None


def test_units_after_blanks_are_read() -> None:
    # «дополнить пунктом 5»: the amending act adds point 5; the units start after the blank.
    assert parse_units("дополнить пунктом 5", len("дополнить")) == (
        ((("point", "5"),),),
        len("дополнить пунктом 5"),
    )


# -- the Constitution and its jurisdiction ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "cited"),
    [
        # A Russian court decision citing its own Constitution: not Belarus's article 15.
        (
            "статьи 15 Конституции Российской Федерации",
            ["ru/constitution#art_15"],
            "статьи 15 Конституции Российской Федерации",
        ),
        ("статьей 7 Конституции РФ", ["ru/constitution#art_7"], "статьей 7 Конституции РФ"),
        # The state named after «Конституции» belongs to the reference's text.
        (
            "части второй статьи 23 Конституции Республики Беларусь",
            ["by/constitution#art_23__part_2"],
            "части второй статьи 23 Конституции Республики Беларусь",
        ),
        # No state named: ours.
        ("статьи 60 Конституции", ["by/constitution#art_60"], "статьи 60 Конституции"),
    ],
)
def test_the_constitution_is_the_one_of_the_state_named_after_it(
    text: str, expected: list[str], cited: str
) -> None:
    assert ids(text) == expected
    assert one(text).text == cited


# -- chapters and sections in Roman numerals -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("главы XI Налогового кодекса", ["by/code/tax#chapter_11"]),
        # The same typed with a Cyrillic «Х» and a Belarusian «І», as a Belarusian keyboard
        # gives them: still chapter 11.
        ("главы ХІ Налогового кодекса", ["by/code/tax#chapter_11"]),
        # A Cyrillic «І» before a Latin «V»: section 4 of the Special Part.
        (
            "раздела ІV Особенной части Налогового кодекса Республики Беларусь",
            ["by/code/tax#special_part__section_4"],
        ),
        # A Cyrillic «Х» alone: chapter 10.
        ("главы Х Трудового кодекса Республики Беларусь", ["by/code/labour#chapter_10"]),
    ],
)
def test_roman_numerals_typed_in_cyrillic(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


# -- acts cited in full inside another act's title ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A code is cited in full by its name: the amended code is a reference.
        (
            "Закон Республики Беларусь от 14 января 2022 г. № 154-З «Об изменении Кодекса "
            "Республики Беларусь об образовании»",
            ["by/law/2022-01-14/154-z", "by/code/education"],
        ),
        # So is the Constitution (the law itself is cited without date and number here).
        (
            "Закон Республики Беларусь «Об изменении Конституции Республики Беларусь»",
            ["?", "by/constitution"],
        ),
        # One closing quote for both titles, as texts often print them: the amended law ends
        # where the amending law's title ends, and is still a reference.
        (
            "Закон Республики Беларусь от 4 января 2010 г. № 109-З «О внесении изменений и "
            "дополнений в Закон Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах "
            "административных процедур»",
            ["by/law/2010-01-04/109-z", "by/law/2008-10-28/433-z"],
        ),
        # A resolution named inside a title by its number alone is not cited in full: the
        # title is only read for acts with date and number.
        (
            "постановление Совета Министров Республики Беларусь от 20 октября 2015 г. № 873 "
            "«О внесении изменений в постановление Совета Министров Республики Беларусь № 783»",
            ["by/cm_resolution/2015-10-20/873"],
        ),
    ],
)
def test_acts_cited_in_full_inside_a_title(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


# -- annexes known by name ----------------------------------------------------------------

TYPICAL = (
    "пункта 3 Типового положения о комиссии по противодействию коррупции, утвержденного "
    "постановлением Совета Министров Республики Беларусь от 26 декабря 2011 г. № 1732"
)
TYPICAL_ACT = "by/cm_resolution/2011-12-26/1732"

# The Ministry of Labour's general rules, known to the caller (from the graph) by their name.
GENERAL_RULES = CitationContext(
    annexes=(
        KnownAnnex(
            AnnexRef(
                "rules",
                "Межотраслевые общие правила по охране труда",
                "mezhotraslevye_obshchie_pravila_okhrane_truda",
            ),
            "by/resolution/mintrud/2003-06-03/70",
            "resolution",
        ),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The typical regulation named again, with its adjective: the annex learnt above.
        (
            "пункта 5 Типового положения о комиссии по противодействию коррупции",
            [f"{TYPICAL_ACT}#regulation_tipovoy_komissii_protivodeystviyu_korruptsii__point_5"],
        ),
        # Without «Типового» it is an organization's own regulation on its commission: not
        # the typical one, and not known.
        (
            "пункта 5 Положения о комиссии по противодействию коррупции",
            ["?#regulation_komissii_protivodeystviyu_korruptsii__point_5"],
        ),
    ],
)
def test_a_learnt_annex_keeps_its_adjective(text: str, expected: list[str]) -> None:
    context = CitationContext().learn(parse_citations(TYPICAL))
    assert ids(text, context) == expected


def test_a_known_annex_whose_head_is_its_third_word_takes_no_other_rules() -> None:
    # «Межотраслевые общие правила по охране труда» are not «Правила по охране труда при
    # работе на высоте», another act's rules: these stay unknown.
    c = one("пункта 5 Правил по охране труда при работе на высоте", GENERAL_RULES)
    assert c.act_id is None
    assert c.reason == (
        "«Правила по охране труда при работе на высоте» is not defined earlier nor known"
    )


# -- an annex not known: its name ends with its line -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A table cell of required documents: the next line is the next cell.
        "в соответствии с пунктом 3 Инструкции о порядке заполнения декларации\nзаявление",
        # A heading above, and two more lines below.
        "Статья 5. Основания\nв соответствии с пунктом 3 Инструкции о порядке заполнения "
        "декларации\nзаявление\nпаспорт",
    ],
)
def test_an_unknown_annex_is_named_up_to_its_line_end(text: str) -> None:
    c = one(text)
    assert c.annex is not None
    assert c.annex.name == "Инструкция о порядке заполнения декларации"
    assert c.text == "пунктом 3 Инструкции о порядке заполнения декларации"
    assert c.annex.name == "Инструкция о порядке заполнения декларации"
    assert c.text == "пунктом 3 Инструкции о порядке заполнения декларации"
    assert c.reason == (
        "«Инструкция о порядке заполнения декларации» is not defined earlier nor known"
    )


# Some 900 characters of one sentence without a semicolon.
LONG_SENTENCE = (
    " Для получения справки гражданин представляет паспорт или иной документ, удостоверяющий "
    "личность, свидетельство о рождении ребенка, свидетельство о заключении брака, "
    "свидетельство о расторжении брака либо копию решения суда о расторжении брака, "
    "документы, подтверждающие доходы каждого члена семьи за последние двенадцать месяцев, "
    "справку о месте жительства и составе семьи или копию лицевого счета, выписку из трудовой "
    "книжки, сведения о полученных доходах, справку о размере пенсии, справку о размере "
    "пособия по безработице, справку о нахождении в отпуске по уходу за ребенком до "
    "достижения им возраста трех лет, справку о выходе на работу до истечения отпуска по уходу "
    "за ребенком, справку о размере стипендии, справку об обучении, удостоверение инвалида, "
    "удостоверение ребенка-инвалида, заключение медико-реабилитационной экспертной комиссии, "
    "а также иные документы, необходимые для назначения пособия, в соответствии с Инструкцией, "
    "утвержденной постановлением Министерства труда и социальной защиты Республики Беларусь "
    "от 17 марта 2022 г. № 12.\n\n"
)


def test_an_annex_is_not_paired_with_an_approving_act_far_beyond_it() -> None:
    # The «утвержденной» some 900 characters on approves another annex: «Положение о порядке
    # выдачи справок» stays unknown rather than taking the Ministry's resolution.
    found = parse_citations("пункта 3 Положения о порядке выдачи справок." + LONG_SENTENCE)
    first = found[0]
    assert first.annex is not None
    assert first.annex.name == "Положение о порядке выдачи справок"
    assert first.act_id is None


# -- a hyphen between a Roman number and a figure ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Chapter IV¹, a range IV to 1, or a typo: the text does not say, so the code is
        # cited and no chapter is named (a superscript is read only between figures: «23-1»).
        "главы IV-1 Налогового кодекса",
        "главы 4-I Налогового кодекса",
    ],
)
def test_a_roman_number_and_a_figure_glued_by_a_hyphen_name_no_unit(text: str) -> None:
    assert ids(text) == ["by/code/tax"]
    assert one(text).text == "Налогового кодекса"


# A long annex title: the Положение's subject enumerated, written with commas only.
_SUBJECTS = (
    "о порядке выдачи справок о месте жительства и составе семьи, о размере заработной платы, "
    "о нахождении в отпуске по уходу за ребенком до достижения им возраста трех лет, о размере "
    "пенсии, о размере пособия по безработице, об обучении в учреждении образования, о "
    "размере стипендии, о нахождении на иждивении, о доходах каждого члена семьи, "
)
CM_1065 = "постановлением Совета Министров Республики Беларусь от 15 июля 2010 г. № 1065"


def _long_annex(room: int) -> str:
    """«пункта 3 Положения …, утвержденного …» whose approving word and the blank after it end
    ``room`` characters after the head «Положения»."""
    approving = ", утвержденного"
    title = (_SUBJECTS * 4)[: room - 2 - len(approving)].rstrip(", ")
    text = f"пункта 3 Положения {title}"
    text += " " * (room - 1 - len(approving) - len(text) + len("пункта 3 Положения"))
    return f"{text}{approving} {CM_1065}"


@pytest.mark.parametrize(
    ("room", "paired"),
    [
        # The approving words are looked for within 800 characters of the annex's head.
        (800, True),
        (801, False),
    ],
)
def test_an_approving_act_is_looked_for_within_800_characters(room: int, paired: bool) -> None:
    text = _long_annex(room)
    assert (
        text.index(", утвержденного ") + len(", утвержденного ") == len("пункта 3 Положения") + room
    )
    c = parse_citations(text)[0]
    assert c.annex is not None
    assert (c.act_id == "by/cm_resolution/2010-07-15/1065") is paired


# -- units written in brackets after a whole act ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The Constitution named whole, its article in brackets after it.
        (
            "права, гарантированные Конституцией Республики Беларусь (статья 33)",
            ["by/constitution#art_33"],
        ),
        # A law cited with its title, its article in brackets.
        (
            "Законом Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах "
            "административных процедур» (статья 15)",
            ["by/law/2008-10-28/433-z#art_15"],
        ),
        ("Налоговым кодексом Республики Беларусь (статья 13)", ["by/code/tax#art_13"]),
        # A list of legislation: a word and a comma before the units («извлечения»).
        (
            "Кодекс Республики Беларусь об административных правонарушениях (извлечения, "
            "статьи 24.1. - 24.4)",
            [f"by/code/admin_offences#art_24.{n}" for n in (1, 2, 3, 4)],
        ),
        # Words without a comma before the units are not passed over: the chapter excluded
        # is not the unit cited.
        (
            "применяются нормы Налогового кодекса Республики Беларусь (за исключением главы 12)",
            ["by/code/tax"],
        ),
        # Units in brackets that belong to another act named there: the law's article, not
        # the code's.
        (
            "установлено Трудовым кодексом Республики Беларусь (статья 10 Закона Республики "
            "Беларусь от 28 октября 2008 г. № 433-З)",
            ["by/code/labour", "by/law/2008-10-28/433-z#art_10"],
        ),
    ],
)
def test_units_in_brackets_after_a_whole_act(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "defines"),
    [
        # The article in brackets, then the short name in brackets of its own.
        ("Налоговым кодексом Республики Беларусь (статья 13) (далее – НК)", "НК"),
        # The bracket goes on after a dash or a semicolon: the article is still read.
        (
            "Налогового кодекса Республики Беларусь (статья 13 - в части налога на добавленную "
            "стоимость)",
            None,
        ),
        ("Налогового кодекса Республики Беларусь (статья 13; глава 5 утратила силу)", None),
    ],
)
def test_a_bracket_of_units_and_what_follows_it(text: str, defines: str | None) -> None:
    c = one(text)
    assert [u.e_id for u in c.units] == ["art_13"]
    assert c.defines == defines


# -- units joined by «и»: only what a unit is written «of» is shared backwards ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An annex joined by «и» is the act's other part, not the point's container.
        (
            "пунктом 5 и приложением к постановлению Совета Министров Республики Беларусь"
            " от 1 марта 2020 г. № 120",
            ["by/cm_resolution/2020-03-01/120#point_5", "by/cm_resolution/2020-03-01/120#annex"],
        ),
        (
            "пункта 5 и приложения 2 к Закону Республики Беларусь от 5 мая 2010 г. № 123-З",
            ["by/law/2010-05-05/123-z#point_5", "by/law/2010-05-05/123-z#annex_2"],
        ),
        # Subpoint 1.1 is in point 1: it is not point 2's, but both are article 5's.
        (
            "подпункта 1.1 и пункта 2 статьи 5 Налогового кодекса Республики Беларусь",
            ["by/code/tax#art_5__subpoint_1.1", "by/code/tax#art_5__point_2"],
        ),
        # Point 3 of part 2 is written «пункта 3 части 2»; here they are two units of article 7.
        (
            "пункта 3 и части 2 статьи 7 Налогового кодекса Республики Беларусь",
            ["by/code/tax#art_7__point_3", "by/code/tax#art_7__part_2"],
        ),
        # What the second unit is written «of» is shared: article 5 is the first's too.
        (
            "подпункта 1.1 пункта 1 и пункта 2 статьи 5 Налогового кодекса Республики Беларусь",
            ["by/code/tax#art_5__point_1__subpoint_1.1", "by/code/tax#art_5__point_2"],
        ),
    ],
)
def test_a_unit_joined_by_and_is_not_the_container_of_the_one_before(
    text: str, expected: list[str]
) -> None:
    assert ids(text) == expected
