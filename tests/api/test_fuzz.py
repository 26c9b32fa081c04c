"""Random queries from our own schema (hypothesis-graphql), sent over HTTP to the app: whatever a
script or a careless frontend asks, the answer is a GraphQL answer — never a 5xx, never a masked
internal failure, never a stack trace, a Cypher text or a server path.

The named documents of `queries/` are sent with variables of any JSON shape too (nested, long,
of the wrong types): the bounds on variables and their coercion answer them all.

`LEXGRAPH_FUZZ_EXAMPLES` sets how many queries of each kind are tried (150 by default).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, nodes, queries
from neo4j import AsyncDriver
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.api.graphiql import Example, load_examples
from lexgraph.api.schema import schema
from lexgraph.config import Settings
from tests.timing import scaled

EXAMPLES = int(os.environ.get("LEXGRAPH_FUZZ_EXAMPLES", "150"))
SCHEMA = schema._schema
SCALARS = {"Date": st.dates().map(nodes.String)}
# What an answer must never show: internals of the server.
LEAKS = re.compile(r"Traceback|File \"|\.py\b|/work/|neo4j\.|MATCH \(|RETURN |Neo\.\w+Error", re.I)
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # each run explores afresh; a failure prints its query to reproduce
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def served(sample_graph: AsyncDriver, settings: Settings) -> Iterator[TestClient]:
    # A short timeout: a random query may well ask for everything at depth 10.
    quick = settings.model_copy(update={"lexgraph_query_timeout_s": scaled(3.0)})
    with TestClient(create_app(quick)) as client:
        yield client


def check_answer(client: TestClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/graphql", json=body)
    assert response.status_code < 500, (response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("application/json"), response.text[:500]
    answer = response.json()
    assert isinstance(answer, dict)
    assert set(answer) <= {"data", "errors", "extensions"}
    assert "data" in answer or "errors" in answer
    for error in answer.get("errors", []):
        assert isinstance(error["message"], str)
        assert error["message"], error
        assert error["message"] != "Unexpected error.", (body["query"], error)
        assert not LEAKS.search(_without_echoes(error["message"], body)), error
    return answer


def _without_echoes(message: str, body: dict[str, Any]) -> str:
    """The message without the quoted values the request itself sent («Value cannot represent a
    GlobalID: "RETURN "» repeats the client's text, it leaks nothing of ours)."""
    sent = json.dumps(body, ensure_ascii=False)
    return re.sub(r'"([^"]*)"', lambda m: "" if m.group(1) in sent else m.group(0), message)


@FUZZ_SETTINGS
@given(query=queries(SCHEMA, custom_scalars=SCALARS, allow_x00=False))
def test_any_valid_query_gets_a_graphql_answer(served: TestClient, query: str) -> None:
    answer = check_answer(served, {"query": query})
    # A valid query fails only for what the user asked (a limit, an unknown id …): it is answered.
    for error in answer.get("errors", []):
        assert "path" in error or "code" in error.get("extensions", {}), error


@FUZZ_SETTINGS
@given(query=queries(SCHEMA, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
def test_a_query_breaking_the_schema_is_told_why(served: TestClient, query: str) -> None:
    answer = check_answer(served, {"query": query})
    assert answer.get("errors"), query


@FUZZ_SETTINGS
@given(
    body=st.fixed_dictionaries(
        {"query": st.text(max_size=300)},
        optional={
            "variables": st.dictionaries(st.text(max_size=10), st.text(max_size=10)),
            "operationName": st.text(max_size=20),
        },
    )
)
def test_any_text_as_a_query_is_refused_with_a_graphql_error(
    served: TestClient, body: dict[str, Any]
) -> None:
    check_answer(served, body)


# The named documents with any variables: values of every JSON shape, nested, large, wrong.
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)  # JSON has neither
    | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=120) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=300,
)
EXAMPLES_WITH_VARIABLES = [e for e in load_examples() if e.variables]


@settings(FUZZ_SETTINGS, max_examples=max(10, EXAMPLES // 3))  # each is a whole page
@given(
    example=st.sampled_from(EXAMPLES_WITH_VARIABLES),
    data=st.data(),
)
def test_a_named_document_with_any_variables_gets_a_graphql_answer(
    served: TestClient, example: Example, data: st.DataObject
) -> None:
    names = sorted(json.loads(example.variables))
    shapes = st.fixed_dictionaries(
        dict.fromkeys(names, JSON_VALUES),
        optional={"extra": JSON_VALUES},
    )
    variables = data.draw(shapes | st.dictionaries(st.text(max_size=10), JSON_VALUES))
    check_answer(served, {"query": example.query, "variables": variables})
