"""Answers kept between requests: the graph changes only when a document is imported, so the same
query with the same variables on the same graph has the same answer.

An answer is kept under the query text, the operation name, the variables, the graph's stamp
(`lexgraph.graph.stamp`), which is read for every request (one round trip, answered from Neo4j's
count store), and the day: after an import the stamp differs, the old answers are never found
again and age out; and a question that does not say `asOf` is asked as of today
(`lexgraph.graph.validity.today`), so an answer made before midnight is not today's. Only
successful answers to queries are kept (never a mutation's, never one with errors), and never for a
request carrying the API token. Requests asking the same question while it is being
answered wait for that answer instead of running the query again.

The cache is bounded by the size of its answers (their JSON) and by age (`max_age_s`, a bound on
what a write outside the importer, which the stamp may not see, could leave stale); the least
recently used answers leave first. One cache per API process.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import GraphQLError, OperationType, get_operation_ast, parse
from strawberry.types import ExecutionResult

from lexgraph.graph.validity import today
from lexgraph.kept import KeptAnswers

DEFAULT_MAX_AGE_S = 600.0
# An answer larger than this share of the whole cache is not kept: it would push out many others.
LARGEST_SHARE = 8
# Longer documents are answered, never kept (nor parsed here).
LONGEST_QUERY = 20_000


@dataclass(frozen=True, slots=True)
class ResponseKey:
    query: str
    operation_name: str | None
    variables: str
    stamp: str
    today: dt.date
    """The day the answer is for, when the query leaves `asOf` out (the default of every field
    that answers as of a date)."""


def response_key(
    query: str,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    stamp: str,
    on: dt.date | None = None,
) -> ResponseKey:
    """The key of an answer to this request, on the graph of `stamp`, asked on `on` (today)."""
    canonical = json.dumps(variables or {}, sort_keys=True, separators=(",", ":"), default=str)
    return ResponseKey(query, operation_name, canonical, stamp, on or today())


def is_query(query: str, operation_name: str | None) -> bool:
    """Whether the operation the request runs is a query (not a mutation or a subscription);
    False for a document that does not parse or does not name one operation, and for a document
    too long to keep (a client could otherwise fill the memory with large documents)."""
    return len(query) <= LONGEST_QUERY and _is_query(query, operation_name)


@lru_cache(maxsize=256)
def _is_query(query: str, operation_name: str | None) -> bool:
    try:
        operation = get_operation_ast(parse(query, max_tokens=LONGEST_QUERY // 2), operation_name)
    except GraphQLError:
        return False
    return operation is not None and operation.operation is OperationType.QUERY


def _size(key: ResponseKey, result: ExecutionResult) -> int:
    return len(json.dumps(result.data, ensure_ascii=False, default=str)) + len(key.query)


def _succeeded(result: ExecutionResult) -> bool:
    return not result.errors and result.data is not None


class ResponseCache(KeptAnswers[ResponseKey, ExecutionResult]):
    """Successful query answers (`lexgraph.kept`), bounded by the size of their JSON and by age."""

    def __init__(self, max_bytes: int, max_age_s: float = DEFAULT_MAX_AGE_S) -> None:
        super().__init__(
            max_entries=sys.maxsize,
            max_weight=max_bytes,
            max_age_s=max_age_s,
            weight=_size,
            largest=max_bytes // LARGEST_SHARE,
            keep=_succeeded,
        )

    @property
    def enabled(self) -> bool:
        return self.max_weight > 0

    async def answer(
        self, key: ResponseKey, execute: Callable[[], Awaitable[ExecutionResult]]
    ) -> ExecutionResult:
        """The kept answer for `key`, or `execute()`'s, kept when it succeeded."""
        return await self.get(key, execute)
