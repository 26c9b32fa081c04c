"""How deep, how aliased and how costly a GraphQL document is, in time linear in its text.

A named fragment may be spread many times, and each fragment may spread others: forty fragments,
each spreading the next twice, stand for 2^40 fields in 1.6 KB. Walking the spreads expands that
tree (Strawberry's `QueryDepthLimiter` and `MaxAliasesLimiter` do, and held the event loop until
the process was killed). Here every fragment is measured once, per instance of its parent, and a
spread reuses the measure: depth is the fragment's own depth added where it is spread, aliases
and cost are multiplied by how many times (and for how many parents) it is read. Numbers are
capped at `CAP`, so the arithmetic stays small whatever the document says.

Pure: schema and document in, a `Refusal` or None out; `lexgraph.api.limits` turns a refusal
into the request's error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast,
)

UNPAGED_LIST_SIZE = 1
"""A list without `first` whose length the graph's statistics do not bound (lists of strings on
one node): one item."""

TOO_DEEP = "TOO_DEEP"
TOO_COMPLEX = "TOO_COMPLEX"

MAX_SAME_NAME = 50
"""Fields of one response name merged into one selection set: validation compares them pairwise
(300 of them took 1.5 s); a real query asks for a field once or twice."""

CAP = 10**15

ListSize = Callable[[str, str], int | None]
"""The most items an unpaged list field (parent type, field) can return, None when unknown."""


@dataclass(frozen=True, slots=True)
class Bounds:
    """What one operation may ask: depth of fields, aliases, page size and fields read."""

    depth: int
    aliases: int
    page_size: int
    cost: int


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a document may not run: the `extensions.code` and the message for the user."""

    code: str
    message: str


class _Refused(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal


@dataclass(slots=True)
class _Measure:
    """Of a selection set, for one instance of its parent: the deepest field chain, the aliases
    and the fields read."""

    depth: int = 0
    aliases: int = 0
    cost: int = 0


@dataclass
class _Walk:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    bounds: Bounds
    list_size: ListSize
    measured: dict[str, _Measure] = field(default_factory=dict)
    in_progress: set[str] = field(default_factory=set)

    def capped(self, value: int) -> int:
        """Counts stop at `CAP`: a bomb's 2^40 stays a small number, and a refusal can still
        tell how far over the limit a request is."""
        return min(value, CAP)

    def selection(
        self,
        parent: Any,
        selection_set: SelectionSetNode | None,
        names: Counter[str] | None = None,
    ) -> _Measure:
        """`names` counts the response names of the fields merged into one selection set (its
        own and its inline fragments'): graphql-core's rule that they can be merged compares
        the fields of one name pairwise."""
        total = _Measure()
        if selection_set is None:
            return total
        names = Counter() if names is None else names
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                name = (node.alias or node.name).value
                names[name] += 1
                if names[name] > MAX_SAME_NAME:
                    raise _Refused(
                        Refusal(
                            TOO_COMPLEX,
                            f"`{name}` is asked more than {MAX_SAME_NAME} times in one selection;"
                            " ask for it once (with aliases where the arguments differ)",
                        )
                    )
                part = self.field(parent, node)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                part = self.selection(target, node.selection_set, names)
            elif isinstance(node, FragmentSpreadNode):
                part = self.fragment(node.name.value)
            else:  # pragma: no cover - graphql-core has no other selection
                continue
            total.depth = max(total.depth, part.depth)
            total.aliases = self.capped(total.aliases + part.aliases)
            total.cost = self.capped(total.cost + part.cost)
        return total

    def fragment(self, name: str) -> _Measure:
        known = self.measured.get(name)
        if known is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return _Measure()  # unknown or cyclic: validation refuses the document
        self.in_progress.add(name)
        target = self.schema.get_type(definition.type_condition.name.value)
        measure = self.selection(target, definition.selection_set)
        self.in_progress.discard(name)
        self.measured[name] = measure
        return measure

    def field(self, parent: Any, node: FieldNode) -> _Measure:
        alias = 1 if node.alias is not None else 0
        fields = getattr(parent, "fields", None) if _has_fields(parent) else None
        definition: GraphQLField | None = fields.get(node.name.value) if fields else None
        if definition is None:
            # `__typename`, introspection, or an unknown field (validation says so): no depth,
            # as Strawberry counted (introspection is as deep as the schema); its aliases and
            # fields still count, or aliased `__schema`s would each read the whole schema.
            inner = self.selection(None, node.selection_set)
            return _Measure(0, self.capped(alias + inner.aliases), self.capped(1 + inner.cost))
        size = self.page_size(definition, node)
        if size is None:
            returned = get_nullable_type(definition.type)
            if not is_list_type(returned) or parent.name.endswith("Connection"):
                size = 1  # one object, or a connection's page its field's `first` counted
            else:
                known = self.list_size(parent.name, node.name.value)
                size = UNPAGED_LIST_SIZE if known is None else max(known, UNPAGED_LIST_SIZE)
        inner = self.selection(get_named_type(definition.type), node.selection_set)
        depth = inner.depth + 1 if node.selection_set is not None else 0
        return _Measure(
            depth=depth,
            aliases=self.capped(alias + size * inner.aliases),
            cost=self.capped(1 + size * inner.cost),
        )

    def page_size(self, definition: GraphQLField, node: FieldNode) -> int | None:
        argument = definition.args.get("first")
        if argument is None:
            return None
        given = next((a for a in node.arguments or () if a.name.value == "first"), None)
        value = (
            value_from_ast(given.value, argument.type, dict(self.variables))
            if given is not None
            else argument.default_value
        )
        if not isinstance(value, int):
            return None  # not an Int: validation or coercion says so
        if not 0 <= value <= self.bounds.page_size:
            raise _Refused(
                Refusal(
                    "PAGE_TOO_LARGE",
                    f"`first` must be between 0 and {self.bounds.page_size}, not {value}"
                    f" (on `{node.name.value}`)",
                )
            )
        return value


def _has_fields(parent: Any) -> bool:
    return isinstance(parent, GraphQLObjectType | GraphQLInterfaceType)


def measure_problem(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any],
    bounds: Bounds,
    list_size: ListSize = lambda parent, name: None,
) -> Refusal | None:
    """The first bound the document passes, or None. Depth and aliases are judged over every
    operation of the document (as the validation rules they replace did); page sizes and cost
    over the operation the request runs (none, when validation will find it missing)."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name in (None, o.name and o.name.value)]
    walk = _Walk(schema, fragments, variables, bounds, list_size)
    aliases = 0
    try:
        for operation in operations:
            measure = walk.selection(
                schema.get_root_type(operation.operation), operation.selection_set
            )
            if measure.depth > bounds.depth:
                name = operation.name.value if operation.name else "anonymous"
                return Refusal(
                    TOO_DEEP, f"'{name}' exceeds maximum operation depth of {bounds.depth}"
                )
            aliases = walk.capped(aliases + measure.aliases)
            if aliases > bounds.aliases:
                return Refusal(
                    "TOO_MANY_ALIASES",
                    f"{_count(aliases)} aliases (a fragment counts as often as it is read),"
                    f" more than the {bounds.aliases} a request may have",
                )
            if chosen == [operation] and measure.cost > bounds.cost:
                return Refusal(
                    "TOO_EXPENSIVE",
                    f"the query could read about {_count(measure.cost)} fields, more than the"
                    f" {bounds.cost} a request may; ask for smaller pages or fewer nested fields",
                )
    except _Refused as refused:
        return refused.refusal
    return None


def _count(value: int) -> str:
    return str(value) if value < CAP else f"{CAP} or more"


def refusal_error(refusal: Refusal) -> GraphQLError:
    """The refusal as the request's error, with its code."""
    return GraphQLError(refusal.message, extensions={"code": refusal.code})
