"""`Query.conflicts`: where sources disagree, across all procedures, a page at a time
(`lexgraph.graph.conflicts`).

The rule is the one `Procedure.electronicAvailability.conflict` tells for one procedure; here it is
asked of every procedure at once, as of a date, so a reader finds the disagreements without
opening each procedure.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from strawberry import relay

from lexgraph.api import paging
from lexgraph.api.context import Info
from lexgraph.api.enums import ConflictKind, SubmissionChannel
from lexgraph.api.nodes import PortalFact, Procedure, Regulation
from lexgraph.graph import conflicts as reads
from lexgraph.graph.validity import today

CURSOR_PREFIX = "conflicts"


@strawberry.type(
    description="A procedure about which two sources disagree, with each side's claim and its"
    " source: both stay in the graph; the disagreement is shown, not resolved."
)
class ProcedureConflict:
    kind: ConflictKind = strawberry.field(
        description="What they disagree on: so far, electronic availability (a portal text says"
        " the procedure is available electronically; no document of its regulation may be"
        " submitted in electronic form)."
    )
    procedure: Procedure = strawberry.field(description="The procedure.")
    portal_claims: list[PortalFact] = strawberry.field(
        description="The portal texts making the claim, each with its provenance."
    )
    regulations: list[Regulation] = strawberry.field(
        description="Its regulations that hold on the date asked, whose documents may not be"
        " submitted electronically."
    )
    regulation_channels: list[SubmissionChannel] = strawberry.field(
        description="The ways of submission the regulations' documents allow (лично, по почте,"
        " нарочным), none of them electronic."
    )


@strawberry.type(description="One conflict of a page, with the cursor to continue after it.")
class ProcedureConflictEdge:
    cursor: str = strawberry.field(description="Pass as `after` to get what follows.")
    node: ProcedureConflict = strawberry.field(description="The conflict.")


@strawberry.type(description="A page of conflicts between sources, by procedure number.")
class ProcedureConflictConnection:
    total_count: int = strawberry.field(description="How many there are, on all pages.")
    edges: list[ProcedureConflictEdge] = strawberry.field(description="This page's conflicts.")
    page_info: relay.PageInfo = strawberry.field(description="Where this page is.")

    @strawberry.field(description="The conflicts of this page, without cursors.")
    def nodes(self) -> list[ProcedureConflict]:
        return [edge.node for edge in self.edges]


def _conflict(found: reads.Conflict, as_of: dt.date) -> ProcedureConflict:
    return ProcedureConflict(
        kind=ConflictKind(found.kind),
        procedure=Procedure.from_map(found.procedure, as_of),
        portal_claims=[PortalFact.from_map(row, as_of) for row in found.claims],
        regulations=[Regulation.from_map(row, as_of) for row in found.regulations],
        regulation_channels=[SubmissionChannel(c) for c in found.regulation_channels],
    )


async def find_conflicts(
    info: Info, as_of: dt.date, first: int, after: str | None
) -> ProcedureConflictConnection:
    paging.check_first(first, paging.largest_page(info))
    offset = paging.decode_cursor(CURSOR_PREFIX, after) + 1 if after is not None else 0
    page = await reads.conflicts_page(info.context.read, as_of, offset, first)
    edges = [
        ProcedureConflictEdge(
            cursor=paging.encode_cursor(CURSOR_PREFIX, offset + i), node=_conflict(found, as_of)
        )
        for i, found in enumerate(page.conflicts)
    ]
    return ProcedureConflictConnection(
        total_count=page.total,
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=offset + len(edges) < page.total,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )


@strawberry.type
class ConflictsQuery:
    """The root field listing conflicts; `Query` inherits it."""

    @strawberry.field(
        description="Conflicts between sources across all procedures, as of a date, by procedure"
        " number, a page at a time: where a portal text claims what the procedure's regulation"
        " does not state (the rule of `Procedure.electronicAvailability.conflict`)."
    )
    async def conflicts(
        self,
        info: Info,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="Answer as of this date (на дату): the claims and regulations that"
                " hold then. Today if omitted."
            ),
        ] = None,
        first: Annotated[int, strawberry.argument(description=paging.PAGE_SIZE_DESCRIPTION)] = 20,
        after: Annotated[
            str | None, strawberry.argument(description="A cursor of the previous page.")
        ] = None,
    ) -> ProcedureConflictConnection:
        return await find_conflicts(info, as_of or today(), first, after)
