"""Graph records of the e-services portal texts (news items and how-to guides).

Pure: parsed portal records, plus the procedures already in the graph (number → title, to match the
titles a text uses), in; a `GraphBatch` out. Each claim is a `PortalFact` with its source; a claim
never overwrites what a regulation says (see "Conflicts" in `schema/model.md`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from importers.base import Span
from importers.graph_common import CitationLinker, compact, provenance, source_document_id
from importers.portal_records import (
    ActKind,
    ActReference,
    ActRole,
    PortalGuide,
    PortalNews,
    match_key,
)
from lexgraph.citations import CitationContext, act_id
from lexgraph.graph.records import EdgeRecord, GraphBatch, NodeRecord

PORTAL_ID = "portal/portal.gov.by"
PORTAL_NAME = "Единый портал электронных услуг"

_KINDS = {
    ActKind.LAW: "law",
    ActKind.CODE: "code",
    ActKind.EDICT: "edict",
    ActKind.DECREE: "decree",
    ActKind.DIRECTIVE: "directive",
    ActKind.COUNCIL_OF_MINISTERS_RESOLUTION: "cm_resolution",
}


def portal_act_id(act: ActReference) -> str | None:
    kind = _KINDS.get(act.kind)
    return act_id(kind, date=act.date, number=act.number) if kind else None


def match_procedure(claim_key: str, procedures: Mapping[str, str]) -> str | None:
    """The procedure whose title a claim names, whatever action noun each uses.

    «выдача специального разрешения … в отношении иностранного гражданина …» names the procedure
    «Получение специального разрешения …»: after the leading action noun, every word of the
    procedure's title key must occur in the claim's key. Exactly one match, or none.
    """
    claim_words = set(claim_key.split()[1:])
    found = [
        number
        for number, title in procedures.items()
        if (words := title_words(title)) and words <= claim_words
    ]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1 << 18)
def title_words(title: str) -> frozenset[str]:
    """The words of a procedure title's key after its action noun. Kept per title: every claim is
    matched against every procedure in the graph, and lemmatizing a title is what costs (a graph
    of 10,000 procedures took minutes per import when each claim lemmatized every title again).
    The cache holds more titles than the largest graph has procedures (the synthetic L: 100,000):
    every claim walks all titles in one order, and an LRU smaller than that walk would miss on
    every title."""
    return frozenset(match_key(title).split()[1:])


def _document_node(batch: GraphBatch, name: str, kind: str, checksum: str, lines: int) -> None:
    batch.add_node(
        NodeRecord(
            "SourceDocument",
            batch.document_id,
            {
                "name": name,
                "kind": kind,
                "checksum": checksum,
                "lineCount": lines,
                "sourceDocument": batch.document_id,
            },
        )
    )


def _portal(batch: GraphBatch, url: str | None = None) -> None:
    batch.add_node(
        NodeRecord(
            "Portal",
            PORTAL_ID,
            compact({"name": PORTAL_NAME, "url": url or "https://portal.gov.by/"}),
            owned=False,
        )
    )


def _fact(
    batch: GraphBatch,
    linker: CitationLinker,
    kind: str,
    index: int,
    span: Span,
    properties: Mapping[str, Any],
) -> str:
    fact_id = f"{batch.document_id}__{kind}_{index}"
    batch.add_node(
        NodeRecord(
            "PortalFact",
            fact_id,
            compact({"kind": kind, "text": span.text, **properties, **provenance(span)}),
        )
    )
    batch.add_edge(
        EdgeRecord("ON_PORTAL", "PortalFact", fact_id, "Portal", PORTAL_ID, provenance(span))
    )
    linker.link("PortalFact", fact_id, span.text, span, field_name="text")
    return fact_id


def _under(batch: GraphBatch, fact_id: str, act: ActReference | None, span: Span) -> None:
    target = portal_act_id(act) if act is not None else None
    if act is None or target is None:
        return
    batch.add_node(
        NodeRecord(
            "LegalAct",
            target,
            compact(
                {
                    "kind": _KINDS.get(act.kind),
                    "number": act.number,
                    "date": act.date,
                    "title": act.title,
                    "issuers": [act.issuer] if act.issuer else None,
                }
            ),
            owned=False,
        )
    )
    batch.add_edge(
        EdgeRecord(
            "UNDER",
            "PortalFact",
            fact_id,
            "LegalAct",
            target,
            {**provenance(span), "text": act.raw},
        )
    )


def build_portal_news(
    news: PortalNews, procedures: Mapping[str, str], *, checksum: str, line_count: int
) -> GraphBatch:
    batch = GraphBatch(source_document_id(news.document))
    _document_node(batch, news.document, "portal_news", checksum, line_count)
    _portal(batch)
    linker = CitationLinker(batch, CitationContext())
    for index, claim in enumerate(news.availabilities, start=1):
        fact_id = _fact(
            batch,
            linker,
            "electronic_availability",
            index,
            claim.span,
            {
                "title": claim.title,
                "titleAsWritten": claim.title_as_written,
                "matchKey": claim.match_key,
                "applicants": [a.value for a in claim.applicants],
                "availableFrom": str(claim.available_from) if claim.available_from else None,
                "conversionFrom": str(claim.conversion_from) if claim.conversion_from else None,
                "conversionUntil": str(claim.conversion_until) if claim.conversion_until else None,
                "personalApplicationRetained": claim.personal_application_retained,
                "bodies": [b.name for b in claim.bodies],
            },
        )
        _under(batch, fact_id, claim.act, claim.span)
        number = match_procedure(claim.match_key, procedures)
        if number is not None:
            batch.add_edge(
                EdgeRecord(
                    "ABOUT",
                    "PortalFact",
                    fact_id,
                    "Procedure",
                    f"procedure/{number}",
                    {**provenance(claim.span), "matchedBy": "title"},
                )
            )
    for index, fact in enumerate(news.act_facts, start=1):
        fact_id = _fact(
            batch,
            linker,
            "act_fact",
            index,
            fact.span,
            {"title": f"{fact.kind.value}: {fact.act.raw}", "date": fact.date},
        )
        _under(batch, fact_id, fact.act, fact.span)
        target = portal_act_id(fact.act)
        if target is not None:
            batch.add_node(NodeRecord("LegalAct", target, {"inForceFrom": fact.date}, owned=False))
    return batch


def build_portal_guide(guide: PortalGuide, *, checksum: str, line_count: int) -> GraphBatch:
    batch = GraphBatch(source_document_id(guide.document))
    _document_node(batch, guide.document, "portal_guide", checksum, line_count)
    _portal(batch, guide.portal.url if guide.portal else None)
    linker = CitationLinker(batch, CitationContext())
    for step in guide.steps:
        _fact(
            batch,
            linker,
            "step",
            step.ordinal,
            step.span,
            {"title": step.title, "ordinal": step.ordinal, "stepKind": step.kind},
        )
    for index, method in enumerate(guide.sign_in_methods, start=1):
        _fact(
            batch,
            linker,
            "identification_method",
            index,
            method.span,
            {
                "title": method.kind.value,
                "registration": method.registration.value if method.registration else None,
                "applicants": [p.value for p in method.persons],
            },
        )
    if guide.payment is not None:
        payment = guide.payment
        _fact(
            batch,
            linker,
            "payment",
            1,
            payment.span,
            {
                "title": "payment",
                "orderCodeDigits": payment.order_code_digits,
                "channels": [c.value for c in payment.channels],
            },
        )
    if guide.unique_identifier is not None:
        facts = guide.unique_identifier
        _fact(
            batch,
            linker,
            "unique_identifier",
            1,
            facts.definition.span if facts.definition else facts.span,
            {
                "title": "уникальный идентификатор",
                "applicants": [p.value for p in facts.eligible_persons],
                "capabilities": [c.text for c in facts.capabilities],
                "issuingPlaces": [p.name for p in facts.issuing_places],
            },
        )
    lists = [a for a in guide.acts if ActRole.ESTABLISHES_E_PROCEDURE_LIST in a.roles]
    for index, act in enumerate(lists, start=1):
        fact_id = _fact(batch, linker, "procedure_list", index, act.span, {"title": act.raw})
        _under(batch, fact_id, act, act.span)
    return batch
