"""Where two sources disagree: both claims stay in the graph, and this lists them side by side.

One kind of conflict is known: a portal text says a procedure is available electronically
(`PortalFact {kind: 'electronic_availability'}` `ABOUT` it) while no document of its regulation
may be submitted in electronic form (no `electronic` among the `channels` of its requirements). On
a day no regulation of the procedure holds (before its act entered into force), only the portal
speaks, and nothing disagrees.
It is the rule of the API's per-procedure `electronicAvailability.conflict`, asked of every
procedure at once, as of a date: the claims, regulations and requirements that hold on `$asOf`
(`lexgraph.graph.validity.stated_valid`), so a portal text and a regulation that disagreed only
before a new edition are listed as of a day before it, not after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import AsyncDriver, Query, Record, RoutingControl

from lexgraph.graph.validity import all_stated_valid, today

Read = Callable[[str, LiteralString, Mapping[str, Any] | None], Awaitable[list[Record]]]
"""Runs one read statement, named for the request's round-trip log (`RequestContext.read`)."""

ELECTRONIC_AVAILABILITY = "electronic_availability"

# A portal claim about the procedure `p` holding on `$asOf` (each path's intervals, and its acts in
# one subquery: `all_stated_valid`).
_CLAIMS: LiteralString = (
    "MATCH (p)<-[about:ABOUT]-(fact:PortalFact {kind: 'electronic_availability'}) WHERE "
    + all_stated_valid(("about", "fact"))
)
# A regulation of `p`, and the edge to it, holding on `$asOf`.
_REGULATIONS: LiteralString = (
    "MATCH (p)<-[regulates:REGULATES]-(r:Regulation) WHERE " + all_stated_valid(("regulates", "r"))
)
# A document of such a regulation, and the edges to it, holding on `$asOf`.
_DOCUMENTS: LiteralString = (
    "MATCH (p)<-[regulates:REGULATES]-(r:Regulation)-[required:REQUIRES]->"
    "(d:DocumentRequirement) WHERE " + all_stated_valid(("regulates", "r", "required", "d"))
)

# Every procedure in conflict, ordered by number (as the unified list orders them), counted; the
# page `$offset`, `$limit` (null: all) made into maps with the claims, the regulations and the
# ways of submission they allow.
CONFLICTS_PAGE: LiteralString = (
    "MATCH (p:Procedure) WHERE EXISTS { "
    + _CLAIMS
    + " } AND EXISTS { "
    + _REGULATIONS
    + " } AND NOT EXISTS { "
    + _DOCUMENTS
    + " AND 'electronic' IN coalesce(d.channels, []) } "
    "WITH p ORDER BY [x IN split(p.number, '.') | toInteger(x)], p.number "
    "WITH collect(p) AS matched "
    "WITH matched, CASE WHEN $limit IS NULL THEN matched[$offset..] "
    "ELSE matched[$offset..$offset + $limit] END AS shown "
    "RETURN size(matched) AS total, [p IN shown | {"
    "procedure: p {.*, _label: 'Procedure'}, "
    "claims: COLLECT { "
    + _CLAIMS
    + " RETURN fact {.*, _label: 'PortalFact'} ORDER BY fact.sourceDocument, fact.id }, "
    "regulations: COLLECT { "
    + _REGULATIONS
    + " RETURN r {.*, _label: 'Regulation'} ORDER BY r.id }, "
    "channels: COLLECT { "
    + _DOCUMENTS
    + " UNWIND coalesce(d.channels, []) AS channel RETURN DISTINCT channel ORDER BY channel }"
    "}] AS page"
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A procedure whose sources disagree on `kind`, as of a date: the portal texts claiming it
    (`claims`, node maps), its regulations that hold then (`regulations`, node maps) and every
    way of submission their documents allow (`regulation_channels`)."""

    kind: str
    procedure: Mapping[str, Any]
    claims: tuple[Mapping[str, Any], ...]
    regulations: tuple[Mapping[str, Any], ...]
    regulation_channels: tuple[str, ...]

    @property
    def number(self) -> str:
        return str(self.procedure.get("number") or self.procedure["id"])


@dataclass(frozen=True, slots=True)
class ConflictPage:
    """The conflicts of one page, and how many there are on all pages."""

    total: int
    conflicts: tuple[Conflict, ...]


async def conflicts_page(
    read: Read, as_of: dt.date, offset: int = 0, limit: int | None = None
) -> ConflictPage:
    """The conflicts that hold on `as_of`, by procedure number: `limit` of them (None: all)
    from the `offset`-th."""
    records = await read(
        "CONFLICTS_PAGE", CONFLICTS_PAGE, {"asOf": as_of, "offset": offset, "limit": limit}
    )
    record = records[0]
    return ConflictPage(
        total=record["total"],
        conflicts=tuple(
            Conflict(
                kind=ELECTRONIC_AVAILABILITY,
                procedure=row["procedure"],
                claims=tuple(row["claims"]),
                regulations=tuple(row["regulations"]),
                regulation_channels=tuple(row["channels"]),
            )
            for row in record["page"]
        ),
    )


def driver_read(driver: AsyncDriver, database: str, timeout_s: float | None = None) -> Read:
    """A `Read` on the driver (for the command line), each statement a read transaction."""

    async def read(
        name: str, statement: LiteralString, parameters: Mapping[str, Any] | None
    ) -> list[Record]:
        records, _, _ = await driver.execute_query(
            Query(statement, timeout=timeout_s),
            parameters_=dict(parameters or {}),
            database_=database,
            routing_=RoutingControl.READ,
        )
        return records

    return read


async def electronic_availability_conflicts(
    driver: AsyncDriver, database: str, as_of: dt.date | None = None
) -> Sequence[Conflict]:
    """Every conflict that holds on `as_of` (default: today)."""
    page = await conflicts_page(driver_read(driver, database), as_of or today())
    return page.conflicts
