"""Shared pieces of the graph builders: provenance, slugs, acts, and citation edges.

Builders are pure: parser records in, a `GraphBatch` out. Citations inside any text become `CITES`
edges to the exact provision (with the `PART_OF` chain up to the act), or an `UnresolvedCitation`
node with the reason; nothing is dropped and nothing is guessed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from importers.base import Span, align, clean
from lexgraph.citations import Citation, CitationContext, parse_citations
from lexgraph.citations.ids import transliterate
from lexgraph.graph.records import EdgeRecord, GraphBatch, NodeRecord
from lexgraph.legal_terms import code_title

UNIT_NAMES = {
    "art": "статья",
    "point": "пункт",
    "subpoint": "подпункт",
    "part": "часть",
    "para": "абзац",
    "annex": "приложение",
    "chapter": "глава",
    "section": "раздел",
}
# Units named without a number (an eId segment of the unit alone).
UNNUMBERED_NAMES = {
    "general_part": "Общая часть",
    "special_part": "Особенная часть",
    "annex": "приложение",
}


def source_document_id(name: str) -> str:
    return f"source/{name}"


def provenance(span: Span) -> dict[str, Any]:
    """The four provenance properties of a node or edge stated by one document."""
    return {
        "sourceDocument": source_document_id(span.document),
        "lineStart": span.line_start,
        "lineEnd": span.line_end,
        "sourceText": span.text,
    }


def slug(name: str, *, words: int = 6) -> str:
    """A readable, stable slug: the first words transliterated, plus a short hash of the whole."""
    normalized = clean(name).lower()
    head = transliterate(" ".join(normalized.split()[:words])).replace("_", "-")
    digest = hashlib.sha1(normalized.encode()).hexdigest()[:8]
    return f"{head}-{digest}"


def compact(properties: Mapping[str, Any]) -> dict[str, Any]:
    """Drop None values: Neo4j stores no nulls, and shared nodes must not lose known values."""
    return {key: value for key, value in properties.items() if value is not None}


# A republican body named without its state («Министерство внутренних дел» in a regulation of the
# Belarusian МВД): only lower-case words after «Министерство» / «Государственный комитет».
_UNQUALIFIED_REPUBLICAN_BODY = re.compile(
    r"(?:Министерство|Государственный комитет)(?: [а-яё,-]+)+"
)
REPUBLIC = "Республики Беларусь"


def authority_name(name: str) -> str:
    """The name one body has in every document: «Министерство внутренних дел» (as a regulation of
    the Belarusian МВД calls it) and «Министерство внутренних дел Республики Беларусь» (as the
    resolution's heading does) are the same ministry, so the state is added when it is left out."""
    cleaned = clean(name)
    if _UNQUALIFIED_REPUBLICAN_BODY.fullmatch(cleaned):
        return f"{cleaned} {REPUBLIC}"
    return cleaned


def add_authority(batch: GraphBatch, name: str) -> str:
    canonical = authority_name(name)
    authority_id = f"authority/{slug(canonical)}"
    batch.add_node(NodeRecord("Authority", authority_id, {"name": canonical}, owned=False))
    return authority_id


def add_registry(batch: GraphBatch, name: str) -> str:
    registry_id = f"registry/{slug(name)}"
    batch.add_node(NodeRecord("Registry", registry_id, {"name": clean(name)}, owned=False))
    return registry_id


def _unit_label(e_id: str, citation: Citation) -> tuple[str, str | None, str]:
    """(unitType, number, Russian label) of the last segment of `e_id`."""
    last = e_id.split("__")[-1]
    if citation.annex is not None and last == citation.annex.segment:
        return citation.annex.kind, None, citation.annex.name
    if last in UNNUMBERED_NAMES:
        return last, None, UNNUMBERED_NAMES[last]
    unit, _, number = last.rpartition("_")
    if unit in UNIT_NAMES:
        return unit, number, f"{UNIT_NAMES[unit]} {number}"
    return unit or last, number or None, last


@dataclass(slots=True)
class CitationLinker:
    """Parses the texts of one document in order, so acts defined earlier resolve later mentions."""

    batch: GraphBatch
    context: CitationContext
    unresolved: int = 0
    found: list[Citation] = field(default_factory=list)

    def link(
        self,
        source_label: str,
        source_id: str,
        text: str,
        span: Span,
        *,
        field_name: str,
        edge_type: str = "CITES",
        extra: Mapping[str, Any] | None = None,
        at: int | None = None,
    ) -> list[Citation]:
        """Add an edge from the citing node to what each reference in `text` names.

        `charStart`/`charEnd` are offsets into `text`; with `at` (where `text` starts in the span's
        verbatim lines: a text no property of the citing node holds, such as a legal-basis entry)
        they are offsets into the edge's own `sourceText`."""
        citations = [
            c for c in parse_citations(text, context=self.context) if c.kind != "procedure"
        ]
        self.context = self.context.learn(citations)
        self.found.extend(citations)
        positions = align(span.text, text, at) if at is not None else None
        for index, citation in enumerate(citations):
            start, end = citation.span
            if positions is not None:
                start, end = positions[start], positions[end - 1] + 1
            properties = {
                **provenance(span),
                "text": citation.text,
                "charStart": start,
                "charEnd": end,
                "field": field_name,
                **(extra or {}),
            }
            key = f"{field_name}:{index}"
            act_id = citation.act_id
            if not citation.resolved or act_id is None:
                self._unresolved(source_label, source_id, citation, span, key, (start, end))
                continue
            self.add_act(citation)
            if not citation.units:
                self.batch.add_edge(
                    EdgeRecord(
                        edge_type, source_label, source_id, "LegalAct", act_id, properties, key
                    )
                )
                continue
            for unit_index, unit in enumerate(citation.units):
                target = self.add_provision_chain(act_id, unit.e_id, citation)
                self.batch.add_edge(
                    EdgeRecord(
                        edge_type,
                        source_label,
                        source_id,
                        "Provision",
                        target,
                        properties,
                        f"{key}:{unit_index}",
                    )
                )
        return citations

    def _unresolved(
        self,
        source_label: str,
        source_id: str,
        citation: Citation,
        span: Span,
        key: str,
        chars: tuple[int, int],
    ) -> None:
        self.unresolved += 1
        node_id = f"{source_id}__unresolved_{key.replace(':', '_')}"
        properties = {
            **provenance(span),
            "text": citation.text,
            "reason": citation.reason or "the act is not identified",
            "charStart": chars[0],
            "charEnd": chars[1],
        }
        self.batch.add_node(NodeRecord("UnresolvedCitation", node_id, properties))
        self.batch.add_edge(
            EdgeRecord(
                "CITES_UNRESOLVED",
                source_label,
                source_id,
                "UnresolvedCitation",
                node_id,
                provenance(span),
                key,
            )
        )

    def add_act(self, citation: Citation) -> str:
        """The cited act as a shared node, with whatever the citation tells about it."""
        act = citation.act
        assert act is not None
        assert act.act_id is not None
        self.batch.add_node(
            NodeRecord(
                "LegalAct",
                act.act_id,
                compact(
                    {
                        "kind": act.kind,
                        "issuers": list(act.issuers) or None,
                        "number": act.number,
                        "date": act.date,
                        # A code is cited by its name alone («Налогового кодекса»): its
                        # title is the one the list of legal terms holds.
                        "title": act.title or code_title(act.act_id),
                        "shortTitle": act.short_name,
                    }
                ),
                owned=False,
            )
        )
        return act.act_id

    def add_provision_chain(self, act_id: str, e_id: str, citation: Citation) -> str:
        """The provision and its ancestors, each `PART_OF` the next larger unit, up to the act."""
        segments = e_id.split("__")
        parent_label, parent_id = "LegalAct", act_id
        provision_id = act_id
        for depth in range(1, len(segments) + 1):
            partial = "__".join(segments[:depth])
            provision_id = f"{act_id}#{partial}"
            unit_type, number, label = _unit_label(partial, citation)
            self.batch.add_node(
                NodeRecord(
                    "Provision",
                    provision_id,
                    compact(
                        {
                            "actId": act_id,
                            "eId": partial,
                            "unitType": unit_type,
                            "number": number,
                            "label": label,
                        }
                    ),
                    owned=False,
                )
            )
            self.batch.add_edge(
                EdgeRecord("PART_OF", "Provision", provision_id, parent_label, parent_id)
            )
            parent_label, parent_id = "Provision", provision_id
        return provision_id
