"""The `amend` mutation: an amending act read and applied to the text in force, its effects, the
facts that change and their impact, before anything is written (`dryRun`, the default).

The graph keeps facts, not texts, so the text in force is sent with the act (`current`), as
`lexgraph amend --text` takes it. Written (`dryRun: false`) as the command line writes it
(`lexgraph.amendments`): the next edition with its effects in one transaction when every
instruction applies, else the effects alone, none applied; an act applied before changes nothing.
"""

from __future__ import annotations

import datetime as dt

import strawberry

from importers.base import DocumentError, SourceDocument
from lexgraph.amendments import EffectsSink, read_amendment, record_unapplied
from lexgraph.api.context import Info
from lexgraph.api.effects import Effect
from lexgraph.api.errors import UserError
from lexgraph.api.history import FactDiff, fact_diff
from lexgraph.api.impact import Impact, impact
from lexgraph.graph.edition_reads import Difference, State
from lexgraph.graph.effects import effect_rows
from lexgraph.graph.impact import DEFAULT_DEPTH, present_ids
from lexgraph.graph.validity import today
from lexgraph.graph.versions import batch_state, compare
from lexgraph.importing import build, document_type, import_document

__all__ = ["AmendmentPreview", "amend"]


@strawberry.type(
    description="An amending act applied to the text in force: each instruction (applied or"
    " refused, and why), the facts that change and what depends on them; and, when not a dry"
    " run, what was written."
)
class AmendmentPreview:
    amending_act_id: str = strawberry.field(description="The amending act's graph id.")
    amended_act_id: str = strawberry.field(description="The amended act's graph id.")
    title: str = strawberry.field(description="The amending act's title.")
    effective_from: dt.date | None = strawberry.field(
        description="The day the changes take effect (the act's, or `effectiveFrom` given)."
    )
    effective_text: str = strawberry.field(
        description="What the act says of its entry into force, as written."
    )
    effects: list[Effect] = strawberry.field(
        description="Every instruction, in order; `applied` says whether it applies to the text"
        " (in a dry run) or was applied (written), `reason` why not."
    )
    applies: bool = strawberry.field(
        description="Whether every instruction applies: only then is a new edition written."
    )
    changes: FactDiff = strawberry.field(
        description="The facts of the text that the applied instructions add, remove, change."
    )
    impact: Impact | None = strawberry.field(
        description="What depends on the removed and changed facts the graph holds (procedures,"
        " documents, fees; what cites the changed units); null when the graph holds none."
    )
    not_in_graph: list[str] = strawberry.field(
        description="Removed or changed facts the graph does not hold (import the text in force)."
    )
    written: bool = strawberry.field(
        description="Whether anything was written (false in a dry run, and for an act applied"
        " before)."
    )
    edition: str | None = strawberry.field(
        description="The version (edition) the effects produced, when written or applied before."
    )
    already_applied: bool = strawberry.field(
        description="True when the act's effects were applied before: nothing was written."
    )


async def amend(
    info: Info,
    text: str,
    current: str,
    current_name: str,
    dry_run: bool,
    effective_from: dt.date | None,
) -> AmendmentPreview:
    context = info.context
    try:
        amending = read_amendment(
            SourceDocument("amending.txt", text),
            SourceDocument(current_name, current),
            effective_from,
        )
        kind = document_type(amending.current)
        old_batch, _ = build(amending.current, kind, {})
        new_batch, _ = build(amending.new_text, kind, {})
    except DocumentError as error:
        raise UserError(str(error)) from None
    amendment, result = amending.amendment, amending.result
    assert amendment.act_id is not None
    assert amendment.amended_act_id is not None
    (old_nodes, old_edges), (new_nodes, new_edges) = batch_state(old_batch), batch_state(new_batch)
    found = compare(old_nodes, new_nodes, old_edges, new_edges)
    day = amending.effective or today()
    changes = fact_diff(
        amendment.amended_act_id,
        Difference(
            min(day, today()),
            day,
            (new_batch.document_id,),
            found,
            State(old_nodes, old_edges),
            State(new_nodes, new_edges),
        ),
    )
    touched = [i for i in found.touched_ids if not i.startswith("source/")]
    context.round_trips.append("PRESENT_IDS")
    present = await present_ids(context.driver, context.database, touched) if touched else set()
    report = await impact(info, sorted(present), None, DEFAULT_DEPTH) if present else None
    rows = effect_rows(amendment, result, amending.effective, applying=True)
    written, edition, already = False, None, False
    if not dry_run:
        if amending.writable and amending.effective is None:
            raise UserError(
                "the act does not name the day its changes take effect"
                f" («вступает в силу {amendment.effective_text}»): give `effectiveFrom`"
            )
        context.round_trips.append("AMEND")
        if amending.writable:
            sink = EffectsSink(amending)
            imported = await import_document(
                context.driver,
                context.database,
                amending.new_text,
                effective_from=amending.effective,
                after=sink.after,
            )
            if not imported.ok or sink.result is None:
                raise UserError(imported.error or "the new edition was not written")
            recorded = sink.result
        else:
            recorded = await record_unapplied(context.driver, context.database, amending)
            rows = effect_rows(amendment, result, amending.effective, applying=False)
        written, edition, already = not recorded.already, recorded.edition, recorded.already
    return AmendmentPreview(
        amending_act_id=amendment.act_id,
        amended_act_id=amendment.amended_act_id,
        title=amendment.title,
        effective_from=amending.effective,
        effective_text=amendment.effective_text,
        effects=[Effect.from_row(row["properties"] | {"edition": edition}) for row in rows],
        applies=amending.writable,
        changes=changes,
        impact=report,
        not_in_graph=[i for i in touched if i not in present],
        written=written,
        edition=edition,
        already_applied=already,
    )
