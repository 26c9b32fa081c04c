"""Compiled plans kept per shape of request, so that a selection is compiled once, not per request.

Compiling a page's selection (collecting its fields through fragments and directives, building
the unwrap's conversions) took about a quarter of a request's time, and gives the same statement
for every request that asks the same thing. A plan (`roots.Plan`) is kept under what decides its
Cypher text, and nothing else:

- the schema, the document's text and the operation's name: the selection, its fragments, its
  aliases and its literal arguments;
- the root field's response key in it;
- the values of the variables any directive reads (`@include(if: $x)`, `@skip`, `@defer`): they
  decide which fields are collected;
- the root field's shape (`roots`): which key an act is looked up by, the filter's Cypher.

Every other value (a procedure's number, the day asked, a page's cursor, a filter's values, an
argument below the root) is a parameter, which each request brings and binds anew
(`Plan.bind`). A request whose key cannot be made (a document without its source text, a
directive's value that is no plain value, fragment variables) is compiled for itself alone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

from graphql import DirectiveNode, Visitor, visit
from graphql.language import VariableNode

from lexgraph.api.compile.project import Operation, Refused

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Plans kept: each is a statement and its unwrap's conversions, tens of kilobytes for a page.
PLANS_KEPT = 512


class Kept(Generic[K, V]):
    """At most `size` values, the least recently used dropped first; lookups counted (hits,
    misses), for `/metrics`: a hit rate that stays low says the plans kept are too few for the
    shapes clients ask, and each miss costs a compilation."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: K) -> V | None:
        found = self._values.get(key)
        if found is not None:
            self._values.move_to_end(key)
            self.hits += 1
        else:
            self.misses += 1
        return found

    def put(self, key: K, value: V) -> None:
        self._values[key] = value
        self._values.move_to_end(key)
        while len(self._values) > self.size:
            self._values.popitem(last=False)

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


plans: Kept[tuple[Any, ...], Any] = Kept(PLANS_KEPT)
"""Plans (`roots.Plan`), or the `Refused` a shape always gets, by `key`."""
_directive_variables: Kept[tuple[str, str | None], tuple[str, ...]] = Kept(PLANS_KEPT)


class _InDirectives(Visitor):
    """The names of the variables read inside directives' arguments."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.depth = 0

    def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
        self.depth += 1

    def leave_directive(self, node: DirectiveNode, *_: Any) -> None:
        self.depth -= 1

    def enter_variable(self, node: VariableNode, *_: Any) -> None:
        if self.depth:
            self.names.add(node.name.value)


def directive_variables(operation: Operation, source: str) -> tuple[str, ...]:
    """The variables the operation's directives read, through its fragments (kept per
    document)."""
    name = operation.operation.name.value if operation.operation.name else None
    found = _directive_variables.get((source, name))
    if found is None:
        visitor = _InDirectives()
        visit(operation.operation, visitor)
        for fragment in operation.fragments.values():
            if fragment.variable_signatures or fragment.definition.variable_definitions:
                raise Refused("fragment variables")
            visit(fragment.definition, visitor)
        found = tuple(sorted(visitor.names))
        _directive_variables.put((source, name), found)
    return found


def key(operation: Operation, response_key: str, shape: Hashable) -> tuple[Any, ...] | None:
    """What decides the Cypher of the root field at `response_key` (see the module); None when
    it cannot be told."""
    location = operation.operation.loc
    if location is None:
        return None
    source = location.source.body
    try:
        variables = directive_variables(operation, source)
    except Refused:
        return None
    coerced = operation.variable_values.coerced
    decided = tuple((name, coerced.get(name)) for name in variables)
    name = operation.operation.name.value if operation.operation.name else None
    found = (operation.schema, source, name, response_key, decided, shape)
    try:
        hash(found)
    except TypeError:  # a directive's value that is a list or an object
        return None
    return found
