"""Enumerated acts sharing a kind word, lists before ranges, headings, tens and foreign titles:
cases that tell the grammar's surviving mutants apart."""

from __future__ import annotations

import datetime

import pytest

from lexgraph.citations import parse_citations
from tests.citations.reading import ids

LAW_433 = "by/law/2008-10-28/433-z"


# -- acts enumerated after one kind word («…, от … № … и от … № …») -------------------------


def test_an_enumerated_act_keeps_the_issuer_named_once_for_both() -> None:
    # The Ministry is named once, before the first act; the second act is the Ministry's too,
    # with its name and its slug.
    text = (
        "постановлениями Министерства здравоохранения Республики Беларусь от 2 марта 2012 г. "
        "№ 12 и от 4 апреля 2016 г. № 54"
    )
    first, second = parse_citations(text)
    assert second.text == "от 4 апреля 2016 г. № 54"
    assert second.act is not None
    assert second.act.issuers == ("Министерства здравоохранения Республики Беларусь",)
    assert second.act.issuer_slugs == ("minzdrav",)
    assert (second.act.date, second.act.number) == (datetime.date(2016, 4, 4), "54")
    assert [first.act_id, second.act_id] == [
        "by/resolution/minzdrav/2012-03-02/12",
        "by/resolution/minzdrav/2016-04-04/54",
    ]


def test_an_enumerated_federal_law_is_russian_too() -> None:
    # «Федеральными законами … и от …»: both laws are Russian, not the second a Belarusian law
    # of that date and number.
    text = "Федеральными законами от 6 октября 2003 г. № 131-ФЗ и от 27 июля 2010 г. № 210-ФЗ"
    assert ids(text) == ["ru/law/2003-10-06/131-fz", "ru/law/2010-07-27/210-fz"]


def test_an_enumerated_act_of_a_foreign_ministry_keeps_why_it_is_unresolved() -> None:
    # The Russian Ministry of Finance is named once; both orders are issued outside Belarus,
    # and the second says so as the first does.
    text = (
        "приказами Министерства финансов Российской Федерации от 29 июля 1998 г. № 34н "
        "и от 6 июля 1999 г. № 43н"
    )
    found = parse_citations(text)
    assert [c.text for c in found] == [
        "приказами Министерства финансов Российской Федерации от 29 июля 1998 г. № 34н",
        "от 6 июля 1999 г. № 43н",
    ]
    for c in found:
        assert c.act is not None
        assert c.act.jurisdiction == "ru"
        assert c.act_id is None
        assert not c.resolved
        assert c.reason == "issued outside Belarus"


def test_an_enumerated_act_written_number_first_keeps_its_own_date() -> None:
    # «№ 636 от 11.07.2012»: the second resolution has its own date after its number; only
    # «… № 339-З и № 338-З» (no date of its own) takes the first one's.
    text = (
        "постановлениями Совета Министров Республики Беларусь № 31 от 10.01.2012 "
        "и № 636 от 11.07.2012"
    )
    assert ids(text) == ["by/cm_resolution/2012-01-10/31", "by/cm_resolution/2012-07-11/636"]


def test_an_enumerated_act_after_a_latin_n_shares_the_date() -> None:
    # «N» typed for «№»: «… N 339-З и N 338-З», two laws of one day, the date written once.
    text = "Законами Республики Беларусь от 18.11.2004 N 339-З и N 338-З"
    assert ids(text) == ["by/law/2004-11-18/339-z", "by/law/2004-11-18/338-z"]


# -- the numbers of a unit -------------------------------------------------------------------


def test_a_range_after_a_list_keeps_the_numbers_before_it() -> None:
    # «статьями 2, 5–7»: article 2, then articles 5 to 7; the range replaces only its own
    # first end.
    text = "статьями 2, 5–7 Закона Республики Беларусь от 28 октября 2008 г. № 433-З"
    assert ids(text) == [f"{LAW_433}#art_{n}" for n in (2, 5, 6, 7)]


def test_a_number_of_days_in_words_is_no_unit_number() -> None:
    # «тридцать дней» after «пункту 2 –»: a tens word not followed by an ordinal is a count,
    # not «тридцать первый»; no act is named, so nothing is cited.
    assert parse_citations("Срок рассмотрения заявления по пункту 2 – тридцать дней") == []


def test_a_quoted_annex_before_its_approving_act_does_not_give_the_act_its_units() -> None:
    # Point 5 is the Regulation's, approved by the edict; it is not the edict's own point 5.
    # A quoted text between the units and an act is skipped only when units follow it (an
    # article's heading).
    text = (
        "пункта 5 «Положения о лицензировании отдельных видов деятельности» Указа Президента "
        "Республики Беларусь от 1 сентября 2010 г. № 450"
    )
    assert ids(text) == ["by/edict/2010-09-01/450"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ст. 62 «Налоговый учет» НК", ["by/code/tax#art_62"]),
        (
            "статьей 62 «Налоговый учет» Налогового кодекса Республики Беларусь",
            ["by/code/tax#art_62"],
        ),
        (
            "статьи 5 «Основные понятия» Кодекса Республики Беларусь об образовании",
            ["by/code/education#art_5"],
        ),
        ("статьи 5 «Основные понятия» Конституции Республики Беларусь", ["by/constitution#art_5"]),
    ],
)
def test_an_articles_heading_before_a_code_keeps_the_article(
    text: str, expected: list[str]
) -> None:
    # A code or the Constitution approves no annex: the quoted text is the article's heading.
    assert ids(text) == expected


# -- foreign acts ----------------------------------------------------------------------------


def test_a_foreign_law_with_date_number_and_title_is_resolved() -> None:
    # Date and number identify the Russian law; its title does not make it «title only».
    text = "статьей 9 Федерального закона от 12 февраля 1998 г. № 28-ФЗ «О гражданской обороне»"
    [c] = parse_citations(text)
    assert c.resolved
    assert c.reason is None
    assert ids(text) == ["ru/law/1998-02-12/28-fz#art_9"]
