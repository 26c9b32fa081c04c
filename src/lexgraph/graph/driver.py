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


# How long the API retries a statement whose connection failed: long enough for a dropped
# connection or a leader switch, short enough that while the database is down a user is told so at
# once (HTTP 503) instead of waiting out the driver's default 30 s of retries.
API_RETRY_S = 2.0
API_CONNECT_TIMEOUT_S = 5.0
# The driver's own defaults, kept for imports and commands, which may wait.
PATIENT_RETRY_S = 30.0
PATIENT_CONNECT_TIMEOUT_S = 30.0


def create_driver(
    settings: Settings, uri: str | None = None, *, fail_fast: bool = False
) -> AsyncDriver:
    """The process's driver; `fail_fast` for the API (bounded retries and connection attempts),
    the driver's patient defaults for imports and commands."""
    if fail_fast:
        retry_s = API_RETRY_S
        connect_s = min(API_CONNECT_TIMEOUT_S, settings.lexgraph_query_timeout_s)
    else:
        retry_s, connect_s = PATIENT_RETRY_S, PATIENT_CONNECT_TIMEOUT_S
    return AsyncGraphDatabase.driver(
        uri or resolve_uri(settings),
        auth=settings.auth,
        max_connection_pool_size=50,
        connection_acquisition_timeout=settings.lexgraph_query_timeout_s,
        max_transaction_retry_time=retry_s,
        connection_timeout=connect_s,
        # Schema checks on labels that do not exist yet are expected, not worth a log line.
        notifications_min_severity="OFF",
    )
