"""What asking for a past day costs: the procedure page with and without `asOf` (a benchmark).

`queries/procedure-details.graphql` over HTTP, on a store of bench.run's (`var/bench-neo4j/{size}`,
loaded as `bench.run` loads it, or reused with `--reuse`), served by uvicorn as `bench.run` serves
it (the answer cache off: every request executes). Each request without `asOf` (today) is followed
by the same request with an explicit past day, procedure by procedure, so both see the same load
and the same cache state; the ratio of their medians (and the median of the pairs' ratios) is what
`asOf` adds. Every read answers as of a date either way (the default is today), so the ratio
measures what a past day changes (other facts, other plans of the same statements), not the
predicate itself.

Usage: .venv/bin/python -m bench.bench_as_of --size M [--reuse] [--requests 300] [--as-of DATE]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import time
from dataclasses import asdict, dataclass
from typing import Any

import httpx

from bench.run import (
    BENCH_HOME,
    PROCEDURE_NUMBERS,
    QUERIES,
    RESULTS,
    ROOT,
    ImportResult,
    NamedQuery,
    console,
    load_corpus,
    start_api,
    start_neo4j,
    stop_api,
    variable_sets,
)
from lexgraph import local_neo4j
from lexgraph.config import load_settings
from lexgraph.graph.driver import create_driver

QUERY = "procedure-details"
# A day on which the texts of the sample corpus hold (resolution No. 102 is in force from 1 July
# 2023), before today: the past answer is as full as today's.
PAST = dt.date(2023, 12, 31)


@dataclass(slots=True)
class Side:
    median_ms: float
    p95_ms: float
    errors: int


@dataclass(slots=True)
class AsOfResult:
    size: str
    as_of: str
    pairs: int
    today: Side
    past: Side
    ratio_of_medians: float
    median_pair_ratio: float
    load_average: tuple[float, float, float]


def _side(latencies: list[float], errors: int) -> Side:
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return Side(statistics.median(ordered) * 1000, p95 * 1000, errors)


async def _timed(client: httpx.AsyncClient, body: dict[str, Any]) -> tuple[float, bool]:
    began = time.perf_counter()
    response = await client.post("/graphql", json=body)
    took = time.perf_counter() - began
    return took, response.status_code == 200 and "errors" not in response.json()


async def measure(base: str, query: NamedQuery, numbers: list[str], args: Any) -> AsOfResult:
    sets = variable_sets(query, numbers, 50)
    past = args.as_of.isoformat()
    today: list[float] = []
    then: list[float] = []
    errors = {"today": 0, "past": 0}
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        # Every statement planned and every page read once, on both sides, before timing.
        for variables in sets:
            await _timed(client, {"query": query.document, "variables": variables})
            await _timed(
                client, {"query": query.document, "variables": {**variables, "asOf": past}}
            )
        for index in range(args.requests):
            variables = sets[index % len(sets)]
            took, ok = await _timed(client, {"query": query.document, "variables": variables})
            today.append(took)
            errors["today"] += 0 if ok else 1
            body = {"query": query.document, "variables": {**variables, "asOf": past}}
            took, ok = await _timed(client, body)
            then.append(took)
            errors["past"] += 0 if ok else 1
    now, old = _side(today, errors["today"]), _side(then, errors["past"])
    pair_ratios = [b / a for a, b in zip(today, then, strict=True) if a]
    load = _load_average()
    return AsOfResult(
        args.size, past, len(today), now, old, old.median_ms / now.median_ms,
        statistics.median(pair_ratios), load,
    )  # fmt: skip


def _load_average() -> tuple[float, float, float]:
    with open("/proc/loadavg", encoding="ascii") as found:
        one, five, fifteen = (float(x) for x in found.read().split()[:3])
    return one, five, fifteen


async def run(args: Any) -> AsOfResult:
    marker = BENCH_HOME / args.size / "bench-import.json"
    reuse = args.reuse and marker.is_file()
    found = start_neo4j(args.size, fresh=not reuse)
    settings = load_settings(neo4j_uri=found.uri)
    driver = create_driver(settings)
    try:
        if not reuse:
            console.print(f"{args.size}: loading …")
            imported = await load_corpus(driver, settings.neo4j_database, args.size, args.seed)
            marker.write_text(json.dumps(asdict(imported)))
        else:
            imported = ImportResult(**json.loads(marker.read_text()))
            console.print(f"{args.size}: reusing the store loaded earlier ({marker})")
        records, _, _ = await driver.execute_query(PROCEDURE_NUMBERS)
        numbers = [r["number"] for r in records]
        query = NamedQuery.read(QUERIES / f"{QUERY}.graphql")
        process, base = start_api(found.uri, args.workers, 0.0)
        try:
            return await measure(base, query, numbers, args)
        finally:
            stop_api(process)
    finally:
        await driver.close()
        if not args.keep_running:
            local_neo4j.stop(BENCH_HOME / args.size)


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.bench_as_of", description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["S", "M", "L"], default="M")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--requests", type=int, default=300, help="pairs of requests")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=PAST, help="the past day")
    parser.add_argument("--reuse", action="store_true", help="reuse a store loaded earlier")
    parser.add_argument("--keep-running", action="store_true", help="leave Neo4j running")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    console.print(
        f"{QUERY} at {result.size}, {result.pairs} pairs: today median {result.today.median_ms:.1f}"
        f" ms (p95 {result.today.p95_ms:.1f}), as of {result.as_of} median"
        f" {result.past.median_ms:.1f} ms (p95 {result.past.p95_ms:.1f});"
        f" ratio of medians {result.ratio_of_medians:.2f}, median of pair ratios"
        f" {result.median_pair_ratio:.2f}; errors {result.today.errors}/{result.past.errors};"
        f" load average {result.load_average[0]:.1f}"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"as-of-{result.size}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(asdict(result), indent=2) + "\n")
    console.print(f"written: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
