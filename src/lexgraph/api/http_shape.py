"""The GraphQL-over-HTTP rules LexGraph answers by: which body is a request, which status an
answer gets, in which media type.

- A body that is no GraphQL request (not JSON, invalid UTF-8, JSON nested past the decoder's
  depth, `null`, a string, a list, `operationName` that is not a string) is a 400 with a GraphQL
  error body (`BAD_REQUEST`), never a 500.
- A client that accepts `application/graphql-response+json` gets that media type, and a 4xx for
  every request error (an answer without `data`: syntax, validation, a limit), as the spec asks.
- Under `application/json` the spec asks 200 for a well-formed request whatever its errors; so it
  is, but for a request refused by a limit of the server (too deep, too costly, too large, too
  complex), which is a 400 under both media types: the client must change the request, and a
  proxy, a log or a rate limiter should see so.

Pure: headers and results in, statuses and media types out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLError

from lexgraph.api.checked_document import DOCUMENT_TOO_LONG, TOO_MANY_TOKENS
from lexgraph.api.input_bounds import INPUT_TOO_LARGE
from lexgraph.api.measure import TOO_COMPLEX, TOO_DEEP

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"

REFUSED_BY_LIMIT = frozenset(
    {
        TOO_DEEP,
        "TOO_MANY_ALIASES",
        TOO_MANY_TOKENS,
        DOCUMENT_TOO_LONG,
        "PAGE_TOO_LARGE",
        "TOO_EXPENSIVE",
        INPUT_TOO_LARGE,
        TOO_COMPLEX,
    }
)


def request_fields(body: object) -> dict[str, Any]:
    """The decoded body, if it can be a GraphQL request (an object); else a 400."""
    if not isinstance(body, dict):
        raise HTTPException(
            400,
            "a GraphQL request must be a JSON object (with a `query` string), not "
            + _json_kind(body),
        )
    return body


def check_operation_name(name: object) -> None:
    """`operationName`, if given, is a string (or null)."""
    if name is not None and not isinstance(name, str):
        raise HTTPException(
            400, "The GraphQL operation's `operationName` must be a string or null, if provided."
        )


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list (batched requests are not served)"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"


def prefers_graphql_response_json(accept: str) -> bool:
    """Whether the client asks for `application/graphql-response+json` before (or without)
    `application/json` in its `Accept` header."""
    graphql_at = json_at = None
    for position, entry in enumerate(accept.split(",")):
        media = entry.split(";", 1)[0].strip().lower()
        if media == GRAPHQL_RESPONSE_JSON and graphql_at is None:
            graphql_at = position
        elif media == JSON and json_at is None:
            json_at = position
    return graphql_at is not None and (json_at is None or graphql_at < json_at)


def error_codes(errors: Iterable[GraphQLError]) -> set[str]:
    return {str((e.extensions or {}).get("code")) for e in errors}


def is_request_error(data: object, errors: Iterable[GraphQLError]) -> bool:
    """An answer to a request that did not execute: no data, and errors at no field's path
    (a field's error that nulls the whole answer is an execution error)."""
    listed = list(errors)
    return data is None and bool(listed) and all(e.path is None for e in listed)


def refusal_status(
    data: object, errors: Iterable[GraphQLError], graphql_response_json: bool
) -> int | None:
    """The 4xx of a request error (None: the usual 200): 400 for a limit under any media type,
    and for every request error under `application/graphql-response+json`."""
    listed = list(errors)
    if not is_request_error(data, listed):
        return None
    if graphql_response_json or error_codes(listed) & REFUSED_BY_LIMIT:
        return 400
    return None
