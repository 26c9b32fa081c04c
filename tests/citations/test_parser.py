"""Small examples of use: each reference shape and what it parses into."""

from __future__ import annotations

import datetime

import pytest

from lexgraph.citations import (
    AnnexRef,
    CitationContext,
    KnownAct,
    KnownAnnex,
    parse_citations,
)
from lexgraph.citations.cursor import scan_quoted
from tests.citations.reading import one


def test_full_law_as_list_item() -> None:
    c = one(
        "Закон Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах "
        "административных процедур»;"
    )
    assert c.kind == "act"
    assert c.act is not None
    assert c.act.kind == "law"
    assert c.act.date == datetime.date(2008, 10, 28)
    assert c.act.number == "433-З"
    assert c.act.title == "Об основах административных процедур"
    assert c.act_id == "by/law/2008-10-28/433-z"
    assert c.text.endswith("»")


def test_joint_ministry_resolution() -> None:
    c = one(
        "постановление Министерства внутренних дел Республики Беларусь и Министерства "
        "образования Республики Беларусь от 26 февраля 2021 г. № 57/26 «Об установлении формы»"
    )
    assert c.act is not None
    assert c.act.issuers == (
        "Министерства внутренних дел Республики Беларусь",
        "Министерства образования Республики Беларусь",
    )
    assert c.act.issuer_slugs == ("mvd", "minobr")
    assert c.act_id == "by/resolution/mvd+minobr/2021-02-26/57-26"


def test_genitive_chain_smallest_first() -> None:
    c = one(
        "абзаце третьем части первой подпункта 1.1 пункта 1 Декрета Президента Республики "
        "Беларусь от 7 мая 2012 г. № 6 «О стимулировании…»"
    )
    (unit,) = c.units
    assert unit.path == (("point", "1"), ("subpoint", "1.1"), ("part", "1"), ("para", "3"))
    assert unit.provision_id == "by/decree/2012-05-07/6#point_1__subpoint_1.1__part_1__para_3"
    assert unit.ancestor_e_ids == (
        "point_1",
        "point_1__subpoint_1.1",
        "point_1__subpoint_1.1__part_1",
    )
    assert c.ancestor_ids[0] == "by/decree/2012-05-07/6#point_1"


def test_two_chains_share_the_article() -> None:
    c = one(
        "подпунктом 10.20 пункта 10 и пунктом 14 статьи 285 Налогового кодекса Республики Беларусь"
    )
    assert [u.provision_id for u in c.units] == [
        "by/code/tax#art_285__point_10__subpoint_10.20",
        "by/code/tax#art_285__point_14",
    ]


CM_529 = "Совета Министров Республики Беларусь от 14 июля 2017 г. № 529"


@pytest.mark.parametrize(
    ("text", "e_ids"),
    [
        # One phrase's chains share their larger units backwards, never forwards.
        ("пункты 2 и 3 статьи 5 Налогового кодекса", ["art_5__point_2", "art_5__point_3"]),
        ("пункта 2 и пункта 3 статьи 5 Налогового кодекса", ["art_5__point_2", "art_5__point_3"]),
        (f"приложения 1 и пункта 2 постановления {CM_529}", ["annex_1", "point_2"]),
        ("статьи 5 и части 2 Налогового кодекса", ["art_5", "part_2"]),
        # A chapter is kept under an annex; under a code, articles are numbered through it.
        (f"главы 2 приложения 3 к постановлению {CM_529}", ["annex_3__chapter_2"]),
        ("статьи 15 главы 2 Налогового кодекса", ["art_15"]),
    ],
)
def test_chains_share_larger_units_backwards(text: str, e_ids: list[str]) -> None:
    assert [u.e_id for u in one(text).units] == e_ids


@pytest.mark.parametrize(
    ("text", "e_ids"),
    [
        ("частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь",
         ["art_287__point_6__part_1", "art_287__point_6__part_2", "art_287__point_6__part_3"]),
        ("статьях 19-20 Налогового кодекса", ["art_19", "art_20"]),
        ("подпунктах 1.1—1.3 пункта 1 Налогового кодекса",
         ["point_1__subpoint_1.1", "point_1__subpoint_1.2", "point_1__subpoint_1.3"]),
        ("статьи 5 и 7 Налогового кодекса", ["art_5", "art_7"]),
        ("абзац 5 п.2 Налогового кодекса", ["point_2__para_5"]),
        ("ст. 5 Налогового кодекса", ["art_5"]),
        ("частями первой и четвертой статьи 8 Бюджетного кодекса Республики Беларусь",
         ["art_8__part_1", "art_8__part_4"]),
        ("частью четвёртой статьи 8 Бюджетного кодекса", ["art_8__part_4"]),
        # A range whose ends are numbered on different levels names only its ends.
        ("статьями 9.1 – 10 Налогового кодекса", ["art_9.1", "art_10"]),
        ("статьи 201¹–203 Налогового кодекса", ["art_201-1", "art_203"]),
        ("статьи 5 – 5 Налогового кодекса", ["art_5"]),
        # A full stop after the first end of a range: «статьи 24.1. - 24.3».
        ("статьи 24.1. - 24.3 Налогового кодекса", ["art_24.1", "art_24.2", "art_24.3"]),
        # A hyphen glued to both numbers, the second not larger: a superscript.
        ("статья 1-1 Налогового кодекса", ["art_1-1"]),
        ("Общей части и Особенной части Налогового кодекса", ["general_part", "special_part"]),
        # «особой части» is not the code's Special Part («Особенной»): part 2 of the article.
        ("особой части 2 статьи 5 Налогового кодекса", ["art_5__part_2"]),
    ],
)  # fmt: skip
def test_ranges_enumerations_and_abbreviations(text: str, e_ids: list[str]) -> None:
    assert [u.e_id for u in one(text).units] == e_ids


@pytest.mark.parametrize(
    "text",
    [
        "постановлением Совета Министров от 14 июля 2017 года   № 529",
        "постановлением Совета Министров Республики Беларусь от 14.07.2017 N 529",
        "постановлением Совета Министров Республики Беларусь от 14 июля 2017 г № 529",
        "постановлением Совета Министров Республики Беларусь от 14.07.17 № 529",
        "постановлением Совета Министров Республики Беларусь от «14» июля 2017 г. № 529",
        'постановлением Совета Министров Республики Беларусь от "14" июля 2017 г. № 529',
        "постановления Совета\nМинистров Республики\u00a0Беларусь от\u00a014\u00a0июля "
        "2017\u00a0г. №529",
    ],
)
def test_date_and_number_spellings(text: str) -> None:
    assert one(text).act_id == "by/cm_resolution/2017-07-14/529"


@pytest.mark.parametrize(
    ("written", "year"),
    # Two figures up to 30 are this century's year, from 31 the last century's.
    [("14.07.99", 1999), ("14.07.31", 1931), ("14.07.30", 2030), ("14.07.00", 2000)],
)
def test_two_figure_years(written: str, year: int) -> None:
    c = one(f"постановлением Совета Министров Республики Беларусь от {written} № 529")
    assert c.act is not None
    assert c.act.date == datetime.date(year, 7, 14)


@pytest.mark.parametrize(
    "date",
    [
        "«14» 07 2017 г. № 529",  # the month in words, the year in four figures
        "«14» июля 17 г. № 529",
        "«14» июля № 529",
        "14 июля 17 г. № 529",
        "014 июля 2017 г. № 529",  # a day has at most two figures
        "14 июля",  # the text ends
        # A quoted day needs its opening quote: «от 1 7" июля» may be the 1st, the 7th or the
        # 17th, and a day opened by a bracket is no surer; no date is guessed from them.
        "(14» июля 2017 г. № 529",
        '1 7" июля 2017 г. № 529',
    ],
)
def test_incomplete_dates_are_not_read(date: str) -> None:
    text = f"постановлением Совета Министров Республики Беларусь от {date}"
    assert all(c.act is None or c.act.date is None for c in parse_citations(text))


CM_2017 = "постановлением Совета Министров Республики Беларусь от 14 июля 2017 г."


@pytest.mark.parametrize(
    ("number", "act_id"),
    [
        # A number may start with one or two capital letters and a hyphen: «№ Р-1303/2022».
        ("№ Р-1303/2022", "by/cm_resolution/2017-07-14/r-1303-2022"),
        ("№ Р-1303", "by/cm_resolution/2017-07-14/r-1303"),
        ("№ РА-1303", "by/cm_resolution/2017-07-14/ra-1303"),
        ("№ р-1303", None),
        ("№ РАБ-1303", None),
        ("№ Р 1303", None),
    ],
)
def test_number_with_a_letter_prefix(number: str, act_id: str | None) -> None:
    assert one(f"{CM_2017} {number}").act_id == act_id


@pytest.mark.parametrize(
    ("number", "act_id"),
    [
        # One or two lowercase letters glued to the number end it («№ 107р»), whatever follows.
        ("№ 107р", "by/cm_resolution/2017-07-14/107r"),
        ("№ 107р.", "by/cm_resolution/2017-07-14/107r"),
        ("№ 107р в редакции", "by/cm_resolution/2017-07-14/107r"),
        ("№ 107рп", "by/cm_resolution/2017-07-14/107rp"),
        # Parts joined by «/» or «-» with no space: figures, capitals, one or two letters.
        ("№ 5/12345", "by/cm_resolution/2017-07-14/5-12345"),
        ("№ 130-З", "by/cm_resolution/2017-07-14/130-z"),
        ("№ 107-рп", "by/cm_resolution/2017-07-14/107-rp"),
        # Every part is read, however many: a local council's «№ 12-1/45» is not its «№ 12-1».
        ("№ 12-1/45", "by/cm_resolution/2017-07-14/12-1-45"),
        # A dash with spaces on both sides is the sentence's, not the number's.
        ("№ 529 – в случае", "by/cm_resolution/2017-07-14/529"),
        # Anything else glued to the number is not read, and the number is not cut short before
        # it: «10», «130» or «12» alone would name another act.
        ("№ 10дсп", None),
        ("№ 107Р", None),
        ("№ 12-дсп", None),
        ("№ 130- З", None),
        ("№ 5 /12345", None),
        ("N 10дсп", None),  # the number sign typed as a Latin capital
        # A dotted number is no act's number («№ 14.6/700» is an issue of the National
        # Register of Legal Acts).
        ("№ 14.6", None),
    ],
)
def test_letters_and_marks_after_a_number(number: str, act_id: str | None) -> None:
    c = one(f"{CM_2017} {number}")
    assert c.act_id == act_id
    if act_id is not None:
        assert c.reason is None
    else:
        # The reason says the number was not read, not that the text gives none.
        assert c.reason == "its number is written in a way not read («№ 10дсп», «№ 130- З»)"


@pytest.mark.parametrize(
    "cited",
    [
        "Законом Республики Беларусь «О нормативных правовых актах» от 17.07.2018 № 130-З",
        "Законом Республики Беларусь «О нормативных правовых актах» от 17.07.2018",
        "Законом Республики Беларусь «О нормативных правовых актах» № 130-З",
    ],
)
def test_a_date_and_number_after_the_title_end_the_reference(cited: str) -> None:
    c = one(f"в соответствии с {cited} и иными актами законодательства")
    assert c.text == cited


def test_a_number_with_a_suffix_then_its_title() -> None:
    c = one(f"{CM_2017} № 107р «О мерах по реализации»")
    assert c.act is not None
    assert (c.act_id, c.act.title) == ("by/cm_resolution/2017-07-14/107r", "О мерах по реализации")


def test_title_only_resolves_to_act_cited_earlier() -> None:
    text = (
        "Закон Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании»; "
        "статьей 186 Закона Республики Беларусь «О лицензировании»"
    )
    first, second = parse_citations(text)
    assert second.act_id == first.act_id == "by/law/2022-10-14/213-z"
    assert second.act is not None
    assert second.act.date is None


def test_title_only_resolves_from_context_and_learn() -> None:
    context = CitationContext(
        acts=(KnownAct("by/law/2010-12-30/225-z", "law", "О внешней трудовой миграции"),)
    )
    c = one("статье 18 Закона Республики Беларусь «О внешней трудовой миграции»", context)
    assert c.units[0].provision_id == "by/law/2010-12-30/225-z#art_18"
    learned = CitationContext().learn(
        parse_citations(
            "Закон Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании»"
        )
    )
    assert one("статьи 21 Закона Республики Беларусь «О лицензировании»", learned).resolved


def test_what_one_text_learns_stays_with_that_text() -> None:
    # The API parses every request's text against one context of the graph's acts: an act cited
    # in full in one text must not resolve a title in the next.
    context = CitationContext(
        acts=(KnownAct("by/law/2010-12-30/225-z", "law", "О внешней трудовой миграции"),)
    )
    later = "статьи 21 Закона Республики Беларусь «О лицензировании»"
    full = "Закон Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании»; " + later
    assert parse_citations(full, context=context)[1].act_id == "by/law/2022-10-14/213-z"
    assert not one(later, context).resolved
    known = one("статье 18 Закона Республики Беларусь «О внешней трудовой миграции»", context)
    assert known.units[0].provision_id == "by/law/2010-12-30/225-z#art_18"


def test_title_only_unknown_is_unresolved_with_reason() -> None:
    c = one("статьи 21 Закона Республики Беларусь «О лицензировании»")
    assert not c.resolved
    assert c.act_id is None
    assert c.reason is not None
    assert "title" in c.reason
    assert c.units[0].e_id == "art_21"
    assert c.units[0].provision_id is None


def test_a_title_is_compared_without_its_quotes_and_spacing() -> None:
    # The graph keeps a title as its source typed it, inner quotes ASCII; the text uses « ».
    known = KnownAct(
        "by/law/2020-01-01/1-z",
        "law",
        'О внесении изменений в Закон Республики Беларусь "Об основах административных процедур"',
    )
    c = one(
        "статьи 1 Закона Республики Беларусь «О внесении изменений в Закон Республики Беларусь "
        "« Об основах административных процедур »»",
        CitationContext(acts=(known,)),
    )
    assert c.units[0].provision_id == "by/law/2020-01-01/1-z#art_1"


def test_same_title_different_kind_is_not_confused() -> None:
    text = (
        "постановление Совета Министров Республики Беларусь от 27 февраля 2023 г. № 154 "
        "«О лицензировании»; "
        "статьи 3 Закона Республики Беларусь «О лицензировании»"
    )
    assert not parse_citations(text)[1].resolved


def test_ambiguous_title_is_unresolved() -> None:
    context = CitationContext(
        acts=(
            KnownAct("by/law/2000-01-01/1-z", "law", "О нем"),
            KnownAct("by/law/2001-01-01/2-z", "law", "О нем"),
        )
    )
    c = one("статьи 3 Закона Республики Беларусь «О нем»", context)
    assert not c.resolved
    assert c.reason == (
        "title matches several known acts: by/law/2000-01-01/1-z, by/law/2001-01-01/2-z"
    )


def test_short_name_defined_by_hereinafter() -> None:
    text = (
        "Законом Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных "
        "процедур» (далее – Закон). В соответствии со статьей 15 Закона и пунктом 2 "
        "статьи 14 Закона"
    )
    first, *rest = parse_citations(text)
    assert first.defines == "Закон"
    assert [c.act.kind for c in rest if c.act] == ["law", "law"]  # the short name's act's kind
    assert [u.provision_id for c in rest for u in c.units] == [
        "by/law/2008-10-28/433-z#art_15",
        "by/law/2008-10-28/433-z#art_14__point_2",
    ]
    assert CitationContext().learn([first]).acts[0].short_names == ("Закон",)


def test_a_short_name_defined_again_names_the_act_defined_last() -> None:
    # A note citing two laws in turn, each «(далее – Закон)»: «Закона» is the one defined last,
    # and defining «Закон» again leaves the short name «Указ» as it was.
    text = (
        "Законом Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных "
        "процедур» (далее – Закон) и Указом Президента Республики Беларусь от 26 апреля 2010 г. "
        "№ 200 «Об административных процедурах, осуществляемых государственными органами и иными "
        "организациями по заявлениям граждан» (далее – Указ). В соответствии со статьей 15 "
        "Закона и пунктом 3 Указа. Законом Республики Беларусь от 14 октября 2022 г. № 213-З "
        "«О лицензировании» (далее – Закон) установлено, что по статье 5 Закона и пункту 4 Указа"
    )
    assert [u.provision_id for c in parse_citations(text) for u in c.units] == [
        "by/law/2008-10-28/433-z#art_15",
        "by/edict/2010-04-26/200#point_3",
        "by/law/2022-10-14/213-z#art_5",
        "by/edict/2010-04-26/200#point_4",
    ]


# Edicts are numbered anew each year: «Указ № 5» alone may be either of these.
TWO_EDICTS_NO_5 = CitationContext(
    acts=(KnownAct("by/edict/2019-01-10/5", "edict"), KnownAct("by/edict/2021-01-12/5", "edict"))
)


@pytest.mark.parametrize(
    ("text", "context", "reason"),
    [
        (
            "пункт 3 настоящего постановления",
            None,
            "refers to the current document, but no document_id given",
        ),
        (
            "статьи 5 Закона Республики Беларусь «О несуществующем»",
            None,
            "cited without date and number; no known act of this kind has this title",
        ),
        (
            "статьи 5 Закона Республики Беларусь от 14 октября 2022 г. «О лицензировании»",
            None,
            "cited without number; no known act of this kind has this title",
        ),
        (
            "статьи 5 Закона Республики Беларусь № 213-З «О лицензировании»",
            None,
            "cited without date; no known act of this kind has this title",
        ),
        (
            "статьи 5 Указа № 298",
            None,
            "cited without title and date; no known act of this kind has this number",
        ),
        ("пункт 2 Указа от 12 апреля 2013 г.", None, "cited without title and number"),
        ("приказом от 5 мая 2020 г. № 15", None, "the issuer is not named"),
        # Acts abroad are not known by number.
        ("статьи 5 Федерального закона № 28-ФЗ", None, "cited without title and date"),
        (
            "пункт 2 Указа № 5",
            TWO_EDICTS_NO_5,
            "number matches several known acts: by/edict/2019-01-10/5, by/edict/2021-01-12/5",
        ),
    ],
)
def test_an_unresolved_act_says_what_its_reference_leaves_out(
    text: str, context: CitationContext | None, reason: str
) -> None:
    c = one(text, context)
    assert (c.act_id, c.resolved, c.reason) == (None, False, reason)


JOINT = (
    "постановление Министерства внутренних дел Республики Беларусь и Министерства образования "
    "Республики Беларусь от 26 февраля 2021 г. № 57/26 «Об установлении формы»"
)


@pytest.mark.parametrize(
    ("cited", "later", "act_id"),
    [
        (
            "Указ Президента Республики Беларусь от 12 апреля 2013 г. № 168",
            "пункте 2 Указа Президента Республики Беларусь № 168",
            "by/edict/2013-04-12/168",
        ),
        (
            JOINT,
            "пункте 2 постановления Министерства внутренних дел Республики Беларусь и "
            "Министерства образования Республики Беларусь № 57/26",
            "by/resolution/mvd+minobr/2021-02-26/57-26",
        ),
        # The joint act is not the ministry's own: which one is meant cannot be told.
        (JOINT, "пункте 2 постановления Министерства внутренних дел № 57/26", None),
    ],
)
def test_an_act_cited_in_full_is_found_again_by_its_issuer_and_number(
    cited: str, later: str, act_id: str | None
) -> None:
    _cited, second = parse_citations(f"{cited}. В {later}")
    assert second.text == later
    assert second.act_id == act_id
    assert second.resolved is (act_id is not None)


LICENSING = "Закон Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании»"


@pytest.mark.parametrize(
    ("defined", "later", "found"),
    [
        # A name of up to four words, even one whose first word starts no other reference.
        ("Единый закон о лицензировании", "Единым законом о лицензировании", True),
        ("Лицензионный закон", "Лицензионным законом", True),
        # Only its first character must be a letter: a one-letter first word, or a letter and a
        # hyphen, start a name as well.
        ("А закон", "А законом", True),
        ("З-закон", "З-законом", True),
        # Five words and more are read as a description, not as a name to look for.
        (
            "Единый закон о лицензировании деятельности",
            "Единым законом о лицензировании деятельности",
            False,
        ),
    ],
)
def test_which_hereinafter_phrases_become_short_names(
    defined: str, later: str, found: bool
) -> None:
    first, *rest = parse_citations(f"{LICENSING} (далее – {defined}). {later} установлено")
    assert first.defines == defined
    assert [(c.text, c.act_id) for c in rest] == (
        [(later, "by/law/2022-10-14/213-z")] if found else []
    )


def test_units_of_an_approved_annex_and_later_mentions() -> None:
    text = (
        "в пункте 10 Положения о порядке представления документов, утвержденного постановлением "
        "Совета Министров Республики Беларусь от 27 февраля 2023 г. № 154;\n"
        "по форме согласно приложению 1 к Положению о порядке представления документов\n"
        "в абзаце третьем пункта 49 Положения о порядке представления документов"
    )
    a, b, c = parse_citations(text)
    assert a.annex is not None
    assert a.annex.segment == "regulation_poryadke_predstavleniya_dokumentov"
    assert (
        a.units[0].provision_id
        == "by/cm_resolution/2023-02-27/154#regulation_poryadke_predstavleniya_dokumentov__point_10"
    )
    assert b.units[0].e_id == "regulation_poryadke_predstavleniya_dokumentov__annex_1"
    assert c.units[0].e_id == "regulation_poryadke_predstavleniya_dokumentov__point_49__para_3"
    assert b.act_id == c.act_id == "by/cm_resolution/2023-02-27/154"
    assert c.units[0].ancestor_e_ids[0] == "regulation_poryadke_predstavleniya_dokumentov"


def test_visa_rules_have_a_fixed_slug() -> None:
    c = one(
        "подпункта 25.11 пункта 25 Визовых правил Республики Беларусь, утвержденных постановлением "
        "Совета Министров Республики Беларусь от 15 июля 2010 г. № 1065"
    )
    assert c.annex == AnnexRef("rules", "Визовые правила Республики Беларусь", "visa")
    assert c.units[0].e_id == "rules_visa__point_25__subpoint_25.11"


def test_unknown_annex_is_unresolved() -> None:
    c = one("пункта 3 Положения о чем-то неизвестном")
    assert not c.resolved
    assert c.reason is not None


def test_known_annex_from_context() -> None:
    annex = AnnexRef("regulation", "Положение о порядке выдачи", "poryadke_vydachi")
    context = CitationContext(annexes=(KnownAnnex(annex, "by/edict/2020-01-01/1", "edict"),))
    c = one("пункта 3 Положения о порядке выдачи", context)
    assert c.units[0].provision_id == "by/edict/2020-01-01/1#regulation_poryadke_vydachi__point_3"


def test_current_document() -> None:
    text = "части первой подпункта 2.1 пункта 2 настоящего Регламента"
    assert one(text).reason is not None
    context = CitationContext(
        document_id="by/resolution/mvd/2023-05-19/102",
        document_annex=("procedure_regulation", "15.2.1"),
    )
    c = one(text, context)
    assert c.units[0].provision_id == (
        ""
        "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.2.1__point_2__subpoint_2.1__part_1"
    )
    c = one("пункта 3 настоящего постановления", context)
    assert c.units[0].provision_id == "by/resolution/mvd/2023-05-19/102#point_3"
    assert (c.resolved, c.reason) == (True, None)


def test_procedure_reference_is_distinct() -> None:
    c = one(
        "Регламент административной процедуры, осуществляемой в отношении субъектов "
        "хозяйствования, по подпункту1 10.7.1 «Согласование»"
    )
    assert (c.kind, c.procedure, c.act, c.units) == ("procedure", "10.7.1", None, ())


def test_unclosed_outer_quote_in_title() -> None:
    c = one(
        'Закона Республики Беларусь от 9 января 2017 года "О внесении изменений в Закон '
        'Республики Беларусь "Об основах" и вступило'
    )
    assert c.act is not None
    assert c.act.title == "О внесении изменений в Закон Республики Беларусь «Об основах»"
    assert not c.resolved
    assert c.reason is not None
    assert "number" in c.reason


@pytest.mark.parametrize(
    "text",
    [
        "в части касающейся",
        "пункт 2",
        "Закон Республики Беларусь",
        "Постановление принято",
        "части первой пункта 3",
        "",
    ],
)
def test_not_references(text: str) -> None:
    assert parse_citations(text) == []


OPEN_AMENDMENT = "«О внесении изменений в Закон «Об основах»"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quote left open to the end of its paragraph names no title; the next paragraph's
        # closing quote is not its end.
        ("«Об основах административных процедур\n\nСтатья 2. Термины» и", None),
        # The outer quote left open ends at the last closing quote of its paragraph.
        (f"{OPEN_AMENDMENT}\n\nСледующий абзац» и", (OPEN_AMENDMENT[1:], len(OPEN_AMENDMENT))),
        # At most 1,500 characters, the quotes included.
        ("«" + "а" * 1498 + "» и", ("а" * 1498, 1500)),
        ("«" + "а" * 1499 + "» и", None),
    ],
)
def test_quoted_title_stays_within_its_paragraph_and_length(
    text: str, expected: tuple[str, int] | None
) -> None:
    assert scan_quoted(text, 0) == expected


@pytest.mark.parametrize(
    "text",
    [
        "статьи 5 Уголовно-",  # a text cut inside a hyphenated code name
        "постановлением № 5/",  # … inside an act's number
        "статьи 23-",  # … inside an article's number
        "статьи 5 Федерального закона",  # … after a foreign law's head
        "согласно ст.",  # … after a unit's abbreviation
    ],
)
def test_text_cut_short_yields_nothing(text: str) -> None:
    assert parse_citations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A falling range: a typo, or a superscript typed with a space («23 -1» for 23¹).
        "статьи 23 - 1 Налогового кодекса",
        "статьи 23 -1 Налогового кодекса",
        "статьи 23- 1 Налогового кодекса",
        "пункта 3 статьи 23 - 1 Налогового кодекса",
    ],
)
def test_falling_range_names_no_unit(text: str) -> None:
    c = one(text)
    assert (c.act_id, c.units) == ("by/code/tax", ())


def test_range_of_at_most_200_steps_is_expanded() -> None:
    assert [u.e_id for u in one("статьи 1–201 Налогового кодекса").units] == [
        f"art_{n}" for n in range(1, 202)
    ]
    assert [u.e_id for u in one("статьи 1–202 Налогового кодекса").units] == ["art_1", "art_202"]


@pytest.mark.parametrize(
    "text",
    [
        "ст. 5 п. 3 Налогового кодекса",  # larger units first: not the code's point 3
        "статьи 5 пункта 3 Налогового кодекса",
        "пункт 3 пункт 4 Налогового кодекса",  # a unit kind named twice
        "части 1 пункта 2 части 3 статьи 5 Налогового кодекса",
        "Общей части Особенной части Налогового кодекса",
        "пункта 2 прим. 1 Налогового кодекса",  # an abbreviation of no unit: «прим.», a note
        # «ст.ст» without its second full stop is no abbreviation; nor are two numbers unparted.
        "ст.ст 5 6 Налогового кодекса",
        "приложения Налогового кодекса",  # an annex without number or «к»: which one is unsaid
    ],
)
def test_units_the_grammar_cannot_chain_name_none_but_the_act_is_cited(text: str) -> None:
    c = one(text)
    assert (c.act_id, c.units) == ("by/code/tax", ())


def test_a_procedure_of_the_unified_list_is_resolved() -> None:
    # A subpoint of the unified list names its procedure by number alone: nothing to look up.
    c = one("Справка выдается по подпункту 15.4.1 единого перечня")
    assert (c.kind, c.procedure, c.resolved, c.reason) == ("procedure", "15.4.1", True, None)


def test_a_whole_approved_annex_is_one_unit_of_its_act() -> None:
    c = one(
        "Положение о порядке представления документов, утвержденное постановлением Совета "
        "Министров Республики Беларусь от 27 февраля 2023 г. № 154"
    )
    assert c.kind == "act"
    assert [u.provision_id for u in c.units] == [
        "by/cm_resolution/2023-02-27/154#regulation_poryadke_predstavleniya_dokumentov"
    ]
