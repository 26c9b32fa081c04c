"""The prefetch plan names real fields, relations and types (a typo would silently cost trips)."""

from __future__ import annotations

from graphql import GraphQLObjectType

from lexgraph.api.prefetch import PLAN
from lexgraph.api.schema import schema
from lexgraph.graph.reads.prefetch import Step, prefetch_statement
from lexgraph.graph.reads.relations import RELATIONS


def test_every_planned_field_exists_and_follows_a_relation() -> None:
    types = schema._schema.type_map
    for type_name, fields in PLAN.items():
        graphql_type = types[type_name]
        assert isinstance(graphql_type, GraphQLObjectType)
        for field, (relation, reached) in fields.items():
            assert field in graphql_type.fields, f"{type_name}.{field}"
            assert relation in RELATIONS, relation
            assert reached is None or reached in types, reached


def test_a_statement_chains_its_steps() -> None:
    statement = prefetch_statement(
        [
            Step("PROCEDURE_REGULATIONS"),
            Step("REGULATION_DOCUMENTS", 0),
            Step("DOCUMENT_CITATIONS", 1),
        ]
    )
    assert statement.startswith("WITH $ids AS ids_root")
    assert "UNWIND ids_0 AS id" in statement
    assert "UNWIND ids_1 AS id" in statement
    # The acts stating what the steps read are checked once, and each step's rows keep the
    # items whose acts are in force on `$asOf`.
    *_, acts, returned = statement.splitlines()
    assert acts.startswith("WITH *, COLLECT {")
    assert acts.endswith("AS inForce")
    assert returned.startswith("RETURN [row IN rows_0 |")
    assert [f"] AS rows_{i}" in returned for i in range(3)] == [True, True, True]
