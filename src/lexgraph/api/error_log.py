"""How errors are logged and how much of a client's input they may repeat.

Strawberry logs every error of every request at error level with its traceback. A client's
mistake (a syntax error, an unknown id, a limit) is not the server's: it is logged at info level,
one line without traceback, so that real failures stand out and a client cannot fill the log.
Messages that repeat the client's input (graphql-core quotes a variable's whole value) are cut to
`MAX_ECHO` characters, in the log and in the answer.
"""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from lexgraph.api.errors import is_internal

MAX_ECHO = 300
"""Characters of an error message kept; past them a message says how much it left out."""

execution_log = logging.getLogger("strawberry.execution")


def shortened(message: str, limit: int = MAX_ECHO) -> str:
    """`message` with at most `limit` characters of it, saying how many were cut."""
    if len(message) <= limit:
        return message
    return f"{message[:limit]}… ({len(message) - limit} more characters)"


class LexGraphSchema(strawberry.Schema):
    """Strawberry's schema, logging a client's mistakes as such (see the module)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if is_internal(error):
                execution_log.error(shortened(str(error)), exc_info=error.original_error)
            else:
                extensions: dict[str, Any] = error.extensions or {}
                execution_log.info(
                    shortened(error.message), extra={"code": extensions.get("code", "GRAPHQL")}
                )
