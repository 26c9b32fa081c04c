"""The synthetic benchmark corpus (`lexgraph.synthetic`): deterministic, in the model's shape, and
written by the importer's loader."""

from __future__ import annotations

import pytest
from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.graph import first_texts
from lexgraph.graph.loader import load_batch, load_batches
from lexgraph.graph.records import GraphBatch
from lexgraph.synthetic import Size, count_only, documents, load
from tests.conftest import WIPE_DATA, graph_state

TINY = Size("T", procedures=40, cited_acts=60, units_per_act=10, portal_documents=2)


def _content(batches: list[GraphBatch]) -> list[tuple[object, ...]]:
    return [
        (
            b.document_id,
            sorted((k, dict(n.properties)) for k, n in b.nodes.items()),
            sorted(b.edges),
        )
        for b in batches
    ]


def test_the_same_seed_gives_the_same_corpus() -> None:
    first = _content(list(documents(TINY, seed=3)))
    assert first == _content(list(documents(TINY, seed=3)))
    assert first != _content(list(documents(TINY, seed=4)))


def test_every_procedure_has_one_regulation_and_portal_facts_name_known_procedures() -> None:
    counts = count_only(TINY, seed=1)
    assert counts["Procedure"] == counts["Regulation"] == counts["REGULATES"] == 40
    assert counts["ABOUT"] == counts["PortalFact"] == 20


def test_fee_paying_procedures_cite_article_287_of_the_tax_code() -> None:
    for batch in documents(TINY, seed=1):
        fees = [target for (_, kind, target, _) in batch.edges if kind == "CHARGES"]
        cited = {
            source
            for (source, kind, target, _) in batch.edges
            if kind == "CITES" and target == "by/code/tax#art_287__point_6__part_1"
        }
        assert len(cited) == len(fees)
        for fee in fees:
            regulation = fee.removesuffix("__fee")
            assert any(source.startswith(regulation + "__document_") for source in cited)


def test_a_cited_unit_hangs_from_its_act_through_part_of() -> None:
    for batch in documents(TINY, seed=1):
        parents = {s: t for (s, kind, t, _) in batch.edges if kind == "PART_OF"}
        for _, kind, target, _ in batch.edges:
            if kind != "CITES" or "#" not in target:
                continue
            node = target
            while node in parents:
                node = parents[node]
            assert ("LegalAct", node) in batch.nodes, f"{target} does not reach its act"


@pytest.mark.neo4j
@pytest.mark.slow
async def test_loading_writes_every_node_and_edge_once(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    expected = count_only(TINY, seed=1)
    report = await load(empty_graph, settings.neo4j_database, TINY, seed=1)
    assert report.documents == len(list(documents(TINY, seed=1)))
    records, _, _ = await empty_graph.execute_query(
        "MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:Version "
        "RETURN labels(n)[0] AS kind, count(*) AS count"
    )
    assert {r["kind"]: r["count"] for r in records} == {
        k: v for k, v in expected.items() if not k.isupper()
    }
    records, _, _ = await empty_graph.execute_query(
        "MATCH (p:Procedure)<-[:REGULATES]-(:Regulation)-[:REQUIRES]->()-[:CITES]->"
        "(:Provision)-[:PART_OF*0..]->(:Provision {id: 'by/code/tax#art_287'}) "
        "RETURN count(DISTINCT p) AS procedures"
    )
    assert records[0]["procedures"] == expected["Fee"]


async def test_documents_written_together_give_the_graph_written_one_by_one(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    batches = list(documents(TINY, seed=2))
    assert first_texts.together(batches)  # first texts: written at once, shared nodes merged once
    summaries = await load_batches(empty_graph, batches, database)
    assert [s.document_id for s in summaries] == [b.document_id for b in batches]
    together = await graph_state(empty_graph, database)

    again = await load_batches(empty_graph, batches, database)
    assert not any(s.removed_nodes or s.removed_edges or s.new_version for s in again)
    assert await graph_state(empty_graph, database) == together

    async with empty_graph.session(database=database) as session:
        await (await session.run(WIPE_DATA)).consume()
    for batch in batches:
        await load_batch(empty_graph, batch, database)
    assert await graph_state(empty_graph, database) == together
