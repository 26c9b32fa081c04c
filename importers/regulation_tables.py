"""Reading the tables of a regulation: as the file has them, or rebuilt from flattened text.

A .docx or an HTML page has real tables: their rows and cells come along with the rendered text
(`importers.base.Grid`), and every table of a regulation is read row by row, cell by cell, as the
file has them. Flattened text (and a browser copy, whose rows are rebuilt from lines) has only
paragraphs; for it the rest of this note holds.


A flattened table is its header cells, then its row cells, one paragraph each, with nothing marking
where a row ends. Positions cannot be trusted: an empty cell is sometimes an empty paragraph and
sometimes absent, and a cell merged down over several rows (the form-and-manner cell of the
submitted-documents table) appears once, in its first row, with the later rows showing nothing
(merged) or an empty paragraph (an empty cell of their own; `FormCell` keeps which). So rows are
rebuilt from what each paragraph *is* — a requirement («должен соответствовать…», «по форме
согласно…»), a form of submission («в письменной форме:», «лично;»), an apostille cell («не
требуется»), a group condition («при …:») — and a paragraph that is none of these starts the next
row (or continues a list the name cell opened with «:»).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from importers.base import DocumentError
from importers.regulation_records import (
    Apostille,
    AppealBody,
    AppealForm,
    DocumentCondition,
    DocumentRequirement,
    Footnote,
    FormCell,
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
    CellMarks,
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
# What a document name never is: a numbered point, a footnote, a stamp, a header, a page footer.
_NOT_A_NAME = re.compile(
    r"^(?:\d+(?:\.\d+)*\.? |\*|УТВЕРЖДЕНО|Приложение|Наименование |Требования, |Форма и |"
    r"Необходимость |Страница |при .+:$)"
)
_VALIDITY = re.compile(r"^(\d+) (месяц|месяца|месяцев|год|года|лет)(?: [–-] (.+))?$")
_ISSUED_FORM = re.compile(r"^(?:письменная|электронная)")
_REGISTRY = re.compile(r"регистр|реестр|информационн\w* (?:ресурс|систем)", re.IGNORECASE)
# What a name says, at its end, of when the document (information) is needed: «(при …)»,
# «(в случае …)», «(за исключением …)», «, – при …», «, за исключением …», « в случае, если …».
_OWN_CONDITION = re.compile(
    r"(?:\s*\(((?:при|в случае|за исключением) (?:[^()]|\([^()]*\))*)\)"
    r"|,? [–-] (при .+)"
    r"|, (за исключением .+)"
    r"| (в случае, если .+))$"
)
# «(далее – паспорт)»: a short name defined for the whole cell, not part of its last alternative.
_DEFINITION = re.compile(r"\s*\(далее [–-] [^()]*\)$")
# «или» joins alternative documents when a document noun (nominative, perhaps after adjectives)
# follows it: «…, или справка …», «трудовой договор … или гражданско-правовой договор …»; not in
# «проект трудового или гражданско-правового договора», «гражданина или лица», «документ или его
# копия».
_DOCUMENT_NOUNS = (
    "договор|копия|копии|справка|документ|документы|свидетельство|выписка|соглашение|акт|"
    "паспорт|бланк|заявление|сведения|информация|приглашение|заключение"
)
_OR_DOCUMENT = re.compile(
    rf",? или (?=(?:[а-яё-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие) )*(?:{_DOCUMENT_NOUNS})\b)"
)


@dataclass(slots=True)
class TableSplit:
    """A table at the start of a run of paragraphs: header, body paragraphs, what follows."""

    header: list[Paragraph]
    body: list[Paragraph]
    rest: list[Paragraph]
    trailing: list[Paragraph] = field(default_factory=list)
    """Empty paragraphs cut from the end of the body: the last row's empty cells, then the one
    paragraph Word always puts after a table."""

    @property
    def trailing_empty(self) -> int:
        return len(self.trailing)


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
    trailing: list[Paragraph] = []
    while body and body[-1].is_empty:
        trailing.insert(0, body.pop())
    if not body:
        after = paragraphs[end] if end < len(paragraphs) else None
        raise source.error_at(after, "at least one table row after the header", end_line)
    return TableSplit(found, body, list(paragraphs[end:]), trailing)


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
class RebuiltRow:
    """A row being assembled: its name cell and the cells seen since."""

    name: Paragraph
    condition: str | None
    is_condition: bool = False
    alternatives: list[Paragraph] = field(default_factory=list)
    requirement: Paragraph | None = None
    form: list[Paragraph] = field(default_factory=list)
    apostille: Paragraph | None = None
    empty_cells: int = 0
    form_merged: bool | None = None
    """A real table's row: whether its form cell is merged down from above (a flattened text's
    row leaves it `None`: there it is told from the empty cells the text shows)."""
    name_closed: bool = False
    form_open: bool = False
    cells: list[Paragraph] = field(default_factory=list)
    """Every paragraph of the row in order, empty cells included (for the document model)."""

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
    rows = rebuild_submitted_rows(source, table)
    return _build_submitted(source, rows, footnotes, len(table.header) == 4)


@dataclass(frozen=True, slots=True)
class GridRow:
    """A body row of a real table (a .docx's, an HTML page's): its paragraphs by grid column, in
    order, empty cells included, and the columns whose cell is merged down from the row above."""

    columns: dict[int, list[Paragraph]]
    merged: frozenset[int]

    def cell(self, column: int) -> list[Paragraph]:
        """The non-empty paragraphs of the cell starting at `column`."""
        return [p for p in self.columns.get(column, []) if not p.is_empty]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for column in sorted(self.columns) for p in self.columns[column]]


def grid_rows(source: Source, table: TableSplit) -> list[GridRow] | None:
    """The body rows of `table` as the file has them, when it has real tables; None for flattened
    text and browser copies, whose rows are rebuilt from the paragraphs."""
    first = source.cell_at(table.header[0])
    if first is None:
        return None
    number = first[0]
    by_row: dict[int, dict[int, list[Paragraph]]] = {}
    for paragraph in [*table.body, *table.trailing]:
        at = source.cell_at(paragraph)
        if at is None or at[0] != number:
            if paragraph in table.trailing:
                continue  # the paragraph after the table
            raise source.error(
                paragraph.line_start,
                f"a cell of the table whose header starts at line {table.header[0].line_start}",
                f"{quote(paragraph.text)} outside it",
            )
        by_row.setdefault(at[1], {}).setdefault(at[2], []).append(paragraph)
    merged = source.grid.merged if source.grid is not None else frozenset()
    return [
        GridRow(by_row[row], frozenset(c for t, r, c in merged if (t, r) == (number, row)))
        for row in sorted(by_row)
    ]


def rebuild_submitted_rows(source: Source, table: TableSplit) -> list[RebuiltRow]:
    """The rows of the submitted-documents table: as the file has them when its tables are real,
    else rebuilt from its flattened paragraphs."""
    grid = grid_rows(source, table)
    if grid is not None:
        return _submitted_rows_of_grid(source, table, grid)
    has_apostille = len(table.header) == 4
    uncertain = next((p for p in [*table.body, *table.trailing] if p.uncertain), None)
    if uncertain is not None:
        raise _two_readings(
            source,
            uncertain,
            "the blank lines here held an empty table cell (its no-break space became a space)",
            "they are only spacing, and the row's cells are fewer",
        )
    rows: list[RebuiltRow] = []
    row: RebuiltRow | None = None
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

    def expect_cell(paragraph: Paragraph, what: str, allowed: bool) -> RebuiltRow:
        if row is None or row.is_condition or not allowed:
            raise source.error(
                paragraph.line_start, what, f"{quote(paragraph.text)} out of its column order"
            )
        return row

    for paragraph in table.body:
        text = paragraph.text
        if paragraph.is_empty:
            if row is not None:
                row.cells.append(paragraph)
                if row.apostille is None:
                    row.empty_cells += 1
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
            row.cells.append(paragraph)
            row.name_closed = True
            row.form_open = False
            continue
        if row is not None and row.form_open and _FORM_ITEM.match(text):
            row.form.append(paragraph)
            row.cells.append(paragraph)
            continue
        if _FORM_START.match(text):
            current = expect_cell(
                paragraph,
                "a form-and-manner cell after the name and requirements of a document",
                row is not None and not row.form and row.apostille is None,
            )
            current.form.append(paragraph)
            current.cells.append(paragraph)
            current.form_open = True
            current.name_closed = True
            continue
        if _REQUIREMENT.match(text):
            if row is not None and row.alternatives and not has_apostille:
                _check_list_end(source, row, paragraph)
            current = expect_cell(
                paragraph,
                "a requirements cell right after a document name",
                row is not None
                and row.requirement is None
                and not row.form
                and row.apostille is None,
            )
            current.requirement = paragraph
            current.cells.append(paragraph)
            current.name_closed = True
            current.form_open = False
            continue
        if _CONDITION.match(text):
            # «при …:» heads the documents below it up to the next condition or the table's end;
            # a name cell that opens a list also ends in «:», but starts «копии …», never «при».
            close(paragraph)
            condition = strip_list_end(text).removesuffix(":")
            row = RebuiltRow(paragraph, condition, is_condition=True, cells=[paragraph])
            continue
        if row is not None and not row.is_condition and not row.name_closed and row.opens_list:
            # The paragraphs after a name ending in «:» are the acceptable documents the same cell
            # lists (e.g. the documents proving the premises): one requirement, several ways to
            # meet it. The list ends at the next empty or non-name cell.
            if row.alternatives and not has_apostille and source.marks is CellMarks.ABSENT:
                raise _two_readings(
                    source,
                    paragraph,
                    f"one more document listed under {quote(row.name.text)} (line "
                    f"{row.name.line_start})",
                    "the name of a document row of its own",
                )
            row.alternatives.append(paragraph)
            row.cells.append(paragraph)
            continue
        close(paragraph)
        row = RebuiltRow(paragraph, condition, cells=[paragraph])
    if row is not None and row.apostille is None:
        # The last row's empty cells were cut from the body with the paragraph after the table.
        row.empty_cells += max(table.trailing_empty - 1, 0)
        row.cells.extend(table.trailing[:-1])
    close(None)
    return rows


def _submitted_rows_of_grid(
    source: Source, table: TableSplit, grid: list[GridRow]
) -> list[RebuiltRow]:
    """Each row of a real table as it is: the name cell (and the documents it lists after «…:»),
    the requirements cell, the form-and-manner cell (or none, merged down), the apostille cell."""
    width = len(table.header)
    has_apostille = width == 4
    rows: list[RebuiltRow] = []
    condition: str | None = None
    above: Paragraph | None = None  # the requirement of the last document row
    for grid_row in grid:
        names = grid_row.cell(0)
        if not names:
            raise source.error(
                grid_row.paragraphs[0].line_start, "a document name in the first cell", "none"
            )
        name = names[0]
        apostilles = grid_row.cell(width - 1) if has_apostille else []
        apostille = apostilles[0] if apostilles else None
        if apostille is not None and not (
            apostille.text == _NOT_REQUIRED or _REQUIRED.match(apostille.text)
        ):
            raise source.error(
                apostille.line_start,
                "an apostille cell («не требуется» or «требуется легализация …»)",
                quote(apostille.text),
            )
        if _CONDITION.match(name.text) and len(names) == 1:
            # «при …:» heads the documents below it; its row may carry an apostille cell too.
            condition = strip_list_end(name.text).removesuffix(":")
            row = RebuiltRow(name, condition, is_condition=True, cells=grid_row.paragraphs)
            row.apostille = apostille
            rows.append(row)
            continue
        row = RebuiltRow(name, condition, cells=grid_row.paragraphs)
        if len(names) > 1 and not row.opens_list:
            raise source.error(
                names[1].line_start,
                f"one document in the name cell {quote(name.text)}, or a list after its «:»",
                quote(names[1].text),
            )
        row.alternatives = names[1:]
        requirements = grid_row.cell(1)
        if len(requirements) > 1:
            raise source.error(
                requirements[1].line_start,
                "one paragraph in a requirements cell",
                quote(requirements[1].text),
            )
        if 1 in grid_row.merged:
            row.requirement = above  # the cell merged down over this row states it for it too
        else:
            row.requirement = requirements[0] if requirements else None
        above = row.requirement
        row.form = grid_row.cell(2) if 2 not in grid_row.merged else []
        row.form_merged = 2 in grid_row.merged
        # Own cells left empty: two (requirements and form) when the form cell is the row's own.
        row.empty_cells = sum(1 for c in (1, 2) if c in grid_row.columns and not grid_row.cell(c))
        row.apostille = apostille
        if has_apostille and apostille is None:
            raise source.error(
                name.line_start,
                f"an apostille cell («не требуется» or «требуется легализация …») ending the row "
                f"{quote(name.text)}",
                "an empty cell",
            )
        rows.append(row)
    return rows


def _build_submitted(
    source: Source, rows: list[RebuiltRow], footnotes: Mapping[str, Footnote], has_apostille: bool
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
            # The form-and-manner cell is written in the first row only. A row below with no cell
            # there (one cell short of requirements + form) lies under the merged cell; a row with
            # an empty cell of its own states nothing, and its documents are read as going with the
            # application, the way it is submitted. Both inherit the first row's cell; `cell` keeps
            # which of the two the text shows.
            if source.marks is CellMarks.ABSENT:
                raise _two_readings(
                    source,
                    row.name,
                    f"the row {quote(row.name.text)} lies under the form cell merged down from "
                    f"line {merged.span.line_start}",
                    "the row has an empty form cell of its own (an empty cell the text no longer "
                    "marks: no no-break-space lines, no countable blank lines)",
                )
            if row.form_merged is not None:  # a real table shows which it is
                cell = FormCell.MERGED if row.form_merged else FormCell.EMPTY
            else:
                own_cells = (row.requirement is not None) + row.empty_cells
                cell = FormCell.EMPTY if own_cells >= 2 else FormCell.MERGED
            submission = replace(merged, inherited=True, cell=cell)
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
        name = _name(row.name.text)
        own_condition, unconditioned = own_condition_of(name)
        alternatives = tuple(_name(p.text) for p in row.alternatives)
        if not row.alternatives and not row.opens_list:
            alternatives = or_alternatives(unconditioned)
        document = DocumentRequirement(
            name=name,
            alternatives=alternatives,
            requirements=(
                strip_markers(row.requirement.text) if row.requirement is not None else None
            ),
            submission=submission,
            apostille=apostille,
            condition=row.condition,
            own_condition=own_condition,
            notes=resolve_notes(source, named, footnotes),
            span=span,
        )
        check_document_row(source, document)
        documents.append(document)
    if not documents:
        raise source.error(rows[0].name.line_start, "a document row", "only condition rows")
    return SubmittedTable(documents, conditions)


def _check_list_end(source: Source, row: RebuiltRow, requirement: Paragraph) -> None:
    """A requirement after a listed name: the list's own, or a new row's whose name was listed last.

    Only an empty cell between the list and the requirement tells (the list ended there); a text
    without empty-cell marks cannot say, so it is refused."""
    if source.marks is CellMarks.ABSENT:
        last = row.alternatives[-1]
        raise _two_readings(
            source,
            last,
            f"{quote(last.text)} is the last document listed under {quote(row.name.text)} and "
            f"the requirement at line {requirement.line_start} is that row's",
            f"{quote(last.text)} is a document row of its own with that requirement",
        )


def _two_readings(source: Source, at: Paragraph, first: str, second: str) -> DocumentError:
    return source.error(
        at.line_start,
        "one reading of the table",
        f"two: (1) {first}; (2) {second}. Restore the empty cells' no-break-space lines "
        "(or import the .docx)",
    )


def check_document_row(source: Source, document: DocumentRequirement) -> None:
    """A document row's name is a document's, not a heading, a point or a footnote run into it."""
    for name in (document.name, *document.alternatives):
        if _NOT_A_NAME.match(name) or not any(c.isalpha() for c in name):
            raise source.error(
                document.span.line_start,
                "a document name in the first cell of a row",
                f"{quote(name)}, which is no document's name (the table's cells ran together?)",
            )


def _name(text: str) -> str:
    """A document name as listed: no footnote markers, no list punctuation («;», trailing «:»)."""
    return strip_list_end(strip_markers(text)).removesuffix(":").rstrip()


def own_condition_of(name: str) -> tuple[str | None, str]:
    """The condition a name states at its end, and the name without it.

    «документы, подтверждающие статус членов семьи …, – при въезде членов семьи» →
    («при въезде членов семьи», «документы, подтверждающие статус членов семьи …»).
    """
    match = _OWN_CONDITION.search(name)
    if match is None:
        return None, name
    condition = next(group for group in match.groups() if group)
    return condition, name[: match.start()].rstrip(" ,")


def or_alternatives(name: str) -> tuple[str, ...]:
    """The documents a name joins by «или» (outside parentheses); empty when it names one.

    «копия паспорта или иного документа …, или справка о подтверждении личности …» → the copy of
    the passport, the certificate («или иного документа» is inside the first: no noun follows).
    """
    text = _DEFINITION.sub("", name)
    cuts: list[tuple[int, int]] = []
    for match in _OR_DOCUMENT.finditer(text):
        before = text[: match.start()]
        if before.count("(") == before.count(")"):
            cuts.append(match.span())
    if not cuts:
        return ()
    parts: list[str] = []
    start = 0
    for cut_start, cut_end in cuts:
        parts.append(text[start:cut_start].strip())
        start = cut_end
    parts.append(text[start:].strip())
    return tuple(parts)


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
        cell=FormCell.STATED,
        span=source.span_of(cell[0], cell[-1]),
    )


def read_requested(
    source: Source, table: TableSplit, footnotes: Mapping[str, Footnote]
) -> list[RequestedInformation]:
    """Information the authority requests itself (point 2.2): rows of (what, from whom)."""
    found: list[RequestedInformation] = []
    for name, origin in _requested_pairs(source, table):
        found.append(
            RequestedInformation(
                name=strip_markers(name.text),
                source=strip_markers(origin.text),
                source_kind=(
                    SourceKind.REGISTRY if _REGISTRY.search(origin.text) else SourceKind.AUTHORITY
                ),
                condition=own_condition_of(strip_markers(name.text))[0],
                notes=resolve_notes(source, [name, origin], footnotes),
                span=source.span_of(name, origin),
            )
        )
    return found


def _requested_pairs(source: Source, table: TableSplit) -> list[tuple[Paragraph, Paragraph]]:
    """(what, from whom) of each row: a real table's rows, or the paragraphs two by two."""
    rows = grid_rows(source, table)
    if rows is not None:
        return _grid_pairs(source, rows, "a requested-information row")
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
    return list(zip(cells[::2], cells[1::2], strict=True))


def _grid_pairs(
    source: Source, rows: list[GridRow], what: str
) -> list[tuple[Paragraph, Paragraph]]:
    """The two cells of each row of a real two-column table, one paragraph each."""
    pairs: list[tuple[Paragraph, Paragraph]] = []
    for row in rows:
        first, second = row.cell(0), row.cell(1)
        if len(first) != 1 or len(second) != 1:
            raise source.error(
                row.paragraphs[0].line_start,
                f"{what} of two cells of one paragraph each",
                f"cells of {len(first)} and {len(second)} paragraphs",
            )
        pairs.append((first[0], second[0]))
    return pairs


def read_issued(source: Source, table: TableSplit) -> list[IssuedDocument]:
    """The document the authority issues (point 3): name, one or more validity entries, form."""
    rows = grid_rows(source, table)
    if rows is not None:
        return [_issued_of_grid(source, row) for row in rows]
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


def _issued_of_grid(source: Source, row: GridRow) -> IssuedDocument:
    """A row of a real issued-document table: the name, the validity entries, the form."""
    names, entries, forms = row.cell(0), row.cell(1), row.cell(2)
    if len(names) != 1 or not entries or len(forms) != 1:
        raise source.error(
            row.paragraphs[0].line_start,
            "an issued-document row: a name, one or more validity entries, a form",
            f"cells of {len(names)}, {len(entries)} and {len(forms)} paragraphs",
        )
    name, form = names[0], forms[0]
    validity: list[Validity] = []
    for paragraph in entries:
        entry = _validity(source, paragraph)
        if entry is None:
            raise source.error(
                paragraph.line_start,
                f"a validity entry («3 месяца», «бессрочно») for {quote(name.text)}",
                quote(paragraph.text),
            )
        validity.append(entry)
    if not _ISSUED_FORM.match(form.text):
        raise source.error(
            form.line_start,
            f"a form cell («письменная», «электронная») for {quote(name.text)}",
            quote(form.text),
        )
    return IssuedDocument(name.text, tuple(validity), form.text, source.span_of(name, form))


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
    found: list[AppealBody] = []
    for body, form in _appeal_pairs(source, table):
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


def _appeal_pairs(source: Source, table: TableSplit) -> list[tuple[Paragraph, Paragraph]]:
    rows = grid_rows(source, table)
    if rows is not None:
        return _grid_pairs(source, rows, "an appeal row")
    cells = [p for p in table.body if not p.is_empty]
    if len(cells) % 2:
        raise source.error(
            cells[-1].line_end, f"the form cell for {quote(cells[-1].text)}", "the end of the table"
        )
    return list(zip(cells[::2], cells[1::2], strict=True))


def is_separator(paragraph: Paragraph) -> bool:
    return bool(SEPARATOR.match(paragraph.text))
