"""One statement per relationship the API follows, batched by id for the per-request loaders.

Each relation's statement takes `$ids` and `$asOf` and returns one row per id: `id` and `items`,
a list of maps in a stable order, of what holds on `$asOf` (`lexgraph.graph.validity`); its body
also serves `prefetch.py`, which asks many relations at once. Items carry `acts`, the acts that
state what they read, which the statement checks once for all its items.
Plain relations give `{node, edge}` (the node reached and the edge's properties); citation
relations give `{citing, cited, edge, procedure}`: the node whose text cites, the unit cited, the
`CITES` edge (reference text, span, provenance) and the procedure the citing node belongs to, if
any, which is the explanation path a reader follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import LiteralString

from lexgraph.graph.validity import (
    acts_in_force,
    all_stated_by_acts_in_force,
    all_stated_valid,
    within_interval,
)

NODE_M = "m {.*, _label: head(labels(m))}"

# From a regulation to every node of it whose text may cite: itself, its requirements, requested
# information, features, fee and the fee's benefits.
CITING_PARTS = "[:REQUIRES|REQUESTS|HAS_FEATURE|CHARGES|HAS_BENEFIT*0..2]"


# Items carry `acts`: the acts that state the facts read (`statedIn` of the edge, the node and any
# part between). A statement checks them once for all its items: `IN_FORCE` binds `inForce` to
# those of the acts of the items in `found` in force on `$asOf`, `ITEMS_HELD` keeps the items all
# of whose acts are among them.
IN_FORCE: LiteralString = acts_in_force("reduce(acts = [], item IN found | acts + item.acts)")
ITEMS_HELD: LiteralString = "[item IN found WHERE all(stated IN item.acts WHERE stated IN inForce)]"


@dataclass(frozen=True, slots=True)
class Relation:
    """A relationship the API follows: `body` is a `COLLECT { … }` expression of the items for
    the node whose id is in the variable `id`, each with `acts`, the ids of the acts stating what
    it read; `statement` asks it for a batch of ids and keeps the items whose acts are in force on
    `$asOf` (`lexgraph.graph.validity.acts_in_force`, once for the batch)."""

    body: LiteralString
    citations: bool = False

    @property
    def statement(self) -> LiteralString:
        return (
            "UNWIND $ids AS id WITH id, "
            + self.body
            + " AS found WITH id, found, "
            + IN_FORCE
            + " AS inForce RETURN id, "
            + ITEMS_HELD
            + " AS items"
        )


# The API answers as of a date (`$asOf`): the edge followed and the node reached must both hold on
# it (`lexgraph.graph.validity.stated_valid`: within their version interval, while the act that
# states them is in force). The intervals are tested here, the acts once per statement (`acts`
# of each item, `Relation.statement`, `prefetch_statement`). A fact a newer text no longer states
# keeps its edges, closed on the same day (graph/versions.py), so asking as of a day before that
# reaches it, and asking after reaches its successor. Nodes and edges no text states (acts, units,
# authorities, `PART_OF`, `MENTIONS`) carry no interval and always hold: an act is reached
# whatever its own validity, which its fields tell (`inForce`).
WITHIN: LiteralString = "(" + within_interval("m") + ") AND (" + within_interval("e") + ")"
WITHIN_NODE: LiteralString = within_interval("m")
ACTS: LiteralString = "[stated IN [e.statedIn, m.statedIn] WHERE stated IS NOT NULL]"
ACTS_NODE: LiteralString = "[stated IN [m.statedIn] WHERE stated IS NOT NULL]"
# Every edge of the path `parts` (from a regulation down to a part of it that cites) holds too.
WITHIN_PARTS: LiteralString = (
    "all(part IN relationships(parts) WHERE " + within_interval("part") + ")"
)


def _related(
    pattern: LiteralString,
    order: LiteralString = "m.id",
    edge: LiteralString = "properties(e)",
    within: LiteralString = WITHIN,
    acts: LiteralString = ACTS,
) -> Relation:
    return Relation(
        "COLLECT { "
        + pattern
        + " WITH * WHERE "
        + within
        + " RETURN {node: "
        + NODE_M
        + ", edge: "
        + edge
        + ", acts: "
        + acts
        + "} AS item ORDER BY "
        + order
        + " }"
    )


# Reading order: by document, line and place in the line; several units one reference names by
# their ids. Two citing nodes at the same place never occur in a document; the element id only
# makes the order total without reading each citing node's id: the Tax Code is cited ~29,000 times
# at M, and that read alone took a fifth of its page (117 → 94 ms).
CITATION_ORDER: LiteralString = "e.sourceDocument, e.lineStart, e.charStart, m.id, elementId(c)"


def _citation_item(acts: LiteralString) -> LiteralString:
    return (
        "{citing: c {.*, _label: head(labels(c))}, cited: "
        + NODE_M
        + ", edge: properties(e), procedure: head(COLLECT { MATCH (c)<-"
        + CITING_PARTS
        + "-(:Regulation)-[:REGULATES]->(p:Procedure) RETURN p {.*, _label: 'Procedure'} }), "
        "acts: " + acts + "}"
    )


# A citation holds when the citing node, the `CITES` edge and the unit cited all hold (and, read
# from a regulation, every part between).
WITHIN_CITATION: LiteralString = "(" + within_interval("c") + ") AND " + WITHIN
CITATION_ACTS: LiteralString = (
    "[stated IN [c.statedIn, e.statedIn, m.statedIn] WHERE stated IS NOT NULL]"
)
PARTS_CITATION_ACTS: LiteralString = (
    "[stated IN [part IN relationships(parts) | part.statedIn] + [c.statedIn, e.statedIn,"
    " m.statedIn] WHERE stated IS NOT NULL]"
)


def _citations(pattern: LiteralString, acts: LiteralString = CITATION_ACTS) -> Relation:
    return Relation(
        "COLLECT { "
        + pattern
        + " WITH * WHERE "
        + WITHIN_CITATION
        + " RETURN "
        + _citation_item(acts)
        + " AS item ORDER BY "
        + CITATION_ORDER
        + " }",
        citations=True,
    )


# What cites a unit (or an act) with its sub-units can be a large part of the graph (the Tax Code
# at national scale: more than a transaction's memory as maps), so it is read a page at a time:
# ordered and cut on the edges themselves, then only the page is made into maps. A page is cut
# from the citations that hold, so these test the whole predicate on each citation before the cut
# (`all_stated_valid`), and their items name no act left to check.
CITATIONS_PREFETCHED = 100
VALID_CITATION: LiteralString = all_stated_valid(("c", "e", "m"))


def _cited_by(pattern: LiteralString, page: LiteralString) -> Relation:
    return Relation(
        "COLLECT { "
        + pattern
        + " WHERE "
        + VALID_CITATION
        + " WITH c, e, m ORDER BY "
        + CITATION_ORDER
        + " "
        + page
        + " RETURN "
        + _citation_item("[]")
        + " AS item }",
        citations=True,
    )


def _cited_by_count(pattern: LiteralString) -> LiteralString:
    return (
        "UNWIND $ids AS id RETURN id, COUNT { "
        + pattern
        + " WHERE "
        + VALID_CITATION
        + " } AS node"
    )


BY_LINE: LiteralString = "m.sourceDocument, m.lineStart, m.id"

# Procedure
PROCEDURE_REGULATIONS = _related("MATCH (:Procedure {id: id})<-[e:REGULATES]-(m:Regulation)")
PROCEDURE_LISTED_IN = _related("MATCH (:Procedure {id: id})-[e:LISTED_IN]->(m:LegalAct)")
PROCEDURE_AUTHORITIES = _related(
    "MATCH (:Procedure {id: id})-[e:HANDLED_BY]->(m:Authority)", "m.name, m.id"
)
PROCEDURE_PORTAL_FACTS = _related("MATCH (:Procedure {id: id})<-[e:ABOUT]-(m:PortalFact)", BY_LINE)

# Regulation
REGULATION_PROCEDURES = _related("MATCH (:Regulation {id: id})-[e:REGULATES]->(m:Procedure)")
REGULATION_APPROVED_BY = _related("MATCH (:Regulation {id: id})<-[e:APPROVES]-(m:LegalAct)")
REGULATION_LEGAL_BASIS = _related(
    "MATCH (:Regulation {id: id})-[e:GOVERNED_BY]->(m:LegalAct)", "e.position, m.id"
)
REGULATION_FEATURES = _related(
    "MATCH (:Regulation {id: id})-[e:HAS_FEATURE]->(m:Provision)", "e.lineStart, m.id"
)
REGULATION_DOCUMENTS = _related(
    "MATCH (:Regulation {id: id})-[e:REQUIRES]->(m:DocumentRequirement)", "m.position, m.id"
)
REGULATION_REQUESTED = _related(
    "MATCH (:Regulation {id: id})-[e:REQUESTS]->(m:RequestedInformation)", "m.position, m.id"
)
REGULATION_ISSUED = _related("MATCH (:Regulation {id: id})-[e:ISSUES]->(m:IssuedDocument)", BY_LINE)
REGULATION_REGISTRIES = _related("MATCH (:Regulation {id: id})-[e:RECORDED_IN]->(m:Registry)")
REGULATION_FEES = _related("MATCH (:Regulation {id: id})-[e:CHARGES]->(m:Fee)")
REGULATION_APPEALS = _related("MATCH (:Regulation {id: id})-[e:HAS_APPEAL]->(m:Appeal)", BY_LINE)
REGULATION_FORMS = _related("MATCH (:Regulation {id: id})-[e:HAS_FORM]->(m:Form)")
# A regulation's parts that cite, through edges that hold on `$asOf` (`parts`).
CITING_PARTS_OF_REGULATION: LiteralString = (
    "MATCH parts = (:Regulation {id: id})-" + CITING_PARTS + "->(c) WHERE " + WITHIN_PARTS + " "
)
REGULATION_CITATIONS = _citations(
    CITING_PARTS_OF_REGULATION + "MATCH (c)-[e:CITES]->(m)", PARTS_CITATION_ACTS
)
# The citations in a procedure's regulation of the unit `$target`, or with `$subunits` of any unit
# inside it: why the procedure depends on it.
PROCEDURE_CITATIONS_OF = _citations(
    "MATCH parts = (:Procedure {id: id})<-[:REGULATES]-(r:Regulation)-"
    + CITING_PARTS
    + "->(c) WHERE "
    + WITHIN_PARTS
    + " AND "
    + within_interval("r")
    + " MATCH (c)-[e:CITES]->(m) WHERE m.id = $target OR ($subunits AND EXISTS "
    "{ MATCH (m)-[:PART_OF*1..]->(t) WHERE t.id = $target })",
    "[stated IN [part IN relationships(parts) | part.statedIn] + [r.statedIn, c.statedIn,"
    " e.statedIn, m.statedIn] WHERE stated IS NOT NULL]",
)
REGULATION_UNRESOLVED = _related(
    CITING_PARTS_OF_REGULATION + "MATCH (c)-[e:CITES_UNRESOLVED]->(m:UnresolvedCitation)",
    BY_LINE,
    within="(" + within_interval("c") + ") AND " + WITHIN,
    acts=PARTS_CITATION_ACTS,
)

# The parts of a regulation
DOCUMENT_REGULATIONS = _related(
    "MATCH (:DocumentRequirement {id: id})<-[e:REQUIRES]-(m:Regulation)"
)
DOCUMENT_CITATIONS = _citations("MATCH (c:DocumentRequirement {id: id})-[e:CITES]->(m)")
DOCUMENT_UNRESOLVED = _related(
    "MATCH (:DocumentRequirement {id: id})-[e:CITES_UNRESOLVED]->(m:UnresolvedCitation)",
    "m.charStart, m.id",
)
REQUESTED_SOURCES = _related(
    "MATCH (:RequestedInformation {id: id})-[e:REQUESTED_FROM]->(m) WHERE m:Registry OR m:Authority"
)
REQUESTED_CITATIONS = _citations("MATCH (c:RequestedInformation {id: id})-[e:CITES]->(m)")
FEE_BENEFITS = _related("MATCH (:Fee {id: id})-[e:HAS_BENEFIT]->(m:Benefit)", "m.position, m.id")
BENEFIT_CITATIONS = _citations("MATCH (c:Benefit {id: id})-[e:CITES]->(m)")
BENEFIT_UNRESOLVED = _related(
    "MATCH (:Benefit {id: id})-[e:CITES_UNRESOLVED]->(m:UnresolvedCitation)", "m.charStart, m.id"
)
REQUESTED_REGULATIONS = _related(
    "MATCH (:RequestedInformation {id: id})<-[e:REQUESTS]-(m:Regulation)"
)
ISSUED_REGULATIONS = _related("MATCH (:IssuedDocument {id: id})<-[e:ISSUES]-(m:Regulation)")
FEE_REGULATIONS = _related("MATCH (:Fee {id: id})<-[e:CHARGES]-(m:Regulation)")
BENEFIT_FEES = _related("MATCH (:Benefit {id: id})<-[e:HAS_BENEFIT]-(m:Fee)")
APPEAL_REGULATIONS = _related("MATCH (:Appeal {id: id})<-[e:HAS_APPEAL]-(m:Regulation)")
FORM_REGULATIONS = _related("MATCH (:Form {id: id})<-[e:HAS_FORM]-(m:Regulation)")
UNRESOLVED_CITING = _related("MATCH (:UnresolvedCitation {id: id})<-[e:CITES_UNRESOLVED]-(m)")
APPEAL_HEARD_BY = _related("MATCH (:Appeal {id: id})<-[e:HEARS_APPEAL]-(m:Authority)")

# Legal acts and their units
ACT_ISSUED_BY = _related("MATCH (:LegalAct {id: id})-[e:ISSUED_BY]->(m:Authority)")
ACT_AGREED_WITH = _related("MATCH (:LegalAct {id: id})-[e:AGREED_WITH]->(m:Authority)")
ACT_REPEALS = _related("MATCH (:LegalAct {id: id})-[e:REPEALS]->(m:LegalAct)")
ACT_REPEALED_BY = _related("MATCH (:LegalAct {id: id})<-[e:REPEALS]-(m:LegalAct)")
ACT_BASED_ON = _related(
    "MATCH (:LegalAct {id: id})-[e:BASED_ON]->(m) WHERE m:Provision OR m:LegalAct",
    "e.lineStart, e.charStart, m.id",
)
ACT_APPROVES = _related("MATCH (:LegalAct {id: id})-[e:APPROVES]->(m:Regulation)", BY_LINE)
ACT_CHILDREN = _related("MATCH (:LegalAct {id: id})<-[e:PART_OF]-(m:Provision)", "m.eId")
ACT_GOVERNS = _related("MATCH (:LegalAct {id: id})<-[e:GOVERNED_BY]-(m:Regulation)")
ACT_LISTS = _related("MATCH (:LegalAct {id: id})<-[e:LISTED_IN]-(m:Procedure)", "m.number, m.id")
ACT_CITED: LiteralString = "MATCH (:LegalAct {id: id})<-[:PART_OF*0..]-(m)<-[e:CITES]-(c)"
# The first `CITATIONS_PREFETCHED` (100: what a prefetch asks), or the page `$offset`, `$limit`.
ACT_CITED_BY = _cited_by(ACT_CITED, "LIMIT 100")
ACT_CITED_BY_PAGE = _cited_by(ACT_CITED, "SKIP $offset LIMIT $limit")
PROVISION_PARENTS = _related(
    "MATCH (:Provision {id: id})-[e:PART_OF]->(m) WHERE m:Provision OR m:LegalAct"
)
PROVISION_ACTS = _related(
    "MATCH (n:Provision {id: id}) MATCH (m:LegalAct {id: n.actId})",
    edge="null",
    within=WITHIN_NODE,
    acts=ACTS_NODE,
)
# Every unit it is part of, up to the act, the act first (a breadcrumb).
PROVISION_ANCESTORS = _related(
    "MATCH path = (:Provision {id: id})-[:PART_OF*1..]->(m) WHERE m:Provision OR m:LegalAct",
    "length(path) DESC",
    edge="null",
    within=WITHIN_NODE,
    acts=ACTS_NODE,
)
PROVISION_CHILDREN = _related("MATCH (:Provision {id: id})<-[e:PART_OF]-(m:Provision)", "m.eId")
PROVISION_CITED: LiteralString = "MATCH (:Provision {id: id})<-[:PART_OF*0..]-(m)<-[e:CITES]-(c)"
PROVISION_CITED_BY = _cited_by(PROVISION_CITED, "LIMIT 100")
PROVISION_CITED_BY_PAGE = _cited_by(PROVISION_CITED, "SKIP $offset LIMIT $limit")
PROVISION_CITATIONS = _citations("MATCH (c:Provision {id: id})-[e:CITES]->(m)")

# Authorities, registries, portal facts
AUTHORITY_PROCEDURES = _related(
    "MATCH (:Authority {id: id})<-[e:HANDLED_BY]-(m:Procedure)", "m.number, m.id"
)
AUTHORITY_ACTS = _related("MATCH (:Authority {id: id})<-[e:ISSUED_BY]-(m:LegalAct)")
AUTHORITY_APPEALS = _related("MATCH (:Authority {id: id})-[e:HEARS_APPEAL]->(m:Appeal)")
# A procedure is reached by any path that holds, so each path is tested whole (intervals, and its
# acts in one subquery) before the procedures are told apart.
REGISTRY_PROCEDURES = _related(
    "MATCH path = (:Registry {id: id})<-[:RECORDED_IN|REQUESTED_FROM]-()<-[:REQUESTS*0..1]-"
    "(r:Regulation)-[:REGULATES]->(m:Procedure) "
    "WHERE all(part IN relationships(path) WHERE "
    + within_interval("part")
    + ") AND "
    + within_interval("r")
    + " AND "
    + all_stated_by_acts_in_force("[r.statedIn] + [part IN relationships(path) | part.statedIn]")
    + " WITH DISTINCT m",
    "m.number, m.id",
    edge="null",
    within=WITHIN_NODE,
    acts=ACTS_NODE,
)
FACT_PROCEDURES = _related("MATCH (:PortalFact {id: id})-[e:ABOUT]->(m:Procedure)")
FACT_ACTS = _related("MATCH (:PortalFact {id: id})-[e:UNDER]->(m:LegalAct)")
FACT_PORTALS = _related("MATCH (:PortalFact {id: id})-[e:ON_PORTAL]->(m:Portal)")

# The documents that mention a shared node (`MENTIONS`), by id.
ACT_SOURCES = _related("MATCH (:LegalAct {id: id})<-[e:MENTIONS]-(m:SourceDocument)")
PROVISION_SOURCES = _related("MATCH (:Provision {id: id})<-[e:MENTIONS]-(m:SourceDocument)")
AUTHORITY_SOURCES = _related("MATCH (:Authority {id: id})<-[e:MENTIONS]-(m:SourceDocument)")
PROCEDURE_SOURCES = _related("MATCH (:Procedure {id: id})<-[e:MENTIONS]-(m:SourceDocument)")
REGISTRY_SOURCES = _related("MATCH (:Registry {id: id})<-[e:MENTIONS]-(m:SourceDocument)")

# How many citations each of `$ids` has (column `node`: one value per id), counted, not collected.
CITED_BY_COUNTS: dict[str, LiteralString] = {
    "LegalAct": _cited_by_count(ACT_CITED),
    "Provision": _cited_by_count(PROVISION_CITED),
}

RELATIONS: dict[str, Relation] = {
    name: value for name, value in dict(globals()).items() if isinstance(value, Relation)
}
