"""Request ids, JSON logs, `/metrics`, health probes and a clean stop, as an operator sees them."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.api.observability import (
    JsonFormatter,
    Metrics,
    operation_name,
    request_id_var,
)
from lexgraph.config import Settings
from tests.serving import free_port, wait_until_ready
from tests.timing import WAIT_S


@pytest.fixture
def client(settings: Settings, neo4j_uri: str) -> Iterator[TestClient]:
    with TestClient(create_app(settings, uri=neo4j_uri)) as test_client:
        yield test_client


@contextmanager
def json_lines(logger_name: str) -> Iterator[io.StringIO]:
    """What the logger writes meanwhile, at info level and above, as JSON lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


@pytest.fixture
def access_lines() -> Iterator[io.StringIO]:
    """What `lexgraph.access` writes, as JSON lines."""
    with json_lines("lexgraph.access") as stream:
        yield stream


def sample(metrics_text: str, name: str, **labels: str) -> float | None:
    """The value of one sample in Prometheus' text format, or None if absent."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in metrics_text.splitlines():
        if line.startswith("#"):
            continue
        series, _, value = line.rpartition(" ")
        metric, _, label_text = series.partition("{")
        found = ",".join(sorted(label_text.rstrip("}").split(","))) if label_text else ""
        if metric == name and found == wanted:
            return float(value)
    return None


# --- the JSON log format -------------------------------------------------------------------------


def test_a_log_record_is_one_json_object_with_the_request_id_and_extras() -> None:
    record = logging.LogRecord("lexgraph.access", logging.INFO, "x.py", 1, "GET %s", ("/",), None)
    record.status = 200
    token = request_id_var.set("abc-123")
    try:
        line = JsonFormatter().format(record)
    finally:
        request_id_var.reset(token)
    entry = json.loads(line)
    assert entry["message"] == "GET /"
    assert entry["level"] == "info"
    assert entry["logger"] == "lexgraph.access"
    assert entry["requestId"] == "abc-123"
    assert entry["status"] == 200
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["time"])


def test_russian_text_stays_readable_in_the_log() -> None:
    record = logging.LogRecord("lexgraph", logging.WARNING, "x.py", 1, "нет процедуры", None, None)
    assert "нет процедуры" in JsonFormatter().format(record)


# --- operation names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "requested", "counted_as"),
    [
        ("query ProcedureCard { apiVersion }", None, "ProcedureCard"),
        ("{ apiVersion }", None, "anonymous"),
        ("query A { apiVersion } query B { apiVersion }", "B", "B"),
        ("query A { apiVersion } query B { apiVersion }", None, "invalid"),
        ("{ apiVersion ", None, "invalid"),
        ("{ apiVersion }", "not a name!", "invalid"),
        (None, None, "invalid"),
    ],
)
def test_operations_are_counted_under_their_name(
    query: str | None, requested: str | None, counted_as: str
) -> None:
    assert operation_name(query, requested) == counted_as


def test_clients_cannot_create_unbounded_operation_series() -> None:
    metrics = Metrics()
    metrics.MAX_OPERATION_NAMES = 2
    for name in ("A", "B", "C", "A"):
        metrics.observe_operation(name, "ok", 0.01)
    text = metrics.exposition().decode()
    assert sample(text, "lexgraph_graphql_operations_total", operation="A", outcome="ok") == 2
    assert sample(text, "lexgraph_graphql_operations_total", operation="other", outcome="ok") == 1
    assert sample(text, "lexgraph_graphql_operations_total", operation="C", outcome="ok") is None


# --- request ids and the access log --------------------------------------------------------------


def test_a_request_id_the_caller_sends_comes_back_and_is_logged(
    client: TestClient, access_lines: io.StringIO
) -> None:
    response = client.post(
        "/graphql",
        json={"query": "query Version { apiVersion }"},
        headers={"X-Request-ID": "trace-42"},
    )
    assert response.headers["X-Request-ID"] == "trace-42"
    entry = json.loads(access_lines.getvalue().splitlines()[-1])
    assert entry["requestId"] == "trace-42"
    assert entry["method"] == "POST"
    assert entry["path"] == "/graphql"
    assert entry["status"] == 200
    assert entry["operations"] == ["Version"]
    assert entry["durationMs"] >= 0


def test_without_a_usable_request_id_the_server_makes_one(client: TestClient) -> None:
    made = client.get("/healthz").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    replaced = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["X-Request-ID"])
    assert client.get("/healthz").headers["X-Request-ID"] != made


# --- /metrics ------------------------------------------------------------------------------------


def test_metrics_count_and_time_graphql_operations_by_name(client: TestClient) -> None:
    for _ in range(2):
        client.post("/graphql", json={"query": "query Version { apiVersion }"})
    client.post("/graphql", json={"query": "query Broken { noSuchField }"})
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    ops = "lexgraph_graphql_operations_total"
    assert sample(text, ops, operation="Version", outcome="ok") == 2
    assert sample(text, ops, operation="Broken", outcome="error") == 1
    count = "lexgraph_graphql_operation_duration_seconds_count"
    assert sample(text, count, operation="Version") == 2
    http = "lexgraph_http_requests_total"
    assert sample(text, http, method="POST", route="/graphql", status="200") == 3


def test_metrics_say_how_operations_were_executed(client: TestClient) -> None:
    # Compiled (an error told as the resolver tells it); a root field never compiled; a
    # selection asking what the compiler does not cover.
    client.post("/graphql", json={"query": 'query Missing { procedure(number: "0") { id } }'})
    client.post("/graphql", json={"query": "query Version { apiVersion }"})
    uncovered = '{ procedure(number: "0") { regulation { unresolvedCitations { text } } } }'
    client.post("/graphql", json={"query": uncovered})
    text = client.get("/metrics").text
    assert sample(text, "lexgraph_graphql_executions_total", how="compiled") == 1
    assert sample(text, "lexgraph_graphql_executions_total", how="resolvers") == 2
    fallbacks = "lexgraph_graphql_resolver_fallbacks_total"
    assert sample(text, fallbacks, field="apiVersion", uncovered="Query.apiVersion") == 1
    assert (
        sample(text, fallbacks, field="procedure", uncovered="Regulation.unresolvedCitations") == 1
    )


def test_metrics_count_the_compiled_plans_kept_and_reused(client: TestClient) -> None:
    def lookups(outcome: str) -> float:
        text = client.get("/metrics").text
        return sample(text, "lexgraph_graphql_compiled_plan_lookups_total", outcome=outcome) or 0

    hits, misses = lookups("hit"), lookups("miss")
    # A selection this process has not compiled yet, asked twice with other values: compiled
    # once, then its plan reused.
    query = "query Titled($n: String!) { procedure(number: $n) { seenTwice: title } }"
    for number in ("15.4.1", "15.4.2"):
        client.post("/graphql", json={"query": query, "variables": {"n": number}})
    assert lookups("miss") - misses == 1
    assert lookups("hit") - hits == 1
    kept = sample(client.get("/metrics").text, "lexgraph_graphql_compiled_plans")
    assert kept is not None
    assert kept >= 1


def test_metrics_count_the_statements_run_for_batches_of_requests(client: TestClient) -> None:
    def counted() -> tuple[float, float]:
        text = client.get("/metrics").text
        batches = sample(text, "lexgraph_graphql_compiled_batches_total")
        requests = sample(text, "lexgraph_graphql_compiled_batched_requests_total")
        assert batches is not None
        assert requests is not None
        return batches, requests

    batches, requests = counted()
    # One request at a time: each is a batch of one.
    query = "query Batched($n: String!) { procedure(number: $n) { title } }"
    for number in ("15.4.1", "15.4.2"):
        client.post("/graphql", json={"query": query, "variables": {"n": number}})
    assert counted() == (batches + 2, requests + 2)


def test_metrics_show_the_neo4j_connection_pool(client: TestClient) -> None:
    client.post("/graphql", json={"query": "query Stats { statistics { nodes { kind } } }"})
    text = client.get("/metrics").text
    assert sample(text, "lexgraph_neo4j_pool_max_size") == 50
    in_use = sample(text, "lexgraph_neo4j_pool_connections", state="in_use")
    idle = sample(text, "lexgraph_neo4j_pool_connections", state="idle")
    assert in_use == 0  # nothing runs between requests
    assert idle is not None
    assert idle >= 1  # the statistics query left its connection in the pool


def test_unknown_paths_share_one_route_label(client: TestClient) -> None:
    client.get("/no/such/page")
    client.get("/another-one")
    text = client.get("/metrics").text
    assert sample(text, "lexgraph_http_requests_total", method="GET", route="other", status="404")
    assert "/no/such/page" not in text


# --- the served process: JSON logs on stderr, and a clean stop on SIGTERM -----------------------


@pytest.mark.slow
def test_serve_logs_json_lines_and_stops_cleanly_on_sigterm(neo4j_uri: str) -> None:
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("lexgraph")), "serve", "--port", str(port)],
        env={**os.environ, "NEO4J_URI": neo4j_uri},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(f"{url}/readyz", process, lambda: "(its log is read once it stops)")
        assert httpx.get(f"{url}/readyz", headers={"X-Request-ID": "probe-1"}).is_success
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=WAIT_S)
    # uvicorn finishes the running requests and the lifespan, then re-raises the signal it caught.
    assert process.returncode in (0, -signal.SIGTERM)
    entries = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    messages = [e["message"] for e in entries]
    assert "started" in messages
    assert "stopped" in messages
    probe = [e for e in entries if e.get("requestId") == "probe-1"]
    assert probe
    assert probe[0]["path"] == "/readyz"
    assert probe[0]["status"] == 200


# --- what a client's mistakes write ---------------------------------------------------------------


@pytest.fixture
def execution_lines() -> Iterator[io.StringIO]:
    """What the GraphQL execution logs (`strawberry.execution`), as JSON lines."""
    with json_lines("strawberry.execution") as stream:
        yield stream


def test_a_clients_mistakes_are_info_lines_that_repeat_little_of_what_it_sent(
    client: TestClient, execution_lines: io.StringIO
) -> None:
    long_number = "9" * 200_000
    mistakes = [
        {"query": "{ procedure(number: $n) { title } }"},  # an undefined variable
        {"query": "query P($n: String!) { procedure(number: $n) { title } }", "variables": {}},
        {"query": 'query { procedure(number: "' + long_number + '") { title } }'},
        {
            "query": "query P($n: Int) { procedures(first: $n) { totalCount } }",
            "variables": {"n": long_number},
        },
    ]
    answers = [client.post("/graphql", json=body) for body in mistakes]

    for answer in answers:
        (error,) = answer.json()["errors"]
        assert len(error["message"]) < 400, error["message"][:500]
    lines = [json.loads(line) for line in execution_lines.getvalue().splitlines()]
    assert len(lines) == len(mistakes)
    for line in lines:
        assert line["level"] == "info"
        assert "exception" not in line
        assert len(json.dumps(line)) < 1000


def test_our_own_failures_stay_errors_with_their_traceback(
    settings: Settings, execution_lines: io.StringIO
) -> None:
    # No answer cache: its stamp read would tell the database unreachable before executing.
    uncached = settings.model_copy(update={"lexgraph_response_cache_mb": 0})
    with TestClient(create_app(uncached, uri="bolt://127.0.0.1:9")) as unreachable:
        unreachable.post("/graphql", json={"query": '{ procedure(number: "1") { title } }'})
    (line,) = [json.loads(line) for line in execution_lines.getvalue().splitlines()]
    assert line["level"] == "error"
    assert "Traceback" in line["exception"]
