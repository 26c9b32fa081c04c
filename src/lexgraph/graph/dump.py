"""A canonical, order-independent dump of the graph, to prove a failed import changed nothing."""

from __future__ import annotations

import json
from typing import Any

from neo4j import AsyncDriver, RoutingControl

NODES = """
MATCH (n) WHERE NOT n:SchemaMigration
RETURN labels(n) AS labels, properties(n) AS properties
"""

RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
"""


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


async def canonical_dump(driver: AsyncDriver, database: str) -> list[str]:
    """Every node and relationship as a sorted list of canonical JSON lines."""
    nodes, _, _ = await driver.execute_query(
        NODES, database_=database, routing_=RoutingControl.READ
    )
    edges, _, _ = await driver.execute_query(
        RELATIONSHIPS, database_=database, routing_=RoutingControl.READ
    )
    lines = [_canonical({"node": sorted(r["labels"]), **r["properties"]}) for r in nodes]
    lines += [
        _canonical({"edge": r["type"], "from": r["source"], "to": r["target"], **r["properties"]})
        for r in edges
    ]
    return sorted(lines)
