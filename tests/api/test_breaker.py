"""The database breaker: once Neo4j fails a request, the others are told so at once, with
`Retry-After`, until a probe finds it back."""

from __future__ import annotations

import asyncio
import time

import pytest
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.api.breaker import DatabaseBreaker
from lexgraph.config import load_settings

NOWHERE = "bolt://127.0.0.1:9"  # the discard port: nothing answers Bolt there


async def test_the_breaker_stays_open_until_a_probe_succeeds() -> None:
    probes: list[str] = []

    async def probe() -> None:
        probes.append("asked")
        if len(probes) < 3:
            raise ConnectionError("still down")

    breaker = DatabaseBreaker(probe, interval_s=0.01)
    assert not breaker.is_open

    breaker.failed()
    breaker.failed()  # a second failure starts no second probe
    assert breaker.is_open
    await asyncio.wait_for(breaker.wait_closed(), 10)

    assert not breaker.is_open
    assert probes == ["asked", "asked", "asked"]
    await breaker.close()


async def test_a_probe_that_hangs_counts_as_a_failure() -> None:
    calls = 0

    async def probe() -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            await asyncio.sleep(60)

    breaker = DatabaseBreaker(probe, interval_s=0.01, probe_timeout_s=0.05)
    breaker.failed()
    await asyncio.wait_for(breaker.wait_closed(), 10)
    assert calls == 2


@pytest.mark.slow  # the first request waits for the driver's retries
def test_once_the_database_failed_requests_are_answered_503_at_once() -> None:
    settings = load_settings(neo4j_uri=NOWHERE, lexgraph_client_rate=0)
    query = {"query": '{ procedure(number: "15.4.1") { title } }'}
    with TestClient(create_app(settings)) as client:
        first = client.post("/graphql", json=query)
        began = time.perf_counter()
        later = [client.post("/graphql", json=query) for _ in range(5)]
        later_s = time.perf_counter() - began
        health = client.get("/healthz")

    for answer in [first, *later]:
        assert answer.status_code == 503
        assert answer.headers["retry-after"] == "5"
        (error,) = answer.json()["errors"]
        assert error["extensions"]["code"] == "DATABASE_UNAVAILABLE"
    # The first waited for its connection attempts; the others did not try at all.
    assert later_s < 1.0
    assert health.status_code == 200
