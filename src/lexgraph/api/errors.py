"""User errors are shown as they are; anything else is masked (its details stay in the logs)."""

from __future__ import annotations

from typing import ClassVar

from graphql import GraphQLError
from neo4j.exceptions import ConnectionPoolError, ServiceUnavailable, SessionExpired
from neo4j.exceptions import DatabaseUnavailable as Neo4jDatabaseUnavailable
from strawberry.relay.types import GlobalIDValueError

from lexgraph.graph.driver import DatabaseUnavailable

DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE"
"""The `extensions.code` of an error telling the database could not be reached (HTTP 503)."""

RETRY_AFTER_S = 5
"""What a client told the database is unavailable should wait before asking again."""


# The `extensions.code`s of the errors a user can cause, beside those of the limits
# (`TOO_COMPLEX` …, in `measure`, `checked_document`, `input_bounds`), of dates (`INVALID_DATE`)
# and of the database (`DATABASE_UNAVAILABLE`, `QUERY_TIMEOUT`). The README lists them all.
BAD_USER_INPUT = "BAD_USER_INPUT"
"""An argument the API cannot use: an empty text, a filter that contradicts itself, a depth out
of range, a variable of the wrong type. The message says which and why."""
NOT_FOUND = "NOT_FOUND"
"""What was asked for by its id or number (a procedure, an act, a provision, a node) is not in
the graph."""
AMBIGUOUS_NAME = "AMBIGUOUS_NAME"
"""A name, number or reference names more than one thing; the message lists them, and the
request is refused rather than settled by a guess."""
UNRESOLVED_CITATION = "UNRESOLVED_CITATION"
"""A reference given as a way in («ст. 287 НК») that the citation grammar cannot resolve."""
INVALID_ID = "INVALID_ID"
"""A global id (`Node.id`) that is not one this API gave: not base64, or of an unknown type."""
INVALID_CURSOR = "INVALID_CURSOR"
"""An `after` cursor that is not one this API returned."""
PAGE_TOO_LARGE = "PAGE_TOO_LARGE"
"""A `first` out of its range: above the server's largest page (`LEXGRAPH_MAX_PAGE_SIZE`), or
below the least a field takes. The name is the request limits' (`measure`), which refuse the
same mistake before the resolvers see it."""
UNKNOWN_EDGE_TYPE = "UNKNOWN_EDGE_TYPE"
"""An edge type the graph does not hold, given to `neighbourhood`."""
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
"""The document is not GraphQL (a syntax error)."""
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
"""The document asks for what the schema does not have (a field, an argument, an enum value)."""


class UserError(Exception):
    """A mistake in the request (unknown id, bad filter, bad cursor); the message is for users,
    the code (`extensions.code`) for programs: a client tells one mistake from another by the
    code, never by reading the message. graphql-core copies an exception's `extensions` to the
    error it reports."""

    code: ClassVar[str] = BAD_USER_INPUT

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.extensions = {"code": code or self.code}


class NotFound(UserError):
    """What the request names is not in the graph."""

    code = NOT_FOUND


class DatabaseUnreachable(UserError):
    """Neo4j is down, restarting or overloaded: nothing the user did, and worth retrying."""

    code = DATABASE_UNAVAILABLE

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


def coded(error: GraphQLError, default: str = BAD_USER_INPUT) -> GraphQLError:
    """`error` with a code when it has none: the errors GraphQL raises itself (syntax and
    validation, told by their callers with `default`; a variable that does not fit its type)
    and malformed global ids. Our own failures (`is_internal`) are masked elsewhere and get
    none."""
    if (error.extensions or {}).get("code") or is_internal(error):
        return error
    original = error.original_error
    if isinstance(original, GlobalIDValueError):
        code = INVALID_ID
    elif isinstance(original, GraphQLError):
        code = (original.extensions or {}).get("code") or BAD_USER_INPUT
    else:
        code = default
    error.extensions = {**(error.extensions or {}), "code": code}
    return error
