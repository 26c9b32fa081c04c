"""What the first texts of documents write, planned without Neo4j.

A group of documents none of which is in the graph yet can be written at once: a node several of
them mention is merged once, with a `MENTIONS` edge from each, instead of once per document. The
plan is the rows both writers use, the transactional loader (`lexgraph.graph.loader`) and the bulk
import into an empty store (`lexgraph.graph.bulk`), so the two give the same graph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from lexgraph.graph import versions
from lexgraph.graph.records import GraphBatch

NodeKey = tuple[str, str]


class NotTogether(ValueError):
    """The documents cannot be written at once and give the graph written one by one."""


@dataclass(slots=True)
class PlannedNode:
    label: str
    id: str
    owned: bool
    properties: dict[str, Any]
    # The documents that mention a shared node, in the order they were added.
    documents: list[str]


@dataclass(slots=True)
class PlannedEdge:
    type: str
    source: NodeKey
    target: NodeKey
    key: str
    # Stamped, with `key` and `sourceDocument` (the last document stating the edge).
    properties: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PlannedVersion:
    document: str
    version: str
    checksum: str
    # The document's `lineCount`, the end of its `VERSION_OF` edge.
    line_count: Any


def checksum(batch: GraphBatch) -> str:
    for node in batch.nodes.values():
        if node.label == "SourceDocument":
            return str(node.properties.get("checksum", ""))
    return ""


def stamp(
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


def own_text_of(properties: Mapping[str, Any]) -> bool:
    """Whether a shared node's properties come from the act's own text (not from a citation)."""
    return properties.get("onlyCited") is False


@dataclass(slots=True)
class FirstTexts:
    """Documents added in order, each checked to be writable together with those before it."""

    nodes: dict[NodeKey, PlannedNode] = field(default_factory=dict)
    edges: dict[tuple[str, str, str, str, str, str], PlannedEdge] = field(default_factory=dict)
    versions: list[PlannedVersion] = field(default_factory=list)
    _owned: set[NodeKey] = field(default_factory=set)
    # Edge ends no document added so far writes: a later document must not write them (one by
    # one, the edge would have found no node).
    _awaited: set[NodeKey] = field(default_factory=set)
    _documents: set[str] = field(default_factory=set)

    def add(self, batch: GraphBatch) -> None:
        """Plan one more document; `NotTogether` (and nothing planned) when it cannot join."""
        self._check(batch)
        document = batch.document_id
        text_checksum = checksum(batch)
        version = versions.version_id(document, text_checksum)
        self._documents.add(document)
        for key, node in batch.nodes.items():
            if node.owned:
                self._owned.add(key)
            planned = self.nodes.get(key)
            if node.owned and node.label != "SourceDocument":
                properties = stamp(
                    node.properties, None, stated_in=None, version=version, valid_from=None
                )
                self.nodes[key] = PlannedNode(node.label, node.id, True, properties, [document])
            elif planned is not None and not node.owned:
                if own_text_of(planned.properties) and node.properties.get("onlyCited") is None:
                    # A text citing an act adds only what the act's own text does not say.
                    for name, value in node.properties.items():
                        planned.properties.setdefault(name, value)
                else:
                    planned.properties.update(node.properties)
                planned.documents.append(document)
            else:
                properties = dict(node.properties)
                self.nodes[key] = PlannedNode(
                    node.label, node.id, node.owned, properties, [document]
                )
        for edge in batch.edges.values():
            if edge.type in versions.UNSTATED_EDGES:
                properties = dict(edge.properties)
            else:
                properties = stamp(
                    edge.properties, None, stated_in=None, version=version, valid_from=None
                )
            properties["key"] = edge.key
            properties["sourceDocument"] = document
            source = (edge.source_label, edge.source_id)
            target = (edge.target_label, edge.target_id)
            for end in (source, target):
                if end not in self.nodes:
                    self._awaited.add(end)
            self.edges[(edge.type, *source, *target, edge.key)] = PlannedEdge(
                edge.type, source, target, edge.key, properties
            )
        document_node = batch.nodes[("SourceDocument", document)]
        line_count = document_node.properties.get("lineCount")
        self.versions.append(
            PlannedVersion(
                document,
                version,
                text_checksum,
                line_count if isinstance(line_count, int) else None,
            )
        )

    def _check(self, batch: GraphBatch) -> None:
        document = batch.document_id
        if document in self._documents:
            raise NotTogether(f"document {document} is added twice")
        if ("SourceDocument", document) not in batch.nodes:
            raise NotTogether(f"document {document} does not bring its SourceDocument node")
        for key, node in batch.nodes.items():
            if key in self._awaited:
                raise NotTogether(
                    f"{key[0]} {key[1]} of document {document} is the end of an edge an earlier"
                    " document states"
                )
            if key in self.nodes and (node.owned or key in self._owned):
                raise NotTogether(
                    f"{key[0]} {key[1]} is owned by one document and written by another"
                    f" ({document})"
                )

    def reached(self) -> list[NodeKey]:
        """Ends of the edges that no document writes (nodes already in the graph, if any)."""
        return sorted(
            {
                end
                for edge in self.edges.values()
                for end in (edge.source, edge.target)
                if end not in self.nodes
            }
        )


def plan(batches: Iterable[GraphBatch]) -> FirstTexts:
    first_texts = FirstTexts()
    for batch in batches:
        first_texts.add(batch)
    return first_texts


def together(batches: Iterable[GraphBatch]) -> FirstTexts | None:
    """The plan of the batches written at once, or None when that would not give the graph
    writing them one by one gives."""
    try:
        return plan(batches)
    except NotTogether:
        return None


def mentions(first_texts: FirstTexts) -> Iterator[tuple[str, NodeKey]]:
    """(document, shared node) for each document that mentions a shared node."""
    for key, node in first_texts.nodes.items():
        if not node.owned:
            for document in node.documents:
                yield document, key
