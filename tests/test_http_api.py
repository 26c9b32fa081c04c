"""End to end: HTTP → uvicorn → Starlette → Strawberry → Neo4j → back."""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest
from neo4j import AsyncDriver

from lexgraph.graph.migrations import apply_migrations
from tests.serving import served_api


@pytest.fixture(scope="module")
def api_url(neo4j_uri: str, driver: AsyncDriver) -> Iterator[str]:
    """The API served by uvicorn in its own process, as users run it."""
    with served_api({**os.environ, "NEO4J_URI": neo4j_uri}) as url:
        yield url


def graphql(url: str, query: str) -> dict[str, object]:
    response = httpx.post(f"{url}/graphql", json={"query": query}, timeout=10)
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_typename_answers(api_url: str) -> None:
    assert graphql(api_url, "{ __typename }") == {"data": {"__typename": "Query"}}


async def test_statistics_come_from_neo4j(api_url: str, empty_graph: AsyncDriver) -> None:
    await empty_graph.execute_query(
        "CREATE (:LegalAct {id: 'by/law/2008-10-28/433-z'})-[:CITES]->(:Provision {id: 'p'})"
    )
    body = graphql(api_url, "{ statistics { nodes { kind count } relationships { kind count } } }")
    assert body == {
        "data": {
            "statistics": {
                "nodes": [{"kind": "LegalAct", "count": 1}, {"kind": "Provision", "count": 1}],
                "relationships": [{"kind": "CITES", "count": 1}],
            }
        }
    }


async def test_statistics_count_what_other_tools_wrote_too(
    api_url: str, empty_graph: AsyncDriver
) -> None:
    # The model's labels come from the count store; others (here a researcher's own `Note`) are
    # counted as well, and a multi-labelled node counts under each of its labels.
    await empty_graph.execute_query(
        "CREATE (:Note:Provision {id: 'n'})-[:ANNOTATES]->(:Procedure {id: 'procedure/1.1'}),"
        " (:Note {id: 'm'})"
    )
    body = graphql(api_url, "{ statistics { nodes { kind count } relationships { kind count } } }")
    assert body["data"] == {
        "statistics": {
            "nodes": [
                {"kind": "Note", "count": 2},
                {"kind": "Procedure", "count": 1},
                {"kind": "Provision", "count": 1},
            ],
            "relationships": [{"kind": "ANNOTATES", "count": 1}],
        }
    }


def test_browsers_get_graphiql(api_url: str) -> None:
    response = httpx.get(f"{api_url}/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_ready_when_reachable_and_migrated(api_url: str, driver: AsyncDriver) -> None:
    await apply_migrations(driver, "neo4j")
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{api_url}/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"neo4j": "reachable", "migrations": "applied"},
    }


def test_a_syntax_error_is_a_graphql_error_not_a_500(api_url: str) -> None:
    response = httpx.post(f"{api_url}/graphql", json={"query": "{ statistics { "})
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"].startswith("Syntax Error")
