"""A user's mistake is a GraphQL error that says what is wrong; our own failures are masked."""

from __future__ import annotations

import base64

import pytest
from graphql import GraphQLError
from neo4j import AsyncDriver
from strawberry.relay.types import GlobalIDValueError

from lexgraph.api.context import RequestContext
from lexgraph.api.errors import DatabaseUnreachable, UserError, is_internal
from lexgraph.api.schema import schema
from lexgraph.config import Settings
from lexgraph.graph.driver import create_driver
from tests.api.conftest import Run


def node_query(raw: bytes) -> str:
    return '{ node(id: "' + base64.b64encode(raw).decode() + '") { id } }'


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('{ procedure(number: "99.9.9") { title } }', "no procedure numbered '99.9.9'"),
        ('{ legalAct(id: "by/law/1900-01-01/1-z") { title } }', "no legal act with id"),
        ("{ legalAct(kind: LAW) { title } }", "give the act's `id`, or its `kind` and `number`"),
        ('{ legalAct(kind: LAW, number: "1-З") { title } }', "no law numbered '1-З'"),
        ('{ provision(id: "by/code/tax#art_1") { label } }', "no provision with id"),
        ("{ provision { label } }", "give the unit's `id`, or `actId` and `eId`"),
        ('{ node(id: "not base64!") { id } }', "not base64!"),
        (
            node_query(b"Nothing:x"),
            "unknown type 'Nothing'",
        ),
        (
            node_query(b"Procedure:procedure/1"),
            "no Procedure with id 'procedure/1'",
        ),
        ('{ search(text: "?!") { graphId } }', "search text has no words"),
        ('{ search(text: "закон", first: 0) { graphId } }', "`first` must be between 1 and 100"),
    ],
)
async def test_a_mistake_is_explained(
    sample_graph: AsyncDriver, run: Run, query: str, message: str
) -> None:
    answer = await run(query)
    assert len(answer.errors) == 1
    assert message in answer.errors[0]


async def test_internal_failures_are_masked(settings: Settings, driver: AsyncDriver) -> None:
    # A driver that is closed fails on use: the user sees no internals.
    closed = create_driver(settings)
    await closed.close()
    context = RequestContext(driver=closed, settings=settings)
    result = await schema.execute(
        '{ procedure(number: "15.4.1") { title } }', context_value=context
    )
    assert [e.message for e in result.errors or []] == ["Unexpected error."]


async def test_graphql_own_errors_pass(run: Run) -> None:
    answer = await run("{ procedure { title } }")
    assert "'Query.procedure(number:)' of type 'String!' is required" in answer.errors[0]


async def test_queries_nest_at_most_twelve_levels(run: Run) -> None:
    deep = '{ procedure(number: "15.4.1") { ' + "regulation { procedure { " * 6 + "number"
    answer = await run(deep + " }" * 14)
    assert answer.errors
    assert "exceeds maximum operation depth of 12" in answer.errors[0]


@pytest.mark.parametrize(
    ("query", "variables", "message"),
    [
        (
            "query Act($act: String!) { legalAct(id: $act) { title } }",
            {},
            "Variable '$act' has invalid value: Expected a value of non-null type 'String!'",
        ),
        (
            "query Page($n: Int!) { procedures(first: $n) { totalCount } }",
            {"n": "many"},
            "Variable '$n' has invalid value: Int cannot represent non-integer value: 'many'",
        ),
    ],
)
async def test_variables_that_do_not_fit_are_told_not_masked(
    settings: Settings, query: str, variables: dict[str, object], message: str
) -> None:
    closed = create_driver(settings)  # nothing runs: variables are checked first
    await closed.close()
    result = await schema.execute(
        query,
        variable_values=variables,
        context_value=RequestContext(driver=closed, settings=settings),
    )
    (error,) = result.errors or []
    assert error.message.startswith(message)


@pytest.mark.parametrize(
    ("original", "internal"),
    [
        (UserError("no procedure numbered '9'"), False),
        (GlobalIDValueError("not a global id"), False),
        (GraphQLError("Variable '$n' got invalid value"), False),
        (None, False),  # graphql-core's own syntax and validation errors
        (KeyError("number"), True),
        (IndexError("list index out of range"), True),
        (TypeError("unsupported operand"), True),
        (RuntimeError("boom"), True),
    ],
    ids=lambda value: type(value).__name__,
)
def test_only_our_own_failures_are_masked(original: Exception | None, internal: bool) -> None:
    # A KeyError or an IndexError is a bug of ours however a user's input caused it: its message
    # ("'number'") would say nothing to the user and something about the code.
    error = GraphQLError("…", original_error=original)
    assert is_internal(error) is internal


def test_a_database_away_is_told_with_when_to_ask_again() -> None:
    assert str(DatabaseUnreachable()) == (
        "the database is unavailable at the moment (restarting or overloaded);"
        " try again in 5 seconds"
    )
