"""What applying an amending act costs, against importing the same edition as a consolidated text
(a benchmark).

On a store of bench.run's (`var/bench-neo4j/{size}`, the synthetic corpus loaded as `bench.run`
loads it, or reused with `--reuse`) with the sample's resolution No. 102 imported on top, each
round times, one right after the other so both see the same load:

- **amend**: read the amending act, apply it to the text in force, and write the new edition with
  its effects and the facts traced to them (`lexgraph.amendments`, `lexgraph amend --apply`);
- **consolidated**: import the text that results as the next edition (`lexgraph import`).

Both write through the importer's one transaction and are rolled back at its end (the
transaction's `after` raises), so every round starts from the same graph and neither pays for a
commit. Two acts: No. 40 (2 instructions) and the instructions of No. 35 that apply (22).

Usage: .venv/bin/python -m bench.bench_amend --size M [--reuse] [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import datetime as dt
import json
import os
import statistics
import time
from dataclasses import asdict, dataclass

from neo4j import AsyncDriver, AsyncManagedTransaction

from bench.run import BENCH_HOME, RESULTS, ROOT, console, load_corpus, start_neo4j
from importers.amend_apply import apply_instructions
from importers.base import SourceDocument
from lexgraph import local_neo4j
from lexgraph.amendments import Amending, EffectsSink, read_amendment
from lexgraph.config import load_settings
from lexgraph.graph.driver import create_driver
from lexgraph.graph.loader import LoadSummary, load_batch
from lexgraph.graph.migrations import apply_migrations
from lexgraph.importing import build, import_document, sample_corpus_dir, stating_act

SAMPLE = sample_corpus_dir() / "004_85fdc72f4cf61fef.txt"
FIXTURES = ROOT / "tests" / "importers" / "fixtures" / "amending"
EFFECTIVE = dt.date(2024, 4, 1)


class _RolledBack(Exception):
    """Raised at the end of a timed transaction: it rolls back, the graph stays as it was."""


async def _roll_back(tx: AsyncManagedTransaction, summary: LoadSummary) -> None:
    raise _RolledBack(summary.version)


def _acts() -> dict[str, SourceDocument]:
    return {
        "No. 40 (2 instructions)": SourceDocument.read(FIXTURES / "mvd_2024_040.txt"),
        "No. 35, the applying 22": SourceDocument.read(FIXTURES / "mvd_2024_035.txt"),
    }


def _applying_only(amending: Amending) -> Amending:
    """The act with only its instructions that apply (the others change nothing)."""
    kept = tuple(o.instruction for o in amending.result.outcomes if o.applied)
    amendment = dataclasses.replace(amending.amendment, instructions=kept)
    result = apply_instructions(amending.current.text, kept)
    return Amending(amendment, result, amending.current, amending.effective)


async def _amend_once(
    driver: AsyncDriver, database: str, act: SourceDocument, current: SourceDocument, only: bool
) -> tuple[float, int]:
    began = time.perf_counter()
    amending = read_amendment(act, current, EFFECTIVE)
    if only:
        amending = _applying_only(amending)
    assert amending.writable, [o.reason for o in amending.result.refused]
    sink = EffectsSink(amending)
    write = sink.after

    async def after(tx: AsyncManagedTransaction, summary: LoadSummary) -> None:
        await write(tx, summary)
        await _roll_back(tx, summary)

    with contextlib.suppress(_RolledBack):
        await import_document(
            driver, database, amending.new_text, effective_from=EFFECTIVE, after=after
        )
    seconds = time.perf_counter() - began
    written = sink.result
    return seconds, written.facts if written is not None else -1


async def _consolidated_once(driver: AsyncDriver, database: str, text: SourceDocument) -> float:
    began = time.perf_counter()
    with contextlib.suppress(_RolledBack):
        await import_document(driver, database, text, effective_from=EFFECTIVE, after=_roll_back)
    return time.perf_counter() - began


@dataclass(slots=True)
class ActResult:
    act: str
    instructions: int
    facts_traced: int
    amend_median_ms: float
    consolidated_median_ms: float
    ratio_of_medians: float
    median_pair_ratio: float
    amend_ms: list[float]
    consolidated_ms: list[float]


async def _measure(driver: AsyncDriver, database: str, rounds: int) -> list[ActResult]:
    current = SourceDocument.read(SAMPLE)
    found = []
    for name, act in _acts().items():
        only = "applying" in name
        probe = read_amendment(act, current, EFFECTIVE)
        if only:
            probe = _applying_only(probe)
        new_text = SourceDocument(SAMPLE.name, probe.result.text)
        await _amend_once(driver, database, act, current, only)  # warm the plans
        await _consolidated_once(driver, database, new_text)
        amend_s, consolidated_s, facts = [], [], 0
        for _ in range(rounds):
            seconds, facts = await _amend_once(driver, database, act, current, only)
            amend_s.append(seconds)
            consolidated_s.append(await _consolidated_once(driver, database, new_text))
        pairs = [a / c for a, c in zip(amend_s, consolidated_s, strict=True)]
        found.append(
            ActResult(
                act=name,
                instructions=len(probe.result.outcomes),
                facts_traced=facts,
                amend_median_ms=statistics.median(amend_s) * 1000,
                consolidated_median_ms=statistics.median(consolidated_s) * 1000,
                ratio_of_medians=statistics.median(amend_s) / statistics.median(consolidated_s),
                median_pair_ratio=statistics.median(pairs),
                amend_ms=[round(s * 1000, 1) for s in amend_s],
                consolidated_ms=[round(s * 1000, 1) for s in consolidated_s],
            )
        )
    return found


async def _run(size: str, reuse: bool, rounds: int, seed: int) -> list[ActResult]:
    marker = BENCH_HOME / size / "bench-import.json"
    reuse = reuse and marker.is_file()
    running = start_neo4j(size, fresh=not reuse)
    settings = load_settings(neo4j_uri=running.uri)
    driver = create_driver(settings)
    database = settings.neo4j_database
    try:
        if reuse:
            console.print(f"{size}: reusing the store loaded earlier ({marker})")
            await apply_migrations(driver, database)
        else:
            console.print(f"{size}: loading …")
            imported = await load_corpus(driver, database, size, seed)
            marker.write_text(json.dumps(asdict(imported)))
        # The amended act's text in force, as an import writes it (idempotent). Written by the
        # loader alone: the portal claims an import links afterwards are not measured here, and
        # at M matching them to 10,000 procedures takes longer than the whole bench.
        batch, _ = build(SourceDocument.read(SAMPLE), "mvd_regulations", {})
        await load_batch(driver, batch, database, stated_in=stating_act(batch))
        return await _measure(driver, database, rounds)
    finally:
        await driver.close()
        local_neo4j.stop(BENCH_HOME / size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="M", choices=["S", "M", "L"])
    parser.add_argument("--reuse", action="store_true", help="Reuse the loaded store.")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    results = asyncio.run(_run(args.size, args.reuse, args.rounds, args.seed))
    for r in results:
        console.print(
            f"{args.size} {r.act}: amend {r.amend_median_ms:.0f} ms, consolidated"
            f" {r.consolidated_median_ms:.0f} ms, ratio {r.ratio_of_medians:.2f}"
            f" (median of pairs {r.median_pair_ratio:.2f}); {r.facts_traced} facts traced"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    out = RESULTS / f"amend-{args.size}-{stamp}.json"
    payload = {
        "size": args.size,
        "rounds": args.rounds,
        "load_average": os.getloadavg(),
        "acts": [asdict(r) for r in results],
    }
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    console.print(f"written: {out}")


if __name__ == "__main__":
    main()
