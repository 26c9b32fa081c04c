"""Through the app as served: a page answers, and a user's mistake keeps its message."""

from __future__ import annotations

from neo4j import AsyncDriver
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.config import Settings, project_root

DETAILS = (project_root() / "queries" / "procedure-details.graphql").read_text()


def test_a_procedure_page_and_a_mistake_over_http(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    with TestClient(create_app(settings)) as client:
        page = client.post("/graphql", json={"query": DETAILS, "variables": {"number": "15.4.1"}})
        mistake = client.post("/graphql", json={"query": '{ procedure(number: "9.9") { title } }'})
    assert page.status_code == 200
    assert "errors" not in page.json()
    assert page.json()["data"]["procedure"]["graphId"] == "procedure/15.4.1"
    # Russian goes out as UTF-8, not as `\uXXXX` escapes (a third of the bytes).
    title = page.json()["data"]["procedure"]["title"]
    assert title.encode() in page.content
    assert page.headers["content-type"].startswith("application/json")
    assert mistake.status_code == 200
    assert mistake.json()["errors"][0]["message"] == "no procedure numbered '9.9'"
    assert mistake.json()["errors"][0]["path"] == ["procedure"]
