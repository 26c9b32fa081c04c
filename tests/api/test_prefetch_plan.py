"""The prefetch plan names real fields, relations and types (a typo would silently cost trips)."""

from __future__ import annotations

from graphql import GraphQLObjectType

from lexgraph.api.prefetch import PLAN
from lexgraph.api.schema import schema
from lexgraph.graph.reads.prefetch import Step, held, prefetch_statement
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
    # The acts stating what the steps read are gathered once, and those in force on `$asOf`
    # returned beside the rows: the caller keeps the items whose acts are all among them.
    *_, acts, returned = statement.splitlines()
    assert acts.startswith("CALL (rows_0, rows_1, rows_2) {")
    assert returned.startswith("RETURN rows_0, rows_1, rows_2, COLLECT {")
    assert returned.endswith("AS inForce")


def test_the_items_kept_are_those_whose_acts_are_in_force() -> None:
    rows = [
        {"id": "a", "items": [{"acts": ["in-force"]}, {"acts": ["in-force", "repealed"]}]},
        {"id": "b", "items": [{"acts": []}]},
    ]
    assert held(rows, ["in-force"]) == {"a": [{"acts": ["in-force"]}], "b": [{"acts": []}]}
