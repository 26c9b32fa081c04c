"""Depth, aliases and cost of a document, measured once per fragment (`lexgraph.api.measure`), and
the bounds on variables (`lexgraph.api.input_bounds`): examples worked out by hand."""

from __future__ import annotations

import pytest
from graphql import parse

from bench.hostile import fragment_bomb, nested_lists
from lexgraph.api.input_bounds import InputBounds, input_problem
from lexgraph.api.measure import Bounds, Refusal, measure_problem
from lexgraph.api.schema import schema

SCHEMA = schema._schema
GENEROUS = Bounds(depth=50, aliases=1000, page_size=100, cost=10**9)


def cost_of(query: str, sizes: dict[tuple[str, str], int] | None = None) -> int:
    """The cost the measure gives `query`: the smallest limit it passes."""
    document = parse(query)
    low, high = 0, 10**9
    while low < high:
        middle = (low + high) // 2
        bounds = Bounds(depth=50, aliases=1000, page_size=100, cost=middle)
        refusal = measure_problem(
            SCHEMA, document, None, {}, bounds, lambda p, f: (sizes or {}).get((p, f))
        )
        if refusal is None:
            high = middle
        else:
            low = middle + 1
    return low


def refusal(query: str, bounds: Bounds = GENEROUS, **variables: object) -> Refusal | None:
    return measure_problem(SCHEMA, parse(query), None, variables, bounds)


def test_a_field_costs_one_and_its_page_multiplies_what_it_holds() -> None:
    assert cost_of("{ apiVersion }") == 1
    # procedures (1) + 10 pages' worth of what it holds: totalCount, nodes, number
    assert cost_of("{ procedures(first: 10) { totalCount nodes { number } } }") == 1 + 10 * 3


def test_a_fragment_costs_once_for_every_place_it_is_read() -> None:
    once = cost_of('{ procedure(number: "1") { ...P } } fragment P on Procedure { number title }')
    twice = cost_of(
        '{ a: procedure(number: "1") { ...P } b: procedure(number: "2") { ...P } }'
        " fragment P on Procedure { number title }"
    )
    paged = cost_of(
        "{ procedures(first: 10) { nodes { ...P } } } fragment P on Procedure { number title }"
    )
    assert once == 3
    assert twice == 6
    assert paged == 1 + 10 * (1 + 2)


def test_an_unpaged_list_counts_as_many_items_as_the_graph_says_it_can_hold() -> None:
    query = '{ procedure(number: "1") { authorities { name } } }'
    assert cost_of(query) == 3  # statistics unknown: one item
    assert cost_of(query, {("Procedure", "authorities"): 7}) == 1 + 1 + 7 * 1


def test_nested_unpaged_lists_grow_by_their_bounds_at_every_level() -> None:
    sizes = {("Procedure", "authorities"): 3, ("Authority", "procedures"): 40}
    costs = [cost_of(nested_lists(levels), sizes) for levels in (1, 2, 3)]
    # `authorities { name procedures { number INNER } }`, INNER being `number` at the bottom:
    # A(1) = 1 + 3 × (1 + 1 + 40 × (1 + 1)) = 247, A(k) = 1 + 3 × (2 + 40 × (1 + A(k - 1))),
    # and the query reads `procedure` (1) around it.
    assert costs == [248, 29_768, 3_572_168]


def test_a_fragment_bomb_is_refused_without_expanding_it() -> None:
    # Expanded, it would be 2^40 fields: the walk would never end.
    found = refusal(fragment_bomb(40), Bounds(depth=12, aliases=30, page_size=100, cost=50_000))
    assert found is not None
    assert found.code == "TOO_EXPENSIVE"


def test_depth_counts_fields_inside_fragments_where_they_are_spread() -> None:
    query = (
        '{ procedure(number: "1") { ...R } }'
        " fragment R on Procedure { regulation { procedure { regulation { number } } } }"
    )
    shallow = Bounds(depth=3, aliases=30, page_size=100, cost=10**6)
    deep_enough = Bounds(depth=4, aliases=30, page_size=100, cost=10**6)
    found = refusal(query, shallow)
    assert found == Refusal("TOO_DEEP", "'anonymous' exceeds maximum operation depth of 3")
    assert refusal(query, deep_enough) is None


def test_aliases_in_a_fragment_count_every_time_it_is_read() -> None:
    query = (
        "{ ...A ...B } fragment A on Query { x: apiVersion y: apiVersion }"
        " fragment B on Query { ...A ...A }"
    )
    assert refusal(query, Bounds(depth=5, aliases=6, page_size=100, cost=100)) is None
    found = refusal(query, Bounds(depth=5, aliases=5, page_size=100, cost=100))
    assert found is not None
    assert found.code == "TOO_MANY_ALIASES"


def test_a_fragment_cycle_is_left_to_validation() -> None:
    query = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A apiVersion }"
    assert refusal(query) is None  # NoFragmentCycles refuses it, with its own message


def test_a_page_over_the_largest_is_refused_wherever_it_is_given() -> None:
    query = "query Q($n: Int!) { procedures(first: $n) { totalCount } }"
    found = refusal(query, n=101)
    assert found == Refusal(
        "PAGE_TOO_LARGE", "`first` must be between 0 and 100, not 101 (on `procedures`)"
    )


def test_only_the_operation_asked_for_is_costed() -> None:
    query = (
        "query Cheap { apiVersion }"
        " query Dear { procedures(first: 100) { nodes { number title } } }"
    )
    bounds = Bounds(depth=12, aliases=30, page_size=100, cost=50)
    assert measure_problem(SCHEMA, parse(query), "Cheap", {}, bounds) is None
    dear = measure_problem(SCHEMA, parse(query), "Dear", {}, bounds)
    assert dear is not None
    assert dear.code == "TOO_EXPENSIVE"


# The variables


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"f": {"or": [{"number": "1"}] * 101}}, "$f.or lists 101 items, more than the 100"),
        (
            {"f": {"not": {"not": {"not": {"number": "1"}}}}},
            "$f.not.not.not nests objects and lists more than 3 deep",
        ),
        ({"a": list(range(60)), "b": list(range(60))}, "more than 100 values"),
        ({"text": "x" * 1001}, "more than 1000 characters of text"),
        ({"wide": {f"k{i}": i for i in range(200)}}, "more than 100 values"),
    ],
    ids=["list", "depth", "values", "text", "object"],
)
def test_variables_over_a_bound_are_refused_naming_it(
    variables: dict[str, object], message: str
) -> None:
    bounds = InputBounds(values=100, depth=3, list_items=100, characters=1000)
    found = input_problem(variables, bounds)
    assert found is not None
    assert found.code == "INPUT_TOO_LARGE"
    assert message in found.message


def test_variables_within_the_bounds_pass() -> None:
    bounds = InputBounds(values=100, depth=4, list_items=100, characters=1000)
    filter_ = {"or": [{"number": "15.4.1"}, {"fee": {"max": 1}}], "not": {"text": "паспорт"}}
    assert input_problem({"f": filter_, "first": 20}, bounds) is None
    assert input_problem(None, bounds) is None
    assert input_problem({"text": "x" * 5000}, InputBounds(characters=None)) is None


def test_twenty_thousand_conditions_are_refused_at_the_first_list() -> None:
    variables = {"f": {"or": [{"number": "1"}] * 20_000}}
    found = input_problem(variables, InputBounds())
    assert found is not None
    assert "20000 items" in found.message


SMALL = InputBounds(values=4, depth=2, list_items=3, characters=5)


@pytest.mark.parametrize(
    ("at_the_bound", "over_it", "message"),
    [
        (
            {"a": 1, "b": 2, "c": 3, "d": 4},
            {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5},
            "more than 4 values in the variables",
        ),
        (
            {"a": "abc", "b": "de"},
            {"a": "abc", "b": "def"},
            "more than 5 characters of text in the variables",
        ),
        (
            {"l": [1, 2, 3]},
            {"l": [1, 2, 3, 4]},
            "$l lists 4 items, more than the 3 a list may hold",
        ),
        ({"l": [[1]]}, {"l": [[[1]]]}, "$l[0][0] nests objects and lists more than 2 deep"),
    ],
    ids=["values", "characters", "list items", "depth of lists"],
)
def test_each_bound_holds_what_it_says_and_not_one_more(
    at_the_bound: dict[str, object], over_it: dict[str, object], message: str
) -> None:
    assert input_problem(at_the_bound, SMALL) is None
    assert input_problem(over_it, SMALL) == Refusal(
        "INPUT_TOO_LARGE", "the request's variables are too large: " + message
    )


def test_the_first_bound_passed_is_the_one_named() -> None:
    # The second value already holds too much text; a third value would pass the count.
    found = input_problem({"o": {"a": 1, "b": "nine char"}}, InputBounds(values=2, characters=3))
    assert found is not None
    assert found.message.endswith("more than 3 characters of text in the variables")


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("k" * 40, "k" * 40),
        ("0123456789" * 4 + "X", "0123456789" * 4 + "…"),
    ],
    ids=["40 characters", "41 characters"],
)
def test_a_long_key_is_named_by_its_first_40_characters(key: str, shown: str) -> None:
    found = input_problem({"o": {key: [1, 2, 3, 4]}}, SMALL)
    assert found is not None
    assert f"$o.{shown} lists 4 items" in found.message
