"""Any query answers alike through the compiled path (`lexgraph.api.compile`) and through
graphql-core's own executor, field by field through the resolvers: the same data, in the same
order of keys, and the same errors at the same paths. Hand-picked cases first, then queries
generated from the schema (hypothesis-graphql)."""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import queries
from neo4j import AsyncDriver

from lexgraph.api.compile import execution
from lexgraph.api.compile.coalesce import Coalescer, neo4j_run
from lexgraph.api.context import RequestContext
from lexgraph.api.schema import build_schema, schema
from lexgraph.config import Settings
from tests.api.sample_graph import TAX_CODE
from tests.api.test_fuzz import SCALARS

COMPILED = schema
RESOLVED = build_schema(compiled=False)
EXAMPLES = int(os.environ.get("LEXGRAPH_FUZZ_EXAMPLES", "150")) // 2


async def answer(
    driver: AsyncDriver, settings: Settings, query: str, *, compiled: bool, **variables: Any
) -> tuple[dict[str, Any], RequestContext]:
    """The answer as JSON would carry it (data, and errors with their paths), and the context."""
    # As served: compiled statements run through batches (a query's root fields of one plan,
    # run concurrently, share one).
    coalescer = Coalescer(neo4j_run(lambda: driver, settings.neo4j_database))
    context = RequestContext(driver=driver, settings=settings, coalescer=coalescer)
    result = await (COMPILED if compiled else RESOLVED).execute(
        query, variable_values=variables, context_value=context
    )
    # Root fields run concurrently, so their errors come in the order the database answered them
    # (the spec gives errors no order): compared by path.
    errors = sorted(
        ({"message": e.message, "path": e.path} for e in result.errors or []),
        key=lambda error: (json.dumps(error["path"], default=str), error["message"]),
    )
    return {"data": result.data, "errors": errors}, context


def same_when_a_non_null_root_field_failed(
    compiled: list[dict[str, Any]], resolved: list[dict[str, Any]]
) -> None:
    """Both ways a non-null root field failed, so `data` is null. Root fields run side by side,
    and the first to fail cancels those still running (graphql-core, as the spec allows): which
    other errors come with it depends on which statement Neo4j answered first. Each way reports
    at least one error; an error reported both ways at one path has the same message."""
    assert compiled
    assert resolved
    at_compiled = {json.dumps(e["path"], default=str): e["message"] for e in compiled}
    at_resolved = {json.dumps(e["path"], default=str): e["message"] for e in resolved}
    for path in at_compiled.keys() & at_resolved.keys():
        assert at_compiled[path] == at_resolved[path], path


async def both(
    driver: AsyncDriver, settings: Settings, query: str, **variables: Any
) -> tuple[dict[str, Any], RequestContext]:
    """Run `query` both ways; they must agree. The compiled run's answer and context."""
    # A statement new to Neo4j is planned first, which may take seconds on a busy machine.
    patient = settings.model_copy(update={"lexgraph_query_timeout_s": 120.0})
    compiled, context = await answer(driver, patient, query, compiled=True, **variables)
    resolved, resolved_context = await answer(driver, patient, query, compiled=False, **variables)
    if compiled["data"] is None and resolved["data"] is None:
        same_when_a_non_null_root_field_failed(compiled["errors"], resolved["errors"])
    else:
        # Compared as JSON text too: the order of keys is part of the answer.
        assert json.dumps(compiled, default=str) == json.dumps(resolved, default=str)
    assert resolved_context.executed_as is None  # graphql-core's own executor
    return compiled, context


async def test_an_error_is_told_at_its_field_beside_the_others(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    query = "query ($n: String!) { apiVersion procedure(number: $n) { number } }"
    found, context = await both(sample_graph, settings, query, n="99.99.99")
    assert context.fallbacks == [("apiVersion", "Query.apiVersion")]
    assert found["data"] == {"apiVersion": found["data"]["apiVersion"], "procedure": None}
    assert found["errors"] == [
        {"message": "no procedure numbered '99.99.99'", "path": ["procedure"]}
    ]


async def test_two_required_root_fields_failing_null_the_data_and_each_is_told_as_alone(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    # Both fields are non-null, so either failing makes `data` null; the one Neo4j answers
    # first is told, and may cancel the other. Each error told is the one that field alone gets.
    impact = '{ impact(of: ["' + TAX_CODE + '"], depth: -53) { depth } }'
    diff = '{ diff(of: "by/none", from: "2024-01-01", to: "2020-01-01") { of } }'
    alone: dict[str, str] = {}
    for query in (impact, diff):
        found, _ = await both(sample_graph, settings, query)
        assert found["data"] is None
        [error] = found["errors"]
        alone[error["path"][0]] = error["message"]
    assert alone["impact"] == "depth must be between 1 and 10, not -53"
    assert alone["diff"] == "no legal act or source document with id 'by/none'"
    together = impact[:-1] + diff[1:]
    for _ in range(3):
        found, _ = await both(sample_graph, settings, together)
        assert found["data"] is None
        assert found["errors"]
        assert all(alone[e["path"][0]] == e["message"] for e in found["errors"])


async def test_aliases_fragments_unions_and_typenames_come_out_in_order(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    query = """query ($act: String!) {
      tax: legalAct(id: $act) {
        __typename kind
        units: children { ...Unit }
        again: children { graphId }
      }
    }
    fragment Unit on Provision {
      __typename label graphId
      ancestors { __typename ... on LegalAct { title } ... on Provision { label } }
    }"""
    found, context = await both(sample_graph, settings, query, act=TAX_CODE)
    assert context.executed_as == "compiled"
    tax = found["data"]["tax"]
    assert list(tax) == ["__typename", "kind", "units", "again"]
    assert tax["units"]
    assert tax["units"][0]["ancestors"][0] == {
        "__typename": "LegalAct",
        "title": tax["units"][0]["ancestors"][0]["title"],
    }


async def test_while_one_request_plans_a_new_statement_another_new_one_is_resolved(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    # Two selections this process has not run: the first request's statement is planned, the
    # second request is answered by the resolvers meanwhile; each gets its whole answer. Once
    # planned, a statement is compiled again, whoever else is planning.
    first = '{ procedure(number: "15.4.1") { number title authorities { name } } }'
    second = '{ procedure(number: "15.4.2") { title number } }'
    execution._planned.clear()
    patient = settings.model_copy(update={"lexgraph_query_timeout_s": 120.0})
    (one, planning), (two, other) = await asyncio.gather(
        answer(sample_graph, patient, first, compiled=True),
        answer(sample_graph, patient, second, compiled=True),
    )
    assert planning.executed_as == "compiled"
    assert other.fallbacks == [("procedure", "a new statement while another request's is planned")]
    assert one["data"]["procedure"]["number"] == "15.4.1"
    assert two["data"]["procedure"]["number"] == "15.4.2"
    assert two == (await answer(sample_graph, patient, second, compiled=False))[0]
    (_, again), _ = await asyncio.gather(
        answer(sample_graph, patient, first, compiled=True),
        answer(sample_graph, patient, second, compiled=True),
    )
    assert again.executed_as == "compiled"


async def test_a_field_the_compiler_does_not_cover_is_answered_by_the_resolvers(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    # A provenance's source document is not compiled: the whole root field is resolved, its
    # documents loaded by the request's loader in one round trip.
    query = """{
      procedures(first: 10) {
        nodes { number regulation { documents { provenance { document { graphId } } } } }
      }
    }"""
    found, context = await both(sample_graph, settings, query)
    assert context.fallbacks == [("procedures", "Provenance.document")]
    assert context.round_trips.count("NODES_BY_ID[SourceDocument]") == 1
    documents = [
        d["provenance"]["document"]
        for p in found["data"]["procedures"]["nodes"]
        if p["regulation"]
        for d in p["regulation"]["documents"]
    ]
    assert documents
    assert all(d["graphId"] for d in documents)


async def test_two_days_asked_in_one_request(sample_graph: AsyncDriver, settings: Settings) -> None:
    # Each root field compiles with its own day: as of 15 June 2023 the older text's third
    # document was still required.
    query = """query ($then: Date) {
      then: procedure(number: "15.4.1", asOf: $then) {
        regulation { documents { graphId validTo } fee { amountBaseUnits } } }
      now: procedure(number: "15.4.1") { regulation { documents { graphId validTo } } } }"""
    for day in ("2023-06-15", "2023-07-01"):
        found, context = await both(sample_graph, settings, query, then=day)
        assert found["errors"] == []
        assert context.round_trips == ["COMPILED[procedure]", "COMPILED[procedure]"]
        then = found["data"]["then"]["regulation"]["documents"]
        assert len(then) == (3 if day == "2023-06-15" else 2)
        assert len(found["data"]["now"]["regulation"]["documents"]) == 2


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries(COMPILED._schema, custom_scalars=SCALARS, allow_x00=False))
async def test_any_query_gets_the_same_answer_both_ways(
    query: str, sample_graph: AsyncDriver, settings: Settings
) -> None:
    await both(sample_graph, settings, query)
