"""How much is in the graph: node counts by label and relationship counts by type.

The counts come from Neo4j's count store, in constant time: one `count` per label and per type
the model knows (the statements are built from the model's fixed sets, never from data). Counting
by scanning every node and relationship took 270 ms at the bench's M size, and grows with the
graph; a count by a label read from the data (`MATCH (n:$(label))`) scans as well. Labels and types
outside the model (written by other tools) are still counted, by a scan over them alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, RoutingControl

from lexgraph.graph.records import EDGE_TYPES, NODE_LABELS

# The model's labels and types, with the bookkeeping the importer writes (versions, mentions).
# and the effects of amending acts (`lexgraph.graph.effects`).
KNOWN_LABELS: tuple[LiteralString, ...] = (*sorted(NODE_LABELS), "Version", "Effect")
KNOWN_TYPES: tuple[LiteralString, ...] = (
    *sorted(EDGE_TYPES),
    "MENTIONS",
    "VERSION_OF",
    "AFFECTS",
    "AFFECTS_UNIT",
    "MADE_BY",
    "CHANGED_BY",
)
# Not content: the migrations applied to the database.
HIDDEN_LABELS = frozenset({"SchemaMigration"})


# Each branch counts alone in its subquery: only then does the planner read the count store.
_NODE_COUNTS: LiteralString = " UNION ALL ".join(
    [
        "CALL () { MATCH (n:" + label + ") RETURN count(n) AS count } "
        "RETURN '" + label + "' AS name, count"
        for label in KNOWN_LABELS
    ]
)
_RELATIONSHIP_COUNTS: LiteralString = " UNION ALL ".join(
    [
        "CALL () { MATCH ()-[r:" + edge_type + "]->() RETURN count(r) AS count } "
        "RETURN '" + edge_type + "' AS name, count"
        for edge_type in KNOWN_TYPES
    ]
)
COUNTS: LiteralString = (
    "CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels } "
    "CALL () { CALL db.relationshipTypes() YIELD relationshipType "
    "RETURN collect(relationshipType) AS types } "
    "CALL () { CALL () { " + _NODE_COUNTS + " } RETURN collect([name, count]) AS nodes } "
    "CALL () { CALL () { " + _RELATIONSHIP_COUNTS + " } "
    "RETURN collect([name, count]) AS relationships } "
    "RETURN labels, types, nodes, relationships"
)
OTHER_LABELS = (
    "MATCH (n) UNWIND [label IN labels(n) WHERE label IN $labels] AS label "
    "RETURN label, count(*) AS count"
)
OTHER_TYPES = "MATCH ()-[r]->() WHERE type(r) IN $types RETURN type(r) AS type, count(*) AS count"


@dataclass(frozen=True, slots=True)
class GraphStatistics:
    nodes_by_label: dict[str, int]
    relationships_by_type: dict[str, int]


async def graph_statistics(driver: AsyncDriver, database: str) -> GraphStatistics:
    """The counts, of what the graph holds (labels and types with no node or edge left out),
    ordered by name."""

    async def read(statement: LiteralString, **parameters: Any) -> list[Any]:
        records, _, _ = await driver.execute_query(
            statement, parameters, database_=database, routing_=RoutingControl.READ
        )
        return records

    [counts] = await read(COUNTS)
    nodes: dict[str, int] = dict(counts["nodes"])
    relationships: dict[str, int] = dict(counts["relationships"])
    other_labels = sorted(set(counts["labels"]) - set(KNOWN_LABELS) - HIDDEN_LABELS)
    other_types = sorted(set(counts["types"]) - set(KNOWN_TYPES))
    if other_labels:
        nodes |= {r["label"]: r["count"] for r in await read(OTHER_LABELS, labels=other_labels)}
    if other_types:
        relationships |= {r["type"]: r["count"] for r in await read(OTHER_TYPES, types=other_types)}
    return GraphStatistics(
        nodes_by_label={k: v for k, v in sorted(nodes.items()) if v},
        relationships_by_type={k: v for k, v in sorted(relationships.items()) if v},
    )
