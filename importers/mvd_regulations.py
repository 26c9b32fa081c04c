"""Acts that approve procedure regulations: of the МВД (the first read), of any state body.

The source is a Word document flattened to text: the act (heading, preamble, points, signatory,
agreed-with bodies; read by `importers.acts` for any issuer in the table of state bodies), then
each approved regulation after its «УТВЕРЖДЕНО» stamp, with an application form in an annex for
some. `parse_mvd_resolution` reads all of it into an `MvdResolution` or raises a `DocumentError`
naming the line where the text departs from that shape.

    resolution = parse_mvd_resolution(SourceDocument.read(path))
    resolution.regulation("15.4.1").fee.amount  # Decimal("5")
"""

from __future__ import annotations

from collections.abc import Sequence

from importers.acts import ActHead, heading_body, is_wrapper
from importers.base import SourceDocument, clean
from importers.regulation_records import (
    ActKind,
    ApprovedRegulation,
    MvdResolution,
    Regulation,
)
from importers.regulation_sections import read_regulation
from importers.regulation_text import Source
from lexgraph.state_bodies import BodyKind

__all__ = ["looks_like_mvd_resolution", "parse_mvd_resolution"]

APPROVED_STAMP = "УТВЕРЖДЕНО"
_KINDS = {
    BodyKind.MINISTRY: ActKind.MINISTRY_RESOLUTION,
    BodyKind.STATE_COMMITTEE: ActKind.STATE_COMMITTEE_RESOLUTION,
    BodyKind.COUNCIL_OF_MINISTERS: ActKind.COUNCIL_OF_MINISTERS_RESOLUTION,
    BodyKind.EXECUTIVE_COMMITTEE: ActKind.EXECUTIVE_COMMITTEE_DECISION,
}


def looks_like_mvd_resolution(document: SourceDocument) -> bool:
    """Whether `document` is an act of a known state body approving procedure regulations (for
    routing): its heading names the body (after a publisher's header, if any), and a
    «РЕГЛАМЕНТ» stands under an «УТВЕРЖДЕНО» stamp."""
    lines = [clean(line) for line in document.lines]
    texts = (line for line in lines[:400] if line)
    first = next((line for line in texts if not is_wrapper(line)), "")
    return heading_body(first) is not None and "РЕГЛАМЕНТ" in lines and APPROVED_STAMP in lines


def parse_mvd_resolution(document: SourceDocument) -> MvdResolution:
    """Read the resolution and every regulation it approves; `DocumentError` if any part is off."""
    source = Source(document)
    paragraphs = source.paragraphs
    stamps = [i for i, p in enumerate(paragraphs) if p.text == APPROVED_STAMP]
    if not stamps:
        raise source.error(
            None, "a regulation approved by the resolution («УТВЕРЖДЕНО»)", "no «УТВЕРЖДЕНО»"
        )
    preamble = ActHead(source, paragraphs[: stamps[0]])
    body = preamble.body
    stamp = f"{body.act_word[1]} {body.genitive}"
    regulations: list[Regulation] = []
    for start, stop in zip(stamps, [*stamps[1:], len(paragraphs)], strict=True):
        regulation = read_regulation(
            source,
            paragraphs[start:stop],
            (preamble.date.strftime("%d.%m.%Y"), preamble.number),
            stamp,
        )
        earlier = next(
            (r for r in regulations if r.procedure_number == regulation.procedure_number), None
        )
        if earlier is not None:
            raise source.error(
                regulation.span.line_start,
                "a regulation of a procedure not approved before",
                f"procedure {regulation.procedure_number} again "
                f"(first at line {earlier.span.line_start})",
            )
        regulations.append(regulation)
    _check_approved(source, preamble.approved, regulations)
    return MvdResolution(
        kind=_KINDS[body.kind],
        issuer=body.nominative,
        date=preamble.date,
        number=preamble.number,
        title=preamble.title,
        legal_basis=preamble.basis,
        approved=preamble.approved,
        unified_list=preamble.unified_list,
        repealed=preamble.repealed,
        entry_into_force=preamble.entry_into_force,
        signatory=preamble.signatory,
        agreed_with=preamble.agreed_with,
        regulations=tuple(regulations),
        span=source.span(1, paragraphs[stamps[0] - 1].line_end),
        ignored=source.ignored,
        body=body,
        registration=preamble.registration,
        amendments=preamble.amendments,
        wrapper=tuple(preamble.wrapper),
        heading_span=source.span_of(preamble.heading),
    )


def _check_approved(
    source: Source, approved: Sequence[ApprovedRegulation], regulations: Sequence[Regulation]
) -> None:
    """Point 1 lists the regulations that follow, in order and by the same titles."""
    for item, regulation in zip(approved, regulations, strict=False):
        if (item.procedure_number, item.title) != (regulation.procedure_number, regulation.title):
            raise source.error(
                regulation.span.line_start,
                f"the regulation of {item.procedure_number} «{item.title}» (point 1, line "
                f"{item.span.line_start})",
                f"{regulation.procedure_number} «{regulation.title}»",
            )
    if len(approved) != len(regulations):
        raise source.error(
            None,
            f"{len(approved)} regulations, as point 1 approves",
            f"{len(regulations)} regulations",
        )
