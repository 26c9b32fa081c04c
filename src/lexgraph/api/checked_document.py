"""Parse and check each request's document without holding the event loop: Strawberry's parser
and validation steps, bounded in time, with their caches.

graphql-core parses and validates on the calling thread. Both are bounded by the token limit, but
not cheaply: 100,000 characters of comment are 40 ms of lexing, input literals nested to the
parser's recursion limit take milliseconds to refuse, and the rule that fields can be merged
compares fields pairwise. On the event loop that time is every other request's wait, `/healthz`
included. So a document that is new to the process and not small (`_small`) is parsed and
validated on a small pool of worker threads (the event loop keeps its turn: the interpreter
switches threads every millisecond, see `create_app`), and a check that uses more than
`check_budget_s` of its thread's CPU time is refused (`TOO_COMPLEX`), left to finish on the pool.
Documents seen before (every page of the API asks the same few) come from the caches.

Before validation, in order, each refusing as soon as a bound is passed:
1. the variables (`lexgraph.api.input_bounds`), on the raw JSON;
2. depth, aliases, page sizes and cost (`lexgraph.api.measure`), linear in the document.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from graphql import (
    DocumentNode,
    GraphQLError,
    ListTypeNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    TypeNode,
    parse,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from lexgraph.api.errors import GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, coded
from lexgraph.api.input_bounds import input_problem
from lexgraph.api.measure import (
    TOO_COMPLEX,
    TOO_DEEP,
    ListSize,
    Refusal,
    measure_problem,
    refusal_error,
)

if TYPE_CHECKING:
    from lexgraph.api.limits import QueryLimits

T = TypeVar("T")

TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
DOCUMENT_TOO_LONG = "DOCUMENT_TOO_LONG"

CACHED_DOCUMENT_CHARS = 20_000
"""Longer documents are never kept: a client could fill the memory with them."""
SMALL_DOCUMENT_CHARS = 5_000
"""Shorter documents (with few brackets) are parsed and validated on the event loop (`_small`)."""
CACHE_SIZE = 256

_checks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="lexgraph-check")


class _Kept(OrderedDict[Hashable, Any]):
    """A small LRU: what was worked out for the last `CACHE_SIZE` documents."""

    def get_fresh(self, key: Hashable) -> Any:
        found = self.get(key)
        if found is not None:
            self.move_to_end(key)
        return found

    def keep(self, key: Hashable, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        if len(self) > CACHE_SIZE:
            self.popitem(last=False)


_parsed = _Kept()  # (text, max tokens) → DocumentNode or the GraphQLError parsing it gave
_validated = _Kept()  # (schema id, text, rules) → (DocumentNode, its validation errors)
_measured = _Kept()  # (…, document id, page sizes, bounds id) → (document, bounds) that passed


def _paging(document: DocumentNode, variables: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The values of the document's `Int` variables: the page sizes its measure depends on."""
    return tuple(
        (name, repr(variables.get(name)))
        for operation in document.definitions
        if isinstance(operation, OperationDefinitionNode)
        for definition in operation.variable_definitions or ()
        if _named_type(definition.type) == "Int"
        for name in (definition.variable.name.value,)
    )


def _named_type(node: TypeNode) -> str:
    while isinstance(node, NonNullTypeNode | ListTypeNode):
        node = node.type
    assert isinstance(node, NamedTypeNode)
    return node.name.value


class TooComplex(GraphQLError):
    """The document took more CPU time to check than a request may (`LEXGRAPH_CHECK_BUDGET_S`)."""

    def __init__(self, budget_s: float) -> None:
        super().__init__(
            f"the document took more than the {budget_s:g} s of work a request may take to be"
            " checked; send a smaller or simpler document",
            extensions={"code": TOO_COMPLEX},
        )


def _small(text: str) -> bool:
    """Whether a document is parsed and validated at once, on the event loop: a few thousand
    characters with few brackets take well under a millisecond. Brackets are what nests (input
    literals deep enough to exhaust the parser's recursion) and what validation compares."""
    return len(text) <= SMALL_DOCUMENT_CHARS and text.count("{") + text.count("[") <= 100


async def _bounded(budget_s: float, work: Callable[[], T]) -> T:
    """`work()` on the pool, refused (`TooComplex`) once it has used `budget_s` of its thread's
    CPU time. CPU, not wall time: on a machine busy with other work a small document may wait
    for its turn, but it is not refused for that; the request's own timeout bounds the wait."""
    loop = asyncio.get_running_loop()
    started: list[tuple[int, float]] = []  # the worker's CPU clock, and its reading at start

    def run() -> T:
        clock = time.pthread_getcpuclockid(threading.get_ident())
        started.append((clock, time.clock_gettime(clock)))
        return work()

    future = loop.run_in_executor(_checks, run)
    poll_s = 0.002
    while True:
        done, _ = await asyncio.wait({future}, timeout=poll_s)
        if done:
            return future.result()
        if started:
            clock, began = started[0]
            if time.clock_gettime(clock) - began > budget_s:
                raise TooComplex(budget_s)  # its thread finishes it; nobody waits for it
        poll_s = min(poll_s * 2, 0.02)


def _parse(text: str, max_tokens: int) -> DocumentNode | GraphQLError:
    try:
        return parse(text, max_tokens=max_tokens)
    except GraphQLError as error:
        # graphql-core's own bounds, told as limits: tokens, and nesting past its parser's depth.
        if "Parsing aborted" in error.message:
            nested = "nested too deeply" in error.message
            error.extensions = {"code": TOO_DEEP if nested else TOO_MANY_TOKENS}
        return coded(error, GRAPHQL_PARSE_FAILED)
    except RecursionError:
        return GraphQLError(
            "the document nests too deeply to be read", extensions={"code": TOO_COMPLEX}
        )


class CheckedDocument(SchemaExtension):
    """Parsing and validation as a request may have them: bounded in size, work and time."""

    def __init__(self, limits: QueryLimits) -> None:
        self.limits = limits

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        text = context.query
        if text is not None and len(text) > self.limits.characters:
            # Tokens bound the document's parts, not what lies between them (comments, blanks,
            # commas), which the lexer still reads a character at a time.
            raise GraphQLError(
                f"the document is longer than the {self.limits.characters} characters a request"
                " may send",
                extensions={"code": DOCUMENT_TOO_LONG},
            )
        if text is not None and context.graphql_document is None:
            key = (text, self.limits.tokens)
            parsed = _parsed.get_fresh(key) if len(text) <= CACHED_DOCUMENT_CHARS else None
            if parsed is None:
                if _small(text):
                    parsed = _parse(text, self.limits.tokens)
                else:
                    parsed = await _bounded(
                        self.limits.check_budget_s, lambda: _parse(text, self.limits.tokens)
                    )
                if len(text) <= CACHED_DOCUMENT_CHARS:
                    _parsed.keep(key, parsed)
            if isinstance(parsed, GraphQLError):
                raise parsed  # Strawberry answers with it, as with its own parser's errors
            context.graphql_document = parsed
        yield

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.pre_execution_errors is None:
            refusal = self.refusal(document)
            if refusal is not None:
                context.pre_execution_errors = [refusal_error(refusal)]
            else:
                try:
                    context.pre_execution_errors = [
                        coded(error, GRAPHQL_VALIDATION_FAILED)
                        for error in await self.validated(document)
                    ]
                except TooComplex as refused:
                    context.pre_execution_errors = [refused]
        yield

    def refusal(self, document: DocumentNode) -> Refusal | None:
        context = self.execution_context
        request = context.context
        may_write = bool(getattr(request, "may_write", False))
        refusal = input_problem(context.variables, self.limits.input_bounds(may_write=may_write))
        if refusal is not None:
            return refusal
        list_size: ListSize | None = getattr(request, "list_size", None)
        # A document that passed is not measured again (a procedure page's took 0.5–1.5 ms): its
        # measure changes only with its page sizes (`Int` variables) and the graph's bounds.
        bounds_owner = getattr(list_size, "__self__", list_size)
        key = (
            id(context.schema._schema),
            id(document),
            context.operation_name,
            self.limits,
            id(bounds_owner),
            _paging(document, context.variables or {}),
        )
        kept = _measured.get_fresh(key)
        if kept is not None and kept[0] is document and kept[1] is bounds_owner:
            return None
        refusal = measure_problem(
            context.schema._schema,
            document,
            context.operation_name,
            context.variables or {},
            self.limits.bounds(),
            list_size or (lambda parent, field: None),
        )
        if refusal is None:  # a refusal is worked out anew: its message is the request's own
            _measured.keep(key, (document, bounds_owner))
        return refusal

    async def validated(self, document: DocumentNode) -> list[GraphQLError]:
        context = self.execution_context
        schema = context.schema._schema
        rules = tuple(context.validation_rules)
        text = context.query or ""
        key = (id(schema), text, rules)
        kept = _validated.get_fresh(key) if len(text) <= CACHED_DOCUMENT_CHARS else None
        if kept is not None and kept[0] is document:
            return list(kept[1])
        errors: list[GraphQLError] = (
            validate_document(schema, document, rules)
            if _small(text)
            else await _bounded(
                self.limits.check_budget_s, lambda: validate_document(schema, document, rules)
            )
        )
        if len(text) <= CACHED_DOCUMENT_CHARS:
            _validated.keep(key, (document, tuple(errors)))
        return errors
