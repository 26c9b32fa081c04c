"""Latency of impact queries at depth 1, 3 and 5 (a benchmark, not a test).

Runs `lexgraph.graph.impact.analyze_impact` against the configured graph (`NEO4J_URI`, or the
local Neo4j), for units that exist in both the sample corpus and the synthetic graphs
(`lexgraph.synthetic`): Art. 287 of the Tax Code, cited by every fee-paying procedure, and Law
433-З, cited by almost every regulation. Import something first (`lexgraph import
importers/corpus`, or `lexgraph synth --size M`).

Usage: .venv/bin/python bench/bench_impact.py [rounds] [--as-of YYYY-MM-DD] [--of ID ...]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import time

from lexgraph.config import load_settings
from lexgraph.graph.driver import create_driver
from lexgraph.graph.impact import analyze_impact, present_ids

UNITS = ("by/code/tax#art_287", "by/law/2008-10-28/433-z", "by/law/2010-12-30/225-z")
DEPTHS = (1, 3, 5)


async def run(rounds: int, as_of: dt.date | None, units: list[str]) -> None:
    settings = load_settings()
    driver = create_driver(settings)
    database = settings.neo4j_database
    try:
        records, _, _ = await driver.execute_query(
            "MATCH (n) RETURN count(n) AS nodes", database_=database
        )
        print(f"graph: {records[0]['nodes']:,} nodes; {rounds} rounds per depth (after 1 warm-up)")
        present = await present_ids(driver, database, units)
        for unit in units:
            if unit not in present:
                print(f"{unit}: not in the graph, skipped")
                continue
            for depth in DEPTHS:
                report = await analyze_impact(driver, database, [unit], as_of=as_of, depth=depth)
                times = []
                for _ in range(rounds):
                    began = time.perf_counter()
                    report = await analyze_impact(
                        driver, database, [unit], as_of=as_of, depth=depth
                    )
                    times.append((time.perf_counter() - began) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                print(
                    f"{unit:32} depth {depth}: median {statistics.median(times):8.1f} ms,"
                    f" p95 {p95:8.1f} ms, max {times[-1]:8.1f} ms;"
                    f" {len(report.changed):,} changed units, {len(report.affected):,} affected"
                    + (" (truncated)" if report.truncated else "")
                )
    finally:
        await driver.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=20)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--of", nargs="+", default=list(UNITS))
    arguments = parser.parse_args()
    asyncio.run(run(arguments.rounds, arguments.as_of, arguments.of))


if __name__ == "__main__":
    main()
