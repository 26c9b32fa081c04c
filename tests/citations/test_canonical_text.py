"""The canonical text of a citation, written out by hand for each shape of reference.

`format_citation` puts the first unit in the nominative (plural when several), larger units and
the act in the genitive, a whole act or annex in the nominative, an approved annex with its
participle agreeing in gender and number («утвержденного», «утвержденной», «утвержденных»).
Parsing the canonical text again gives the same citation (`test_format_and_properties.py`); here
the words themselves are pinned.
"""

from __future__ import annotations

from typing import Any

import pytest

from lexgraph.citations import CitationContext, format_citation, parse_citations
from lexgraph.citations.format import format_unit

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
    pytest.param(
        "Налоговый кодекс Республики Беларусь",
        None,
        "Налоговый кодекс Республики Беларусь",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a code's name is put in the nominative from its genitive, whose adjective "
            "reads as neuter as well: «Налоговое кодекс»",
        ),
    ),
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

# Known wrong: the canonical text of these is not Russian yet.
_WRONG = [
    ("настоящий Закон", RESOLUTION, "настоящий Закон", "the current act's noun is lowercased"),
    (
        "пункта 2 настоящих Правил",
        RESOLUTION,
        "пункт 2 настоящих Правил",
        "a plural annex head is put in the singular («настоящего Правила»)",
    ),
    (
        "Кодекс Республики Беларусь об административных правонарушениях",
        None,
        "Кодекс Республики Беларусь об административных правонарушениях",
        "the nominative of a code inflects its first two words («Кодекс Республика Беларусь»)",
    ),
    (
        "Жилищным кодексом Республики Беларусь",
        None,
        "Жилищный кодекс Республики Беларусь",
        "a code's adjective put in the nominative from the genitive reads as neuter",
    ),
]
CANONICAL += [
    pytest.param(text, context, canonical, marks=pytest.mark.xfail(strict=True, reason=reason))
    for text, context, canonical, reason in _WRONG
]


@pytest.mark.parametrize(("text", "context", "canonical"), CANONICAL)
def test_the_canonical_text(text: str, context: CitationContext | None, canonical: str) -> None:
    (c,) = parse_citations(text, context=context)
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
