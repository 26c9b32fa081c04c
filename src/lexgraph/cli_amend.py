"""`lexgraph amend`: read an amending act, apply it to the text in force, show what it changes.

The graph keeps facts, not texts, so the text in force is given (`--text`). The amending act's
instructions are read (`importers.amending`) and applied by structure (`importers.amend_apply`);
each is applied or refused with its reason. The new text is then compared with the old one as
`lexgraph diff` does (the facts added, removed, changed, and their impact on the graph), and with
`--apply` imported as the next edition of the amended document, taking effect on the amending
act's day. Nothing is written without `--apply`, and `--apply` writes nothing unless every
instruction was applied: an edition missing one of its changes would be silently wrong.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from importers.amend_apply import AppliedText, Outcome
from importers.amending import Amendment
from importers.base import DocumentError
from lexgraph.amendments import Amending, EffectsSink, read_amendment, record_unapplied
from lexgraph.cli_impact import (
    LISTED_BY_DEFAULT,
    applied_json,
    applied_markdown,
    compare_texts,
    console,
    friendly,
    parse_date,
    read_text,
)
from lexgraph.config import Settings, load_settings
from lexgraph.graph.driver import create_driver
from lexgraph.graph.effects import EffectsWritten
from lexgraph.graph.impact import DEFAULT_DEPTH
from lexgraph.impact_report import diff_json, diff_markdown, report_json, report_markdown

__all__ = ["amend", "effects_json", "effects_markdown", "register"]


def effects_json(amendment: Amendment, result: AppliedText) -> list[dict[str, Any]]:
    """One effect per instruction: where it stands, what it does where, applied or why not."""
    return [_effect(amendment, o) for o in result.outcomes]


def _effect(amendment: Amendment, outcome: Outcome) -> dict[str, Any]:
    instruction = outcome.instruction
    target = instruction.target
    return {
        "source": instruction.source,
        "sourceLines": [instruction.span.line_start, instruction.span.line_end],
        "kind": str(instruction.kind),
        "target": {
            "regulation": target.regulation,
            "path": [list(step) for step in target.path],
            "column": target.column,
            "row": target.row,
            "words": target.describe(),
        },
        "old": instruction.old,
        "new": instruction.new,
        "effective": amendment.effective.isoformat() if amendment.effective else None,
        "applied": outcome.applied,
        "reason": outcome.reason,
        "lines": list(outcome.lines) if outcome.lines else None,
    }


def effects_markdown(amendment: Amendment, result: AppliedText) -> str:
    when = amendment.effective.isoformat() if amendment.effective else amendment.effective_text
    lines = [
        f"# Effects of {amendment.act_id or amendment.title}",
        "",
        f"Amends: {amendment.amended_act_id or amendment.amended}; takes effect: {when}.",
        f"{len(result.applied)} of {len(result.outcomes)} instructions apply.",
        "",
        "| point | kind | target | result |",
        "|---|---|---|---|",
    ]
    for outcome in result.outcomes:
        instruction = outcome.instruction
        state = (
            f"applied (line {outcome.lines[0]})"
            if outcome.applied and outcome.lines
            else "applied"
            if outcome.applied
            else f"refused: {outcome.reason}"
        )
        lines.append(
            f"| {instruction.source} | {instruction.kind} | {instruction.target.describe()} "
            f"| {state.replace('|', '/')} |"
        )
    return "\n".join(lines) + "\n"


def amend(
    amending_path: Annotated[
        Path, typer.Argument(metavar="AMENDING", help="The amending act (flattened text).")
    ],
    text: Annotated[
        Path, typer.Option("--text", help="The amended act's text in force (as imported).")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the effects and their impact (the default).")
    ] = False,
    apply: Annotated[
        bool, typer.Option("--apply", help="Import the new text as the next edition.")
    ] = False,
    effective: Annotated[
        str | None,
        typer.Option("--effective", help="The day the changes take effect (default: the act's)."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Impact as of this date (default: today).")
    ] = None,
    depth: Annotated[int, typer.Option(help="Impact depth (1…10).")] = DEFAULT_DEPTH,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
    offline: Annotated[
        bool, typer.Option("--offline", help="Only read and apply; do not ask the graph.")
    ] = False,
    output: Annotated[Path | None, typer.Option(help="Write the report to this file.")] = None,
) -> None:
    """Read an amending act, apply its instructions to the text in force, and show each effect
    (applied, or refused with the reason), the facts that change and their impact. Nothing is
    written unless --apply is given and every instruction applies."""
    if apply and dry_run:
        raise typer.BadParameter("--dry-run or --apply, not both")
    if apply and offline:
        raise typer.BadParameter("--apply needs the graph; drop --offline")
    amending = read_amendment(read_text(amending_path), read_text(text), parse_date(effective))
    amendment, result, current, when = (
        amending.amendment,
        amending.result,
        amending.current,
        amending.effective,
    )
    if apply and result.refused:
        console.print(
            f"[red]not applied:[/red] {len(result.refused)} of {len(result.outcomes)} "
            "instructions are refused (listed below); the edition would miss them, so the "
            "effects are recorded as not applied"
        )
    if apply and amending.writable and when is None:
        raise DocumentError(
            amending_path.name,
            None,
            "a day the changes take effect (give --effective)",
            f"«вступает в силу {amendment.effective_text}»",
        )
    writes = apply and amending.writable
    settings = None if offline else load_settings()
    sink = EffectsSink(amending)
    found, report, missing, applied = asyncio.run(
        compare_texts(
            settings,
            current,
            amending.new_text,
            parse_date(as_of),
            depth,
            writes,
            when,
            after=sink.after if writes else None,
        )
    )
    recorded = sink.result
    if apply and not writes and settings is not None:
        recorded = asyncio.run(_record_unapplied(settings, amending))
    if as_json:
        payload: dict[str, Any] = {
            "amendment": {
                "actId": amendment.act_id,
                "title": amendment.title,
                "date": amendment.date.isoformat(),
                "number": amendment.number,
                "amends": amendment.amended_act_id,
                "effective": when.isoformat() if when else None,
                "effectiveText": amendment.effective_text,
            },
            "effects": effects_json(amendment, result),
            "diff": diff_json(found),
            "impact": report_json(report) if report else None,
            "notInGraph": missing,
            "applied": applied_json(applied),
            "recorded": _recorded_json(recorded),
        }
        report_text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        report_text = effects_markdown(amendment, result) + "\n" + diff_markdown(found)
        if missing:
            report_text += "\nNot in the graph (import the text in force to see their impact): "
            report_text += ", ".join(f"`{i}`" for i in missing) + "\n"
        if report is not None:
            report_text += "\n" + report_markdown(report, None, LISTED_BY_DEFAULT)
        if applied is not None:
            report_text += "\n" + applied_markdown(applied)
        if recorded is not None:
            report_text += "\n" + _recorded_markdown(recorded)
    if output is not None:
        output.write_text(report_text, encoding="utf-8")
        console.print(f"written: {output}")
    else:
        typer.echo(report_text, nl=False)
    if (apply and result.refused) or (applied is not None and not applied.ok):
        raise typer.Exit(1)


async def _record_unapplied(settings: Settings, amending: Amending) -> EffectsWritten:
    driver = create_driver(settings)
    try:
        return await record_unapplied(driver, settings.neo4j_database, amending)
    finally:
        await driver.close()


def _recorded_json(recorded: EffectsWritten | None) -> dict[str, Any] | None:
    if recorded is None:
        return None
    return {
        "amendingAct": recorded.amending_act,
        "effects": recorded.effects,
        "applied": recorded.applied,
        "factsTraced": recorded.facts,
        "edition": recorded.edition,
        "already": recorded.already,
    }


def _recorded_markdown(recorded: EffectsWritten) -> str:
    if recorded.already and recorded.applied:
        return (
            f"Effects: the {recorded.effects} effects of `{recorded.amending_act}` were applied"
            f" before (edition `{recorded.edition}`); nothing changed.\n"
        )
    if recorded.already:
        return (
            f"Effects: the {recorded.effects} effects of `{recorded.amending_act}` were recorded"
            " before, none applied; nothing changed.\n"
        )
    if recorded.edition is None:
        return f"Effects: {recorded.effects} recorded, none applied (no edition written).\n"
    return (
        f"Effects: {recorded.effects} recorded, {recorded.applied} applied in edition"
        f" `{recorded.edition}`; {recorded.facts} changed facts point to them.\n"
    )


def register(app: typer.Typer) -> None:
    """Add `amend` to the `lexgraph` command line."""
    app.command("amend")(friendly(amend))
