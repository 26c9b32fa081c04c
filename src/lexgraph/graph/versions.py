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

import difflib
import re
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
    """One fact that differs between two texts; `fields` names the properties that differ.
    `was` is the fact's id in the old text when the fact moved (a row renumbered)."""

    label: str
    id: str
    fields: tuple[str, ...] = ()
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    was: str | None = None


@dataclass(frozen=True, slots=True)
class VersionDiff:
    """Owned facts (nodes) added, removed, changed and moved, and edges added or removed,
    old → new. Facts that stand in numbered rows are matched by what they say, not by their
    number: deleting a row is one removal and renumbers (moves) the rows after it."""

    added: tuple[Change, ...] = ()
    removed: tuple[Change, ...] = ()
    changed: tuple[Change, ...] = ()
    edges_added: tuple[EdgeKey, ...] = ()
    edges_removed: tuple[EdgeKey, ...] = ()
    edges_changed: tuple[EdgeKey, ...] = ()
    moved: tuple[Change, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.edges_added
            or self.edges_removed
            or self.edges_changed
            or self.moved
        )

    @property
    def touched_ids(self) -> tuple[str, ...]:
        """Ids of the facts whose content is gone or different in the new text."""
        return tuple(c.id for c in (*self.removed, *self.changed))


# A fact in a numbered row: `{parent}__{kind}_{n}` with its `position`.
_ROW = re.compile(r"^(?P<parent>.+__[a-z]+)_(?P<n>\d+)$")
# How alike two names must be (difflib's ratio) for a row to count as the same row reworded.
SAME_ROW_RATIO = 0.75
ROW_TEXT = ("name", "text", "title")


def _row_parent(node_id: str) -> str | None:
    found = _ROW.match(node_id)
    return found["parent"] if found else None


def _without_position(properties: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in content(properties).items() if k != "position"}


def _row_text(properties: Mapping[str, Any]) -> str:
    return next((str(properties[k]) for k in ROW_TEXT if properties.get(k)), "")


def match_rows(
    old_nodes: Mapping[NodeKey, Mapping[str, Any]],
    new_nodes: Mapping[NodeKey, Mapping[str, Any]],
) -> dict[NodeKey, NodeKey]:
    """Old row → new row, for rows whose content did not stay under the same id: first rows that
    say exactly the same (only renumbered), then rows whose names are alike (reworded), each
    within the same parent and label, in row order. Rows left unmatched were removed or added."""

    def settled(key: NodeKey) -> bool:
        return (
            key in old_nodes
            and key in new_nodes
            and content(old_nodes[key]) == content(new_nodes[key])
        )

    unsettled_old = [k for k in old_nodes if _row_parent(k[1]) and not settled(k)]
    unsettled_new = [k for k in new_nodes if _row_parent(k[1]) and not settled(k)]
    pairs: dict[NodeKey, NodeKey] = {}
    taken: set[NodeKey] = set()
    for alike in (_same_but_position, _reworded):
        for old in sorted(unsettled_old, key=_row_order):
            if old in pairs:
                continue
            for new in sorted(unsettled_new, key=_row_order):
                if new in taken or new[0] != old[0] or _row_parent(new[1]) != _row_parent(old[1]):
                    continue
                if alike(old_nodes[old], new_nodes[new]):
                    pairs[old] = new
                    taken.add(new)
                    break
    return pairs


def _same_but_position(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    return _without_position(old) == _without_position(new)


def _reworded(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    ratio = difflib.SequenceMatcher(None, _row_text(old), _row_text(new)).ratio()
    return bool(_row_text(old)) and ratio >= SAME_ROW_RATIO


def _row_order(key: NodeKey) -> tuple[str, str, int]:
    found = _ROW.match(key[1])
    return (key[0], found["parent"], int(found["n"])) if found else (key[0], key[1], 0)


def compare(
    old_nodes: Mapping[NodeKey, Mapping[str, Any]],
    new_nodes: Mapping[NodeKey, Mapping[str, Any]],
    old_edges: Mapping[EdgeKey, Mapping[str, Any]],
    new_edges: Mapping[EdgeKey, Mapping[str, Any]],
) -> VersionDiff:
    """Compare two states of one document's own facts on content only: by id, and for facts in
    numbered rows by what they say (`match_rows`)."""
    pairs = match_rows(old_nodes, new_nodes)
    renamed = {old[1]: new[1] for old, new in pairs.items()}
    paired_new = set(pairs.values())
    added, removed, changed, moved = [], [], [], []
    for old, new in sorted(pairs.items()):
        before, after = content(old_nodes[old]), content(new_nodes[new])
        fields = _differing(_without_position(before), _without_position(after))
        was = old[1] if old != new else None
        if fields:
            changed.append(Change(new[0], new[1], fields, before, after, was=was))
        else:
            moved.append(Change(new[0], new[1], ("position",), before, after, was=was))
    for key in sorted(old_nodes.keys() - pairs.keys()):
        if key in new_nodes and key not in paired_new:
            before, after = content(old_nodes[key]), content(new_nodes[key])
            if before != after:
                changed.append(Change(key[0], key[1], _differing(before, after), before, after))
        else:  # gone, or its id now holds another row
            removed.append(Change(key[0], key[1], before=content(old_nodes[key])))
    for key in sorted(new_nodes.keys() - paired_new):
        if key not in old_nodes or key in pairs:  # new, or its id held a row that moved
            added.append(Change(key[0], key[1], after=content(new_nodes[key])))

    def translated(edge: EdgeKey) -> EdgeKey:
        source, edge_type, target, key = edge
        return (renamed.get(source, source), edge_type, renamed.get(target, target), key)

    old_translated = {translated(k): v for k, v in old_edges.items()}
    edges_changed = tuple(
        sorted(
            key
            for key in old_translated.keys() & new_edges.keys()
            if content(old_translated[key]) != content(new_edges[key])
        )
    )
    return VersionDiff(
        tuple(added),
        tuple(removed),
        tuple(changed),
        tuple(sorted(new_edges.keys() - old_translated.keys())),
        tuple(sorted(old_translated.keys() - new_edges.keys())),
        edges_changed,
        tuple(moved),
    )


def _differing(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k)))


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


# Edges the graph derives after every import rather than a text stating them: a portal claim
# `ABOUT` the procedure whose title it names (`lexgraph.graph.portal_links`).
DERIVED_EDGES = frozenset({"ABOUT"})


def copy_foreign_edges(label: LiteralString) -> LiteralString:
    """Edges other documents state about a fact (a portal text citing a regulation's feature)
    hold for every run of it: each new run of a fact gets a copy of the foreign edges its other
    runs have, and they keep theirs, so either run answers for its time."""
    return (
        "UNWIND $elements AS element "
        "MATCH (new) WHERE elementId(new) = element "
        "WITH new, coalesce(new.currentId, new.id) AS stable "
        "CALL (stable) { MATCH (o:" + label + " {id: stable}) RETURN o "
        "UNION MATCH (o:" + label + ") WHERE o.id STARTS WITH stable + '@' RETURN o } "
        "WITH new, o WHERE o <> new "
        "MATCH (o)-[r]-(other) "
        "WHERE coalesce(r.sourceDocument, '') <> $document AND other <> o AND other <> new "
        "AND NOT type(r) IN ['MENTIONS'] "
        "WITH DISTINCT new, type(r) AS type, other, startNode(r) = other AS incoming, "
        "coalesce(r.key, '') AS key, properties(r) AS properties "
        "WHERE NOT EXISTS { MATCH (new)-[existing]-(other) "
        "  WHERE type(existing) = type AND coalesce(existing.key, '') = key } "
        "FOREACH (_ IN CASE WHEN incoming THEN [1] ELSE [] END | "
        "  CREATE (other)-[copy:$(type)]->(new) SET copy = properties) "
        "FOREACH (_ IN CASE WHEN incoming THEN [] ELSE [1] END | "
        "  CREATE (new)-[copy:$(type)]->(other) SET copy = properties)"
    )


# Every edition of the document, laid out by `history.timeline`, its properties given whole; the
# versions the layout no longer has (replaced, or renamed) go.
WRITE_VERSIONS: LiteralString = """
MATCH (d:SourceDocument {id: $document})
CALL (d) {
  MATCH (gone:Version {sourceDocument: $document})
  WHERE NOT gone.id IN [row IN $rows | row.id]
  DETACH DELETE gone
}
WITH d
UNWIND $rows AS row
MERGE (v:Version {id: row.id})
SET v = row.properties
MERGE (v)-[of:VERSION_OF]->(d)
SET of.sourceDocument = $document, of.lineStart = 1, of.lineEnd = coalesce(v.lineCount, d.lineCount)
WITH v, d
OPTIONAL MATCH (other:LegalAct)<-[stale:EXPRESSES]-(v) WHERE other.id <> coalesce(v.actId, '')
DELETE stale
WITH DISTINCT v, d
OPTIONAL MATCH (act:LegalAct {id: v.actId})
FOREACH (_ IN CASE WHEN act IS NULL THEN [] ELSE [1] END |
  MERGE (v)-[e:EXPRESSES]->(act)
  SET e.sourceDocument = d.id, e.lineStart = 1, e.lineEnd = coalesce(v.lineCount, d.lineCount))
"""


# A version is the whole text: its edges say so in the provenance every edge carries.
OPEN_VERSION: LiteralString = """
MATCH (d:SourceDocument {id: $document})
MERGE (v:Version {id: $version})
ON CREATE SET v.importedAt = datetime()
SET v.sourceDocument = $document, v.checksum = $checksum, v.lineCount = d.lineCount,
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
