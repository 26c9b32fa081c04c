"""Queries run along plans (`lexgraph.api.planned`) answer exactly as graphql-core's field-by-field
execution does: the same data, the same errors, the same round trips to Neo4j."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import queries
from neo4j import AsyncDriver

from lexgraph.api.context import RequestContext
from lexgraph.api.schema import build_schema, schema
from lexgraph.config import Settings
from tests.api.sample_graph import TAX_CODE
from tests.api.test_fuzz import SCALARS
from tests.api.test_named_queries import TEXTS, VARIABLES
from tests.timing import scaled

PLANNED = schema
STANDARD = build_schema(planned=False)
EXAMPLES = int(os.environ.get("LEXGRAPH_FUZZ_EXAMPLES", "150")) // 2


async def answer(
    driver: AsyncDriver, settings: Settings, query: str, *, planned: bool, **variables: Any
) -> tuple[dict[str, Any], RequestContext]:
    """The answer as JSON would carry it (data, and errors with their paths), and the context."""
    context = RequestContext(driver=driver, settings=settings)
    result = await (PLANNED if planned else STANDARD).execute(
        query, variable_values=variables, context_value=context
    )
    # Root fields run concurrently, so their errors come in the order the database answered them
    # (the spec gives errors no order): compared by path.
    errors = sorted(
        ({"message": e.message, "path": e.path} for e in result.errors or []),
        key=lambda error: (json.dumps(error["path"], default=str), error["message"]),
    )
    return {"data": result.data, "errors": errors}, context


async def both(
    driver: AsyncDriver, settings: Settings, query: str, **variables: Any
) -> tuple[dict[str, Any], RequestContext, RequestContext]:
    """Run `query` both ways; they must agree. The planned run's answer and both contexts."""
    planned, planned_context = await answer(driver, settings, query, planned=True, **variables)
    standard, standard_context = await answer(driver, settings, query, planned=False, **variables)
    # Compared as JSON text too: the order of keys is part of the answer.
    assert json.dumps(planned, default=str) == json.dumps(standard, default=str)
    assert standard_context.executed_as is None  # graphql-core's own executor
    return planned, planned_context, standard_context


@pytest.mark.parametrize("name", sorted(TEXTS))
async def test_every_named_document_runs_along_its_plan(
    name: str, sample_graph: AsyncDriver, settings: Settings
) -> None:
    variables = VARIABLES.get(name, {})
    await answer(sample_graph, settings, TEXTS[name], planned=False, **variables)  # warm caches
    found, planned, standard = await both(sample_graph, settings, TEXTS[name], **variables)
    assert found["errors"] == []
    assert planned.executed_as == "planned"
    assert planned.round_trips == standard.round_trips


async def test_an_error_is_reported_by_graphql_core(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    query = "query ($n: String!) { apiVersion procedure(number: $n) { number } }"
    found, planned, _ = await both(sample_graph, settings, query, n="99.99.99")
    assert planned.executed_as == "fallback"
    assert found["data"] == {"apiVersion": found["data"]["apiVersion"], "procedure": None}
    assert found["errors"] == [
        {"message": "no procedure numbered '99.99.99'", "path": ["procedure"]}
    ]


async def test_a_document_with_directives_runs_field_by_field(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    query = """query ($full: Boolean!) {
      procedure(number: "15.4.1") { number title @include(if: $full) }
    }"""
    for full in (True, False):
        found, planned, _ = await both(sample_graph, settings, query, full=full)
        assert planned.executed_as == "standard"
        assert ("title" in found["data"]["procedure"]) is full


async def test_aliases_fragments_unions_and_typenames_come_out_in_order(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    query = """query ($act: String!) {
      tax: legalAct(id: $act) {
        __typename kind
        units: children { ...Unit }
        again: children { graphId }
      }
      version: apiVersion
    }
    fragment Unit on Provision {
      __typename label graphId
      ancestors { __typename ... on LegalAct { title } ... on Provision { label } }
    }"""
    found, planned, _ = await both(sample_graph, settings, query, act=TAX_CODE)
    assert planned.executed_as == "planned"
    tax = found["data"]["tax"]
    assert list(tax) == ["__typename", "kind", "units", "again"]
    assert tax["units"]
    assert tax["units"][0]["ancestors"][0] == {
        "__typename": "LegalAct",
        "title": tax["units"][0]["ancestors"][0]["title"],
    }


async def test_loads_the_prefetch_does_not_cover_are_still_batched(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    # A provenance's source document is not prefetched: each is loaded by the request's loader,
    # one round trip for all the documents of all the procedures, as graphql-core batches them.
    query = """{
      procedures(first: 10) {
        nodes { number regulation { documents { provenance { document { graphId } } } } }
      }
    }"""
    found, planned, standard = await both(sample_graph, settings, query)
    assert planned.executed_as == "planned"
    assert planned.round_trips == standard.round_trips
    assert planned.round_trips.count("NODES_BY_ID[SourceDocument]") == 1
    documents = [
        d["provenance"]["document"]
        for p in found["data"]["procedures"]["nodes"]
        if p["regulation"]
        for d in p["regulation"]["documents"]
    ]
    assert documents
    assert all(d["graphId"] for d in documents)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries(PLANNED._schema, custom_scalars=SCALARS, allow_x00=False))
async def test_any_query_gets_the_same_answer_both_ways(
    query: str, sample_graph: AsyncDriver, settings: Settings
) -> None:
    quick = settings.model_copy(update={"lexgraph_query_timeout_s": scaled(5.0)})
    await both(sample_graph, quick, query)


async def test_two_days_asked_in_one_request_run_along_the_plan(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    # The plan is made once per document; the day comes with each execution (a variable here),
    # and the loaders of each day stay apart: as of 15 June 2023 the older text's third document
    # was still required.
    query = """query ($then: Date) {
      then: procedure(number: "15.4.1", asOf: $then) {
        regulation { documents { graphId validTo } fee { amountBaseUnits } } }
      now: procedure(number: "15.4.1") { regulation { documents { graphId validTo } } } }"""
    for day in ("2023-06-15", "2023-07-01"):
        found, planned, standard = await both(sample_graph, settings, query, then=day)
        assert found["errors"] == []
        assert planned.executed_as == "planned"
        assert planned.round_trips == standard.round_trips
        then = found["data"]["then"]["regulation"]["documents"]
        assert len(then) == (3 if day == "2023-06-15" else 2)
        assert len(found["data"]["now"]["regulation"]["documents"]) == 2
