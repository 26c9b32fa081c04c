"""A stamp of the graph's state that every import changes: the key that lets an answer computed
once be served again, and never after the graph it was computed on has changed.

Every import writes through the loader (`lexgraph.graph.loader`), and whatever it changes, it adds:
the first text of a document adds its `Version` (stamped `importedAt`), its facts and edges; a new
text adds a `Version` too, and keeps the facts it supersedes under archived ids instead of
overwriting them; going back to an earlier text archives the later one's facts. Importing the
same text again changes nothing, and the stamp stays. So the stamp is the graph's node and
relationship counts, its `Version` count (all three read from Neo4j's count store, O(1)) and the
newest `importedAt` (a wiped graph imported again has the same counts but newer versions). Writes
that bypass the loader (a Cypher console) may change a property without changing the stamp: a
cache keyed by it should also age out (`lexgraph.graph.impact_cache`).
"""

from __future__ import annotations

from typing import LiteralString

from neo4j import AsyncDriver, Query, RoutingControl
from neo4j.api import AsyncBookmarkManager

GRAPH_STAMP: LiteralString = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (v:Version) RETURN count(v) AS versions }
CALL () {
  OPTIONAL MATCH (v:Version) WHERE v.importedAt IS NOT NULL
  RETURN v.importedAt AS newest ORDER BY newest DESC LIMIT 1
}
RETURN nodes, relationships, versions, toString(newest) AS newest
"""


async def graph_stamp(
    driver: AsyncDriver,
    database: str,
    timeout_s: float | None = None,
    *,
    bookmarks: AsyncBookmarkManager | None = None,
) -> str:
    """The graph's stamp now, as a string (equal stamps: no import in between). With
    `bookmarks`, read after what they hold, and what it saw added to them: the reads that follow
    with the same bookmarks see at least the graph of this stamp."""
    query = Query(GRAPH_STAMP, timeout=timeout_s)
    if bookmarks is None:  # the driver's own, shared by its `execute_query` calls
        records, _, _ = await driver.execute_query(
            query, database_=database, routing_=RoutingControl.READ
        )
    else:
        records, _, _ = await driver.execute_query(
            query, database_=database, routing_=RoutingControl.READ, bookmark_manager_=bookmarks
        )
    found = records[0]
    return "/".join(str(found[k]) for k in ("nodes", "relationships", "versions", "newest"))
