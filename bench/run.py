"""The LexGraph benchmark: import throughput, and the named queries over HTTP and as raw Cypher.

One command (`make bench`, or `.venv/bin/python -m bench.run --size S --size M`) that, per size:

1. starts its own Neo4j (`var/bench-neo4j/{size}`, larger heap and page cache) on a fresh store,
   migrates it and loads the corpus (S: the sample corpus through the importer, end to end;
   M/L: the synthetic corpus of `lexgraph.synthetic` through the same loader), timing the import;
2. serves the API with uvicorn as a subprocess (`--workers`), waits for `/readyz`;
3. for each named document in `queries/*.graphql`: warms up, then sends requests from an async
   httpx client with 1 and with 16 concurrent clients, and reports median, p95, p99 latency and
   requests per second;
4. replays the Cypher statements the resolvers issue for the same requests (captured in process
   from `RequestContext.read`) through the async driver, one after another as the request does:
   the floor GraphQL adds to, the ratio GraphQL / raw, and round trips per request;
5. reads the memory (RSS) of the API processes and of Neo4j;

prints one table and writes everything as JSON to `bench/results/`. `--reuse` keeps a store loaded
by an earlier run (its import numbers are kept with it), to measure queries again without importing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
from neo4j import AsyncDriver, Query, Record, RoutingControl
from rich.console import Console
from rich.table import Table

from lexgraph import local_neo4j
from lexgraph import synthetic as synth
from lexgraph.api.context import RequestContext
from lexgraph.api.graphiql import read_example
from lexgraph.config import Settings, load_settings, project_root
from lexgraph.graph.bulk import bulk_load
from lexgraph.graph.driver import create_driver
from lexgraph.graph.migrations import apply_migrations
from lexgraph.graph.records import GraphBatch
from lexgraph.importing import import_paths, sample_corpus_dir

ROOT = project_root()
QUERIES = ROOT / "queries"
RESULTS = ROOT / "bench" / "results"
BENCH_HOME = ROOT / "var" / "bench-neo4j"
console = Console(width=180)

COUNT_GRAPH = """
CALL () { MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS edges }
RETURN nodes, edges
"""
IMPACT_UNIT = "by/code/tax#art_287"
PROCEDURE_NUMBERS = "MATCH (p:Procedure) RETURN p.number AS number ORDER BY p.number"


@dataclass(slots=True)
class ImportResult:
    size: str
    seconds: float
    documents: int
    nodes: int
    edges: int
    records_written: int
    # Distinct nodes + edges in the graph per second of the whole import.
    graph_per_s: float
    # Node and edge records written per second of loading (shared ones are written by every
    # document that mentions them), generation excluded.
    records_per_s: float
    generate_s: float = 0.0
    # "transactions" (the loader, a group of documents per transaction) or "bulk" (Neo4j's
    # import tool into a new store, then its indexes built; `lexgraph.graph.bulk`).
    method: str = "transactions"
    # Bulk only: planning (generation included), writing the files, the import tool, and
    # starting Neo4j with its indexes built.
    phases_s: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Latency:
    requests: int
    errors: int
    seconds: float
    median_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class QueryResult:
    name: str
    round_trips: float
    failure: str | None = None
    http: dict[int, Latency] = field(default_factory=dict)
    cypher: dict[int, Latency] = field(default_factory=dict)

    def ratio(self, concurrency: int) -> float | None:
        http, raw = self.http.get(concurrency), self.cypher.get(concurrency)
        if http is None or raw is None or not raw.median_ms:
            return None
        return http.median_ms / raw.median_ms


@dataclass(slots=True)
class SizeResult:
    size: str
    imported: ImportResult
    queries: list[QueryResult]
    api_rss_mb: float
    neo4j_rss_mb: float
    workers: int


# ---------------------------------------------------------------------------------------------
# Neo4j and the corpus


def _heap(size: str) -> tuple[str, int]:
    return {"S": ("1g", 512), "M": ("3g", 3072), "L": ("6g", 8192)}[size]


def start_neo4j(size: str, *, fresh: bool) -> local_neo4j.RunningNeo4j:
    home = BENCH_HOME / size
    if fresh:
        local_neo4j.stop(home)
        shutil.rmtree(home, ignore_errors=True)
    heap, page_cache = _heap(size)
    return local_neo4j.start(home, port=0, heap=heap, page_cache_mb=page_cache)


async def load_corpus(driver: AsyncDriver, database: str, size: str, seed: int) -> ImportResult:
    await apply_migrations(driver, database)
    began = time.perf_counter()
    if size == "S":
        report = import_paths(driver, database, [sample_corpus_dir()])
        done = await report
        seconds = time.perf_counter() - began
        written = sum(
            sum(d.nodes_by_label.values()) + sum(d.edges_by_type.values()) for d in done.documents
        )
        nodes, edges = await _count(driver, database)
        return ImportResult(
            size, seconds, len(done.documents), nodes, edges, written,
            (nodes + edges) / seconds, written / seconds,
        )  # fmt: skip
    progress = {"last": began}

    def tick(count: int, batch: Any) -> None:
        if time.perf_counter() - progress["last"] > 30:
            progress["last"] = time.perf_counter()
            elapsed = progress["last"] - began
            console.print(f"  {size}: {count} documents loaded in {elapsed:.0f} s")

    report_s = await synth.load(driver, database, synth.SIZES[size], seed, on_document=tick)
    seconds = time.perf_counter() - began
    nodes, edges = await _count(driver, database)
    written = report_s.nodes_written + report_s.edges_written
    return ImportResult(
        size, seconds, report_s.documents, nodes, edges, written,
        (nodes + edges) / seconds, report_s.records_per_s, report_s.generate_s,
    )  # fmt: skip


async def _count(driver: AsyncDriver, database: str) -> tuple[int, int]:
    records, _, _ = await driver.execute_query(COUNT_GRAPH, database_=database)
    return int(records[0]["nodes"]), int(records[0]["edges"])


# ---------------------------------------------------------------------------------------------
# Named queries: variables, the Cypher their resolvers run


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    document: str
    defaults: dict[str, Any]

    @classmethod
    def read(cls, path: Path) -> NamedQuery:
        """The document and its example variables, read as GraphiQL reads them (the example may
        wrap across comment lines)."""
        example = read_example(path)
        return cls(path.stem, example.query, json.loads(example.variables or "{}"))


def variable_sets(query: NamedQuery, numbers: Sequence[str], count: int) -> list[dict[str, Any]]:
    """Variables for `count` requests: the file's example, with a procedure `number` drawn from
    the whole graph (point lookups spread over the data, not one cached row)."""
    rng = random.Random(f"variables:{query.name}")
    sets = []
    for _ in range(count):
        variables = dict(query.defaults)
        if "number" in variables and numbers:
            variables["number"] = rng.choice(numbers)
        sets.append(variables)
    return sets


@dataclass(slots=True)
class RecordingContext(RequestContext):
    """A request context that keeps every statement the resolvers run, with its parameters."""

    statements: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    async def read(
        self, name: str, statement: Any, parameters: Any = None, *, timeout_s: Any = None
    ) -> list[Record]:
        self.statements.append((statement, dict(parameters or {})))
        return await RequestContext.read(self, name, statement, parameters, timeout_s=timeout_s)


async def capture(
    driver: AsyncDriver, settings: Settings, query: NamedQuery, variables: dict[str, Any]
) -> tuple[list[tuple[str, dict[str, Any]]], int]:
    """The statements one request runs (in process, not timed) and its round-trip count."""
    from lexgraph.api.schema import schema

    problem = ""
    # The first request of a statement may pay for its planning, and time out on a busy machine.
    for _ in range(3):
        context = RecordingContext(driver=driver, settings=settings)
        result = await schema.execute(
            query.document, variable_values=variables, context_value=context
        )
        if not result.errors:
            return context.statements, len(context.round_trips)
        problem = result.errors[0].message
        console.print(f"  {query.name}: {problem.splitlines()[0][:120]} (retrying)")
    raise RuntimeError(f"{query.name}: {problem}")


# ---------------------------------------------------------------------------------------------
# Load generation


async def drive(
    send: Callable[[int], Awaitable[bool]], concurrency: int, requests: int, max_s: float
) -> Latency:
    """`requests` calls of `send(i)` from `concurrency` workers (stopping after `max_s`)."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    deadline = time.perf_counter() + max_s

    async def worker() -> None:
        nonlocal errors
        for index in counter:
            if time.perf_counter() > deadline:
                return
            began = time.perf_counter()
            ok = await send(index)
            latencies.append(time.perf_counter() - began)
            errors += 0 if ok else 1

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    seconds = time.perf_counter() - began
    ordered = sorted(latencies) or [0.0]

    def percentile(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    return Latency(
        len(latencies), errors, seconds, statistics.median(ordered) * 1000,
        percentile(0.95), percentile(0.99),
    )  # fmt: skip


async def bench_http(
    client: httpx.AsyncClient,
    query: NamedQuery,
    sets: list[dict[str, Any]],
    concurrency: int,
    requests: int,
    max_s: float,
) -> Latency:
    async def send(index: int) -> bool:
        body = {"query": query.document, "variables": sets[index % len(sets)]}
        response = await client.post("/graphql", json=body)
        return response.status_code == 200 and "errors" not in response.json()

    return await drive(send, concurrency, requests, max_s)


async def bench_cypher(
    driver: AsyncDriver,
    database: str,
    captured: list[list[tuple[str, dict[str, Any]]]],
    concurrency: int,
    requests: int,
    max_s: float,
) -> Latency:
    async def send(index: int) -> bool:
        for statement, parameters in captured[index % len(captured)]:
            await driver.execute_query(
                Query(statement),  # type: ignore[arg-type]
                parameters_=parameters,
                database_=database,
                routing_=RoutingControl.READ,
            )
        return True

    return await drive(send, concurrency, requests, max_s)


# ---------------------------------------------------------------------------------------------
# The API process


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_api(uri: str, workers: int, cache_mb: float) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {
        **os.environ,
        "NEO4J_URI": uri,
        "LEXGRAPH_LOG_LEVEL": "warning",
        "LEXGRAPH_RESPONSE_CACHE_MB": str(cache_mb),
    }
    command = [
        str(Path(sys.executable).with_name("uvicorn")),
        "lexgraph.api.asgi:app",
        "--host", "127.0.0.1",
        "--port", str(port),
        "--workers", str(workers),
        "--no-access-log",
        "--log-level", "warning",
    ]  # fmt: skip
    log = (BENCH_HOME / "uvicorn.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.3)
    stop_api(process)
    raise RuntimeError(f"the API did not become ready; see {BENCH_HOME / 'uvicorn.log'}")


def stop_api(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def start_profiler(pid: int, name: str) -> tuple[subprocess.Popen[bytes], Path]:
    """py-spy, sampling the API's processes (uvicorn and its workers) until stopped."""
    out = BENCH_HOME / f"profile-{name}.txt"
    command = [
        str(Path(sys.executable).with_name("py-spy")),
        "record", "--pid", str(pid), "--subprocesses", "--format", "raw", "--rate", "200",
        "--output", str(out), "--nonblocking",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return process, out


def summarize_profile(process: subprocess.Popen[bytes], out: Path) -> None:
    """Stop py-spy and print where the API spent its samples: own time by function, and the
    share of whole phases (parsing and validation, execution, JSON, the driver, the event loop)."""
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    own: dict[str, int] = {}
    within: dict[str, int] = {}
    total = 0
    for line in out.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [f for f in stack.split(";") if not f.startswith("process ")]
        if not frames or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        own[frames[-1]] = own.get(frames[-1], 0) + samples
        for frame in {re.sub(r" \(.*", "", f) for f in frames}:
            within[frame] = within.get(frame, 0) + samples
    if not total:
        console.print(f"  profile: no samples in {out}")
        return
    console.print(f"  profile ({total} samples, {out.relative_to(ROOT)}): own time")
    for frame, samples in sorted(own.items(), key=lambda kv: -kv[1])[:15]:
        console.print(f"    {100 * samples / total:5.1f}%  {frame[:140]}")
    console.print("  profile: time within")
    for frame, samples in sorted(within.items(), key=lambda kv: -kv[1])[:40]:
        console.print(f"    {100 * samples / total:5.1f}%  {frame[:140]}")


def rss_mb(pid: int, *, children: bool = False) -> float:
    """Resident memory of a process (and of its child processes), in MiB."""
    pids = [pid]
    if children:
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{pid}$", text, re.M):
                pids.append(int(status.parent.name))
    total = 0
    for each in pids:
        try:
            found = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{each}/status").read_text(), re.M)
        except OSError:
            continue
        total += int(found.group(1)) if found else 0
    return total / 1024


# ---------------------------------------------------------------------------------------------
# One size


async def bulk_corpus(size: str, seed: int) -> tuple[local_neo4j.RunningNeo4j, ImportResult]:
    """A new store written by Neo4j's import tool from the synthetic corpus, started, indexed."""
    home = BENCH_HOME / size
    local_neo4j.stop(home)
    shutil.rmtree(home, ignore_errors=True)
    heap, page_cache = _heap(size)
    written = {"records": 0}

    def counted() -> Iterator[GraphBatch]:
        for batch in synth.documents(synth.SIZES[size], seed):
            written["records"] += len(batch.nodes) + len(batch.edges)
            yield batch

    began = time.perf_counter()
    found, report = await bulk_load(home, counted(), heap=heap, page_cache_mb=page_cache)
    seconds = time.perf_counter() - began
    phases = {
        "plan": report.plan_s, "write_files": report.write_s, "import_tool": report.import_s,
        "start_and_index": report.index_s,
    }  # fmt: skip
    loading_s = seconds - report.make_s  # as for the loader: generation apart
    result = ImportResult(
        size, seconds, report.documents, report.nodes, report.edges, written["records"],
        (report.nodes + report.edges) / seconds, written["records"] / loading_s,
        report.make_s, method="bulk", phases_s=phases,
    )  # fmt: skip
    return found, result


async def bench_size(args: argparse.Namespace, size: str) -> SizeResult:
    marker = BENCH_HOME / size / "bench-import.json"
    reuse = args.reuse and marker.is_file()
    bulk = args.bulk and not reuse and size != "S"
    if bulk:
        console.print(f"{size}: bulk loading …")
        found, imported = await bulk_corpus(size, args.seed)
        marker.write_text(json.dumps(asdict(imported)))
    else:
        found = start_neo4j(size, fresh=not reuse)
    settings = load_settings(neo4j_uri=found.uri)
    driver = create_driver(settings)
    try:
        if bulk:
            console.print(
                f"{size}: {imported.nodes + imported.edges:,} nodes+edges in"
                f" {imported.seconds:.0f} s (bulk: generate {imported.generate_s:.0f} s, "
                + ", ".join(f"{k} {v:.0f} s" for k, v in imported.phases_s.items())
                + ")"
            )
        elif reuse:
            imported = ImportResult(**json.loads(marker.read_text()))
            console.print(f"{size}: reusing the store loaded earlier ({marker})")
        else:
            console.print(f"{size}: loading …")
            imported = await load_corpus(driver, settings.neo4j_database, size, args.seed)
            marker.write_text(json.dumps(asdict(imported)))
            console.print(
                f"{size}: {imported.nodes + imported.edges:,} nodes+edges in"
                f" {imported.seconds:.0f} s"
            )
        if args.load_only:
            return SizeResult(size, imported, [], 0.0, rss_mb(found.pid), 0)
        records, _, _ = await driver.execute_query(PROCEDURE_NUMBERS)
        numbers = [r["number"] for r in records]
        queries = [NamedQuery.read(p) for p in sorted(QUERIES.glob("*.graphql"))]
        if args.query:
            queries = [q for q in queries if any(s in q.name for s in args.query)]
        process, base = start_api(found.uri, args.workers, args.response_cache_mb)
        args.api_pid = process.pid
        try:
            results = await _bench_queries(args, driver, settings, base, queries, numbers)
            api_rss = rss_mb(process.pid, children=True)
        finally:
            stop_api(process)
        return SizeResult(size, imported, results, api_rss, rss_mb(found.pid), args.workers)
    finally:
        await driver.close()
        if not args.keep_running:
            local_neo4j.stop(BENCH_HOME / size)


async def _bench_queries(
    args: argparse.Namespace,
    driver: AsyncDriver,
    settings: Settings,
    base: str,
    queries: list[NamedQuery],
    numbers: list[str],
) -> list[QueryResult]:
    results = []
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        for query in queries:
            sets = variable_sets(query, numbers, 50)
            captured, trips = [], []
            try:
                for variables in sets[:10]:
                    statements, count = await capture(driver, settings, query, variables)
                    captured.append(statements)
                    trips.append(count)
            except Exception as error:  # a query that cannot answer at this size is a result
                console.print(f"  {query.name}: [red]failed[/red]: {error}".splitlines()[0])
                results.append(QueryResult(query.name, 0, failure=str(error).splitlines()[0]))
                continue
            result = QueryResult(query.name, statistics.mean(trips))
            await bench_http(client, query, sets, 4, args.warmup, args.max_seconds)
            for concurrency in args.concurrency:
                profiler = None
                if (
                    args.profile
                    and args.profile in query.name
                    and concurrency == max(args.concurrency)
                ):
                    profiler = start_profiler(args.api_pid, query.name)
                result.http[concurrency] = await bench_http(
                    client, query, sets, concurrency, args.requests, args.max_seconds
                )
                if profiler is not None:
                    summarize_profile(*profiler)
                if not any(captured):
                    continue  # its reads bypass the request context (impact): see its own row
                result.cypher[concurrency] = await bench_cypher(
                    driver, settings.neo4j_database, captured, concurrency, args.requests,
                    args.max_seconds,
                )  # fmt: skip
            console.print(f"  {query.name}: done")
            results.append(result)
    results.append(await _bench_impact(args, driver, settings.neo4j_database))
    return results


async def _bench_impact(
    args: argparse.Namespace, driver: AsyncDriver, database: str
) -> QueryResult:
    """Impact of a change to Art. 287 of the Tax Code at depth 3, as `lexgraph impact` runs it:
    the walk itself, in process through the driver, every time (the named document over HTTP is
    answered from the API's cache of reports after its first request)."""
    from lexgraph.graph.impact import analyze_impact

    async def send(index: int) -> bool:
        await analyze_impact(driver, database, [IMPACT_UNIT], depth=3)
        return True

    report = await analyze_impact(driver, database, [IMPACT_UNIT], depth=3)
    counts = ", ".join(f"{kind} {total:,}" for kind, total in report.counts().items())
    console.print(
        f"  impact of {IMPACT_UNIT} at depth 3: {len(report.affected):,} affected ({counts})"
        + (", truncated" if report.truncated else "")
    )
    result = QueryResult("impact-art-287-depth-3 (driver)", 0)
    await drive(send, 2, max(2, args.warmup // 10), args.max_seconds)
    for concurrency in args.concurrency:
        result.cypher[concurrency] = await drive(
            send, concurrency, max(20, args.requests // 4), args.max_seconds
        )
    console.print(f"  {result.name}: done")
    return result


# ---------------------------------------------------------------------------------------------
# Output


def print_table(results: list[SizeResult]) -> None:
    imports = Table(title="Import")
    for column in ("size", "documents", "nodes", "edges", "seconds", "graph n+e/s", "written/s"):
        imports.add_column(column, justify="right")
    for r in results:
        i = r.imported
        imports.add_row(
            i.size, f"{i.documents:,}", f"{i.nodes:,}", f"{i.edges:,}", f"{i.seconds:.1f}",
            f"{i.graph_per_s:,.0f}", f"{i.records_per_s:,.0f}",
        )  # fmt: skip
    console.print(imports)
    table = Table(title="Named queries: HTTP (GraphQL) vs raw Cypher, latency in ms")
    columns = ("size", "query", "c", "median", "p95", "p99", "req/s", "errors")
    for column in (*columns, "cypher median", "cypher p99", "ratio", "trips"):
        table.add_column(column, justify="right")
    for r in results:
        for q in r.queries:
            if q.failure:
                table.add_row(r.size, q.name, "", "failed: " + q.failure[:60])
            for c, raw_only in q.cypher.items():
                if c in q.http:
                    continue
                table.add_row(
                    r.size, q.name, str(c), "", "", "", f"{raw_only.rps:.0f}", str(raw_only.errors),
                    f"{raw_only.median_ms:.1f}", f"{raw_only.p99_ms:.1f}", "", "",
                )  # fmt: skip
            for c, h in q.http.items():
                raw = q.cypher.get(c)
                ratio = q.ratio(c)
                table.add_row(
                    r.size, q.name, str(c), f"{h.median_ms:.1f}", f"{h.p95_ms:.1f}",
                    f"{h.p99_ms:.1f}", f"{h.rps:.0f}", str(h.errors),
                    f"{raw.median_ms:.1f}" if raw else "", f"{raw.p99_ms:.1f}" if raw else "",
                    f"{ratio:.2f}" if ratio else "", f"{q.round_trips:.0f}",
                )  # fmt: skip
    console.print(table)
    for r in results:
        console.print(
            f"{r.size}: API RSS {r.api_rss_mb:.0f} MiB ({r.workers} worker(s)),"
            f" Neo4j RSS {r.neo4j_rss_mb:.0f} MiB"
        )


def to_json(results: list[SizeResult], args: argparse.Namespace) -> dict[str, Any]:
    def latency(value: Latency) -> dict[str, Any]:
        return {**asdict(value), "rps": value.rps}

    return {
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "settings": {
            "seed": args.seed,
            "workers": args.workers,
            "response_cache_mb": args.response_cache_mb,
            "requests": args.requests,
            "concurrency": args.concurrency,
        },
        "sizes": [
            {
                "size": r.size,
                "import": asdict(r.imported),
                "api_rss_mb": r.api_rss_mb,
                "neo4j_rss_mb": r.neo4j_rss_mb,
                "queries": [
                    {
                        "name": q.name,
                        "round_trips": q.round_trips,
                        "failure": q.failure,
                        "http": {str(c): latency(v) for c, v in q.http.items()},
                        "cypher": {str(c): latency(v) for c, v in q.cypher.items()},
                        "ratio_median": {str(c): q.ratio(c) for c in q.http},
                    }
                    for q in r.queries
                ],
            }
            for r in results
        ],
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", choices=["S", "M", "L"], help="repeatable")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--requests", type=int, default=400, help="per query and concurrency")
    parser.add_argument("--warmup", type=int, default=40)
    parser.add_argument("--max-seconds", type=float, default=30.0, help="per measurement")
    parser.add_argument("--concurrency", type=int, action="append", help="default: 1 and 16")
    parser.add_argument("--query", action="append", help="only queries whose name has this")
    parser.add_argument("--reuse", action="store_true", help="reuse a store loaded earlier")
    parser.add_argument("--load-only", action="store_true", help="import, measure, stop")
    parser.add_argument(
        "--bulk", action="store_true", help="M/L: load a new store with Neo4j's import tool"
    )
    parser.add_argument("--profile", help="py-spy the API during this query at top concurrency")
    parser.add_argument("--keep-running", action="store_true", help="leave Neo4j running")
    parser.add_argument(
        "--response-cache-mb",
        type=float,
        default=0.0,
        help="the API's answer cache (default 0: every request executes, the engine is measured)",
    )
    args = parser.parse_args(argv)
    args.size = args.size or ["S", "M"]
    args.concurrency = args.concurrency or [1, 16]
    return args


async def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = [await bench_size(args, size) for size in args.size]
    print_table(results)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    out = RESULTS / f"bench-{'-'.join(args.size)}-{stamp}.json"
    out.write_text(json.dumps(to_json(results, args), indent=2, ensure_ascii=False) + "\n")
    console.print(f"written: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    asyncio.run(main())
