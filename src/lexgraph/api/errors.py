"""User errors are shown as they are; anything else is masked (its details stay in the logs)."""

from __future__ import annotations

from graphql import GraphQLError
from neo4j.exceptions import ConnectionPoolError, ServiceUnavailable, SessionExpired
from neo4j.exceptions import DatabaseUnavailable as Neo4jDatabaseUnavailable
from strawberry.relay.types import GlobalIDValueError

from lexgraph.graph.driver import DatabaseUnavailable

DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE"
"""The `extensions.code` of an error telling the database could not be reached (HTTP 503)."""

RETRY_AFTER_S = 5
"""What a client told the database is unavailable should wait before asking again."""


class UserError(Exception):
    """A mistake in the request (unknown id, bad filter, bad cursor); the message is for users."""


NOT_FOUND = "NOT_FOUND"
"""The `extensions.code` of an error telling that what was asked for by its id or number (a
procedure, an act, a provision, a node) is not in the graph."""


class NotFound(UserError):
    """What the request names is not in the graph: a client tells it from a mistyped query by
    the code, not by reading the message. graphql-core copies an exception's `extensions` to
    the error it reports."""

    extensions = {"code": NOT_FOUND}  # noqa: RUF012 - read by graphql-core, never changed


class DatabaseUnreachable(UserError):
    """Neo4j is down, restarting or overloaded: nothing the user did, and worth retrying."""

    def __init__(self) -> None:
        super().__init__(
            "the database is unavailable at the moment (restarting or overloaded);"
            f" try again in {RETRY_AFTER_S} seconds"
        )


def is_database_unavailable(error: BaseException | None) -> bool:
    """True for failures that mean "the database cannot answer now", not "the query is wrong":
    a refused or dropped connection, a pool with no free connection in time, a database that is
    starting or stopping."""
    return isinstance(
        error,
        ServiceUnavailable
        | SessionExpired
        | ConnectionPoolError
        | Neo4jDatabaseUnavailable
        | DatabaseUnavailable,
    )


def is_internal(error: GraphQLError) -> bool:
    """Errors GraphQL raises itself are the user's: syntax and validation (no original error),
    and variables that do not fit their types (a `GraphQLError` inside); so are `UserError`s and
    malformed global ids. Everything else is ours."""
    original = error.original_error
    if original is None:
        return False
    return not isinstance(original, UserError | GlobalIDValueError | GraphQLError)
