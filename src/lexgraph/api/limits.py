"""What one GraphQL request may ask, and how failures are told: Strawberry's own extensions, tuned.

- `CheckedDocument` (`lexgraph.api.checked_document`) parses and validates each document within a
  time budget, off the event loop when it is new, after bounding its variables
  (`lexgraph.api.input_bounds`) and its depth, aliases, page sizes and cost
  (`lexgraph.api.measure`, linear in the document: fragments are measured once each). The cost
  counts the fields a query could return, each once per parent it may be read for: page sizes
  multiply down the selection, and so do lists without pages, by the most items the graph's
  statistics say they hold (`RequestContext.list_size`);
- `DatabaseFailures` turns a Cypher transaction stopped by its timeout (`LEXGRAPH_QUERY_TIMEOUT_S`,
  per statement, see `RequestContext.read`) into an error the user can act on, and a database that
  cannot be reached into `DATABASE_UNAVAILABLE` (the HTTP view answers those with 503);
- `MaskErrorsWithRequestId` masks our own failures as «Unexpected error.» with the request's id
  (`X-Request-ID`) in `extensions.requestId`, the key to the details in the server's log.

Reading is the API's only business: there is no mutation type, and every statement runs in a READ
transaction, which Neo4j refuses to write in.

    extensions=[MaskErrorsWithRequestId, *limits.extensions()]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema
from neo4j.exceptions import Neo4jError
from strawberry.extensions import MaskErrors, SchemaExtension

from lexgraph.api.checked_document import CheckedDocument
from lexgraph.api.errors import (
    DATABASE_UNAVAILABLE,
    DatabaseUnreachable,
    UserError,
    coded,
    is_database_unavailable,
    is_internal,
)
from lexgraph.api.input_bounds import READER_CHARACTERS, InputBounds
from lexgraph.api.measure import Bounds, ListSize, measure_problem, refusal_error
from lexgraph.api.observability import request_id_var
from lexgraph.config import (
    DEFAULT_CHECK_BUDGET_S,
    DEFAULT_MAX_ALIASES,
    DEFAULT_MAX_COST,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_INPUT_VALUES,
    DEFAULT_MAX_PAGE_SIZE,
    DEFAULT_MAX_TOKENS,
)

MAX_QUERY_DEPTH = DEFAULT_MAX_DEPTH
MAX_ALIASES = DEFAULT_MAX_ALIASES
MAX_TOKENS = DEFAULT_MAX_TOKENS
MAX_PAGE_SIZE = DEFAULT_MAX_PAGE_SIZE
MAX_COST = DEFAULT_MAX_COST
# The largest named document is 6 KB; 100,000 characters take the lexer about 40 ms.
MAX_DOCUMENT_CHARS = 100_000


class QueryTimedOut(UserError):
    """A statement of the request ran past the transaction timeout and was stopped."""

    code = "QUERY_TIMEOUT"


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """What one request may ask (`LEXGRAPH_MAX_DEPTH` … in `lexgraph.config`)."""

    depth: int = MAX_QUERY_DEPTH
    aliases: int = MAX_ALIASES
    tokens: int = MAX_TOKENS
    page_size: int = MAX_PAGE_SIZE
    cost: int = MAX_COST
    characters: int = MAX_DOCUMENT_CHARS
    input_values: int = DEFAULT_MAX_INPUT_VALUES
    check_budget_s: float = DEFAULT_CHECK_BUDGET_S

    def bounds(self) -> Bounds:
        return Bounds(self.depth, self.aliases, self.page_size, self.cost)

    def input_bounds(self, *, may_write: bool = False) -> InputBounds:
        """Lists hold at most a page; the token's bearer sends whole documents as text."""
        return InputBounds(
            values=self.input_values,
            list_items=self.page_size,
            characters=None if may_write else READER_CHARACTERS,
        )

    def extensions(self) -> list[Callable[[], SchemaExtension]]:
        """Parsing, validation and the limits (`CheckedDocument`), then the database's failures
        told clearly; after `MaskErrorsWithRequestId`."""
        return [lambda: CheckedDocument(self), DatabaseFailures]


DEFAULT_LIMITS = QueryLimits()


class MaskErrorsWithRequestId(MaskErrors):
    """`MaskErrors` for our own failures, telling the request id to quote when reporting it."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_internal)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        """Masks our own failures, and gives every other error a code (`errors.coded`)."""
        return [
            self.anonymise_error(error) if self.should_mask_error(error) else coded(error)
            for error in errors
        ]

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        request_id = request_id_var.get()
        if request_id is not None:
            masked.extensions = {"requestId": request_id}
        return masked


class DatabaseFailures(SchemaExtension):
    """Failures of the database that are not the user's fault, told so the user can act: a
    statement stopped by the transaction timeout (`QUERY_TIMEOUT`), or a database that cannot be
    reached (`DATABASE_UNAVAILABLE`), instead of a masked «Unexpected error.»."""

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = [_explain(error) for error in errors]  # type: ignore[union-attr]


def _explain(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    explained: UserError
    if is_database_unavailable(original):
        explained, code = DatabaseUnreachable(), DATABASE_UNAVAILABLE
    elif isinstance(original, Neo4jError) and "TimedOut" in (original.code or ""):
        explained = QueryTimedOut(
            "the query ran longer than the server allows and was stopped;"
            " ask for less (smaller `first`, fewer nested fields)"
        )
        code = "QUERY_TIMEOUT"
    else:
        return error
    return GraphQLError(
        str(explained),
        nodes=error.nodes,
        path=error.path,
        original_error=explained,
        extensions={"code": code},
    )


def query_cost_problem(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any],
    limits: QueryLimits = DEFAULT_LIMITS,
    list_size: ListSize | None = None,
) -> GraphQLError | None:
    """The error for a document over a bound of `limits` (`lexgraph.api.measure`), or None."""
    refusal = measure_problem(
        schema, document, operation_name, variables, limits.bounds(), list_size or _unknown
    )
    return None if refusal is None else refusal_error(refusal)


def _unknown(parent: str, field: str) -> int | None:
    return None
