"""The compiler on its own, without Neo4j: what a selection becomes, and how a row comes back.

Each case compiles a document against the served schema and unwraps a row written by hand as
Neo4j would return it: an object is a list, the acts its relationships read first, then one
element per field in selection order; a relationship is `[items, acts]`, each item the acts
stating it, then the object it reaches (a union's or an interface's with its label first).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from typing import Any

import pytest
from graphql import GraphQLObjectType, parse
from graphql.execution.collect_fields import collect_fields
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from lexgraph.api.compile import CompiledRoot, Compiler, Refused, Unanswerable, roots
from lexgraph.api.errors import UserError
from lexgraph.api.schema import schema

DAY = dt.date(2024, 1, 1)


def compiled(query: str, **variables: Any) -> CompiledRoot:
    """The first root field of `query` compiled (a procedure by `number`, or an act by `id`)."""
    graphql_schema = schema._schema
    executor = StrawberryGraphQLCoreExecutionContext.build(
        graphql_schema, parse(query), raw_variable_values=variables
    )
    assert not isinstance(executor, list), executor
    root = graphql_schema.query_type
    assert isinstance(root, GraphQLObjectType)
    grouped = collect_fields(
        graphql_schema, executor.fragments, executor.variable_values, root, executor.operation
    ).grouped_field_set
    details = next(iter(grouped.values()))
    compiler = Compiler(executor)
    if details[0].node.name.value == "procedure":
        plan = roots.procedure(compiler, root, details)
        return plan.bind(executor, roots.procedure_asked(variables.get("number", "15.4.1"), DAY))
    by, asked = roots.legal_act_asked({"id": "by/code/tax"}, DAY)
    return roots.legal_act(compiler, root, details, by).bind(executor, asked)


ACT = "by/resolution/mvd/2023-05-19/102"


def answer(root: CompiledRoot, row: list[Any], in_force: tuple[str, ...] = (ACT,)) -> Any:
    return root.unwrap([{"row": row, "inForce": list(in_force)}])  # type: ignore[list-item]


def items(*rows: list[Any]) -> list[Any]:
    """A relationship's value: its items, and the acts they read."""
    return [list(rows), [ACT]]


def test_aliases_shape_the_answer_and_never_reach_the_statement() -> None:
    root = compiled('{ procedure(number: "1") { heading: title n: number t2: title } }')
    assert "heading" not in root.statement
    assert "t2" not in root.statement
    assert answer(root, [[], "Выдача справки", "15.4.1", "Выдача справки"]) == {
        "heading": "Выдача справки",
        "n": "15.4.1",
        "t2": "Выдача справки",
    }


def test_what_the_user_gives_is_a_parameter() -> None:
    number = "15.4.1'}) DETACH DELETE (n) //"
    root = compiled('{ procedure(number: "x") { title } }', number=number)
    assert "DETACH" not in root.statement
    assert number.strip() in root.parameters.values()
    assert root.parameters["asOf"] == DAY


def test_a_field_outside_the_table_is_refused_by_name() -> None:
    with pytest.raises(Refused) as refused:
        compiled('{ procedure(number: "1") { regulation { citations { text } } } }')
    assert refused.value.field == "Regulation.citations"


def test_a_field_with_arguments_outside_the_table_is_refused() -> None:
    with pytest.raises(Refused) as refused:
        compiled('{ legalAct(id: "by/code/tax") { citedBy(first: 5) { totalCount } } }')
    assert refused.value.field == "LegalAct.citedBy"


def test_ids_are_global_and_graph_ids_stable() -> None:
    root = compiled('{ procedure(number: "1") { id graphId } }')
    row = [[], "procedure/15.4.1@0123456789ab", "procedure/15.4.1"]
    found = answer(root, row)
    assert base64.b64decode(found["id"]).decode() == "Procedure:procedure/15.4.1@0123456789ab"
    assert found["graphId"] == "procedure/15.4.1"


def test_stored_strings_become_the_enums_values() -> None:
    root = compiled(
        '{ procedure(number: "1") { subjects regulation { documents { apostille } } } }'
    )
    documents = items(
        [[ACT, ACT], [], "required"], [[ACT, ACT], [], None], [[ACT, ACT], [], "not_required"]
    )
    regulation = items([[ACT, ACT], [ACT], documents])
    row = [[ACT], ["legal_entity", "someone_else", "individual_entrepreneur"], regulation]
    assert answer(root, row) == {
        "subjects": ["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR"],
        "regulation": {
            "documents": [
                {"apostille": "REQUIRED"},
                {"apostille": "NOT_STATED"},
                {"apostille": "NOT_REQUIRED"},
            ]
        },
    }


def test_a_union_takes_the_type_its_label_names() -> None:
    root = compiled('{ legalAct(id: "x") { basedOn { __typename ... on Provision { label } } } }')
    row = [[], items([[None], [], "Provision", "статья 287"], [[None], [], "LegalAct"])]
    assert answer(root, row) == {
        "basedOn": [{"__typename": "Provision", "label": "статья 287"}, {"__typename": "LegalAct"}]
    }


def test_lists_and_texts_read_as_the_schema_has_them() -> None:
    root = compiled('{ procedure(number: "1") { regulation { notes title fee { kind } } } }')
    # One note stored as text, a title stored as lines, no fee.
    row = [[ACT], items([[ACT, ACT], [], "Примечание.", ["Регламент", "процедуры"], items()])]
    assert answer(root, row) == {
        "regulation": {"notes": ["Примечание."], "title": "Регламент\nпроцедуры", "fee": None}
    }


def test_an_act_in_force_is_told_by_its_dates() -> None:
    root = compiled('{ legalAct(id: "x") { inForce } }')
    in_force = ["by/law/x", None, dt.date(2020, 1, 1), None, dt.date(2020, 3, 1), None]
    repealed = ["by/law/x", None, dt.date(2020, 1, 1), None, None, dt.date(2023, 12, 31)]
    assert answer(root, [[], in_force]) == {"inForce": True}
    assert answer(root, [[], repealed]) == {"inForce": False}


def test_a_null_the_schema_forbids_is_left_to_the_resolvers() -> None:
    root = compiled('{ procedure(number: "1") { graphId } }')
    with pytest.raises(Unanswerable):
        answer(root, [[], None])


def test_what_an_act_out_of_force_states_is_left_out() -> None:
    root = compiled('{ procedure(number: "1") { regulation { documents { name } } } }')
    older = "by/resolution/mvd/2020-01-01/1"
    documents = items([[ACT, ACT], [], "заявление"], [[older, older], [], "паспорт"])
    row = [[ACT, older], items([[ACT, ACT], [ACT, older], documents])]
    assert answer(root, row) == {"regulation": {"documents": [{"name": "заявление"}]}}
    # A regulation whose act is not in force is no regulation of the procedure that day.
    assert answer(root, row, in_force=(older,)) == {"regulation": None}


def test_no_procedure_is_the_resolvers_error() -> None:
    root = compiled('{ procedure(number: " 9.9 ") { title } }', number=" 9.9 ")
    with pytest.raises(UserError, match=re.escape("no procedure numbered ' 9.9 '")):
        root.unwrap([])
