"""Plans kept per shape of request (`lexgraph.api.compile.plans`), without Neo4j.

Each case is two requests of one document: the compiler's key for each, and each compiled on its
own. Requests that differ only in values (a number, a day, a unit cited) share the key and the
statement and bind their own parameters; requests whose variables change the selection (through
`@include` or `@skip`) or the root's lookup (an act by id or by register number) get keys of
their own, and their statements indeed differ, so one key for both would answer one with the
other's statement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from graphql import GraphQLObjectType, parse
from graphql.execution.collect_fields import collect_fields
from graphql.execution.values import get_argument_values

from lexgraph.api.compile import CompiledExecutionContext, CompiledRoot, Compiler, plans, roots
from lexgraph.api.schema import schema
from tests.api.sample_graph import TAX_CODE

DAY = dt.date(2024, 1, 1)


def planned(
    query: str, variables: dict[str, Any], operation: str | None = None
) -> tuple[Any, CompiledRoot]:
    """The plan key of the first root field of `query` (a procedure or an act) and that root
    compiled afresh, bound to the request's values."""
    graphql_schema = schema._schema
    executor = CompiledExecutionContext.build(
        graphql_schema, parse(query), raw_variable_values=variables, operation_name=operation
    )
    assert not isinstance(executor, list), executor
    root = graphql_schema.query_type
    assert isinstance(root, GraphQLObjectType)
    grouped = collect_fields(
        graphql_schema, executor.fragments, executor.variable_values, root, executor.operation
    ).grouped_field_set
    response_key, details = next(iter(grouped.items()))
    name = details[0].node.name.value
    given = get_argument_values(root.fields[name], details[0].node, executor.variable_values)
    day = given.get("asOf") or DAY
    compiler = Compiler(executor)
    if name == "procedure":
        shape: Any = ()
        asked = roots.procedure_asked(given["number"], day)
        plan = roots.procedure(compiler, root, details)
    else:
        shape, asked = roots.legal_act_asked(given, day)
        plan = roots.legal_act(compiler, root, details, shape)
    return plans.key(executor, response_key, shape), plan.bind(executor, asked)


BY_NUMBER = "query P($n: String!) { procedure(number: $n) { number title } }"
ON_A_DAY = 'query P($day: Date) { procedure(number: "15.4.1", asOf: $day) { title } }'
WHY = """
query W($n: String!, $unit: String!, $deep: Boolean!) {
  procedure(number: $n) {
    citationsOf(id: $unit, includingSubunits: $deep) { text }
  }
}"""
INCLUDE = """
query I($n: String!, $full: Boolean!) {
  procedure(number: $n) { number title @include(if: $full) regulation { title } }
}"""
SKIP_IN_FRAGMENT = """
query S($brief: Boolean!) { procedure(number: "15.4.1") { ...Page } }
fragment Page on Procedure { number regulation @skip(if: $brief) { fee { kind } } }
"""
EITHER_KEY = """
query A($id: String, $register: String) {
  legalAct(id: $id, registerNumber: $register) { title }
}"""
TWO_OPERATIONS = """
query Short { procedure(number: "15.4.1") { number } }
query Long { procedure(number: "15.4.1") { number title } }
"""

# (what differs, document, first variables, second variables, the parameter each binds anew)
SHARED: list[tuple[str, str, dict[str, Any], dict[str, Any], dict[str, tuple[Any, Any]]]] = [
    (
        "another procedure's number",
        BY_NUMBER,
        {"n": "15.4.1"},
        {"n": " 15.4.2 "},
        {"key": ("15.4.1", "15.4.2")},
    ),
    (
        "another day",
        ON_A_DAY,
        {"day": "2023-06-30"},
        {"day": "2023-07-01"},
        {"asOf": (dt.date(2023, 6, 30), dt.date(2023, 7, 1))},
    ),
    (
        "another unit cited, with or without its subunits",
        WHY,
        {"n": "15.4.1", "unit": TAX_CODE, "deep": True},
        {"n": "15.4.1", "unit": TAX_CODE + "#art_287", "deep": False},
        {"a0": (TAX_CODE, TAX_CODE + "#art_287"), "a1": (True, False)},
    ),
    (
        "a variable beside the one a directive reads",
        INCLUDE,
        {"n": "15.4.1", "full": True},
        {"n": "15.4.2", "full": True},
        {"key": ("15.4.1", "15.4.2")},
    ),
]

# (what differs, document, first variables, second variables, operations)
ONE = (None, None)
APART: list[tuple[str, str, dict[str, Any], dict[str, Any], tuple[str | None, str | None]]] = [
    ("@include's condition", INCLUDE, {"n": "1", "full": True}, {"n": "1", "full": False}, ONE),
    ("@skip's condition, in a fragment", SKIP_IN_FRAGMENT, {"brief": False}, {"brief": True}, ONE),
    ("an act by id or by register", EITHER_KEY, {"id": TAX_CODE}, {"register": "8/40012"}, ONE),
    ("another operation of the document", TWO_OPERATIONS, {}, {}, ("Short", "Long")),
]


@pytest.mark.parametrize(
    ("query", "first", "second", "bound"),
    [pytest.param(q, a, b, p, id=n) for n, q, a, b, p in SHARED],
)
def test_requests_differing_in_values_share_a_plan_and_bind_their_own(
    query: str, first: dict[str, Any], second: dict[str, Any], bound: dict[str, tuple[Any, Any]]
) -> None:
    key_a, a = planned(query, first)
    key_b, b = planned(query, second)
    assert key_a is not None
    assert key_a == key_b
    assert a.statement == b.statement
    for parameter, (value_a, value_b) in bound.items():
        assert (a.parameters[parameter], b.parameters[parameter]) == (value_a, value_b)


@pytest.mark.parametrize(
    ("query", "first", "second", "operations"),
    [pytest.param(q, a, b, o, id=n) for n, q, a, b, o in APART],
)
def test_requests_of_other_shapes_get_plans_of_their_own(
    query: str,
    first: dict[str, Any],
    second: dict[str, Any],
    operations: tuple[str | None, str | None],
) -> None:
    key_a, a = planned(query, first, operations[0])
    key_b, b = planned(query, second, operations[1])
    assert key_a is not None
    assert key_b is not None
    assert key_a != key_b
    assert a.statement != b.statement


def test_a_document_parsed_again_finds_the_same_plan() -> None:
    key_a, _ = planned(BY_NUMBER, {"n": "15.4.1"})
    key_b, _ = planned(BY_NUMBER, {"n": "15.4.1"})
    assert key_a == key_b


def test_the_least_recently_used_plan_is_dropped_first() -> None:
    kept: plans.Kept[str, int] = plans.Kept(2)
    kept.put("details", 1)
    kept.put("act", 2)
    assert kept.get("details") == 1  # used again: "act" is now the oldest
    kept.put("apostille", 3)
    assert (kept.get("act"), kept.get("details"), kept.get("apostille")) == (None, 1, 3)
    assert len(kept) == 2
