from __future__ import annotations

import datetime

from lexgraph.citations import act_id, e_id, parse_citations
from lexgraph.citations.ids import annex_slug, issuer_slug, number_slug, transliterate


def test_act_ids() -> None:
    d = datetime.date(2021, 2, 26)
    assert act_id("law", date=d, number="433-З") == "by/law/2021-02-26/433-z"
    assert act_id("code", code="tax") == "by/code/tax"
    assert act_id("law", number="433-З") is None
    assert act_id("resolution", date=d, number="57/26") is None  # issuer needed
    issuers = (
        "Министерства внутренних дел Республики Беларусь",
        "Министерства образования Республики Беларусь",
    )
    assert (
        act_id("resolution", date=d, number="57/26", issuers=issuers)
        == "by/resolution/mvd+minobr/2021-02-26/57-26"
    )


def test_slugs() -> None:
    assert number_slug("57/26") == "57-26"
    assert number_slug("225-XII") == "225-xii"
    assert issuer_slug("Министерства труда и социальной защиты Республики Беларусь") == "mintrud"
    assert issuer_slug("Министерства по налогам и сборам Республики Беларусь") == "mns"
    assert issuer_slug("Министерства чего-то нового") == "min_chego-to_novogo"
    assert transliterate("Щука ёж") == "shchuka_ezh"
    assert annex_slug("rules", "визовый", "Республики Беларусь") == "visa"
    assert annex_slug("regulation", None, "о Министерстве внутренних дел Республики Беларусь") == (
        "ministerstve_vnutrennikh_del"
    )


def test_e_ids() -> None:
    assert e_id((("art", "287"), ("point", "6"), ("part", "1"))) == "art_287__point_6__part_1"


def test_abbreviated_ministry_and_codes() -> None:
    (c,) = parse_citations("постановление МВД от 19 мая 2023 г. № 102")
    assert c.act_id == "by/resolution/mvd/2023-05-19/102"
    (c,) = parse_citations(
        "статьи 10.1 Кодекса Республики Беларусь об административных правонарушениях"
    )
    assert c.units[0].provision_id == "by/code/admin_offences#art_10.1"
    (c,) = parse_citations("части второй статьи 5 Трудового кодекса")
    assert c.units[0].provision_id == "by/code/labour#art_5__part_2"


def test_roman_numerals_typed_in_cyrillic_stay_latin() -> None:
    # Laws of the Supreme Soviet carry Roman numerals («№ 1327-XII»), often typed with the
    # Cyrillic Х and І that look the same.
    assert number_slug("1327-ХІІ") == "1327-xii"
    assert number_slug("2620-ХІІ") == number_slug("2620-XII")


def test_an_annex_with_an_adjective_of_its_own_takes_the_first_four_words() -> None:
    # «Типовое положение о порядке представления и перечнях документов»: the adjective in its
    # dictionary form, then the words after the head word, four in all.
    assert annex_slug("regulation", "типовой", "о порядке представления и перечнях документов") == (
        "tipovoy_poryadke_predstavleniya_perechnyakh"
    )


def test_an_annex_named_by_no_word_of_its_own_is_untitled() -> None:
    assert annex_slug("rules", None, "Республики Беларусь") == "untitled"


def test_quotes_around_a_name_leave_no_underscore_at_its_ends() -> None:
    assert transliterate("«Об основах административных процедур»") == (
        "ob_osnovakh_administrativnykh_protsedur"
    )


def test_acts_that_date_and_number_alone_do_not_identify() -> None:
    d = datetime.date(2008, 7, 14)
    # A code is known by its title (by/code/{slug}), not by its date and number.
    assert act_id("code", date=d, number="406-З") is None
    # Treaties stay unresolved; an act of no named kind has no id of its own.
    assert act_id("treaty", date=d, number="5") is None
    assert act_id(None, date=d, number="406-З") is None


def test_the_slug_of_a_body_other_than_a_ministry_is_the_one_the_grammar_gives() -> None:
    assert issuer_slug("Государственного комитета по стандартизации Республики Беларусь") == (
        "gosstandart"
    )
    assert issuer_slug("Национального банка Республики Беларусь") == "nbrb"
    assert issuer_slug("Совета Министров Республики Беларусь") == "cm"
    assert issuer_slug("Минского городского исполнительного комитета") == "minskiy_gorispolkom"
    assert issuer_slug("Вороновского районного Совета депутатов") == "voronovskiy_raysovet"
    assert issuer_slug("Жодинского горисполкома") == "zhodinskiy_gorispolkom"
    assert issuer_slug("Новополоцкого горисполкома") == "novopolotskiy_gorispolkom"
    assert issuer_slug("Центрального районного исполнительного комитета") == (
        "tsentralnyy_rayispolkom"
    )
    assert issuer_slug("Республики Беларусь") is None
    assert issuer_slug("Минского районного") is None
    assert issuer_slug("Минского районного совета народных депутатов") is None
    assert issuer_slug("Минска горисполкома") is None
    # A body no table names gets no slug, rather than its words transliterated.
    assert issuer_slug("Государственного комитета по делам чего-то нового") is None
    assert issuer_slug("Общества с ограниченной ответственностью «Ромашка»") is None


def test_an_act_id_from_a_bodys_words_is_the_one_its_citation_resolves_to() -> None:
    d = datetime.date(2023, 3, 1)
    issuers = ("Государственного комитета по стандартизации Республики Беларусь",)
    assert act_id("resolution", date=d, number="12", issuers=issuers) == (
        "by/resolution/gosstandart/2023-03-01/12"
    )
    cited = parse_citations(
        "постановлением Государственного комитета по стандартизации Республики Беларусь "
        "от 1 марта 2023 г. № 12"
    )[0]
    assert cited.act is not None
    assert cited.act.act_id == "by/resolution/gosstandart/2023-03-01/12"
    # Jointly with a body no table names: no id at all, never one with a made-up slug.
    joint = (*issuers, "Комитета по делам чего-то нового")
    assert act_id("resolution", date=d, number="12/3", issuers=joint) is None
    assert act_id("decision", date=d, number="5", issuers=("Неизвестного совета",)) is None


def test_a_local_body_gets_from_its_words_the_id_its_citation_resolves_to() -> None:
    d = datetime.date(2023, 3, 1)
    cited = parse_citations(
        "решением Центрального районного исполнительного комитета от 1 марта 2023 г. № 5"
    )[0]
    assert cited.act is not None
    assert cited.act.act_id == "by/decision/tsentralnyy_rayispolkom/2023-03-01/5"
    assert act_id("decision", date=d, number="5", issuers=cited.act.issuers) == (
        "by/decision/tsentralnyy_rayispolkom/2023-03-01/5"
    )
