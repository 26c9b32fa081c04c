"""Conflicts between sources, listed across all procedures as of a day (`conflicts`, and
`lexgraph conflicts`), on the sample corpus.

What the texts say, and so what the answers must be: a portal text (seed 000) says procedures
10.7.1 and 15.4.1 are available electronically, while their regulations (resolution No. 102 of the
МВД, seed 004, in force from 1 July 2023) let documents be filed in person, by post or by courier
only. Before 1 July 2023 no regulation of theirs holds: only the portal speaks, nothing disagrees.
"""

from __future__ import annotations

import json

import pytest
from neo4j import AsyncDriver
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.config import Settings
from tests.api.conftest import Run
from tests.graphs import corpus_imported

MVD_102 = "by/resolution/mvd/2023-05-19/102"


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    await corpus_imported(driver, settings.neo4j_database)
    return driver


CONFLICTS = """query ($asOf: Date, $first: Int, $after: String) {
  conflicts(asOf: $asOf, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { kind procedure { number } portalClaims { provenance { documentId } }
      regulations { graphId } regulationChannels } } }"""


async def test_the_conflicts_between_the_portal_and_the_regulations(
    corpus: AsyncDriver, run: Run
) -> None:
    answer = await run(CONFLICTS, first=20)
    assert answer.errors == []
    found = answer.data["conflicts"]
    assert found["totalCount"] == 2
    assert found["nodes"] == [
        {
            "kind": "ELECTRONIC_AVAILABILITY",
            "procedure": {"number": number},
            "portalClaims": [{"provenance": {"documentId": "source/000_8633f05b71841d3c.txt"}}],
            "regulations": [{"graphId": f"{MVD_102}#procedure_regulation_{number}"}],
            "regulationChannels": ["COURIER", "IN_PERSON", "POST"],
        }
        for number in ("10.7.1", "15.4.1")
    ]


async def test_conflicts_come_a_page_at_a_time(corpus: AsyncDriver, run: Run) -> None:
    first = (await run(CONFLICTS, first=1)).data["conflicts"]
    assert [n["procedure"]["number"] for n in first["nodes"]] == ["10.7.1"]
    assert first["pageInfo"]["hasNextPage"] is True
    after = first["pageInfo"]["endCursor"]
    second = (await run(CONFLICTS, first=1, after=after)).data["conflicts"]
    assert [n["procedure"]["number"] for n in second["nodes"]] == ["15.4.1"]
    assert second["pageInfo"]["hasNextPage"] is False
    assert first["totalCount"] == second["totalCount"] == 2


async def test_before_the_regulations_held_only_the_portal_spoke(
    corpus: AsyncDriver, run: Run
) -> None:
    answer = await run(CONFLICTS, asOf="2023-06-30", first=20)
    assert answer.data["conflicts"] == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "endCursor": None},
        "nodes": [],
    }


@pytest.mark.parametrize("as_of", ["2023-06-30", "2024-01-01"])
async def test_the_list_is_the_procedures_own_verdict(
    corpus: AsyncDriver, run: Run, as_of: str
) -> None:
    listed = await run(CONFLICTS, asOf=as_of, first=100)
    each = await run(
        """query ($asOf: Date) { procedures(asOf: $asOf, first: 100) {
             nodes { number electronicAvailability { conflict } } } }""",
        asOf=as_of,
    )
    in_conflict = [
        p["number"]
        for p in each.data["procedures"]["nodes"]
        if p["electronicAvailability"]["conflict"]
    ]
    assert [n["procedure"]["number"] for n in listed.data["conflicts"]["nodes"]] == in_conflict


runner = CliRunner()


def test_the_conflicts_on_the_command_line(corpus: AsyncDriver, neo4j_uri: str) -> None:
    env = {"NEO4J_URI": neo4j_uri}
    listed = runner.invoke(app, ["conflicts", "--json", "--as-of", "2024-01-01"], env=env)
    assert listed.exit_code == 0, listed.output
    answer = json.loads(listed.stdout)
    assert answer["asOf"] == "2024-01-01"
    assert answer["total"] == 2
    assert [c["procedure"] for c in answer["conflicts"]] == ["10.7.1", "15.4.1"]
    assert answer["conflicts"][0]["portalClaims"][0]["sourceDocument"] == (
        "source/000_8633f05b71841d3c.txt"
    )
    assert answer["conflicts"][0]["regulationChannels"] == ["courier", "in_person", "post"]
    before = runner.invoke(app, ["conflicts", "--json", "--as-of", "2023-06-30"], env=env)
    assert json.loads(before.stdout)["total"] == 0
    table = runner.invoke(app, ["conflicts"], env=env)
    assert table.exit_code == 0, table.output
    assert "10.7.1" in table.stdout
    assert "15.4.1" in table.stdout
    bad = runner.invoke(app, ["conflicts", "--as-of", "2024-02-30"], env=env)
    assert bad.exit_code == 2
    assert "--as-of" in bad.output
