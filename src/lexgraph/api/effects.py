"""Effects in the API: `effects` on acts and units (what changed them, what they changed), and
the `Effect` type the `amend` mutation answers with (`lexgraph.api.amend`).

An effect is one instruction of an amending act (`lexgraph.graph.effects`). The lists are read
a page at a time, filtered by applied or not and by the day they take effect, ordered by that
day, then by amending act and the instruction's place in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry import relay

from lexgraph.api import paging
from lexgraph.api.context import Info
from lexgraph.graph.effect_reads import EFFECT_READS
from lexgraph.graph.validity import as_date

__all__ = ["Effect", "EffectConnection", "EffectDirection", "EffectKind", "effects_page"]

Row = Mapping[str, Any]
EFFECTS_CURSOR = "effects"


@strawberry.enum(description="What an instruction of an amending act does.")
class EffectKind(Enum):
    REPLACE_WORDS = strawberry.enum_value(
        "replace_words", description="«слова «A» заменить словами «B»»."
    )
    DELETE_WORDS = strawberry.enum_value("delete_words", description="«слова «A» исключить».")
    ADD_WORDS = strawberry.enum_value(
        "add_words", description="«после слов «A» дополнить словами «B»»."
    )
    RESTATE = strawberry.enum_value(
        "restate", description="«пункт 7 изложить в следующей редакции: …»."
    )
    INSERT = strawberry.enum_value(
        "insert", description="«дополнить пункт 1 подпунктом 1.4 следующего содержания: …»."
    )
    DELETE = strawberry.enum_value(
        "delete", description="«подпункт 1.3.7 исключить», «позицию «…» исключить» (a row)."
    )
    RENUMBER = strawberry.enum_value(
        "renumber", description="«абзац третий считать абзацем четвертым»."
    )
    REPEAL = strawberry.enum_value("repeal", description="«признать утратившим силу …».")


@strawberry.enum(description="Which effects of an act or a unit.")
class EffectDirection(Enum):
    AFFECTING = strawberry.enum_value(
        "affecting", description="What changed it: effects whose target it is (or lies in it)."
    )
    MADE = strawberry.enum_value(
        "made", description="What it changed: effects an amending act (or its unit) ordered."
    )


@strawberry.type(
    description="One instruction of an amending act (эффект изменения): where it stands, what it"
    " does to which unit, the day it takes effect, and whether it was applied (and why not)."
)
class Effect:
    graph_id: str = strawberry.field(
        description="Its graph id: `{amending act id}#effect_{n}`, n its place in the act."
    )
    position: int = strawberry.field(description="Its place among the act's instructions.")
    kind: EffectKind = strawberry.field(description="What it does.")
    amending_act_id: str = strawberry.field(description="The amending act's graph id.")
    source: str = strawberry.field(
        description="The amending act's unit and paragraph it stands in, e.g. «1.2 абз. 3»."
    )
    source_text: str = strawberry.field(description="The instruction as written (Russian).")
    source_lines: list[int] = strawberry.field(
        description="Its first and last line in the amending act's text."
    )
    target_act_id: str | None = strawberry.field(
        description="The amended act's graph id; null when the instruction repeals another act as"
        " a whole («признать утратившим силу постановление …»): its text names that act."
    )
    target_provision_id: str | None = strawberry.field(
        description="The graph id of the unit it acts on (`…#procedure_regulation_15.4.1__point_4`)"
        "; null when it acts on the whole act."
    )
    target: str = strawberry.field(
        description="The target in words: unit, column («графа»), row («позиция»), regulation."
    )
    column: str | None = strawberry.field(description="A table column it acts in, by header.")
    row: str | None = strawberry.field(
        description="A table row it acts on, by the words its first cell begins with."
    )
    old_text: str | None = strawberry.field(description="The words it looks for, as quoted.")
    new_text: str | None = strawberry.field(
        description="The new words or the new text of the unit, as quoted."
    )
    new_unit: str | None = strawberry.field(
        description="The unit an insertion adds or a renumbering gives (eId inside the target)."
    )
    effective_from: dt.date | None = strawberry.field(
        description="The day it takes effect; null when the act does not name one."
    )
    effective_text: str | None = strawberry.field(
        description="What the act says of its entry into force («с 1 марта 2024 г.»)."
    )
    applied: bool = strawberry.field(
        description="Whether it was applied: the edition `edition` holds it."
    )
    reason: str | None = strawberry.field(
        description="Why it was not applied: the words not found, the unit missing, another"
        " instruction of the act refused …"
    )
    edition: str | None = strawberry.field(
        description="The version (edition) it produced; null when not applied."
    )

    @classmethod
    def from_row(cls, row: Row) -> Effect:
        return cls(
            graph_id=str(row["id"]),
            position=int(row["position"]),
            kind=EffectKind(row["kind"]),
            amending_act_id=str(row["amendingActId"]),
            source=str(row["source"]),
            source_text=str(row["sourceText"]),
            source_lines=[int(row["sourceLineStart"]), int(row["sourceLineEnd"])],
            target_act_id=row.get("targetActId"),
            target_provision_id=row.get("targetProvisionId"),
            target=str(row["targetText"]),
            column=row.get("targetColumn"),
            row=row.get("targetRow"),
            old_text=row.get("oldText"),
            new_text=row.get("newText"),
            new_unit=row.get("newUnit"),
            effective_from=as_date(row.get("effectiveFrom")),
            effective_text=row.get("effectiveText"),
            applied=bool(row["applied"]),
            reason=row.get("reason"),
            edition=row.get("edition"),
        )


@strawberry.type(description="One effect of a page, with the cursor to continue after it.")
class EffectEdge:
    cursor: str = strawberry.field(description="Pass as `after` to get what follows.")
    node: Effect = strawberry.field(description="The effect.")


@strawberry.type(description="A page of effects, by the day they take effect.")
class EffectConnection:
    edges: list[EffectEdge] = strawberry.field(description="The effects of this page.")
    page_info: relay.PageInfo = strawberry.field(description="Where this page is.")
    total_count: int = strawberry.field(description="How many there are, on all pages.")

    @strawberry.field(description="The effects of this page, without cursors.")
    def nodes(self) -> list[Effect]:
        return [edge.node for edge in self.edges]


def _arg(description: str) -> Any:
    return strawberry.argument(description=description)


EFFECTS_DESCRIPTION = (
    "Effects of amending acts (изменения): what changed it (`AFFECTING`, the default) or what it"
    " changed (`MADE`), each instruction with its target, texts, day, and whether it was applied"
    " and why not; by the day they take effect, a page at a time."
)
"""The `effects` field of acts and of their units, which take the arguments below."""

DirectionArgument = Annotated[
    EffectDirection,
    _arg("`AFFECTING`: what changed it (the default); `MADE`: what it changed."),
]
AppliedArgument = Annotated[
    bool | None, _arg("Only applied effects (true) or only those not applied (false).")
]
FromArgument = Annotated[
    dt.date | None,
    strawberry.argument(
        name="from", description="Only effects taking effect on this day or after."
    ),
]
"""`from`, a Python keyword: the parameter is named `from_`."""
ToArgument = Annotated[dt.date | None, _arg("Only effects taking effect on this day or before.")]
FirstArgument = Annotated[int, _arg(paging.PAGE_SIZE_DESCRIPTION)]
AfterArgument = Annotated[str | None, _arg("A cursor of the previous page.")]


async def effects_page(
    info: Info,
    label: str,
    key: str,
    direction: EffectDirection,
    applied: bool | None,
    since: dt.date | None,
    until: dt.date | None,
    first: int,
    after: str | None,
) -> EffectConnection:
    """A page of the effects on (or made by) the act or unit `key`, and how many there are."""
    paging.check_first(first, paging.largest_page(info))
    offset = paging.decode_cursor(EFFECTS_CURSOR, after) + 1 if after is not None else 0
    made = direction is EffectDirection.MADE
    statement = EFFECT_READS[(label, made)]
    records = await info.context.read(
        f"EFFECTS[{label}|{'made' if made else 'affecting'}]",
        statement,
        {
            "id": key,
            "applied": applied,
            "from": since,
            "to": until,
            "offset": offset,
            "limit": first + 1,
        },
    )
    total = int(records[0]["total"]) if records else 0
    rows = list(records[0]["page"]) if records else []
    edges = [
        EffectEdge(cursor=paging.encode_cursor(EFFECTS_CURSOR, offset + i), node=Effect.from_row(r))
        for i, r in enumerate(rows[:first])
    ]
    return EffectConnection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=len(rows) > first,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )
