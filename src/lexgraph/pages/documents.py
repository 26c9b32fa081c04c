"""The pages' data: a named document of `queries/`, executed in process through the schema the
API serves, with a request context of the API's own.

So every page is an API answer (the same limits, the same as-of rules, the same errors), and a
page that renders is a test of the document and the schema behind it. A document the page needs
that the API refuses is told to the reader in Russian with the API's reason, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from lexgraph.api.errors import DATABASE_UNAVAILABLE, is_internal
from lexgraph.api.graphiql import queries_dir

if TYPE_CHECKING:
    from lexgraph.api.app import LexGraphGraphQL

#: Codes of errors that are the reader's (a bad date, an id of the wrong shape): 400, not 500.
_READER_CODES = frozenset({"INVALID_DATE", "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"})


class PageRefused(Exception):
    """The API did not answer the page's document: the status to send and why, for the reader."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True, slots=True)
class NamedDocument:
    name: str
    text: str


@lru_cache(maxsize=32)
def named_document(name: str) -> NamedDocument:
    """`queries/{name}.graphql`, read once per process."""
    return NamedDocument(name, (queries_dir() / f"{name}.graphql").read_text(encoding="utf-8"))


async def answer(
    api: LexGraphGraphQL, request: Request, name: str, variables: dict[str, Any]
) -> dict[str, Any]:
    """The data the API gives for the named document `name` with `variables`.

    What the graph does not hold comes back as `PageRefused` 404; another user error as 400
    with the API's message; an unreachable database as 503; anything else as 500, whose
    details the API has logged under the request id."""
    document = named_document(name)
    context = await api.get_context(request, Response())
    result = await api.schema.execute(
        document.text, variable_values=variables, context_value=context
    )
    if result.errors:
        first = result.errors[0]
        code = (first.extensions or {}).get("code")
        if code == DATABASE_UNAVAILABLE:
            raise PageRefused(503, "база данных сейчас недоступна; повторите запрос через минуту")
        if code == "NOT_FOUND":
            raise PageRefused(404, first.message)
        if code in _READER_CODES or not is_internal(first):
            raise PageRefused(400, first.message)
        raise PageRefused(500, "внутренняя ошибка сервера; подробности записаны в журнал")
    return dict(result.data or {})
