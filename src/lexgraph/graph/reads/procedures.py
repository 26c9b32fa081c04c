"""Procedures matching a filter: one page and the total count, in one statement.

A filter is a tree of `Condition`s joined by `All`, `AnyOf` and `Not`. Each condition kind is a
fixed Cypher predicate over `p` (the procedure) that reads one parameter, written `$value` below;
`compile_filter` joins them and renames each `$value` to a parameter of its own (`$f0`, `$f1` …).
Conditions that are cheaper to answer from their own end than by testing every procedure (a
dependency on a unit of an act, words of the full-text index, a rare apostille state) have a
lookup (`SOURCES`) that binds `q` to the procedures they hold for. When the whole filter is such
a condition (or several joined by `AnyOf`), or an `All` with one among its parts, that lookup
yields the rows the page is made of and the other parts test each row, so the procedures found
are not looked up again by id. Anywhere else in the tree (under `Not`, or beside other kinds
under `AnyOf`) the lookup runs before the match and collects the ids as `$value_ids`; the
predicate is then `p.id IN $value_ids`, so `AND`, `OR` and `NOT` combine them like any other.
Only these constants and generated names ever reach the statement text; values are parameters.

Every condition is read as of `$asOf` (`lexgraph.graph.validity.stated_valid`): the regulation,
its requirements, fee, citations, legal basis and portal facts, and the edges between them, that
hold on that day. The caller adds `$asOf` with `$offset`, `$limit` and `$checks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, LiteralString

from lexgraph.graph.validity import (
    all_stated_by_acts_in_force,
    all_stated_valid,
    within_interval,
)

# Dependencies start from the unit `$value` (an index seek on the act's or the provision's id) and
# go backwards to the procedures: a unit is cited by few regulations, while walking forward from
# every procedure through every citation reads the whole graph.
TARGET = (
    "CALL () { MATCH (t:Provision {id: $value}) RETURN t "
    "UNION MATCH (t:LegalAct {id: $value}) RETURN t } "
)
# The regulation a citing node `x` belongs to: the regulation itself, or the regulation that
# requires, requests, features or charges it, or charges the fee that grants it (a benefit). The
# same nodes as `CITING_PARTS` read backwards, written as fixed steps: a unit cited by most
# procedures has thousands of citing nodes, and a variable-length search from each of them costs
# several times the fixed expansions.
# Every step holds on `$asOf` (`all_stated_valid` of the steps matched together).
REGULATION_OF_CITING = (
    "CALL (x) { "
    "MATCH (x)<-[link:REQUIRES|REQUESTS|HAS_FEATURE|CHARGES]-(r:Regulation) WHERE "
    + all_stated_valid(("link",))
    + " RETURN r "
    "UNION MATCH (x:Benefit)<-[granted:HAS_BENEFIT]-(fee:Fee)<-[charged:CHARGES]-(r:Regulation) "
    "WHERE " + all_stated_valid(("granted", "fee", "charged")) + " RETURN r "
    "UNION WITH x WHERE x:Regulation RETURN x AS r } "
)
CITATION_HOLDS: LiteralString = all_stated_valid(("c", "x"))
# The procedure's regulation (or the parts of it that cite) cites the unit `$value` itself.
CITING_REGULATIONS_DIRECTLY = (
    "MATCH (t)<-[c:CITES]-(x) WHERE " + CITATION_HOLDS + " WITH DISTINCT x " + REGULATION_OF_CITING
)
# … or cites `$value` or any unit inside it (PART_OF, any depth).
CITING_REGULATIONS_WITHIN = (
    "MATCH (t)<-[:PART_OF*0..]-()<-[c:CITES]-(x) WHERE "
    + CITATION_HOLDS
    + " WITH DISTINCT x "
    + REGULATION_OF_CITING
)
# … or names `$value` in its legal basis (point 1.2), or its approving act or a legal-basis act
# is issued on the basis of `$value` or a unit inside it.
REGULATIONS_VIA_LEGAL_BASIS = (
    "CALL (t) { "
    + CITING_REGULATIONS_WITHIN
    + "RETURN r UNION MATCH (t)<-[governed:GOVERNED_BY]-(r:Regulation) WHERE "
    + all_stated_valid(("governed",))
    + " RETURN r "
    "UNION MATCH (t)<-[:PART_OF*0..]-()<-[based:BASED_ON]-(:LegalAct)-[link:GOVERNED_BY|APPROVES]-"
    "(r:Regulation) WHERE " + all_stated_valid(("based", "link")) + " RETURN r } "
)

# The procedure `q` a regulation `r` found above regulates, both holding on `$asOf`.
REGULATED: LiteralString = (
    "WITH DISTINCT r MATCH (r)-[regulates:REGULATES]->(q:Procedure) WHERE "
    + all_stated_valid(("r", "regulates"))
    + " "
)


def _procedures_of(regulations: LiteralString) -> LiteralString:
    return TARGET + regulations + REGULATED


# Words of its title or its regulation's title, with Russian morphology (the full-text index);
# `$value` is the words as Lucene terms. A regulation found must hold, with its `REGULATES` edge.
TEXT_MATCHES = (
    "CALL db.index.fulltext.queryNodes('lexgraph_text', $value) YIELD node "
    "WITH node WHERE node:Procedure OR node:Regulation "
    "OPTIONAL MATCH (node)-[regulates:REGULATES]->(regulated:Procedure) WHERE "
    + all_stated_valid(("node", "regulates"))
    + " WITH CASE WHEN node:Procedure THEN node ELSE regulated END AS q WHERE q IS NOT NULL "
)

# A regulation `r` of the procedure `p`, and what it states below it (`…`), each holding on `$asOf`.
REGULATION_OF_P: LiteralString = "(p)<-[regulates:REGULATES]-(r:Regulation)"

# A submitted document with this legalization state. The importers write `apostille` on every
# requirement (`not_stated` when the table has no apostille column), so the property is compared
# as it is (no `coalesce`, which would hide it from the index `document_requirement_apostille`).
APOSTILLE = (
    "EXISTS { MATCH " + REGULATION_OF_P + "-[required:REQUIRES]->(d:DocumentRequirement) "
    "WHERE d.apostille = $value AND " + all_stated_valid(("regulates", "r", "required", "d")) + " }"
)
# … the same, from the requirements side through the index: for a state few requirements have
# (`required`, under a tenth of them); for a common one, testing each procedure reads less.
APOSTILLE_MATCHES = (
    "MATCH (d:DocumentRequirement)<-[required:REQUIRES]-(r:Regulation) "
    "WHERE d.apostille = $value AND " + all_stated_valid(("d", "required")) + " " + REGULATED
)

# The lookup of a condition kind answered from its own end: it binds `q` to each procedure the
# condition holds for (a procedure may come more than once).
SOURCES: Mapping[str, LiteralString] = {
    "cites_directly": _procedures_of(CITING_REGULATIONS_DIRECTLY),
    "cites_within": _procedures_of(CITING_REGULATIONS_WITHIN),
    "via_legal_basis": _procedures_of(REGULATIONS_VIA_LEGAL_BASIS),
    "rare_apostille": APOSTILLE_MATCHES,
    "text": TEXT_MATCHES,
}

AUTHORITY = (
    "EXISTS { MATCH (p)-[handled:HANDLED_BY]->(a:Authority) WHERE a.id = $value AND "
    + all_stated_valid(("handled",))
    + " }"
)
REGISTRY = (
    "EXISTS { MATCH path = "
    + REGULATION_OF_P
    + "-[:RECORDED_IN|REQUESTS|REQUESTED_FROM*1..2]->(g:Registry) WHERE g.id = $value AND "
    + within_interval("r")
    + " AND all(part IN relationships(path) WHERE "
    + within_interval("part")
    + ") AND "
    + all_stated_by_acts_in_force("[r.statedIn] + [part IN relationships(path) | part.statedIn]")
    + " }"
)
FEE_RANGE = (
    "EXISTS { MATCH " + REGULATION_OF_P + "-[charged:CHARGES]->(f:Fee) WHERE "
    "($value.min IS NULL OR f.amountBaseUnits >= $value.min) "
    "AND ($value.max IS NULL OR f.amountBaseUnits <= $value.max) AND "
    + all_stated_valid(("regulates", "r", "charged", "f"))
    + " }"
)
SUBJECT = "$value IN coalesce(p.subjects, [])"
# Either claim counts: a submitted document the regulation lets file electronically, or a portal
# text saying the procedure is available electronically (schema/model.md, conflicts).
AVAILABLE_ELECTRONICALLY = (
    "(EXISTS { MATCH " + REGULATION_OF_P + "-[required:REQUIRES]->(d:DocumentRequirement) "
    "WHERE 'electronic' IN coalesce(d.channels, []) AND "
    + all_stated_valid(("regulates", "r", "required", "d"))
    + " } OR EXISTS { MATCH (p)<-[about:ABOUT]-(fact:PortalFact {kind: 'electronic_availability'})"
    " WHERE " + all_stated_valid(("about", "fact")) + " })"
)
NOT_AVAILABLE_ELECTRONICALLY = "NOT " + AVAILABLE_ELECTRONICALLY
NUMBER = "p.number = $value"

# Elsewhere in the tree, a lookup runs before the match and the predicate tests its ids.
PRELUDE: LiteralString = "CALL () { $source" + "RETURN collect(DISTINCT q.id) AS $value_ids }\n"
IN_PRELUDE: LiteralString = "p.id IN $value_ids"

# The predicates over `p` of the kinds without a lookup of their own.
CONDITIONS: Mapping[str, LiteralString] = {
    "apostille": APOSTILLE,
    "authority": AUTHORITY,
    "registry": REGISTRY,
    "fee_range": FEE_RANGE,
    "subject": SUBJECT,
    "available_electronically": AVAILABLE_ELECTRONICALLY,
    "not_available_electronically": NOT_AVAILABLE_ELECTRONICALLY,
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


@dataclass(frozen=True, slots=True)
class CompiledFilter:
    """A filter as Cypher: `preludes` bind the `$value_ids` lists, `rows` binds `p` to the
    procedures to test, `predicate` keeps those the filter holds for."""

    preludes: LiteralString
    rows: LiteralString
    predicate: LiteralString
    parameters: dict[str, Any]


def _answered_from_its_end(node: Filter) -> bool:
    return isinstance(node, Condition) and node.kind in SOURCES


def _drives(node: Filter) -> bool:
    """Whether the procedures `node` holds for can be found by its lookups alone."""
    if isinstance(node, AnyOf):
        return bool(node.parts) and all(_answered_from_its_end(part) for part in node.parts)
    return _answered_from_its_end(node)


def compile_filter(tree: Filter) -> CompiledFilter:
    parameters: dict[str, Any] = {}
    preludes: list[str] = []

    def named(texts: tuple[str, ...], node: Condition) -> tuple[str, ...]:
        """The texts with `$value` (and `$value_ids`) renamed to the condition's own parameter."""
        name = f"f{len(parameters)}"
        parameters[name] = node.value
        return tuple(
            t.replace("$value_ids", f"{name}_ids").replace("$value", "$" + name) for t in texts
        )

    def walk(node: Filter) -> str:
        if isinstance(node, Condition):
            source = SOURCES.get(node.kind)
            if source is None:
                return named((CONDITIONS[node.kind],), node)[0]
            prelude, predicate = named((PRELUDE.replace("$source", source), IN_PRELUDE), node)
            preludes.append(prelude)
            return predicate
        if isinstance(node, Not):
            return "(NOT " + walk(node.part) + ")"
        if not node.parts:
            return "true" if isinstance(node, All) else "false"
        joiner = " AND " if isinstance(node, All) else " OR "
        return "(" + joiner.join(walk(part) for part in node.parts) + ")"

    def lookups(node: Filter) -> str:
        # A union is distinct; one lookup alone says so.
        if isinstance(node, Condition):
            [source] = named((SOURCES[node.kind],), node)
            return "CALL () { " + source + "RETURN DISTINCT q AS p }\n"
        assert isinstance(node, AnyOf)
        branches = [
            named((SOURCES[part.kind],), part)[0] + "RETURN q AS p"
            for part in node.parts
            if isinstance(part, Condition)
        ]
        return "CALL () { " + " UNION ".join(branches) + " }\n"

    if isinstance(tree, All):
        driving = next((part for part in tree.parts if _drives(part)), None)
    else:
        driving = tree if _drives(tree) else None
    if driving is None:
        rows, rest = "MATCH (p:Procedure)\nWHERE ", tree
    else:
        rows = lookups(driving) + "WITH p WHERE "
        others = tree.parts if isinstance(tree, All) else ()
        rest = All(tuple(part for part in others if part is not driving))
    predicate = walk(rest)
    # Built only from the constants above and generated names.
    return CompiledFilter("".join(preludes), rows, predicate, parameters)


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
    """The statement for one page of procedures matching `tree` as of `$asOf`, ordered by number,
    with the total count and the checked ids that name no node; parameters `$asOf`, `$offset`,
    `$limit`, `$checks` are the caller's to add."""
    compiled = compile_filter(tree)
    statement = compiled.preludes + compiled.rows + compiled.predicate + PROCEDURES_PAGE_TAIL
    return statement, compiled.parameters
