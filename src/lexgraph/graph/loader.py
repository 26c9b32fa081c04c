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
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, AsyncManagedTransaction

from lexgraph.graph import editions, first_texts, history, stored_history, versions
from lexgraph.graph.records import (
    EDGE_TYPES,
    NODE_LABELS,
    GraphBatch,
    cypher_label,
)
from lexgraph.graph.validity import today

BATCH_SIZE = 2000

AfterEdition = Callable[[AsyncManagedTransaction, "LoadSummary"], Awaitable[None]]
"""What else to write in the transaction of an edition, once it is written (an amending act's
effects, `lexgraph.graph.effects`): it commits or rolls back with the edition."""


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
    unchanged: bool = False
    """True when the text is already an edition of the document as asked: nothing was written."""
    notes: tuple[str, ...] = ()
    """What the import report should say about the edition (warnings, what it replaced)."""

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
        "MERGE (n:" + label + " {id: row.id}) "
        # What an act's own text says of it is not overwritten by a text that only cites it; a
        # citing text adds what the own text does not say. Either order gives the same node.
        "WITH n, row, (n.onlyCited = false AND row.properties.onlyCited IS NULL) AS cited "
        "SET n += CASE WHEN cited THEN {} ELSE row.properties END "
        "FOREACH (k IN CASE WHEN cited THEN keys(row.properties) ELSE [] END | "
        "  SET n[k] = coalesce(n[k], row.properties[k])) "
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


_checksum = first_texts.checksum


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
    force: bool = False,
    file_name: str | None = None,
) -> LoadSummary:
    """Place the batch's text among the document's editions and lay its history out again.

    The stored facts become `history.timeline` of the editions (the stored ones read back, plus
    this one), whatever order they were imported in; only what differs is written."""
    document = batch.document_id
    checksum = _checksum(batch)
    stored_versions = await _read_versions(tx, document)
    adopted = await _act_adopted(tx, stated_in) if stated_in else None
    placed = editions.place(
        document,
        stored_versions,
        checksum,
        effective_from,
        today=today(),
        adopted=adopted,
        force=force,
    )
    if placed.same is not None:
        return LoadSummary(
            document,
            len(batch.nodes),
            len(batch.edges),
            0,
            0,
            version=placed.same,
            unchanged=True,
            notes=placed.notes,
        )
    assert placed.edition is not None
    kept = [v for v in stored_versions if v.edition.version not in placed.replaced]
    stored = await _read_stored(tx, document)
    past = stored_history.states(
        [v.edition for v in kept], stored.node_facts(), stored.edge_facts()
    )
    past[NEW] = _state_of(batch, stated_in)
    # Version ids are given again from the whole set (a return to an earlier text is named after
    # the earliest edition of that text, whichever was imported first).
    unnamed = [(v.edition, v.checksum) for v in kept] + [
        (history.Edition(NEW, placed.edition.effective), checksum)
    ]
    final = editions.named(document, unnamed)
    laid_out = history.timeline([(final[e.version], past[e.version]) for e, _ in unnamed])
    new = final[NEW]
    newest = laid_out.editions[-1][0].version == new.version
    mine = past[NEW]
    state_of = {final[e.version].version: past[e.version] for e, _ in unnamed}

    previous = _previous(laid_out, new)
    diff = None
    if previous is not None:
        before = state_of[previous.version]
        diff = versions.compare(before.nodes, mine.nodes, before.edges, mine.edges)

    removed_nodes, removed_edges = await _apply(tx, document, stored, laid_out, batch, newest)
    new_properties = {
        "checksum": checksum,
        "lineCount": _line_count(batch),
        "fileName": file_name,
        "actId": stated_in,
        "importedAt": dt.datetime.now(dt.UTC),
    }
    await _write_versions(tx, document, laid_out, final, kept, new_properties)
    return LoadSummary(
        document,
        len(batch.nodes),
        len(batch.edges),
        removed_nodes,
        removed_edges,
        version=new.version,
        previous_version=previous.version if previous is not None else None,
        diff=diff,
        notes=placed.notes,
    )


READ_VERSIONS: LiteralString = """
MATCH (v:Version {sourceDocument: $document})
RETURN v.id AS id, v.checksum AS checksum, v.validFrom AS validFrom, properties(v) AS properties
"""
# What a derived edge takes from the fact it starts at.
DERIVED_TIME = ("version", "validFrom", "validTo", "supersededBy")
# The provisional id of the edition being imported, until `editions.named` names it.
NEW = "\0new"

ACT_ADOPTED: LiteralString = (
    "MATCH (a:LegalAct {id: $act}) RETURN coalesce(a.adoptedOn, a.date) AS adopted"
)


async def _read_versions(
    tx: AsyncManagedTransaction, document: str
) -> list[editions.StoredVersion]:
    found = []
    async for row in await tx.run(READ_VERSIONS, document=document):
        edition = history.Edition(row["id"], stored_history.as_date(row["validFrom"]))
        found.append(editions.StoredVersion(edition, row["checksum"] or "", row["properties"]))
    return found


async def _act_adopted(tx: AsyncManagedTransaction, act: str) -> dt.date | None:
    record = await (await tx.run(ACT_ADOPTED, act=act)).single()
    return stored_history.as_date(record["adopted"]) if record else None


def _stored_nodes(label: LiteralString) -> LiteralString:
    return (
        "MATCH (n:" + label + " {sourceDocument: $document}) "
        "WHERE NOT EXISTS { (n)<-[:MENTIONS]-(:SourceDocument) } "
        "RETURN '" + label + "' AS label, elementId(n) AS element, n.id AS id, "
        "coalesce(n.currentId, n.id) AS stable, properties(n) AS properties"
    )


def _stored_edges(edge_type: LiteralString) -> LiteralString:
    return (
        "MATCH (a)-[r:" + edge_type + " {sourceDocument: $document}]->(b) "
        "RETURN '" + edge_type + "' AS type, elementId(r) AS element, "
        "head(labels(a)) AS sourceLabel, a.id AS source, coalesce(a.currentId, a.id) AS "
        "sourceStable, head(labels(b)) AS targetLabel, b.id AS target, "
        "coalesce(b.currentId, b.id) AS targetStable, coalesce(r.key, '') AS key, "
        "properties(r) AS properties"
    )


# Every fact the document states, every run of it, current or closed (derived edges aside).
STORED_NODES: LiteralString = _union(
    [_stored_nodes(_label(label)) for label in sorted(NODE_LABELS - {"SourceDocument"})]
)
STORED_EDGES: LiteralString = _union(
    [
        _stored_edges(_edge_type(edge_type))
        for edge_type in sorted(EDGE_TYPES - versions.UNSTATED_EDGES - versions.DERIVED_EDGES)
    ]
)


@dataclass(slots=True)
class _Stored:
    """The document's stored facts: by (label, stored id) for nodes, by identity for edges."""

    nodes: dict[versions.NodeKey, tuple[str, str, Mapping[str, Any]]]  # element, stable, props
    edges: dict[
        tuple[str, str, str, str],
        tuple[str, versions.NodeKey, versions.NodeKey, str, Mapping[str, Any]],
    ]

    def node_facts(self) -> list[tuple[str, str, Mapping[str, Any]]]:
        return [(key[0], stable, props) for key, (_, stable, props) in self.nodes.items()]

    def edge_facts(
        self,
    ) -> list[tuple[str, versions.NodeKey, versions.NodeKey, str, Mapping[str, Any]]]:
        return [
            (identity[1], source, target, identity[3], props)
            for identity, (_, source, target, _, props) in self.edges.items()
        ]


async def _read_stored(tx: AsyncManagedTransaction, document: str) -> _Stored:
    stored = _Stored({}, {})
    async for row in await tx.run(STORED_NODES, document=document):
        stored.nodes[(row["label"], row["id"])] = (row["element"], row["stable"], row["properties"])
    async for row in await tx.run(STORED_EDGES, document=document):
        identity = (row["source"], row["type"], row["target"], row["key"])
        stored.edges[identity] = (
            row["element"],
            (row["sourceLabel"], row["sourceStable"]),
            (row["targetLabel"], row["targetStable"]),
            row["key"],
            row["properties"],
        )
    return stored


def _state_of(batch: GraphBatch, stated_in: str | None) -> history.State:
    """The batch's own facts as one edition states them (with the act that states them)."""
    state = history.State()
    extra = {"statedIn": stated_in} if stated_in is not None else {}
    for node in batch.nodes.values():
        if node.owned and node.label != "SourceDocument":
            state.nodes[(node.label, node.id)] = {**node.properties, **extra}
    for edge in batch.edges.values():
        if edge.type in versions.UNSTATED_EDGES or edge.type in versions.DERIVED_EDGES:
            continue
        key = (edge.source_id, edge.type, edge.target_id, edge.key)
        state.edges[key] = {
            **edge.properties,
            **extra,
            "key": edge.key,
            "sourceDocument": batch.document_id,
        }
        state.ends[key] = (edge.source_label, edge.target_label)
    return state


def _previous(laid_out: history.Timeline, new: history.Edition) -> history.Edition | None:
    order = [edition for edition, _ in laid_out.editions]
    index = next(i for i, e in enumerate(order) if e.version == new.version)
    return order[index - 1] if index > 0 else None


DELETE_NODES: LiteralString = (
    "UNWIND $elements AS element MATCH (n) WHERE elementId(n) = element DETACH DELETE n"
)
DELETE_EDGES: LiteralString = (
    "UNWIND $elements AS element MATCH ()-[r]->() WHERE elementId(r) = element DELETE r"
)


async def _apply(
    tx: AsyncManagedTransaction,
    document: str,
    stored: _Stored,
    laid_out: history.Timeline,
    batch: GraphBatch,
    newest: bool,
) -> tuple[int, int]:
    """Write what differs between the stored facts and the laid-out history; delete what the
    history no longer has. Returns the counts of nodes and edges deleted."""
    wanted_nodes = {(n.label, n.id): n for n in laid_out.nodes}
    wanted_edges = {e.identity: e for e in laid_out.edges}
    gone_nodes = [
        element for key, (element, _, _) in stored.nodes.items() if key not in wanted_nodes
    ]
    gone_edges = [
        element
        for identity, (element, _, _, _, _) in stored.edges.items()
        if identity not in wanted_edges
    ]
    await (await tx.run(DELETE_EDGES, elements=gone_edges)).consume()
    await (await tx.run(DELETE_NODES, elements=gone_nodes)).consume()

    node_rows: list[tuple[str, str, Any]] = []
    created: list[tuple[str, str]] = []  # (label, stored id) of facts new to the graph
    for key, node in wanted_nodes.items():
        before = stored.nodes.get(key)
        if before is None:
            created.append(key)
        elif stored_history.unchanged(before[2], node.properties):
            continue
        node_rows.append(_node_row(node.label, node.id, True, dict(node.properties), [document]))
    for record in batch.nodes.values():
        if record.owned and record.label != "SourceDocument":
            continue
        if record.label == "SourceDocument" and not newest:
            continue
        node_rows.append(
            _node_row(record.label, record.id, record.owned, dict(record.properties), [document])
        )
    ends = [end for e in laid_out.edges for end in (e.source, e.target)]
    written = {(label, node_id) for _, label, row in node_rows for node_id in [row["id"]]}
    reached = sorted({end for end in ends if end not in written})
    unstated = [
        r
        for r in batch.edges.values()
        if r.type in versions.UNSTATED_EDGES or r.type in versions.DERIVED_EDGES
    ]
    reached = sorted(
        {
            *reached,
            *(
                end
                for e in unstated
                for end in ((e.source_label, e.source_id), (e.target_label, e.target_id))
                if end not in written
            ),
        }
    )
    element_of = await _write_nodes(tx, node_rows, reached)

    edge_rows: list[tuple[str, str, Any]] = []
    for identity, edge in wanted_edges.items():
        before_edge = stored.edges.get(identity)
        if before_edge is not None and stored_history.unchanged(before_edge[4], edge.properties):
            continue
        row = _edge_row(
            edge.type, edge.source, edge.target, edge.key, dict(edge.properties), element_of
        )
        if row is not None:
            edge_rows.append(row)
    # Edges the graph derives (`versions.DERIVED_EDGES`) that a batch states itself hold for
    # their source fact's time, as the derivation after an import writes them.
    laid_out_nodes = {(n.label, n.id): n.properties for n in laid_out.nodes}
    for derived in batch.edges.values():
        if derived.type not in versions.DERIVED_EDGES:
            continue
        fact = laid_out_nodes.get((derived.source_label, derived.source_id), {})
        properties = dict(derived.properties) | {"key": derived.key, "sourceDocument": document}
        properties |= {k: fact[k] for k in DERIVED_TIME if fact.get(k) is not None}
        source = (derived.source_label, derived.source_id)
        target = (derived.target_label, derived.target_id)
        row = _edge_row(derived.type, source, target, derived.key, properties, element_of)
        if row is not None:
            edge_rows.append(row)
    for statement in unstated:
        if statement.type in versions.DERIVED_EDGES:
            continue
        properties = dict(statement.properties) | {"key": statement.key, "sourceDocument": document}
        source = (statement.source_label, statement.source_id)
        target = (statement.target_label, statement.target_id)
        row = _edge_row(statement.type, source, target, statement.key, properties, element_of)
        if row is not None:
            edge_rows.append(row)
    await _write_edges(tx, edge_rows)

    # Edges other documents state about a fact hold for each run of it the history now has.
    successors: dict[str, list[str]] = defaultdict(list)
    for key in created:
        if key in element_of:
            successors[key[0]].append(element_of[key])
    for label, elements in sorted(successors.items()):
        await (
            await tx.run(
                versions.copy_foreign_edges(_label(label)), elements=elements, document=document
            )
        ).consume()
    return len(gone_nodes), len(gone_edges)


def _line_count(batch: GraphBatch) -> int | None:
    node = batch.nodes.get(("SourceDocument", batch.document_id))
    count = node.properties.get("lineCount") if node is not None else None
    return count if isinstance(count, int) else None


async def _write_versions(
    tx: AsyncManagedTransaction,
    document: str,
    laid_out: history.Timeline,
    final: Mapping[str, history.Edition],
    kept: Sequence[editions.StoredVersion],
    new_properties: Mapping[str, Any],
) -> None:
    """Every edition's `Version`, its properties given whole: an id may now name another
    edition than before (see `editions.named`)."""
    bookkeeping = {final[v.edition.version].version: v.properties for v in kept}
    bookkeeping[final[NEW].version] = new_properties
    rows = [
        {
            "id": edition.version,
            "properties": {
                **bookkeeping[edition.version],
                "id": edition.version,
                "sourceDocument": document,
                "validFrom": edition.effective,
                "validTo": until,
            },
        }
        for edition, until in laid_out.editions
    ]
    await (await tx.run(versions.WRITE_VERSIONS, document=document, rows=rows)).consume()


async def load_batch(
    driver: AsyncDriver,
    batch: GraphBatch,
    database: str,
    *,
    stated_in: str | None = None,
    effective_from: dt.date | None = None,
    force: bool = False,
    file_name: str | None = None,
    after: AfterEdition | None = None,
) -> LoadSummary:
    """Write one document's batch in a single write transaction.

    `stated_in` is the act the document is the text of (its facts are valid while the act is);
    `effective_from` the day a new text of a document already imported takes effect (default:
    today); `after` writes more in the same transaction, given what the edition wrote."""

    async def work(tx: AsyncManagedTransaction) -> LoadSummary:
        summary = await _write_batch(tx, batch, stated_in, effective_from, force, file_name)
        if after is not None:
            await after(tx, summary)
        return summary

    async with driver.session(database=database) as session:
        return await session.execute_write(work)


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
