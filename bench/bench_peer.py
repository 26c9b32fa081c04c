"""LexGraph against the library a user would pick instead: @neo4j/graphql with Apollo Server.

`make bench-peer` (`.venv/bin/python -m bench.bench_peer`), per size (S: the sample corpus as
`make run` imports it; M: the synthetic corpus, `lexgraph synth`):

1. starts a Neo4j of its own (`var/bench-neo4j/peer-{size}`) and loads the corpus (`--reuse`
   keeps a store loaded by an earlier run);
2. serves LexGraph (uvicorn, one process, its response cache off) and the peer (`bench/peer/`,
   one Node.js process) over that same Neo4j;
3. checks that both answer the four named documents alike (`bench.peer_answers`), for a sample
   of procedures and acts; a difference stops the run, since a ratio of different answers
   means nothing;
4. per document: one load generator (`bench.load`), 16 clients, alternating between the two
   servers in rounds (`--rounds` of `--seconds` each side), so that whatever else the machine
   does falls on both alike; counts requests and reads the CPU time each server process and
   Neo4j spent in its phases;

then prints the table (throughput LexGraph / peer per query at each size, CPU ms per request of
each side) and writes it as JSON to `bench/results/peer-{sizes}-{time}.json`. Only ratios of one
run count: the machine is shared, and absolute numbers move with it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families
from rich.console import Console
from rich.table import Table

from bench import peer_answers, peer_server, run
from bench.load import run_load, summarize
from lexgraph import local_neo4j
from lexgraph import synthetic as synth
from lexgraph.api.graphiql import Example
from lexgraph.config import load_settings
from lexgraph.graph.bulk import bulk_load
from lexgraph.graph.driver import create_driver
from lexgraph.graph.migrations import apply_migrations

console = Console(width=160)
HEAP = {"S": ("1g", 512), "M": ("2g", 2048)}
PROCEDURE_NUMBERS = "MATCH (p:Procedure) RETURN p.number AS key ORDER BY key"
# Acts with a page worth reading: those some text of the graph is (approving, repealing acts)
# and those regulations name in their legal basis.
ACT_IDS = """
MATCH (a:LegalAct) WHERE EXISTS { (a)-[:APPROVES|REPEALS|ISSUED_BY]->() }
   OR EXISTS { (a)<-[:GOVERNED_BY]-() }
RETURN a.id AS key ORDER BY key
"""
SPREAD = 50  # procedures and acts compared, and drawn from by the load


# ---------------------------------------------------------------------------------------------
# Processes: CPU time


def _children(pid: int) -> list[int]:
    found = []
    for path in Path("/proc").glob(f"{pid}/task/*/children"):
        try:
            found += [int(each) for each in path.read_text().split()]
        except OSError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and all its descendants still running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pending = [pid]
    while pending:
        each = pending.pop()
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        pending += _children(each)
    return total


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(slots=True)
class Side:
    """One server's share of a document's measurement: all its phases together."""

    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu_s: float = 0.0
    neo4j_cpu_s: float = 0.0
    load_cpu_s: float = 0.0
    """The load generator's own (this process): shared by both sides, it bounds how far their
    throughputs can differ when each answer costs the servers less than sending it costs here."""
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.cpu_s / self.requests if self.requests else 0.0

    @property
    def neo4j_ms_per_request(self) -> float:
        return 1000 * self.neo4j_cpu_s / self.requests if self.requests else 0.0

    @property
    def load_ms_per_request(self) -> float:
        return 1000 * self.load_cpu_s / self.requests if self.requests else 0.0

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies_ms) or [0.0]
        return {
            "requests": self.requests,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "rps": round(self.rps, 1),
            "cpu_ms_per_request": round(self.cpu_ms_per_request, 2),
            "neo4j_cpu_ms_per_request": round(self.neo4j_ms_per_request, 2),
            "load_generator_cpu_ms_per_request": round(self.load_ms_per_request, 2),
            "median_ms": round(ordered[len(ordered) // 2], 1),
            "p99_ms": round(ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))], 1),
        }


@dataclass(slots=True)
class Measured:
    size: str
    name: str
    lexgraph: Side
    peer: Side
    fallbacks: dict[str, float] = field(default_factory=dict)
    """LexGraph's root fields answered by the resolvers instead of one compiled statement while
    the document ran, by field and reason (its `/metrics`); none when the compiler covers it."""

    @property
    def ratio(self) -> float | None:
        return self.lexgraph.rps / self.peer.rps if self.peer.rps else None


# ---------------------------------------------------------------------------------------------
# The corpus


async def prepare(size: str, seed: int, reuse: bool) -> local_neo4j.RunningNeo4j:
    """A running Neo4j holding the corpus of `size` (loaded now unless `reuse` finds it)."""
    home = run.BENCH_HOME / f"peer-{size}"
    marker = home / "peer-loaded.json"
    heap, page_cache = HEAP[size]
    if reuse and marker.is_file():
        console.print(f"{size}: reusing the store loaded earlier ({home})")
        running = local_neo4j.start(home, port=0, heap=heap, page_cache_mb=page_cache)
        # A store loaded by an earlier version of the code gets the migrations added since.
        settings = load_settings(neo4j_uri=running.uri)
        driver = create_driver(settings)
        try:
            await apply_migrations(driver, settings.neo4j_database)
        finally:
            await driver.close()
        return running
    local_neo4j.stop(home)
    shutil.rmtree(home, ignore_errors=True)
    began = time.perf_counter()
    if size == "S":
        found = local_neo4j.start(home, port=0, heap=heap, page_cache_mb=page_cache)
        settings = load_settings(neo4j_uri=found.uri)
        driver = create_driver(settings)
        try:
            await run.load_corpus(driver, settings.neo4j_database, size, seed)
        finally:
            await driver.close()
    else:
        batches = synth.documents(synth.SIZES[size], seed)
        found, _ = await bulk_load(home, batches, heap=heap, page_cache_mb=page_cache)
    seconds = time.perf_counter() - began
    marker.write_text(json.dumps({"size": size, "seed": seed, "seconds": seconds}))
    console.print(f"{size}: loaded in {seconds:.0f} s")
    return found


async def keys(uri: str, statement: str) -> list[str]:
    driver = create_driver(load_settings(neo4j_uri=uri))
    try:
        records, _, _ = await driver.execute_query(statement)
        return [str(r["key"]) for r in records]
    finally:
        await driver.close()


def sample(values: Sequence[str], count: int, salt: str) -> list[str]:
    """`count` of `values`, the same on every run (spread over all of them, not the first few)."""
    if len(values) <= count:
        return list(values)
    return sorted(random.Random(salt).sample(list(values), count))


# ---------------------------------------------------------------------------------------------
# The check


async def check(
    lexgraph_url: str, peer_url: str, numbers: Sequence[str], acts: Sequence[str]
) -> list[str]:
    """Both servers' answers to every document, for each variable set: the differences. An answer
    that is an error (a timeout of a cold server on a busy machine) is asked again, twice at most,
    before it counts as a difference."""
    problems: list[str] = []
    async with httpx.AsyncClient(timeout=120) as client:

        async def both(document: peer_answers.Document, variables: dict[str, Any]) -> list[str]:
            found: list[str] = []
            for _ in range(3):
                answers = [
                    (await client.post(url + "/graphql", json={"query": q, "variables": variables}))
                    for url, q in ((lexgraph_url, document.lexgraph), (peer_url, document.peer))
                ]
                found = peer_answers.compare(document.name, answers[0].json(), answers[1].json())
                if not any(" error: " in problem for problem in found):
                    break
            return found

        for document in peer_answers.documents():
            sets = peer_answers.variable_sets(document.name, numbers, acts)
            for variables in sets:
                found = await both(document, variables)
                problems += [f"{document.name} {json.dumps(variables)}: {d}" for d in found]
            console.print(f"  {document.name}: {len(sets)} answer(s) compared")
    return problems


# ---------------------------------------------------------------------------------------------
# The load


def examples(query: str, name: str, sets: Sequence[dict[str, Any]]) -> list[Example]:
    return [Example(name, name, "", query, json.dumps(v)) for v in sets]


async def measure(
    args: argparse.Namespace,
    size: str,
    document: peer_answers.Document,
    sets: Sequence[dict[str, Any]],
    servers: dict[str, tuple[str, int]],
    neo4j_pid: int,
) -> Measured:
    """Rounds of `args.seconds` on each server in turn (LexGraph first in even rounds, the peer
    in odd ones), after one warm-up request per variable set on each."""
    sides = {"lexgraph": Side(), "peer": Side()}
    bodies = {
        "lexgraph": examples(document.lexgraph, document.name, sets),
        "peer": examples(document.peer, document.name, sets),
    }
    for side, (url, _) in servers.items():
        await run_load(url, bodies[side], clients=1, seconds=0, warm_up=True)
    fallbacks_before = await resolver_fallbacks(servers["lexgraph"][0])
    for round_ in range(args.rounds):
        order = ["lexgraph", "peer"] if round_ % 2 == 0 else ["peer", "lexgraph"]
        for side in order:
            url, pid = servers[side]
            cpu, neo4j_cpu = cpu_seconds(pid), cpu_seconds(neo4j_pid)
            load_cpu = time.process_time()
            outcomes = await run_load(
                url, bodies[side], clients=args.clients, seconds=args.seconds, warm_up=False
            )
            summary = summarize(outcomes, args.clients)
            each = sides[side]
            each.cpu_s += cpu_seconds(pid) - cpu
            each.neo4j_cpu_s += cpu_seconds(neo4j_pid) - neo4j_cpu
            each.load_cpu_s += time.process_time() - load_cpu
            each.requests += summary.requests
            each.errors += summary.errors
            each.seconds += summary.seconds
            each.latencies_ms += [o.seconds * 1000 for o in outcomes]
    fallbacks = await resolver_fallbacks(servers["lexgraph"][0])
    grown = {key: n - fallbacks_before.get(key, 0.0) for key, n in fallbacks.items()}
    return Measured(
        size,
        document.name,
        sides["lexgraph"],
        sides["peer"],
        {key: n for key, n in grown.items() if n},
    )


async def resolver_fallbacks(base_url: str) -> dict[str, float]:
    """LexGraph's count of root fields the resolvers answered, by `field (reason)`."""
    async with httpx.AsyncClient(timeout=30) as client:
        text = (await client.get(base_url + "/metrics")).raise_for_status().text
    counts: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        if family.name != "lexgraph_graphql_resolver_fallbacks":
            continue
        for sample in family.samples:
            if sample.name.endswith("_total"):
                key = f"{sample.labels['field']} ({sample.labels['uncovered']})"
                counts[key] = sample.value
    return counts


async def bench_size(args: argparse.Namespace, size: str) -> list[Measured]:
    found = await prepare(size, args.seed, args.reuse)
    try:
        numbers = sample(await keys(found.uri, PROCEDURE_NUMBERS), SPREAD, f"numbers:{size}")
        acts = sample(await keys(found.uri, ACT_IDS), SPREAD, f"acts:{size}")
        api, api_url = run.start_api(found.uri, 1, 0.0)
        try:
            log = run.BENCH_HOME / f"peer-{size}.log"
            with peer_server.served(found.uri, log) as peer:
                console.print(f"{size}: checking that both answer alike …")
                problems = await check(api_url, peer.url, numbers, acts)
                if problems:
                    for problem in problems[:40]:
                        console.print(f"  [red]{problem}[/red]", markup=False)
                    raise SystemExit(f"{size}: the answers differ ({len(problems)}); not measured")
                servers = {"lexgraph": (api_url, api.pid), "peer": (peer.url, peer.pid)}
                results = []
                for document in peer_answers.documents():
                    if args.query and not any(q in document.name for q in args.query):
                        continue
                    sets = peer_answers.variable_sets(document.name, numbers, acts)
                    measured = await measure(args, size, document, sets, servers, found.pid)
                    console.print(
                        f"  {document.name}: LexGraph {measured.lexgraph.rps:.1f}/s,"
                        f" peer {measured.peer.rps:.1f}/s"
                    )
                    results.append(measured)
                return results
        finally:
            run.stop_api(api)
    finally:
        if not args.keep_running:
            local_neo4j.stop(run.BENCH_HOME / f"peer-{size}")


# ---------------------------------------------------------------------------------------------
# Output


def print_table(results: list[Measured], sizes: Sequence[str]) -> None:
    table = Table(title="Throughput LexGraph / peer (above 1: LexGraph faster), 16 clients")
    table.add_column("query")
    for size in sizes:
        table.add_column(f"{size}", justify="right")
    names = list(dict.fromkeys(m.name for m in results))
    for name in names:
        cells = []
        for size in sizes:
            found = next((m for m in results if m.name == name and m.size == size), None)
            cells.append(f"{found.ratio:.2f}×" if found and found.ratio else "")
        table.add_row(name, *cells)
    console.print(table)
    detail = Table(
        title="Each side: requests/s, CPU ms per request (server process; Neo4j; load generator)"
    )
    for column in ("size", "query", "LexGraph req/s", "peer req/s", "LexGraph CPU ms",
                   "peer CPU ms", "Neo4j ms (LexGraph)", "Neo4j ms (peer)",
                   "load ms (LexGraph)", "load ms (peer)", "errors",
                   "resolver fallbacks"):  # fmt: skip
        detail.add_column(column, justify="right")
    for m in results:
        detail.add_row(
            m.size, m.name, f"{m.lexgraph.rps:.1f}", f"{m.peer.rps:.1f}",
            f"{m.lexgraph.cpu_ms_per_request:.1f}", f"{m.peer.cpu_ms_per_request:.1f}",
            f"{m.lexgraph.neo4j_ms_per_request:.1f}", f"{m.peer.neo4j_ms_per_request:.1f}",
            f"{m.lexgraph.load_ms_per_request:.1f}", f"{m.peer.load_ms_per_request:.1f}",
            f"{m.lexgraph.errors}/{m.peer.errors}",
            ", ".join(f"{k}: {n:.0f}" for k, n in m.fallbacks.items()) or "0",
        )  # fmt: skip
    console.print(detail)


def to_json(results: list[Measured], args: argparse.Namespace) -> dict[str, Any]:
    return {
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "settings": {
            "clients": args.clients,
            "rounds": args.rounds,
            "seconds_per_round_and_side": args.seconds,
            "seed": args.seed,
            "lexgraph": "uvicorn, 1 process, response cache off",
            "peer": json.loads((peer_server.PEER / "package.json").read_text())["dependencies"],
        },
        "results": [
            {
                "size": m.size,
                "query": m.name,
                "ratio": m.ratio,
                "lexgraph": m.lexgraph.summary(),
                "peer": m.peer.summary(),
                "lexgraph_resolver_fallbacks": m.fallbacks,
            }
            for m in results
        ],
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench.bench_peer", description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", choices=["S", "M"], help="repeatable")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=4, help="alternations per document")
    parser.add_argument("--seconds", type=float, default=10.0, help="per round and side")
    parser.add_argument("--query", action="append", help="only documents whose name has this")
    parser.add_argument("--reuse", action="store_true", help="reuse a store loaded earlier")
    parser.add_argument("--keep-running", action="store_true", help="leave Neo4j running")
    args = parser.parse_args(argv)
    args.size = args.size or ["S", "M"]
    return args


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # The peer stops no request; LexGraph's own limit (10 s a read) would turn the first, cold
    # reads of a busy machine into errors rather than slow answers.
    os.environ.setdefault("LEXGRAPH_QUERY_TIMEOUT_S", "60")
    run.BENCH_HOME.mkdir(parents=True, exist_ok=True)
    run.RESULTS.mkdir(parents=True, exist_ok=True)
    results: list[Measured] = []
    for size in args.size:
        results += await bench_size(args, size)
    print_table(results, args.size)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    out = run.RESULTS / f"peer-{'-'.join(args.size)}-{stamp}.json"
    out.write_text(json.dumps(to_json(results, args), indent=2, ensure_ascii=False) + "\n")
    console.print(f"written: {out.relative_to(run.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
