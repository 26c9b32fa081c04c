"""The served API under load, and under load while its database goes away and comes back.

Both run against a Neo4j of their own (stopping the suite's shared one would fail other tests),
loaded with the sample corpus, and the API served by uvicorn in its own process, as deployed.
`LEXGRAPH_LOAD_SECONDS` sets how long the load test runs (15 s here; the closing measurement of
a release runs 60: `python -m bench.load --clients 32 --seconds 60` against `make run`).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
import pytest

from bench.load import request_body, run_load, summarize
from lexgraph import local_neo4j
from lexgraph.api.graphiql import Example, load_examples
from lexgraph.config import load_settings, project_root
from lexgraph.graph.driver import API_RETRY_S, create_driver
from lexgraph.graph.migrations import apply_migrations
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.serving import free_port, served_api
from tests.timing import QUERY_TIMEOUT_S, WAIT_S, scaled

pytestmark = [pytest.mark.load, pytest.mark.slow]

# These tests are about errors, not speed (bench.load measures that): the server runs with the
# suite's query timeout (tests/timing.py), so a busy machine's slow answer is not taken for an
# error. The client gives up past the server's timeout plus its retries and some slack: a
# request still unanswered then is a request that hung.
CLIENT_TIMEOUT_S = QUERY_TIMEOUT_S + API_RETRY_S + scaled(10)
RECOVERY_S = scaled(30)
LOAD_SECONDS = float(os.environ.get("LEXGRAPH_LOAD_SECONDS", "15"))
ARTIFACTS = project_root() / "test-artifacts"
PROCEDURE = {"query": '{ procedure(number: "15.4.1") { number title } }'}


@dataclass(frozen=True, slots=True)
class Deployment:
    home: Path
    bolt_port: int
    api: str


def start_database(home: Path, port: int) -> None:
    local_neo4j.start(home, port=port, heap="384m", page_cache_mb=64, timeout_s=WAIT_S)


async def warm_up(http: httpx.AsyncClient, documents: list[Example]) -> None:
    """Each document once, one at a time: Neo4j plans each statement on first sight."""
    for document in documents:
        await http.post("/graphql", json=request_body(document))


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    home = tmp_path_factory.mktemp("own-neo4j")
    bolt_port = free_port()
    start_database(home, bolt_port)
    try:
        uri = f"bolt://127.0.0.1:{bolt_port}"
        asyncio.run(_load_sample_corpus(uri))
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")} | {
            "NEO4J_URI": uri,
            "LEXGRAPH_QUERY_TIMEOUT_S": str(QUERY_TIMEOUT_S),
        }
        with served_api(env, ready_path="/readyz") as url:
            yield Deployment(home, bolt_port, url)
    finally:
        local_neo4j.stop(home)


async def _load_sample_corpus(uri: str) -> None:
    settings = load_settings(neo4j_uri=uri)
    driver = create_driver(settings)
    try:
        await apply_migrations(driver, settings.neo4j_database)
        report = await import_paths(driver, settings.neo4j_database, [sample_corpus_dir()])
        assert not report.failed, report.failed
    finally:
        await driver.close()


def _report(name: str, data: object) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\n{name}: {json.dumps(data)}")


async def test_32_clients_on_the_named_queries_get_no_errors(deployment: Deployment) -> None:
    outcomes = await run_load(
        deployment.api,
        load_examples(),
        clients=32,
        seconds=LOAD_SECONDS,
        timeout_s=CLIENT_TIMEOUT_S,
    )
    summary = summarize(outcomes, 32, LOAD_SECONDS)
    _report("load", asdict(summary))

    assert summary.errors == 0, summary
    assert summary.requests >= 32
    assert {o.operation for o in outcomes} >= {e.name for e in load_examples()}


@pytest.fixture
async def http(deployment: Deployment) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=deployment.api, timeout=CLIENT_TIMEOUT_S) as client:
        yield client


async def test_a_database_restart_under_load_is_told_and_recovered_from(
    deployment: Deployment, http: httpx.AsyncClient
) -> None:
    stop_load = asyncio.Event()
    light = [e for e in load_examples() if not e.name.startswith("Impact")]
    await warm_up(http, light)
    load = asyncio.create_task(
        run_load(
            deployment.api, light, clients=8, seconds=600, timeout_s=CLIENT_TIMEOUT_S,
            stop=stop_load, warm_up=False,
        )
    )  # fmt: skip
    try:
        await asyncio.sleep(3)
        await asyncio.to_thread(local_neo4j.stop, deployment.home)

        # While it is down: a clear 503 to GraphQL and to the readiness probe.
        ready = await http.get("/readyz")
        answer = await http.post("/graphql", json=PROCEDURE)
        assert ready.status_code == 503
        assert ready.json()["status"] == "not ready"
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "5"
        error = answer.json()["errors"][0]
        assert error["extensions"]["code"] == "DATABASE_UNAVAILABLE"
        assert error["message"].startswith("the database is unavailable at the moment")
        assert (await http.get("/healthz")).status_code == 200  # the process itself is fine

        await asyncio.sleep(2)
        await asyncio.to_thread(start_database, deployment.home, deployment.bolt_port)
        back = time.perf_counter()
        while (await http.post("/graphql", json=PROCEDURE)).status_code != 200:
            assert time.perf_counter() - back < RECOVERY_S, f"no recovery within {RECOVERY_S:g} s"
            await asyncio.sleep(0.1)
        recovery_s = time.perf_counter() - back
        # The restarted database plans every statement anew; once it has, it serves as before.
        await warm_up(http, light)
        warm = time.perf_counter()
        await asyncio.sleep(3)
    finally:
        stop_load.set()
        outcomes = await load

    recovered = back + recovery_s
    _report(
        "fault",
        {
            "recoverySeconds": round(recovery_s, 2),
            "load": asdict(summarize(outcomes, 8)),
        },
    )
    told = [o for o in outcomes if o.status == 503]
    assert told, "the load never saw the database go away"
    assert all(o.code == "DATABASE_UNAVAILABLE" for o in told)
    # Every answer is an answer: no 500, no dropped connection, nothing past the timeout. A
    # restarted database plans every statement anew, and on a busy machine a cold plan may run
    # past the transaction timeout: that is told as such, not hung.
    assert {o.status for o in outcomes} <= {200, 503}
    assert {o.code for o in outcomes} <= {None, "DATABASE_UNAVAILABLE", "QUERY_TIMEOUT"}
    assert max(o.seconds for o in outcomes) < CLIENT_TIMEOUT_S
    # Recovered by itself: nothing begun a second after the first answer is told "unavailable",
    # and once the plans are made again, everything is answered.
    assert not [o for o in outcomes if o.started > recovered + 1 and o.status == 503]
    after_warm = [o for o in outcomes if o.started > warm]
    assert after_warm
    assert [o for o in after_warm if not o.ok] == []
    assert (await http.get("/readyz")).status_code == 200
