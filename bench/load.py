"""A load test of the served API: many clients, for a fixed time, on the named queries.

Each client sends the named documents of `queries/` in turn (with their example variables) over
HTTP, one request at a time, until the time is up; every request's outcome is kept (when it
started, how long it took, the HTTP status, the first error code), so a run can be summarized
(requests, errors, percentiles) or read as a timeline (the fault test: when did 503s start, when
did answers come back).

    python -m bench.load --url http://127.0.0.1:8000 --clients 32 --seconds 60

The API must be running (`make run` in another terminal). Loopback only: it refuses other hosts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from lexgraph.api.graphiql import Example, load_examples

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True, slots=True)
class Outcome:
    """One request: when it started (on the `time.perf_counter` clock), its latency, what came back
    (status None: no answer within the client's timeout or the connection failed)."""

    operation: str
    started: float
    seconds: float
    status: int | None
    code: str | None

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.code is None


@dataclass(frozen=True, slots=True)
class LoadSummary:
    clients: int
    seconds: float
    requests: int
    errors: int
    statuses: dict[str, int]
    codes: dict[str, int]
    requests_per_second: float
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


def summarize(
    outcomes: Sequence[Outcome], clients: int, seconds: float | None = None
) -> LoadSummary:
    """The run in numbers; `seconds` defaults to the span from the first start to the last end."""
    if seconds is None:
        ends = [o.started + o.seconds for o in outcomes]
        seconds = max(ends) - min(o.started for o in outcomes) if outcomes else 0.0
    latencies = sorted(o.seconds * 1000 for o in outcomes) or [0.0]

    def percentile(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, round(p * (len(latencies) - 1)))], 1)

    return LoadSummary(
        clients=clients,
        seconds=round(seconds, 1),
        requests=len(outcomes),
        errors=sum(1 for o in outcomes if not o.ok),
        statuses=dict(Counter(str(o.status) for o in outcomes)),
        codes=dict(Counter(o.code for o in outcomes if o.code is not None)),
        requests_per_second=round(len(outcomes) / seconds, 1) if seconds else 0.0,
        median_ms=round(statistics.median(latencies), 1),
        p95_ms=percentile(0.95),
        p99_ms=percentile(0.99),
        max_ms=round(latencies[-1], 1),
    )


def _first_code(content: bytes) -> str | None:
    try:
        body = json.loads(content)
    except ValueError:
        return "NOT_JSON"
    errors = body.get("errors") if isinstance(body, dict) else None
    if not errors:
        return None
    return str((errors[0].get("extensions") or {}).get("code") or "GRAPHQL_ERROR")


def request_body(document: Example) -> dict[str, Any]:
    return {"query": document.query, "variables": json.loads(document.variables or "{}")}


async def send_each_once(client: aiohttp.ClientSession, documents: Sequence[Example]) -> None:
    """The warm-up: each document once, one at a time. Neo4j plans each statement on first
    sight, and a cold server planning thirty-two at once measures the planner, not the service."""
    for document in documents:
        async with client.post("/graphql", json=request_body(document)) as response:
            await response.read()


async def run_load(
    url: str,
    documents: Sequence[Example],
    *,
    clients: int,
    seconds: float,
    timeout_s: float = 30.0,
    stop: asyncio.Event | None = None,
    warm_up: bool = True,
) -> list[Outcome]:
    """`clients` clients sending `documents` round-robin for `seconds` (or until `stop` is set),
    after one warm-up request of each document; every outcome, in order of completion."""
    if urlsplit(url).hostname not in LOOPBACK:
        raise ValueError(f"the load test runs against a loopback address only, not {url!r}")
    bodies = [(e.name, request_body(e)) for e in documents]
    outcomes: list[Outcome] = []
    # aiohttp, not httpx: on a machine whose cores the servers share with it, the load
    # generator's CPU per request is part of what the throughput divides, and aiohttp's is a
    # sixth of httpx's (about 0.3 against 2 ms per request on an act's page).
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    async with aiohttp.ClientSession(url, connector=connector, timeout=timeout) as client:
        if warm_up:
            await send_each_once(client, documents)
        deadline = time.perf_counter() + seconds

        async def one_client(number: int) -> None:
            turn = number  # clients start at different documents
            while time.perf_counter() < deadline and not (stop is not None and stop.is_set()):
                name, body = bodies[turn % len(bodies)]
                turn += 1
                started = time.perf_counter()
                status: int | None
                try:
                    async with client.post("/graphql", json=body) as response:
                        status, code = response.status, _first_code(await response.read())
                except (aiohttp.ClientError, TimeoutError) as error:
                    status, code = None, type(error).__name__
                ended = time.perf_counter()
                outcomes.append(Outcome(name, started, ended - started, status, code))

        await asyncio.gather(*(one_client(n) for n in range(clients)))
    return outcomes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the API (loopback)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to load")
    parser.add_argument("--timeout", type=float, default=30.0, help="client timeout, seconds")
    parser.add_argument("--json", type=Path, help="also write the summary to this file")
    args = parser.parse_args(argv)
    documents = load_examples()
    outcomes = asyncio.run(
        run_load(
            args.url, documents, clients=args.clients, seconds=args.seconds, timeout_s=args.timeout
        )
    )
    summary = summarize(outcomes, args.clients, args.seconds)
    text = json.dumps(asdict(summary), indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0 if summary.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
