"""The most items each unpaged list field of the API can return, read from the graph.

A field with `first` returns at most a page; a list without one returns whatever the graph holds:
`procedure { authorities { procedures { authorities { … } } } }` grows by the procedures of an
authority at every level. The request's cost (`lexgraph.api.measure`) multiplies such a list by
the bound kept here, so a query is judged by what it could really read.

Each field's bound is the maximum, over every node of the label the field is read from, of what
the field's pattern counts (`LIST_BOUNDS`):

- one hop (`Authority.procedures`: `(:Authority)<-[:HANDLED_BY]-`) is a degree, which Neo4j reads
  from its degree store (`getDegree`, no expand): a scan of the label, a lookup per node;
- more than one hop (a regulation's citations through its parts, a unit's ancestors, a
  registry's procedures) is the field's own pattern counted for each node (`Walk`): an expand
  over those hops, for every node of the label; or, for a list gathered over another list (the
  documents of a procedure's regulations), the product of the two bounds (`Product`);
- a root list (`Query.authorities`) is the label's node count, from the count store.

Counted this way, a bound is never below what the field returns: the API keeps only the facts
that hold on the day asked (`asOf`), of the labels it knows, while a degree or a count here takes
every relationship of the type and direction, of every edition, whatever sits at its other end.
A bound holds for the graph it was read from: read it again whenever the graph's stamp changes
(`lexgraph.graph.stamp`). An empty graph bounds every field by 0.

`read_list_bounds` asks them all in one statement (one round trip, one read transaction);
the table, the statement and turning its rows into `ListBounds` are pure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import LiteralString

from neo4j import AsyncDriver, Query, RoutingControl

from lexgraph.graph.reads.relations import CITING_PARTS


@dataclass(frozen=True, slots=True)
class Degree:
    """The most relationships of `pattern` (e.g. `<-[:HANDLED_BY]-`) any node of `label` has:
    what a field of one hop returns, read from the degree store."""

    label: LiteralString
    pattern: LiteralString

    @property
    def count(self) -> LiteralString:
        return "COUNT { (n)" + self.pattern + "() }"


@dataclass(frozen=True, slots=True)
class Walk:
    """The most matches of `pattern`, from `(n)`, any node of `label` has: for a field of more
    than one hop, whose items no degree counts (a `MATCH … RETURN …` counts what it returns)."""

    label: LiteralString
    pattern: LiteralString

    @property
    def count(self) -> LiteralString:
        return "COUNT { " + self.pattern + " }"


@dataclass(frozen=True, slots=True)
class Nodes:
    """How many nodes of `label` the graph holds (Neo4j's count store)."""

    label: LiteralString


@dataclass(frozen=True, slots=True)
class Product:
    """At most `factors` multiplied: a list gathered over the items of another list (the
    documents of each regulation of a procedure) holds at most the most of each."""

    factors: tuple[Degree | Walk, ...]


Bound = Degree | Walk | Nodes | Product

# A procedure's regulations (one, in the model; the bound does not rely on it).
REGULATIONS_OF_PROCEDURE = Degree("Procedure", "<-[:REGULATES]-")
# The references in a regulation and in every part of it that may cite (`CITING_PARTS`, up to
# two hops: regulation → fee → benefit), one per (path, edge) as the fields' own patterns match
# them; resolved (`CITES`) and not (`CITES_UNRESOLVED`) apart, each as tight as it can be.
CITATIONS_OF_REGULATION = Walk("Regulation", "(n)-" + CITING_PARTS + "->()-[:CITES]->()")
UNRESOLVED_OF_REGULATION = Walk(
    "Regulation", "(n)-" + CITING_PARTS + "->()-[:CITES_UNRESOLVED]->()"
)

# Each unpaged list field (GraphQL parent type, field name) whose items are nodes of the graph,
# by the pattern it is resolved with (`lexgraph.graph.reads.relations`, named after each entry).
LIST_BOUNDS: Mapping[tuple[str, str], Bound] = MappingProxyType(
    {
        # Root lists: every node of the label (`Query.legalActs` may keep one kind of them).
        ("Query", "legalActs"): Nodes("LegalAct"),
        ("Query", "registries"): Nodes("Registry"),
        ("Query", "authorities"): Nodes("Authority"),
        # Legal acts and their units
        ("LegalAct", "issuedBy"): Degree("LegalAct", "-[:ISSUED_BY]->"),  # ACT_ISSUED_BY
        ("LegalAct", "agreedWith"): Degree("LegalAct", "-[:AGREED_WITH]->"),  # ACT_AGREED_WITH
        ("LegalAct", "repeals"): Degree("LegalAct", "-[:REPEALS]->"),  # ACT_REPEALS
        ("LegalAct", "repealedBy"): Degree("LegalAct", "<-[:REPEALS]-"),  # ACT_REPEALED_BY
        ("LegalAct", "basedOn"): Degree("LegalAct", "-[:BASED_ON]->"),  # ACT_BASED_ON
        ("LegalAct", "approves"): Degree("LegalAct", "-[:APPROVES]->"),  # ACT_APPROVES
        ("LegalAct", "children"): Degree("LegalAct", "<-[:PART_OF]-"),  # ACT_CHILDREN
        ("LegalAct", "legalBasisOf"): Degree("LegalAct", "<-[:GOVERNED_BY]-"),  # ACT_GOVERNS
        ("LegalAct", "listsProcedures"): Degree("LegalAct", "<-[:LISTED_IN]-"),  # ACT_LISTS
        ("Provision", "children"): Degree("Provision", "<-[:PART_OF]-"),  # PROVISION_CHILDREN
        ("Provision", "citations"): Degree("Provision", "-[:CITES]->"),  # PROVISION_CITATIONS
        # PROVISION_ANCESTORS: one item per PART_OF path up from the unit. The depth of a unit
        # is no degree; the paths are counted for each unit (a few hops each: art → point →
        # part …), every path, as the field returns one item per path too.
        ("Provision", "ancestors"): Walk("Provision", "(n)-[:PART_OF*1..]->()"),
        # Procedures and their regulations
        ("Procedure", "authorities"): Degree("Procedure", "-[:HANDLED_BY]->"),
        ("Procedure", "portalFacts"): Degree("Procedure", "<-[:ABOUT]-"),
        # PROCEDURE_CITATIONS_OF: the citations of one unit (`id`) among all those of the
        # procedure's regulations: at most (its regulations) × (the most citations of one), for
        # any `id`.
        ("Procedure", "citationsOf"): Product((REGULATIONS_OF_PROCEDURE, CITATIONS_OF_REGULATION)),
        # Read below a procedure: the documents of its regulations (those submitted
        # electronically among them), and the portal facts about it (those about electronic
        # availability among them).
        ("ElectronicAvailability", "regulationDocuments"): Product(
            (REGULATIONS_OF_PROCEDURE, Degree("Regulation", "-[:REQUIRES]->"))
        ),
        ("ElectronicAvailability", "portalClaims"): Degree("Procedure", "<-[:ABOUT]-"),
        ("Regulation", "legalBasis"): Degree("Regulation", "-[:GOVERNED_BY]->"),
        ("Regulation", "features"): Degree("Regulation", "-[:HAS_FEATURE]->"),
        ("Regulation", "documents"): Degree("Regulation", "-[:REQUIRES]->"),
        ("Regulation", "requestedInformation"): Degree("Regulation", "-[:REQUESTS]->"),
        ("Regulation", "issuedDocuments"): Degree("Regulation", "-[:ISSUES]->"),
        ("Regulation", "recordedIn"): Degree("Regulation", "-[:RECORDED_IN]->"),
        ("Regulation", "appeals"): Degree("Regulation", "-[:HAS_APPEAL]->"),
        ("Regulation", "citations"): CITATIONS_OF_REGULATION,  # REGULATION_CITATIONS
        ("Regulation", "unresolvedCitations"): UNRESOLVED_OF_REGULATION,  # REGULATION_UNRESOLVED
        # The parts of a regulation
        ("DocumentRequirement", "citations"): Degree("DocumentRequirement", "-[:CITES]->"),
        ("DocumentRequirement", "unresolvedCitations"): Degree(
            "DocumentRequirement", "-[:CITES_UNRESOLVED]->"
        ),
        ("RequestedInformation", "requestedFrom"): Degree(
            "RequestedInformation", "-[:REQUESTED_FROM]->"
        ),
        ("RequestedInformation", "citations"): Degree("RequestedInformation", "-[:CITES]->"),
        ("Fee", "benefits"): Degree("Fee", "-[:HAS_BENEFIT]->"),
        ("Benefit", "citations"): Degree("Benefit", "-[:CITES]->"),
        ("Benefit", "unresolvedCitations"): Degree("Benefit", "-[:CITES_UNRESOLVED]->"),
        ("Appeal", "heardBy"): Degree("Appeal", "<-[:HEARS_APPEAL]-"),
        # Authorities, registries, portal facts
        ("Authority", "procedures"): Degree("Authority", "<-[:HANDLED_BY]-"),
        ("Authority", "acts"): Degree("Authority", "<-[:ISSUED_BY]-"),
        ("Authority", "appealsHeard"): Degree("Authority", "-[:HEARS_APPEAL]->"),
        # REGISTRY_PROCEDURES: the procedures whose regulation records in the registry, or
        # requests information from it, three or four hops away, each procedure once (DISTINCT,
        # as the field): counted for each registry.
        ("Registry", "procedures"): Walk(
            "Registry",
            "MATCH (n)<-[:RECORDED_IN|REQUESTED_FROM]-()<-[:REQUESTS*0..1]-(:Regulation)"
            "-[:REGULATES]->(m:Procedure) RETURN DISTINCT m",
        ),
        ("PortalFact", "procedures"): Degree("PortalFact", "-[:ABOUT]->"),
        ("PortalFact", "acts"): Degree("PortalFact", "-[:UNDER]->"),
        # Editions: the versions expressing an act (`ACT_EDITIONS`), or of a document
        # (`DOCUMENT_EDITIONS`).
        ("LegalAct", "editions"): Degree("LegalAct", "<-[:EXPRESSES]-"),
        ("SourceDocument", "editions"): Degree("SourceDocument", "<-[:VERSION_OF]-"),
        # A conflict of a procedure: the portal claims about it, its regulations
        # (`graph.conflicts`).
        ("ProcedureConflict", "portalClaims"): Degree("Procedure", "<-[:ABOUT]-"),
        ("ProcedureConflict", "regulations"): REGULATIONS_OF_PROCEDURE,
    }
)

# Unpaged lists of objects left out of the table, and why: the cost walk gives them its default.
# None reads the graph per item; each is bounded by what the request gives or by a walk's own
# limits. (Lists of scalars and enums are left out too: their items have no fields below them, so
# their length does not multiply a request's cost.)
BOUNDED_ELSEWHERE: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        ("GraphStatistics", "nodes"): "one per node label in the graph: the model's, a few more",
        ("GraphStatistics", "relationships"): "one per relationship type in the graph",
        ("Impact", "changed"): "the units asked about with all their sub-units (thousands for a"
        " code), from the impact walk, which `MAX_WALKED` stops; plain captions, no read below",
        ("Impact", "counts"): "one per kind of node (`graph.impact.KINDS`)",
        ("Impact", "directCounts"): "one per kind of node (`graph.impact.KINDS`)",
        ("Impact", "groups"): "one per distance: at most the report's `depth` (`MAX_DEPTH`)",
        ("ImpactGroup", "counts"): "one per kind of node (`graph.impact.KINDS`)",
        ("AffectedNode", "path"): "the shortest chain to the node: at most the report's `depth`",
        ("Neighbourhood", "nodes"): "at most `neighbourhood.MAX_NODES`, cut by the walk itself",
        ("Neighbourhood", "edges"): "between drawn nodes, `PER_NODE` found per node reached",
        ("Query", "resolveCitations"): "the references in the `text` given, bounded by its length",
        ("ResolvedCitation", "units"): "the units one reference names, from the text given",
        ("ResolvedCitation", "nodes"): "a node per id one reference names, from the text given",
        ("FactDiff", "added"): "the facts of the compared documents (or of one edition's"
        " document): plain text below, no read of the graph per item",
        ("FactDiff", "removed"): "as `added`: the facts of the compared documents",
        ("FactDiff", "changed"): "as `added`: the facts of the compared documents",
        ("FactChange", "fields"): "the properties of one fact (a few dozen at most)",
        ("AmendmentPreview", "effects"): "the instructions of the amending act sent, bounded by"
        " its length (LEXGRAPH_MAX_DOCUMENT_MB); plain values, no read of the graph per item",
        ("IssuedDocument", "validity"): "one per validity period its row states (a stored list"
        " of the node read already, as `validityText`): plain values, no read below",
    }
)


def _grouped(
    bounds: Iterable[Bound],
) -> tuple[dict[LiteralString, list[LiteralString]], list[LiteralString]]:
    """The distinct counts to take, by label (one scan of each label takes them all), in the
    table's order; and the labels whose nodes are counted."""
    per_label: dict[LiteralString, list[LiteralString]] = {}
    counted: list[LiteralString] = []
    for bound in bounds:
        for factor in bound.factors if isinstance(bound, Product) else (bound,):
            if isinstance(factor, Nodes):
                if factor.label not in counted:
                    counted.append(factor.label)
            else:
                counts = per_label.setdefault(factor.label, [])
                if factor.count not in counts:
                    counts.append(factor.count)
    return per_label, counted


def _statement(bounds: Iterable[Bound]) -> LiteralString:
    """One row per label, `key` and `values`: the maximum of each of its counts (null for a
    label with no node), or `count(<label>)` and its node count. Each branch stands alone in its
    subquery: only then does the planner read node counts from the count store."""
    per_label, counted = _grouped(bounds)
    branches: list[LiteralString] = [
        "CALL () { MATCH (n:"
        + label
        + ") RETURN ["
        + ", ".join(["max(" + count + ")" for count in counts])
        + "] AS values } RETURN '"
        + label
        + "' AS key, values"
        for label, counts in per_label.items()
    ]
    branches += [
        "CALL () { MATCH (n:"
        + label
        + ") RETURN count(n) AS nodes } RETURN 'count("
        + label
        + ")' AS key, [nodes] AS values"
        for label in counted
    ]
    return " UNION ALL ".join(branches)


LIST_BOUNDS_STATEMENT: LiteralString = _statement(LIST_BOUNDS.values())


@dataclass(frozen=True, slots=True)
class ListBounds:
    """The most items each unpaged list field can return, on the graph they were read from.

    `size` is what the request's cost walk asks (`lexgraph.api.measure.ListSize`)."""

    sizes: Mapping[tuple[str, str], int]

    def size(self, parent_type: str, field: str) -> int | None:
        """The most items `parent_type.field` returns; None for a field not in `LIST_BOUNDS`."""
        return self.sizes.get((parent_type, field))


def list_bounds_of(
    rows: Iterable[tuple[str, Sequence[int | None]]],
    table: Mapping[tuple[str, str], Bound] = LIST_BOUNDS,
) -> ListBounds:
    """The bounds of `table` from the rows of its statement (`key`, `values`); a label with no
    node, or missing, bounds its fields by 0."""
    found = dict(rows)
    per_label, counted = _grouped(table.values())
    value: dict[tuple[str, str], int] = {}
    for label, counts in per_label.items():
        values = found.get(label) or ()
        for i, count in enumerate(counts):
            value[label, count] = (values[i] if i < len(values) else None) or 0
    for label in counted:
        values = found.get("count(" + label + ")") or ()
        value[label, ""] = (values[0] if values else None) or 0

    def size(bound: Bound) -> int:
        if isinstance(bound, Product):
            return math.prod(size(factor) for factor in bound.factors)
        if isinstance(bound, Nodes):
            return value[bound.label, ""]
        return value[bound.label, bound.count]

    return ListBounds(MappingProxyType({key: size(bound) for key, bound in table.items()}))


async def read_list_bounds(
    driver: AsyncDriver, database: str, *, timeout_s: float | None = None
) -> ListBounds:
    """The bounds of every field of `LIST_BOUNDS` on the graph now: one statement, in one read
    transaction, each label scanned once. A few tens of ms on the sample graph; on the bench's M
    graph (10,000 procedures, ~200,000 units) seconds, most of it walking every unit's ancestors:
    read it when the graph changes, off the request's path, with `timeout_s` (the driver's
    default: none) to bound the read."""
    records, _, _ = await driver.execute_query(
        Query(LIST_BOUNDS_STATEMENT, timeout=timeout_s),
        database_=database,
        routing_=RoutingControl.READ,
    )
    return list_bounds_of((record["key"], record["values"]) for record in records)
