"""`lexgraph impact` and `lexgraph diff`: what a change of law affects, on the command line."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from neo4j import AsyncDriver, RoutingControl
from rich.console import Console

from importers.base import DocumentError, SourceDocument
from lexgraph import local_neo4j
from lexgraph.config import Settings, SettingsError, load_settings
from lexgraph.graph.driver import DatabaseUnavailable, create_driver
from lexgraph.graph.impact import (
    DEFAULT_DEPTH,
    KIND_ORDER,
    ImpactError,
    ImpactReport,
    analyze_impact,
    present_ids,
)
from lexgraph.graph.loader import AfterEdition
from lexgraph.graph.reads.catalog import KNOWN_ACTS
from lexgraph.graph.versions import VersionDiff, batch_state, compare
from lexgraph.impact_report import (
    FORMATS,
    diff_json,
    diff_markdown,
    report_counts,
    report_json,
    report_markdown,
    report_table,
    report_tree,
)
from lexgraph.importing import (
    DocumentResult,
    build,
    document_type,
    import_document,
    known_procedures,
)
from lexgraph.ways_in import AmbiguousName, as_graph_ids, known_acts

P = ParamSpec("P")
R = TypeVar("R")
console = Console(stderr=True, soft_wrap=True)  # an error stays one line in a log
# Piped reports (to a file, a pager) are read in full: no wrapping at 80 columns.
out = Console(width=None if sys.stdout.isatty() else 200)


def _friendly(command: Callable[P, R]) -> Callable[P, R]:
    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (
            SettingsError,
            local_neo4j.LocalNeo4jError,
            DatabaseUnavailable,
            ImpactError,
            DocumentError,
        ) as error:
            console.print(f"[red]error:[/red] {error}")
            raise typer.Exit(1) from None

    return wrapper


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _format(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}")
    return value


JsonFlag = Annotated[
    bool,
    typer.Option(
        "--json", help="Print the result as JSON, for scripts (the same as --format json)."
    ),
]


def _json_or(fmt: str, as_json: bool, default: str) -> str:
    """`--json` is the flag every command that prints a result takes; here it names the JSON
    format, and a different `--format` beside it is a contradiction, refused."""
    if not as_json:
        return fmt
    if fmt not in (default, "json"):
        raise typer.BadParameter(f"--json and --format {fmt} ask for two formats; give one")
    return "json"


def _kinds(values: list[str] | None) -> list[str] | None:
    for value in values or ():
        if value not in KIND_ORDER:
            raise typer.BadParameter(f"{value!r} is not a kind: one of {', '.join(KIND_ORDER)}")
    return values or None


# What a person reads in a terminal or a memo, of each kind, unless asked for more (`--limit 0`).
LISTED_BY_DEFAULT = 100


def _emit(
    report: ImpactReport,
    fmt: str,
    output: Path | None,
    kinds: list[str] | None = None,
    limit: int | None = None,
) -> None:
    # JSON is for programs: everything unless a limit is asked for; the rest is for people.
    if limit is None:
        limit = 0 if fmt == "json" else LISTED_BY_DEFAULT
    most = limit or None
    if fmt == "json":
        text = json.dumps(report_json(report, kinds, most), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "markdown":
        text = report_markdown(report, kinds, most)
    else:
        listing = report_table if fmt == "table" else report_tree
        target = Console(file=output.open("w", encoding="utf-8"), width=160) if output else out
        target.print(report_counts(report))
        target.print(listing(report, kinds, most))
        return
    if output is not None:
        output.write_text(text, encoding="utf-8")
        console.print(f"written: {output}")
    else:
        typer.echo(text, nl=False)


async def _graph_ids(driver: AsyncDriver, database: str, given: list[str]) -> list[str]:
    """Each of `given` as graph ids (`lexgraph.ways_in.as_graph_ids`), each reading printed."""
    present = await present_ids(driver, database, given)
    if all(value in present for value in given):
        return given
    records, _, _ = await driver.execute_query(
        KNOWN_ACTS, database_=database, routing_=RoutingControl.READ
    )
    try:
        ids, readings = as_graph_ids(given, present, known_acts(records))
    except AmbiguousName as error:
        raise ImpactError(str(error)) from None
    for words, named in readings:
        console.print(f"{words} → {', '.join(named)}")
    return ids


async def _impact(
    settings: Settings, of: list[str], as_of: dt.date | None, depth: int
) -> ImpactReport:
    driver = create_driver(settings)
    try:
        ids = await _graph_ids(driver, settings.neo4j_database, of)
        return await analyze_impact(driver, settings.neo4j_database, ids, as_of=as_of, depth=depth)
    finally:
        await driver.close()


def impact(
    act: Annotated[
        list[str] | None,
        typer.Option(
            "--act",
            help="An act that changes or is repealed: its id, or its name («Налоговый кодекс»,"
            " «Закон о лицензировании», «НК»).",
        ),
    ] = None,
    provision: Annotated[
        list[str] | None,
        typer.Option(
            "--provision",
            help="A provision that changes (with its sub-units): its id, or a reference as"
            " written («статья 287 Налогового кодекса», «п. 6 ст. 287 НК»).",
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Answer as of this date (default: today).")
    ] = None,
    depth: Annotated[int, typer.Option(help="How many edges to follow (1…10).")] = DEFAULT_DEPTH,
    fmt: Annotated[
        str, typer.Option("--format", help="table, tree, markdown or json.", callback=_format)
    ] = "table",
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help=f"List only this kind (repeatable): {', '.join(KIND_ORDER)}."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            min=0,
            help=f"List at most this many of each kind, nearest first (0: all; default"
            f" {LISTED_BY_DEFAULT}, all for json). The counts are always complete.",
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option(help="Write the report to this file.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """What changing or repealing acts or provisions affects: procedures, regulations,
    requirements, issued documents, fees, benefits and acts, counted by kind and by how direct
    the dependency is, and listed nearest first, each with its explanation path."""
    fmt = _json_or(fmt, as_json, "table")
    of = [*(act or []), *(provision or [])]
    if not of:
        raise typer.BadParameter("name at least one --act or --provision")
    kinds = _kinds(kind)
    report = asyncio.run(_impact(load_settings(), of, _date(as_of), depth))
    _emit(report, fmt, output, kinds, limit)


def _read(path: Path) -> SourceDocument:
    try:
        return SourceDocument.read(path)
    except OSError as error:
        raise DocumentError(path.name, None, "a readable file", str(error.strerror)) from None


async def _diff(
    settings: Settings | None,
    old: SourceDocument,
    new: SourceDocument,
    as_of: dt.date | None,
    depth: int,
    apply: bool,
    effective: dt.date | None,
    after: AfterEdition | None = None,
) -> tuple[VersionDiff, ImpactReport | None, list[str], DocumentResult | None]:
    kinds = (document_type(old), document_type(new))
    if kinds[0] != kinds[1]:
        raise DocumentError(new.name, None, f"a text of the same kind as {old.name}", kinds[1])
    driver = create_driver(settings) if settings is not None else None
    try:
        procedures: dict[str, str] = {}
        if driver is not None and settings is not None and kinds[0] == "portal_news":
            procedures = await known_procedures(driver, settings.neo4j_database)
        old_batch, _ = build(old, kinds[0], procedures)
        new_batch, _ = build(new, kinds[1], procedures)
        (old_nodes, old_edges), (new_nodes, new_edges) = (
            batch_state(old_batch),
            batch_state(new_batch),
        )
        diff = compare(old_nodes, new_nodes, old_edges, new_edges)
        report: ImpactReport | None = None
        missing: list[str] = []
        touched = [i for i in diff.touched_ids if not i.startswith("source/")]
        if driver is not None and settings is not None and touched:
            present = await present_ids(driver, settings.neo4j_database, touched)
            missing = [i for i in touched if i not in present]
            if present:
                report = await analyze_impact(
                    driver, settings.neo4j_database, sorted(present), as_of=as_of, depth=depth
                )
        applied: DocumentResult | None = None
        if apply and driver is not None and settings is not None:
            # The new text under the old one's name: the same document, a new version.
            renamed = SourceDocument(name=old.name, text=new.text)
            applied = await import_document(
                driver, settings.neo4j_database, renamed, effective_from=effective, after=after
            )
        return diff, report, missing, applied
    finally:
        if driver is not None:
            await driver.close()


def diff(
    old: Annotated[Path, typer.Argument(help="The text in force (as imported).")],
    new: Annotated[Path, typer.Argument(help="The new text of the same act.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Impact as of this date (default: today).")
    ] = None,
    depth: Annotated[int, typer.Option(help="Impact depth (1…10).")] = DEFAULT_DEPTH,
    fmt: Annotated[
        str, typer.Option("--format", help="markdown or json.", callback=_format)
    ] = "markdown",
    apply: Annotated[
        bool, typer.Option("--apply", help="Import NEW as a new version of OLD's document.")
    ] = False,
    effective: Annotated[
        str | None,
        typer.Option(
            "--effective", help="With --apply: the day NEW takes effect (default: today)."
        ),
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Only compare the texts; do not ask the graph.")
    ] = False,
    output: Annotated[Path | None, typer.Option(help="Write the report to this file.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Compare two texts of an act: the facts added, removed and changed, and the impact of the
    changed ones on the graph. Nothing is written unless --apply is given."""
    fmt = _json_or(fmt, as_json, "markdown")
    if apply and offline:
        raise typer.BadParameter("--apply needs the graph; drop --offline")
    settings = None if offline else load_settings()
    found, report, missing, applied = asyncio.run(
        _diff(settings, _read(old), _read(new), _date(as_of), depth, apply, _date(effective))
    )
    if fmt == "json":
        payload: dict[str, Any] = {
            "diff": diff_json(found),
            "impact": report_json(report) if report else None,
            "notInGraph": missing,
            "applied": _applied_json(applied),
        }
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        text = diff_markdown(found)
        if missing:
            text += "\nNot in the graph (import the old text to see their impact): "
            text += ", ".join(f"`{i}`" for i in missing) + "\n"
        if report is not None:
            text += "\n" + report_markdown(report, None, LISTED_BY_DEFAULT)
        if applied is not None:
            text += "\n" + _applied_markdown(applied)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        console.print(f"written: {output}")
    else:
        typer.echo(text, nl=False)
    if applied is not None and not applied.ok:
        raise typer.Exit(1)


# Shared with `lexgraph amend`, which compares the text in force with the one it makes.
compare_texts = _diff
read_text = _read
friendly = _friendly
parse_date = _date


def _applied_json(applied: DocumentResult | None) -> dict[str, Any] | None:
    if applied is None:
        return None
    summary = applied.summary
    return {
        "ok": applied.ok,
        "error": applied.error,
        "version": summary.version if summary else None,
        "previousVersion": summary.previous_version if summary else None,
    }


applied_json = _applied_json


def _applied_markdown(applied: DocumentResult) -> str:
    if not applied.ok:
        return f"**Not applied:** {applied.error}\n"
    summary = applied.summary
    if summary is None or summary.previous_version is None:
        return "Applied: the graph already held this text; nothing changed.\n"
    return f"Applied: version `{summary.version}` now follows `{summary.previous_version}`.\n"


applied_markdown = _applied_markdown


def register(app: typer.Typer) -> None:
    """Add `impact` and `diff` to the `lexgraph` command line."""
    app.command("impact")(_friendly(impact))
    app.command("diff")(_friendly(diff))
