"""`lexgraph`: the command line for running the local Neo4j, migrating, importing and serving."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import time
import unicodedata
from collections.abc import Callable, Coroutine
from datetime import date, datetime
from functools import wraps
from pathlib import Path
from types import FrameType
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
import uvicorn
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lexgraph import local_neo4j
from lexgraph.api.graphiql import queries_dir
from lexgraph.api.persisted import PersistedDocuments
from lexgraph.cli_amend import register as register_amend_command
from lexgraph.cli_impact import register as register_impact_commands
from lexgraph.cli_progress import import_progress
from lexgraph.config import Settings, SettingsError, load_settings
from lexgraph.graph.conflicts import Conflict, conflicts_page, driver_read
from lexgraph.graph.driver import DatabaseUnavailable, create_driver, resolve_uri
from lexgraph.graph.dump import (
    DumpSummary,
    GraphNotEmpty,
    RestoreError,
    RestoreSummary,
    dump_graph,
    restore_graph,
)
from lexgraph.graph.migrations import apply_migrations
from lexgraph.graph.validity import today
from lexgraph.importing import DocumentResult, ImportReport, import_paths, sample_corpus_dir
from lexgraph.synth_cli import synth

app = typer.Typer(
    help="LexGraph: a GraphQL API over a knowledge graph of Belarusian administrative law.",
    no_args_is_help=True,
)
neo4j_app = typer.Typer(help="The project's own local Neo4j (used when NEO4J_URI is unset).")
app.add_typer(neo4j_app, name="neo4j")
register_impact_commands(app)  # `lexgraph impact`, `lexgraph diff`
register_amend_command(app)  # `lexgraph amend`
app.command("synth")(synth)  # benchmarks: a synthetic corpus (lexgraph.synthetic)

console = Console(stderr=True, soft_wrap=True)  # an error stays one line in a log
JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
"""`--json`, which every command that prints a result takes: the result alone on stdout."""
P = ParamSpec("P")
R = TypeVar("R")


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Known failures become one readable line and exit code 1, never a traceback."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (SettingsError, local_neo4j.LocalNeo4jError, DatabaseUnavailable) as error:
            console.print(f"[red]error:[/red] {error}")
            raise typer.Exit(1) from None

    return wrapper


def run_async(coroutine: Coroutine[Any, Any, R]) -> R:
    """`asyncio.run`, but Ctrl-C interrupts the work wherever it is.

    asyncio's own handler only cancels the main task, and a cancellation that lands while the
    driver waits on the server can be swallowed, so the command would go on after Ctrl-C. An
    interrupted write transaction is rolled back by the server when the connection closes.
    """
    try:
        previous = signal.signal(signal.SIGINT, _interrupt)
    except ValueError:  # not the main thread: keep asyncio's behaviour
        return asyncio.run(coroutine)
    try:
        return asyncio.run(coroutine)
    finally:
        signal.signal(signal.SIGINT, previous)


async def _migrate(settings: Settings, uri: str | None = None) -> list[str]:
    driver = create_driver(settings, uri)
    try:
        return await apply_migrations(driver, settings.neo4j_database)
    finally:
        await driver.close()


@neo4j_app.command("build")
@friendly_errors
def neo4j_build(as_json: JsonFlag = False) -> None:
    """Build the Neo4j launcher with Maven (downloads Neo4j's jars the first time)."""
    began = time.monotonic()
    with console.status("building the Neo4j launcher with Maven…"):
        jar = local_neo4j.build_launcher(quiet=True)
    seconds = round(time.monotonic() - began, 1)
    if as_json:
        typer.echo(json.dumps({"launcher": str(jar), "seconds": seconds}))
    else:
        console.print(f"launcher ready: {jar} ({seconds:.1f} s)")


@neo4j_app.command("start")
@friendly_errors
def neo4j_start(as_json: JsonFlag = False) -> None:
    """Build the launcher if needed and start the local Neo4j in the background."""
    settings = load_settings()
    began = time.monotonic()
    found = local_neo4j.start_from_settings(settings)
    seconds = round(time.monotonic() - began, 1)
    if as_json:
        answer = {"uri": found.uri, "pid": found.pid, "home": found.home, "seconds": seconds}
        typer.echo(json.dumps(answer))
        return
    console.print(f"Neo4j ready at {found.uri} (pid {found.pid}, {seconds:.1f} s)")
    typer.echo(found.uri)


@neo4j_app.command("stop")
@friendly_errors
def neo4j_stop(as_json: JsonFlag = False) -> None:
    """Stop the local Neo4j cleanly (SIGTERM, store closed)."""
    settings = load_settings()
    stopped = local_neo4j.stop(settings.local_neo4j_dir)
    if as_json:
        typer.echo(json.dumps({"stopped": stopped}))
    elif stopped:
        console.print("Neo4j stopped")
    else:
        console.print("Neo4j was not running")


@neo4j_app.command("status")
@friendly_errors
def neo4j_status(
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
) -> None:
    """Say whether the local Neo4j runs, where, and whether it answers."""
    settings = load_settings()
    found = local_neo4j.running(settings.local_neo4j_dir)
    status: dict[str, Any] = {"running": found is not None}
    if found is not None:
        status.update(uri=found.uri, pid=found.pid, home=found.home)
        status["answers"] = run_async(_answers(settings, found.uri))
    if as_json:
        typer.echo(json.dumps(status))
    elif found is None:
        typer.echo("not running")
    else:
        answers = "answers" if status["answers"] else "does not answer"
        typer.echo(f"running at {found.uri} (pid {found.pid}), {answers}")
    if found is None:
        raise typer.Exit(3)


async def _answers(settings: Settings, uri: str) -> bool:
    driver = create_driver(settings, uri)
    try:
        records, _, _ = await driver.execute_query("RETURN 1 AS one")
        return bool(records and records[0]["one"] == 1)
    except Exception:
        return False
    finally:
        await driver.close()


@app.command()
@friendly_errors
def migrate(
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
) -> None:
    """Apply the schema migrations under schema/migrations (idempotent)."""
    settings = load_settings()
    changed = run_async(_migrate(settings))
    if as_json:
        typer.echo(json.dumps({"applied": changed}))
        return
    console.print(f"migrations applied: {', '.join(changed) if changed else 'none were pending'}")


@app.command()
@friendly_errors
def serve(
    host: Annotated[str | None, typer.Option(help="Listen address (LEXGRAPH_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Listen port (LEXGRAPH_PORT).")] = None,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes.")] = 1,
) -> None:
    """Migrate, then serve the API with uvicorn (GraphiQL at /graphql)."""
    settings = load_settings()
    uri = resolve_uri(settings)
    run_async(_migrate(settings, uri))
    _serve(settings, host or settings.lexgraph_host, port or settings.lexgraph_port, workers)


def _serve(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    from lexgraph.api.observability import uvicorn_log_config  # the API's imports, only here

    console.print(f"GraphiQL: http://{host}:{port}/graphql · explore: http://{host}:{port}/explore")
    uvicorn.run(
        "lexgraph.api.asgi:app",
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        log_config=uvicorn_log_config(log_format=settings.lexgraph_log_format),
        timeout_graceful_shutdown=10,
    )


@app.command()
@friendly_errors
def run() -> None:
    """The main job: start the local Neo4j (unless NEO4J_URI is set), migrate, import the sample
    corpus, and serve the API.

    Ctrl-C stops the API, then the local Neo4j if this command started it."""
    settings = load_settings()
    home = settings.local_neo4j_dir
    started_here = settings.uses_local_neo4j and local_neo4j.running(home) is None
    # asyncio.run would swallow a Ctrl-C that lands while the driver is busy (migrating,
    # importing); with our own handler it interrupts start-up wherever it is.
    previous = signal.signal(signal.SIGINT, _interrupt)
    try:
        if settings.uses_local_neo4j:
            began = time.monotonic()
            found = local_neo4j.start_from_settings(settings)
            console.print(f"Neo4j ready at {found.uri} ({time.monotonic() - began:.1f} s)")
        uri = resolve_uri(settings)
        run_async(_migrate(settings, uri))
        report = run_async(_import(settings, uri, [sample_corpus_dir()]))
        _print_report(report)
        signal.signal(signal.SIGINT, previous)  # uvicorn installs its own graceful handlers
        _serve(settings, settings.lexgraph_host, settings.lexgraph_port)
    except KeyboardInterrupt:
        console.print("interrupted")
        raise typer.Exit(130) from None
    finally:
        signal.signal(signal.SIGINT, previous)
        if started_here:
            console.print("stopping Neo4j…")
            local_neo4j.stop(home)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@app.command("import")
@friendly_errors
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of source documents.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    effective: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="The day this text takes effect: editions are ordered by it (default: today for"
            " a new text of a document already imported; a first text holds since its act).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Keep an --effective day the importer doubts (before the act's adoption, far"
            " ahead), or replace the edition already taking effect that day.",
        ),
    ] = False,
    document_kind: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="Read every file as this type (mvd_regulations, portal_news, portal_guide) "
            "instead of recognizing it by its content.",
        ),
    ] = None,
) -> None:
    """Import source documents (one transaction each); exit code 1 if any document failed."""
    settings = load_settings()
    uri = resolve_uri(settings)
    run_async(_migrate(settings, uri))
    effective_from = effective.date() if effective else None
    try:
        report = run_async(
            _import(
                settings,
                uri,
                paths,
                progress=not as_json,
                effective_from=effective_from,
                forced_type=document_kind,
                force=force,
            )
        )
    except KeyboardInterrupt:
        # Each document is one transaction: the one being written was rolled back.
        console.print(
            "interrupted: the documents reported above are imported, the one being written is"
            " not; run the same command again to complete the import"
        )
        raise typer.Exit(130) from None
    if as_json:
        typer.echo(json.dumps([_result_json(d) for d in report.documents], ensure_ascii=False))
    else:
        _print_report(report)
    if report.failed:
        raise typer.Exit(1)


async def _import(
    settings: Settings,
    uri: str,
    paths: list[Path],
    *,
    progress: bool = True,
    effective_from: date | None = None,
    forced_type: str | None = None,
    force: bool = False,
) -> ImportReport:
    driver = create_driver(settings, uri)
    try:
        with import_progress(console, _summary_line, enabled=progress) as hooks:
            return await import_paths(
                driver,
                settings.neo4j_database,
                paths,
                on_start=hooks.on_start,
                on_document=hooks.on_document,
                effective_from=effective_from,
                max_document_bytes=settings.max_document_bytes,
                forced_type=forced_type,
                force=force,
            )
    finally:
        await driver.close()


def _result_json(result: DocumentResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "type": result.document_type,
        "ok": result.ok,
        "error": result.error,
        "nodes": dict(result.nodes_by_label),
        "edges": dict(result.edges_by_type),
        "unresolvedCitations": result.unresolved,
        "ignored": list(result.ignored),
        "version": result.summary.version if result.summary else None,
        "previousVersion": result.summary.previous_version if result.summary else None,
        "unchanged": result.summary.unchanged if result.summary else False,
        "notes": list(result.summary.notes) if result.summary else [],
    }


def _print_report(report: ImportReport) -> None:
    table = Table(title="Import")
    for column in ("document", "type", "nodes", "edges", "unresolved", "result"):
        table.add_column(column)
    for result in report.documents:
        table.add_row(
            _shown(Path(result.path).name),
            result.document_type or "?",
            str(sum(result.nodes_by_label.values())),
            str(sum(result.edges_by_type.values())),
            str(result.unresolved),
            "ok" if result.ok else f"[red]{_shown(result.error or '')}[/red]",
        )
    console.print(table)
    for note in filter(None, (result.version_note for result in report.documents)):
        console.print(note)
    for result in report.documents:
        for ignored in result.ignored:
            console.print(f"{_shown(Path(result.path).name)}: {_shown(ignored)}", highlight=False)


def _shown(text: str) -> str:
    """Document text (names, quoted lines in errors) safe to print: no markup, no control codes."""
    # Control and format characters (escape sequences, bidi overrides) could rewrite the terminal.
    printable = "".join(
        "\N{REPLACEMENT CHARACTER}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text
    )
    return escape(printable)


def _summary_line(result: DocumentResult) -> str:
    """One line per document as soon as it is committed (or has failed)."""
    name = _shown(Path(result.path).name)
    if not result.ok:
        return f"[red]failed[/red] {_shown(result.error or name)}"
    notes = "".join(
        f"; {_shown(note)}" for note in (result.summary.notes if result.summary else ())
    )
    if result.summary is not None and result.summary.unchanged:
        return f"unchanged {name}{notes}"
    nodes, edges = sum(result.nodes_by_label.values()), sum(result.edges_by_type.values())
    return f"imported {name}: {nodes} nodes, {edges} edges{notes}"


@app.command("dump")
@friendly_errors
def dump_command(
    file: Annotated[Path, typer.Argument(help="The JSON-lines file to write ('-': stdout).")],
    as_json: JsonFlag = False,
) -> None:
    """Write the whole graph to a portable JSON-lines file (see `lexgraph restore`)."""
    if as_json and str(file) == "-":
        # stdout would carry the dump and the summary, and neither could be read
        raise typer.BadParameter("the dump goes to stdout; write it to a file", param_hint="--json")
    settings = load_settings()
    uri = resolve_uri(settings)
    try:
        summary = run_async(_dump(settings, uri, file))
    except OSError as error:
        console.print(f"[red]error:[/red] {_shown(str(error))}")
        raise typer.Exit(1) from None
    if as_json:
        answer = {"file": str(file), "nodes": summary.nodes, "relationships": summary.relationships}
        typer.echo(json.dumps(answer, ensure_ascii=False))
        return
    console.print(f"dumped {summary.nodes} nodes and {summary.relationships} relationships")


async def _dump(settings: Settings, uri: str, file: Path) -> DumpSummary:
    driver = create_driver(settings, uri)
    try:
        if str(file) == "-":
            return await dump_graph(driver, settings.neo4j_database, sys.stdout)
        # Written aside and renamed, so an interrupted dump never leaves a truncated file.
        partial = file.with_name(file.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as out:
                summary = await dump_graph(driver, settings.neo4j_database, out)
            partial.replace(file)
        finally:
            partial.unlink(missing_ok=True)
        return summary
    finally:
        await driver.close()


@app.command("restore")
@friendly_errors
def restore_command(
    file: Annotated[Path, typer.Argument(help="A file written by `lexgraph dump`.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the data the graph holds now.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Restore a `lexgraph dump` file into an empty graph (or instead of it, with --replace)."""
    settings = load_settings()
    uri = resolve_uri(settings)
    run_async(_migrate(settings, uri))
    try:
        summary = run_async(_restore(settings, uri, file, replace=replace))
    except (RestoreError, GraphNotEmpty, OSError) as error:
        console.print(f"[red]error:[/red] {_shown(str(error))}")
        raise typer.Exit(1) from None
    if as_json:
        answer = {
            "nodes": summary.nodes,
            "relationships": summary.relationships,
            "replaced": summary.replaced,
        }
        typer.echo(json.dumps(answer))
        return
    replaced = f" (replacing {summary.replaced} nodes)" if summary.replaced else ""
    console.print(
        f"restored {summary.nodes} nodes and {summary.relationships} relationships{replaced}"
    )


async def _restore(settings: Settings, uri: str, file: Path, *, replace: bool) -> RestoreSummary:
    driver = create_driver(settings, uri)
    try:
        with file.open(encoding="utf-8") as lines:
            return await restore_graph(
                driver, settings.neo4j_database, lines, name=file.name, replace=replace
            )
    finally:
        await driver.close()


@app.command("conflicts")
@friendly_errors
def conflicts_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of", formats=["%Y-%m-%d"], help="Answer as of this date (default: today)."
        ),
    ] = None,
) -> None:
    """List where sources disagree, across all procedures: a portal text says a procedure is
    available electronically while no document of its regulation may be submitted in electronic
    form. Both claims stay in the graph; each is listed with its source."""
    settings = load_settings()
    when = as_of.date() if as_of else today()
    found = run_async(_conflicts(settings, resolve_uri(settings), when))
    if as_json:
        listed = [_conflict_json(c) for c in found]
        answer = {"asOf": when.isoformat(), "total": len(listed), "conflicts": listed}
        typer.echo(json.dumps(answer, ensure_ascii=False))
        return
    table = Table(title=f"Conflicts between sources as of {when.isoformat()}: {len(found)}")
    for column in ("procedure", "title", "portal says", "regulation allows"):
        table.add_column(column)
    for conflict in found:
        claims = [
            f"{_shown(str(claim.get('sourceDocument')))}:{claim.get('lineStart')}"
            for claim in conflict.claims
        ]
        table.add_row(
            _shown(conflict.number),
            _shown(str(conflict.procedure.get("title") or "")),
            "electronic: " + ", ".join(claims),
            ", ".join(conflict.regulation_channels) or "no way stated",
        )
    # The listing is the command's answer: on stdout, read in full when piped.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


async def _conflicts(settings: Settings, uri: str, as_of: date) -> tuple[Conflict, ...]:
    driver = create_driver(settings, uri)
    try:
        page = await conflicts_page(driver_read(driver, settings.neo4j_database), as_of)
        return page.conflicts
    finally:
        await driver.close()


def _conflict_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "kind": conflict.kind,
        "procedure": conflict.number,
        "procedureId": conflict.procedure["id"],
        "title": conflict.procedure.get("title"),
        "portalClaims": [
            {
                "id": claim["id"],
                "sourceDocument": claim.get("sourceDocument"),
                "lineStart": claim.get("lineStart"),
                "lineEnd": claim.get("lineEnd"),
                "text": claim.get("text"),
            }
            for claim in conflict.claims
        ],
        "regulations": [regulation["id"] for regulation in conflict.regulations],
        "regulationChannels": list(conflict.regulation_channels),
    }


@app.command("persisted-documents")
def persisted_documents_command(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print machine-readable JSON (it does either way).")
    ] = False,
) -> None:
    """Print the manifest of persisted documents (`sha256:<hash>` → text) as JSON on stdout.

    A server with LEXGRAPH_PERSISTED_DOCUMENTS=1 runs only these: the named documents of
    `queries/`. Clients send `{"documentId": "sha256:<hash>", "variables": …}`."""
    manifest = PersistedDocuments.from_folder(queries_dir()).manifest()
    print(json.dumps(manifest, ensure_ascii=False, indent=2))


def main() -> None:
    app()
