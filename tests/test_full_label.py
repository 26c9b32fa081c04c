"""A unit named in full, in legal words: each row written by hand as a lawyer writes the unit
(the acts' names as their headings and the regulation's legal basis, seed 004 lines 1024–1030,
give them)."""

from __future__ import annotations

import pytest

from lexgraph.full_label import ActName, Unit, full_label, unit_chain

TAX_CODE = ActName("by/code/tax", "code")
LAW_433 = ActName(
    "by/law/2008-10-28/433-z", "law", "433-З", "2008-10-28", "Об основах административных процедур"
)
EDICT_240 = ActName(
    "by/edict/2021-06-25/240",
    "edict",
    "240",
    "2021-06-25",
    "Об административных процедурах, осуществляемых в отношении субъектов хозяйствования",
)
MVD_102 = ActName(
    "by/resolution/mvd/2023-05-19/102",
    "resolution",
    "102",
    "2023-05-19",
    "Об утверждении регламентов административных процедур",
)
CM_548 = ActName("by/cm_resolution/2021-09-24/548", "cm_resolution", "548", "2021-09-24")


@pytest.mark.parametrize(
    ("chain", "act", "expected"),
    [
        (
            [Unit("art", "287"), Unit("point", "6"), Unit("part", "1")],
            TAX_CODE,
            "часть 1 пункта 6 статьи 287 Налогового кодекса Республики Беларусь",
        ),
        (
            [Unit("art", "285"), Unit("point", "10"), Unit("subpoint", "10.29")],
            TAX_CODE,
            "подпункт 10.29 пункта 10 статьи 285 Налогового кодекса Республики Беларусь",
        ),
        # A chapter only groups articles: an article is cited without it.
        (
            [Unit("chapter", "15"), Unit("art", "287")],
            TAX_CODE,
            "статья 287 Налогового кодекса Республики Беларусь",
        ),
        ([Unit("chapter", "15")], TAX_CODE, "глава 15 Налогового кодекса Республики Беларусь"),
        (
            [Unit("art", "29")],
            LAW_433,
            "статья 29 Закона Республики Беларусь от 28 октября 2008 г. № 433-З"
            " «Об основах административных процедур»",
        ),
        (
            [Unit("point", "3"), Unit("para", "3")],
            EDICT_240,
            "абзац 3 пункта 3 Указа Президента Республики Беларусь от 25 июня 2021 г. № 240"
            " «Об административных процедурах, осуществляемых в отношении субъектов"
            " хозяйствования»",
        ),
        (
            [Unit("point", "1")],
            MVD_102,
            "пункт 1 постановления Министерства внутренних дел Республики Беларусь"
            " от 19 мая 2023 г. № 102 «Об утверждении регламентов административных процедур»",
        ),
        (
            [Unit("subpoint", "15.4.1")],
            CM_548,
            "подпункт 15.4.1 постановления Совета Министров Республики Беларусь"
            " от 24 сентября 2021 г. № 548",
        ),
        # Through an approved annex: the annex, then the act that approved it (seed 004, the
        # benefits of 15.4.1: «частью пятой пункта 59 Положения о специальном правовом режиме
        # Китайско-Белорусского индустриального парка «Великий камень», утвержденного Указом
        # Президента Республики Беларусь от 12 мая 2017 г. № 166»).
        (
            [
                Unit(
                    "regulation",
                    None,
                    "Положение о специальном правовом режиме Китайско-Белорусского"
                    " индустриального парка «Великий камень»",
                ),
                Unit("point", "59"),
                Unit("part", "5"),
            ],
            ActName("by/edict/2017-05-12/166", "edict", "166", "2017-05-12"),
            "часть 5 пункта 59 Положения о специальном правовом режиме Китайско-Белорусского"
            " индустриального парка «Великий камень», утвержденного Указом Президента"
            " Республики Беларусь от 12 мая 2017 г. № 166",
        ),
        # As the graph holds them: named by the eId segment, «procedure_regulation_15.4.1».
        (
            [
                Unit("procedure_regulation", "15.4.1", "procedure_regulation_15.4.1"),
                Unit("point", "2"),
            ],
            MVD_102,
            "пункт 2 Регламента административной процедуры по подпункту 15.4.1, утвержденного"
            " постановлением Министерства внутренних дел Республики Беларусь от 19 мая 2023 г."
            " № 102 «Об утверждении регламентов административных процедур»",
        ),
        (
            [Unit("art", "158")],
            ActName("ru/code/criminal", "code"),
            "статья 158 Уголовного кодекса Российской Федерации",
        ),
        # An act the graph knows only by id: what the id tells, nothing made up.
        ([Unit("art", "5")], None, "статья 5"),
    ],
)
def test_a_unit_named_in_full(chain: list[Unit], act: ActName | None, expected: str) -> None:
    assert full_label(chain, act) == expected


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ([Unit("art", "287")], "статья 287"),
        ([Unit("art", "287"), Unit("point", "6")], "пункт 6 статьи 287"),
        ([Unit("point", "6"), Unit("part", "2"), Unit("para", "3")], "абзац 3 части 2 пункта 6"),
        ([Unit("section", "2"), Unit("chapter", "4")], "глава 4 раздела 2"),
        ([Unit("annex", "1")], "приложение 1"),
        ([], ""),
    ],
)
def test_the_units_alone(chain: list[Unit], expected: str) -> None:
    assert unit_chain(chain) == expected
