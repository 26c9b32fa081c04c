"""The effects of amending acts on an act or a unit, and those an act or a unit made: one page
of them, filtered, with how many there are (`lexgraph.graph.effects` writes them).

An act's effects are found by property (`targetActId`, `amendingActId`, indexed by migration
0010); a unit's by the unit the effect acts on, or any unit inside it (`targetProvisionId`, the
ids of sub-units extend their parent's with `__`), and by the amending act's unit that made it
(`MADE_BY`) or one inside it. Ordered by the day they take effect, then by act and position.
"""

from __future__ import annotations

from typing import LiteralString

__all__ = ["EFFECT_READS"]

_FILTER_AND_PAGE: LiteralString = """
WITH DISTINCT e
WHERE ($applied IS NULL OR e.applied = $applied)
  AND ($from IS NULL OR e.effectiveFrom >= $from)
  AND ($to IS NULL OR e.effectiveFrom <= $to)
WITH e ORDER BY e.effectiveFrom, e.amendingActId, e.position
WITH collect(properties(e)) AS found
RETURN size(found) AS total, found[$offset..$offset + $limit] AS page
"""

ACT_AFFECTED_BY: LiteralString = "MATCH (e:Effect {targetActId: $id})" + _FILTER_AND_PAGE
ACT_MADE: LiteralString = "MATCH (e:Effect {amendingActId: $id})" + _FILTER_AND_PAGE
PROVISION_AFFECTED_BY: LiteralString = (
    "CALL () { MATCH (e:Effect {targetProvisionId: $id}) RETURN e "
    "UNION MATCH (e:Effect) WHERE e.targetProvisionId STARTS WITH $id + '__' RETURN e }"
    + _FILTER_AND_PAGE
)
PROVISION_MADE: LiteralString = (
    "MATCH (p:Provision {id: $id}) "
    "CALL (p) { MATCH (e:Effect)-[:MADE_BY]->(p) RETURN e "
    "UNION MATCH (e:Effect)-[:MADE_BY]->(:Provision)-[:PART_OF*1..4]->(p) RETURN e }"
    + _FILTER_AND_PAGE
)

EFFECT_READS: dict[tuple[str, bool], LiteralString] = {
    ("LegalAct", False): ACT_AFFECTED_BY,
    ("LegalAct", True): ACT_MADE,
    ("Provision", False): PROVISION_AFFECTED_BY,
    ("Provision", True): PROVISION_MADE,
}
"""(the parent's type, whether the effects are those it made) → the statement."""
