"""`procedures(filter:)`: each condition, their combinations, paging and the user's mistakes."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from tests.api.conftest import Run
from tests.api.sample_graph import ART_287, EDICT_240, LAW_225, PARTS, POINT_6, TAX_CODE

QUERY = """query ($filter: ProcedureFilter, $first: Int = 20, $after: String) {
  procedures(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { number } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}"""


async def numbers(run: Run, filter: dict[str, Any]) -> list[str]:
    answer = await run(QUERY, filter=filter)
    assert answer.errors == []
    found = answer.data["procedures"]
    assert found["totalCount"] == len(found["edges"])
    return [edge["node"]["number"] for edge in found["edges"]]


CASES: list[tuple[dict[str, Any], list[str]]] = [
    ({}, ["10.7.1", "15.4.1", "15.4.2"]),
    ({"dependsOn": {"id": PARTS[0], "mode": "DIRECT"}}, ["15.4.1", "15.4.2"]),
    ({"dependsOn": {"id": ART_287, "mode": "DIRECT"}}, []),
    ({"dependsOn": {"id": ART_287}}, ["15.4.1", "15.4.2"]),
    ({"dependsOn": {"id": POINT_6, "mode": "INCLUDING_SUBUNITS"}}, ["15.4.1", "15.4.2"]),
    ({"dependsOn": {"id": TAX_CODE, "mode": "INCLUDING_SUBUNITS"}}, ["15.4.1", "15.4.2"]),
    (
        {"dependsOn": {"id": LAW_225, "mode": "INCLUDING_SUBUNITS"}},
        ["10.7.1", "15.4.1", "15.4.2"],
    ),
    ({"dependsOn": {"id": EDICT_240, "mode": "INCLUDING_SUBUNITS"}}, []),
    (
        {"dependsOn": {"id": EDICT_240, "mode": "VIA_LEGAL_BASIS"}},
        ["10.7.1", "15.4.1", "15.4.2"],
    ),
    (
        {"dependsOn": {"id": f"{EDICT_240}#point_3", "mode": "VIA_LEGAL_BASIS"}},
        ["10.7.1", "15.4.1", "15.4.2"],
    ),
    ({"apostille": "REQUIRED"}, ["10.7.1"]),
    ({"apostille": "NOT_REQUIRED"}, ["15.4.2"]),
    ({"apostille": "NOT_STATED"}, ["15.4.1", "15.4.2"]),
    ({"not": {"apostille": "REQUIRED"}}, ["15.4.1", "15.4.2"]),
    ({"authority": "authority/pgim"}, ["10.7.1", "15.4.1", "15.4.2"]),
    ({"registry": "registry/egr"}, ["10.7.1"]),
    ({"registry": "registry/ais-grazhdanstvo-i-migratsiya"}, ["15.4.1", "15.4.2"]),
    ({"fee": {"min": 3}}, ["15.4.1"]),
    ({"fee": {"max": 3}}, ["15.4.2"]),
    ({"fee": {"min": 2, "max": 5}}, ["15.4.1", "15.4.2"]),
    ({"subject": "LEGAL_ENTITY"}, ["10.7.1", "15.4.1", "15.4.2"]),
    ({"subject": "FOREIGN_ORGANIZATION"}, []),
    ({"availableElectronically": True}, ["10.7.1"]),
    ({"availableElectronically": False}, ["15.4.1", "15.4.2"]),
    ({"text": "продление"}, ["15.4.2"]),
    ({"text": "15.4.1"}, ["15.4.1"]),
    ({"or": [{"apostille": "REQUIRED"}, {"fee": {"min": 4}}]}, ["10.7.1", "15.4.1"]),
    ({"and": [{"dependsOn": {"id": ART_287}}, {"not": {"text": "продление"}}]}, ["15.4.1"]),
    ({"dependsOn": {"id": ART_287}, "fee": {"max": 3}}, ["15.4.2"]),
    (
        {"or": [{"dependsOn": {"id": ART_287}}, {"apostille": "REQUIRED"}]},
        ["10.7.1", "15.4.1", "15.4.2"],
    ),
    (
        {"or": [{"dependsOn": {"id": PARTS[0], "mode": "DIRECT"}}, {"text": "продление"}]},
        ["15.4.1", "15.4.2"],
    ),
    (
        {
            "and": [
                {"dependsOn": {"id": EDICT_240, "mode": "VIA_LEGAL_BASIS"}},
                {"not": {"dependsOn": {"id": TAX_CODE}}},
            ]
        },
        ["10.7.1"],
    ),
    (
        {"dependsOn": {"citation": "статья 287 Налогового кодекса Республики Беларусь"}},
        ["15.4.1", "15.4.2"],
    ),
    (
        {
            "dependsOn": {
                "citation": "часть вторая пункта 6 статьи 287 Налогового кодекса",
                "mode": "DIRECT",
            }
        },
        ["15.4.1", "15.4.2"],
    ),
    (
        {
            "dependsOn": {
                "citation": "статья 29 Закона Республики Беларусь «О внешней трудовой миграции»"
            }
        },
        ["10.7.1", "15.4.1", "15.4.2"],
    ),
]
ALL = ["10.7.1", "15.4.1", "15.4.2"]


@pytest.mark.parametrize(("filter", "expected"), CASES)
async def test_filter(
    sample_graph: AsyncDriver, run: Run, filter: dict[str, Any], expected: list[str]
) -> None:
    assert await numbers(run, filter) == expected


async def test_pages_follow_each_other(sample_graph: AsyncDriver, run: Run) -> None:
    first = await run(QUERY, first=2)
    page = first.data["procedures"]
    assert [e["node"]["number"] for e in page["edges"]] == ["10.7.1", "15.4.1"]
    assert page["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "endCursor": page["edges"][-1]["cursor"],
    }
    second = await run(QUERY, first=2, after=page["pageInfo"]["endCursor"])
    rest = second.data["procedures"]
    assert [e["node"]["number"] for e in rest["edges"]] == ["15.4.2"]
    assert rest["totalCount"] == 3
    assert rest["pageInfo"]["hasNextPage"] is False
    assert rest["pageInfo"]["hasPreviousPage"] is True


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"after": "nonsense"}, "invalid cursor 'nonsense'"),
        ({"first": 1000}, "`first` must be between 0 and 100"),
        ({"filter": {"dependsOn": {"id": "by/code/tax#art_999"}}}, "unit 'by/code/tax#art_999'"),
        ({"filter": {"authority": "authority/nobody"}}, "authority 'authority/nobody'"),
        ({"filter": {"registry": "registry/none"}}, "registry 'registry/none'"),
        ({"filter": {"fee": {"min": 5, "max": 1}}}, "fee range is empty"),
        ({"filter": {"fee": {}}}, "`fee` needs `min`, `max` or both"),
        ({"filter": {"or": []}}, "`or` needs at least one filter"),
        ({"filter": {"text": "  "}}, "`text` is empty"),
        ({"filter": {"dependsOn": {}}}, "`dependsOn` needs either `id` or `citation`"),
        ({"filter": {"dependsOn": {"citation": "просто текст"}}}, "found no reference"),
        (
            {"filter": {"dependsOn": {"citation": "статьи 5 Закона «О несуществующем»"}}},
            "cannot resolve the reference",
        ),
        ({"filter": {"text": "?!"}}, "`text` has no words"),
        (
            {"filter": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {"not": {}}}}}}}}}},
            "deeper than 8 levels",
        ),
    ],
)
async def test_mistakes_are_explained(
    sample_graph: AsyncDriver, run: Run, variables: dict[str, Any], message: str
) -> None:
    answer = await run(QUERY, **variables)
    assert answer.data is None or answer.data["procedures"] is None
    assert len(answer.errors) == 1
    assert message in answer.errors[0]


@pytest.mark.parametrize(("filter", "expected"), CASES)
async def test_not_is_the_complement(
    sample_graph: AsyncDriver, run: Run, filter: dict[str, Any], expected: list[str]
) -> None:
    assert await numbers(run, {"not": filter}) == [n for n in ALL if n not in expected]


async def test_and_or_follow_de_morgan(sample_graph: AsyncDriver, run: Run) -> None:
    a, b = {"apostille": "REQUIRED"}, {"fee": {"min": 4}}
    assert await numbers(run, {"not": {"or": [a, b]}}) == await numbers(
        run, {"and": [{"not": a}, {"not": b}]}
    )
    assert await numbers(run, {"not": {"and": [a, b]}}) == await numbers(
        run, {"or": [{"not": a}, {"not": b}]}
    )
