"""The neighbourhood of a node: what lies within a few edges of an act, a provision, a procedure.

It feeds the explore page's drawing, so it answers with plain nodes (graph id, label, a short
caption) and edges (source, target, type), bounded in size: at most `PER_NODE` neighbours of each
node reached and `MAX_NODES` in all, with `truncated` set when a bound cut something off. It walks
one hop per round trip, from the node ids reached so far, with the caller's edge types and date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

from neo4j import Record

from lexgraph.graph.records import NODE_LABELS
from lexgraph.graph.validity import node_valid, stated_valid

MAX_DEPTH = 3
PER_NODE = 60
MAX_NODES = 400

Read = Callable[[str, LiteralString, Mapping[str, Any] | None], Awaitable[list[Record]]]
"""Runs one read statement, named for the request's round-trip log (`RequestContext.read`)."""

_NODE_FIELDS: LiteralString = (
    "{.id, .label, .title, .shortTitle, .name, .number, .procedureNumber, .kind, .position, .text,"
    " _label: head(labels(NODE))}"
)


def _node_map(variable: LiteralString) -> LiteralString:
    return variable + " " + _NODE_FIELDS.replace("NODE", variable)


def _center_lookup() -> LiteralString:
    # One branch per label (from the model's fixed set), so each uses that label's id index.
    branches: list[LiteralString] = []
    for label in sorted(NODE_LABELS):
        branches.append("MATCH (n:" + label + " {id: $id}) RETURN n")
    union: LiteralString = " UNION ".join(branches)
    return (
        "CALL () { " + union + " } "
        "WITH n WHERE $asOf IS NULL OR " + node_valid("n") + " "
        "RETURN elementId(n) AS key, " + _node_map("n") + " AS node"
    )


CENTER: LiteralString = _center_lookup()

HOP: LiteralString = (
    "UNWIND $frontier AS key "
    "MATCH (n) WHERE elementId(n) = key "
    "CALL (n) { "
    "  MATCH (n)-[e]-(m) "
    "  WHERE NOT m:SchemaMigration "
    "    AND ($edgeTypes IS NULL OR type(e) IN $edgeTypes) "
    "    AND NOT type(e) IN $hiddenEdgeTypes "
    "    AND ($asOf IS NULL OR (" + stated_valid("e") + " AND " + node_valid("m") + ")) "
    "  RETURN e, m ORDER BY type(e), m.id LIMIT $perNode + 1 "
    "} "
    "RETURN key AS from, elementId(m) AS key, " + _node_map("m") + " AS node, "
    "elementId(e) AS edgeKey, type(e) AS type, startNode(e) = n AS outgoing"
)


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    type: str
    label: str
    text: str | None = None


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    type: str


@dataclass(slots=True)
class Neighbourhood:
    center: GraphNode
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    truncated: bool = False


def caption(properties: Mapping[str, Any]) -> str:
    """A short caption for a node in a drawing: the Russian words a reader recognizes it by."""
    label = properties.get("_label")
    number, title = properties.get("number"), properties.get("title")
    if label == "Procedure" and number:
        return f"{number} {title}" if title else str(number)
    if label == "Regulation" and properties.get("procedureNumber"):
        return f"Регламент {properties['procedureNumber']}"
    if label == "LegalAct":
        return str(properties.get("shortTitle") or title or properties["id"])
    for key in ("label", "name", "title", "text", "kind"):
        value = properties.get(key)
        if value:
            return str(value)
    if properties.get("position") is not None:
        return f"{label} {properties['position']}"
    return str(properties["id"])


def own_text(properties: Mapping[str, Any]) -> str | None:
    """What a reader of the node reads: a unit's or a requirement's text, else a title or a name
    when it says more than the caption does."""
    for key in ("text", "title", "name"):
        value = properties.get(key)
        if value and str(value) not in caption(properties):
            return str(value)
    return None


def _node(properties: Mapping[str, Any]) -> GraphNode:
    return GraphNode(
        id=properties["id"],
        type=properties["_label"],
        label=caption(properties),
        text=own_text(properties),
    )


async def find_neighbourhood(
    read: Read,
    node_id: str,
    *,
    depth: int = 1,
    edge_types: Sequence[str] | None = None,
    as_of: dt.date | None = None,
    hidden_edge_types: Sequence[str] = (),
) -> Neighbourhood | None:
    """The nodes within `depth` edges of the node `node_id` (None if there is no such node, or
    it does not hold on `as_of`), following only `edge_types` when given and never
    `hidden_edge_types` (a source document `MENTIONS` hundreds of nodes: followed, it is a
    hub that fills the drawing and the bound with what a reader did not ask about)."""
    depth = max(0, min(depth, MAX_DEPTH))
    found = await read("NEIGHBOURHOOD_CENTER", CENTER, {"id": node_id, "asOf": as_of})
    if not found:
        return None
    center = _node(found[0]["node"])
    result = Neighbourhood(center=center, nodes=[center])
    seen = {found[0]["key"]: center.id}
    edges_seen: set[str] = set()
    frontier = [found[0]["key"]]
    parameters: dict[str, Any] = {
        "edgeTypes": list(edge_types) if edge_types is not None else None,
        "hiddenEdgeTypes": list(hidden_edge_types),
        "asOf": as_of,
        "perNode": PER_NODE,
    }
    for _ in range(depth):
        if not frontier:
            break
        records = await read("NEIGHBOURHOOD_HOP", HOP, {**parameters, "frontier": frontier})
        per_node: dict[str, int] = {}
        reached: list[str] = []
        for record in records:
            per_node[record["from"]] = per_node.get(record["from"], 0) + 1
            if per_node[record["from"]] > PER_NODE:
                result.truncated = True
                continue
            key = record["key"]
            if key not in seen:
                if len(seen) >= MAX_NODES:
                    result.truncated = True
                    continue
                node = _node(record["node"])
                seen[key] = node.id
                result.nodes.append(node)
                reached.append(key)
            if record["edgeKey"] in edges_seen:
                continue
            edges_seen.add(record["edgeKey"])
            here, there = seen[record["from"]], seen[key]
            source, target = (here, there) if record["outgoing"] else (there, here)
            result.edges.append(GraphEdge(source=source, target=target, type=record["type"]))
        frontier = reached
    return result
