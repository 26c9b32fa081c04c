"""References as Belarusian lawyers write them: one small example of each shape (issue 20)."""

from __future__ import annotations

import datetime

import pytest

from lexgraph.citations import CitationContext, KnownAct, parse_citations
from lexgraph.citations.acts import CODE_ABBREVIATIONS
from tests.citations.reading import ids, one

LAW = "Закона Республики Беларусь от 28 октября 2008 г. № 433-З"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"статья 23-1 {LAW}", ["by/law/2008-10-28/433-z#art_23-1"]),
        ("статьи 201¹ Налогового кодекса", ["by/code/tax#art_201-1"]),
        ("ст.ст. 327-329 УК", [f"by/code/criminal#art_{n}" for n in (327, 328, 329)]),
        ("по ч.ч. 1, 2 ст. 205 УК", [f"by/code/criminal#art_205__part_{n}" for n in (1, 2)]),
        ("статьями 13.1 - 13.3 КоАП", [f"by/code/admin_offences#art_13.{n}" for n in (1, 2, 3)]),
    ],
)
def test_superscripts_and_ranges(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_flattened_superscript_stays_unresolved_with_the_reason() -> None:
    c = one("статьи 2011 Налогового кодекса Республики Беларусь")
    assert c.act_id == "by/code/tax"
    assert not c.resolved
    assert not c.units
    assert c.reason is not None
    assert "superscript" in c.reason


BEYOND = (
    " is beyond the act's articles: a superscript flattened by copy-paste (e.g. 201¹ written"
    " 2011) cannot be read without the act's structure"
)


@pytest.mark.parametrize(
    ("text", "e_ids", "dropped"),
    [
        # The Tax Code's articles end below 420, the Constitution's at 146; any act's at 999.
        ("статьи 420 Налогового кодекса", ["art_420"], None),
        ("статьи 421 Налогового кодекса", [], "421"),
        ("статьи 146 Конституции Республики Беларусь", ["art_146"], None),
        ("статьи 147 Конституции Республики Беларусь", [], "147"),
        ("статьи 998 Закона Республики Беларусь от 14 октября 2022 г. № 213-З", ["art_998"], None),
        ("статей 2011 и 2021 Налогового кодекса", [], "2011, 2021"),
        ("статей 420 и 2011 Налогового кодекса", ["art_420"], "2011"),
        # Only the article that cannot be is dropped, with the units under it.
        ("подпункта 1.2 пункта 1 статьи 2011 и статьи 15 Налогового кодекса", ["art_15"], "2011"),
    ],
)
def test_articles_beyond_the_acts_last_are_dropped_with_the_reason(
    text: str, e_ids: list[str], dropped: str | None
) -> None:
    c = one(text)
    assert [u.e_id for u in c.units] == e_ids
    assert c.reason == (None if dropped is None else f"article {dropped}{BEYOND}")
    assert c.resolved is (dropped is None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ст. 145 Уголовного кодекса Российской Федерации", "ru/code/criminal#art_145"),
        ("статьей 139 ТК РФ", "ru/code/labour#art_139"),
        ("статьи 194 Таможенного кодекса Таможенного союза", "cu/code/customs#art_194"),
        ("статьи 14.1 КоАП РФ", "ru/code/admin_offences#art_14.1"),
        ("Федеральным законом от 12 февраля 1998 г. № 28-ФЗ", "ru/law/1998-02-12/28-fz"),
        # The state named after «Федеральный закон» is passed over, the units before it kept.
        (
            "статьей 7 Федерального закона Российской Федерации от 12 февраля 1998 г. № 28-ФЗ",
            "ru/law/1998-02-12/28-fz#art_7",
        ),
        ("постановлением Правительства РФ от 17.11.2015 № 1239", "?"),
        ("приказом Министерства экономики Омской области от 19 октября 2015 года N 59", "?"),
    ],
)
def test_foreign_acts_keep_their_jurisdiction(text: str, expected: str) -> None:
    assert ids(text) == [expected]


CIVIL_DEFENCE = CitationContext(
    acts=(KnownAct("by/law/2006-11-27/183-z", "law", "О гражданской обороне"),)
)


@pytest.mark.parametrize(
    "text",
    [
        "статьи 7 Федерального закона «О гражданской обороне»",
        "статьи 7 Федерального закона Российской Федерации «О гражданской обороне»",
        "статьи 7 Закона Российской Федерации «О гражданской обороне»",
        "статьи 7 Федерального закона № 28-ФЗ «О гражданской обороне»",
    ],
)
def test_a_foreign_act_cited_by_its_title_is_not_taken_for_ours(text: str) -> None:
    # Belarus and Russia both have a law «О гражданской обороне»: the known acts are ours.
    c = one(text, CIVIL_DEFENCE)
    assert (c.text, c.act_id, c.resolved) == (text, None, False)
    assert c.reason == "a foreign act is identified only by its date and number"
    assert [(u.e_id, u.provision_id) for u in c.units] == [("art_7", None)]
    ours = "статьи 7 Закона Республики Беларусь «О гражданской обороне»"
    assert ids(ours, CIVIL_DEFENCE) == ["by/law/2006-11-27/183-z#art_7"]


def test_a_bare_abbreviation_takes_the_only_jurisdiction_the_text_names() -> None:
    text = "Трудовой кодекс Российской Федерации. В ст. 334 ТК сказано"
    assert ids(text) == ["ru/code/labour", "ru/code/labour#art_334"]
    # The reference read again with that jurisdiction keeps its text and place.
    bare = parse_citations(text)[1]
    assert (bare.text, bare.span) == ("ст. 334 ТК", (text.index("ст. 334"), len(text) - 8))
    before = "по статье 20.6.1 Кодекса об административных правонарушениях, ст.20.6.1 КоАП РФ"
    assert ids(before) == ["ru/code/admin_offences#art_20.6.1"] * 2
    # A Belarusian text comparing with the Russian code: the bare name is ours.
    both = "ст. 5 ТК Республики Беларусь и ст. 7 ТК РФ; ст. 9 ТК"
    assert ids(both) == ["by/code/labour#art_5", "ru/code/labour#art_7", "by/code/labour#art_9"]


@pytest.mark.parametrize(("abbreviation", "slug"), sorted(CODE_ABBREVIATIONS.items()))
def test_abbreviated_codes(abbreviation: str, slug: str) -> None:
    n = "5.1" if slug in ("admin_offences", "admin_procedure") else "5"  # КоАП: «статья 5.1»
    assert ids(f"ч. 2 ст. {n} {abbreviation}") == [f"by/code/{slug}#art_{n}__part_2"]
    assert ids(f"ст. {n} {abbreviation} Республики Беларусь") == [f"by/code/{slug}#art_{n}"]


@pytest.mark.parametrize(
    "text",
    [
        "в части первой пункта 2 слово «УК» заменить словами",
        "дополнить словами «Республики Беларусь (далее – УК)»;",
        "ст. 27 Кодекса, хозяйственному суду подведомственны",
    ],
)
def test_traps(text: str) -> None:
    assert parse_citations(text) == []


def test_a_definition_is_not_a_second_reference_and_later_references_use_it() -> None:
    text = (
        "Указа Президента Республики Беларусь от 24.08.2022 № 298 «О налогообложении» "
        "(далее – Указ № 298). Согласно подп. 1.1 п. 1 Указа № 298 и ст.233 Трудового "
        "кодекса РБ (далее - ТК), ст.320 ТК"
    )
    found = parse_citations(text)
    assert [c.defines for c in found] == ["Указ № 298", None, "ТК", None]
    assert ids(text) == [
        "by/edict/2022-08-24/298",
        "by/edict/2022-08-24/298#point_1__subpoint_1.1",
        "by/code/labour#art_233",
        "by/code/labour#art_320",
    ]


def test_enumerations_share_the_kind_word() -> None:
    text = (
        "постановлениями Совета Министров Республики Беларусь от 10.01.2012 № 31, "
        "от 11.07.2012 № 636 и от 18.10.2012 № 936"
    )
    assert ids(text) == [
        "by/cm_resolution/2012-01-10/31",
        "by/cm_resolution/2012-07-11/636",
        "by/cm_resolution/2012-10-18/936",
    ]
    shared = "Законами Республики Беларусь от 18.11.2004 № 339-З и № 338-З"
    assert ids(shared) == ["by/law/2004-11-18/339-z", "by/law/2004-11-18/338-z"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Конституции Республики Беларусь", "by/constitution"),
        (
            "решением Минского городского исполнительного комитета от 11 мая 1998 г. № 474",
            "by/decision/minskiy_gorispolkom/1998-05-11/474",
        ),
        (
            "решение Брестского облисполкома от 15 октября 2021 г. № 619",
            "by/decision/brestskiy_oblispolkom/2021-10-15/619",
        ),
        (
            "приказом Министерства здравоохранения Республики Беларусь от 23 марта 2012 г. № 315",
            "by/order/minzdrav/2012-03-23/315",
        ),
        (
            "распоряжением Президента Республики Беларусь от 5 мая 2015 г. № 85рп",
            "by/disposal/president/2015-05-05/85rp",
        ),
        (
            "постановления Пленума Верховного Суда Республики Беларусь от 28 сентября 2001 г. № 9",
            "by/resolution/supreme_court_plenum/2001-09-28/9",
        ),
        (
            "постановлением Министерства по налогам и сборам от 29.03.2010 № 23",
            "by/resolution/mns/2010-03-29/23",
        ),
        (
            "постановлением Государственного комитета по имуществу от 1 марта 2011 г. № 5",
            "by/resolution/goskomimushchestvo/2011-03-01/5",
        ),
        ("Директивы № 4 от 31.12.2010", "by/directive/2010-12-31/4"),
        # A word that only starts like a head («применения», «приказ») is no act; the law after
        # it is ours, not a Russian «федеральный закон».
        (
            "о порядке применения Закона Республики Беларусь от 28 октября 2008 г. № 433-З",
            "by/law/2008-10-28/433-z",
        ),
        ("Соглашения между Правительством Республики Беларусь и Правительством РФ о", "?"),
        ("Указ Президиума Верховного Совета Республики Беларусь от 22.09.1983 N 3153-X", "?"),
    ],
)
def test_kinds_and_issuers(text: str, expected: str) -> None:
    assert ids(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A court's judgment «по делу …» is not a legal act.
        (
            "постановлением Верховного Суда Республики Беларусь от 12 мая 2020 г. № 5 по делу № 12",
            [],
        ),
        (
            "постановлением Совета Министров Республики Беларусь от 14 июля 2017 г. № 529 "
            "по согласованию с Министерством финансов",
            ["by/cm_resolution/2017-07-14/529"],
        ),
        # Without its issuer, a decision or order is an act only when cited with date and number.
        ("решение от 27.08.2019 по иску", []),
        ("приказ № 15 о приеме на работу", []),
        ("приказом от 5 мая 2020 г. № 15", ["?"]),
    ],
)
def test_judgments_and_acts_without_their_issuer(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Указом Президента Республики Беларусь от 29.03.10 № 172",
        "Указом Президента Республики Беларусь от 29.03.2010 г. № 172",
        "Указом Президента Республики Беларусь от 29 марта 2010 года № 172",
        "УКАЗ ПРЕЗИДЕНТА РЕСПУБЛИКИ БЕЛАРУСЬ\n29 марта 2010 г. № 172",
        "Указом Президента Республики Беларусь № 172 от 29.03.2010",
        "Указом Президента Республики Беларусь от «29» марта 2010 г. № 172",
    ],
)
def test_dates_in_every_shape(text: str) -> None:
    assert ids(text) == ["by/edict/2010-03-29/172"]


def test_register_numbers_resolve_through_the_known_acts() -> None:
    known = KnownAct("by/resolution/mns/2010-03-29/23", "resolution", register="8/22246")
    context = CitationContext(acts=(known,))
    text = "постановлением Министерства по налогам и сборам (рег. № 8/22246)"
    assert ids(text, context) == ["by/resolution/mns/2010-03-29/23"]
    assert ids(text) == ["?"]


def test_a_register_number_alone_names_no_act_until_one_is_known() -> None:
    text = "постановлением Министерства по налогам и сборам (рег. № 8/22246)"
    assert one(text).reason == "cited without title, date or number"


EDICT_508 = "Указом Президента Республики Беларусь от 3 ноября 2014 г. № 508"


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        (f"{EDICT_508} (рег. № 1/15375)", f"{EDICT_508} (рег. № 1/15375)"),
        (f"{EDICT_508} рег. № 1/15375", f"{EDICT_508} рег. № 1/15375"),
        # A bracket the register number did not open is not the reference's.
        (f"(в ред. {EDICT_508} рег. № 1/15375)", f"{EDICT_508} рег. № 1/15375"),
    ],
)
def test_a_register_number_in_brackets_or_without(text: str, cited: str) -> None:
    c = one(text)
    assert c.act is not None
    assert (c.act_id, c.act.register, c.text) == ("by/edict/2014-11-03/508", "1/15375", cited)


def test_a_register_number_cited_in_full_finds_its_act_again() -> None:
    text = (
        "Указом Президента Республики Беларусь от 3 ноября 2014 г. № 508 (рег. № 1/15375) и "
        "пунктом 2 Указа (рег. № 1/15375)"
    )
    first = parse_citations(text)[0]
    assert first.act is not None
    assert first.act.register == "1/15375"
    assert ids(text) == ["by/edict/2014-11-03/508", "by/edict/2014-11-03/508#point_2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("статьей Особенной части КоАП", ["by/code/admin_offences#special_part"]),
        ("главой 12 Трудового кодекса", ["by/code/labour#chapter_12"]),
        # A dash after the act starts no range: «ст. 5 НК – 10 процентов».
        ("согласно ст. 5 НК - 10 процентов", ["by/code/tax#art_5"]),
        ("статьи 62 главы 5 Налогового кодекса", ["by/code/tax#art_62"]),
        (
            "приложение к Указу Президента Республики Беларусь от 25 июня 2021 г. № 240",
            ["by/edict/2021-06-25/240#annex"],
        ),
        (
            "п. 4.11. Указа Президента Республики Беларусь от 25 июня 2021 г. № 240",
            ["by/edict/2021-06-25/240#point_4.11"],
        ),
        (
            "Кодекса Республики Беларусь об административных правонарушениях (статья 16.10)",
            ["by/code/admin_offences#art_16.10"],
        ),
        (
            "абзацем пятнадцатым пункта 2 Указа Президента Республики Беларусь "
            "от 25 июня 2021 г. № 240",
            ["by/edict/2021-06-25/240#point_2__para_15"],
        ),
        (
            "пунктами 3 и 5 части 1 статьи 7.2 КоАП",
            [
                "by/code/admin_offences#art_7.2__part_1__point_3",
                "by/code/admin_offences#art_7.2__part_1__point_5",
            ],
        ),
    ],
)
def test_units(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_self_references_resolve_through_the_citing_act() -> None:
    text = "в порядке, установленном пунктом 1 статьи 62 настоящего Кодекса"
    assert ids(text) == ["?#art_62__point_1"]
    context = CitationContext(document_id="by/code/housing")
    assert ids(text, context) == ["by/code/housing#art_62__point_1"]


def test_an_act_cited_in_full_inside_a_title_is_a_reference() -> None:
    text = (
        "постановление Совета Министров Республики Беларусь от 28 октября 2008 года № 1610 "
        "«О мерах по реализации Декрета Президента Республики Беларусь от 17 декабря 2002 г. "
        "№ 28» и «Об утверждении Положения о Министерстве»"
    )
    assert ids(text) == ["by/cm_resolution/2008-10-28/1610", "by/decree/2002-12-17/28"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "п.п. 1.1 п. 1 Указа Президента Республики Беларусь от 25 июня 2021 г. № 240",
            ["by/edict/2021-06-25/240#point_1__subpoint_1.1"],
        ),
        (
            "Законом Республики Беларусь «О нормативных правовых актах» от 17.07.2018 № 130-З",
            ["by/law/2018-07-17/130-z"],
        ),
        ("постановлением Совмина от 17.02.2012 № 156", ["by/cm_resolution/2012-02-17/156"]),
        ("раздела IV Налогового кодекса", ["by/code/tax#section_4"]),
        ("главы IV Налогового кодекса", ["by/code/tax#chapter_4"]),
        # Roman numerals after an abbreviation, in ranges and enumerations.
        ("разд. IV Налогового кодекса", ["by/code/tax#section_4"]),
        ("гл. IV Налогового кодекса", ["by/code/tax#chapter_4"]),
        (
            "главы IV–VI НК",
            ["by/code/tax#chapter_4", "by/code/tax#chapter_5", "by/code/tax#chapter_6"],
        ),
        (
            "главы I и II Трудового кодекса",
            ["by/code/labour#chapter_1", "by/code/labour#chapter_2"],
        ),
        # A falling range names no unit; a hyphen between Roman numerals is no superscript.
        ("главы VI-IV НК", ["by/code/tax"]),
        (
            "абзаце двадцать первом статьи 1 Закона Республики Беларусь "
            "от 28 октября 2008 г. № 433-З",
            ["by/law/2008-10-28/433-z#art_1__para_21"],
        ),
        (
            "(в ред. постановлений Совмина от 10.01.2012 № 31; от 11.07.2012 № 636)",
            ["by/cm_resolution/2012-01-10/31", "by/cm_resolution/2012-07-11/636"],
        ),
        (
            "Приложение № 3 к приказу Минздрава № 10 от 10.01.1994",
            ["by/order/minzdrav/1994-01-10/10#annex_3"],
        ),
        (
            "Приложение N 3 к приказу Минздрава N 10 от 10.01.1994",
            ["by/order/minzdrav/1994-01-10/10#annex_3"],
        ),
    ],
)
def test_more_shapes(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_a_dotted_article_of_a_code_named_without_jurisdiction_is_not_ours() -> None:
    [c] = parse_citations("предусмотренные ст. 264.1 УК")
    assert c.act_id is None
    assert [u.provision_id for u in c.units] == [None]
    assert c.reason == (
        "a dotted article number is not the Belarusian code's numbering, and no jurisdiction is"
        " named («ст. 264.1 УК» reads as the Russian code)"
    )
    assert ids("ст. 205 УК") == ["by/code/criminal#art_205"]
    assert ids("ст.32 УПК РСФСР") == ["rsfsr/code/criminal_procedure#art_32"]


def test_a_law_named_by_its_title_without_quotes() -> None:
    text = "статье 29 Закона о внешней трудовой миграции и статье 5 Закона РБ О нормативных актах"
    assert ids(text) == ["?#art_29", "?#art_5"]
    known = KnownAct("by/law/2010-12-30/225-z", "law", "О внешней трудовой миграции")
    context = CitationContext(acts=(known,))
    assert ids(text, context)[0] == "by/law/2010-12-30/225-z#art_29"


@pytest.mark.parametrize(
    "text",
    [
        "ст. 145 УК РФ",
        "статьи 60 Конституции",
        "решением Минского городского исполнительного комитета от 11 мая 1998 г. № 474",
        "пункта 2 приказа Министерства здравоохранения от 23 марта 2012 г. № 315",
        "распоряжением Президента Республики Беларусь от 5 мая 2015 г. № 85рп",
    ],
)
def test_canonical_text_of_the_new_shapes_reads_back(text: str) -> None:
    from lexgraph.citations import format_citation

    [c] = parse_citations(text)
    assert ids(format_citation(c)) == ids(text)


def test_short_names_of_approved_annexes() -> None:
    text = (
        "пункта 3 Инструкции о порядке ведения учета, утвержденной постановлением Министерства"
        " по налогам и сборам Республики Беларусь от 30.01.2019 № 5 (далее – Инструкция)."
        " Согласно пункту 5 Инструкции и пункту 6 Инструкции о порядке расчета налогов"
    )
    act = "by/resolution/mns/2019-01-30/5#instruction_poryadke_vedeniya_ucheta"
    assert ids(text) == [
        f"{act}__point_3",
        f"{act}__point_5",
        "?#instruction_poryadke_rascheta_nalogov__point_6",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "в ЖК «Минск-Мир» и УК «Жилкомсервис»",
        "отбывает наказание в ИК-15",
        "в УК-3 г. Минска",
        "в УК«Жилкомсервис»",
        "в УК  «Жилкомсервис»",
        "в УК\n«Жилкомсервис»",
    ],
)
def test_abbreviations_that_are_names(text: str) -> None:
    assert parse_citations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Протокол об административном правонарушении составляется",
        "Соглашение о расторжении трудового договора заключается",
        "Договор между нанимателем и работником",
    ],
)
def test_records_and_private_agreements_are_not_treaties(text: str) -> None:
    assert parse_citations(text) == []


MARRIAGE_CODE = "Кодекса Республики Беларусь от 9 июля 1999 г. № 278-З"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A label in brackets after a code's name is no second reference.
        ("статья 5 Налогового кодекса Российской Федерации (НК РФ)", ["ru/code/tax#art_5"]),
        ("статья 5 Налогового кодекса (НК-2019)", ["by/code/tax#art_5"]),
        ("(см. ст. 5 НК)", ["by/code/tax#art_5"]),  # a reference in brackets is one
        # A year glued to an abbreviation is its edition's, before the jurisdiction.
        ("ст. 5 НК-2019", ["by/code/tax#art_5"]),
        ("ст. 5 НК-2019 РФ", ["ru/code/tax#art_5"]),
        ("ст. 5 НК, ст. 7 ТК", ["by/code/tax#art_5", "by/code/labour#art_7"]),
        # «ТК» of a customs union is its Customs Code, not a Labour Code.
        ("ст. 5 ТК ЕАЭС", ["eaeu/code/customs#art_5"]),
        ("ст. 5 ТК ТС", ["cu/code/customs#art_5"]),
        # An abbreviation opening a quoted text is a reference; closing a quote, a quoted word.
        ("пункт 1 изложить в редакции: «НК применяется к отношениям»", ["by/code/tax"]),
        ("УК» заменить словами «ТК»", []),
        # A definition without its dash.
        ("дополнить словами «Республики Беларусь (далее УК)»", []),
        # The jurisdiction of a code named by its tail, before or after the tail.
        ("статьи 20 Кодекса о браке и семье РФ", ["ru/code/marriage_family#art_20"]),
        (
            "статьи 20 Кодекса Российской Федерации о браке и семье",
            ["ru/code/marriage_family#art_20"],
        ),
        (
            "статьи 20 Кодекса о браке и семье Республики Беларусь",
            ["by/code/marriage_family#art_20"],
        ),
        # A code cited by its date and number, its name in the quoted title.
        (
            f"статьи 5 {MARRIAGE_CODE} «Кодекс Республики Беларусь о браке и семье»",
            ["by/code/marriage_family#art_5"],
        ),
        (
            "статьи 5 Кодекса от 9 июля 1999 г. № 278-З "
            "«Кодекс Республики Беларусь о браке и семье»",
            ["by/code/marriage_family#art_5"],
        ),
        (
            "статьи 5 Кодекса Российской Федерации от 9 июля 1999 г. № 278-З "
            "«Кодекс о браке и семье»",
            ["ru/code/marriage_family#art_5"],
        ),
        (  # two jurisdictions: the article is given to neither, the title names its code
            "статьи 5 Кодекса Российской Федерации от 9 июля 1999 г. № 278-З "
            "«Кодекс Республики Беларусь о браке и семье»",
            ["by/code/marriage_family"],
        ),
        # «далее» not followed by a dash defines nothing.
        ("как сказано далее в УК", ["by/code/criminal"]),
    ],
)
def test_a_codes_jurisdiction_label_and_title(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


UNKNOWN_ISSUER = "the issuer is not in the table of state bodies"
ASSOCIATION = "постановлением Правления Ассоциации"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"{ASSOCIATION} № 5", UNKNOWN_ISSUER),
        (f"{ASSOCIATION} N 5", UNKNOWN_ISSUER),
        (f"{ASSOCIATION} 1 марта 2011 г. № 5", UNKNOWN_ISSUER),
        (
            f"{ASSOCIATION} белорусских банков, Союза нотариусов - юристов от 1 марта 2011 г. № 5",
            UNKNOWN_ISSUER,
        ),
        (f"{ASSOCIATION} банков Республики Беларусь от 1 марта 2011 г. № 5", UNKNOWN_ISSUER),
        (f"{ASSOCIATION} от «1» марта 2011 г. № 5", UNKNOWN_ISSUER),  # a quoted day
        # «от» without a date is a word of the name.
        (f"{ASSOCIATION} от имени её членов от 1 марта 2011 г. № 5", UNKNOWN_ISSUER),
        (f"{ASSOCIATION} от имени её членов № 5", UNKNOWN_ISSUER),
        (
            f"{ASSOCIATION} банков Российской Федерации от 1 марта 2011 г. № 5",
            "issued outside Belarus",
        ),
        (  # a name read to its longest (14 words), then the jurisdiction
            "постановлением Один Два Три Четыре Пять Шесть Семь Восемь Девять Десять Одиннадцать "
            "Двенадцать Тринадцать Четырнадцать РФ от 1 марта 2011 г. № 5",
            "issued outside Belarus",
        ),
    ],
)
def test_an_act_of_a_body_the_tables_do_not_know_is_cited_unresolved_with_the_reason(
    text: str, reason: str
) -> None:
    (cited,) = parse_citations(text)
    assert (cited.text, cited.act_id, cited.reason) == (text, None, reason)


def test_a_foreign_jurisdiction_before_a_body_the_tables_do_not_know_is_not_its_own() -> None:
    found = parse_citations(f"по ст. 5 УК РФ и {ASSOCIATION} от 1 марта 2011 г. № 5")
    assert [(c.act_id, c.reason) for c in found] == [
        ("ru/code/criminal", None),
        (None, UNKNOWN_ISSUER),
    ]


@pytest.mark.parametrize(
    "text",
    [
        ASSOCIATION,  # no date, no number: a mention, not a reference
        f"{ASSOCIATION} от имени её членов",
        f"{ASSOCIATION} (в редакции от 1 марта 2011 г.)",  # the date of an edition
        # A name longer than 14 words is not read as an issuer's.
        "постановлением Один Два Три Четыре Пять Шесть Семь Восемь Девять Десять Одиннадцать "
        "Двенадцать Тринадцать Четырнадцать Пятнадцать от 1 марта 2011 г. № 5",
    ],
)
def test_a_body_the_tables_do_not_know_is_no_reference_without_its_acts_date_or_number(
    text: str,
) -> None:
    assert parse_citations(text) == []


def test_an_annex_is_not_approved_by_an_act_in_the_next_sentence() -> None:
    text = (
        "пункта 3 Положения о порядке выдачи справок. Форма справки, утвержденная постановлением "
        "Министерства юстиции Республики Беларусь от 29 июня 2018 г. № 120, выдается в день "
        "обращения"
    )
    point, resolution = parse_citations(text)
    assert (point.text, point.act_id) == ("пункта 3 Положения о порядке выдачи справок", None)
    assert point.reason == "«Положение о порядке выдачи справок» is not defined earlier nor known"
    assert resolution.act_id == "by/resolution/minjust/2018-06-29/120"


def test_a_title_without_quotes_is_no_part_of_a_ministrys_name() -> None:
    # «О порядке учета» is the act's title, not words of the ministry's name: no ministry
    # «финансов о порядке учета» is made up, and the date and number after the title are read.
    text = "постановлением Министерства финансов О порядке учета от 1 марта 2020 г. № 5"
    assert all("poryadke" not in (c.act_id or "") for c in parse_citations(text))
    assert ids(text) == ["by/resolution/minfin/2020-03-01/5"]


def test_a_quoted_day_without_from_ends_an_unknown_bodys_name() -> None:
    (cited,) = parse_citations(f"{ASSOCIATION} «1» марта 2011 г. № 5")
    assert cited.act is not None
    assert (cited.act.date, cited.act.number, cited.reason) == (
        datetime.date(2011, 3, 1),
        "5",
        UNKNOWN_ISSUER,
    )


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        ("приказом Министерства финансов РК от 1 марта 2020 г. № 5", "kz"),
        ("постановлением Министерства финансов ТС от 1 марта 2020 г. № 5", "cu"),
    ],
)
def test_a_ministry_of_another_state_named_by_its_abbreviation(
    text: str, jurisdiction: str
) -> None:
    # «РК», «ТС» after a ministry name the state, as «Российской Федерации» does: no Belarusian
    # ministry «финансов РК» is made up.
    (cited,) = parse_citations(text)
    assert cited.act is not None
    assert (cited.act_id, cited.act.jurisdiction, cited.reason) == (
        None,
        jurisdiction,
        "issued outside Belarus",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Соглашение стран СНГ о сотрудничестве в области охраны труда, в соответствии с Законом "
        "Республики Беларусь от 23 июня 2008 г. № 356-З",
        # Enumerated with «и»: the law's head word ends the treaty's description too.
        "Соглашение стран СНГ о сотрудничестве в области охраны труда и Законом Республики "
        "Беларусь от 23 июня 2008 г. № 356-З «Об охране труда»",
    ],
)
def test_a_treaty_does_not_take_the_date_of_an_act_named_after_it(text: str) -> None:
    treaty, law = parse_citations(text)
    assert treaty.act is not None
    assert (treaty.text, treaty.act.kind, treaty.act.date) == (
        "Соглашение стран СНГ о сотрудничестве в области охраны труда",
        "treaty",
        None,
    )
    assert law.act_id == "by/law/2008-06-23/356-z"


@pytest.mark.parametrize(
    "text",
    [
        "постановлением Министерства финансов Российской Федерации от 1 марта 2020 г. № 5",
        "приказом Министерства здравоохранения Украины от 1 марта 2020 г. № 5",
        "постановлением Правительства Российской Федерации от 1 марта 2020 г. № 5",
        "приказом Министерства финансов РК от 1 марта 2020 г. № 5",
    ],
)
def test_another_states_body_is_not_given_the_name_of_ours(text: str) -> None:
    # Not «Министерства финансов Республики Беларусь», nor our Council of Ministers: the act
    # stays unresolved, and no issuer is named rather than a wrong one.
    (cited,) = parse_citations(text)
    assert cited.act is not None
    assert (cited.act.issuers, cited.act.issuer_slugs, cited.reason) == (
        (),
        (),
        "issued outside Belarus",
    )


def test_a_lower_case_act_word_after_and_is_part_of_a_treatys_title() -> None:
    # «… решений и постановлений судов» names what the treaty is about: its date is its own.
    [treaty] = parse_citations(
        "Соглашение стран СНГ о взаимном признании решений и постановлений судов от 6 марта 1998 г."
    )
    assert treaty.act is not None
    assert (treaty.act.kind, treaty.act.date) == ("treaty", datetime.date(1998, 3, 6))
