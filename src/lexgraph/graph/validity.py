"""Law in time: when an act, and what it states, is in force.

Validity lives on acts (`adoptedOn`, `inForceFrom`, `repealedOn`, `status`). What a document states
(a regulation, its requirements, fees, legal-basis edges …) carries `statedIn` (the id of the act
the document is the text of) and is valid while that act is in force. A statement superseded by a
later version of the text carries `validTo`; one introduced by a later version carries `validFrom`
(`lexgraph.graph.versions`).

The Cypher predicates here are the one place that says "valid as of `$asOf`"; every query that
answers as of a date (the API, impact analysis) embeds them. They take a Cypher variable name, which
is always a fixed identifier of the calling query, never user input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, LiteralString

AS_OF_PARAMETER: LiteralString = "$asOf"


def today() -> dt.date:
    """The default `asOf`: the current date (UTC)."""
    return dt.datetime.now(dt.UTC).date()


def act_in_force(act: LiteralString, as_of: LiteralString = AS_OF_PARAMETER) -> LiteralString:
    """Cypher: the `LegalAct` bound to `act` is in force on `as_of`.

    In force from `inForceFrom` (or, when that is unknown, from its adoption or its date) until the
    day before `repealedOn`. An act of which nothing but a citation is known counts as in force.
    """
    return (
        "(coalesce(" + act + ".inForceFrom, " + act + ".adoptedOn, " + act + ".date) IS NULL"
        " OR coalesce(" + act + ".inForceFrom, " + act + ".adoptedOn, " + act + ".date) <= "
        "" + as_of + ")"
        " AND (" + act + ".repealedOn IS NULL OR " + act + ".repealedOn > " + as_of + ")"
    )


def stated_valid(item: LiteralString, as_of: LiteralString = AS_OF_PARAMETER) -> LiteralString:
    """Cypher: the node or relationship bound to `item` holds on `as_of`.

    It holds within its own version interval (`validFrom` inclusive, `validTo` exclusive) and while
    the act that states it (`statedIn`) is in force. Nodes and edges no act states (acts,
    provisions, authorities, portal facts) are bounded by their own interval only.
    """
    return (
        "(" + item + ".validFrom IS NULL OR " + item + ".validFrom <= " + as_of + ")"
        " AND (" + item + ".validTo IS NULL OR " + item + ".validTo > " + as_of + ")"
        " AND (" + item + ".statedIn IS NULL OR EXISTS { MATCH (stating:LegalAct {id: "
        "" + item + ".statedIn}) WHERE " + act_in_force("stating", as_of) + " })"
    )


def node_valid(node: LiteralString, as_of: LiteralString = AS_OF_PARAMETER) -> LiteralString:
    """Cypher: a node of any label holds on `as_of`: an act in force, a provision of an act in
    force, a statement of an act in force within its version interval."""
    return (
        "(CASE WHEN " + node + ":LegalAct THEN " + act_in_force(node, as_of) + ""
        " WHEN " + node + ":Provision AND " + node + ".statedIn IS NULL THEN"
        " NOT EXISTS { MATCH (unitAct:LegalAct {id: " + node + ".actId})"
        " WHERE NOT (" + act_in_force("unitAct", as_of) + ") }"
        " ELSE " + stated_valid(node, as_of) + " END)"
    )


@dataclass(frozen=True, slots=True)
class ActValidity:
    """The validity of one act, as recorded on its node."""

    act_id: str
    status: str | None
    adopted_on: dt.date | None
    in_force_from: dt.date | None
    repealed_on: dt.date | None

    def in_force(self, as_of: dt.date) -> bool:
        """The same rule as `act_in_force`, in Python."""
        start = self.in_force_from or self.adopted_on
        if start is not None and start > as_of:
            return False
        return self.repealed_on is None or self.repealed_on > as_of

    @classmethod
    def from_node(cls, properties: Mapping[str, Any]) -> ActValidity:
        return cls(
            act_id=str(properties["id"]),
            status=properties.get("status"),
            adopted_on=_date(properties.get("adoptedOn") or properties.get("date")),
            in_force_from=_date(properties.get("inForceFrom")),
            repealed_on=_date(properties.get("repealedOn")),
        )


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        native = to_native()
        if isinstance(native, dt.date):
            return native
    return dt.date.fromisoformat(str(value))


ACTS_IN_FORCE: LiteralString = (
    "MATCH (act:LegalAct) WHERE act.id IN $ids AND " + act_in_force("act") + " RETURN act.id AS id"
)

ACT_VALIDITY: LiteralString = (
    "MATCH (act:LegalAct) WHERE act.id IN $ids RETURN properties(act) AS act"
)
