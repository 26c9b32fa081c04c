"""How much is in the graph: node counts by label and relationship counts by type."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import AsyncDriver, RoutingControl

NODES_BY_LABEL = """
MATCH (n) WHERE NOT n:SchemaMigration
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
"""

RELATIONSHIPS_BY_TYPE = """
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
"""


@dataclass(frozen=True, slots=True)
class GraphStatistics:
    nodes_by_label: dict[str, int]
    relationships_by_type: dict[str, int]


async def graph_statistics(driver: AsyncDriver, database: str) -> GraphStatistics:
    nodes, _, _ = await driver.execute_query(
        NODES_BY_LABEL, database_=database, routing_=RoutingControl.READ
    )
    relationships, _, _ = await driver.execute_query(
        RELATIONSHIPS_BY_TYPE, database_=database, routing_=RoutingControl.READ
    )
    return GraphStatistics(
        nodes_by_label={r["label"]: r["count"] for r in nodes},
        relationships_by_type={r["type"]: r["count"] for r in relationships},
    )
