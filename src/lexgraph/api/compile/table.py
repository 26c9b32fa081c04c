"""The fixed table the compiler reads: for each schema type and field, the Cypher that answers it.

Nothing of a request's text reaches a statement but through this table: a field is compiled only
when (type, field) is a key here (or a plain property of the node's GraphQL type, read by the
same name `from_map` reads it, `lexgraph.api.nodes`). The fragments name their variables with
placeholders (`_v_` the node a field is asked of, `_e_` the edge followed, `_m_` the node
reached, `_c_` a citing node, `_r_` a regulation, `_p_` a path, `_t_` a target), which the
compiler renames to names of its own, so nested fragments never share a variable.

Each relation is the resolver path's (`lexgraph.graph.reads.relations`) spelled from the node it
starts at: the same pattern, the same order, the same validity as of `$asOf` (the one predicate,
`lexgraph.graph.validity`: the edge's and the node's version intervals, and the acts stating
them in force).
"""

from __future__ import annotations

from dataclasses import dataclass

from lexgraph.graph.validity import all_stated_by_acts_in_force, within_interval

# The labels a node of an abstract type may carry, each the type of the same name.
NODE_LABELS: tuple[str, ...] = (
    "SourceDocument",
    "LegalAct",
    "Provision",
    "Procedure",
    "Regulation",
    "DocumentRequirement",
    "RequestedInformation",
    "IssuedDocument",
    "Fee",
    "Benefit",
    "Appeal",
    "Form",
    "Registry",
    "Authority",
    "Portal",
    "PortalFact",
    "UnresolvedCitation",
)

# The edge and the node reached hold on `$asOf`: their version intervals here, and the acts
# stating them (`ACTS`), which the statement checks once for all it read (`acts_in_force`) and the
# unwrap keeps the items of (as the resolvers' relations do, `lexgraph.graph.reads.relations`).
WITHIN = "(" + within_interval("_m_") + ") AND (" + within_interval("_e_") + ")"
ACTS = "[_e_.statedIn, _m_.statedIn]"
# Reached without an edge that states anything (an act by a unit's `actId`, a unit's ancestors).
NODE_WITHIN = within_interval("_m_")
NODE_ACTS = "[_m_.statedIn]"
# A citation holds when the citing node, the `CITES` edge and the unit cited all hold.
CITATION_WITHIN = (
    "("
    + within_interval("_c_")
    + ") AND ("
    + within_interval("_e_")
    + ") AND ("
    + within_interval("_m_")
    + ")"
)
CITATION_ACTS = "[_c_.statedIn, _e_.statedIn, _m_.statedIn]"
# Where the acts of a field answered with a `COLLECT { … }` are checked in the subquery itself
# (`sources`, and the tests of `electronicAvailability`).
HOLDS = WITHIN + " AND " + all_stated_by_acts_in_force(ACTS)
CITATION_ORDER = "_e_.sourceDocument, _e_.lineStart, _e_.charStart, _m_.id, elementId(_c_)"
BY_LINE = "_m_.sourceDocument, _m_.lineStart, _m_.id"
CITING_PARTS = "[:REQUIRES|REQUESTS|HAS_FEATURE|CHARGES|HAS_BENEFIT*0..2]"


@dataclass(frozen=True, slots=True)
class Relation:
    """A field answered by following edges: `match` binds `_m_` (and `_e_`) from `_v_`, `within`
    keeps what holds on `$asOf` by its intervals, `acts` lists the acts stating what it read (the
    item holds while they are in force), `order` orders the items. `target` is the type reached
    (None: the node's label tells, for a union or an interface); `one`: the first item or null."""

    match: str
    target: str | None
    order: str = "_m_.id"
    one: bool = False
    within: str = WITHIN
    acts: str = ACTS


@dataclass(frozen=True, slots=True)
class Citations:
    """A field answered with citations (`Citation`): `match` binds `_c_` (the citing node),
    `_e_` (the `CITES` edge) and `_m_` (the unit cited), `_c_` being the node asked of when
    `citing_is_parent`; `arguments` names the field's arguments the statement reads, each as the
    parameter it becomes."""

    match: str
    within: str = CITATION_WITHIN
    acts: str = CITATION_ACTS
    arguments: tuple[tuple[str, str], ...] = ()
    citing_is_parent: bool = True


def _to(pattern: str, target: str | None, order: str = "_m_.id", one: bool = False) -> Relation:
    return Relation("MATCH " + pattern, target, order, one)


RELATIONS: dict[tuple[str, str], Relation] = {
    ("Procedure", "regulation"): _to(
        "(_v_)<-[_e_:REGULATES]-(_m_:Regulation)", "Regulation", one=True
    ),
    ("Procedure", "listedIn"): _to("(_v_)-[_e_:LISTED_IN]->(_m_:LegalAct)", "LegalAct", one=True),
    ("Procedure", "authorities"): _to(
        "(_v_)-[_e_:HANDLED_BY]->(_m_:Authority)", "Authority", "_m_.name, _m_.id"
    ),
    ("Procedure", "portalFacts"): _to("(_v_)<-[_e_:ABOUT]-(_m_:PortalFact)", "PortalFact", BY_LINE),
    ("Regulation", "procedure"): _to(
        "(_v_)-[_e_:REGULATES]->(_m_:Procedure)", "Procedure", one=True
    ),
    ("Regulation", "approvedBy"): _to("(_v_)<-[_e_:APPROVES]-(_m_:LegalAct)", "LegalAct", one=True),
    ("Regulation", "legalBasis"): _to(
        "(_v_)-[_e_:GOVERNED_BY]->(_m_:LegalAct)", "LegalAct", "_e_.position, _m_.id"
    ),
    ("Regulation", "features"): _to(
        "(_v_)-[_e_:HAS_FEATURE]->(_m_:Provision)", "Provision", "_e_.lineStart, _m_.id"
    ),
    ("Regulation", "documents"): _to(
        "(_v_)-[_e_:REQUIRES]->(_m_:DocumentRequirement)",
        "DocumentRequirement",
        "_m_.position, _m_.id",
    ),
    ("Regulation", "requestedInformation"): _to(
        "(_v_)-[_e_:REQUESTS]->(_m_:RequestedInformation)",
        "RequestedInformation",
        "_m_.position, _m_.id",
    ),
    ("Regulation", "issuedDocuments"): _to(
        "(_v_)-[_e_:ISSUES]->(_m_:IssuedDocument)", "IssuedDocument", BY_LINE
    ),
    ("Regulation", "recordedIn"): _to("(_v_)-[_e_:RECORDED_IN]->(_m_:Registry)", "Registry"),
    ("Regulation", "fee"): _to("(_v_)-[_e_:CHARGES]->(_m_:Fee)", "Fee", one=True),
    ("Regulation", "appeals"): _to("(_v_)-[_e_:HAS_APPEAL]->(_m_:Appeal)", "Appeal", BY_LINE),
    ("Regulation", "form"): _to("(_v_)-[_e_:HAS_FORM]->(_m_:Form)", "Form", one=True),
    ("DocumentRequirement", "regulation"): _to(
        "(_v_)<-[_e_:REQUIRES]-(_m_:Regulation)", "Regulation", one=True
    ),
    ("DocumentRequirement", "unresolvedCitations"): _to(
        "(_v_)-[_e_:CITES_UNRESOLVED]->(_m_:UnresolvedCitation)",
        "UnresolvedCitation",
        "_m_.charStart, _m_.id",
    ),
    ("RequestedInformation", "requestedFrom"): Relation(
        "MATCH (_v_)-[_e_:REQUESTED_FROM]->(_m_) WHERE (_m_:Registry OR _m_:Authority)", None
    ),
    ("RequestedInformation", "regulation"): _to(
        "(_v_)<-[_e_:REQUESTS]-(_m_:Regulation)", "Regulation", one=True
    ),
    ("IssuedDocument", "regulation"): _to(
        "(_v_)<-[_e_:ISSUES]-(_m_:Regulation)", "Regulation", one=True
    ),
    ("Form", "regulation"): _to("(_v_)<-[_e_:HAS_FORM]-(_m_:Regulation)", "Regulation", one=True),
    ("Fee", "benefits"): _to(
        "(_v_)-[_e_:HAS_BENEFIT]->(_m_:Benefit)", "Benefit", "_m_.position, _m_.id"
    ),
    ("Fee", "regulation"): _to("(_v_)<-[_e_:CHARGES]-(_m_:Regulation)", "Regulation", one=True),
    ("Benefit", "unresolvedCitations"): _to(
        "(_v_)-[_e_:CITES_UNRESOLVED]->(_m_:UnresolvedCitation)",
        "UnresolvedCitation",
        "_m_.charStart, _m_.id",
    ),
    ("Benefit", "fee"): _to("(_v_)<-[_e_:HAS_BENEFIT]-(_m_:Fee)", "Fee", one=True),
    ("Appeal", "heardBy"): _to("(_v_)<-[_e_:HEARS_APPEAL]-(_m_:Authority)", "Authority"),
    ("Appeal", "regulation"): _to(
        "(_v_)<-[_e_:HAS_APPEAL]-(_m_:Regulation)", "Regulation", one=True
    ),
    ("LegalAct", "issuedBy"): _to("(_v_)-[_e_:ISSUED_BY]->(_m_:Authority)", "Authority"),
    ("LegalAct", "agreedWith"): _to("(_v_)-[_e_:AGREED_WITH]->(_m_:Authority)", "Authority"),
    ("LegalAct", "repeals"): _to("(_v_)-[_e_:REPEALS]->(_m_:LegalAct)", "LegalAct"),
    ("LegalAct", "repealedBy"): _to("(_v_)<-[_e_:REPEALS]-(_m_:LegalAct)", "LegalAct"),
    ("LegalAct", "basedOn"): Relation(
        "MATCH (_v_)-[_e_:BASED_ON]->(_m_) WHERE (_m_:Provision OR _m_:LegalAct)",
        None,
        "_e_.lineStart, _e_.charStart, _m_.id",
    ),
    ("LegalAct", "approves"): _to("(_v_)-[_e_:APPROVES]->(_m_:Regulation)", "Regulation", BY_LINE),
    ("LegalAct", "children"): _to("(_v_)<-[_e_:PART_OF]-(_m_:Provision)", "Provision", "_m_.eId"),
    ("LegalAct", "legalBasisOf"): _to("(_v_)<-[_e_:GOVERNED_BY]-(_m_:Regulation)", "Regulation"),
    ("LegalAct", "listsProcedures"): _to(
        "(_v_)<-[_e_:LISTED_IN]-(_m_:Procedure)", "Procedure", "_m_.number, _m_.id"
    ),
    ("Provision", "act"): Relation(
        "MATCH (_m_:LegalAct) WHERE _m_.id = _v_.actId",
        "LegalAct",
        one=True,
        within=NODE_WITHIN,
        acts=NODE_ACTS,
    ),
    ("Provision", "parent"): Relation(
        "MATCH (_v_)-[_e_:PART_OF]->(_m_) WHERE (_m_:Provision OR _m_:LegalAct)", None, one=True
    ),
    ("Provision", "children"): _to("(_v_)<-[_e_:PART_OF]-(_m_:Provision)", "Provision", "_m_.eId"),
    ("Provision", "ancestors"): Relation(
        "MATCH _p_ = (_v_)-[:PART_OF*1..]->(_m_) WHERE (_m_:Provision OR _m_:LegalAct)",
        None,
        "length(_p_) DESC",
        within=NODE_WITHIN,
        acts=NODE_ACTS,
    ),
    ("Authority", "acts"): _to("(_v_)<-[_e_:ISSUED_BY]-(_m_:LegalAct)", "LegalAct"),
    ("Authority", "procedures"): _to(
        "(_v_)<-[_e_:HANDLED_BY]-(_m_:Procedure)", "Procedure", "_m_.number, _m_.id"
    ),
    ("Authority", "appealsHeard"): _to("(_v_)-[_e_:HEARS_APPEAL]->(_m_:Appeal)", "Appeal"),
    ("PortalFact", "procedures"): _to("(_v_)-[_e_:ABOUT]->(_m_:Procedure)", "Procedure"),
    ("PortalFact", "acts"): _to("(_v_)-[_e_:UNDER]->(_m_:LegalAct)", "LegalAct"),
    ("PortalFact", "portal"): _to("(_v_)-[_e_:ON_PORTAL]->(_m_:Portal)", "Portal", one=True),
    ("UnresolvedCitation", "citing"): Relation(
        "MATCH (_v_)<-[_e_:CITES_UNRESOLVED]-(_m_)", None, one=True
    ),
}

# `sources` of a shared node: the ids of the documents that mention it, in id order.
SOURCES: dict[str, Relation] = {
    label: _to("(_v_)<-[_e_:MENTIONS]-(_m_:SourceDocument)", "SourceDocument")
    for label in ("LegalAct", "Provision", "Authority", "Procedure", "Registry")
}

CITATIONS: dict[tuple[str, str], Citations] = {
    (label, "citations"): Citations("MATCH (_c_)-[_e_:CITES]->(_m_)")
    for label in ("DocumentRequirement", "RequestedInformation", "Benefit", "Provision")
}
# Why a procedure depends on a unit: the citations of it (or, with `$subunits`, of a unit inside
# it) in the procedure's regulation and its parts, every edge between holding.
CITATIONS[("Procedure", "citationsOf")] = Citations(
    "MATCH _p_ = (_v_)<-[:REGULATES]-(_r_:Regulation)-" + CITING_PARTS + "->(_c_) WHERE "
    "all(part IN relationships(_p_) WHERE "
    + within_interval("part")
    + ") AND "
    + within_interval("_r_")
    + " MATCH (_c_)-[_e_:CITES]->(_m_) WHERE (_m_.id = $target OR ($subunits AND EXISTS"
    " { MATCH (_m_)-[:PART_OF*1..]->(_t_) WHERE _t_.id = $target }))",
    CITATION_WITHIN,
    "[part IN relationships(_p_) | part.statedIn] + [_r_.statedIn, _c_.statedIn,"
    " _e_.statedIn, _m_.statedIn]",
    (("id", "target"), ("includingSubunits", "subunits")),
    citing_is_parent=False,
)

# The procedure a citing node belongs to (`Citation.procedure`), as the resolver path reads it.
CITATION_PROCEDURE = "MATCH (_c_)<-" + CITING_PARTS + "-(:Regulation)-[:REGULATES]->(_m_:Procedure)"

# `Procedure.electronicAvailability`: whether a regulation holds, whether one of its documents
# may be submitted electronically, whether a portal text says the procedure is available so.
REGULATED = "EXISTS { MATCH (_v_)<-[_e_:REGULATES]-(_m_:Regulation) WHERE " + HOLDS + " }"
BY_REGULATION = (
    "EXISTS { MATCH (_v_)<-[_e_:REGULATES]-(_r_:Regulation)-[_t_:REQUIRES]->"
    "(_m_:DocumentRequirement) WHERE ("
    + within_interval("_e_")
    + ") AND ("
    + within_interval("_r_")
    + ") AND ("
    + within_interval("_t_")
    + ") AND ("
    + within_interval("_m_")
    + ") AND "
    + all_stated_by_acts_in_force("[_e_.statedIn, _r_.statedIn, _t_.statedIn, _m_.statedIn]")
    + " AND CASE WHEN _m_.channels IS :: LIST<ANY> THEN 'electronic' IN _m_.channels"
    " ELSE _m_.channels = 'electronic' END }"
)
BY_PORTAL = (
    "EXISTS { MATCH (_v_)<-[_e_:ABOUT]-(_m_:PortalFact) WHERE "
    + HOLDS
    + " AND _m_.kind = 'electronic_availability' }"
)
