"""Issuers after an act's head word: the Supreme Council's declaration, edicts of the President
and of other bodies, «Правительства» for the Council of Ministers, and ministries the table does
not know, at home and in another state's region (issue 25: survivors of `IssuerReader._issuer`)."""

from __future__ import annotations

import datetime

from tests.citations.reading import ids, one

PRESIDENT = "Президента Республики Беларусь"
NOT_THE_PRESIDENT = "issued by another body than the President"
OUTSIDE_BELARUS = "issued outside Belarus"


def test_the_supreme_councils_declaration_is_identified() -> None:
    # «Верховного Совета» is the declaration's own issuer, not a body the tables do not know.
    assert ids(
        "на основании Декларации Верховного Совета Республики Беларусь от 27 июля 1990 г."
        " № 193-XII «О государственном суверенитете Республики Беларусь»"
    ) == ["by/declaration/1990-07-27/193-xii"]


def test_an_edict_without_its_issuer_is_the_presidents() -> None:
    # Only the President issues edicts: «Указом № 5» names him without writing him.
    c = one("в соответствии с Указом от 15 декабря 2014 г. № 5")
    assert c.act is not None
    assert (c.act_id, c.act.issuers) == ("by/edict/2014-12-15/5", (PRESIDENT,))


def test_an_edict_of_the_russian_president_is_foreign() -> None:
    # The President of another state: unresolved, his state's jurisdiction, no issuer of ours.
    c = one(
        "Указом Президента Российской Федерации от 7 мая 2012 г. № 596 «О долгосрочной"
        " государственной экономической политике»"
    )
    assert c.act is not None
    assert (c.act_id, c.reason, c.act.jurisdiction, c.act.issuers) == (
        None,
        OUTSIDE_BELARUS,
        "ru",
        (),
    )


def test_an_edict_of_the_presidium_is_not_the_presidents() -> None:
    # The Presidium of the Supreme Council of the BSSR also issued edicts: no issuer, and said so.
    c = one(
        "согласно Указу Президиума Верховного Совета Белорусской ССР от 11 марта 1987 г. № 1421-XI"
    )
    assert c.act is not None
    assert (c.act_id, c.reason, c.act.issuers) == (None, NOT_THE_PRESIDENT, ())


def test_an_edict_of_the_soviet_presidium_is_foreign() -> None:
    # «СССР» inside the name of a body the tables do not know places the edict abroad.
    c = one(
        "в порядке, установленном Указом Президиума Верховного Совета СССР от 12 апреля 1968 г."
        " № 2534-VII «О порядке рассмотрения предложений, заявлений и жалоб граждан»"
    )
    assert c.act is not None
    assert (c.act_id, c.reason, c.act.issuers) == (None, OUTSIDE_BELARUS, ())


def test_the_government_is_the_council_of_ministers() -> None:
    # «Правительства Республики Беларусь» is the Council of Ministers under another name.
    c = one(
        "в соответствии с постановлением Правительства Республики Беларусь"
        " от 14 февраля 2009 г. № 193"
    )
    assert c.act is not None
    assert (c.act_id, c.act.issuers, c.act.issuer_slugs) == (
        "by/cm_resolution/2009-02-14/193",
        ("Совета Министров Республики Беларусь",),
        ("cm",),
    )


def test_a_ministry_the_table_does_not_know_is_still_ours() -> None:
    # The Ministry of Trade (merged into МАРТ in 2013) is not in the table: «min_» and its words
    # transliterated, and not placed abroad.
    assert ids(
        "согласно постановлению Министерства торговли Республики Беларусь от 7 апреля 2008 г. № 33"
    ) == ["by/resolution/min_torgovli/2008-04-07/33"]


def test_a_ministry_of_another_states_region_is_foreign() -> None:
    # Belarus's regions have no ministries: «Московской области» places the ministry abroad.
    # It is not a ministry «Республики Беларусь»: no name or slug of ours.
    c = one("приказом Министерства здравоохранения Московской области от 1 марта 2020 г. № 5")
    assert c.act is not None
    assert (c.act_id, c.reason) == (None, OUTSIDE_BELARUS)
    assert (c.act.issuers, c.act.issuer_slugs) == ((), ())


def test_a_joint_act_of_three_ministries_names_them_parted_by_commas_and_and() -> None:
    # Three issuers: «…, … и …», then one date and one number written «130/100/70».
    c = one(
        "постановление Министерства экономики Республики Беларусь, Министерства финансов"
        " Республики Беларусь и Министерства труда и социальной защиты Республики Беларусь"
        " от 30 июня 2004 г. № 130/100/70"
    )
    assert c.act is not None
    assert c.act.issuers == (
        "Министерства экономики Республики Беларусь",
        "Министерства финансов Республики Беларусь",
        "Министерства труда и социальной защиты Республики Беларусь",
    )
    assert (c.act.date, c.act.number) == (datetime.date(2004, 6, 30), "130/100/70")
    assert c.act_id == "by/resolution/minekonomiki+minfin+mintrud/2004-06-30/130-100-70"


def test_a_latin_n_after_the_head_word_is_a_number_sign_not_a_body() -> None:
    # «Указа N 100» is the edict № 100 named earlier in the text, as «Указа № 100» is; a
    # «Решение N 900» without date or issuer is no reference, as «Решение № 900» is not.
    text = (
        "Указом Президента Республики Беларусь от 16 марта 2016 г. N 100 внесены изменения."
        " Согласно пункту 2 Указа N 100 и пункту 3 Указа № 100 срок продлен."
    )
    edict = "by/edict/2016-03-16/100"
    assert ids(text) == [edict, f"{edict}#point_2", f"{edict}#point_3"]
    assert ids("Решение N 900 обжаловано.") == []
