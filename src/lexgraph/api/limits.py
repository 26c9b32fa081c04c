"""What one GraphQL request may ask, and how failures are told: Strawberry's own extensions, tuned.

- depth (the schema's `QueryDepthLimiter` rule), aliases (`MaxAliasesLimiter`'s rule, made once)
  and tokens (`MaxTokensLimiter`) bound the document itself;
- `CostLimiter` bounds what it would read: every `first` at most `MAX_PAGE_SIZE`, and the fields it
  could return, each counted once per parent it may be read for (page sizes multiply down the
  selection), at most `MAX_COST`;
- `DatabaseFailures` turns a Cypher transaction stopped by its timeout (`LEXGRAPH_QUERY_TIMEOUT_S`,
  per statement, see `RequestContext.read`) into an error the user can act on, and a database that
  cannot be reached into `DATABASE_UNAVAILABLE` (the HTTP view answers those with 503);
- `MaskErrorsWithRequestId` masks our own failures as «Unexpected error.» with the request's id
  (`X-Request-ID`) in `extensions.requestId`, the key to the details in the server's log.

Reading is the API's only business: there is no mutation type, and every statement runs in a READ
transaction, which Neo4j refuses to write in.

    extensions=[
        MaskErrorsWithRequestId,
        lambda: AddValidationRules(limits.validation_rules()),  # made once, see there
        …,  # the parser and validation caches
        *limits.extensions(),
    ]
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    ListTypeNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast,
)
from graphql.validation import ASTValidationRule
from neo4j.exceptions import Neo4jError
from strawberry.extensions import MaskErrors, MaxTokensLimiter, SchemaExtension
from strawberry.extensions.max_aliases import create_validator as aliases_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

from lexgraph.api.errors import (
    DATABASE_UNAVAILABLE,
    DatabaseUnreachable,
    UserError,
    is_database_unavailable,
    is_internal,
)
from lexgraph.api.observability import request_id_var
from lexgraph.config import (
    DEFAULT_MAX_ALIASES,
    DEFAULT_MAX_COST,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_PAGE_SIZE,
    DEFAULT_MAX_TOKENS,
)

MAX_QUERY_DEPTH = DEFAULT_MAX_DEPTH
MAX_ALIASES = DEFAULT_MAX_ALIASES
MAX_TOKENS = DEFAULT_MAX_TOKENS
MAX_PAGE_SIZE = DEFAULT_MAX_PAGE_SIZE
MAX_COST = DEFAULT_MAX_COST
# A list without a `first` argument (the documents of a regulation …) is as long as the data makes
# it, not as the request asks: it counts as one item.
UNPAGED_LIST_SIZE = 1


class QueryTooExpensive(UserError):
    """The request would read more than a request may."""


class QueryTimedOut(UserError):
    """A statement of the request ran past the transaction timeout and was stopped."""


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """What one request may ask (`LEXGRAPH_MAX_DEPTH` … in `lexgraph.config`)."""

    depth: int = MAX_QUERY_DEPTH
    aliases: int = MAX_ALIASES
    tokens: int = MAX_TOKENS
    page_size: int = MAX_PAGE_SIZE
    cost: int = MAX_COST

    def validation_rules(self) -> list[type[ASTValidationRule]]:
        """Depth and aliases, as validation rules. Made once per schema, for the process:
        Strawberry's `QueryDepthLimiter` makes a new rule class per request, and the validation
        cache is keyed by the rules, so with it every request would be validated again (the
        profile of the API under load showed parsing and validation at a third of its time)."""
        return [depth_validator(self.depth, None), aliases_validator(self.aliases)]

    def extensions(self) -> list[Callable[[], SchemaExtension]]:
        """The limits that are not validation rules; after the parser and validation caches."""
        return [
            lambda: MaxTokensLimiter(max_token_count=self.tokens),
            lambda: CostLimiter(self),
            DatabaseFailures,
        ]


DEFAULT_LIMITS = QueryLimits()


class MaskErrorsWithRequestId(MaskErrors):
    """`MaskErrors` for our own failures, telling the request id to quote when reporting it."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_internal)

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


class CostLimiter(SchemaExtension):
    """Refuses, before anything runs, a page size or a cost over the limits."""

    def __init__(self, limits: QueryLimits) -> None:
        self.limits = limits

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.pre_execution_errors:
            problem = kept_cost_problem(
                context.schema._schema,
                document,
                context.operation_name,
                context.variables or {},
                self.limits,
            )
            if problem is not None:
                # Set before validation runs: Strawberry answers with these errors and stops.
                context.pre_execution_errors = [problem]
        yield


# (schema, document, operation, limits, the operation's Int variables) of the queries that passed
# → the document (kept, so that its id cannot be reused).
_passed: OrderedDict[tuple[Any, ...], DocumentNode] = OrderedDict()
MAX_PASSED = 256


def kept_cost_problem(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any],
    limits: QueryLimits = DEFAULT_LIMITS,
) -> GraphQLError | None:
    """`query_cost_problem`, worked out once per document and page sizes: the parser cache gives
    the same document for the same text, and only `Int` variables (`first`) change the cost. A
    procedure page walked its document on every request."""
    paging = tuple(
        (name, repr(variables.get(name)))
        for operation in document.definitions
        if isinstance(operation, OperationDefinitionNode)
        for definition in operation.variable_definitions or ()
        if _named_type(definition.type) == "Int"
        for name in (definition.variable.name.value,)
    )
    key = (id(schema), id(document), operation_name, limits, paging)
    kept = _passed.get(key)
    if kept is not None and kept is document:
        _passed.move_to_end(key)
        return None
    problem = query_cost_problem(schema, document, operation_name, variables, limits)
    if problem is None:  # a refusal is worked out anew: its error is the request's own
        _passed[key] = document
        if len(_passed) > MAX_PASSED:
            _passed.popitem(last=False)
    return problem


def _named_type(node: TypeNode) -> str:
    while isinstance(node, NonNullTypeNode | ListTypeNode):
        node = node.type
    assert isinstance(node, NamedTypeNode)
    return node.name.value


def query_cost_problem(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any],
    limits: QueryLimits = QueryLimits(),
) -> GraphQLError | None:
    """The error for a page too large or a query too costly, or None when it may run."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name in (None, o.name and o.name.value)]
    if len(chosen) != 1:
        return None  # validation reports a missing or ambiguous operation
    operation = chosen[0]
    root = schema.get_root_type(operation.operation)
    if root is None:
        return None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walk = _CostWalk(schema, fragments, dict(variables), limits.page_size)
    try:
        cost = walk.selection(root, operation.selection_set, 1, frozenset())
    except QueryTooExpensive as error:
        return _too_expensive(error)
    if cost > limits.cost:
        return _too_expensive(
            QueryTooExpensive(
                f"the query could read about {cost} fields, more than the {limits.cost} a request"
                " may; ask for smaller pages or fewer nested fields"
            )
        )
    return None


def _too_expensive(error: QueryTooExpensive) -> GraphQLError:
    return GraphQLError(str(error), original_error=error, extensions={"code": "TOO_EXPENSIVE"})


class _CostWalk:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.max_page_size = max_page_size

    def selection(
        self,
        parent: Any,
        selection_set: SelectionSetNode | None,
        instances: int,
        seen: frozenset[str],
    ) -> int:
        """The fields `selection_set` reads for `instances` objects of type `parent`."""
        if selection_set is None or not isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType
        ):
            return 0
        cost = 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                cost += self.field(parent, node, instances, seen)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                cost += self.selection(target, node.selection_set, instances, seen)
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                fragment = self.fragments.get(node.name.value)
                if fragment is not None:
                    target = self.schema.get_type(fragment.type_condition.name.value)
                    cost += self.selection(
                        target, fragment.selection_set, instances, seen | {node.name.value}
                    )
        return cost

    def field(self, parent: Any, node: FieldNode, instances: int, seen: frozenset[str]) -> int:
        definition: GraphQLField | None = parent.fields.get(node.name.value)
        if definition is None:
            return instances  # an unknown field: validation will say so
        size = self.page_size(definition, node)
        returned = get_nullable_type(definition.type)
        if size is None:
            # A connection's `edges` and `nodes` are the page its field's `first` already counts.
            paged = parent.name.endswith("Connection")
            size = UNPAGED_LIST_SIZE if is_list_type(returned) and not paged else 1
        children = instances * size
        inner = get_named_type(definition.type)
        return instances + self.selection(inner, node.selection_set, children, seen)

    def page_size(self, definition: GraphQLField, node: FieldNode) -> int | None:
        argument = definition.args.get("first")
        if argument is None:
            return None
        given = next((a for a in node.arguments or () if a.name.value == "first"), None)
        value = (
            value_from_ast(given.value, argument.type, self.variables)
            if given is not None
            else argument.default_value
        )
        if not isinstance(value, int):
            return None
        if not 0 <= value <= self.max_page_size:
            raise QueryTooExpensive(
                f"`first` must be between 0 and {self.max_page_size}, not {value}"
                f" (on `{node.name.value}`)"
            )
        return value
