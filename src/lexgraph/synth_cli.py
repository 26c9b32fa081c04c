"""`lexgraph synth`: load a synthetic corpus of a chosen size (`lexgraph.synthetic`) for
benchmarks, into any Neo4j the package is configured for (a checkout, a wheel, the Docker image).
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Annotated, Any

import typer
from rich.console import Console

from lexgraph import synthetic as generator
from lexgraph.config import Settings, load_settings
from lexgraph.graph.bulk import BulkImportError, bulk_load
from lexgraph.graph.driver import create_driver, resolve_uri
from lexgraph.graph.migrations import apply_migrations
from lexgraph.importing import import_paths, sample_corpus_dir
from lexgraph.local_neo4j import LocalNeo4jError

console = Console(stderr=True, soft_wrap=True)  # an error stays one line in a log


def synth(
    size: Annotated[str, typer.Option(help="S (the sample corpus), M or L.")] = "M",
    seed: Annotated[int, typer.Option(help="Same size and seed, same graph.")] = 1,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="M/L: write a new local store with Neo4j's import tool (the local Neo4j stopped,"
            " with no data yet), then start it.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
) -> None:
    """Load a synthetic corpus in the shape of the real one (S, M: 10,000 procedures, L: 10× M)
    into the configured Neo4j, through the importer's loader; prints the import throughput."""
    if size not in ("S", *generator.SIZES):
        raise typer.BadParameter(f"size must be S, M or L, not {size!r}", param_hint="--size")
    settings = load_settings()
    if bulk:
        _bulk(settings, size, seed, as_json)
        return
    uri = resolve_uri(settings)

    async def load() -> None:
        driver = create_driver(settings, uri)
        try:
            await apply_migrations(driver, settings.neo4j_database)
            began = time.perf_counter()
            if size == "S":
                report = await import_paths(driver, settings.neo4j_database, [sample_corpus_dir()])
                written = sum(
                    sum(d.nodes_by_label.values()) + sum(d.edges_by_type.values())
                    for d in report.documents
                )
                documents = len(report.documents)
            else:
                loaded = await generator.load(
                    driver, settings.neo4j_database, generator.SIZES[size], seed
                )
                written = loaded.nodes_written + loaded.edges_written
                documents = loaded.documents
            seconds = time.perf_counter() - began
            if as_json:
                _print_json(size, seed, documents, written, seconds)
                return
            console.print(
                f"{size} (seed {seed}): {documents} documents, {written:,} node and edge records"
                f" in {seconds:.1f} s ({written / seconds:,.0f}/s)"
            )
        finally:
            await driver.close()

    asyncio.run(load())


def _print_json(
    size: str, seed: int, documents: int, records: int, seconds: float, **more: Any
) -> None:
    """The load's result alone on stdout (the console writes to stderr)."""
    answer = {
        "size": size,
        "seed": seed,
        "documents": documents,
        "records": records,
        "seconds": round(seconds, 3),
        "recordsPerSecond": round(records / seconds) if seconds else None,
        **more,
    }
    typer.echo(json.dumps(answer))


def _bulk(settings: Settings, size: str, seed: int, as_json: bool) -> None:
    if not settings.uses_local_neo4j:
        raise typer.BadParameter(
            "a bulk load writes the local Neo4j's store; unset NEO4J_URI", param_hint="--bulk"
        )
    if size == "S":
        raise typer.BadParameter("S is imported document by document; drop --bulk")
    began = time.perf_counter()
    try:
        found, report = asyncio.run(
            bulk_load(
                settings.local_neo4j_dir,
                generator.documents(generator.SIZES[size], seed),
                heap=settings.lexgraph_neo4j_heap,
                page_cache_mb=settings.lexgraph_neo4j_page_cache_mb,
                port=settings.lexgraph_neo4j_port,
                database=settings.neo4j_database,
            )
        )
    except (BulkImportError, LocalNeo4jError) as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from None
    seconds = time.perf_counter() - began
    records = report.nodes + report.edges
    if as_json:
        _print_json(size, seed, report.documents, records, seconds, bulk=True, uri=found.uri)
        return
    console.print(
        f"{size} (seed {seed}, bulk): {report.documents} documents, {records:,} nodes and edges"
        f" in {seconds:.1f} s ({records / seconds:,.0f}/s); Neo4j runs at {found.uri}"
    )
