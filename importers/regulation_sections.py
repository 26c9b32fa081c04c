"""One procedure regulation: its title, numbered points, tables and annex, read into a `Regulation`.

A regulation's points vary in number and order of presence (10.7.1 has no fee point; 15.2.1 has no
issued-document point and its appeal is judicial, stated in 1.3.7; 15.4.1 has five points), so each
point is recognized by its heading, numbering must run 1, 2, 3 … and the kinds must come in the
order regulations use: features, documents, issued document, other actions, fee, appeal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum

from importers.base import locate
from importers.regulation_annex import read_application_form
from importers.regulation_records import (
    Appeal,
    AppealBody,
    ApplicationForm,
    CompetentAuthority,
    DocumentCondition,
    DocumentRequirement,
    Fee,
    Footnote,
    IssuedDocument,
    LegalReference,
    OtherAction,
    Regulation,
    RegulationNote,
    RequestedInformation,
    SpecialFeature,
    Subject,
)
from importers.regulation_sources import obtained_information
from importers.regulation_tables import (
    APOSTILLE_HEADER,
    APPEAL_HEADER,
    ISSUED_HEADER,
    REQUESTED_HEADER,
    SUBMITTED_HEADER,
    is_separator,
    read_appeal,
    read_issued,
    read_requested,
    read_submitted,
    split_table,
)
from importers.regulation_text import Paragraph, Source, parse_footnote, quote, strip_list_end

_TITLE = re.compile(
    r"^РЕГЛАМЕНТ административной процедуры, осуществляемой в отношении (?:субъектов "
    r"хозяйствования|граждан|граждан и субъектов хозяйствования), по подпункту "
    r"(\d+(?:\.\d+)+) «(.+)»$"
)
_POINT = re.compile(r"^(\d+)\. (.+)$")
_SUBPOINT = re.compile(r"^1\.(\d+)\. (.+)$")
_FEATURE = re.compile(r"^1\.3\.(\d+)\. (.+)$")
_AUTHORITY = re.compile(
    r"^наименование уполномоченного органа \(подведомственность административной процедуры\) "
    r"[–-] (.+)$"
)
_INLINE_FEATURE = re.compile(
    r"^иные имеющиеся особенности осуществления административной процедуры [–-] (.+)$"
)
_SUBJECTS = re.compile(r"^административная процедура осуществляется в отношении (.+)$")
_JUDICIAL = re.compile(r"обжалование административного решения осуществляется в судебном порядке")
_FEE = re.compile(r"[–-] (государственная пошлина) в размере (\d+(?:,\d+)?) базов\w* величин")
_SYSTEM = re.compile(r"информационн\w* систем\w* «([^»]+)»")
_OTHER_ACTIONS = re.compile(
    r"^Иные действия, совершаемые уполномоченным органом по исполнению административного "
    r"решения, [–-] (.+)$"
)
_NOTE_REFERENCE = re.compile(r"документы, предусмотренные (?:в )?(.+)$")
_FOOTNOTE_MARK = re.compile(r"^\*+")


class PointKind(IntEnum):
    """The points of a regulation, in the order they appear when present."""

    FEATURES = 1
    DOCUMENTS = 2
    ISSUED = 3
    OTHER_ACTIONS = 4
    FEE = 5
    APPEAL = 6


_HEADINGS = (
    ("Особенности осуществления административной процедуры", PointKind.FEATURES),
    ("Документы и (или) сведения, необходимые для осуществления", PointKind.DOCUMENTS),
    ("Сведения о справке или ином документе", PointKind.ISSUED),
    ("Иные действия, совершаемые уполномоченным органом", PointKind.OTHER_ACTIONS),
    ("Вид и размер платы", PointKind.FEE),
    ("Порядок подачи (отзыва) административной жалобы", PointKind.APPEAL),
)


@dataclass(frozen=True, slots=True)
class _Point:
    kind: PointKind
    heading: Paragraph
    body: list[Paragraph]
    end_line: int


@dataclass(slots=True)
class _Documents:
    documents: list[DocumentRequirement]
    conditions: list[DocumentCondition]
    notes: list[RegulationNote]
    requested: list[RequestedInformation]
    footnotes: list[Footnote]


def read_regulation(
    source: Source,
    block: Sequence[Paragraph],
    approval: tuple[str, str],
    stamp_prefix: str = "Постановление Министерства внутренних дел Республики Беларусь",
) -> Regulation:
    """The regulation in `block` (from «УТВЕРЖДЕНО» to the next one); `approval` is the act's
    (date «19.05.2023», number) that the approval stamp («Постановление <issuer>») must repeat."""
    cells = [p for p in block if not p.is_empty]
    end_line = block[-1].line_end
    stamp = cells[1] if len(cells) > 1 else None
    expected_stamp = f"{stamp_prefix} {approval[0]} № {approval[1]}"
    if stamp is None or stamp.text != expected_stamp:
        raise source.error_at(stamp, f"the approval stamp «{expected_stamp}»", end_line)
    title = cells[2] if len(cells) > 2 else None
    match = _TITLE.match(title.text) if title is not None else None
    if title is None or match is None:
        raise source.error_at(
            title,
            "the regulation title «РЕГЛАМЕНТ административной процедуры … по подпункту N «…»»",
            end_line,
        )
    number, name = match[1], match[2]
    body = list(block[block.index(title) + 1 :])
    annex_at = next(
        (
            i
            for i, p in enumerate(body[:-1])
            if p.text == "Приложение" and _next_text(body, i).startswith("к Регламенту")
        ),
        None,
    )
    annex: ApplicationForm | None = None
    if annex_at is not None:
        annex = read_application_form(source, body[annex_at:], number)
        body = body[:annex_at]
    points = _points(source, body, title)

    features_point = points[PointKind.FEATURES]
    authority, basis, features = _read_features(source, features_point)
    documents = _read_documents(source, points[PointKind.DOCUMENTS])
    issued: list[IssuedDocument] = []
    actions: list[OtherAction] = []
    if PointKind.ISSUED in points:
        issued, actions = _read_issued(source, points[PointKind.ISSUED])
    if PointKind.OTHER_ACTIONS in points:
        point = points[PointKind.OTHER_ACTIONS]
        _expect_empty(source, point.body, "the next point", point.end_line)
        actions.append(_other_action(source, point.heading, point.heading.text))
    fee: Fee | None = None
    benefits: list[LegalReference] = []
    if PointKind.FEE in points:
        fee, benefits = _read_fee(source, points[PointKind.FEE])
    appeal = _appeal(source, points.get(PointKind.APPEAL), features, title)
    return Regulation(
        procedure_number=number,
        title=name,
        competent_authority=authority,
        legal_basis=tuple(basis),
        features=tuple(features),
        documents=tuple(documents.documents),
        conditions=tuple(documents.conditions),
        notes=tuple(documents.notes),
        requested_information=tuple(documents.requested),
        issued_documents=tuple(issued),
        other_actions=tuple(actions),
        fee=fee,
        fee_benefits=tuple(benefits),
        appeal=appeal,
        application_form=annex,
        footnotes=tuple(documents.footnotes),
        span=source.span(block[0].line_start, end_line),
        title_span=source.span_of(title),
    )


def _next_text(paragraphs: Sequence[Paragraph], index: int) -> str:
    following = (p for p in paragraphs[index + 1 :] if not p.is_empty)
    return next((p.text for p in following), "")


def _points(source: Source, body: list[Paragraph], title: Paragraph) -> dict[PointKind, _Point]:
    starts = [i for i, p in enumerate(body) if _POINT.match(p.text)]
    first_text = next((p for p in body if not p.is_empty), None)
    if not starts or first_text is not body[starts[0]]:
        raise source.error_at(first_text, "point «1. Особенности осуществления …»", title.line_end)
    points: dict[PointKind, _Point] = {}
    previous: PointKind | None = None
    for order, start in enumerate(starts, start=1):
        heading = body[start]
        match = _POINT.match(heading.text)
        assert match is not None
        kind = next((k for prefix, k in _HEADINGS if match[2].startswith(prefix)), None)
        if int(match[1]) != order:
            raise source.error(
                heading.line_start, f"point {order}", f"point {match[1]}: {quote(heading.text)}"
            )
        if kind is None:
            raise source.error(heading.line_start, "a known point heading", quote(heading.text))
        if previous is None and kind is not PointKind.FEATURES:
            raise source.error(
                heading.line_start, "point 1 «Особенности осуществления …»", quote(heading.text)
            )
        if previous is PointKind.FEATURES and kind is not PointKind.DOCUMENTS:
            raise source.error(
                heading.line_start, "point 2 «Документы и (или) сведения …»", quote(heading.text)
            )
        if previous is not None and kind <= previous:
            raise source.error(
                heading.line_start,
                f"a point that may follow the {previous.name.lower()} point",
                quote(heading.text),
            )
        stop = starts[order] if order < len(starts) else len(body)
        end_line = body[stop - 1].line_end
        points[kind] = _Point(kind, heading, body[start + 1 : stop], end_line)
        previous = kind
    if PointKind.DOCUMENTS not in points:
        last = points[PointKind.FEATURES]
        raise source.error(
            last.end_line, "point 2 «Документы и (или) сведения …»", "the end of the regulation"
        )
    return points


def _read_features(
    source: Source, point: _Point
) -> tuple[CompetentAuthority, list[LegalReference], list[SpecialFeature]]:
    cells = [p for p in point.body if not p.is_empty]
    subs = [(i, m) for i, p in enumerate(cells) if (m := _SUBPOINT.match(p.text))]
    for order, (index, match) in enumerate(subs, start=1):
        if int(match[1]) != order or order > 3 or (order == 1 and index != 0):
            raise source.error(
                cells[index].line_start, f"subpoint 1.{min(order, 3)}", quote(cells[index].text)
            )
    if not subs:
        raise source.error_at(
            cells[0] if cells else None,
            "subpoint «1.1. наименование уполномоченного органа …»",
            point.end_line,
        )
    if len(subs) < 2:
        raise source.error_at(
            cells[1] if len(cells) > 1 else None,
            "subpoint «1.2. нормативные правовые акты …»",
            point.end_line,
        )
    first = cells[subs[0][0]]
    authority = _AUTHORITY.match(subs[0][1][2])
    if authority is None:
        raise source.error_at(first, "1.1. наименование уполномоченного органа … – …", 0)
    competent = CompetentAuthority(strip_list_end(authority[1]), source.span_of(first))
    basis_end = subs[2][0] if len(subs) > 2 else len(cells)
    basis = [
        _reference(source, strip_list_end(p.text), p) for p in cells[subs[1][0] + 1 : basis_end]
    ]
    if not basis:
        raise source.error_at(
            cells[basis_end] if basis_end < len(cells) else None,
            "the acts listed under 1.2",
            point.end_line,
        )
    features: list[SpecialFeature] = []
    if len(subs) > 2:
        features = _special_features(source, cells[basis_end:], point.end_line)
    return competent, basis, features


def _reference(source: Source, text: str, paragraph: Paragraph) -> LegalReference:
    """The reference `text`, written in `paragraph`, with where it starts in its lines."""
    span = source.span_of(paragraph)
    return LegalReference(text, span, locate(span.text, text)[0])


def _special_features(
    source: Source, cells: list[Paragraph], end_line: int
) -> list[SpecialFeature]:
    heading = cells[0]
    text = heading.text.removeprefix("1.3. ")
    inline = _INLINE_FEATURE.match(text)
    if inline is not None:
        if len(cells) > 1:
            raise source.error_at(cells[1], "point 2 after the single feature 1.3", end_line)
        return [_feature(source, "1.3", strip_list_end(inline[1]), [heading])]
    items = [(i, m) for i, p in enumerate(cells) if (m := _FEATURE.match(p.text))]
    if not items or items[0][0] != 1:
        raise source.error_at(cells[1] if len(cells) > 1 else None, "subpoint 1.3.1", end_line)
    features: list[SpecialFeature] = []
    for order, (index, match) in enumerate(items, start=1):
        if int(match[1]) != order:
            raise source.error(
                cells[index].line_start, f"subpoint 1.3.{order}", quote(cells[index].text)
            )
        stop = items[order][0] if order < len(items) else len(cells)
        part = cells[index:stop]
        lines = [match[2], *(p.text for p in part[1:])]
        features.append(_feature(source, f"1.3.{order}", strip_list_end("\n".join(lines)), part))
    return features


def _feature(source: Source, number: str, text: str, part: list[Paragraph]) -> SpecialFeature:
    subjects: list[Subject] = []
    stated = _SUBJECTS.match(text)
    if stated is not None:
        for word, subject in (
            ("юридических лиц", Subject.LEGAL_ENTITY),
            ("индивидуальных предпринимателей", Subject.INDIVIDUAL_ENTREPRENEUR),
            ("иностранных организаций", Subject.FOREIGN_ORGANIZATION),
        ):
            if word in stated[1]:
                subjects.append(subject)
    span = source.span_of(part[0], part[-1])
    return SpecialFeature(number, text, tuple(subjects), span, obtained_information(text, span))


def _read_documents(source: Source, point: _Point) -> _Documents:
    footnotes = _footnotes(source, point.body)
    by_marker = {f.marker: f for f in footnotes}
    result = _Documents([], [], [], [], footnotes)
    if "представляемые заинтересованным лицом" in point.heading.text:
        submitted, requested = point.body, None
    else:
        first = next((p for p in point.body if not p.is_empty), None)
        if first is None or not first.text.startswith("2.1. представляемые заинтересованным лицом"):
            raise source.error_at(
                first, "subpoint «2.1. представляемые заинтересованным лицом:»", point.end_line
            )
        at = point.body.index(first)
        second = next((i for i, p in enumerate(point.body) if p.text.startswith("2.2. ")), None)
        if second is not None and not point.body[second].text.startswith("2.2. запрашиваемые"):
            raise source.error_at(
                point.body[second], "«2.2. запрашиваемые (получаемые) …»", point.end_line
            )
        submitted = point.body[at + 1 : second]
        requested = point.body[second + 1 :] if second is not None else None

    def ends_table(p: Paragraph) -> bool:
        return is_separator(p) or p.text.startswith("При подаче")

    table = split_table(
        source,
        submitted,
        SUBMITTED_HEADER,
        point.end_line,
        optional_header=APOSTILLE_HEADER,
        stop=ends_table,
    )
    rows = read_submitted(source, table, by_marker)
    result.documents, result.conditions = rows.documents, rows.conditions
    result.notes.extend(_after_table(source, table.rest, point.end_line))
    if requested is not None:
        table = split_table(source, requested, REQUESTED_HEADER, point.end_line, stop=ends_table)
        result.requested = read_requested(source, table, by_marker)
        result.notes.extend(_after_table(source, table.rest, point.end_line))
    return result


def _footnotes(source: Source, paragraphs: list[Paragraph]) -> list[Footnote]:
    """The footnotes defined after a «______» line anywhere in `paragraphs`."""
    found: list[Footnote] = []
    after_separator = False
    for paragraph in paragraphs:
        if is_separator(paragraph):
            after_separator = True
        elif after_separator and _FOOTNOTE_MARK.match(paragraph.text):
            marker, text = parse_footnote(source, paragraph)
            found.append(Footnote(marker, text, source.span_of(paragraph)))
        elif not paragraph.is_empty:
            after_separator = False
    return found


def _after_table(source: Source, rest: list[Paragraph], end_line: int) -> list[RegulationNote]:
    """What may follow a documents table: footnotes (read before) and notes «При подаче …»."""
    notes: list[RegulationNote] = []
    in_footnotes = False
    for paragraph in rest:
        if paragraph.is_empty:
            continue
        if is_separator(paragraph):
            in_footnotes = True
        elif in_footnotes and _FOOTNOTE_MARK.match(paragraph.text):
            continue
        elif paragraph.text.startswith("При подаче"):
            in_footnotes = False
            reference = _NOTE_REFERENCE.search(paragraph.text)
            notes.append(
                RegulationNote(
                    strip_list_end(paragraph.text),
                    strip_list_end(reference[1]) if reference else None,
                    source.span_of(paragraph),
                )
            )
        else:
            raise source.error_at(
                paragraph, "a footnote, a note «При подаче …» or the next (sub)point", end_line
            )
    return notes


def _read_issued(source: Source, point: _Point) -> tuple[list[IssuedDocument], list[OtherAction]]:
    table = split_table(
        source,
        point.body,
        ISSUED_HEADER,
        point.end_line,
        stop=lambda p: p.text.startswith("Иные действия"),
    )
    issued = read_issued(source, table)
    actions: list[OtherAction] = []
    for paragraph in table.rest:
        if paragraph.text.startswith("Иные действия"):
            actions.append(_other_action(source, paragraph, paragraph.text))
        elif not paragraph.is_empty:
            raise source.error_at(paragraph, "«Иные действия …» or the next point", 0)
    return issued, actions


def _other_action(source: Source, paragraph: Paragraph, text: str) -> OtherAction:
    text = _POINT.sub(r"\2", text)
    match = _OTHER_ACTIONS.match(text)
    if match is None:
        raise source.error_at(paragraph, "«Иные действия, совершаемые … – …»", 0)
    system = _SYSTEM.search(match[1])
    return OtherAction(
        strip_list_end(match[1]), system[1] if system else None, source.span_of(paragraph)
    )


def _read_fee(source: Source, point: _Point) -> tuple[Fee, list[LegalReference]]:
    match = _FEE.search(point.heading.text)
    if match is None:
        raise source.error_at(
            point.heading, "a fee «– государственная пошлина в размере N базовых величин»", 0
        )
    fee = Fee(
        kind=match[1],
        amount=Decimal(match[2].replace(",", ".")),
        unit="базовая величина",
        span=source.span_of(point.heading),
    )
    cells = [p for p in point.body if not p.is_empty]
    if not cells:
        return fee, []
    lead = cells[0]
    if not lead.text.startswith("Льготы по размеру платы"):
        raise source.error_at(lead, "«Льготы по размеру платы …» or the next point", 0)
    if lead.text.endswith("установлены:"):
        items = cells[1:]
        if not items:
            raise source.error(lead.line_end, "the benefits listed after «установлены:»", "none")
        return fee, [_reference(source, strip_list_end(p.text), p) for p in items]
    _, _, reference = lead.text.partition("установлены ")
    if not reference or len(cells) > 1:
        raise source.error_at(
            cells[1] if len(cells) > 1 else lead, "«Льготы … установлены …» and the next point", 0
        )
    # One reference written inline; the preposition («в абзаце …») is dropped so the reference
    # starts at its unit, like the listed ones («абзацем третьим …»).
    text = strip_list_end(reference).removeprefix("в ")
    return fee, [_reference(source, text, lead)]


def _appeal(
    source: Source,
    point: _Point | None,
    features: list[SpecialFeature],
    title: Paragraph,
) -> Appeal:
    judicial = next((f for f in features if _JUDICIAL.search(f.text)), None)
    bodies: list[AppealBody] = []
    if point is not None:
        table = split_table(source, point.body, APPEAL_HEADER, point.end_line)
        bodies = read_appeal(source, table)
        _expect_empty(source, table.rest, "the end of the regulation", point.end_line)
        return Appeal(
            judicial is not None, tuple(bodies), source.span_of(point.heading, table.body[-1])
        )
    if judicial is not None:
        return Appeal(True, (), judicial.span)
    raise source.error(
        title.line_start,
        "an appeal point «Порядок подачи (отзыва) административной жалобы» or a feature "
        "«обжалование … осуществляется в судебном порядке»",
        "neither",
    )


def _expect_empty(source: Source, rest: list[Paragraph], expected: str, end_line: int) -> None:
    extra = next((p for p in rest if not p.is_empty), None)
    if extra is not None:
        raise source.error_at(extra, expected, end_line)
