"""Depth, aliases and cost of a document, measured once per fragment (`lexgraph.api.measure`), and
the bounds on variables (`lexgraph.api.input_bounds`): examples worked out by hand."""

from __future__ import annotations

import pytest
from graphql import parse

from bench.hostile import fragment_bomb, nested_lists
from lexgraph.api.input_bounds import InputBounds, input_problem
from lexgraph.api.measure import CAP, MAX_SAME_NAME, Bounds, Refusal, measure_problem, refusal_error
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


def test_depth_is_that_of_the_longest_chain_of_fields_with_a_selection() -> None:
    # A leaf adds no depth: `procedure { regulation { title } }` is 2 deep.
    query = 'query Chain { procedure(number: "1") { regulation { title } } }'
    assert refusal(query, Bounds(depth=2, aliases=30, page_size=100, cost=100)) is None
    assert refusal(query, Bounds(depth=1, aliases=30, page_size=100, cost=100)) == Refusal(
        "TOO_DEEP", "'Chain' exceeds maximum operation depth of 1"
    )


def test_too_many_aliases_are_told_with_their_count() -> None:
    # Three in a page of three: what a page holds counts once for each item.
    query = "{ procedures(first: 3) { t: totalCount } }"
    assert refusal(query, Bounds(depth=5, aliases=3, page_size=100, cost=100)) is None
    assert refusal(query, Bounds(depth=5, aliases=2, page_size=100, cost=100)) == Refusal(
        "TOO_MANY_ALIASES",
        "3 aliases (a fragment counts as often as it is read), more than the 2 a request may have",
    )


def test_counts_past_the_cap_are_told_as_the_cap_or_more() -> None:
    found = refusal(fragment_bomb(60), Bounds(depth=100, aliases=10**18, page_size=100, cost=50))
    assert found is not None
    assert f"about {CAP} or more fields" in found.message


def test_introspection_has_no_depth_but_its_fields_and_aliases_count() -> None:
    query = "{ s: __schema { t: types { n: name } } }"
    assert cost_of(query) == 3
    assert refusal(query, Bounds(depth=0, aliases=3, page_size=100, cost=100)) is None
    found = refusal(query, Bounds(depth=0, aliases=2, page_size=100, cost=100))
    assert found is not None
    assert found.message.startswith("3 aliases")


def test_a_connections_items_are_counted_by_its_first_whatever_the_graph_holds() -> None:
    query = "{ procedures(first: 10) { nodes { number } } }"

    def every_list_holds_a_thousand(parent: str, field: str) -> int:
        return 1000

    bounds = Bounds(depth=5, aliases=30, page_size=100, cost=21)
    assert (
        measure_problem(SCHEMA, parse(query), None, {}, bounds, every_list_holds_a_thousand) is None
    )


def test_a_page_size_left_out_is_its_default_and_zero_is_a_page_size() -> None:
    # `procedures` reads 20 by default: 1 + 20 × (nodes 1 + number 1).
    assert cost_of("{ procedures { nodes { number } } }") == 1 + 20 * 2
    assert cost_of("{ procedures(first: 0) { totalCount } }") == 1


def test_a_field_may_be_asked_fifty_times_in_one_selection_not_more() -> None:
    def asked(times: int, also_inline: int = 0) -> str:
        fields, inline = " number" * times, " number" * also_inline
        return '{ procedure(number: "1") {' + fields + " ... {" + inline + " } } }"

    assert refusal(asked(MAX_SAME_NAME)) is None
    refused = Refusal(
        "TOO_COMPLEX",
        "`number` is asked more than 50 times in one selection;"
        " ask for it once (with aliases where the arguments differ)",
    )
    assert refusal(asked(MAX_SAME_NAME + 1)) == refused
    # An inline fragment's fields merge into the selection around it.
    assert refusal(asked(30, also_inline=21)) == refused
    # Fifty-one different names are fifty-one fields.
    many = " ".join(f"a{i}: apiVersion" for i in range(MAX_SAME_NAME + 1))
    assert refusal("{ " + many + " }") is None


def test_an_inline_fragment_is_measured_on_its_type() -> None:
    # `node` is an interface without `regulation`; on Procedure, `regulation` is a field of its
    # own, one level deeper: `node { regulation { title } }` is 2 deep.
    query = '{ node(id: "x") { ... on Procedure { regulation { title } } } }'
    assert cost_of(query) == 3
    assert refusal(query, Bounds(depth=2, aliases=30, page_size=100, cost=100)) is None
    found = refusal(query, Bounds(depth=1, aliases=30, page_size=100, cost=100))
    assert found is not None
    assert found.code == "TOO_DEEP"


def test_a_refusal_is_the_requests_error_with_its_code() -> None:
    error = refusal_error(Refusal("TOO_DEEP", "too deep"))
    assert (error.message, error.extensions) == ("too deep", {"code": "TOO_DEEP"})


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
