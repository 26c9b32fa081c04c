"""Write a `GraphBatch` to Neo4j: one transaction per document, batched `UNWIND … MERGE`.

Re-importing the same document changes nothing (every write is a MERGE on the stable id, and the
document's previous contribution that is no longer stated is removed); a document that fails
leaves the graph as it was, because its whole batch is one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction

from lexgraph.graph.records import EDGE_TYPES, NODE_LABELS, EdgeRecord, GraphBatch, NodeRecord

BATCH_SIZE = 2000


@dataclass(frozen=True, slots=True)
class LoadSummary:
    document_id: str
    nodes: int
    edges: int
    removed_nodes: int
    removed_edges: int


def _label(label: str) -> LiteralString:
    # Labels and types come from the model's fixed sets, never from document text.
    if label not in NODE_LABELS:
        raise ValueError(f"unknown label {label!r}")
    return label


def _edge_type(edge_type: str) -> LiteralString:
    if edge_type not in EDGE_TYPES:
        raise ValueError(f"unknown relationship type {edge_type!r}")
    return edge_type


def _merge_owned(label: LiteralString) -> LiteralString:
    return (
        "UNWIND $rows AS row MERGE (n:" + label + " {id: row.id}) "
        "SET n = row.properties, n.id = row.id"
    )


def _merge_shared(label: LiteralString) -> LiteralString:
    return (
        "UNWIND $rows AS row MERGE (n:" + label + " {id: row.id}) "
        "SET n += row.properties, "
        "n.sources = CASE WHEN $document IN coalesce(n.sources, []) THEN n.sources "
        "ELSE coalesce(n.sources, []) + $document END"
    )


def _merge_edges(
    edge_type: LiteralString, source: LiteralString, target: LiteralString
) -> LiteralString:
    return (
        "UNWIND $rows AS row "
        "MATCH (a:" + source + " {id: row.source}) "
        "MATCH (b:" + target + " {id: row.target}) "
        "MERGE (a)-[r:" + edge_type + " {key: row.key}]->(b) "
        "SET r = row.properties, r.key = row.key, r.sourceDocument = $document"
    )


def _remove_stale_nodes(label: LiteralString) -> LiteralString:
    return (
        "MATCH (n:" + label + " {sourceDocument: $document}) WHERE NOT n.id IN $ids "
        "DETACH DELETE n RETURN count(*) AS removed"
    )


def _remove_stale_edges(edge_type: LiteralString) -> LiteralString:
    return (
        "MATCH (a)-[r:" + edge_type + " {sourceDocument: $document}]->(b) "
        "WHERE NOT [a.id, b.id, r.key] IN $keys "
        "DELETE r RETURN count(*) AS removed"
    )


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + BATCH_SIZE] for i in range(0, len(rows), BATCH_SIZE)] or [[]]


async def _write_batch(tx: AsyncManagedTransaction, batch: GraphBatch) -> LoadSummary:
    document = batch.document_id
    nodes_by_kind: dict[tuple[str, bool], list[NodeRecord]] = defaultdict(list)
    for node in batch.nodes.values():
        nodes_by_kind[(node.label, node.owned)].append(node)
    for (label, owned), nodes in sorted(nodes_by_kind.items()):
        rows = [{"id": n.id, "properties": dict(n.properties)} for n in nodes]
        statement = _merge_owned(_label(label)) if owned else _merge_shared(_label(label))
        for chunk in _chunks(rows):
            await (await tx.run(statement, rows=chunk, document=document)).consume()

    edges_by_kind: dict[tuple[str, str, str], list[EdgeRecord]] = defaultdict(list)
    for edge in batch.edges.values():
        edges_by_kind[(edge.type, edge.source_label, edge.target_label)].append(edge)
    for (edge_type, source, target), edges in sorted(edges_by_kind.items()):
        rows = [
            {
                "source": e.source_id,
                "target": e.target_id,
                "key": e.key,
                "properties": dict(e.properties),
            }
            for e in edges
        ]
        statement = _merge_edges(_edge_type(edge_type), _label(source), _label(target))
        for chunk in _chunks(rows):
            await (await tx.run(statement, rows=chunk, document=document)).consume()

    removed_nodes = 0
    # Shared nodes may carry this document's provenance too; only what is no longer stated goes.
    stated_ids: dict[str, list[str]] = defaultdict(list)
    for node in batch.nodes.values():
        stated_ids[node.label].append(node.id)
    for label in sorted(NODE_LABELS):
        result = await tx.run(
            _remove_stale_nodes(_label(label)), document=document, ids=stated_ids.get(label, [])
        )
        record = await result.single()
        removed_nodes += int(record["removed"]) if record else 0

    removed_edges = 0
    keys_by_type: dict[str, list[list[str]]] = defaultdict(list)
    for edge in batch.edges.values():
        keys_by_type[edge.type].append([edge.source_id, edge.target_id, edge.key])
    for edge_type in sorted(EDGE_TYPES):
        result = await tx.run(
            _remove_stale_edges(_edge_type(edge_type)),
            document=document,
            keys=keys_by_type.get(edge_type, []),
        )
        record = await result.single()
        removed_edges += int(record["removed"]) if record else 0

    return LoadSummary(document, len(batch.nodes), len(batch.edges), removed_nodes, removed_edges)


async def load_batch(driver: AsyncDriver, batch: GraphBatch, database: str) -> LoadSummary:
    """Write one document's batch in a single write transaction."""
    async with driver.session(database=database) as session:
        return await session.execute_write(_write_batch, batch)
