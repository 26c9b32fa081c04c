"""Graph records of a ministry resolution approving procedure regulations (seed 004's type).

Pure: `MvdResolution` (from `mvd_regulations`) in, `GraphBatch` out. The node and edge names are
those of `schema/model.md`.
"""

from __future__ import annotations

from typing import Any

from importers.base import Span
from importers.graph_common import (
    CitationLinker,
    add_authority,
    add_registry,
    compact,
    provenance,
    source_document_id,
)
from importers.regulation_records import (
    Apostille,
    MvdResolution,
    ObtainedInformation,
    Regulation,
    RequestedInformation,
    SourceKind,
    ValidityUnit,
)
from lexgraph.citations import CitationContext, act_id, parse_citations
from lexgraph.graph.records import EdgeRecord, GraphBatch, NodeRecord

RESOLUTION_KIND = "resolution"


def act_kind(resolution: MvdResolution) -> str:
    """The act's kind as in act ids: `resolution`, `cm_resolution` or `decision`."""
    return resolution.body.act_kind if resolution.body is not None else RESOLUTION_KIND


def resolution_act_id(resolution: MvdResolution) -> str:
    """`by/{kind}/{issuer slug}/{date}/{number}`, the slug from the table of state bodies."""
    issuer = (
        resolution.body.genitive
        if resolution.body is not None
        else resolution.issuer.replace("Министерство", "Министерства", 1)
    )
    found = act_id(
        act_kind(resolution),
        date=resolution.date,
        number=resolution.number,
        issuers=(issuer,),
        issuer_slugs=(resolution.body.slug,) if resolution.body is not None else (),
    )
    if found is None:
        raise ValueError(f"cannot identify the resolution {resolution.number}")
    return found


def regulation_id(act: str, procedure_number: str) -> str:
    return f"{act}#procedure_regulation_{procedure_number}"


def procedure_id(number: str) -> str:
    return f"procedure/{number}"


def build_mvd_resolution(
    resolution: MvdResolution, *, checksum: str, line_count: int
) -> GraphBatch:
    """Every fact of the resolution and its regulations as graph records."""
    act = resolution_act_id(resolution)
    document = source_document_id(resolution.span.document)
    batch = GraphBatch(document)
    batch.add_node(
        NodeRecord(
            "SourceDocument",
            document,
            {
                "name": resolution.span.document,
                "kind": "mvd_regulations",
                "checksum": checksum,
                "lineCount": line_count,
                "sourceDocument": document,
            },
        )
    )
    batch.ignored.extend(
        f"line {item.line} left out, {item.reason}: «{item.text}»" for item in resolution.ignored
    )
    linker = CitationLinker(batch, CitationContext(document_id=act))
    _add_resolution(batch, linker, resolution, act)
    unified_list = _unified_list_act(linker, resolution)
    approved = {item.procedure_number: item.span for item in resolution.approved}
    for regulation in resolution.regulations:
        linker.context = CitationContext(
            acts=linker.context.acts,
            annexes=linker.context.annexes,
            document_id=act,
            document_annex=("procedure_regulation", regulation.procedure_number),
        )
        _add_regulation(
            batch, linker, act, regulation, unified_list, approved.get(regulation.procedure_number)
        )
    return batch


def _add_resolution(
    batch: GraphBatch, linker: CitationLinker, resolution: MvdResolution, act: str
) -> None:
    batch.add_node(
        NodeRecord(
            "LegalAct",
            act,
            {
                "kind": act_kind(resolution),
                "issuers": [resolution.issuer],
                **_stated_on_act(resolution),
                "number": resolution.number,
                "date": resolution.date,
                "adoptedOn": resolution.date,
                "title": resolution.title,
                "inForceFrom": resolution.entry_into_force,
                "status": "in_force",
                "onlyCited": False,
                **provenance(resolution.span),
            },
            owned=False,
        )
    )
    _add_amendments(batch, linker, resolution, act)
    issuer = add_authority(batch, resolution.issuer)
    heading = resolution.heading_span or resolution.span
    batch.add_edge(
        EdgeRecord("ISSUED_BY", "LegalAct", act, "Authority", issuer, provenance(heading))
    )
    for body in resolution.agreed_with:
        agreed = add_authority(batch, body.name)
        batch.add_edge(
            EdgeRecord("AGREED_WITH", "LegalAct", act, "Authority", agreed, provenance(body.span))
        )
    for position, basis in enumerate(resolution.legal_basis, start=1):
        linker.link(
            "LegalAct",
            act,
            basis.text,
            basis.span,
            field_name=f"legalBasis{position}",
            edge_type="BASED_ON",
            extra={"position": position},
            at=basis.at,
        )
    for repealed in resolution.repealed:
        for citation in parse_citations(repealed.text, context=linker.context):
            if citation.kind != "act" or citation.act_id is None:
                continue
            repealed_id = linker.add_act(citation)
            batch.add_node(
                NodeRecord(
                    "LegalAct",
                    repealed_id,
                    {"status": "repealed", "repealedOn": resolution.entry_into_force},
                    owned=False,
                )
            )
            batch.add_edge(
                EdgeRecord(
                    "REPEALS",
                    "LegalAct",
                    act,
                    "LegalAct",
                    repealed_id,
                    {
                        **provenance(repealed.span),
                        "text": repealed.text,
                        "effectiveOn": resolution.entry_into_force,
                    },
                )
            )


def _stated_on_act(resolution: MvdResolution) -> dict[str, Any]:
    """The signatory, the register entry and the amending acts, as properties of the act."""
    signatory = resolution.signatory
    registration = resolution.registration
    return compact(
        {
            "signedBy": signatory.name,
            "signedByPosition": " ".join(filter(None, (signatory.position, signatory.rank))),
            "registerNumber": registration.number if registration is not None else None,
            "registeredOn": registration.date if registration is not None else None,
            "amendedBy": [a.text for a in resolution.amendments] or None,
        }
    )


def _add_amendments(
    batch: GraphBatch, linker: CitationLinker, resolution: MvdResolution, act: str
) -> None:
    """An «Изменения и дополнения:» entry the citation grammar identifies: an `AMENDED_BY` edge."""
    for position, amending in enumerate(resolution.amendments, start=1):
        target = next(
            (
                c
                for c in parse_citations(amending.text, context=linker.context)
                if c.kind == "act" and c.act_id is not None
            ),
            None,
        )
        if target is None:
            continue
        amending_id = linker.add_act(target)
        if amending.register_number is not None:
            batch.add_node(
                NodeRecord(
                    "LegalAct",
                    amending_id,
                    {"registerNumber": amending.register_number},
                    owned=False,
                )
            )
        batch.add_edge(
            EdgeRecord(
                "AMENDED_BY",
                "LegalAct",
                act,
                "LegalAct",
                amending_id,
                {
                    **provenance(amending.span),
                    "position": position,
                    "text": amending.text,
                    "date": amending.date,
                    "number": amending.number,
                },
            )
        )


def _unified_list_act(linker: CitationLinker, resolution: MvdResolution) -> str | None:
    reference = resolution.unified_list
    if reference is None:
        return None
    for citation in parse_citations(reference.text, context=linker.context):
        if citation.act_id is not None:
            return linker.add_act(citation)
    return None


def _add_regulation(
    batch: GraphBatch,
    linker: CitationLinker,
    act: str,
    regulation: Regulation,
    unified_list: str | None,
    approved: Span | None,
) -> None:
    """The regulation and its facts; `approved` is the item of point 1 approving it."""
    number = regulation.procedure_number
    reg_id = regulation_id(act, number)
    proc_id = procedure_id(number)
    span = regulation.span
    batch.add_node(
        NodeRecord(
            "Procedure",
            proc_id,
            compact(
                {
                    "number": number,
                    "title": regulation.title,
                    "subjects": [s.value for s in regulation.subjects] or None,
                }
            ),
            owned=False,
        )
    )
    batch.add_node(
        NodeRecord(
            "Regulation",
            reg_id,
            compact(
                {
                    "procedureNumber": number,
                    "title": f"Регламент административной процедуры по подпункту {number}",
                    "procedureTitle": regulation.title,
                    "competentAuthorityText": regulation.competent_authority.name,
                    "otherActions": [a.text for a in regulation.other_actions] or None,
                    "notes": [n.text for n in regulation.notes] or None,
                    **provenance(span),
                }
            ),
        )
    )
    # Each statement at its own lines: the act approves the regulation in point 1, the regulation's
    # title names the procedure it regulates.
    batch.add_edge(
        EdgeRecord("APPROVES", "LegalAct", act, "Regulation", reg_id, provenance(approved or span))
    )
    title = regulation.title_span or span
    batch.add_edge(
        EdgeRecord("REGULATES", "Regulation", reg_id, "Procedure", proc_id, provenance(title))
    )
    if unified_list is not None:
        batch.add_edge(
            EdgeRecord(
                "LISTED_IN",
                "Procedure",
                proc_id,
                "LegalAct",
                unified_list,
                {**provenance(span), "subpoint": number},
            )
        )
    authority = add_authority(batch, regulation.competent_authority.name)
    batch.add_edge(
        EdgeRecord(
            "HANDLED_BY",
            "Procedure",
            proc_id,
            "Authority",
            authority,
            provenance(regulation.competent_authority.span),
        )
    )
    for position, basis in enumerate(regulation.legal_basis, start=1):
        linker.link(
            "Regulation",
            reg_id,
            basis.text,
            basis.span,
            field_name=f"legalBasis{position}",
            edge_type="GOVERNED_BY",
            extra={"position": position},
            at=basis.at,
        )
    for note_index, note in enumerate(regulation.notes, start=1):
        linker.link("Regulation", reg_id, note.text, note.span, field_name=f"note{note_index}")
    _add_features(batch, linker, act, reg_id, regulation)
    _add_documents(batch, linker, reg_id, regulation)
    _add_requested(batch, linker, reg_id, regulation)
    _add_results(batch, linker, reg_id, regulation)


def _add_features(
    batch: GraphBatch, linker: CitationLinker, act: str, reg_id: str, regulation: Regulation
) -> None:
    for feature in regulation.features:
        regulation_segment = f"procedure_regulation_{regulation.procedure_number}"
        e_id = f"{regulation_segment}__point_1__subpoint_{feature.number}"
        feature_id = f"{act}#{e_id}"
        batch.add_node(
            NodeRecord(
                "Provision",
                feature_id,
                {
                    "actId": act,
                    "eId": e_id,
                    "unitType": "subpoint",
                    "number": feature.number,
                    "label": f"подпункт {feature.number}",
                    "text": feature.text,
                    "subjects": [s.value for s in feature.subjects],
                    **provenance(feature.span),
                },
            )
        )
        batch.add_edge(
            EdgeRecord(
                "HAS_FEATURE",
                "Regulation",
                reg_id,
                "Provision",
                feature_id,
                provenance(feature.span),
            )
        )
        linker.link("Provision", feature_id, feature.text, feature.span, field_name="text")


def _add_documents(
    batch: GraphBatch, linker: CitationLinker, reg_id: str, regulation: Regulation
) -> None:
    for position, document in enumerate(regulation.documents, start=1):
        node_id = f"{reg_id}__document_{position}"
        submission = document.submission
        batch.add_node(
            NodeRecord(
                "DocumentRequirement",
                node_id,
                compact(
                    {
                        "position": position,
                        "name": document.name,
                        "alternatives": list(document.alternatives),
                        "requirements": document.requirements,
                        "submissionLines": list(submission.lines),
                        "channels": [c.value for c in submission.channels],
                        "writtenForm": submission.written,
                        "electronicText": submission.electronic,
                        "submissionCell": submission.cell.value,
                        "apostille": document.apostille.value,
                        # The group heading («при регистрации …») and the name's own condition
                        # («– при въезде членов семьи») both apply; `conditions` keeps them apart.
                        "condition": "; ".join(document.conditions) or None,
                        "conditions": list(document.conditions),
                        "notes": [n.text for n in (*document.notes, *submission.notes)],
                        **provenance(document.span),
                    }
                ),
            )
        )
        batch.add_edge(
            EdgeRecord(
                "REQUIRES",
                "Regulation",
                reg_id,
                "DocumentRequirement",
                node_id,
                {**provenance(document.span), "position": position},
            )
        )
        texts = {"name": document.name, "requirements": document.requirements}
        for index, note in enumerate((*document.notes, *submission.notes)):
            texts[f"note{index + 1}"] = note.text
        for field_name, text in texts.items():
            if text:
                linker.link(
                    "DocumentRequirement", node_id, text, document.span, field_name=field_name
                )


def _add_requested(
    batch: GraphBatch, linker: CitationLinker, reg_id: str, regulation: Regulation
) -> None:
    for position, info in enumerate(regulation.requested_information, start=1):
        node_id = f"{reg_id}__requested_{position}"
        batch.add_node(
            NodeRecord(
                "RequestedInformation",
                node_id,
                compact(
                    {
                        "position": position,
                        "name": info.name,
                        "sourceText": info.source,
                        "sourceKind": info.source_kind.value,
                        "condition": info.condition,
                        "notes": [n.text for n in info.notes],
                        **provenance(info.span),
                    }
                ),
            )
        )
        batch.add_edge(
            EdgeRecord(
                "REQUESTS",
                "Regulation",
                reg_id,
                "RequestedInformation",
                node_id,
                {**provenance(info.span), "position": position},
            )
        )
        _requested_from(batch, node_id, info.source_kind, info.source, info)
        linker.link("RequestedInformation", node_id, info.name, info.span, field_name="name")
        for index, note in enumerate(info.notes, start=1):
            linker.link(
                "RequestedInformation", node_id, note.text, info.span, field_name=f"note{index}"
            )
    _add_obtained(batch, linker, reg_id, regulation)


def _add_obtained(
    batch: GraphBatch, linker: CitationLinker, reg_id: str, regulation: Regulation
) -> None:
    """What the special features say the authority obtains itself, after the table's rows."""
    position = len(regulation.requested_information)
    for feature in regulation.features:
        obtained = feature.obtained
        if obtained is None:
            continue
        position += 1
        node_id = f"{reg_id}__requested_subpoint_{feature.number}"
        batch.add_node(
            NodeRecord(
                "RequestedInformation",
                node_id,
                compact(
                    {
                        "position": position,
                        "name": obtained.name,
                        "subpoint": feature.number,
                        "sourceKind": obtained.source_kind.value if obtained.source_kind else None,
                        "uncertainty": obtained.uncertain,
                        "notes": [],
                        **provenance(obtained.span),
                    }
                ),
            )
        )
        batch.add_edge(
            EdgeRecord(
                "REQUESTS",
                "Regulation",
                reg_id,
                "RequestedInformation",
                node_id,
                {**provenance(obtained.span), "position": position},
            )
        )
        if obtained.source_kind is not None:
            _requested_from(batch, node_id, obtained.source_kind, obtained.source_name, obtained)
        linker.link(
            "RequestedInformation", node_id, obtained.name, obtained.span, field_name="name"
        )


def _requested_from(
    batch: GraphBatch,
    node_id: str,
    kind: SourceKind,
    name: str,
    stated: RequestedInformation | ObtainedInformation,
) -> None:
    if kind is SourceKind.REGISTRY:
        target_label, target = "Registry", add_registry(batch, name)
    else:
        target_label, target = "Authority", add_authority(batch, name)
    batch.add_edge(
        EdgeRecord(
            "REQUESTED_FROM",
            "RequestedInformation",
            node_id,
            target_label,
            target,
            {**provenance(stated.span), "text": stated.source},
        )
    )


def _validity(unit: ValidityUnit, amount: int | None) -> str:
    return "unlimited" if unit is ValidityUnit.UNLIMITED else f"{amount} {unit.value}"


def _add_results(
    batch: GraphBatch, linker: CitationLinker, reg_id: str, regulation: Regulation
) -> None:
    for position, issued in enumerate(regulation.issued_documents, start=1):
        node_id = f"{reg_id}__issued_{position}"
        batch.add_node(
            NodeRecord(
                "IssuedDocument",
                node_id,
                {
                    "position": position,
                    "name": issued.name,
                    "form": issued.form,
                    "validityText": [v.text for v in issued.validity],
                    "validity": [_validity(v.unit, v.amount) for v in issued.validity],
                    "validityConditions": [v.condition or "" for v in issued.validity],
                    **provenance(issued.span),
                },
            )
        )
        batch.add_edge(
            EdgeRecord(
                "ISSUES", "Regulation", reg_id, "IssuedDocument", node_id, provenance(issued.span)
            )
        )
    for action in regulation.other_actions:
        if action.information_system:
            registry = add_registry(batch, action.information_system)
            batch.add_edge(
                EdgeRecord(
                    "RECORDED_IN",
                    "Regulation",
                    reg_id,
                    "Registry",
                    registry,
                    {**provenance(action.span), "text": action.text},
                )
            )
    if regulation.fee is not None:
        fee = regulation.fee
        fee_id = f"{reg_id}__fee"
        batch.add_node(
            NodeRecord(
                "Fee",
                fee_id,
                {
                    "kind": fee.kind,
                    "amountBaseUnits": float(fee.amount),
                    "unit": fee.unit,
                    **provenance(fee.span),
                },
            )
        )
        batch.add_edge(
            EdgeRecord("CHARGES", "Regulation", reg_id, "Fee", fee_id, provenance(fee.span))
        )
        for position, benefit in enumerate(regulation.fee_benefits, start=1):
            benefit_id = f"{reg_id}__benefit_{position}"
            batch.add_node(
                NodeRecord(
                    "Benefit",
                    benefit_id,
                    {"position": position, "text": benefit.text, **provenance(benefit.span)},
                )
            )
            batch.add_edge(
                EdgeRecord(
                    "HAS_BENEFIT", "Fee", fee_id, "Benefit", benefit_id, provenance(benefit.span)
                )
            )
            linker.link("Benefit", benefit_id, benefit.text, benefit.span, field_name="text")
    _add_appeals(batch, reg_id, regulation)
    form = regulation.application_form
    if form is not None:
        form_id = f"{reg_id}__form"
        batch.add_node(
            NodeRecord(
                "Form",
                form_id,
                compact(
                    {
                        "title": form.title,
                        "addresseeHint": form.addressee_hint,
                        "fields": [f.label for f in form.fields],
                        "fieldHints": [f.hint or "" for f in form.fields],
                        **provenance(form.span),
                    }
                ),
            )
        )
        batch.add_edge(
            EdgeRecord("HAS_FORM", "Regulation", reg_id, "Form", form_id, provenance(form.span))
        )
        for position, term in enumerate(form.terms, start=1):
            term_id = f"{form_id}__term_{position}"
            batch.add_node(
                NodeRecord(
                    "Term",
                    term_id,
                    compact(
                        {
                            "position": position,
                            "text": term.text,
                            "what": term.what,
                            "bound": term.bound,
                            "amount": term.amount,
                            "unit": term.unit.value,
                            "countedFrom": term.counted_from,
                            **provenance(term.span),
                        }
                    ),
                )
            )
            batch.add_edge(
                EdgeRecord("PROMISES", "Form", form_id, "Term", term_id, provenance(term.span))
            )


def _add_appeals(batch: GraphBatch, reg_id: str, regulation: Regulation) -> None:
    appeal = regulation.appeal
    rows: list[tuple[dict[str, Any], Span, str | None]] = []
    if appeal.judicial:
        rows.append(({"kind": "judicial", "forms": []}, appeal.span, None))
    for body in appeal.bodies:
        rows.append(
            (
                {
                    "kind": "administrative",
                    "forms": [f.value for f in body.forms],
                    "formText": body.form_text,
                    "bodyName": body.name,
                },
                body.span,
                body.name,
            )
        )
    for position, (properties, span, body_name) in enumerate(rows, start=1):
        appeal_id = f"{reg_id}__appeal_{position}"
        batch.add_node(
            NodeRecord(
                "Appeal", appeal_id, {**properties, "position": position, **provenance(span)}
            )
        )
        batch.add_edge(
            EdgeRecord("HAS_APPEAL", "Regulation", reg_id, "Appeal", appeal_id, provenance(span))
        )
        if body_name is not None:
            authority = add_authority(batch, body_name)
            batch.add_edge(
                EdgeRecord(
                    "HEARS_APPEAL", "Authority", authority, "Appeal", appeal_id, provenance(span)
                )
            )


__all__ = ["Apostille", "build_mvd_resolution", "procedure_id", "regulation_id"]
