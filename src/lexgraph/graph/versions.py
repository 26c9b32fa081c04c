"""Versions of a document's text: what changed between two texts, and how the graph keeps both.

Every imported text of a document is a `Version` (`{source document id}@{first 12 hex of its
sha256}`). Importing a document again with different content (a new edition) closes the current
version instead of overwriting it: each fact of the old text that the new text no longer states, or
states differently, is kept under a versioned id (`{id}@{old version checksum}`) with `validTo` set
to the day the new version takes effect, and the new facts get `validFrom`. Facts both texts state
alike stay as they are.

The comparison is pure (`compare`), so `lexgraph diff` can show the change between two texts
without touching the graph.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, LiteralString

from lexgraph.graph.records import GraphBatch

# Bookkeeping and positions: where a fact sits in its text is not what the fact says, so a text
# whose lines merely moved does not make new versions of everything below the move.
NOT_CONTENT = frozenset(
    {
        "lineStart",
        "lineEnd",
        "sourceText",
        "sourceDocument",
        "statedIn",
        "validFrom",
        "validTo",
        "version",
        "supersededBy",
        "currentId",
        "importedAt",
        "checksum",
        "lineCount",
        "key",
        "id",
    }
)

NodeKey = tuple[str, str]  # (label, id)
EdgeKey = tuple[str, str, str, str]  # (source id, type, target id, key)


def version_id(document_id: str, checksum: str) -> str:
    return f"{document_id}@{checksum[:12]}"


def archived_id(node_id: str, old_checksum: str) -> str:
    return f"{node_id}@{old_checksum[:12]}"


def content(properties: Mapping[str, Any]) -> dict[str, Any]:
    """What a node or edge says, without its position and bookkeeping."""
    return {k: _plain(v) for k, v in properties.items() if k not in NOT_CONTENT}


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    iso = getattr(value, "iso_format", None)
    if callable(iso):  # neo4j.time.Date read back from the graph
        return str(iso())
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return value


@dataclass(frozen=True, slots=True)
class Change:
    """One fact that differs between two texts; `fields` names the properties that differ."""

    label: str
    id: str
    fields: tuple[str, ...] = ()
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VersionDiff:
    """Owned facts (nodes) added, removed and changed, and edges added or removed, old → new."""

    added: tuple[Change, ...] = ()
    removed: tuple[Change, ...] = ()
    changed: tuple[Change, ...] = ()
    edges_added: tuple[EdgeKey, ...] = ()
    edges_removed: tuple[EdgeKey, ...] = ()
    edges_changed: tuple[EdgeKey, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.edges_added
            or self.edges_removed
            or self.edges_changed
        )

    @property
    def touched_ids(self) -> tuple[str, ...]:
        """Ids of the facts whose content is gone or different in the new text."""
        return tuple(c.id for c in (*self.removed, *self.changed))


def compare(
    old_nodes: Mapping[NodeKey, Mapping[str, Any]],
    new_nodes: Mapping[NodeKey, Mapping[str, Any]],
    old_edges: Mapping[EdgeKey, Mapping[str, Any]],
    new_edges: Mapping[EdgeKey, Mapping[str, Any]],
) -> VersionDiff:
    """Compare two states of one document's own facts, by id, on content only."""
    added, removed, changed = [], [], []
    for key in sorted(new_nodes.keys() - old_nodes.keys()):
        added.append(Change(key[0], key[1], after=content(new_nodes[key])))
    for key in sorted(old_nodes.keys() - new_nodes.keys()):
        removed.append(Change(key[0], key[1], before=content(old_nodes[key])))
    for key in sorted(old_nodes.keys() & new_nodes.keys()):
        before, after = content(old_nodes[key]), content(new_nodes[key])
        if before != after:
            fields = tuple(
                sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
            )
            changed.append(Change(key[0], key[1], fields, before, after))
    edges_changed = tuple(
        sorted(
            key
            for key in old_edges.keys() & new_edges.keys()
            if content(old_edges[key]) != content(new_edges[key])
        )
    )
    return VersionDiff(
        tuple(added),
        tuple(removed),
        tuple(changed),
        tuple(sorted(new_edges.keys() - old_edges.keys())),
        tuple(sorted(old_edges.keys() - new_edges.keys())),
        edges_changed,
    )


def batch_state(
    batch: GraphBatch,
) -> tuple[dict[NodeKey, Mapping[str, Any]], dict[EdgeKey, Mapping[str, Any]]]:
    """A built batch's own facts in the shape `compare` takes (shared nodes are not versioned,
    and the document itself is not one of its facts)."""
    nodes = {
        (n.label, n.id): n.properties
        for n in batch.nodes.values()
        if n.owned and n.label != "SourceDocument"
    }
    edges = {
        (e.source_id, e.type, e.target_id, e.key): e.properties
        for e in batch.edges.values()
        if e.type not in UNSTATED_EDGES
    }
    return nodes, edges


# Structural edges of other acts (a cited provision's place in its act) are not statements of the
# citing document: they neither get its validity nor are versioned with it.
UNSTATED_EDGES = frozenset({"PART_OF"})


def current_nodes(label: LiteralString) -> LiteralString:
    """This document's own facts of one label in its current version (shared nodes, which the
    documents that mention them point at, are merged from many documents and not versioned)."""
    return (
        "MATCH (n:" + label + " {sourceDocument: $document}) "
        "WHERE n.validTo IS NULL AND NOT EXISTS { (n)<-[:MENTIONS]-(:SourceDocument) } "
        "RETURN '" + label + "' AS label, elementId(n) AS element, n.id AS id, "
        "properties(n) AS properties"
    )


def current_edges(edge_type: LiteralString) -> LiteralString:
    return (
        "MATCH (a)-[r:" + edge_type + " {sourceDocument: $document}]->(b) "
        "WHERE r.validTo IS NULL "
        "RETURN '" + edge_type + "' AS type, elementId(r) AS element, a.id AS source, "
        "b.id AS target, "
        "coalesce(r.key, '') AS key, properties(r) AS properties"
    )


# A superseded node keeps its edges (they close with it) and takes a versioned id, so the new
# text's node can take the stable id.
ARCHIVE_NODES: LiteralString = """
UNWIND $elements AS element
MATCH (n) WHERE elementId(n) = element
SET n.currentId = n.id, n.id = n.id + '@' + $oldShort, n.validTo = $effective,
    n.supersededBy = $newVersion
WITH collect(n) AS superseded
UNWIND superseded AS n
MATCH (n)-[r {sourceDocument: $document}]-() WHERE r.validTo IS NULL
WITH DISTINCT r
SET r.validTo = $effective, r.key = coalesce(r.key, '') + '@' + $oldShort,
    r.supersededBy = $newVersion
"""

ARCHIVE_EDGES: LiteralString = """
UNWIND $elements AS element
MATCH ()-[r]->() WHERE elementId(r) = element AND r.validTo IS NULL
SET r.validTo = $effective, r.key = coalesce(r.key, '') + '@' + $oldShort,
    r.supersededBy = $newVersion
"""


def copy_foreign_edges(label: LiteralString) -> LiteralString:
    """Edges other documents state about a superseded fact (a portal text citing a regulation's
    feature) hold for its successor too: each is copied onto the new text's fact of the same id,
    and stays on the old one, so either version answers for its time."""
    return (
        "UNWIND $elements AS element "
        "MATCH (old) WHERE elementId(old) = element "
        "MATCH (new:" + label + " {id: old.currentId}) WHERE new.validTo IS NULL "
        "MATCH (old)-[r]-(other) "
        "WHERE r.validTo IS NULL AND coalesce(r.sourceDocument, '') <> $document "
        "AND other <> old "
        "WITH new, r, other, startNode(r) = other AS incoming "
        "FOREACH (_ IN CASE WHEN incoming THEN [1] ELSE [] END | "
        "  CREATE (other)-[copy:$(type(r))]->(new) SET copy = properties(r)) "
        "FOREACH (_ IN CASE WHEN incoming THEN [] ELSE [1] END | "
        "  CREATE (new)-[copy:$(type(r))]->(other) SET copy = properties(r))"
    )


CLOSE_VERSION: LiteralString = """
MATCH (d:SourceDocument {id: $document})
MERGE (v:Version {id: $oldVersion})
ON CREATE SET v.sourceDocument = $document, v.checksum = $oldChecksum
SET v.validTo = $effective
MERGE (v)-[of:VERSION_OF]->(d)
ON CREATE SET of.sourceDocument = $document, of.lineStart = 1
"""

# A version is the whole text: its edges say so in the provenance every edge carries.
OPEN_VERSION: LiteralString = """
MATCH (d:SourceDocument {id: $document})
MERGE (v:Version {id: $version})
ON CREATE SET v.importedAt = datetime()
SET v.sourceDocument = $document, v.checksum = $checksum,
    v.validFrom = coalesce(v.validFrom, $effective), v.validTo = null, v.actId = $act
MERGE (v)-[of:VERSION_OF]->(d)
SET of.sourceDocument = $document, of.lineStart = 1, of.lineEnd = d.lineCount
WITH v, d
OPTIONAL MATCH (act:LegalAct {id: $act})
FOREACH (_ IN CASE WHEN act IS NULL THEN [] ELSE [1] END |
  MERGE (v)-[e:EXPRESSES]->(act)
  SET e.sourceDocument = $document, e.lineStart = 1, e.lineEnd = d.lineCount)
"""

DOCUMENT_CHECKSUM: LiteralString = (
    "MATCH (d:SourceDocument {id: $document}) RETURN d.checksum AS checksum"
)

VERSIONS_OF: LiteralString = """
MATCH (v:Version {sourceDocument: $document})
RETURN v.id AS id, v.checksum AS checksum, v.validFrom AS validFrom, v.validTo AS validTo
ORDER BY v.validFrom, v.id
"""
