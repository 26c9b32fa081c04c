"""What the API keeps between requests: the acts the citation grammar knows, and the prefetch
plan of each query document. Both must give the answers an uncached request gives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api import prefetch, search
from lexgraph.config import Settings
from tests.api.conftest import Run
from tests.api.sample_graph import ART_29_LAW_225

RESOLVE = """query ($text: String!) { resolveCitations(text: $text) { resolved ids } }"""
NEW_LAW = "by/law/2002-01-09/90-z"
MENTIONS_NEW_LAW = "согласно статье 5 Закона Республики Беларусь «О защите прав потребителей»"


async def test_the_known_acts_are_read_again_only_when_the_graph_changes(
    sample_graph: AsyncDriver, settings: Settings, run: Run
) -> None:
    search.forget_known_acts()
    text = "определены в статье 29 Закона Республики Беларусь «О внешней трудовой миграции»"
    first = await run(RESOLVE, text=text)
    again = await run(RESOLVE, text=text)
    assert (
        first.data
        == again.data
        == {"resolveCitations": [{"resolved": True, "ids": [ART_29_LAW_225]}]}
    )
    assert first.round_trips == ["KNOWN_ACTS_STAMP", "KNOWN_ACTS", "CITABLE_NODES_BY_ID"]
    assert again.round_trips == ["KNOWN_ACTS_STAMP", "CITABLE_NODES_BY_ID"]

    unknown = await run(RESOLVE, text=MENTIONS_NEW_LAW)
    assert unknown.data["resolveCitations"][0]["resolved"] is False
    async with sample_graph.session(database=settings.neo4j_database) as session:
        await session.run(
            "CREATE (:LegalAct {id: $id, kind: 'law', number: '90-З', title: $title})",
            id=NEW_LAW,
            title="О защите прав потребителей",
        )
    try:
        # A new act changes the stamp: the next request reads the acts again and knows it.
        known = await run(RESOLVE, text=MENTIONS_NEW_LAW)
        assert known.data["resolveCitations"] == [{"resolved": True, "ids": [f"{NEW_LAW}#art_5"]}]
        assert "KNOWN_ACTS" in known.round_trips
    finally:
        async with sample_graph.session(database=settings.neo4j_database) as session:
            await session.run("MATCH (n:LegalAct {id: $id}) DETACH DELETE n", id=NEW_LAW)


PROCEDURE = """query ($number: String!) { procedure(number: $number) { number
  regulation { documents { name citations { text } } fee { amountBaseUnits } } } }"""


async def test_a_query_document_is_planned_once(
    sample_graph: AsyncDriver, resolve: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = resolve  # the prefetch serves the resolvers
    planned: list[str] = []
    plan = prefetch.plan

    def counted(type_name: str, selections: Iterable[Any]) -> list[prefetch.Step]:
        planned.append(type_name)
        return plan(type_name, selections)

    monkeypatch.setattr(prefetch, "plan", counted)
    first = await run(PROCEDURE, number="15.4.1")
    second = await run(PROCEDURE, number="15.4.2")
    again = await run(PROCEDURE, number="15.4.1")
    assert first.errors == second.errors == []
    assert planned == ["Procedure"]
    # The kept plan still prefetches, and answers as the first request did.
    assert again.round_trips == first.round_trips == ["PROCEDURE_BY_NUMBER+PREFETCH"]
    assert again.data == first.data
    assert second.data["procedure"]["number"] == "15.4.2"
    # Another document (here, another selection) is planned for itself.
    other = await run(
        PROCEDURE.replace("fee { amountBaseUnits }", "appeals { kind }"), number="15.4.1"
    )
    assert other.errors == []
    assert planned == ["Procedure", "Procedure"]
