"""Graph records: what a parsed document becomes before it is written to Neo4j.

The builders (pure) turn parser records into `GraphBatch`es; the loader (I/O) writes a batch in one
transaction. Labels and relationship types are checked against the model (`schema/model.md`)
here, so the loader can name them in Cypher without ever formatting user text into a query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, LiteralString

NODE_LABELS = frozenset(
    {
        "SourceDocument",
        "LegalAct",
        "Provision",
        "Procedure",
        "Regulation",
        "DocumentRequirement",
        "RequestedInformation",
        "Registry",
        "IssuedDocument",
        "Fee",
        "Benefit",
        "Appeal",
        "Authority",
        "Form",
        "Term",
        "Portal",
        "PortalFact",
        "UnresolvedCitation",
    }
)

EDGE_TYPES = frozenset(
    {
        "PART_OF",
        "ISSUED_BY",
        "AGREED_WITH",
        "BASED_ON",
        "APPROVES",
        "REPEALS",
        "AMENDED_BY",
        "REGULATES",
        "LISTED_IN",
        "HANDLED_BY",
        "GOVERNED_BY",
        "HAS_FEATURE",
        "REQUIRES",
        "REQUESTS",
        "REQUESTED_FROM",
        "ISSUES",
        "RECORDED_IN",
        "CHARGES",
        "HAS_BENEFIT",
        "HAS_APPEAL",
        "HEARS_APPEAL",
        "HAS_FORM",
        "PROMISES",
        "CITES",
        "CITES_UNRESOLVED",
        "ABOUT",
        "UNDER",
        "ON_PORTAL",
        "STATED_IN",
    }
)

Properties = Mapping[str, Any]


def cypher_label(label: str) -> LiteralString:
    """A label of the model, safe to name in a statement (never text from a document)."""
    if label not in NODE_LABELS:
        raise ValueError(f"unknown label {label!r}")
    return label


class ModelError(ValueError):
    """A record that does not fit the graph model (a bug in a builder, not in the input)."""


@dataclass(frozen=True, slots=True)
class NodeRecord:
    """One node. `owned` nodes belong to one document and are replaced on re-import; shared nodes
    (acts, provisions, authorities, registries) are merged, never emptied by another document."""

    label: str
    id: str
    properties: Properties
    owned: bool = True

    def __post_init__(self) -> None:
        if self.label not in NODE_LABELS:
            raise ModelError(f"unknown node label {self.label!r}")
        if not self.id:
            raise ModelError(f"{self.label} without an id")


@dataclass(frozen=True, slots=True)
class EdgeRecord:
    """One relationship; `key` tells apart edges of one type between the same two nodes."""

    type: str
    source_label: str
    source_id: str
    target_label: str
    target_id: str
    properties: Properties = field(default_factory=dict)
    key: str = ""

    def __post_init__(self) -> None:
        if self.type not in EDGE_TYPES:
            raise ModelError(f"unknown relationship type {self.type!r}")
        for label in (self.source_label, self.target_label):
            if label not in NODE_LABELS:
                raise ModelError(f"unknown node label {label!r} on {self.type}")


@dataclass(slots=True)
class GraphBatch:
    """Everything one source document contributes to the graph."""

    document_id: str
    nodes: dict[tuple[str, str], NodeRecord] = field(default_factory=dict)
    edges: dict[tuple[str, str, str, str], EdgeRecord] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    """What the parser left out of the document, one line each (residue such as page footers), for
    the import report; never written to the graph."""

    def add_node(self, node: NodeRecord) -> None:
        """Add a node; a shared node met twice keeps the union of its properties."""
        key = (node.label, node.id)
        existing = self.nodes.get(key)
        if existing is not None:
            merged = {**existing.properties, **node.properties}
            node = NodeRecord(node.label, node.id, merged, existing.owned and node.owned)
        self.nodes[key] = node

    def add_edge(self, edge: EdgeRecord) -> None:
        self.edges[(edge.source_id, edge.type, edge.target_id, edge.key)] = edge

    def count_by_label(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for label, _ in self.nodes:
            counts[label] = counts.get(label, 0) + 1
        return dict(sorted(counts.items()))

    def count_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, edge_type, _, _ in self.edges:
            counts[edge_type] = counts.get(edge_type, 0) + 1
        return dict(sorted(counts.items()))
