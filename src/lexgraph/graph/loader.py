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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction

from lexgraph.graph import first_texts, versions
from lexgraph.graph.records import (
    EDGE_TYPES,
    NODE_LABELS,
    GraphBatch,
    cypher_label,
)
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


# Labels and types come from the model's fixed sets, never from document text.
_label = cypher_label


def _edge_type(edge_type: str) -> LiteralString:
    if edge_type not in EDGE_TYPES:
        raise ValueError(f"unknown relationship type {edge_type!r}")
    return edge_type


def _union(parts: list[LiteralString]) -> LiteralString:
    statement: LiteralString = ""
    for part in parts:
        statement += (" UNION ALL " if statement else "") + part
    return statement


def _found(label: LiteralString) -> LiteralString:
    return " RETURN '" + label + "' AS label, row.id AS id, elementId(n) AS element"


def _node_branches(label: LiteralString, mention: LiteralString) -> list[LiteralString]:
    """A label's owned nodes (replaced), shared nodes (merged, each document that mentions them
    joined by a `MENTIONS` edge, written by `mention`), and the nodes the edges reach without
    writing them.

    Mentions are edges, not a list property on the node: an act every regulation cites would
    otherwise carry a list as long as the corpus, rewritten by each import and read with every
    map of the act."""
    return [
        "UNWIND $owned." + label + " AS row "
        "MERGE (n:" + label + " {id: row.id}) SET n = row.properties" + _found(label),
        "UNWIND $shared." + label + " AS row "
        "MERGE (n:" + label + " {id: row.id}) SET n += row.properties "
        "WITH n, row CALL (n, row) { UNWIND row.documents AS document "
        "MERGE (d:SourceDocument {id: document}) "
        + mention
        + " (d)-[:MENTIONS]->(n) }"
        + _found(label),
        "UNWIND $reached." + label + " AS row MATCH (n:" + label + " {id: row.id})" + _found(label),
    ]


def _edge_subquery(edge_type: LiteralString) -> LiteralString:
    return (
        "CALL () { UNWIND $edges." + edge_type + " AS row "
        "MATCH (a) WHERE elementId(a) = row.source "
        "MATCH (b) WHERE elementId(b) = row.target "
        "MERGE (a)-[r:" + edge_type + " {key: row.key}]->(b) SET r = row.properties } "
    )


# A document's nodes, then its edges, each in one statement whose text is the same for every
# document (rows come in maps by label or type; an absent key is no rows), so a document costs a
# few round trips. The nodes' element ids tie the edges to them without a lookup by label. Their
# plans are seeks by unique id or element id whatever the graph holds, and planning them takes
# about a second, so a plan once made is kept (`replan=skip`) instead of being made again each time
# the counts of a growing graph drift from those it was made with.
def _write_nodes_statement(mention: LiteralString) -> LiteralString:
    branches = [b for label in sorted(NODE_LABELS) for b in _node_branches(_label(label), mention)]
    return (
        "CYPHER replan=skip CALL () { "
        + _union(branches)
        + " } RETURN collect([label, id, element]) AS found"
    )


WRITE_NODES = _write_nodes_statement("MERGE")
# First texts of documents (`_write_first_texts`) mention nothing yet, and each mentions a node
# once: their mentions are created without looking for one already there. A merge would walk the
# document's mentions written so far for each node it mentions (quadratic in a long document).
WRITE_FIRST_NODES = _write_nodes_statement("CREATE")
WRITE_EDGES: LiteralString = "CYPHER replan=skip " + "".join(
    _edge_subquery(_edge_type(edge_type)) for edge_type in sorted(EDGE_TYPES)
)


def _maps(
    parameters: tuple[str, ...], rows: list[tuple[str, str, Any]]
) -> list[dict[str, dict[str, list[Any]]]]:
    """(parameter, key, row) triples as statement parameters of at most BATCH_SIZE rows each."""
    chunks: list[dict[str, dict[str, list[Any]]]] = []
    for begin in range(0, len(rows), BATCH_SIZE):
        chunk: dict[str, dict[str, list[Any]]] = {name: defaultdict(list) for name in parameters}
        for parameter, key, row in rows[begin : begin + BATCH_SIZE]:
            chunk[parameter][key].append(row)
        chunks.append(chunk)
    return chunks


def _stale_nodes(label: LiteralString) -> LiteralString:
    return (
        "MATCH (n:" + label + " {sourceDocument: $document}) "
        "WHERE n.validTo IS NULL AND NOT n.id IN $ids." + label + " RETURN n"
    )


def _stale_edges(edge_type: LiteralString) -> LiteralString:
    return (
        "MATCH (a)-[r:" + edge_type + " {sourceDocument: $document}]->(b) "
        "WHERE r.validTo IS NULL AND NOT [a.id, b.id, r.key] IN $keys." + edge_type + " RETURN r"
    )


# What the document stated before and no longer states, every label and type in one statement
# (each branch seeks its own `sourceDocument` index). Nodes go first, with their edges; the edges
# counted are those removed on their own. Shared nodes may carry this document's provenance too;
# only what is no longer stated goes.
REMOVE_STALE: LiteralString = (
    "CALL () { CALL () { "
    + _union([_stale_nodes(_label(label)) for label in sorted(NODE_LABELS)])
    + " } DETACH DELETE n RETURN count(*) AS removedNodes } "
    "CALL () { CALL () { "
    + _union([_stale_edges(_edge_type(edge_type)) for edge_type in sorted(EDGE_TYPES)])
    + " } DELETE r RETURN count(*) AS removedEdges } "
    "RETURN removedNodes, removedEdges"
)


@dataclass(frozen=True, slots=True)
class _Current:
    """The document's facts as the graph holds them before this import."""

    # Whether the graph holds the document at all (a first import has nothing of it to replace).
    present: bool
    checksum: str | None
    nodes: dict[versions.NodeKey, Mapping[str, Any]]
    node_elements: dict[versions.NodeKey, str]
    edges: dict[versions.EdgeKey, Mapping[str, Any]]
    edge_elements: dict[versions.EdgeKey, str]


# The document's current facts of every label, and of every stated type, each in one statement.
CURRENT_NODES: LiteralString = _union(
    [versions.current_nodes(_label(label)) for label in sorted(NODE_LABELS - {"SourceDocument"})]
)
CURRENT_EDGES: LiteralString = _union(
    [
        versions.current_edges(_edge_type(edge_type))
        for edge_type in sorted(EDGE_TYPES - versions.UNSTATED_EDGES)
    ]
)


async def _read_current(tx: AsyncManagedTransaction, document: str) -> _Current:
    record = await (await tx.run(versions.DOCUMENT_CHECKSUM, document=document)).single()
    checksum = record["checksum"] if record else None
    nodes: dict[versions.NodeKey, Mapping[str, Any]] = {}
    node_elements: dict[versions.NodeKey, str] = {}
    edges: dict[versions.EdgeKey, Mapping[str, Any]] = {}
    edge_elements: dict[versions.EdgeKey, str] = {}
    if checksum is None:
        return _Current(record is not None, None, nodes, node_elements, edges, edge_elements)
    async for row in await tx.run(CURRENT_NODES, document=document):
        nodes[(row["label"], row["id"])] = row["properties"]
        node_elements[(row["label"], row["id"])] = row["element"]
    async for row in await tx.run(CURRENT_EDGES, document=document):
        key = (row["source"], row["type"], row["target"], row["key"])
        edges[key] = row["properties"]
        edge_elements[key] = row["element"]
    return _Current(True, checksum, nodes, node_elements, edges, edge_elements)


_checksum = first_texts.checksum
_stamp = first_texts.stamp


def _brings_its_document_node(batch: GraphBatch) -> bool:
    """Whether the batch writes its own `SourceDocument`: then, if the graph has none yet, no
    earlier import of the document was committed and nothing of it can be stale."""
    return ("SourceDocument", batch.document_id) in batch.nodes


def _node_row(
    label: str, node_id: str, owned: bool, properties: dict[str, Any], documents: list[str]
) -> tuple[str, str, Any]:
    """A node's row for `WRITE_NODES`: an owned node's properties replace what it had (its id
    kept); a shared node's are merged, and the documents that mention it are linked to it."""
    if owned:
        row = {"id": node_id, "properties": properties | {"id": node_id}}
        return ("owned", _label(label), row)
    row = {"id": node_id, "properties": properties, "documents": documents}
    return ("shared", _label(label), row)


def _reached(batches: Sequence[GraphBatch]) -> list[tuple[str, str]]:
    """Ends of the batches' edges that none of them writes (a node of another document)."""
    written = {key for batch in batches for key in batch.nodes}
    return sorted(
        {
            end
            for batch in batches
            for edge in batch.edges.values()
            for end in ((edge.source_label, edge.source_id), (edge.target_label, edge.target_id))
            if end not in written
        }
    )


async def _write_nodes(
    tx: AsyncManagedTransaction,
    rows: list[tuple[str, str, Any]],
    reached: list[tuple[str, str]],
    statement: LiteralString = WRITE_NODES,
) -> dict[tuple[str, str], str]:
    """Write the nodes; the element id of each of them and of each reached node found."""
    rows = rows + [("reached", _label(label), {"id": node_id}) for label, node_id in reached]
    element_of: dict[tuple[str, str], str] = {}
    for parameters in _maps(("owned", "shared", "reached"), rows):
        record = await (await tx.run(statement, parameters)).single()
        if record is not None:
            element_of.update(((label, node_id), element) for label, node_id, element in record[0])
    return element_of


def _edge_row(
    edge_type: str,
    source: tuple[str, str],
    target: tuple[str, str],
    key: str,
    properties: dict[str, Any],
    element_of: Mapping[tuple[str, str], str],
) -> tuple[str, str, Any] | None:
    """An edge's row for `WRITE_EDGES` (its properties holding `key` and `sourceDocument`), or
    None when an end is not in the graph (nothing to connect)."""
    source_element = element_of.get(source)
    target_element = element_of.get(target)
    if source_element is None or target_element is None:
        return None
    row = {"source": source_element, "target": target_element, "key": key, "properties": properties}
    return ("edges", _edge_type(edge_type), row)


async def _write_edges(tx: AsyncManagedTransaction, rows: list[tuple[str, str, Any]]) -> None:
    for parameters in _maps(("edges",), rows):
        await (await tx.run(WRITE_EDGES, parameters)).consume()


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

    node_rows: list[tuple[str, str, Any]] = []
    for node in batch.nodes.values():
        if node.owned and node.label != "SourceDocument":
            properties = _stamp(
                node.properties,
                current.nodes.get((node.label, node.id)),
                stated_in=stated_in,
                version=version,
                valid_from=valid_from,
            )
        else:
            properties = dict(node.properties)
        node_rows.append(_node_row(node.label, node.id, node.owned, properties, [document]))
    element_of = await _write_nodes(tx, node_rows, _reached([batch]))

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

    edge_rows: list[tuple[str, str, Any]] = []
    for edge in batch.edges.values():
        if edge.type in versions.UNSTATED_EDGES:
            properties = dict(edge.properties)
        else:
            properties = _stamp(
                edge.properties,
                None
                if {edge.source_id, edge.target_id} & superseded_ids
                else current.edges.get((edge.source_id, edge.type, edge.target_id, edge.key)),
                stated_in=stated_in,
                version=version,
                valid_from=valid_from,
            )
        properties["key"] = edge.key
        properties["sourceDocument"] = document
        source = (edge.source_label, edge.source_id)
        target = (edge.target_label, edge.target_id)
        row = _edge_row(edge.type, source, target, edge.key, properties, element_of)
        if row is not None:
            edge_rows.append(row)
    await _write_edges(tx, edge_rows)

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

    removed_nodes = removed_edges = 0
    if current.present or not _brings_its_document_node(batch):
        ids: dict[str, list[str]] = {label: [] for label in NODE_LABELS}
        for node in batch.nodes.values():
            ids[node.label].append(node.id)
        keys: dict[str, list[list[str]]] = {edge_type: [] for edge_type in EDGE_TYPES}
        for edge in batch.edges.values():
            keys[edge.type].append([edge.source_id, edge.target_id, edge.key])
        result = await tx.run(REMOVE_STALE, document=document, ids=ids, keys=keys)
        record = await result.single()
        if record is not None:
            removed_nodes, removed_edges = int(record["removedNodes"]), int(record["removedEdges"])

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


async def load_batches(
    driver: AsyncDriver, batches: Sequence[GraphBatch], database: str
) -> list[LoadSummary]:
    """Write several documents in one write transaction, to the same graph as `load_batch` on
    each in turn would (a bulk load: a failure leaves out all of them, not just one).

    First texts of documents, which have nothing to version or replace, are written together: a
    node several of them mention is merged once, with an edge from each of them, instead of once
    per document."""
    async with driver.session(database=database) as session:
        return await session.execute_write(_write_batches, list(batches))


async def _write_batches(
    tx: AsyncManagedTransaction, batches: list[GraphBatch]
) -> list[LoadSummary]:
    planned = first_texts.together(batches)
    if planned is not None:
        documents = [batch.document_id for batch in batches]
        record = await (await tx.run(ANY_PRESENT, documents=documents)).single()
        if record is not None and not record["present"]:
            return await _write_first_texts(tx, batches, planned)
    return [await _write_batch(tx, batch) for batch in batches]


ANY_PRESENT: LiteralString = (
    "UNWIND $documents AS document "
    "OPTIONAL MATCH (d:SourceDocument {id: document}) RETURN count(d) > 0 AS present"
)


async def _write_first_texts(
    tx: AsyncManagedTransaction, batches: list[GraphBatch], planned: first_texts.FirstTexts
) -> list[LoadSummary]:
    """First texts written at once (`first_texts`): a shared node's properties are merged in
    document order and the documents that mention it linked to it; an edge several documents
    state holds the last one's properties, as it would after each had merged it in turn."""
    rows = [
        _node_row(node.label, node.id, node.owned, node.properties, node.documents)
        for node in planned.nodes.values()
    ]
    element_of = await _write_nodes(tx, rows, planned.reached(), WRITE_FIRST_NODES)
    edge_rows = []
    for edge in planned.edges.values():
        row = _edge_row(edge.type, edge.source, edge.target, edge.key, edge.properties, element_of)
        if row is not None:
            edge_rows.append(row)
    await _write_edges(tx, edge_rows)

    for version in planned.versions:
        await (
            await tx.run(
                versions.OPEN_VERSION,
                document=version.document,
                version=version.version,
                checksum=version.checksum,
                effective=None,
                act=None,
            )
        ).consume()
    return [
        LoadSummary(batch.document_id, len(batch.nodes), len(batch.edges), 0, 0, version=v.version)
        for batch, v in zip(batches, planned.versions, strict=True)
    ]
