"""The canonical text of a citation, written out by hand for each shape of reference.

`format_citation` puts the first unit in the nominative (plural when several), larger units and
the act in the genitive, a whole act or annex in the nominative, an approved annex with its
participle agreeing in gender and number («утвержденного», «утвержденной», «утвержденных»).
Parsing the canonical text again gives the same citation (`test_format_and_properties.py`); here
the words themselves are pinned.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from lexgraph.citations import CitationContext, format_citation, parse_citations
from lexgraph.citations.acts import SELF_NOUNS
from lexgraph.citations.format import _CURRENT_NOUNS, act_words, format_unit
from lexgraph.citations.model import ActRef

RESOLUTION = CitationContext(document_id="by/resolution/mvd/2023-05-19/102")
REGULATION = CitationContext(
    document_id="by/resolution/mvd/2023-05-19/102",
    document_annex=("procedure_regulation", "15.2.1"),
)

CANONICAL: list[Any] = [
    (
        "согласно пункту 2 настоящего постановления",
        RESOLUTION,
        "пункт 2 настоящего постановления",
    ),
    (
        "в соответствии с пунктом 3 настоящего Регламента",
        REGULATION,
        "пункт 3 настоящего Регламента",
    ),
    (
        "в пункте 10 Положения о порядке представления документов, утвержденного постановлением "
        "Совета Министров Республики Беларусь от 27 февраля 2023 г. № 154",
        None,
        "пункт 10 Положения о порядке представления документов, утвержденного постановлением "
        "Совета Министров Республики Беларусь от 27 февраля 2023 г. № 154",
    ),
    (
        "Положение о порядке представления документов, утвержденное постановлением Совета "
        "Министров Республики Беларусь от 27 февраля 2023 г. № 154",
        None,
        "Положение о порядке представления документов, утвержденное постановлением Совета "
        "Министров Республики Беларусь от 27 февраля 2023 г. № 154",
    ),
    (
        "подпункта 25.11 пункта 25 Визовых правил Республики Беларусь, утвержденных "
        "постановлением Совета Министров Республики Беларусь от 15 июля 2010 г. № 1065",
        None,
        "подпункт 25.11 пункта 25 Визовых правил Республики Беларусь, утвержденных "
        "постановлением Совета Министров Республики Беларусь от 15 июля 2010 г. № 1065",
    ),
    (
        "пункта 5 Инструкции о порядке заполнения бланков, утвержденной постановлением "
        "Министерства финансов Республики Беларусь от 2 марта 2020 г. № 10",
        None,
        "пункт 5 Инструкции о порядке заполнения бланков, утвержденной постановлением "
        "Министерства финансов Республики Беларусь от 2 марта 2020 г. № 10",
    ),
    (
        "статьи 264.1 Уголовного кодекса Российской Федерации",
        None,
        "статья 264.1 Уголовного кодекса Российской Федерации",
    ),
    ("Налоговый кодекс Республики Беларусь", None, "Налоговый кодекс Республики Беларусь"),
    ("статьи 7 Конституции Республики Беларусь", None, "статья 7 Конституции Республики Беларусь"),
    (
        "Указом Президента Республики Беларусь от 25 июня 2021 г. № 240",
        None,
        "Указ Президента Республики Беларусь от 25 июня 2021 г. № 240",
    ),
    (
        "пункта 2 постановления Министерства внутренних дел Республики Беларусь от 19 мая 2023 г. "
        "№ 102",
        None,
        "пункт 2 постановления Министерства внутренних дел Республики Беларусь от 19 мая 2023 г. "
        "№ 102",
    ),
    (
        "пунктов 2 и 3 статьи 14 Закона Республики Беларусь от 28 октября 2008 г. № 433-З",
        None,
        "пункты 2 и 3 статьи 14 Закона Республики Беларусь от 28 октября 2008 г. № 433-З",
    ),
]


CANONICAL += [
    ("настоящее постановление", RESOLUTION, "настоящее постановление"),
    ("настоящее решение", RESOLUTION, "настоящее решение"),
    ("в соответствии с настоящей Инструкцией", RESOLUTION, "настоящая Инструкция"),
    ("пункта 4 настоящей Инструкции", RESOLUTION, "пункт 4 настоящей Инструкции"),
    ("Трудовой кодекс Республики Беларусь", None, "Трудовой кодекс Республики Беларусь"),
    (
        "Декретом Президента Республики Беларусь от 7 мая 2012 г. № 6",
        None,
        "Декрет Президента Республики Беларусь от 7 мая 2012 г. № 6",
    ),
    (
        "Директивой Президента Республики Беларусь от 27 декабря 2006 г. № 2",
        None,
        "Директива Президента Республики Беларусь от 27 декабря 2006 г. № 2",
    ),
    (
        "Декларации Верховного Совета Республики Беларусь от 27 июля 1990 г. № 193-XII",
        None,
        "Декларация Верховного Совета Республики Беларусь от 27 июля 1990 г. № 193-XII",
    ),
    (
        "постановлением Министерства внутренних дел Республики Беларусь и Министерства "
        "образования Республики Беларусь от 26 февраля 2021 г. № 57/26",
        None,
        "постановление Министерства внутренних дел Республики Беларусь и Министерства "
        "образования Республики Беларусь от 26 февраля 2021 г. № 57/26",
    ),
]

CANONICAL += [
    (
        "Инструкция о порядке заполнения бланков, утвержденная постановлением Министерства "
        "финансов Республики Беларусь от 2 марта 2020 г. № 10",
        None,
        "Инструкция о порядке заполнения бланков, утвержденная постановлением Министерства "
        "финансов Республики Беларусь от 2 марта 2020 г. № 10",
    ),
    (
        "Регламент административной процедуры, утвержденный постановлением Министерства "
        "внутренних дел Республики Беларусь от 19 мая 2023 г. № 102",
        None,
        "Регламент административной процедуры, утвержденный постановлением Министерства "
        "внутренних дел Республики Беларусь от 19 мая 2023 г. № 102",
    ),
    (
        "пункта 3 Правил пожарной безопасности Республики Беларусь, утвержденных постановлением "
        "Министерства по чрезвычайным ситуациям Республики Беларусь от 14 марта 2014 г. № 3",
        None,
        "пункт 3 Правил пожарной безопасности Республики Беларусь, утвержденных постановлением "
        "Министерства по чрезвычайным ситуациям Республики Беларусь от 14 марта 2014 г. № 3",
    ),
]

CANONICAL += [
    (
        "Законом Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных "
        "процедур» (далее – Закон). В соответствии с Законом",
        None,
        "Закон",
    ),
]

# The citing act's own noun after «настоящий», capitalized as Belarusian texts write it: laws,
# codes, the President's acts and approved annexes, but not resolutions, decisions or orders.
CANONICAL += [
    ("настоящий Закон", RESOLUTION, "настоящий Закон"),
    ("пункта 2 настоящих Правил", RESOLUTION, "пункт 2 настоящих Правил"),
    ("в соответствии с настоящими Правилами", RESOLUTION, "настоящие Правила"),
    (
        "пункта 2 настоящей Директивы",
        CitationContext(document_id="by/directive/2006-12-27/2"),
        "пункт 2 настоящей Директивы",
    ),
    (
        "статьей 5 настоящего Кодекса",
        CitationContext(document_id="by/code/tax"),
        "статья 5 настоящего Кодекса",
    ),
    (
        "пунктом 3 настоящего Указа",
        CitationContext(document_id="by/edict/2021-06-25/240"),
        "пункт 3 настоящего Указа",
    ),
    (
        "пункта 1 настоящего Декрета",
        CitationContext(document_id="by/decree/2012-05-07/6"),
        "пункт 1 настоящего Декрета",
    ),
    ("пункта 4 настоящего решения", RESOLUTION, "пункт 4 настоящего решения"),
    ("пункта 2 настоящего приказа", RESOLUTION, "пункт 2 настоящего приказа"),
]

# A code's name in the nominative: the adjectives before «кодекс» agree with it, and the words
# after it keep their form.
CANONICAL += [
    (
        "Кодекс Республики Беларусь об административных правонарушениях",
        None,
        "Кодекс Республики Беларусь об административных правонарушениях",
    ),
    ("Жилищным кодексом Республики Беларусь", None, "Жилищный кодекс Республики Беларусь"),
    (
        "Гражданским процессуальным кодексом Республики Беларусь",
        None,
        "Гражданский процессуальный кодекс Республики Беларусь",
    ),
    ("Уголовным кодексом Российской Федерации", None, "Уголовный кодекс Российской Федерации"),
]

# A short name defined by «(далее – …)»: its head word is inflected, the words after it never.
_SHORT = (
    "Законом Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных "
    "процедур» (далее – Закон об основах). "
)
CANONICAL += [
    (_SHORT + "Согласно статье 15 Закона об основах", None, "статья 15 Закона об основах"),
    (_SHORT + "Согласно Закону об основах", None, "Закон об основах"),
    (
        _SHORT.replace("Закон об основах", "Основы законодательства")
        + "Согласно статье 3 Основ законодательства",
        None,
        "статья 3 Основ законодательства",
    ),
    (
        _SHORT.replace("Закон об основах", "Общие условия") + "Согласно пункту 2 Общих условий",
        None,
        "пункт 2 Общих условий",
    ),
    # An abbreviation is not inflected, nor a name pymorphy3 does not know («ТР ТС», a technical
    # regulation of the Customs Union).
    (_SHORT.replace("Закон об основах", "ЗоАП") + "Согласно статье 3 ЗоАП", None, "статья 3 ЗоАП"),
    (
        _SHORT.replace("Закон об основах", "ТР ТС") + "Согласно статье 3 ТР ТС",
        None,
        "статья 3 ТР ТС",
    ),
    # An adjective agrees with a feminine head: a short name's, an annex's.
    (
        _SHORT.replace("Закон об основах", "Государственная программа")
        + "Согласно пункту 2 Государственной программы",
        None,
        "пункт 2 Государственной программы",
    ),
    (
        _SHORT.replace("Закон об основах", "Типовая инструкция")
        + "Согласно пункту 2 Типовой инструкции",
        None,
        "пункт 2 Типовой инструкции",
    ),
    # The head is the noun in the name's own case: pymorphy3 reads «указания» first as one
    # instruction's genitive, but after «Методические» it is the plural nominative.
    (
        _SHORT.replace("Закон об основах", "Методические указания")
        + "Согласно пункту 2 Методических указаний",
        None,
        "пункт 2 Методических указаний",
    ),
    # Belarusian texts write «е» for «ё» («отчет», «учет»), which pymorphy3 gives back.
    (
        _SHORT.replace("Закон об основах", "Отчет") + "Согласно пункту 2 Отчета",
        None,
        "пункт 2 Отчета",
    ),
]

# Units of one kind under the same parent share their noun, plural, whatever their depth.
CANONICAL += [
    (
        "пунктов 2 и 3 постановления Министерства внутренних дел Республики Беларусь от 19 мая "
        "2023 г. № 102",
        None,
        "пункты 2 и 3 постановления Министерства внутренних дел Республики Беларусь от 19 мая "
        "2023 г. № 102",
    ),
    (
        "подпунктов 1.1 и 1.2 пункта 1 статьи 5 Закона Республики Беларусь от 28 октября 2008 г. "
        "№ 433-З",
        None,
        "подпункты 1.1 и 1.2 пункта 1 статьи 5 Закона Республики Беларусь от 28 октября 2008 г. "
        "№ 433-З",
    ),
]


# An act's title follows its number in «…» (the seeds cite the law on administrative procedures
# so); an international treaty, whatever its title («Соглашение», «Протокол»), is a
# «международный договор».
CANONICAL += [
    (
        "Законом Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных "
        "процедур»",
        None,
        "Закон Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных "
        "процедур»",
    ),
    # A law cited by its title alone, without date or number.
    (
        "статьи 10 Закона Республики Беларусь «Об основах административных процедур»",
        None,
        "статья 10 Закона Республики Беларусь «Об основах административных процедур»",
    ),
    (
        "статьи 5 Соглашения между Правительством Республики Беларусь и Правительством Российской "
        "Федерации от 2 марта 2020 г.",
        None,
        "статья 5 международного договора от 2 марта 2020 г.",
    ),
]


@pytest.mark.parametrize(("text", "context", "canonical"), CANONICAL)
def test_the_canonical_text(text: str, context: CitationContext | None, canonical: str) -> None:
    # The reference is the last in the text (earlier ones only define what it names).
    c = parse_citations(text, context=context)[-1]
    assert format_citation(c) == canonical


def test_a_unit_from_its_graph_id() -> None:
    assert format_unit("by/code/tax#art_287__point_6__part_1") == (
        "часть первая пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )
    # A foreign code is not named: the units alone.
    assert format_unit("ru/code/criminal#art_264.1") == "статья 264.1"
    # A regulation's own points are no units of the act.
    assert (
        format_unit("by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1__point_1") is None
    )
    assert format_unit("by/code/tax") is None


def test_every_noun_of_the_citing_act_has_its_spelling() -> None:
    # A noun the grammar reads after «настоящий» but the writer has no spelling for would fail
    # loudly (KeyError) when written; none is missing.
    assert set(_CURRENT_NOUNS) >= SELF_NOUNS


def test_an_act_of_no_kind_the_writer_names_is_an_act() -> None:
    # The graph may know an act by its id alone (`full_label` passes on what it has): with no
    # kind of its own, it is named by the generic noun, in each case.
    act = ActRef(
        issuers=("Министерства финансов Республики Беларусь",),
        date=datetime.date(2020, 3, 2),
        number="10",
    )
    tail = "Министерства финансов Республики Беларусь от 2 марта 2020 г. № 10"
    assert act_words(act, "nomn") == f"акт {tail}"
    assert act_words(act, "gent") == f"акта {tail}"
    assert act_words(act, "ablt") == f"актом {tail}"


def test_adjectives_before_a_head_agree_as_adjectives() -> None:
    # «Долговой» is also the genitive of the surname «Долгова», pymorphy3's first reading; before
    # a head noun it is an adjective and agrees with it.
    act = ActRef(kind="law", short_name="Долговой реестр")
    assert act_words(act, "gent") == "Долгового реестра"
    assert act_words(act, "ablt") == "Долговым реестром"


def test_a_head_without_the_case_is_left_as_written() -> None:
    # pymorphy3 knows the archaic «пламень» (flame) only in the nominative and accusative: a name
    # whose head it cannot put in the case asked keeps the words it was written in.
    act = ActRef(kind="law", short_name="Пламень")
    assert act_words(act, "gent") == "Пламень"
