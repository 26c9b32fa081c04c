"""What one request may ask: depth, aliases, tokens, page size and cost are bounded before anything
runs; a statement stopped by its timeout, and our own failures, are told clearly; the API only
reads."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, LiteralString

import pytest
from graphql import parse
from neo4j import AsyncDriver, Record
from neo4j.exceptions import Neo4jError

from lexgraph.api.context import RequestContext
from lexgraph.api.limits import MAX_ALIASES, MAX_QUERY_DEPTH, MAX_TOKENS, query_cost_problem
from lexgraph.api.observability import request_id_var
from lexgraph.api.schema import schema
from lexgraph.config import Settings, project_root
from lexgraph.graph.driver import create_driver

NAMED_QUERIES = sorted((project_root() / "queries").glob("*.graphql"))

EXPENSIVE = """
{ procedures(first: 100) { nodes { listedIn { citedBy(first: 100) { nodes { text
  procedure { listedIn { citedBy(first: 100) { nodes { text } } } } } } } } } }
"""


async def errors_of(query: str, context: RequestContext, **variables: object) -> list[str]:
    result = await schema.execute(query, variable_values=variables, context_value=context)
    return [error.message for error in result.errors or []]


@pytest.fixture
def context(driver: AsyncDriver, settings: Settings) -> RequestContext:
    return RequestContext(driver=driver, settings=settings)


def nested(depth: int) -> str:
    """`procedure { regulation { procedure { regulation … } } }`, `depth` fields deep."""
    fields = ['procedure(number: "15.4.1")'] + [
        "regulation" if i % 2 else "procedure" for i in range(1, depth)
    ]
    return "{ " + " { ".join(fields) + " { __typename" + " }" * depth + " }"


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        (
            nested(MAX_QUERY_DEPTH + 1),
            "TOO_DEEP",
            f"exceeds maximum operation depth of {MAX_QUERY_DEPTH}",
        ),
        (
            "{ " + " ".join(f"a{i}: apiVersion" for i in range(MAX_ALIASES + 1)) + " }",
            "TOO_MANY_ALIASES",
            f"31 aliases (a fragment counts as often as it is read), more than the {MAX_ALIASES}",
        ),
        (
            "{ " + "apiVersion " * MAX_TOKENS + "}",
            "TOO_MANY_TOKENS",
            f"more than {MAX_TOKENS} tokens",
        ),
        (
            "{ procedures(first: 1000) { totalCount } }",
            "PAGE_TOO_LARGE",
            "`first` must be between 0 and 100, not 1000 (on `procedures`)",
        ),
        (EXPENSIVE, "TOO_EXPENSIVE", "the query could read about"),
    ],
    ids=["depth", "aliases", "tokens", "page size", "cost"],
)
async def test_a_request_over_a_limit_is_refused_before_it_reads(
    context: RequestContext, query: str, code: str, message: str
) -> None:
    result = await schema.execute(query, context_value=context)

    (error,) = result.errors or []
    assert message in error.message
    assert (error.extensions or {}).get("code") == code
    assert context.round_trips == []


async def test_a_page_size_given_in_a_variable_is_bounded_too(context: RequestContext) -> None:
    query = "query Page($n: Int!) { procedures(first: $n) { totalCount } }"

    errors = await errors_of(query, context, n=500)

    assert errors == ["`first` must be between 0 and 100, not 500 (on `procedures`)"]


async def test_a_cost_passed_once_is_not_taken_for_other_page_sizes(
    driver: AsyncDriver, settings: Settings
) -> None:
    # The verdict of a document that passed is kept, by its page sizes: the same text with a
    # larger `first` is still refused, however often the smaller one was asked before.
    query = "query Page($n: Int!) { procedures(first: $n) { totalCount } }"
    for n, refused in [(10, False), (10, False), (500, True), (10, False), (500, True)]:
        context = RequestContext(driver=driver, settings=settings)
        errors = await errors_of(query, context, n=n)
        assert bool(errors) is refused, (n, errors)


@pytest.mark.parametrize("path", NAMED_QUERIES, ids=lambda path: path.name)
def test_every_named_query_is_within_the_limits(path: Path) -> None:
    document = parse(path.read_text(encoding="utf-8"), max_tokens=MAX_TOKENS)
    assert query_cost_problem(schema._schema, document, None, {}) is None


def test_a_full_page_of_procedure_pages_is_within_the_limits() -> None:
    details = (project_root() / "queries" / "procedure-details.graphql").read_text(encoding="utf-8")
    page = "query Page { procedures(first: 100) { nodes { ...ProcedurePage } } }"
    document = parse(details + page, max_tokens=MAX_TOKENS)
    assert query_cost_problem(schema._schema, document, "Page", {}) is None


class SlowContext(RequestContext):
    """Every statement is one that runs far longer than the transaction timeout."""

    async def read(
        self,
        name: str,
        statement: LiteralString,
        parameters: Mapping[str, Any] | None = None,
        *,
        timeout_s: float | None = None,
    ) -> list[Record]:
        # Always the query timeout: a compiled statement's longer first-run allowance is for
        # planning it, and this one is slow to run.
        slow: LiteralString = "UNWIND range(1, 1000000000) AS x RETURN count(x) AS n"
        return await super().read(name, slow)


async def test_a_statement_past_the_timeout_gives_a_clear_error(
    driver: AsyncDriver, settings: Settings
) -> None:
    quick = settings.model_copy(update={"lexgraph_query_timeout_s": 0.5})
    context = SlowContext(driver=driver, settings=quick)

    result = await schema.execute(
        '{ procedure(number: "15.4.1") { title } }', context_value=context
    )

    (error,) = result.errors or []
    assert error.message.startswith("the query ran longer than the server allows")
    assert error.extensions == {"code": "QUERY_TIMEOUT"}


async def test_an_internal_failure_is_masked_with_the_request_id(settings: Settings) -> None:
    closed = create_driver(settings)
    await closed.close()
    token = request_id_var.set("req-1234")
    try:
        result = await schema.execute(
            '{ procedure(number: "15.4.1") { title } }',
            context_value=RequestContext(driver=closed, settings=settings),
        )
    finally:
        request_id_var.reset(token)

    (error,) = result.errors or []
    assert error.message == "Unexpected error."
    assert error.extensions == {"requestId": "req-1234"}


async def test_the_api_only_reads(
    empty_graph: AsyncDriver, context: RequestContext, settings: Settings
) -> None:
    assert schema._schema.mutation_type is None
    assert schema._schema.subscription_type is None

    with pytest.raises(Neo4jError, match="read"):
        await context.read("WRITE", "CREATE (:Scratch {written: true})")

    records, _, _ = await empty_graph.execute_query(
        "MATCH (n:Scratch) RETURN count(n) AS n", database_=settings.neo4j_database
    )
    assert records[0]["n"] == 0
