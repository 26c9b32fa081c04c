"""Procedures matching a filter: one page and the total count, in one statement.

A filter is a tree of `Condition`s joined by `All`, `AnyOf` and `Not`. Each condition kind is a
fixed Cypher predicate over `p` (the procedure) that reads one parameter, written `$value` below;
`compile_filter` joins them and renames each `$value` to a parameter of its own (`$f0`, `$f1` …);
a `text` condition also puts its full-text lookup before the match. Only these constants and
generated names ever reach the statement text; values are parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, LiteralString

from lexgraph.graph.reads.relations import CITING_PARTS

# The procedure's regulation (or the parts of it that cite) cites the unit `$value` itself.
CITES_DIRECTLY = (
    "EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)-" + CITING_PARTS + "->()-[c:CITES]->(t) "
    "WHERE t.id = $value AND c.validTo IS NULL }"
)
# … or cites `$value` or any unit inside it (PART_OF, any depth).
CITES_WITHIN = (
    "EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)-" + CITING_PARTS + "->()-[c:CITES]->()"
    "-[:PART_OF*0..]->(t) WHERE t.id = $value AND c.validTo IS NULL }"
)
# … or names `$value` in its legal basis (point 1.2), or its approving act or a legal-basis act
# is issued on the basis of `$value` or a unit inside it.
VIA_LEGAL_BASIS = (
    "(" + CITES_WITHIN + " OR EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)-[:GOVERNED_BY]->(t) "
    "WHERE t.id = $value } OR EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)"
    "-[:GOVERNED_BY|APPROVES]-(:LegalAct)-[:BASED_ON]->()-[:PART_OF*0..]->(t) "
    "WHERE t.id = $value })"
)
APOSTILLE = (
    "EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)-[:REQUIRES]->(d:DocumentRequirement) "
    "WHERE coalesce(d.apostille, 'not_stated') = $value AND d.validTo IS NULL }"
)
AUTHORITY = "EXISTS { MATCH (p)-[:HANDLED_BY]->(a:Authority) WHERE a.id = $value }"
REGISTRY = (
    "EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)-[:RECORDED_IN|REQUESTS|REQUESTED_FROM*1..2]->"
    "(g:Registry) WHERE g.id = $value }"
)
FEE_RANGE = (
    "EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)-[:CHARGES]->(f:Fee) WHERE f.validTo IS NULL "
    "AND ($value.min IS NULL OR f.amountBaseUnits >= $value.min) "
    "AND ($value.max IS NULL OR f.amountBaseUnits <= $value.max) }"
)
SUBJECT = "$value IN coalesce(p.subjects, [])"
# Either claim counts: a submitted document the regulation lets file electronically, or a portal
# text saying the procedure is available electronically (schema/model.md, conflicts).
AVAILABLE_ELECTRONICALLY = (
    "(EXISTS { MATCH (p)<-[:REGULATES]-(:Regulation)-[:REQUIRES]->(d:DocumentRequirement) "
    "WHERE 'electronic' IN coalesce(d.channels, []) AND d.validTo IS NULL } "
    "OR EXISTS { MATCH (p)<-[:ABOUT]-(:PortalFact {kind: 'electronic_availability'}) })"
)
NOT_AVAILABLE_ELECTRONICALLY = "NOT " + AVAILABLE_ELECTRONICALLY
# Words of its title or its regulation's title, with Russian morphology (the full-text index);
# `$value` is the words as Lucene terms. The matching procedures are found once, before the filter
# runs, as `$value_ids` (see `compile_filter`).
TEXT = "p.id IN $value_ids"
TEXT_MATCHES = (
    "CALL () { CALL db.index.fulltext.queryNodes('lexgraph_text', $value) YIELD node "
    "WITH node WHERE node:Procedure OR node:Regulation "
    "OPTIONAL MATCH (node)-[:REGULATES]->(regulated:Procedure) "
    "WITH CASE WHEN node:Procedure THEN node ELSE regulated END AS q WHERE q IS NOT NULL "
    "RETURN collect(DISTINCT q.id) AS $value_ids }\n"
)
NUMBER = "p.number = $value"

CONDITIONS: Mapping[str, LiteralString] = {
    "cites_directly": CITES_DIRECTLY,
    "cites_within": CITES_WITHIN,
    "via_legal_basis": VIA_LEGAL_BASIS,
    "apostille": APOSTILLE,
    "authority": AUTHORITY,
    "registry": REGISTRY,
    "fee_range": FEE_RANGE,
    "subject": SUBJECT,
    "available_electronically": AVAILABLE_ELECTRONICALLY,
    "not_available_electronically": NOT_AVAILABLE_ELECTRONICALLY,
    "text": TEXT,
    "number": NUMBER,
}


@dataclass(frozen=True, slots=True)
class Condition:
    kind: str
    value: Any = None


@dataclass(frozen=True, slots=True)
class All:
    parts: tuple[Filter, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Filter, ...]


@dataclass(frozen=True, slots=True)
class Not:
    part: Filter


Filter = Condition | All | AnyOf | Not


@dataclass(frozen=True, slots=True)
class Check:
    """An id the filter names, with the kind of node it must be (`unit`, `authority`, `registry`),
    checked in the same statement so a typo is reported rather than silently matching nothing."""

    id: str
    kind: str


def compile_filter(tree: Filter) -> tuple[LiteralString, LiteralString, dict[str, Any]]:
    """The predicate over `p`, what must run before it (full-text lookups), and parameters."""
    parameters: dict[str, Any] = {}
    preludes: list[str] = []

    def walk(node: Filter) -> str:
        if isinstance(node, Condition):
            name = f"f{len(parameters)}"
            parameters[name] = node.value
            if node.kind == "text":
                preludes.append(TEXT_MATCHES.replace("$value_ids", f"{name}_ids"))
                preludes[-1] = preludes[-1].replace("$value", "$" + name)
            return (
                CONDITIONS[node.kind]
                .replace("$value_ids", f"{name}_ids")
                .replace("$value", "$" + name)
            )
        if isinstance(node, Not):
            return "(NOT " + walk(node.part) + ")"
        if not node.parts:
            return "true" if isinstance(node, All) else "false"
        joiner = " AND " if isinstance(node, All) else " OR "
        return "(" + joiner.join(walk(part) for part in node.parts) + ")"

    # Built only from the constants above and generated names.
    predicate = walk(tree)
    return predicate, "".join(preludes), parameters


PROCEDURES_PAGE_HEAD = """
MATCH (p:Procedure)
WHERE """

PROCEDURES_PAGE_TAIL = """
WITH p ORDER BY [x IN split(p.number, '.') | toInteger(x)], p.number
WITH collect(p) AS matched
RETURN size(matched) AS total,
  [n IN matched[$offset..$offset + $limit] | n {.*, _label: 'Procedure'}] AS page,
  [c IN $checks WHERE NOT (
      (c.kind = 'unit' AND (EXISTS { MATCH (:LegalAct {id: c.id}) }
                            OR EXISTS { MATCH (:Provision {id: c.id}) }))
      OR (c.kind = 'authority' AND EXISTS { MATCH (:Authority {id: c.id}) })
      OR (c.kind = 'registry' AND EXISTS { MATCH (:Registry {id: c.id}) }))
  | c] AS missing
"""


def procedures_page(tree: Filter) -> tuple[LiteralString, dict[str, Any]]:
    """The statement for one page of procedures matching `tree`, ordered by number, with the
    total count and the checked ids that name no node; parameters `$offset`, `$limit`, `$checks`
    are the caller's to add."""
    predicate, prelude, parameters = compile_filter(tree)
    return prelude + PROCEDURES_PAGE_HEAD + predicate + PROCEDURES_PAGE_TAIL, parameters
