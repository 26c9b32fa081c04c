"""Latency of the explore page's `neighbourhood` reads at depth 1, 2, 3 (a benchmark, not a test).

Runs `lexgraph.graph.neighbourhood.find_neighbourhood` against the configured graph (`NEO4J_URI`,
or the local Neo4j), with and without `asOf`, from a procedure, an act and a provision of the sample
corpus, each following every edge and leaving `MENTIONS` out (as the explore page does unless
asked), side by side. Import something first (`lexgraph import importers/corpus`).

Usage: .venv/bin/python bench/bench_neighbourhood.py [rounds]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import statistics
import time
from collections.abc import Mapping
from typing import Any, LiteralString

from neo4j import Record, RoutingControl

from lexgraph.config import load_settings
from lexgraph.graph.driver import create_driver
from lexgraph.graph.neighbourhood import find_neighbourhood

CENTERS = ("procedure/15.4.1", "by/code/tax", "by/code/tax#art_287")
DEPTHS = (1, 2, 3)
HIDDEN: tuple[tuple[str, ...], ...] = ((), ("MENTIONS",))


async def run(rounds: int) -> None:
    settings = load_settings()
    driver = create_driver(settings)

    async def read(
        name: str, statement: LiteralString, parameters: Mapping[str, Any] | None
    ) -> list[Record]:
        records, _, _ = await driver.execute_query(
            statement,
            parameters_=dict(parameters or {}),
            database_=settings.neo4j_database,
            routing_=RoutingControl.READ,
        )
        return records

    try:
        print(f"{rounds} rounds per case (after 1 warm-up)")
        for center in CENTERS:
            for as_of, hidden in itertools.product((None, dt.date(2024, 6, 1)), HIDDEN):
                for depth in DEPTHS:
                    found = await find_neighbourhood(
                        read, center, depth=depth, as_of=as_of, hidden_edge_types=hidden
                    )
                    if found is None:
                        print(f"{center}: not in the graph, skipped")
                        break
                    times = []
                    for _ in range(rounds):
                        began = time.perf_counter()
                        found = await find_neighbourhood(
                            read, center, depth=depth, as_of=as_of, hidden_edge_types=hidden
                        )
                        times.append((time.perf_counter() - began) * 1000)
                    assert found is not None
                    times.sort()
                    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                    when = f"as of {as_of}" if as_of else "any date"
                    edges = "no MENTIONS" if hidden else "all edges"
                    print(
                        f"{center:22} {when:16} {edges:11} depth {depth}: median"
                        f" {statistics.median(times):7.1f} ms, p95 {p95:7.1f} ms;"
                        f" {len(found.nodes):4} nodes, {len(found.edges):4} edges"
                        + (" (truncated)" if found.truncated else "")
                    )
    finally:
        await driver.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=20)
    asyncio.run(run(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
