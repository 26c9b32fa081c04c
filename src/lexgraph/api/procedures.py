"""`Query.procedures`: the filter input, its translation to the reads' filter tree, and paging."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from lexgraph.api import paging
from lexgraph.api.context import Info
from lexgraph.api.errors import AMBIGUOUS_NAME, UNRESOLVED_CITATION, NotFound, UserError
from lexgraph.api.nodes import Apostille, Procedure, Subject
from lexgraph.api.prefetch import planned, prefetch
from lexgraph.api.search import citation_context, lucene_query
from lexgraph.citations import CitationContext, parse_citations
from lexgraph.graph.reads import procedures as reads
from lexgraph.ways_in import canonical_ids

MAX_CONDITIONS = 64
MAX_DEPTH = 8
CURSOR_PREFIX = "procedures"
NUMBER = re.compile(r"\d+(\.\d+)*")


@strawberry.enum(description="How a procedure may depend on an act or a unit of an act.")
class DependencyMode(Enum):
    DIRECT = strawberry.enum_value(
        "direct", description="Its regulation cites exactly that act or unit."
    )
    INCLUDING_SUBUNITS = strawberry.enum_value(
        "including_subunits",
        description="Its regulation cites that act or unit or any unit inside it (PART_OF).",
    )
    VIA_LEGAL_BASIS = strawberry.enum_value(
        "via_legal_basis",
        description="As INCLUDING_SUBUNITS, or the act is in the regulation's legal basis"
        " (point 1.2), or the approving or a legal-basis act is issued on the basis of it"
        " (на основании …).",
    )


@strawberry.input(description="An act or a unit of an act a procedure depends on.")
class DependsOn:
    id: str | None = strawberry.field(
        default=None,
        description="Graph id of the act or unit, e.g. `by/code/tax#art_287` (`graphId`).",
    )
    citation: str | None = strawberry.field(
        default=None,
        description="Or the reference as one would write it, in Russian, e.g. «статья 287"
        " Налогового кодекса Республики Беларусь»: read by the citation grammar; several units"
        " («части первая–третья пункта 6 …») mean any of them.",
    )
    mode: DependencyMode = strawberry.field(
        default=DependencyMode.INCLUDING_SUBUNITS, description="How the dependency is traced."
    )


@strawberry.input(description="A range of fee amounts in base units (базовые величины), inclusive.")
class FeeRange:
    min: float | None = strawberry.field(default=None, description="At least this many.")
    max: float | None = strawberry.field(default=None, description="At most this many.")


@strawberry.input(
    description="Which procedures: every field given must hold (AND); combine filters with `and`,"
    " `or`, `not`."
)
class ProcedureFilter:
    and_: list[ProcedureFilter] | None = strawberry.field(
        default=None, name="and", description="Every one of these holds."
    )
    or_: list[ProcedureFilter] | None = strawberry.field(
        default=None, name="or", description="At least one of these holds."
    )
    not_: ProcedureFilter | None = strawberry.field(
        default=None, name="not", description="This does not hold."
    )
    depends_on: DependsOn | None = strawberry.field(
        default=None, description="It depends on an act or a unit of an act."
    )
    apostille: Apostille | None = strawberry.field(
        default=None,
        description="At least one submitted document has this legalization (апостиль) state.",
    )
    authority: str | None = strawberry.field(
        default=None, description="Graph id of its competent authority (уполномоченный орган)."
    )
    registry: str | None = strawberry.field(
        default=None,
        description="Graph id of a registry it records in or requests information from.",
    )
    fee: FeeRange | None = strawberry.field(
        default=None, description="Its fee (плата) in base units lies in this range."
    )
    subject: Subject | None = strawberry.field(default=None, description="Who may apply.")
    available_electronically: bool | None = strawberry.field(
        default=None,
        description="Whether it can be applied for electronically: a submitted document may go"
        " in electronic form, or a portal text says so.",
    )
    text: str | None = strawberry.field(
        default=None,
        description="Its title or its regulation's title has these words (any of them, in any"
        " grammatical form: Russian morphology), or its number is this.",
    )


@strawberry.type(description="One procedure of a page, with the cursor to continue after it.")
class ProcedureEdge:
    cursor: str = strawberry.field(description="Pass as `after` to get what follows.")
    node: Procedure = strawberry.field(description="The procedure.")


@strawberry.type(description="A page of procedures, ordered by number.")
class ProcedureConnection:
    total_count: int = strawberry.field(description="How many procedures match, on all pages.")
    edges: list[ProcedureEdge] = strawberry.field(description="The procedures of this page.")
    page_info: relay.PageInfo = strawberry.field(description="Where this page is.")

    @strawberry.field(description="The procedures of this page, without cursors.")
    def nodes(self) -> list[Procedure]:
        return [edge.node for edge in self.edges]


class _Translation:
    """ProcedureFilter → the reads' filter tree, validating as it goes."""

    def __init__(self, info: Info) -> None:
        self.info = info
        self.checks: list[reads.Check] = []
        self.conditions = 0
        self.context: CitationContext | None = None

    def count(self, conditions: int) -> None:
        self.conditions += conditions
        if self.conditions > MAX_CONDITIONS:
            raise UserError(f"the filter has more than {MAX_CONDITIONS} conditions")

    def condition(self, kind: str, value: Any = None) -> reads.Condition:
        self.count(1)
        return reads.Condition(kind, value)

    async def targets(self, depends_on: DependsOn) -> list[str]:
        """The graph ids a `dependsOn` names: its id, or what its citation resolves to."""
        if (depends_on.id is None) == (depends_on.citation is None):
            raise UserError("`dependsOn` needs either `id` or `citation`")
        if depends_on.id is not None:
            return [depends_on.id]
        text = depends_on.citation or ""
        if self.context is None:
            self.context = await citation_context(self.info)
        found = parse_citations(text, context=self.context)
        if len(found) != 1:
            many = "more than one reference" if found else "no reference"
            raise UserError(
                f"`dependsOn.citation` must name one act or unit; found {many}",
                AMBIGUOUS_NAME if found else UNRESOLVED_CITATION,
            )
        [citation] = found
        ids = canonical_ids(citation)
        if not citation.resolved or not ids or citation.kind == "procedure":
            why = citation.reason or "it names no act"
            raise UserError(
                f"cannot resolve the reference {citation.text!r}: {why}", UNRESOLVED_CITATION
            )
        return ids

    def check(self, graph_id: str, kind: str) -> str:
        if not graph_id.strip():
            raise UserError(f"an empty id in the filter ({kind})")
        self.checks.append(reads.Check(graph_id, kind))
        return graph_id

    async def tree(self, f: ProcedureFilter, depth: int = 1) -> reads.Filter:
        if depth > MAX_DEPTH:
            raise UserError(f"the filter nests deeper than {MAX_DEPTH} levels")
        parts: list[reads.Filter] = []
        if f.and_ is not None:
            parts.append(reads.All(tuple([await self.tree(x, depth + 1) for x in f.and_])))
        if f.or_ is not None:
            if not f.or_:
                raise UserError("`or` needs at least one filter")
            parts.append(reads.AnyOf(tuple([await self.tree(x, depth + 1) for x in f.or_])))
        if f.not_ is not None:
            parts.append(reads.Not(await self.tree(f.not_, depth + 1)))
        if f.depends_on is not None:
            kind = {
                DependencyMode.DIRECT: "cites_directly",
                DependencyMode.INCLUDING_SUBUNITS: "cites_within",
                DependencyMode.VIA_LEGAL_BASIS: "via_legal_basis",
            }[f.depends_on.mode]
            targets = [
                reads.Condition(kind, self.check(target, "unit"))
                for target in await self.targets(f.depends_on)
            ]
            self.count(len(targets))
            parts.append(targets[0] if len(targets) == 1 else reads.AnyOf(tuple(targets)))
        if f.apostille is not None:
            # Few documents need an apostille: those are found through the index, from the
            # documents' side; the common states are tested procedure by procedure.
            rare = f.apostille is Apostille.REQUIRED
            kind = "rare_apostille" if rare else "apostille"
            parts.append(self.condition(kind, f.apostille.value))
        if f.authority is not None:
            parts.append(self.condition("authority", self.check(f.authority, "authority")))
        if f.registry is not None:
            parts.append(self.condition("registry", self.check(f.registry, "registry")))
        if f.fee is not None:
            low, high = f.fee.min, f.fee.max
            if low is None and high is None:
                raise UserError("`fee` needs `min`, `max` or both")
            if (low is not None and low < 0) or (high is not None and high < 0):
                raise UserError("fee amounts cannot be negative")
            if low is not None and high is not None and low > high:
                raise UserError(f"fee range is empty: min {low} is above max {high}")
            parts.append(self.condition("fee_range", {"min": low, "max": high}))
        if f.subject is not None:
            parts.append(self.condition("subject", f.subject.value))
        if f.available_electronically is not None:
            kind = (
                "available_electronically"
                if f.available_electronically
                else "not_available_electronically"
            )
            parts.append(self.condition(kind))
        if f.text is not None:
            if not f.text.strip():
                raise UserError("`text` is empty")
            text = f.text.strip()
            if NUMBER.fullmatch(text):
                parts.append(self.condition("number", text))
            else:
                parts.append(self.condition("text", lucene_query(text, what="`text`")))
        return parts[0] if len(parts) == 1 else reads.All(tuple(parts))


async def find_procedures(
    info: Info, filter: ProcedureFilter | None, first: int, after: str | None, as_of: dt.date
) -> ProcedureConnection:
    """A page of the procedures `filter` holds for as of `as_of` (every condition read as of that
    day, `dependsOn` too), each procedure to be read as of it."""
    paging.check_first(first, paging.largest_page(info))
    offset = paging.decode_cursor(CURSOR_PREFIX, after) + 1 if after is not None else 0
    translation = _Translation(info)
    tree = await translation.tree(filter) if filter is not None else reads.All(())
    statement, parameters = reads.procedures_page(tree)
    parameters |= {
        "asOf": as_of,
        "offset": offset,
        "limit": first,
        "checks": [{"id": c.id, "kind": c.kind} for c in translation.checks],
    }
    records = await info.context.read("PROCEDURES_PAGE", statement, parameters)
    record = records[0]
    if record["missing"]:
        missing = ", ".join(f"{c['kind']} {c['id']!r}" for c in record["missing"])
        raise NotFound(f"the filter names what the graph does not hold: {missing}")
    total: int = record["total"]
    edges = [
        ProcedureEdge(
            cursor=paging.encode_cursor(CURSOR_PREFIX, offset + i),
            node=Procedure.from_map(row, as_of),
        )
        for i, row in enumerate(record["page"])
    ]
    steps = planned(info, "Procedure", ("nodes",), ("edges", "node"))
    await prefetch(info, [edge.node.id for edge in edges], steps, as_of)
    return ProcedureConnection(
        total_count=total,
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=offset + len(edges) < total,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
