"""Resolutions of the Ministry of Internal Affairs (МВД) that approve procedure regulations.

The source is a Word document flattened to text: the resolution (heading, preamble, points,
signatory, agreed-with bodies), then each approved regulation after its «УТВЕРЖДЕНО» stamp, with an
application form in an annex for some. `parse_mvd_resolution` reads all of it into an
`MvdResolution` or raises a `DocumentError` naming the line where the text departs from that shape.

    resolution = parse_mvd_resolution(SourceDocument.read(path))
    resolution.regulation("15.4.1").fee.amount  # Decimal("5")
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from importers.base import SourceDocument, clean
from importers.regulation_records import (
    ActKind,
    AgreedBody,
    ApprovedRegulation,
    Footnote,
    LegalReference,
    MvdResolution,
    Regulation,
    RepealedAct,
    Signatory,
    UnifiedListReference,
)
from importers.regulation_sections import read_regulation
from importers.regulation_tables import is_separator
from importers.regulation_text import (
    SEPARATOR,
    Paragraph,
    Source,
    parse_footnote,
    quote,
    strip_list_end,
    word_date,
)

__all__ = ["looks_like_mvd_resolution", "parse_mvd_resolution"]

HEADING = "ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ БЕЛАРУСЬ"
ISSUER = "Министерство внутренних дел Республики Беларусь"
APPROVED_STAMP = "УТВЕРЖДЕНО"

_DATE_NUMBER = re.compile(r"^(\d{1,2} \w+ \d{4} г\.) № (\S+)$")
_BASIS = re.compile(
    r"^На основании (.+), Министерство внутренних дел Республики Беларусь ПОСТАНОВЛЯЕТ:$"
)
# The preamble's references are joined by commas; a new one starts at a structural unit or an act
# in the genitive («подпункта 9.4 …»), while «, утвержденного Указом …» continues the previous one.
_BASIS_SPLIT = re.compile(
    r", (?=(?:абзаца|части|пункта|подпункта|статьи|Указа|Декрета|Закона|постановления) )"
)
_APPROVED = re.compile(
    r"^Регламент административной процедуры, осуществляемой в отношении субъектов "
    r"хозяйствования, по подпункту(\d)? (\d+(?:\.\d+)+) «(.+)» \(прилагается\)[;.]$"
)
_UNIFIED_LIST = re.compile(
    r"утвержденного (постановлением Совета Министров Республики Беларусь от "
    r"\d{1,2} \w+ \d{4} г\. № (\d+))"
)
_REPEAL = re.compile(r"^\d+\. Признать утратившим силу (.+)$")
_ACT_NUMBER = re.compile(r"№ (\S+) «(.+)»")
_IN_FORCE = re.compile(r"^\d+\. Настоящее постановление вступает в силу с (.+)$")
_INITIALS_NAME = re.compile(r"^[А-ЯЁ]\.[А-ЯЁ]\. ?[А-ЯЁ][а-яё-]+$")


def looks_like_mvd_resolution(document: SourceDocument) -> bool:
    """Whether `document` is an МВД resolution approving procedure regulations (for routing)."""
    lines = (clean(line) for line in document.text.split("\n", 200)[:200])
    first = next((line for line in lines if line), "")
    return first == HEADING and "\nРЕГЛАМЕНТ\n" in document.text and APPROVED_STAMP in document.text


def parse_mvd_resolution(document: SourceDocument) -> MvdResolution:
    """Read the resolution and every regulation it approves; `DocumentError` if any part is off."""
    source = Source(document)
    paragraphs = source.paragraphs
    stamps = [i for i, p in enumerate(paragraphs) if p.text == APPROVED_STAMP]
    if not stamps:
        raise source.error(
            None, "a regulation approved by the resolution («УТВЕРЖДЕНО»)", "no «УТВЕРЖДЕНО»"
        )
    preamble = _Preamble(source, paragraphs[: stamps[0]])
    regulations: list[Regulation] = []
    for start, stop in zip(stamps, [*stamps[1:], len(paragraphs)], strict=True):
        regulation = read_regulation(
            source, paragraphs[start:stop], (preamble.date.strftime("%d.%m.%Y"), preamble.number)
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
        kind=ActKind.MINISTRY_RESOLUTION,
        issuer=ISSUER,
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


class _Preamble:
    """The resolution up to its first «УТВЕРЖДЕНО», read paragraph by paragraph, in order."""

    def __init__(self, source: Source, paragraphs: Sequence[Paragraph]) -> None:
        self.source = source
        self.cells = [p for p in paragraphs if not p.is_empty]
        self.end_line = paragraphs[-1].line_end if paragraphs else 1
        self.at = 0
        heading = self._take("the heading «" + HEADING + "»", lambda t: t == HEADING)
        self.heading = heading
        dated = self._take("the date and number «19 мая 2023 г. № 102»", _DATE_NUMBER.match)
        match = _DATE_NUMBER.match(dated.text)
        assert match is not None
        found = word_date(match[1])
        if found is None:
            raise source.error(dated.line_start, "a date «19 мая 2023 г.»", quote(dated.text))
        self.date, self.number = found, match[2]
        self.title = self._take("the title", lambda t: not t.startswith("На основании")).text
        self.basis = self._basis()
        self._take("point «1. Утвердить:»", lambda t: t == "1. Утвердить:")
        self.approved = self._approved()
        self.unified_list = self._unified_list()
        self.repealed = self._repealed()
        self.entry_into_force = self._entry_into_force()
        self.signatory = self._signatory()
        self.agreed_with = self._agreed_with()

    def _peek(self) -> Paragraph | None:
        return self.cells[self.at] if self.at < len(self.cells) else None

    def _take(self, expected: str, test: Callable[[str], object]) -> Paragraph:
        paragraph = self._peek()
        if paragraph is None or not test(paragraph.text):
            raise self.source.error_at(paragraph, expected, self.end_line)
        self.at += 1
        return paragraph

    def _basis(self) -> tuple[LegalReference, ...]:
        paragraph = self._take("the preamble «На основании … ПОСТАНОВЛЯЕТ:»", _BASIS.match)
        match = _BASIS.match(paragraph.text)
        assert match is not None
        span = self.source.span_of(paragraph)
        return tuple(LegalReference(part, span) for part in _BASIS_SPLIT.split(match[1]))

    def _approved(self) -> tuple[ApprovedRegulation, ...]:
        found: list[ApprovedRegulation] = []
        while (paragraph := self._peek()) is not None and not is_separator(paragraph):
            match = _APPROVED.match(paragraph.text)
            if match is None:
                raise self.source.error_at(
                    paragraph, "«Регламент административной процедуры … (прилагается);»", 0
                )
            found.append(ApprovedRegulation(match[2], match[3], self.source.span_of(paragraph)))
            self.at += 1
        if not found:
            raise self.source.error_at(paragraph, "the regulations point 1 approves", self.end_line)
        return tuple(found)

    def _unified_list(self) -> UnifiedListReference:
        self._take("the footnote line «______»", SEPARATOR.match)
        paragraph = self._take("footnote 1 on the unified list", lambda t: t.startswith("1 "))
        marker, text = parse_footnote(self.source, paragraph)
        match = _UNIFIED_LIST.search(text)
        reference = word_date(match[1]) if match else None
        if match is None or reference is None:
            raise self.source.error_at(
                paragraph, "the unified list «утвержденного постановлением Совета Министров …»", 0
            )
        span = self.source.span_of(paragraph)
        return UnifiedListReference(
            match[1], reference, match[2], Footnote(marker, text, span), span
        )

    def _repealed(self) -> tuple[RepealedAct, ...]:
        paragraph = self._peek()
        match = _REPEAL.match(paragraph.text) if paragraph is not None else None
        if paragraph is None or match is None:
            return ()
        self.at += 1
        text = strip_list_end(match[1])
        number = _ACT_NUMBER.search(text)
        when = word_date(text)
        if number is None or when is None:
            raise self.source.error_at(paragraph, "a repealed act «… от D M YYYY г. № N «…»»", 0)
        return (RepealedAct(text, when, number[1], number[2], self.source.span_of(paragraph)),)

    def _entry_into_force(self) -> date:
        paragraph = self._take("«N. Настоящее постановление вступает в силу с …»", _IN_FORCE.match)
        when = word_date(paragraph.text)
        if when is None:
            raise self.source.error_at(paragraph, "a date of entry into force", 0)
        return when

    def _signatory(self) -> Signatory:
        position = self._take("the signatory's position «Министр»", lambda t: bool(t))
        name = self._take("the signatory's name «И.В.Кубраков»", _INITIALS_NAME.match)
        lines = [line for line in position.lines if line]
        return Signatory(
            position=lines[0],
            rank=" ".join(lines[1:]) or None,
            name=name.text,
            span=self.source.span_of(position, name),
        )

    def _agreed_with(self) -> tuple[AgreedBody, ...]:
        if self._peek() is None:
            return ()
        self._take("«СОГЛАСОВАНО»", lambda t: t == "СОГЛАСОВАНО")
        bodies = [AgreedBody(p.text, self.source.span_of(p)) for p in self.cells[self.at :]]
        if not bodies:
            raise self.source.error(self.end_line, "the bodies under «СОГЛАСОВАНО»", "none")
        return tuple(bodies)
