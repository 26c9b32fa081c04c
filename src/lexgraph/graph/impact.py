"""Impact analysis: what depends on a unit of law that changes.

`analyze_impact(driver, database, of=[ids], as_of=…, depth=…)` starts from the changed units (an act
with all its provisions, a provision with all its sub-units, or any fact a new text changed) and
walks the graph breadth-first, one Cypher query per level, to what depends on them:

- a reference to a changed unit: a requirement, benefit, feature or regulation note that `CITES`
  it, a regulation `GOVERNED_BY` it (its legal-basis list), an act `BASED_ON` it, an act that
  `REPEALS` it, procedures `LISTED_IN` it, portal facts stated `UNDER` it or `ABOUT` it;
- the fact that contains an affected fact: the regulation that `REQUIRES` an affected requirement,
  the fee with an affected benefit, the act that `APPROVES` an affected regulation, the act an
  affected provision is `PART_OF`; and the procedure an affected regulation `REGULATES`;
- everything a fact affected *as a whole* states: a regulation whose legal basis or approving act
  changes is affected with all its requirements, issued documents, fees and benefits.

The last rule is why the walk is done level by level rather than as one variable-length pattern: a
regulation affected through one of its requirements is affected *in part*, and its other
requirements are not; only a fact affected as a whole passes the change down to what it states.
Each affected node comes with the shortest explanation path (the edges from the changed unit to it)
and its distance, the measure of how direct the dependency is. Cycles end at nodes already seen;
`depth` bounds the number of edges. Only nodes and edges valid `as_of` are followed
(`lexgraph.graph.validity`); the changed units themselves are taken as given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, LiteralString

from neo4j import AsyncDriver, Query, RoutingControl

from lexgraph.graph.validity import node_valid, stated_valid, today

MAX_DEPTH = 10
DEFAULT_DEPTH = 3


class ImpactError(ValueError):
    """The question cannot be asked: unknown ids, or a depth out of range."""


class Mode(StrEnum):
    """How a node is affected: as a whole (what it states is affected too) or in part."""

    WHOLE = "whole"
    PART = "part"


class Rule(StrEnum):
    """Why an edge carries the change."""

    REFERENCE = "reference"  # the neighbour refers to the affected node
    CONTAINER = "container"  # the neighbour contains the affected node
    REGULATES = "regulates"  # the affected regulation regulates the neighbour (a procedure)
    STATES = "states"  # the affected-as-a-whole node states the neighbour


# Which kind of affected thing a node is, in the order a report lists them.
KINDS: dict[str, str] = {
    "Procedure": "procedure",
    "Regulation": "regulation",
    "DocumentRequirement": "requirement",
    "RequestedInformation": "requirement",
    "IssuedDocument": "issued_document",
    "Fee": "fee",
    "Benefit": "benefit",
    "LegalAct": "act",
    "Provision": "provision",
    "PortalFact": "portal_fact",
}
KIND_ORDER = (
    "procedure",
    "regulation",
    "requirement",
    "issued_document",
    "fee",
    "benefit",
    "act",
    "provision",
    "portal_fact",
    "other",
)

# A reference makes the referring node depend as a whole when it is its basis; a regulation's note
# that cites the unit is one part of the regulation.
WHOLE_REFERENCES = frozenset({"GOVERNED_BY", "BASED_ON", "LISTED_IN"})
UNITS_OF_LAW = frozenset({"LegalAct", "Provision"})
# Labels a changed unit may have: units of law, and the facts a text states (`lexgraph diff`).
SEED_LABELS: tuple[LiteralString, ...] = (
    "LegalAct",
    "Provision",
    "Regulation",
    "DocumentRequirement",
    "RequestedInformation",
    "IssuedDocument",
    "Fee",
    "Benefit",
    "Appeal",
    "Form",
    "PortalFact",
    "Procedure",
)


def _seed_query() -> LiteralString:
    parts: list[LiteralString] = []
    for label in SEED_LABELS:
        parts.append("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n")
    return (
        "CALL () { "
        + " UNION ".join(parts)
        + " } "
        + "OPTIONAL MATCH (unit:Provision)-[:PART_OF*1..]->(n) "
        + "WITH n, collect(DISTINCT unit) AS units "
        + "RETURN n.id AS root, [x IN [n] + units | {element: elementId(x), id: x.id, "
        + "label: labels(x)[0], name: "
        + _NAME
        + "}] AS units"
    )


def _present_query() -> LiteralString:
    parts: list[LiteralString] = []
    for label in SEED_LABELS:
        parts.append(
            "MATCH (n:" + label + ") WHERE n.id IN $ids AND n.validTo IS NULL RETURN n.id AS id"
        )
    return " UNION ".join(parts)


async def present_ids(driver: AsyncDriver, database: str, ids: Sequence[str]) -> set[str]:
    """Which of `ids` name a current unit or fact in the graph (a changed unit must, to be
    analysed)."""
    records, _, _ = await driver.execute_query(
        _present_query(), {"ids": list(ids)}, database_=database, routing_=RoutingControl.READ
    )
    return {r["id"] for r in records}


_NAME: LiteralString = (
    "left(toString(coalesce(x.label, x.title, x.name, x.procedureTitle, x.text, x.number,"
    " x.id)), 200)"
)

# One level of the walk: for each frontier node, the edges that carry the change from it.
_VALID_X: LiteralString = node_valid("x")
_VALID_R: LiteralString = stated_valid("r")
NEIGHBOURS: LiteralString = (
    """
UNWIND $frontier AS f
MATCH (n) WHERE elementId(n) = f.element
CALL (n, f) {
  MATCH (x)-[r:CITES|GOVERNED_BY|BASED_ON|LISTED_IN|UNDER|REPEALS|ABOUT]->(n)
  RETURN x, r, 'reference' AS rule
  UNION
  MATCH (x)-[r:REQUIRES|REQUESTS|HAS_FEATURE|CHARGES|HAS_BENEFIT|APPROVES|ISSUES]->(n)
  RETURN x, r, 'container' AS rule
  UNION
  MATCH (n:Provision)-[r:PART_OF]->(x) WHERE NOT f.seed
  RETURN x, r, 'container' AS rule
  UNION
  MATCH (n:Regulation)-[r:REGULATES]->(x)
  RETURN x, r, 'regulates' AS rule
  UNION
  MATCH (n)-[r:APPROVES|REQUIRES|REQUESTS|ISSUES|CHARGES|HAS_BENEFIT|HAS_FEATURE]->(x)
  WHERE f.mode = 'whole'
  RETURN x, r, 'states' AS rule
  UNION
  MATCH (x:Provision)-[r:PART_OF]->(n) WHERE f.mode = 'whole' AND NOT f.seed
  RETURN x, r, 'states' AS rule
}
WITH f, n, x, r, rule WHERE """
    + _VALID_X
    + " AND "
    + _VALID_R
    + """
RETURN f.element AS source, n.id AS sourceId, f.mode AS sourceMode, elementId(x) AS element,
       x.id AS id,
       labels(x)[0] AS label, """
    + _NAME
    + """ AS name, type(r) AS type, r.text AS text, rule, startNode(r) = x AS reversed
ORDER BY sourceId, type, id, rule
"""
)


@dataclass(frozen=True, slots=True)
class Node:
    """A node of the graph as a report names it."""

    id: str
    label: str
    name: str

    @property
    def kind(self) -> str:
        return KINDS.get(self.label, "other")


@dataclass(frozen=True, slots=True)
class Step:
    """One edge of an explanation path, in the direction the change travels (`source` → `target`).

    `relation` is the edge type; `reversed` says the edge points from `target` to `source` in the
    graph (a requirement `CITES` the changed unit: the change travels from the unit to it)."""

    source: Node
    target: Node
    relation: str
    rule: Rule
    reversed: bool
    text: str | None = None

    def describe(self) -> str:
        """The step as a sentence, in the graph's direction: `A —CITES→ B «text»`."""
        start, end = (self.target, self.source) if self.reversed else (self.source, self.target)
        quoted = f" «{self.text}»" if self.text else ""
        return f"{start.label} {start.id} —{self.relation}→ {end.label} {end.id}{quoted}"


@dataclass(frozen=True, slots=True)
class Affected:
    """A node the change reaches: how far, how (as a whole or in part) and by which path."""

    node: Node
    distance: int
    mode: Mode
    path: tuple[Step, ...]

    @property
    def via(self) -> Node:
        """The changed unit the path starts from."""
        return self.path[0].source


@dataclass(frozen=True, slots=True)
class ImpactReport:
    """The answer to "what does changing these units affect", as of a date, to a depth."""

    of: tuple[str, ...]
    as_of: dt.date
    depth: int
    changed: tuple[Node, ...]
    affected: tuple[Affected, ...]
    truncated: bool = False
    not_found: tuple[str, ...] = ()

    def by_distance(self) -> dict[int, tuple[Affected, ...]]:
        """Affected nodes grouped by distance (1 = depends directly), each group by kind."""
        groups: dict[int, list[Affected]] = {}
        for item in self.affected:
            groups.setdefault(item.distance, []).append(item)
        return {d: tuple(groups[d]) for d in sorted(groups)}

    def of_kind(self, kind: str) -> tuple[Affected, ...]:
        return tuple(a for a in self.affected if a.node.kind == kind)

    def ids(self, kind: str | None = None) -> list[str]:
        return [a.node.id for a in self.affected if kind is None or a.node.kind == kind]


def _rank(item: Affected) -> tuple[int, int, str]:
    return (item.distance, KIND_ORDER.index(item.node.kind), item.node.id)


@dataclass(slots=True)
class _Walk:
    """Breadth-first state: the best path to each (node, mode) seen so far."""

    nodes: dict[str, Node] = field(default_factory=dict)
    paths: dict[tuple[str, Mode], tuple[Step, ...]] = field(default_factory=dict)
    seeds: set[str] = field(default_factory=set)

    def seen(self, element: str, mode: Mode) -> bool:
        return (element, mode) in self.paths or (element, Mode.WHOLE) in self.paths


def _mode_after(rule: Rule, relation: str, label: str) -> Mode:
    if rule is Rule.STATES:
        return Mode.WHOLE
    if rule is Rule.REFERENCE:
        if relation in WHOLE_REFERENCES:
            return Mode.WHOLE
        if relation == "CITES" and label not in {"Regulation", "LegalAct"}:
            return Mode.WHOLE
    return Mode.PART


async def analyze_impact(
    driver: AsyncDriver,
    database: str,
    of: Sequence[str],
    *,
    as_of: dt.date | None = None,
    depth: int = DEFAULT_DEPTH,
    limit: int = 10_000,
    strict: bool = True,
    timeout_s: float | None = None,
) -> ImpactReport:
    """What changing (or repealing) the units `of` affects, as of `as_of` (default: today).

    Raises `ImpactError` for an empty `of`, a depth outside 1…MAX_DEPTH, or (when `strict`) ids
    that are not in the graph; otherwise those are listed in `not_found` and nothing depends on
    them. `timeout_s` bounds each statement on the server (the API's transaction timeout)."""
    if not of:
        raise ImpactError("name at least one act, provision or fact that changes")
    if not 1 <= depth <= MAX_DEPTH:
        raise ImpactError(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
    when = as_of or today()
    records, _, _ = await driver.execute_query(
        Query(_seed_query(), timeout=timeout_s),
        {"ids": list(of)},
        database_=database,
        routing_=RoutingControl.READ,
    )
    found = {r["root"] for r in records}
    missing = [i for i in of if i not in found]
    if missing and strict:
        raise ImpactError(f"not in the graph: {', '.join(missing)}")
    walk = _Walk()
    frontier: list[dict[str, Any]] = []
    changed: list[Node] = []
    for record in sorted(records, key=lambda r: str(r["root"])):
        for unit in sorted(record["units"], key=lambda u: str(u["id"])):
            element = unit["element"]
            if element in walk.seeds:
                continue
            node = Node(unit["id"], unit["label"], unit["name"])
            # A unit of law changes with all it contains; a fact a new text changed (`lexgraph
            # diff`) changes alone: what it states was compared, and listed, on its own.
            mode = Mode.WHOLE if node.label in UNITS_OF_LAW else Mode.PART
            walk.seeds.add(element)
            walk.nodes[element] = node
            walk.paths[(element, mode)] = ()
            changed.append(node)
            frontier.append({"element": element, "mode": mode.value, "seed": True})

    truncated = False
    for _level in range(depth):
        if not frontier:
            break
        rows, _, _ = await driver.execute_query(
            Query(NEIGHBOURS, timeout=timeout_s),
            {"frontier": frontier, "asOf": when},
            database_=database,
            routing_=RoutingControl.READ,
        )
        next_frontier: list[dict[str, Any]] = []
        for row in rows:
            element = row["element"]
            if element in walk.seeds:
                continue
            source_element = row["source"]
            source_mode = Mode(row["sourceMode"])
            rule = Rule(row["rule"])
            mode = _mode_after(rule, row["type"], row["label"])
            if walk.seen(element, mode):
                continue
            node = walk.nodes.setdefault(element, Node(row["id"], row["label"], row["name"]))
            step = Step(
                walk.nodes[source_element],
                node,
                row["type"],
                rule,
                reversed=bool(row["reversed"]),
                text=row["text"],
            )
            walk.paths[(element, mode)] = (*walk.paths[(source_element, source_mode)], step)
            next_frontier.append({"element": element, "mode": mode.value, "seed": False})
            if len(walk.paths) - len(walk.seeds) >= limit:
                truncated = True
                break
        if truncated:
            break
        frontier = next_frontier

    return ImpactReport(
        of=tuple(of),
        as_of=when,
        depth=depth,
        changed=tuple(changed),
        affected=tuple(sorted(_best(walk), key=_rank)),
        truncated=truncated,
        not_found=tuple(missing),
    )


def _best(walk: _Walk) -> list[Affected]:
    """One entry per node: its shortest path (as a whole before in part at equal distance)."""
    best: dict[str, Affected] = {}
    for (element, mode), path in walk.paths.items():
        if element in walk.seeds:
            continue
        candidate = Affected(walk.nodes[element], len(path), mode, path)
        current = best.get(element)
        if current is None or (candidate.distance, candidate.mode is Mode.PART) < (
            current.distance,
            current.mode is Mode.PART,
        ):
            best[element] = candidate
    return list(best.values())
