"""Rebuilding the tables of a procedure regulation from their flattened paragraphs.

A flattened table is its header cells, then its row cells, one paragraph each, with nothing marking
where a row ends. Positions cannot be trusted: an empty cell is sometimes an empty paragraph and
sometimes absent, and a cell merged down over several rows (the form-and-manner cell of the
submitted-documents table) appears once, in its first row, with the later rows showing an empty
paragraph or nothing. So rows are rebuilt from what each paragraph *is* — a requirement («должен
соответствовать…», «по форме согласно…»), a form of submission («в письменной форме:», «лично;»),
an apostille cell («не требуется»), a group condition («при …:») — and a paragraph that is none of
these starts the next row (or continues a list the name cell opened with «:»).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from importers.regulation_records import (
    Apostille,
    AppealBody,
    AppealForm,
    DocumentCondition,
    DocumentRequirement,
    Footnote,
    IssuedDocument,
    RequestedInformation,
    SourceKind,
    Submission,
    SubmissionChannel,
    Validity,
    ValidityUnit,
)
from importers.regulation_text import (
    SEPARATOR,
    Paragraph,
    Source,
    markers,
    quote,
    strip_list_end,
    strip_markers,
)

SUBMITTED_HEADER = (
    "Наименование документа и (или) сведений",
    "Требования, предъявляемые к документу и (или) сведениям",
    "Форма и порядок представления документа и (или) сведений",
)
APOSTILLE_HEADER = "Необходимость легализации документа (проставления апостиля)"
REQUESTED_HEADER = (
    "Наименование документа и (или) сведений",
    "Наименование государственного органа, иной организации, у которых запрашиваются",
)
ISSUED_HEADER = ("Наименование документа", "Срок действия", "Форма представления")
APPEAL_HEADER = (
    "Наименование государственного органа (иной организации), рассматривающего административную",
    "Форма подачи (отзыва) административной жалобы",
)

_REQUIREMENT = re.compile(
    r"^(?:заявление должно|документ должен|должн[аоы]? |по форме согласно|требования к документ)"
)
_FORM_START = re.compile(r"^в (?:письменной|электронной) форме")
_FORM_ITEM = re.compile(
    r"^(?:лично|по почте|посредством почтовой связи|нарочным|в ходе приема|в электронной форме)"
)
_CHANNELS = (
    (re.compile(r"^(?:лично|в ходе приема)"), SubmissionChannel.IN_PERSON),
    (re.compile(r"^(?:по почте|посредством почтовой связи)"), SubmissionChannel.POST),
    (re.compile(r"^нарочным"), SubmissionChannel.COURIER),
    (re.compile(r"^в электронной форме"), SubmissionChannel.ELECTRONIC),
)
_NOT_REQUIRED = "не требуется"
_REQUIRED = re.compile(r"^требуется легализация")
_CONDITION = re.compile(r"^при .+:$")
_VALIDITY = re.compile(r"^(\d+) (месяц|месяца|месяцев|год|года|лет)(?: [–-] (.+))?$")
_ISSUED_FORM = re.compile(r"^(?:письменная|электронная)")
_REGISTRY = re.compile(r"регистр|реестр|информационн\w* (?:ресурс|систем)", re.IGNORECASE)


@dataclass(slots=True)
class TableSplit:
    """A table at the start of a run of paragraphs: header, body paragraphs, what follows."""

    header: list[Paragraph]
    body: list[Paragraph]
    rest: list[Paragraph]


def split_table(
    source: Source,
    paragraphs: Sequence[Paragraph],
    header: Sequence[str],
    end_line: int,
    *,
    optional_header: str | None = None,
    stop: Callable[[Paragraph], bool] = lambda _: False,
) -> TableSplit:
    """Match the header cells (by their opening words), then take body paragraphs until `stop`.

    The empty paragraphs that Word puts after a table are left out of the body.
    """
    index = 0
    while index < len(paragraphs) and paragraphs[index].is_empty:
        index += 1
    found: list[Paragraph] = []
    for cell in header:
        paragraph = paragraphs[index] if index < len(paragraphs) else None
        if paragraph is None or not paragraph.text.startswith(cell):
            raise source.error_at(paragraph, f"the table header cell «{cell}»", end_line)
        found.append(paragraph)
        index += 1
    if (
        optional_header is not None
        and index < len(paragraphs)
        and paragraphs[index].text == optional_header
    ):
        found.append(paragraphs[index])
        index += 1
    end = index
    while end < len(paragraphs) and not stop(paragraphs[end]):
        end += 1
    body = list(paragraphs[index:end])
    while body and body[-1].is_empty:
        body.pop()
    if not body:
        after = paragraphs[end] if end < len(paragraphs) else None
        raise source.error_at(after, "at least one table row after the header", end_line)
    return TableSplit(found, body, list(paragraphs[end:]))


def resolve_notes(
    source: Source, paragraphs: Sequence[Paragraph], footnotes: Mapping[str, Footnote]
) -> tuple[Footnote, ...]:
    """The footnotes the markers in `paragraphs` point to, each once, in order of first use."""
    found: list[Footnote] = []
    for paragraph in paragraphs:
        for marker in markers(paragraph.text):
            if marker not in footnotes:
                raise source.error(
                    paragraph.line_start,
                    f"a footnote «{marker}» defined after a «______» line",
                    f"the marker in {quote(paragraph.text)} with no such footnote",
                )
            if footnotes[marker] not in found:
                found.append(footnotes[marker])
    return tuple(found)


@dataclass(slots=True)
class _Row:
    """A row being assembled: its name cell and the cells seen since."""

    name: Paragraph
    condition: str | None
    is_condition: bool = False
    alternatives: list[Paragraph] = field(default_factory=list)
    requirement: Paragraph | None = None
    form: list[Paragraph] = field(default_factory=list)
    apostille: Paragraph | None = None
    name_closed: bool = False
    form_open: bool = False

    @property
    def opens_list(self) -> bool:
        return strip_markers(self.name.text).endswith(":")


@dataclass(slots=True)
class SubmittedTable:
    documents: list[DocumentRequirement]
    conditions: list[DocumentCondition]


def read_submitted(
    source: Source, table: TableSplit, footnotes: Mapping[str, Footnote]
) -> SubmittedTable:
    """The documents the applicant submits (point 2 / 2.1), one record per document row."""
    has_apostille = len(table.header) == 4
    rows: list[_Row] = []
    row: _Row | None = None
    condition: str | None = None

    def close(following: Paragraph | None) -> None:
        if row is None:
            return
        if has_apostille and not row.is_condition and row.apostille is None:
            # Every document row of this document's four-column tables ends in an apostille cell;
            # a row without one means the table was cut or its cells ran into the next row.
            raise source.error(
                row.name.line_start,
                f"an apostille cell («не требуется» or «требуется легализация …») ending the row "
                f"{quote(row.name.text)}",
                quote(following.text) if following is not None else "the end of the table",
            )
        rows.append(row)

    def expect_cell(paragraph: Paragraph, what: str, allowed: bool) -> _Row:
        if row is None or row.is_condition or not allowed:
            raise source.error(
                paragraph.line_start, what, f"{quote(paragraph.text)} out of its column order"
            )
        return row

    for paragraph in table.body:
        text = paragraph.text
        if paragraph.is_empty:
            if row is not None:
                row.name_closed = True
                row.form_open = False
            continue
        if has_apostille and (text == _NOT_REQUIRED or _REQUIRED.match(text)):
            # A condition row may carry an apostille cell too (15.2.3: «при регистрации договора …:»
            # then «не требуется»); a condition is not a document, so the cell says nothing.
            if row is None or row.apostille is not None:
                raise source.error(
                    paragraph.line_start, "a document name", f"{quote(text)} with no row to end"
                )
            row.apostille = paragraph
            row.name_closed = True
            row.form_open = False
            continue
        if row is not None and row.form_open and _FORM_ITEM.match(text):
            row.form.append(paragraph)
            continue
        if _FORM_START.match(text):
            current = expect_cell(
                paragraph,
                "a form-and-manner cell after the name and requirements of a document",
                row is not None and not row.form and row.apostille is None,
            )
            current.form.append(paragraph)
            current.form_open = True
            current.name_closed = True
            continue
        if _REQUIREMENT.match(text):
            current = expect_cell(
                paragraph,
                "a requirements cell right after a document name",
                row is not None
                and row.requirement is None
                and not row.form
                and row.apostille is None,
            )
            current.requirement = paragraph
            current.name_closed = True
            current.form_open = False
            continue
        if _CONDITION.match(text):
            # «при …:» heads the documents below it up to the next condition or the table's end;
            # a name cell that opens a list also ends in «:», but starts «копии …», never «при».
            close(paragraph)
            condition = strip_list_end(text).removesuffix(":")
            row = _Row(paragraph, condition, is_condition=True)
            continue
        if row is not None and not row.is_condition and not row.name_closed and row.opens_list:
            # The paragraphs after a name ending in «:» are the acceptable documents the same cell
            # lists (e.g. the documents proving the premises): one requirement, several ways to
            # meet it. The list ends at the next empty or non-name cell.
            row.alternatives.append(paragraph)
            continue
        close(paragraph)
        row = _Row(paragraph, condition)
    close(None)
    return _build_submitted(source, rows, footnotes, has_apostille)


def _build_submitted(
    source: Source, rows: list[_Row], footnotes: Mapping[str, Footnote], has_apostille: bool
) -> SubmittedTable:
    documents: list[DocumentRequirement] = []
    conditions: list[DocumentCondition] = []
    merged: Submission | None = None
    for row in rows:
        cells = [row.name, *row.alternatives]
        if row.requirement is not None:
            cells.append(row.requirement)
        cells.extend(row.form)
        if row.apostille is not None:
            cells.append(row.apostille)
        span = source.span_of(cells[0], cells[-1])
        if row.is_condition:
            conditions.append(DocumentCondition(row.condition or "", span))
            continue
        if row.form:
            merged = _submission(source, row.form, footnotes)
            submission = merged
        elif merged is not None:
            # The form-and-manner cell is merged down the whole column: it is written in the first
            # row only, and the rows below show an empty paragraph or nothing. They inherit it.
            submission = replace(merged, inherited=True)
        else:
            raise source.error(
                row.name.line_start,
                "a form-and-manner cell («в письменной форме: …») in the first document row",
                quote(row.name.text),
            )
        if not has_apostille or row.apostille is None:
            apostille = Apostille.NOT_STATED
        elif row.apostille.text == _NOT_REQUIRED:
            apostille = Apostille.NOT_REQUIRED
        else:
            apostille = Apostille.REQUIRED
        named = [row.name, *row.alternatives]
        if row.requirement is not None:
            named.append(row.requirement)
        documents.append(
            DocumentRequirement(
                name=_name(row.name.text),
                alternatives=tuple(_name(p.text) for p in row.alternatives),
                requirements=(
                    strip_markers(row.requirement.text) if row.requirement is not None else None
                ),
                submission=submission,
                apostille=apostille,
                condition=row.condition,
                notes=resolve_notes(source, named, footnotes),
                span=span,
            )
        )
    if not documents:
        raise source.error(rows[0].name.line_start, "a document row", "only condition rows")
    return SubmittedTable(documents, conditions)


def _name(text: str) -> str:
    """A document name as listed: no footnote markers, no list punctuation («;», trailing «:»)."""
    return strip_list_end(strip_markers(text)).removesuffix(":").rstrip()


def _submission(
    source: Source, cell: list[Paragraph], footnotes: Mapping[str, Footnote]
) -> Submission:
    channels: list[SubmissionChannel] = []
    electronic: str | None = None
    for paragraph in cell:
        for pattern, channel in _CHANNELS:
            if pattern.match(paragraph.text) and channel not in channels:
                channels.append(channel)
        if paragraph.text.startswith("в электронной форме"):
            electronic = strip_list_end(strip_markers(paragraph.text))
    return Submission(
        lines=tuple(p.text for p in cell),
        channels=tuple(channels),
        written=cell[0].text.startswith("в письменной форме"),
        electronic=electronic,
        notes=resolve_notes(source, cell, footnotes),
        inherited=False,
        span=source.span_of(cell[0], cell[-1]),
    )


def read_requested(
    source: Source, table: TableSplit, footnotes: Mapping[str, Footnote]
) -> list[RequestedInformation]:
    """Information the authority requests itself (point 2.2): rows of (what, from whom)."""
    cells = table.body
    for paragraph in cells:
        if paragraph.is_empty:
            raise source.error(
                paragraph.line_start, "a non-empty cell of the requested-information table", "none"
            )
    if len(cells) % 2:
        last = cells[-1]
        raise source.error(
            last.line_end,
            f"the source cell of the row {quote(last.text)}",
            "the end of the table",
        )
    found: list[RequestedInformation] = []
    for name, origin in zip(cells[::2], cells[1::2], strict=True):
        found.append(
            RequestedInformation(
                name=strip_markers(name.text),
                source=strip_markers(origin.text),
                source_kind=(
                    SourceKind.REGISTRY if _REGISTRY.search(origin.text) else SourceKind.AUTHORITY
                ),
                notes=resolve_notes(source, [name, origin], footnotes),
                span=source.span_of(name, origin),
            )
        )
    return found


def read_issued(source: Source, table: TableSplit) -> list[IssuedDocument]:
    """The document the authority issues (point 3): name, one or more validity entries, form."""
    found: list[IssuedDocument] = []
    cells = [p for p in table.body if not p.is_empty]
    index = 0
    while index < len(cells):
        name = cells[index]
        index += 1
        validity: list[Validity] = []
        while index < len(cells) and (entry := _validity(source, cells[index])) is not None:
            validity.append(entry)
            index += 1
        if not validity:
            following = cells[index] if index < len(cells) else None
            raise source.error_at(
                following,
                f"a validity cell («3 месяца», «бессрочно») for {quote(name.text)}",
                name.line_end,
            )
        form = cells[index] if index < len(cells) else None
        if form is None or not _ISSUED_FORM.match(form.text):
            raise source.error(
                (form or name).line_start,
                f"a form cell («письменная», «электронная») for {quote(name.text)}",
                quote(form.text) if form is not None else "the end of the table",
            )
        index += 1
        found.append(
            IssuedDocument(name.text, tuple(validity), form.text, source.span_of(name, form))
        )
    return found


def _validity(source: Source, paragraph: Paragraph) -> Validity | None:
    text = paragraph.text
    span = source.span_of(paragraph)
    if text == "бессрочно":
        return Validity(text, None, ValidityUnit.UNLIMITED, None, span)
    match = _VALIDITY.match(text)
    if match is None:
        return None
    unit = ValidityUnit.MONTHS if match[2].startswith("месяц") else ValidityUnit.YEARS
    return Validity(text, int(match[1]), unit, match[3], span)


def read_appeal(source: Source, table: TableSplit) -> list[AppealBody]:
    """The bodies that hear an administrative complaint, with the forms it may take."""
    cells = [p for p in table.body if not p.is_empty]
    if len(cells) % 2:
        raise source.error(
            cells[-1].line_end, f"the form cell for {quote(cells[-1].text)}", "the end of the table"
        )
    found: list[AppealBody] = []
    for body, form in zip(cells[::2], cells[1::2], strict=True):
        forms = [
            kind
            for word, kind in (
                ("электронн", AppealForm.ELECTRONIC),
                ("письменн", AppealForm.WRITTEN),
            )
            if word in form.text
        ]
        if not forms:
            raise source.error(
                form.line_start,
                "a complaint form («электронная или письменная форма»)",
                quote(form.text),
            )
        found.append(AppealBody(body.text, tuple(forms), form.text, source.span_of(body, form)))
    return found


def is_separator(paragraph: Paragraph) -> bool:
    return bool(SEPARATOR.match(paragraph.text))
