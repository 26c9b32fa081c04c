"""One async Neo4j driver per process, pointed at the local Neo4j or at `NEO4J_URI`."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase

from lexgraph import local_neo4j
from lexgraph.config import Settings


class DatabaseUnavailable(Exception):
    """Neo4j cannot be reached; the message says which server and what to do."""


def resolve_uri(settings: Settings) -> str:
    """`NEO4J_URI`, or the URI of the local Neo4j running in the project's folder."""
    if settings.neo4j_uri is not None:
        return settings.neo4j_uri
    found = local_neo4j.running(settings.local_neo4j_dir)
    if found is None:
        raise DatabaseUnavailable(
            "the local Neo4j is not running: start it with `lexgraph neo4j start`,"
            " or set NEO4J_URI to use another server"
        )
    return found.uri


def create_driver(settings: Settings, uri: str | None = None) -> AsyncDriver:
    return AsyncGraphDatabase.driver(
        uri or resolve_uri(settings),
        auth=settings.auth,
        max_connection_pool_size=50,
        connection_acquisition_timeout=settings.lexgraph_query_timeout_s,
        # Schema checks on labels that do not exist yet are expected, not worth a log line.
        notifications_min_severity="OFF",
    )
