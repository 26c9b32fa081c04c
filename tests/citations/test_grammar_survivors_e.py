"""Approved annexes, lowercase short names, enumerated acts, «настоящего» and «гл.» at the edges
of a text: cases that tell the grammar's surviving mutants of `_annex`, `_at`, `_unit` and
`_self` apart."""

from __future__ import annotations

from lexgraph.citations import parse_citations
from tests.citations.reading import ids, one

LAW_213 = "by/law/2022-10-14/213-z"
MNS_2 = "by/resolution/mns/2019-01-03/2"
EDICT_100 = "by/edict/2016-03-16/100"
EDICT_180 = "by/edict/2017-05-20/180"
MINFIN_55 = "by/resolution/minfin/2010-05-05/55"
MINTRUD_53 = "by/resolution/mintrud/2021-07-01/53"
MINTRUD_52 = "by/resolution/mintrud/2001-04-28/52"

# -- an annex defined by «…, утвержденная …» inside a sentence ---------------------------------


def test_an_annex_defined_inside_a_sentence_and_the_act_named_in_its_approving_acts_title() -> None:
    # The instruction's reference starts at its head word, not at the start of the text; and
    # the resolution approving it names an edict in full in its title: that edict is cited too.
    text = (
        "Признать утратившей силу Инструкцию о порядке заполнения налоговых деклараций,"
        " утвержденную постановлением Министерства по налогам и сборам Республики Беларусь"
        " от 3 января 2019 г. № 2 «О мерах по реализации Указа Президента Республики Беларусь"
        " от 16 марта 2016 г. № 100»."
    )
    instruction, edict = parse_citations(text)
    assert instruction.act_id == MNS_2
    assert instruction.annex is not None
    assert instruction.annex.name == "Инструкция о порядке заполнения налоговых деклараций"
    assert instruction.text.startswith("Инструкцию о порядке")
    assert instruction.span[0] == len("Признать утратившей силу ")
    assert edict.act_id == EDICT_100
    assert edict.text == "Указа Президента Республики Беларусь от 16 марта 2016 г. № 100"


# -- a semicolon parts an annex from the act approving the next one ---------------------------


def test_an_annex_is_not_paired_with_the_act_approving_the_next_annex_after_a_semicolon() -> None:
    # «утвержденной …» approves the instruction after the semicolon; the regulation before it is
    # not said to be approved by anything, so it stays unknown.
    text = (
        "Согласно пункту 3 Положения о порядке выдачи справок; пункту 5 Инструкции о порядке"
        " заполнения справок, утвержденной постановлением Министерства финансов Республики"
        " Беларусь от 5 мая 2010 г. № 55, справка выдается в течение пяти дней."
    )
    assert ids(text) == [
        "?#regulation_poryadke_vydachi_spravok__point_3",
        f"{MINFIN_55}#instruction_poryadke_zapolneniya_spravok__point_5",
    ]


# -- annexes known by name ---------------------------------------------------------------------


def test_the_longest_known_annex_name_is_the_one_cited() -> None:
    # Two rules approved by two resolutions, the first one's name the start of the second's.
    # «Правил по охране труда при работе на высоте» are the second rules; «Правил по охране
    # труда» followed by other words, the first.
    text = (
        "Правила по охране труда, утвержденные постановлением Министерства труда и социальной"
        " защиты Республики Беларусь от 1 июля 2021 г. № 53, и Правила по охране труда при"
        " работе на высоте, утвержденные постановлением Министерства труда и социальной защиты"
        " Республики Беларусь от 28 апреля 2001 г. № 52, обязательны для нанимателей. Согласно"
        " пункту 12 Правил по охране труда при работе на высоте работник проходит инструктаж,"
        " а пункт 5 Правил по охране труда этого не требует."
    )
    assert ids(text) == [
        f"{MINTRUD_53}#rules_okhrane_truda",
        f"{MINTRUD_52}#rules_okhrane_truda_rabote_vysote",
        f"{MINTRUD_52}#rules_okhrane_truda_rabote_vysote__point_12",
        f"{MINTRUD_53}#rules_okhrane_truda__point_5",
    ]


def test_an_unknown_annex_keeps_its_adjective_in_its_id() -> None:
    # Nothing defines the typical regulation: it is unknown, but its id still tells it from an
    # organization's own «Положение о комиссии по противодействию коррупции».
    text = (
        "В соответствии с пунктом 5 Типового положения о комиссии по противодействию"
        " коррупции.\nКомиссия собирается ежеквартально."
    )
    assert ids(text) == ["?#regulation_tipovoy_komissii_protivodeystviyu_korruptsii__point_5"]


# -- a lowercase short name alone is a common noun ---------------------------------------------


def test_a_lowercase_short_name_alone_is_not_a_citation() -> None:
    # «(далее – закон)»: «статья 5 закона» is the law's article, but «Требования закона» alone is
    # the common noun (the grammar reads a lowercase name only after units).
    text = (
        "Закон Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании» (далее –"
        " закон) вступил в силу. Требования закона не распространяются на эти услуги, а"
        " статья 5 закона их не называет."
    )
    assert ids(text) == [LAW_213, f"{LAW_213}#art_5"]


# -- acts sharing their kind word after a definition --------------------------------------------


def test_an_act_enumerated_after_a_definition_is_read() -> None:
    # «(далее – Указ № 100)» sits between the two edicts: the second is read after it.
    text = (
        "Указами Президента Республики Беларусь от 16 марта 2016 г. № 100 (далее – Указ № 100)"
        " и от 20 мая 2017 г. № 180 установлен иной порядок."
    )
    assert ids(text) == [EDICT_100, EDICT_180]


# -- the end of a text, and «гл.» that is no chapter ---------------------------------------------


def test_a_text_cut_after_nastoyashchego_cites_nothing() -> None:
    # An extract cut after «настоящего»: the act the point belongs to is not written.
    assert parse_citations("Согласно пункту 3 настоящего") == []


def test_a_procedure_followed_by_gl_spetsialist_is_a_procedure() -> None:
    # A list of who carries out each administrative procedure: «гл. специалист» is the chief
    # specialist, no chapter, so «по подпункту 1.1.5» is the procedure, not a provision.
    c = one(
        "Ответственный за осуществление административной процедуры по подпункту 1.1.5"
        " гл. специалист отдела Иванова И.И."
    )
    assert c.kind == "procedure"
    assert c.procedure == "1.1.5"
    assert c.text == "по подпункту 1.1.5"
