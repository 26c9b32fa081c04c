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
from collections.abc import Mapping, Sequence
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


def within_interval(item: LiteralString, as_of: LiteralString = AS_OF_PARAMETER) -> LiteralString:
    """Cypher: `as_of` lies within the version interval of the node or relationship bound to
    `item` (`validFrom` inclusive, `validTo` exclusive; an open end is no bound). The first half
    of `stated_valid`."""
    return (
        "(" + item + ".validFrom IS NULL OR " + item + ".validFrom <= " + as_of + ")"
        " AND (" + item + ".validTo IS NULL OR " + item + ".validTo > " + as_of + ")"
    )


def _stating_act_in_force(act_id: LiteralString, as_of: LiteralString) -> LiteralString:
    return (
        "(" + act_id + " IS NULL OR EXISTS { MATCH (stating:LegalAct {id: " + act_id + "})"
        " WHERE " + act_in_force("stating", as_of) + " })"
    )


def stated_by_act_in_force(
    item: LiteralString, as_of: LiteralString = AS_OF_PARAMETER
) -> LiteralString:
    """Cypher: the act that states the node or relationship bound to `item` (`statedIn`) is in
    force on `as_of`, or no act states it. The second half of `stated_valid`."""
    return _stating_act_in_force(item + ".statedIn", as_of)


def stated_valid(item: LiteralString, as_of: LiteralString = AS_OF_PARAMETER) -> LiteralString:
    """Cypher: the node or relationship bound to `item` holds on `as_of`.

    It holds within its own version interval (`validFrom` inclusive, `validTo` exclusive) and while
    the act that states it (`statedIn`) is in force. Nodes and edges no act states (acts,
    provisions, authorities, portal facts) are bounded by their own interval only.
    """
    return within_interval(item, as_of) + " AND " + stated_by_act_in_force(item, as_of)


def all_stated_by_acts_in_force(
    acts: LiteralString, as_of: LiteralString = AS_OF_PARAMETER
) -> LiteralString:
    """Cypher: every act id of the list expression `acts` (the `statedIn` of facts) names an act
    in force on `as_of`, or is null: `stated_by_act_in_force` of many facts in one subquery,
    which Neo4j plans once (it plans each subquery apart, and a filter testing every step of
    several paths on its own took seconds to plan)."""
    return "all(stated IN " + acts + " WHERE " + _stating_act_in_force("stated", as_of) + ")"


def all_stated_valid(
    items: Sequence[LiteralString], as_of: LiteralString = AS_OF_PARAMETER
) -> LiteralString:
    """Cypher: `stated_valid` of each of the nodes and relationships bound to `items` (the steps
    of a path, matched together): their intervals one by one, their acts at once
    (`all_stated_by_acts_in_force`)."""
    acts: LiteralString = ""
    intervals: LiteralString = ""
    for item in items:
        acts += (", " if acts else "") + item + ".statedIn"
        intervals += "(" + within_interval(item, as_of) + ") AND "
    return intervals + all_stated_by_acts_in_force("[" + acts + "]", as_of)


def acts_in_force(acts: LiteralString, as_of: LiteralString = AS_OF_PARAMETER) -> LiteralString:
    """Cypher: the list of those of the act ids `acts` (a list expression) that name an act in
    force on `as_of`, each once.

    A read of many facts may test `within_interval` on each and the acts that state them
    (`statedIn`) once for all: a fact holds when it is within its interval and its act is in this
    list, which is `stated_valid` asked of every fact, with one subquery instead of one per fact
    (Neo4j plans each subquery apart: a page's prefetch of twenty relations, two facts each,
    took ten seconds to plan)."""
    return (
        "COLLECT { UNWIND " + acts + " AS stated WITH DISTINCT stated"
        " MATCH (stating:LegalAct {id: stated}) WHERE " + act_in_force("stating", as_of) + ""
        " RETURN stated }"
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

    @property
    def in_force_since(self) -> dt.date | None:
        """The first day it is in force: its entry into force, else its adoption, else its date
        (the start `act_in_force` takes); None when none is known."""
        return self.in_force_from or self.adopted_on

    def in_force(self, as_of: dt.date) -> bool:
        """The same rule as `act_in_force`, in Python."""
        start = self.in_force_since
        if start is not None and start > as_of:
            return False
        return self.repealed_on is None or self.repealed_on > as_of

    @classmethod
    def from_node(cls, properties: Mapping[str, Any]) -> ActValidity:
        return cls(
            act_id=str(properties["id"]),
            status=properties.get("status"),
            adopted_on=as_date(properties.get("adoptedOn") or properties.get("date")),
            in_force_from=as_date(properties.get("inForceFrom")),
            repealed_on=as_date(properties.get("repealedOn")),
        )


def as_date(value: Any) -> dt.date | None:
    """A date property as a `datetime.date`, whether the driver read it (`neo4j.time.Date`),
    Python wrote it, or it was stored as ISO text; None for none."""
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
