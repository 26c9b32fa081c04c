"""What compiling a request into one statement buys: the compiled path against the resolvers.

In process (no HTTP), on a store of bench.run's (`var/bench-neo4j/{size}`: S, the sample corpus;
M, the synthetic corpus, bulk-loaded; or reused with `--reuse`), for each of the four named
documents the compiler covers, side by side in one run, the two paths alternating round by round
so both see the same load:

- throughput (requests per second) with `--clients` concurrent requests, compiled and resolvers,
  and their ratio; and the compiled path with its plans kept (as served) against the same path
  compiling every request anew (`anew`), which is what keeping the plans buys;
- bytes read from Neo4j per request (what the driver's Bolt sockets receive) against the bytes of
  the response's JSON, and their ratio, for both paths;
- for procedure details: GraphQL execution in process against the raw Cypher it issues (the same
  statements and parameters through the driver, one request at a time, alternating, the path
  compiling anew alternating with them), and the latency of one client (median, p99).

Usage: .venv/bin/python -m bench.bench_compiled --size S --size M [--reuse] [--seconds 4]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson
from neo4j import AsyncDriver, Query, Record, RoutingControl
from neo4j._async_compat.network._bolt_socket import AsyncBoltSocketBase
from rich.table import Table

from bench.run import (
    BENCH_HOME,
    PROCEDURE_NUMBERS,
    QUERIES,
    RESULTS,
    NamedQuery,
    RecordingContext,
    bulk_corpus,
    console,
    load_corpus,
    start_neo4j,
    variable_sets,
)
from lexgraph import local_neo4j
from lexgraph.api.compile import CompiledExecutionContext
from lexgraph.api.compile.coalesce import Batch, Coalescer, neo4j_run
from lexgraph.api.context import RequestContext
from lexgraph.api.schema import build_schema
from lexgraph.config import Settings, load_settings
from lexgraph.graph.driver import create_driver

DOCUMENTS = (
    "procedure-details",
    "procedures-depending-on-art-287-tax-code",
    "procedures-requiring-apostille",
    "legal-act",
)


class _CompiledAnew(CompiledExecutionContext):
    """The compiled path as it was before plans were kept: every request compiles its own."""

    keep_plans = False


def _compiled_anew() -> Any:
    found = build_schema.__wrapped__(compiled=True)  # a schema of its own, not the cached one
    found.execution_context_class = _CompiledAnew
    return found


PATHS = {
    "compiled": build_schema(compiled=True),
    "resolvers": build_schema(compiled=False),
    "anew": _compiled_anew(),
}


class _Received:
    """Bytes the driver's Bolt sockets received (a measuring instrument: wraps `recv_into`)."""

    total = 0

    @classmethod
    def install(cls) -> None:
        receive = AsyncBoltSocketBase.recv_into

        async def counted(self: Any, buffer: Any, nbytes: int) -> int:
            got: int = await receive(self, buffer, nbytes)  # type: ignore[no-untyped-call]
            cls.total += got
            return got

        AsyncBoltSocketBase.recv_into = counted  # type: ignore[method-assign]


@dataclass(slots=True)
class DocumentResult:
    name: str
    rps: dict[str, float] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    bytes_read: dict[str, float] = field(default_factory=dict)
    bytes_response: float = 0.0

    @property
    def speedup(self) -> float:
        return self.rps["compiled"] / self.rps["resolvers"] if self.rps.get("resolvers") else 0.0

    @property
    def kept_gain(self) -> float:
        """Throughput with plans kept against compiling every request anew."""
        return self.rps["compiled"] / self.rps["anew"] if self.rps.get("anew") else 0.0


@dataclass(slots=True)
class SizeResult:
    size: str
    documents: list[DocumentResult]
    execution_ms: float
    raw_cypher_ms: float
    execution_anew_ms: float
    one_client_median_ms: float
    one_client_p99_ms: float
    load_average: tuple[float, float, float]

    @property
    def execution_ratio(self) -> float:
        return self.execution_ms / self.raw_cypher_ms

    @property
    def execution_anew_ratio(self) -> float:
        return self.execution_anew_ms / self.raw_cypher_ms


# The batches the compiled paths ran (as served, `lexgraph.api.compile.coalesce`), with their
# parameters, so that one request's raw Cypher can be run again alone.
_batched: list[tuple[str, dict[str, Any]]] = []
_coalescers: dict[int, Coalescer] = {}


def _coalescer(driver: AsyncDriver, settings: Settings) -> Coalescer:
    """The process's batches for `driver`, as the app keeps them, recording each batch run."""
    found = _coalescers.get(id(driver))
    if found is None:
        run = neo4j_run(lambda: driver, settings.neo4j_database)

        async def recorded(batch: Batch) -> list[Record]:
            _batched.append((batch.statement, batch.parameters()))
            return await run(batch)

        found = _coalescers[id(driver)] = Coalescer(recorded)
    return found


async def execute(
    driver: AsyncDriver, settings: Settings, path: str, query: NamedQuery, variables: Any
) -> tuple[bool, Any, RequestContext]:
    context = RecordingContext(
        driver=driver,
        settings=settings,
        coalescer=_coalescer(driver, settings) if path != "resolvers" else None,
    )
    result = await PATHS[path].execute(
        query.document, variable_values=variables, context_value=context
    )
    return not result.errors, result.data, context


async def throughput(
    send: Callable[[int], Awaitable[bool]], clients: int, seconds: float
) -> tuple[int, int, float]:
    """Requests done and failed by `clients` workers in `seconds`, and the time taken."""
    done = failed = 0
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    async def worker() -> None:
        nonlocal done, failed
        for index in counter:
            if time.perf_counter() > deadline:
                return
            ok = await send(index)
            done += 1
            failed += 0 if ok else 1

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return done, failed, time.perf_counter() - began


async def measure_document(
    driver: AsyncDriver, settings: Settings, query: NamedQuery, numbers: list[str], args: Any
) -> DocumentResult:
    sets = variable_sets(query, numbers, 40)
    result = DocumentResult(query.name)
    for path in PATHS:  # every statement planned, before timing
        for variables in sets:
            await execute(driver, settings, path, query, variables)
    done = dict.fromkeys(PATHS, 0)
    failed = dict.fromkeys(PATHS, 0)
    took = dict.fromkeys(PATHS, 0.0)
    for _ in range(args.rounds):
        for path in PATHS:

            async def send(index: int, path: str = path) -> bool:
                ok, _, _ = await execute(driver, settings, path, query, sets[index % len(sets)])
                return ok

            count, errors, seconds = await throughput(send, args.clients, args.seconds)
            done[path] += count
            failed[path] += errors
            took[path] += seconds
    result.rps = {path: done[path] / took[path] for path in PATHS}
    result.errors = failed
    sizes: dict[str, list[int]] = {path: [] for path in PATHS}
    responses: list[int] = []
    for variables in sets[:20]:
        for path in PATHS:
            before = _Received.total
            _, data, _ = await execute(driver, settings, path, query, variables)
            sizes[path].append(_Received.total - before)
            if path == "compiled":
                responses.append(len(orjson.dumps({"data": data})))
    result.bytes_read = {path: statistics.mean(sizes[path]) for path in PATHS}
    result.bytes_response = statistics.mean(responses)
    return result


async def execution_against_raw(
    driver: AsyncDriver, settings: Settings, query: NamedQuery, numbers: list[str], count: int
) -> tuple[float, float, float, list[float]]:
    """Median ms of the compiled path's execution, of the raw Cypher it issues and of the path
    compiling anew, alternating request by request; and the execution latencies (one client)."""
    sets = variable_sets(query, numbers, 50)
    executed: list[float] = []
    raw: list[float] = []
    anew: list[float] = []
    for index in range(count):
        variables = sets[index % len(sets)]
        began = time.perf_counter()
        await execute(driver, settings, "anew", query, variables)
        anew.append(time.perf_counter() - began)
        _batched.clear()
        began = time.perf_counter()
        _, _, context = await execute(driver, settings, "compiled", query, variables)
        executed.append(time.perf_counter() - began)
        statements = context.statements + _batched  # type: ignore[attr-defined]
        began = time.perf_counter()
        for statement, parameters in statements:
            await driver.execute_query(
                Query(statement, timeout=settings.lexgraph_query_timeout_s),
                parameters_=parameters,
                database_=settings.neo4j_database,
                routing_=RoutingControl.READ,
            )
        raw.append(time.perf_counter() - began)
    medians = [statistics.median(times) * 1000 for times in (executed, raw, anew)]
    return medians[0], medians[1], medians[2], executed


def _load_average() -> tuple[float, float, float]:
    with open("/proc/loadavg", encoding="ascii") as found:
        one, five, fifteen = (float(x) for x in found.read().split()[:3])
    return one, five, fifteen


async def run_size(size: str, args: Any) -> SizeResult:
    marker = BENCH_HOME / size / "bench-import.json"
    reuse = args.reuse and marker.is_file()
    if reuse:
        found = start_neo4j(size, fresh=False)
        console.print(f"{size}: reusing the store loaded earlier ({marker})")
    elif size == "S":
        found = start_neo4j(size, fresh=True)
    else:
        console.print(f"{size}: bulk loading …")
        found, imported = await bulk_corpus(size, args.seed)
        marker.write_text(json.dumps(asdict(imported)))
    settings = load_settings(neo4j_uri=found.uri, lexgraph_query_timeout_s=120)
    driver = create_driver(settings)
    try:
        if size == "S" and not reuse:
            imported = await load_corpus(driver, settings.neo4j_database, size, args.seed)
            marker.write_text(json.dumps(asdict(imported)))
        records, _, _ = await driver.execute_query(PROCEDURE_NUMBERS)
        numbers = [r["number"] for r in records]
        results = []
        for name in DOCUMENTS:
            query = NamedQuery.read(QUERIES / f"{name}.graphql")
            console.print(f"{size}: {name} …")
            results.append(await measure_document(driver, settings, query, numbers, args))
        details = NamedQuery.read(QUERIES / "procedure-details.graphql")
        executed_ms, raw_ms, anew_ms, latencies = await execution_against_raw(
            driver, settings, details, numbers, args.single
        )
        ordered = sorted(latencies)
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] * 1000
        return SizeResult(
            size, results, executed_ms, raw_ms, anew_ms, statistics.median(ordered) * 1000, p99,
            _load_average(),
        )  # fmt: skip
    finally:
        await driver.close()
        if not args.keep:
            local_neo4j.stop(BENCH_HOME / size)


def report(results: list[SizeResult]) -> None:
    table = Table(title="Compiled path against the resolvers, in process")
    for column in (
        "size", "document", "compiled rps", "resolvers rps", "compiled / resolvers",
        "anew rps", "kept / anew",
        "read KiB (compiled)", "read KiB (resolvers)", "response KiB", "read / response",
    ):  # fmt: skip
        table.add_column(column, justify="right")
    for size in results:
        for doc in size.documents:
            table.add_row(
                size.size,
                doc.name,
                f"{doc.rps['compiled']:.1f}",
                f"{doc.rps['resolvers']:.1f}",
                f"{doc.speedup:.2f}×",
                f"{doc.rps['anew']:.1f}",
                f"{doc.kept_gain:.2f}×",
                f"{doc.bytes_read['compiled'] / 1024:.1f}",
                f"{doc.bytes_read['resolvers'] / 1024:.1f}",
                f"{doc.bytes_response / 1024:.1f}",
                f"{doc.bytes_read['compiled'] / doc.bytes_response:.2f}",
            )
    console.print(table)
    for size in results:
        console.print(
            f"{size.size}: procedure details, execution {size.execution_ms:.1f} ms against raw"
            f" Cypher {size.raw_cypher_ms:.1f} ms ({size.execution_ratio:.2f}×; compiling anew"
            f" {size.execution_anew_ms:.1f} ms, {size.execution_anew_ratio:.2f}×); one client:"
            f" median {size.one_client_median_ms:.1f} ms, p99 {size.one_client_p99_ms:.1f} ms;"
            f" load average {size.load_average[0]:.1f}"
        )


async def main_async(args: Any) -> None:
    _Received.install()
    # As the served process does (`lexgraph.api.asgi`): what it holds at startup is frozen, out
    # of the full collections that would otherwise walk it in the middle of a request.
    gc.collect()
    gc.freeze()
    results = [await run_size(size, args) for size in args.size]
    report(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"compiled-{stamp}.json"
    payload = [
        {**asdict(r), "execution_ratio": r.execution_ratio}
        | {"execution_anew_ratio": r.execution_anew_ratio}
        | {
            "documents": [
                asdict(d) | {"speedup": d.speedup, "kept_gain": d.kept_gain} for d in r.documents
            ]
        }
        for r in results
    ]
    out.write_text(json.dumps(payload, indent=2))
    console.print(f"written {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", action="append", choices=["S", "M", "L"])
    parser.add_argument("--reuse", action="store_true", help="keep a store loaded before")
    parser.add_argument("--keep", action="store_true", help="leave Neo4j running afterwards")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clients", type=int, default=16, help="concurrent requests")
    parser.add_argument("--seconds", type=float, default=4.0, help="per round and path")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per path")
    parser.add_argument("--single", type=int, default=200, help="one-client requests")
    args = parser.parse_args()
    args.size = args.size or ["S", "M"]
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
