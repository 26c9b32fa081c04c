"""Write a `GraphBatch` to Neo4j: one transaction per document, batched `UNWIND … MERGE`.

Re-importing the same text changes nothing (every write is a MERGE on the stable id, and the
document's previous contribution that is no longer stated is removed); a document that fails
leaves the graph as it was, because its whole batch is one transaction.

Importing a different text of a document already in the graph (a new edition) is a new `Version`:
the facts the new text no longer states, or states differently, are kept with `validTo` under a
versioned id, never overwritten (`lexgraph.graph.versions`). Facts stated by an act's own text carry
`statedIn` (the act's id), so they are valid while the act is (`lexgraph.graph.validity`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction

from lexgraph.graph import versions
from lexgraph.graph.records import EDGE_TYPES, NODE_LABELS, EdgeRecord, GraphBatch, NodeRecord
from lexgraph.graph.validity import today

BATCH_SIZE = 2000


@dataclass(frozen=True, slots=True)
class LoadSummary:
    document_id: str
    nodes: int
    edges: int
    removed_nodes: int
    removed_edges: int
    version: str | None = None
    previous_version: str | None = None
    diff: versions.VersionDiff | None = None

    @property
    def new_version(self) -> bool:
        """True when this import closed an earlier, different text of the document."""
        return self.previous_version is not None


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
        "MATCH (n:" + label + " {sourceDocument: $document}) "
        "WHERE n.validTo IS NULL AND NOT n.id IN $ids "
        "DETACH DELETE n RETURN count(*) AS removed"
    )


def _remove_stale_edges(edge_type: LiteralString) -> LiteralString:
    return (
        "MATCH (a)-[r:" + edge_type + " {sourceDocument: $document}]->(b) "
        "WHERE r.validTo IS NULL AND NOT [a.id, b.id, r.key] IN $keys "
        "DELETE r RETURN count(*) AS removed"
    )


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + BATCH_SIZE] for i in range(0, len(rows), BATCH_SIZE)] or [[]]


@dataclass(frozen=True, slots=True)
class _Current:
    """The document's facts as the graph holds them before this import."""

    checksum: str | None
    nodes: dict[versions.NodeKey, Mapping[str, Any]]
    node_elements: dict[versions.NodeKey, str]
    edges: dict[versions.EdgeKey, Mapping[str, Any]]
    edge_elements: dict[versions.EdgeKey, str]


async def _read_current(tx: AsyncManagedTransaction, document: str) -> _Current:
    record = await (await tx.run(versions.DOCUMENT_CHECKSUM, document=document)).single()
    checksum = record["checksum"] if record else None
    nodes: dict[versions.NodeKey, Mapping[str, Any]] = {}
    node_elements: dict[versions.NodeKey, str] = {}
    edges: dict[versions.EdgeKey, Mapping[str, Any]] = {}
    edge_elements: dict[versions.EdgeKey, str] = {}
    if checksum is None:
        return _Current(None, nodes, node_elements, edges, edge_elements)
    for label in sorted(NODE_LABELS - {"SourceDocument"}):
        result = await tx.run(versions.current_nodes(_label(label)), document=document)
        async for row in result:
            nodes[(label, row["id"])] = row["properties"]
            node_elements[(label, row["id"])] = row["element"]
    for edge_type in sorted(EDGE_TYPES - versions.UNSTATED_EDGES):
        result = await tx.run(versions.current_edges(_edge_type(edge_type)), document=document)
        async for row in result:
            key = (row["source"], edge_type, row["target"], row["key"])
            edges[key] = row["properties"]
            edge_elements[key] = row["element"]
    return _Current(checksum, nodes, node_elements, edges, edge_elements)


def _checksum(batch: GraphBatch) -> str:
    for node in batch.nodes.values():
        if node.label == "SourceDocument":
            return str(node.properties.get("checksum", ""))
    return ""


def _stamp(
    properties: Mapping[str, Any],
    old: Mapping[str, Any] | None,
    *,
    stated_in: str | None,
    version: str,
    valid_from: dt.date | None,
) -> dict[str, Any]:
    """A fact's properties plus its time bookkeeping; a fact the earlier text stated alike keeps
    the version and date it first appeared with."""
    stamped = dict(properties)
    if stated_in is not None:
        stamped["statedIn"] = stated_in
    unchanged = old is not None and versions.content(old) == versions.content(properties)
    if unchanged and old is not None:
        stamped["version"] = old.get("version", version)
        if old.get("validFrom") is not None:
            stamped["validFrom"] = old["validFrom"]
    else:
        stamped["version"] = version
        if valid_from is not None:
            stamped["validFrom"] = valid_from
    return stamped


async def _write_batch(
    tx: AsyncManagedTransaction,
    batch: GraphBatch,
    stated_in: str | None = None,
    effective_from: dt.date | None = None,
) -> LoadSummary:
    document = batch.document_id
    checksum = _checksum(batch)
    version = versions.version_id(document, checksum)
    current = await _read_current(tx, document)
    new_text = current.checksum is not None and current.checksum != checksum
    effective = effective_from or today()
    diff: versions.VersionDiff | None = None
    previous: str | None = None
    if new_text and current.checksum is not None:
        previous = versions.version_id(document, current.checksum)
        new_nodes, new_edges = versions.batch_state(batch)
        diff = versions.compare(current.nodes, new_nodes, current.edges, new_edges)
        old_short = current.checksum[:12]
        superseded = [
            current.node_elements[(c.label, c.id)] for c in (*diff.removed, *diff.changed)
        ]
        closed = [current.edge_elements[k] for k in (*diff.edges_removed, *diff.edges_changed)]
        archive: dict[str, Any] = {
            "document": document,
            "oldShort": old_short,
            "effective": effective,
            "newVersion": version,
        }
        await (await tx.run(versions.ARCHIVE_NODES, elements=superseded, **archive)).consume()
        await (await tx.run(versions.ARCHIVE_EDGES, elements=closed, **archive)).consume()
        await (
            await tx.run(
                versions.CLOSE_VERSION,
                document=document,
                oldVersion=previous,
                oldChecksum=current.checksum,
                effective=effective,
            )
        ).consume()
    # Facts of a first text take their validity from the act; those a later text introduces, from
    # the day that text takes effect. Edges of a superseded fact closed with it.
    valid_from = effective if new_text else None
    superseded_ids = {c.id for c in (*diff.removed, *diff.changed)} if diff else set()

    nodes_by_kind: dict[tuple[str, bool], list[NodeRecord]] = defaultdict(list)
    for node in batch.nodes.values():
        nodes_by_kind[(node.label, node.owned)].append(node)
    for (label, owned), nodes in sorted(nodes_by_kind.items()):
        rows = [
            {
                "id": n.id,
                "properties": _stamp(
                    n.properties,
                    current.nodes.get((n.label, n.id)),
                    stated_in=stated_in,
                    version=version,
                    valid_from=valid_from,
                )
                if owned and n.label != "SourceDocument"
                else dict(n.properties),
            }
            for n in nodes
        ]
        statement = _merge_owned(_label(label)) if owned else _merge_shared(_label(label))
        for chunk in _chunks(rows):
            await (await tx.run(statement, rows=chunk, document=document)).consume()

    if diff is not None:
        superseded_by_label: dict[str, list[str]] = defaultdict(list)
        for change in diff.changed:
            superseded_by_label[change.label].append(
                current.node_elements[(change.label, change.id)]
            )
        for label, elements in sorted(superseded_by_label.items()):
            await (
                await tx.run(
                    versions.copy_foreign_edges(_label(label)),
                    elements=elements,
                    document=document,
                )
            ).consume()

    edges_by_kind: dict[tuple[str, str, str], list[EdgeRecord]] = defaultdict(list)
    for edge in batch.edges.values():
        edges_by_kind[(edge.type, edge.source_label, edge.target_label)].append(edge)
    for (edge_type, source, target), edges in sorted(edges_by_kind.items()):
        stated = edge_type not in versions.UNSTATED_EDGES
        rows = [
            {
                "source": e.source_id,
                "target": e.target_id,
                "key": e.key,
                "properties": _stamp(
                    e.properties,
                    None
                    if {e.source_id, e.target_id} & superseded_ids
                    else current.edges.get((e.source_id, e.type, e.target_id, e.key)),
                    stated_in=stated_in,
                    version=version,
                    valid_from=valid_from,
                )
                if stated
                else dict(e.properties),
            }
            for e in edges
        ]
        statement = _merge_edges(_edge_type(edge_type), _label(source), _label(target))
        for chunk in _chunks(rows):
            await (await tx.run(statement, rows=chunk, document=document)).consume()

    await (
        await tx.run(
            versions.OPEN_VERSION,
            document=document,
            version=version,
            checksum=checksum,
            effective=effective if new_text else (None if current.checksum else effective_from),
            act=stated_in,
        )
    ).consume()

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

    return LoadSummary(
        document,
        len(batch.nodes),
        len(batch.edges),
        removed_nodes,
        removed_edges,
        version=version,
        previous_version=previous,
        diff=diff,
    )


async def load_batch(
    driver: AsyncDriver,
    batch: GraphBatch,
    database: str,
    *,
    stated_in: str | None = None,
    effective_from: dt.date | None = None,
) -> LoadSummary:
    """Write one document's batch in a single write transaction.

    `stated_in` is the act the document is the text of (its facts are valid while the act is);
    `effective_from` the day a new text of a document already imported takes effect (default:
    today)."""
    async with driver.session(database=database) as session:
        return await session.execute_write(_write_batch, batch, stated_in, effective_from)
