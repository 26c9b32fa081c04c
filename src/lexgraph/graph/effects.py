"""Effects in the graph: each instruction of an amending act, and the facts it changed.

An `Effect` is one instruction (`importers.amending`): the amending act's unit that orders it
(`MADE_BY`), the amended act (`AFFECTS`) and, when the graph holds it, the unit it acts on
(`AFFECTS_UNIT`), its kind, its texts, the day it takes effect, whether it was applied and why
not. The effects are written in the transaction that writes the edition they produce
(`record_effects`, called by the loader after the edition), so an edition never stands without
its effects nor effects claiming an edition that was rolled back.

Provenance: each fact of the edition the effects produced that one of them changed gets a
`CHANGED_BY` edge to it, with `version` (the edition) and `role` (`added`, `changed`, `moved`,
`removed`). A fact is traced to an instruction by lines: the lines the instruction wrote in the
new text, or replaced in the old one (`importers.amend_regions`), against the fact's own lines;
a fact no instruction's lines touch gets no edge (never a guess). The edge belongs to one run of
the fact: the run whose `version` is the edition (for `removed`, the run the edition closed,
`supersededBy`); a later edition that copies it onto another run leaves that rule to tell them
apart.

Recording again the effects of an amending act already applied (or recorded as not applied, while
it still does not apply) changes nothing and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncManagedTransaction

from importers.amend_apply import AppliedText, Outcome
from importers.amend_regions import overlaps
from importers.amending import Amendment, Kind, Target
from lexgraph.citations.ids import e_id
from lexgraph.graph.records import NODE_LABELS, cypher_label
from lexgraph.graph.versions import Change, VersionDiff

__all__ = [
    "EffectsWritten",
    "effect_id",
    "effect_rows",
    "record_effects",
    "target_provision",
    "traced_facts",
]


def effect_id(amending_act: str, position: int) -> str:
    """`{amending act id}#effect_{n}`: the n-th instruction of the act, in its order."""
    return f"{amending_act}#effect_{position}"


def target_provision(amended_act: str, target: Target) -> str | None:
    """The graph id of the unit an instruction acts on, as the importers name units: the act's
    own (`{act}#point_3`) or a regulation's (`{act}#procedure_regulation_15.4.1__point_4`)."""
    if not target.path:
        return None
    eid = e_id(target.path)
    if target.regulation is not None:
        eid = f"procedure_regulation_{target.regulation}__{eid}"
    return f"{amended_act}#{eid}"


def _source_path(source: str) -> tuple[tuple[str, str], ...]:
    """The amending act's unit an instruction stands in: «1.2 абз. 3» → point 1, subpoint 1.2."""
    number = source.split(" ")[0]
    if not number or not number[0].isdigit():
        return ()
    parts = number.split(".")
    path: list[tuple[str, str]] = [("point", parts[0])]
    if len(parts) > 1:
        path.append(("subpoint", ".".join(parts[:2])))
    return tuple(path)


def source_units(amending_act: str, amendment: Amendment) -> list[dict[str, Any]]:
    """The amending act's units the instructions stand in, parents first, as `Provision`s."""
    units: dict[str, dict[str, Any]] = {}
    for instruction in amendment.instructions:
        path = _source_path(instruction.source)
        for depth in range(1, len(path) + 1):
            unit = path[:depth]
            kind, number = unit[-1]
            parent = f"{amending_act}#{e_id(unit[:-1])}" if depth > 1 else amending_act
            units.setdefault(
                e_id(unit),
                {
                    "id": f"{amending_act}#{e_id(unit)}",
                    "parent": parent,
                    "properties": {
                        "actId": amending_act,
                        "eId": e_id(unit),
                        "unitType": kind,
                        "number": number,
                        "label": ("пункт " if kind == "point" else "подпункт ") + number,
                    },
                },
            )
    return list(units.values())


def effect_rows(
    amendment: Amendment, result: AppliedText, effective: dt.date | None, *, applying: bool
) -> list[dict[str, Any]]:
    """One row per instruction. `applying` is false when the edition is not written (an
    instruction was refused): then none is applied, and those that would apply say why not."""
    assert amendment.act_id is not None
    assert amendment.amended_act_id is not None
    refused = len(result.refused)
    rows = []
    for position, outcome in enumerate(result.outcomes, start=1):
        instruction = outcome.instruction
        target = instruction.target
        applied = outcome.applied and applying
        reason = outcome.reason
        if outcome.applied and not applying:
            reason = (
                f"not applied: {refused} other instruction(s) of the act are refused, and an"
                " edition without them would be wrong"
            )
        path = _source_path(instruction.source)
        # «Признать утратившим силу постановление … № 18»: a whole act, which is another act than
        # the one the amending act names in its title; which one, the instruction's text tells a
        # reader, and the effect is never filed under the amended act.
        another_act = instruction.kind is Kind.REPEAL and target == Target()
        amended = None if another_act else amendment.amended_act_id
        rows.append(
            {
                "id": effect_id(amendment.act_id, position),
                "madeBy": f"{amendment.act_id}#{e_id(path)}" if path else amendment.act_id,
                "amendedAct": amended,
                "properties": {
                    "id": effect_id(amendment.act_id, position),
                    "position": position,
                    "amendingActId": amendment.act_id,
                    "source": instruction.source,
                    "sourceLineStart": instruction.span.line_start,
                    "sourceLineEnd": instruction.span.line_end,
                    "sourceText": instruction.text,
                    "kind": str(instruction.kind),
                    "targetActId": amended,
                    "targetProvisionId": None
                    if amended is None
                    else target_provision(amended, target),
                    "targetRegulation": target.regulation,
                    "targetColumn": target.column,
                    "targetRow": target.row,
                    "targetText": target.describe(),
                    "newUnit": e_id(instruction.unit) if instruction.unit else None,
                    "oldText": instruction.old,
                    "newText": instruction.new,
                    "effectiveFrom": effective,
                    "effectiveText": amendment.effective_text,
                    "applied": applied,
                    "reason": reason,
                },
            }
        )
    return rows


FactLines = Mapping[tuple[str, str], tuple[int, int]]
"""Where each fact a text states stands in it: (label, id) → (first line, last line)."""


def _traced(lines: tuple[int, int] | None, outcomes: Sequence[Outcome], new: bool) -> list[int]:
    """The positions (1-based) of the outcomes whose lines the fact's lines hold."""
    if lines is None:
        return []
    found = []
    for position, outcome in enumerate(outcomes, start=1):
        region = outcome.new_region if new else outcome.old_region
        if region is not None and overlaps(region, *lines):
            found.append(position)
    return found


def traced_facts(
    amending_act: str,
    diff: VersionDiff,
    result: AppliedText,
    old_lines: FactLines,
    new_lines: FactLines,
) -> list[dict[str, Any]]:
    """`CHANGED_BY` rows: each node fact the edition added, changed, moved or removed, with
    each effect whose lines it holds (in the new text; in the old one for what it removed or
    changed). The facts' lines are the texts' own (`old_lines`, `new_lines`), not the stored
    ones, which are those of the edition that first stated a fact."""
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    sides: list[tuple[str, tuple[Change, ...], bool]] = [
        ("added", diff.added, True),
        ("changed", diff.changed, True),
        ("changed", diff.changed, False),
        ("moved", diff.moved, True),
        ("removed", diff.removed, False),
    ]
    for role, changes, new in sides:
        for change in changes:
            if new:
                at = new_lines.get((change.label, change.id))
            else:
                at = old_lines.get((change.label, change.was or change.id))
            for position in _traced(at, result.outcomes, new):
                effect = effect_id(amending_act, position)
                rows.setdefault(
                    (change.label, change.id, effect),
                    {"label": change.label, "id": change.id, "effect": effect, "role": role},
                )
    return list(rows.values())


@dataclass(frozen=True, slots=True)
class EffectsWritten:
    """What `record_effects` did: `already` when the act's effects were applied before (then
    nothing was written); the effects, and the facts traced to them."""

    amending_act: str
    effects: int
    applied: int
    facts: int
    edition: str | None
    already: bool = False


EFFECTS_RECORDED: LiteralString = """
MATCH (e:Effect {amendingActId: $act})
RETURN count(e) AS effects, count(CASE WHEN e.applied THEN 1 END) AS applied,
       head(collect(e.edition)) AS edition
"""
FORGET_EFFECTS: LiteralString = "MATCH (e:Effect {amendingActId: $act}) DETACH DELETE e"
WRITE_AMENDING_ACT: LiteralString = """
MERGE (a:LegalAct {id: $act.id})
WITH a, $act.properties AS given
SET a.kind = coalesce(a.kind, given.kind), a.date = coalesce(a.date, given.date),
    a.number = coalesce(a.number, given.number), a.title = coalesce(a.title, given.title),
    a.issuers = coalesce(a.issuers, given.issuers),
    a.inForceFrom = coalesce(a.inForceFrom, given.inForceFrom),
    a.onlyCited = coalesce(a.onlyCited, true), a.status = coalesce(a.status, 'unknown')
WITH a
MERGE (amended:LegalAct {id: $amended})
"""
WRITE_SOURCE_UNITS: LiteralString = """
UNWIND $units AS unit
MERGE (p:Provision {id: unit.id})
SET p.actId = unit.properties.actId, p.eId = unit.properties.eId,
    p.unitType = coalesce(p.unitType, unit.properties.unitType),
    p.number = coalesce(p.number, unit.properties.number),
    p.label = coalesce(p.label, unit.properties.label)
"""
WRITE_SOURCE_PARENTS: LiteralString = """
UNWIND $units AS unit
MATCH (p:Provision {id: unit.id})
OPTIONAL MATCH (up:Provision {id: unit.parent})
OPTIONAL MATCH (act:LegalAct {id: unit.parent})
WITH p, coalesce(up, act) AS parent WHERE parent IS NOT NULL
MERGE (p)-[:PART_OF {key: ''}]->(parent)
"""
WRITE_EFFECTS: LiteralString = """
UNWIND $effects AS row
CREATE (e:Effect)
SET e = row.properties, e.edition = $edition
WITH e, row
OPTIONAL MATCH (unit:Provision {id: row.madeBy})
OPTIONAL MATCH (act:LegalAct {id: row.madeBy})
WITH e, row, coalesce(unit, act) AS source
OPTIONAL MATCH (amended:LegalAct {id: row.amendedAct})
FOREACH (a IN CASE WHEN amended IS NULL THEN [] ELSE [amended] END | MERGE (e)-[:AFFECTS]->(a))
FOREACH (s IN CASE WHEN source IS NULL THEN [] ELSE [source] END | MERGE (e)-[:MADE_BY]->(s))
WITH e, row
OPTIONAL MATCH (target:Provision {id: row.properties.targetProvisionId})
FOREACH (t IN CASE WHEN target IS NULL THEN [] ELSE [target] END | MERGE (e)-[:AFFECTS_UNIT]->(t))
"""


def _link_facts(label: LiteralString) -> LiteralString:
    """`CHANGED_BY` edges from the facts of one label: for `removed`, from the run the edition
    closed (`supersededBy`), else from the run it states (`version`)."""
    return (
        "UNWIND $rows AS row MATCH (e:Effect {id: row.effect}) "
        "MATCH (n:" + label + ") WHERE n.id IN [row.id, row.id + '@' + $closed] "
        "WITH e, row, n WHERE (row.role = 'removed' AND n.supersededBy = $edition) "
        "OR (row.role <> 'removed' AND n.version = $edition AND n.supersededBy IS NULL) "
        "MERGE (n)-[c:CHANGED_BY {key: row.effect}]->(e) "
        "SET c.role = row.role, c.version = $edition"
    )


LINK_FACTS: dict[str, LiteralString] = {
    label: _link_facts(cypher_label(label)) for label in sorted(NODE_LABELS)
}


async def record_effects(
    tx: AsyncManagedTransaction,
    amendment: Amendment,
    result: AppliedText,
    effective: dt.date | None,
    *,
    edition: str | None,
    diff: VersionDiff | None,
    previous: str | None = None,
    lines: tuple[FactLines, FactLines] | None = None,
) -> EffectsWritten:
    """Write the amending act's effects (and trace the edition's facts to them) in `tx`.

    `edition` is the version the effects produced (None when none was written: the effects are
    then recorded as not applied), `lines` where the facts stand in the old text and in the new
    one (to trace them to the instructions), `previous` the edition before it (whose facts it
    closed, stored as `{id}@{what follows the «@» of its id}`). Effects of the act already
    applied are left as they are."""
    closed = previous.partition("@")[2] if previous else None
    act = amendment.act_id
    assert act is not None
    assert amendment.amended_act_id is not None
    record = await (await tx.run(EFFECTS_RECORDED, act=act)).single()
    # Applied before, or recorded before and still not applicable: the register stays as it is.
    if record is not None and record["effects"] and (record["applied"] or edition is None):
        return EffectsWritten(
            act, record["effects"], record["applied"], 0, record["edition"], already=True
        )
    await (await tx.run(FORGET_EFFECTS, act=act)).consume()
    given = {
        "kind": "resolution",
        "date": amendment.date,
        "number": amendment.number,
        "title": amendment.title,
        "issuers": [amendment.issuer],
        "inForceFrom": amendment.effective,
    }
    await (
        await tx.run(
            WRITE_AMENDING_ACT,
            act={"id": act, "properties": given},
            amended=amendment.amended_act_id,
        )
    ).consume()
    units = source_units(act, amendment)
    await (await tx.run(WRITE_SOURCE_UNITS, units=units)).consume()
    await (await tx.run(WRITE_SOURCE_PARENTS, units=units)).consume()
    rows = effect_rows(amendment, result, effective, applying=edition is not None)
    await (await tx.run(WRITE_EFFECTS, effects=rows, edition=edition)).consume()
    facts = []
    if diff is not None and edition is not None and lines is not None:
        facts = traced_facts(act, diff, result, *lines)
    by_label: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        by_label.setdefault(fact["label"], []).append(fact)
    for label, label_rows in sorted(by_label.items()):
        statement = LINK_FACTS.get(label)
        if statement is not None:
            await (
                await tx.run(statement, rows=label_rows, edition=edition, closed=closed or "")
            ).consume()
    applied = sum(1 for row in rows if row["properties"]["applied"])
    return EffectsWritten(act, len(rows), applied, len(facts), edition)
