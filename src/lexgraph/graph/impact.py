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

A level reaches thousands of nodes in a large graph (Art. 287 of the Tax Code: ~7,600 requirements,
then as many regulations, then their procedures), so each level's query answers with one record
holding one row per node reached (the driver's cost per record, not the graph, dominated when it
answered a record per edge), and the server keeps only the first edge to each node in the order
the walk would take it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from operator import itemgetter
from sys import intern
from typing import Any, LiteralString, NamedTuple

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

# One level of the walk: from each frontier node (`$frontier[i]`), the edges that carry the change.
# An incoming edge is a reference or a containment by its type; the outgoing ones are followed only
# when the rule that uses them can hold (a provision's container, a regulation's procedure, what a
# fact affected as a whole states), so most nodes are expanded twice, not once per rule. Of the
# valid edges reaching one node by one relation and rule, only the one from the first frontier node
# is kept (the frontier is sent in the order of its ids), so the answer is one row per node reached.
_VALID_X: LiteralString = node_valid("x")
_VALID_R: LiteralString = stated_valid("r")
NEIGHBOURS: LiteralString = (
    """
UNWIND range(0, size($frontier) - 1) AS i
WITH i, $frontier[i] AS f
MATCH (n) WHERE elementId(n) = f.element
CALL (n, f) {
  MATCH (n)<-[r:CITES|GOVERNED_BY|BASED_ON|LISTED_IN|UNDER|REPEALS|ABOUT
               |REQUIRES|REQUESTS|HAS_FEATURE|CHARGES|HAS_BENEFIT|APPROVES|ISSUES]-(x)
  RETURN r, x, CASE
    WHEN type(r) IN ['CITES', 'GOVERNED_BY', 'BASED_ON', 'LISTED_IN', 'UNDER', 'REPEALS', 'ABOUT']
    THEN 'reference' ELSE 'container' END AS rule
  UNION ALL
  MATCH (n:Provision)-[r:PART_OF]->(x) WHERE NOT f.seed
  RETURN r, x, 'container' AS rule
  UNION ALL
  MATCH (n:Regulation)-[r:REGULATES]->(x)
  RETURN r, x, 'regulates' AS rule
  UNION ALL
  MATCH (n)-[r:APPROVES|REQUIRES|REQUESTS|ISSUES|CHARGES|HAS_BENEFIT|HAS_FEATURE]->(x)
  WHERE f.mode = 'whole'
  RETURN r, x, 'states' AS rule
  UNION ALL
  MATCH (x:Provision)-[r:PART_OF]->(n) WHERE f.mode = 'whole' AND NOT f.seed
  RETURN r, x, 'states' AS rule
}
WITH i, r, x, rule WHERE """
    + _VALID_R
    + """
WITH x, type(r) AS relation, rule, min(i) AS i, collect([i, r]) AS edges
WHERE """
    + _VALID_X
    + """
WITH x, relation, rule, i, [e IN edges WHERE e[0] = i][0][1] AS r
RETURN collect([$offset + i, elementId(x), x.id, labels(x)[0], relation, r.text, rule,
                startNode(r) = x, """
    + _NAME
    + """]) AS reached
"""
)
# A frontier larger than this is sent in parts (at most MAX_CHUNKS), walked in parallel.
CHUNK = 2_000
MAX_CHUNKS = 4
# The most affected nodes of each kind a report lists, the nearest, each with its path (kept
# between requests: 0.8 KB a node for Art. 287 in the synthetic graph "M", 10,000 procedures, all
# 23,934 listed; 1.9 KB in "L", 71,527 of 236,148 listed, their paths passing through nodes not
# listed): above what a real change reaches. The counts include all the walk reaches (~1.2 KB a
# node while it walks, then freed); it stops, `truncated`, at MAX_WALKED.
MAX_AFFECTED = 20_000
MAX_WALKED = 500_000


# Node, Step and Affected are named tuples rather than frozen dataclasses: a report holds tens of
# thousands of each, and a tuple is made in a third of the time (and one of plain values is left
# alone by the garbage collector).
class Node(NamedTuple):
    """A node of the graph as a report names it."""

    id: str
    label: str
    name: str

    @property
    def kind(self) -> str:
        return KINDS.get(self.label, "other")


class Step(NamedTuple):
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


class Affected(NamedTuple):
    """A node the change reaches: how far, how (as a whole or in part) and by which path.

    `distance` counts edges, every one: a procedure whose own document cites the changed unit is
    three edges away (unit ← cited by the document ← required by the regulation → regulates the
    procedure). `references` counts what a lawyer counts: the references on that path (a
    citation, a legal basis, a listing, a repeal), not the steps from a fact to what holds it. One
    reference is a direct dependant: its own text, or its regulation's, refers to the unit."""

    node: Node
    distance: int
    mode: Mode
    path: tuple[Step, ...]
    references: int = 1

    @property
    def direct(self) -> bool:
        """Whether it depends on the changed unit directly: one reference from the unit to it."""
        return self.references <= 1


@dataclass(frozen=True, slots=True)
class ImpactReport:
    """The answer to "what does changing these units affect", as of a date, to a depth.

    Immutable, and kept between requests (`lexgraph.graph.impact_cache`): the views of it that
    scan all it affects (by distance, by kind, counts) are computed once, on first use."""

    of: tuple[str, ...]
    as_of: dt.date
    depth: int
    changed: tuple[Node, ...]
    affected: tuple[Affected, ...]
    # (distance, kind, how many): every node the walk reached, listed in `affected` or not.
    totals: tuple[tuple[int, str, int], ...]
    truncated: bool = False
    not_found: tuple[str, ...] = ()
    # (kind, how many) of the nodes that depend directly (`Affected.direct`), listed or not.
    direct_totals: tuple[tuple[str, int], ...] = ()
    _views: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def listed_all(self) -> bool:
        """Whether `affected` lists every node the walk reached (else only the nearest)."""
        return len(self.affected) == self.total()

    def distances(self) -> list[int]:
        """The distances at which something is affected, listed or only counted."""
        return sorted({distance for distance, _, _ in self.totals})

    def total(self, distance: int | None = None) -> int:
        """How many nodes are affected (at `distance`, or at all), listed or only counted."""
        return sum(self.counts(distance).values())

    def by_distance(self) -> dict[int, tuple[Affected, ...]]:
        """Affected nodes grouped by distance (1 = depends directly), each group by kind."""
        found: dict[int, tuple[Affected, ...]] | None = self._views.get("by_distance")
        if found is None:
            groups: dict[int, list[Affected]] = {}
            for item in self.affected:
                groups.setdefault(item.distance, []).append(item)
            found = self._views["by_distance"] = {d: tuple(groups[d]) for d in sorted(groups)}
        return found

    def of_kind(self, kind: str) -> tuple[Affected, ...]:
        """Affected nodes of one kind, nearest first."""
        kinds: dict[str, tuple[Affected, ...]] | None = self._views.get("of_kind")
        if kinds is None:
            lists: dict[str, list[Affected]] = {}
            for item in self.affected:
                lists.setdefault(item.node.kind, []).append(item)
            kinds = self._views["of_kind"] = {k: tuple(v) for k, v in lists.items()}
        return kinds.get(kind, ())

    def counts(self, distance: int | None = None) -> dict[str, int]:
        """How many nodes of each kind are affected (at `distance`, or at all), in report order:
        all the walk reached, listed or only counted."""
        key = ("counts", distance)
        found: dict[str, int] | None = self._views.get(key)
        if found is None:
            totals: dict[str, int] = {}
            for at, kind, count in self.totals:
                if distance is None or at == distance:
                    totals[kind] = totals.get(kind, 0) + count
            found = self._views[key] = {k: totals[k] for k in KIND_ORDER if k in totals}
        return found

    def direct_counts(self) -> dict[str, int]:
        """How many nodes of each kind depend on the change directly (one reference from the
        changed unit), in report order: all the walk reached, listed or only counted."""
        found = dict(self.direct_totals)
        return {k: found[k] for k in KIND_ORDER if k in found}

    def ids(self, kind: str | None = None) -> list[str]:
        items = self.affected if kind is None else self.of_kind(kind)
        return [a.node.id for a in items]


_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}


def _rank(entry: tuple[str, Node, int, Mode]) -> tuple[int, int, str]:
    """Report order: by distance, then kind, then id."""
    _, node, distance, _ = entry
    return (distance, _KIND_RANK[node.kind], node.id)


# A frontier entry: (graph id, in part?, element id, mode), so that a frontier sorts, as it is, in
# the order the walk takes edges in: by node id, as a whole first.
_Frontier = tuple[str, bool, str, "Mode"]


_Key = tuple[str, "Mode"]


@dataclass(slots=True)
class _Walk:
    """Breadth-first state: how each (node, mode) was first reached, by element id. A path is
    kept as the step that reached the node and the key of the node it came from, so a walk of
    hundreds of thousands of nodes holds one step each; whole paths are made only for the nodes
    a report lists."""

    nodes: dict[str, Node] = field(default_factory=dict)
    # (element, mode) -> (the key it was reached from, the step, distance, references on the
    # path); seeds: (None, None, 0, 0).
    reached: dict[_Key, tuple[_Key | None, Step | None, int, int]] = field(default_factory=dict)
    seeds: set[str] = field(default_factory=set)

    def seen(self, element: str, mode: Mode) -> bool:
        return (element, mode) in self.reached or (element, _WHOLE) in self.reached

    def walked(self) -> int:
        return len(self.reached) - len(self.seeds)

    def step(self, frontier: list[_Frontier], row: list[Any], distance: int) -> _Frontier | None:
        """Take one row of `NEIGHBOURS`: the (node, mode) it newly reaches, or None."""
        index, element, graph_id, label, relation, text, rule_name, reversed_, name = row
        if element in self.seeds:
            return None
        rule = _RULES[rule_name]
        mode = _mode_after(rule, relation, label)
        if self.seen(element, mode):
            return None
        # Labels, relations, captions and citation texts repeat thousands of times in a report
        # that is kept between requests: one copy of each.
        node = self.nodes.get(element)
        if node is None:
            node = self.nodes[element] = Node(graph_id, intern(label), intern(name))
        _, _, source, source_mode = frontier[index]
        text = intern(text) if text is not None else None
        step = Step(self.nodes[source], node, intern(relation), rule, bool(reversed_), text)
        references = self.reached[(source, source_mode)][3] + (rule is _REFERENCE)
        self.reached[(element, mode)] = ((source, source_mode), step, distance, references)
        return (graph_id, mode is _PART, element, mode)

    def path(self, key: _Key) -> tuple[Step, ...]:
        steps = []
        parent, step, _, _ = self.reached[key]
        while parent is not None and step is not None:
            steps.append(step)
            parent, step, _, _ = self.reached[parent]
        return tuple(reversed(steps))

    def best(self) -> list[tuple[str, Node, int, Mode]]:
        """One entry per node: its shortest distance (as a whole before in part at equal
        distance). Nodes were reached in order of distance, so the first is the nearest."""
        best: dict[str, tuple[Mode, int]] = {}
        for (element, mode), (_, _, distance, _) in self.reached.items():
            if element in self.seeds:
                continue
            current = best.get(element)
            if current is None or (
                mode is _WHOLE and current[0] is _PART and distance == current[1]
            ):
                best[element] = (mode, distance)
        nodes = self.nodes
        return [
            (element, nodes[element], distance, mode) for element, (mode, distance) in best.items()
        ]

    def listed(
        self, limit: int
    ) -> tuple[tuple[Affected, ...], tuple[tuple[int, str, int], ...], tuple[tuple[str, int], ...]]:
        """The nearest `limit` nodes of each kind with their paths, in report order; (distance,
        kind, how many) of all the walk reached; and (kind, how many) of those that depend
        directly."""
        entries = sorted(self.best(), key=_rank)
        shown: dict[str, int] = {}
        totals: dict[tuple[int, str], int] = {}
        direct: dict[str, int] = {}
        affected = []
        for element, node, distance, mode in entries:
            kind = node.kind
            totals[(distance, kind)] = totals.get((distance, kind), 0) + 1
            references = self.reached[(element, mode)][3]
            if references <= 1:
                direct[kind] = direct.get(kind, 0) + 1
            if shown.get(kind, 0) < limit:
                shown[kind] = shown.get(kind, 0) + 1
                path = self.path((element, mode))
                affected.append(Affected(node, distance, mode, path, references))
        return (
            tuple(affected),
            tuple((d, k, n) for (d, k), n in sorted(totals.items())),
            tuple(sorted(direct.items())),
        )


_RULES = {rule.value: rule for rule in Rule}
_WHOLE, _PART = Mode.WHOLE, Mode.PART  # enum attribute lookups are slow in a loop of 10,000s


@contextmanager
def _building() -> Iterator[None]:
    """Pause the cyclic garbage collector while a report is built: every object made is kept,
    and the collections its growth triggers scanned the whole heap again and again (half the
    CPU time of a 24,000-node walk). Never held across an `await`."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _mode_after(rule: Rule, relation: str, label: str) -> Mode:
    if rule is _STATES:
        return _WHOLE
    if rule is _REFERENCE:
        if relation in WHOLE_REFERENCES:
            return _WHOLE
        if relation == "CITES" and label not in {"Regulation", "LegalAct"}:
            return _WHOLE
    return _PART


_STATES, _REFERENCE = Rule.STATES, Rule.REFERENCE
# A row of `NEIGHBOURS` by source (in id order), relation, node id, rule: the order of the walk.
_ROW_ORDER = itemgetter(0, 4, 2, 6)


async def analyze_impact(
    driver: AsyncDriver,
    database: str,
    of: Sequence[str],
    *,
    as_of: dt.date | None = None,
    depth: int = DEFAULT_DEPTH,
    limit: int = MAX_AFFECTED,
    strict: bool = True,
    timeout_s: float | None = None,
) -> ImpactReport:
    """What changing (or repealing) the units `of` affects, as of `as_of` (default: today).

    Raises `ImpactError` for an empty `of`, a depth outside 1…MAX_DEPTH, or (when `strict`) ids
    that are not in the graph; otherwise those are listed in `not_found` and nothing depends on
    them. `timeout_s` bounds each statement on the server (the API's transaction timeout). The
    report lists the nearest `limit` affected nodes of each kind with their paths and counts the
    others (`totals`); the walk stops, `truncated`, once it has reached MAX_WALKED."""
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
    frontier: list[_Frontier] = []
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
            walk.reached[(element, mode)] = (None, None, 0, 0)
            changed.append(node)
            frontier.append((node.id, mode is _PART, element, mode))

    truncated = False
    seed = True
    for level in range(depth):
        if not frontier:
            break
        frontier.sort()
        sent = [
            {"element": element, "mode": mode.value, "seed": seed}
            for _, _, element, mode in frontier
        ]
        # A large frontier goes in parts, at once: Neo4j runs each statement on a thread of its
        # own. Each part keeps its first edge to a node; the sort below puts the first of all
        # parts first, and the walk takes only that one.
        size = max(CHUNK, -(-len(sent) // MAX_CHUNKS))
        answers = await asyncio.gather(
            *(
                driver.execute_query(
                    Query(NEIGHBOURS, timeout=timeout_s),
                    {"frontier": sent[start : start + size], "offset": start, "asOf": when},
                    database_=database,
                    routing_=RoutingControl.READ,
                )
                for start in range(0, len(sent), size)
            )
        )
        rows: list[list[Any]] = [row for records, _, _ in answers for row in records[0]["reached"]]
        # Source (in id order), relation, node id, rule: the order the walk takes edges in.
        rows.sort(key=_ROW_ORDER)
        next_frontier: list[_Frontier] = []
        with _building():
            for row in rows:
                reached = walk.step(frontier, row, level + 1)
                if reached is None:
                    continue
                next_frontier.append(reached)
                if walk.walked() >= MAX_WALKED:
                    truncated = True
                    break
        if truncated:
            break
        frontier, seed = next_frontier, False

    with _building():
        affected, totals, direct = walk.listed(limit)
    return ImpactReport(
        of=tuple(of),
        as_of=when,
        depth=depth,
        changed=tuple(changed),
        affected=affected,
        truncated=truncated,
        not_found=tuple(missing),
        totals=totals,
        direct_totals=direct,
    )
