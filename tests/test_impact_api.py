"""`impact(of:, asOf:, depth:)` in the GraphQL API, through the named documents of `queries/`."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse
from neo4j import AsyncDriver

from lexgraph.api.context import RequestContext
from lexgraph.api.limits import QueryLimits, query_cost_problem
from lexgraph.api.schema import schema
from lexgraph.config import Settings, project_root
from lexgraph.graph.impact_cache import ImpactReports
from lexgraph.importing import ImportReport
from tests.graphs import corpus_imported

QUERIES = project_root() / "queries"
RESOLUTION = "by/resolution/mvd/2023-05-19/102"


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    return await corpus_imported(driver, settings.neo4j_database)


async def execute(
    driver: AsyncDriver, settings: Settings, document: str, **variables: Any
) -> dict[str, Any]:
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(document, variable_values=variables, context_value=context)
    assert result.errors is None, [e.message for e in result.errors]
    assert isinstance(result.data, dict)
    return result.data


async def test_what_changing_art_287_of_the_tax_code_affects(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    document = (QUERIES / "impact-art-287-tax-code.graphql").read_text()
    found = (await execute(driver, settings, document, asOf="2024-01-01"))["impact"]
    assert (found["asOf"], found["depth"], found["notFound"]) == ("2024-01-01", 3, [])
    procedures = found["procedures"]
    assert [p["node"]["graphId"] for p in procedures["nodes"]] == [
        f"procedure/{n}" for n in ("15.2.1", "15.2.2", "15.21.1", "15.21.2", "15.4.1", "15.4.2")
    ]
    assert (procedures["totalCount"], procedures["pageInfo"]["hasNextPage"]) == (6, False)
    # Six state-duty documents cite it; their six regulations, then procedures and the resolution.
    assert found["counts"] == [
        {"kind": "PROCEDURE", "total": 6},
        {"kind": "REGULATION", "total": 6},
        {"kind": "REQUIREMENT", "total": 6},
        {"kind": "ACT", "total": 1},
    ]
    assert found["totalCount"] == 19 == sum(g["totalCount"] for g in found["groups"])
    direct = found["groups"][0]
    assert (direct["distance"], direct["title"]) == (1, "direct")
    assert direct["counts"] == [{"kind": "REQUIREMENT", "total": 6}]
    first = direct["affected"]["nodes"][0]
    assert first["node"]["kind"] == "REQUIREMENT"
    assert first["mode"] == "WHOLE"
    (step,) = first["path"]
    assert step["relation"] == "CITES"
    assert step["text"] == (
        "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )


async def test_what_repealing_the_law_on_licensing_affects_as_of_a_date(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    document = (QUERIES / "impact-repeal-law-licensing.graphql").read_text()
    found = (await execute(driver, settings, document, asOf="2024-01-01", depth=1))["impact"]
    regulations = found["regulations"]["nodes"]
    assert [r["node"]["graphId"] for r in regulations] == [
        f"{RESOLUTION}#procedure_regulation_{n}"
        for n in ("15.2.1", "15.2.2", "15.2.3", "15.21.1", "15.21.2")
    ]
    assert {r["path"][0]["relation"] for r in regulations} == {"GOVERNED_BY"}
    # Before resolution No. 102 entered into force (01.07.2023) nothing in force rested on it.
    before = (await execute(driver, settings, document, asOf="2023-06-30"))["impact"]
    assert (before["groups"], before["counts"], before["totalCount"]) == ([], [], 0)


async def test_ids_not_in_the_graph_are_listed_not_guessed(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    found = await execute(
        driver,
        settings,
        'query { impact(of: ["by/law/1900-01-01/1"]) { notFound changed { graphId } groups {'
        " distance } } }",
    )
    assert found["impact"] == {"notFound": ["by/law/1900-01-01/1"], "changed": [], "groups": []}


async def test_a_depth_out_of_range_is_the_users_error(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(
        'query { impact(of: ["by/code/tax"], depth: 11) { depth } }', context_value=context
    )
    assert result.errors is not None
    assert result.errors[0].message == "depth must be between 1 and 10, not 11"


PAGE = """
query Page($kind: ImpactKind, $first: Int!, $after: String) {
  impact(of: ["by/code/tax#art_287"], asOf: "2024-01-01") {
    affected(kind: $kind, first: $first, after: $after) {
      totalCount
      edges { cursor node { node { graphId kind } distance } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
}
"""


async def test_paging_through_the_affected_nodes_nearest_first(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    found: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await execute(driver, settings, PAGE, first=5, after=after))["impact"]["affected"]
        assert page["totalCount"] == 19
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        found += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(found) == 19
    assert len({a["node"]["graphId"] for a in found}) == 19
    assert [a["distance"] for a in found] == sorted(a["distance"] for a in found)
    whole = (await execute(driver, settings, PAGE, first=100))["impact"]["affected"]
    assert [e["node"] for e in whole["edges"]] == found
    acts = (await execute(driver, settings, PAGE, kind="ACT", first=5))["impact"]["affected"]
    assert [e["node"]["node"] for e in acts["edges"]] == [{"graphId": RESOLUTION, "kind": "ACT"}]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"kind": "law", "first": 5}, "Value 'law' does not exist in 'ImpactKind' enum"),
        ({"first": 101}, "`first` must be between 0 and 100, not 101"),
        ({"first": 5, "after": "bm90IGEgY3Vyc29y"}, "invalid cursor 'bm90IGEgY3Vyc29y'"),
    ],
)
async def test_a_bad_page_is_the_users_error(
    corpus: ImportReport,
    driver: AsyncDriver,
    settings: Settings,
    variables: dict[str, Any],
    message: str,
) -> None:
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(PAGE, variable_values=variables, context_value=context)
    assert result.errors is not None
    assert message in result.errors[0].message


async def test_pages_of_one_report_walk_the_graph_once(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    reports = ImpactReports()
    cursors: list[str | None] = [None]
    for _ in range(3):
        context = RequestContext(driver=driver, settings=settings, impact_reports=reports)
        variables = {"first": 5, "after": cursors[-1]}
        result = await schema.execute(PAGE, variable_values=variables, context_value=context)
        assert result.errors is None
        assert isinstance(result.data, dict)
        cursors.append(result.data["impact"]["affected"]["pageInfo"]["endCursor"])
    assert reports.walks == 1
    assert len(set(cursors)) == 4


def test_the_cost_of_a_page_of_affected_nodes_grows_with_first() -> None:
    page = (
        '{ impact(of: ["by/code/tax#art_287"]) { groups { affected(first: %d) { nodes {'
        " node { graphId name } path { explanation source { graphId } } } } } } }"
    )

    def cost(first: int) -> int:
        # Asked with a budget of one field, the limiter says what the query would cost.
        problem = query_cost_problem(
            schema._schema, parse(page % first), None, {}, QueryLimits(cost=1)
        )
        assert problem is not None
        return int(problem.message.split("about ")[1].split(" ")[0])

    assert 9 * cost(10) < cost(100) < 11 * cost(10)
    too_long = query_cost_problem(schema._schema, parse(page % 101), None, {})
    assert too_long is not None
    assert too_long.message.startswith("`first` must be between 0 and 100, not 101")
