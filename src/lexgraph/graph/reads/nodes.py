"""Nodes by id, one statement per label (so each lookup uses the label's unique id index)."""

from __future__ import annotations

from typing import LiteralString

from lexgraph.graph.records import NODE_LABELS


def _nodes_by_id(label: LiteralString) -> LiteralString:
    return (
        "UNWIND $ids AS id MATCH (n:" + label + " {id: id}) "
        "RETURN id, n {.*, _label: head(labels(n))} AS node"
    )


# Labels come from the model's fixed set, never from a request.
NODES_BY_ID: dict[str, LiteralString] = {
    label: _nodes_by_id(label) for label in sorted(NODE_LABELS)
}

# What a citation may name: an act, a unit of an act, or a procedure of the unified list.
CITABLE_NODES_BY_ID = """
UNWIND $ids AS id
CALL (id) {
  MATCH (n:LegalAct {id: id}) RETURN n
  UNION
  MATCH (n:Provision {id: id}) RETURN n
  UNION
  MATCH (n:Procedure {id: id}) RETURN n
}
RETURN id, n {.*, _label: head(labels(n))} AS node
"""
