"""What a deployment may switch on the public endpoint, and what a client sees when it does:
introspection and GraphiQL, persisted documents, writes for the token's bearer, CORS, body size."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncDriver
from pydantic import SecretStr
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.api.persisted import PersistedDocuments, document_hash
from lexgraph.config import Settings, SettingsError, load_settings, project_root
from lexgraph.importing import sample_corpus_dir

TOKEN = "a-writer-token-of-enough-length-0123456789"
APOSTILLE = project_root() / "queries" / "procedures-requiring-apostille.graphql"
GUIDE = sample_corpus_dir() / "001_3ce2819cda9fc273.txt"
IMPORT = """
mutation Import($name: String!, $text: String!) {
  importDocument(name: $name, text: $text) {
    documentType sourceDocumentId nodes edges removedNodes removedEdges version previousVersion
  }
}
"""


def client(settings: Settings, **changes: Any) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=changes)))


@pytest.fixture
def served(settings: Settings) -> Iterator[TestClient]:
    with client(settings) as test_client:
        yield test_client


def post(test_client: TestClient, body: dict[str, Any], **headers: str) -> tuple[int, Any]:
    response = test_client.post("/graphql", json=body, headers=headers)
    return response.status_code, response.json()


def codes(body: Any) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


# Introspection and GraphiQL


def test_introspection_and_graphiql_are_on_by_default(served: TestClient) -> None:
    status, body = post(served, {"query": "{ __schema { queryType { name } } }"})
    page = served.get("/graphql", headers={"Accept": "text/html"})
    assert (status, body) == (200, {"data": {"__schema": {"queryType": {"name": "Query"}}}})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


def test_introspection_can_be_switched_off(settings: Settings) -> None:
    with client(settings, lexgraph_introspection=False) as closed:
        status, body = post(closed, {"query": '{ __type(name: "Procedure") { name } }'})
        typename = post(closed, {"query": "{ __typename }"})
    assert status == 200
    assert "introspection" in body["errors"][0]["message"].lower()
    assert typename == (200, {"data": {"__typename": "Query"}})


def test_graphiql_can_be_switched_off(settings: Settings) -> None:
    with client(settings, lexgraph_graphiql=False) as plain:
        page = plain.get("/graphql", headers={"Accept": "text/html"})
        status, body = post(plain, {"query": "{ __typename }"})
    assert page.status_code == 404
    assert (status, body) == (200, {"data": {"__typename": "Query"}})


def test_the_limits_are_the_deployments_to_set(settings: Settings) -> None:
    with client(settings, lexgraph_max_page_size=5, lexgraph_max_depth=3) as strict:
        page = post(strict, {"query": "{ procedures(first: 6) { totalCount } }"})
        deep = post(
            strict,
            {"query": '{ procedure(number: "1") { regulation { fee { benefits { id } } } } }'},
        )
        fine = post(strict, {"query": "{ procedures(first: 5) { totalCount } }"})
    assert (
        page[1]["errors"][0]["message"]
        == "`first` must be between 0 and 5, not 6 (on `procedures`)"
    )
    assert "exceeds maximum operation depth of 3" in deep[1]["errors"][0]["message"]
    assert "errors" not in fine[1]


async def test_a_larger_page_the_deployment_allows_is_served_by_every_resolver(
    settings: Settings, empty_graph: AsyncDriver
) -> None:
    await empty_graph.execute_query("CREATE (:LegalAct {id: 'by/code/tax', kind: 'code'})")
    # The resolvers check `first` against the same setting as the limits, not against their own
    # 100: a page the limits let through is never refused afterwards.
    queries = [
        "{ procedures(first: 150) { totalCount } }",
        '{ search(text: "паспорт", first: 150) { title } }',
        '{ legalAct(id: "by/code/tax") { citedBy(first: 150) { totalCount } } }',
        '{ impact(of: ["by/code/tax#art_287"]) { affected(first: 150) { totalCount } } }',
    ]
    with client(settings, lexgraph_max_page_size=150) as generous:
        answers = [post(generous, {"query": query}) for query in queries]
    for (status, body), query in zip(answers, queries, strict=True):
        assert status == 200, (query, body)
        messages = [error["message"] for error in body.get("errors", [])]
        assert not [m for m in messages if "`first`" in m], (query, messages)


# Persisted documents


@pytest.fixture(scope="module")
def apostille_hash() -> str:
    return document_hash(APOSTILLE.read_text(encoding="utf-8"))


@pytest.fixture
def persisted(settings: Settings, empty_graph: AsyncDriver) -> Iterator[TestClient]:
    with client(settings, lexgraph_persisted_documents=True) as test_client:
        yield test_client


def test_a_persisted_document_is_run_by_its_id(persisted: TestClient, apostille_hash: str) -> None:
    by_id = post(persisted, {"documentId": f"sha256:{apostille_hash}"})
    by_apollo_hash = post(
        persisted,
        {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": apostille_hash}}},
    )
    by_text = post(persisted, {"query": APOSTILLE.read_text(encoding="utf-8")})
    by_get = persisted.get("/graphql", params={"documentId": f"sha256:{apostille_hash}"})

    empty = {"data": {"procedures": {"totalCount": 0, "nodes": []}}}
    assert by_id == (200, empty)
    assert by_apollo_hash == (200, empty)
    assert by_text == (200, empty)
    assert (by_get.status_code, by_get.json()) == (200, empty)


def test_anything_else_is_refused_in_persisted_mode(
    persisted: TestClient, apostille_hash: str
) -> None:
    written = post(persisted, {"query": "{ procedures { totalCount } }"})
    unknown = post(persisted, {"documentId": "sha256:" + "0" * 64})
    mismatch = post(
        persisted, {"documentId": apostille_hash, "query": "{ procedures { totalCount } }"}
    )
    nothing = post(persisted, {"variables": {}})

    assert written[0] == 400
    assert codes(written[1]) == ["PERSISTED_DOCUMENT_REQUIRED"]
    assert "only its persisted documents" in written[1]["errors"][0]["message"]
    assert (unknown[0], codes(unknown[1])) == (400, ["PERSISTED_DOCUMENT_NOT_FOUND"])
    assert (mismatch[0], codes(mismatch[1])) == (400, ["PERSISTED_DOCUMENT_MISMATCH"])
    assert (nothing[0], codes(nothing[1])) == (400, ["PERSISTED_DOCUMENT_REQUIRED"])
    assert all("requestId" in r[1]["errors"][0]["extensions"] for r in (written, unknown))


def test_the_manifest_lists_every_named_document() -> None:
    printed = subprocess.run(
        [str(Path(sys.executable).parent / "lexgraph"), "persisted-documents"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    manifest = json.loads(printed)
    named = sorted((project_root() / "queries").glob("*.graphql"))
    assert len(manifest) == len(named)
    for path in named:
        text = path.read_text(encoding="utf-8")
        assert manifest[f"sha256:{document_hash(text)}"] == text
    assert manifest == PersistedDocuments.from_folder().manifest()


# Writes


def test_without_a_token_the_api_has_no_mutations(served: TestClient) -> None:
    status, body = post(served, {"query": IMPORT, "variables": {"name": "x.txt", "text": "x"}})
    introspected = post(served, {"query": "{ __schema { mutationType { name } } }"})
    assert status == 200
    assert "mutation" in body["errors"][0]["message"].lower()
    assert introspected[1] == {"data": {"__schema": {"mutationType": None}}}


@pytest.fixture
def writable(settings: Settings, empty_graph: AsyncDriver) -> Iterator[TestClient]:
    with client(settings, lexgraph_api_token=SecretStr(TOKEN)) as test_client:
        yield test_client


def test_a_write_needs_the_token(writable: TestClient) -> None:
    variables = {"name": GUIDE.name, "text": GUIDE.read_text(encoding="utf-8")}
    anonymous = post(writable, {"query": IMPORT, "variables": variables})
    wrong = post(
        writable,
        {"query": IMPORT, "variables": variables},
        Authorization="Bearer not-the-token-but-just-as-long-00000",
    )
    statistics = post(writable, {"query": "{ statistics { nodes { kind count } } }"})

    for status, body in (anonymous, wrong):
        assert status == 200
        assert body["data"] is None
        assert body["errors"][0]["message"].startswith("writing needs the API token")
    assert statistics[1] == {"data": {"statistics": {"nodes": []}}}


def test_the_token_bearer_imports_a_document_once(writable: TestClient) -> None:
    variables = {"name": GUIDE.name, "text": GUIDE.read_text(encoding="utf-8")}
    bearer = {"Authorization": f"Bearer {TOKEN}"}

    first = post(writable, {"query": IMPORT, "variables": variables}, **bearer)
    again = post(writable, {"query": IMPORT, "variables": variables}, **bearer)

    assert first[0] == 200, first
    imported = first[1]["data"]["importDocument"]
    assert imported["documentType"] == "portal_guide"
    assert imported["sourceDocumentId"] == f"source/{GUIDE.name}"
    assert imported["nodes"] > 0
    assert imported["edges"] > 0
    assert again[1]["data"]["importDocument"] == imported | {"removedNodes": 0, "removedEdges": 0}


def test_a_bad_document_is_refused_with_its_line_and_writes_nothing(writable: TestClient) -> None:
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    unknown = post(
        writable,
        {"query": IMPORT, "variables": {"name": "memo.txt", "text": "\nСлужебная записка\n"}},
        **bearer,
    )
    folder = post(
        writable,
        {"query": IMPORT, "variables": {"name": "../etc/passwd", "text": "x"}},
        **bearer,
    )
    statistics = post(writable, {"query": "{ statistics { nodes { kind count } } }"})

    assert unknown[1]["errors"][0]["message"].startswith(
        "memo.txt:1: expected a known document type"
    )
    assert folder[1]["errors"][0]["message"].startswith("`name` must be a plain file name")
    assert statistics[1] == {"data": {"statistics": {"nodes": []}}}


# CORS and the body


def test_cors_is_off_by_default_and_lists_origins_when_on(
    served: TestClient, settings: Settings
) -> None:
    preflight = {
        "Origin": "https://app.example.org",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    default = served.options("/graphql", headers=preflight)
    with client(settings, lexgraph_cors_origins="https://app.example.org") as open_to_one:
        allowed = open_to_one.options("/graphql", headers=preflight)
        other = open_to_one.options(
            "/graphql", headers=preflight | {"Origin": "https://evil.example"}
        )
        answer = open_to_one.post(
            "/graphql",
            json={"query": "{ __typename }"},
            headers={"Origin": "https://app.example.org"},
        )

    assert "access-control-allow-origin" not in default.headers
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example.org"
    assert "access-control-allow-origin" not in other.headers
    assert answer.headers["access-control-allow-origin"] == "https://app.example.org"
    assert "X-Request-ID" in answer.headers["access-control-expose-headers"]


def test_a_body_over_the_limit_is_refused_unread(settings: Settings) -> None:
    big = {"query": "{ __typename }", "variables": {"pad": "x" * 2_000_000}}
    with client(settings) as default:
        declared = default.post("/graphql", json=big)

        def chunks() -> Iterator[bytes]:
            encoded = json.dumps(big).encode()
            for start in range(0, len(encoded), 65536):
                yield encoded[start : start + 65536]

        streamed = default.post(
            "/graphql", content=chunks(), headers={"Content-Type": "application/json"}
        )
        small_streamed = default.post(
            "/graphql",
            content=iter([b'{"query": "{ __typ', b'ename }"}']),
            headers={"Content-Type": "application/json"},
        )
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert small_streamed.json() == {"data": {"__typename": "Query"}}


def test_a_request_that_is_no_graphql_request_gets_a_graphql_error(served: TestClient) -> None:
    bad_json = served.post(
        "/graphql", content=b'{"query": ', headers={"Content-Type": "application/json"}
    )
    no_query = served.post("/graphql", json={"variables": {}})
    mutation_by_get = served.get(
        "/graphql", params={"query": "mutation { x }"}, headers={"Accept": "application/json"}
    )
    for response, message in (
        (bad_json, "Unable to parse request body as JSON"),
        (no_query, "No GraphQL query found in the request"),
        (mutation_by_get, "mutations are not allowed when using GET"),
    ):
        assert response.status_code in (400, 405), response.text
        assert response.headers["content-type"] == "application/json"
        (error,) = response.json()["errors"]
        assert error["extensions"] == {"code": "BAD_REQUEST"}
        assert message.lower() in error["message"].lower()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"lexgraph_api_token": "short"}, "LEXGRAPH_API_TOKEN must be at least 24 characters"),
        ({"lexgraph_cors_origins": "app.example.org"}, "LEXGRAPH_CORS_ORIGINS lists origins"),
        ({"lexgraph_cors_origins": "https://a.example/path"}, "LEXGRAPH_CORS_ORIGINS"),
    ],
)
def test_unusable_access_settings_are_named(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(**overrides)


def test_access_settings_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEXGRAPH_API_TOKEN", TOKEN)
    monkeypatch.setenv("LEXGRAPH_CORS_ORIGINS", "https://a.example, http://localhost:5173")
    monkeypatch.setenv("LEXGRAPH_INTROSPECTION", "false")
    settings = load_settings()
    assert settings.writes_enabled
    assert settings.cors_origins == ("https://a.example", "http://localhost:5173")
    assert not settings.lexgraph_introspection
    assert TOKEN not in repr(settings)


# Per-client limits


def test_a_client_over_its_rate_is_told_when_to_come_back(settings: Settings) -> None:
    with client(settings, lexgraph_client_rate=0.01, lexgraph_client_burst=2) as limited:
        answers = [limited.post("/graphql", json={"query": "{ apiVersion }"}) for _ in range(3)]
        health = limited.get("/healthz")
        metrics = limited.get("/metrics").text

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    refused = answers[2]
    assert int(refused.headers["retry-after"]) >= 1
    assert codes(refused.json()) == ["RATE_LIMITED"]
    assert health.status_code == 200
    assert 'route="/graphql",status="429"' in metrics


# The GraphQL-over-HTTP media types

MODERN = {"Accept": "application/graphql-response+json, application/json;q=0.9"}


def test_a_client_accepting_graphql_response_json_gets_it_and_4xx_for_request_errors(
    served: TestClient,
) -> None:
    answered = served.post("/graphql", json={"query": "{ apiVersion }"}, headers=MODERN)
    syntax = served.post("/graphql", json={"query": "{ apiVersion "}, headers=MODERN)
    invalid = served.post("/graphql", json={"query": "{ noSuchField }"}, headers=MODERN)
    legacy = served.post("/graphql", json={"query": "{ noSuchField }"})

    assert answered.status_code == 200
    assert answered.headers["content-type"] == "application/graphql-response+json"
    assert "apiVersion" in answered.json()["data"]
    for refused in (syntax, invalid):
        assert refused.status_code == 400
        assert refused.headers["content-type"] == "application/graphql-response+json"
        assert "data" not in refused.json()  # a request error: nothing was executed
        assert refused.json()["errors"][0]["message"]
    # Under application/json a well-formed request's errors are answered 200, as the spec asks.
    assert legacy.status_code == 200
    assert legacy.headers["content-type"] == "application/json"
    assert "data" not in legacy.json()


def test_a_limit_is_a_400_under_either_media_type(served: TestClient) -> None:
    deep = "{ " + " ".join(f"a{i}: apiVersion" for i in range(31)) + " }"
    for headers in ({}, MODERN):
        answer = served.post("/graphql", json={"query": deep}, headers=headers)
        assert answer.status_code == 400
        assert codes(answer.json()) == ["TOO_MANY_ALIASES"]
