"""The bounds of unpaged list fields (`lexgraph.graph.list_bounds`): read right from graphs built
by hand, never below what the API returns, and kept for every such field of the schema."""

from __future__ import annotations

from typing import Any, LiteralString

import pytest
from graphql import (
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
    is_list_type,
)
from neo4j import AsyncDriver
from strawberry import relay

from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema, schema_with_writes
from lexgraph.config import Settings
from lexgraph.graph.list_bounds import (
    BOUNDED_ELSEWHERE,
    LIST_BOUNDS,
    LIST_BOUNDS_STATEMENT,
    Bound,
    Degree,
    Nodes,
    Product,
    Walk,
    list_bounds_of,
    read_list_bounds,
)
from tests.graphs import load_sample_graph

# ---------------------------------------------------------------------------------------------
# Every unpaged list of objects is bounded here or said to be bounded elsewhere


def _unpaged_object_lists(graphql_schema: GraphQLSchema) -> set[tuple[str, str]]:
    """The fields returning a list of objects without `first` (a connection's own lists are its
    page, counted by the field that asked for it)."""
    found: set[tuple[str, str]] = set()
    for name, named in graphql_schema.type_map.items():
        if name.startswith("__") or name.endswith("Connection"):
            continue
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            continue
        for field_name, field in named.fields.items():
            returned = get_nullable_type(field.type)
            if not is_list_type(returned) or "first" in field.args:
                continue
            item: GraphQLNamedType = get_named_type(field.type)
            if not is_leaf_type(item):
                found.add((name, field_name))
    return found


def test_every_unpaged_list_of_objects_is_bounded_or_excluded() -> None:
    fields = _unpaged_object_lists(schema_with_writes._schema)
    assert _unpaged_object_lists(schema._schema) <= fields
    forgotten = fields - set(LIST_BOUNDS) - set(BOUNDED_ELSEWHERE)
    assert not forgotten, (
        f"bound these in LIST_BOUNDS, or say why not in BOUNDED_ELSEWHERE: {forgotten}"
    )
    assert not set(LIST_BOUNDS) & set(BOUNDED_ELSEWHERE)
    stale = (set(LIST_BOUNDS) | set(BOUNDED_ELSEWHERE)) - fields
    assert not stale, f"no such unpaged list of objects in the schema: {stale}"


def test_rows_become_bounds_and_a_missing_label_bounds_by_zero() -> None:
    table: dict[tuple[str, str], Bound] = {
        ("Authority", "procedures"): Degree("Authority", "<-[:HANDLED_BY]-"),
        ("Authority", "acts"): Degree("Authority", "<-[:ISSUED_BY]-"),
        ("Registry", "procedures"): Walk("Registry", "(n)<-[:RECORDED_IN]-()"),
        ("Query", "authorities"): Nodes("Authority"),
    }
    bounds = list_bounds_of(
        [("Authority", [3, None]), ("count(Authority)", [2]), ("Other", [9])], table
    )
    assert bounds.size("Authority", "procedures") == 3
    assert bounds.size("Authority", "acts") == 0  # null: no node has one
    assert bounds.size("Registry", "procedures") == 0  # no row: no registry
    assert bounds.size("Query", "authorities") == 2
    assert bounds.size("Authority", "sources") is None


# ---------------------------------------------------------------------------------------------
# Read from graphs built by hand


async def _write(driver: AsyncDriver, settings: Settings, statement: LiteralString) -> None:
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run(statement)).consume()


@pytest.mark.neo4j
async def test_an_empty_graph_bounds_every_field_by_zero(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    bounds = await read_list_bounds(empty_graph, settings.neo4j_database)
    assert {key: bounds.size(*key) for key in LIST_BOUNDS} == dict.fromkeys(LIST_BOUNDS, 0)
    assert bounds.size("Authority", "sources") is None


@pytest.mark.neo4j
async def test_a_degree_bound_is_the_most_any_node_has(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    # Authority a handles three procedures, b one of them, and b a fourth no longer (archived:
    # still counted, so the bound holds on every version of the graph).
    await _write(
        empty_graph,
        settings,
        "CREATE (a:Authority {id: 'a'}), (b:Authority {id: 'b'}),"
        " (p1:Procedure {id: 'p1'}), (p2:Procedure {id: 'p2'}), (p3:Procedure {id: 'p3'}),"
        " (p4:Procedure {id: 'p4'}),"
        " (p1)-[:HANDLED_BY]->(a), (p2)-[:HANDLED_BY]->(a), (p3)-[:HANDLED_BY]->(a),"
        " (p3)-[:HANDLED_BY]->(b), (p4)-[:HANDLED_BY {validTo: date('2024-01-01')}]->(b)",
    )
    bounds = await read_list_bounds(empty_graph, settings.neo4j_database)
    assert bounds.size("Authority", "procedures") == 3
    assert bounds.size("Procedure", "authorities") == 2  # p3
    assert bounds.size("Authority", "acts") == 0
    assert bounds.size("Query", "authorities") == 2
    assert bounds.size("Query", "legalActs") == 0


@pytest.mark.neo4j
async def test_lists_of_several_hops_are_counted_along_them(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    await _write(
        empty_graph,
        settings,
        # Regulation r1 of procedures p1 and p2 records in registry g and requests from it; r2
        # of p2 records in it too: two procedures, each once.
        "CREATE (g:Registry {id: 'g'}),"
        " (p1:Procedure {id: 'p1'}), (p2:Procedure {id: 'p2'}),"
        " (r1:Regulation {id: 'r1'})-[:REGULATES]->(p1), (r1)-[:REGULATES]->(p2),"
        " (r2:Regulation {id: 'r2'})-[:REGULATES]->(p2),"
        " (r1)-[:RECORDED_IN]->(g), (r2)-[:RECORDED_IN]->(g),"
        " (r1)-[:REQUESTS]->(i:RequestedInformation {id: 'i'})-[:REQUESTED_FROM]->(g),"
        # r1 cites two units itself, its document one (and one it could not resolve), its
        # fee's benefit one: four citations; r2 one, through its document.
        " (t:LegalAct {id: 't'}), (u:Provision {id: 'u'})-[:PART_OF]->(t),"
        " (v:Provision {id: 'v'})-[:PART_OF]->(u), (w:Provision {id: 'w'})-[:PART_OF]->(v),"
        " (r1)-[:CITES]->(u), (r1)-[:CITES]->(v),"
        " (r1)-[:REQUIRES]->(d1:DocumentRequirement {id: 'd1'})-[:CITES]->(w),"
        " (r1)-[:CHARGES]->(f:Fee {id: 'f'})-[:HAS_BENEFIT]->(b:Benefit {id: 'b'})-[:CITES]->(t),"
        " (r2)-[:REQUIRES]->(d2:DocumentRequirement {id: 'd2'})-[:CITES]->(t),"
        " (r2)-[:REQUIRES]->(:DocumentRequirement {id: 'd3'}),"
        " (d1)-[:CITES_UNRESOLVED]->(:UnresolvedCitation {id: 'x'})",
    )
    bounds = await read_list_bounds(empty_graph, settings.neo4j_database)
    assert bounds.size("Registry", "procedures") == 2
    assert bounds.size("Regulation", "citations") == 4  # r1
    assert bounds.size("Regulation", "unresolvedCitations") == 1  # r1, through d1
    # p2 has two regulations: at most 2 × 4 citations, 2 × 2 documents (it has 3).
    assert bounds.size("Procedure", "citationsOf") == 8
    assert bounds.size("ElectronicAvailability", "regulationDocuments") == 4
    assert bounds.size("Regulation", "documents") == 2  # r2
    assert bounds.size("Provision", "ancestors") == 3  # w: v, u, t
    assert bounds.size("Provision", "children") == 1
    assert bounds.size("LegalAct", "children") == 1


@pytest.mark.neo4j
async def test_one_hop_bounds_are_read_from_the_degree_store(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    """A degree costs a lookup per node, never an expand over its relationships: however many
    procedures an authority handles, reading the bound touches the authority alone."""
    one_hop = {f for f in _factors() if isinstance(f, Degree)}
    assert len(one_hop) >= 30
    async with empty_graph.session(database=settings.neo4j_database) as session:
        for bound in one_hop:
            result = await session.run(
                "EXPLAIN MATCH (n:" + bound.label + ") RETURN max(" + bound.count + ")"
            )
            plan = (await result.consume()).plan
            assert plan is not None
            operators = _operators(plan)
            assert not [o for o in operators if "Expand" in o], (bound, operators)
            assert "getDegree" in str(plan), bound


def _operators(plan: dict[str, Any]) -> list[str]:
    return [str(plan["operatorType"])] + [
        o for child in plan.get("children", []) for o in _operators(child)
    ]


def _factors() -> list[Degree | Walk | Nodes]:
    """What the statement reads for the table: each bound, or each factor of a product."""
    return [
        factor
        for bound in LIST_BOUNDS.values()
        for factor in (bound.factors if isinstance(bound, Product) else (bound,))
    ]


def test_one_statement_scans_each_label_once() -> None:
    # One branch per label (its degrees and walks together), one per node count; nothing of a
    # request or of the data in it: the same text for any graph, built once from the table.
    branches = {(isinstance(f, Nodes), f.label) for f in _factors()}
    assert LIST_BOUNDS_STATEMENT.count(" UNION ALL ") + 1 == len(branches)
    for _, label in branches:
        assert LIST_BOUNDS_STATEMENT.count("MATCH (n:" + label + ")") <= 2  # its counts, its nodes
    assert "$" not in LIST_BOUNDS_STATEMENT


# ---------------------------------------------------------------------------------------------
# Never below what the API returns: every field, for every node of the sample graph

# How to ask each parent type's fields: for node types, `node(id:)` of every node of that label;
# the procedure's `electronicAvailability` below each procedure; the root lists from `Query`.
_BELOW: dict[str, tuple[str, str]] = {
    "ElectronicAvailability": ("Procedure", "electronicAvailability")
}


@pytest.mark.neo4j
async def test_no_field_returns_more_than_its_bound_on_the_sample_graph(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    await load_sample_graph(empty_graph, database)
    bounds = await read_list_bounds(empty_graph, database)

    async def execute(query: str, **variables: Any) -> Any:
        context = RequestContext(driver=empty_graph, settings=settings)
        result = await schema.execute(query, variable_values=variables, context_value=context)
        assert not result.errors, result.errors
        return result.data

    records, _, _ = await empty_graph.execute_query(
        "MATCH (n) WHERE n.validTo IS NULL RETURN head(labels(n)) AS label, n.id AS id",
        database_=database,
    )
    ids: dict[str, list[str]] = {}
    for record in records:
        ids.setdefault(record["label"], []).append(record["id"])
    units = ids.get("LegalAct", []) + ids.get("Provision", [])

    most: dict[tuple[str, str], int] = dict.fromkeys(LIST_BOUNDS, 0)
    root = " ".join(
        f"{field} {{ __typename }}" for parent, field in LIST_BOUNDS if parent == "Query"
    )
    for field, items in (await execute("{ " + root + " }")).items():
        most["Query", field] = len(items)
    parents = {parent for parent, _ in LIST_BOUNDS if parent != "Query"}
    for parent in sorted(parents):
        label, wrapper = _BELOW.get(parent, (parent, ""))
        fields = [f for p, f in LIST_BOUNDS if p == parent and f != "citationsOf"]
        selection = " ".join(f"{f} {{ __typename }}" for f in fields)
        if wrapper:
            selection = f"{wrapper} {{ {selection} }}"
        for node_id in ids.get(label, []):
            data = await execute(
                f"query($id: ID!) {{ node(id: $id) {{ ... on {label} {{ {selection} }} }} }}",
                id=str(relay.GlobalID(label, node_id)),
            )
            answer = data["node"][wrapper] if wrapper else data["node"]
            for field in fields:
                most[parent, field] = max(most[parent, field], len(answer[field]))
    # `citationsOf` for every act and unit a procedure may cite, with and without sub-units.
    # Ten units a request (aliases are bounded), each with and without its sub-units.
    for node_id in ids.get("Procedure", []):
        for start in range(0, len(units), 10):
            chosen = units[start : start + 10]
            aliases = " ".join(
                f"u{i}{subunits}: citationsOf(id: $u{i}, includingSubunits: {subunits})"
                " { __typename }"
                for i in range(len(chosen))
                for subunits in ("true", "false")
            )
            declared = "".join(f", $u{i}: String!" for i in range(len(chosen)))
            data = await execute(
                f"query($id: ID!{declared}) {{ node(id: $id) {{ ... on Procedure {{ {aliases} }}"
                " } }",
                id=str(relay.GlobalID("Procedure", node_id)),
                **{f"u{i}": unit for i, unit in enumerate(chosen)},
            )
            for items in data["node"].values():
                most["Procedure", "citationsOf"] = max(most["Procedure", "citationsOf"], len(items))

    above = {key: (n, bounds.size(*key)) for key, n in most.items() if n > (bounds.size(*key) or 0)}
    assert not above, f"fields returning more than their bound (returned, bound): {above}"
    # The sample exercises the table: most fields return something on some node.
    returned = {key for key, n in most.items() if n}
    assert len(returned) >= len(LIST_BOUNDS) * 2 // 3, sorted(set(LIST_BOUNDS) - returned)
