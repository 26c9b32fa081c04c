"""A flattened regulation text as the document model: its tables rebuilt as rows of cells.

This is the .txt reader's side of the document model (`importers.model`): the paragraphs of the
flattened text, with each table of the standard structure (documents submitted, information
requested, the issued document, the appeal) replaced by a `Table` of rows of cells as Word had
them: a name cell holding the documents it lists, empty cells, the form-and-manner cell merged down
over the rows below it, a group heading «при …:» spanning the columns it leaves empty. Rendering
the model gives the text back; the .docx, HTML and browser-copy forms of a regulation can be made
from it, and must read to the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from importers.base import SourceDocument
from importers.model import Cell, Document, Table
from importers.model import Paragraph as Block
from importers.regulation_tables import (
    APOSTILLE_HEADER,
    APPEAL_HEADER,
    ISSUED_HEADER,
    REQUESTED_HEADER,
    SUBMITTED_HEADER,
    RebuiltRow,
    TableSplit,
    is_separator,
    rebuild_submitted_rows,
    split_table,
)
from importers.regulation_text import CellMarks, Paragraph, Source, quote

__all__ = ["flattened_document"]

_POINT = re.compile(r"^\d+(?:\.\d+)*\. ")
_VALIDITY = re.compile(r"^(?:\d+ (?:месяц|год|лет)|бессрочно)")


def flattened_document(document: SourceDocument) -> Document:
    """The model of a flattened regulation text (tables the standard structure names rebuilt)."""
    source = Source(document)
    paragraphs = source.paragraphs
    blocks: list[Block | Table] = []
    index = 0
    while index < len(paragraphs):
        found = _table_at(source, paragraphs, index)
        if found is None:
            blocks.append(_block(source, paragraphs[index]))
            index += 1
            continue
        table, used = found
        blocks.append(table)
        index += used
    return Document(document.name, tuple(blocks))


def _block(source: Source, paragraph: Paragraph) -> Block:
    lines = source.lines[paragraph.line_start - 1 : paragraph.line_end]
    return Block(tuple(lines), f"line {paragraph.line_start}")


def _ends_table(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return bool(
        is_separator(paragraph)
        or text.startswith(("При подаче", "Иные действия", "Приложение"))
        or text == "УТВЕРЖДЕНО"
        or _POINT.match(text)
    )


_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (SUBMITTED_HEADER, "submitted"),
    (REQUESTED_HEADER, "requested"),
    (ISSUED_HEADER, "issued"),
    (APPEAL_HEADER, "appeal"),
)


def _table_at(
    source: Source, paragraphs: Sequence[Paragraph], index: int
) -> tuple[Table, int] | None:
    texts = [p.text for p in paragraphs[index : index + 4]]
    for header, kind in _KINDS:
        if len(texts) >= len(header) and all(
            t.startswith(h) for t, h in zip(texts, header, strict=False)
        ):
            optional = APOSTILLE_HEADER if kind == "submitted" else None
            split = split_table(
                source,
                paragraphs[index:],
                header,
                paragraphs[-1].line_end,
                optional_header=optional,
                stop=_ends_table,
            )
            rows = _ROWS[kind](source, split)
            used = len(paragraphs) - index - len(split.rest)
            header_row = tuple(_cell(source, [p]) for p in split.header)
            return Table((header_row, *rows), f"line {split.header[0].line_start}"), used
    return None


def _cell(source: Source, paragraphs: Sequence[Paragraph], merged: bool = False) -> Cell:
    shown = [p for p in paragraphs if not p.is_empty]
    # An empty cell whose mark the text lost (`_NO_LINE`) has no line to point to.
    line = paragraphs[0].line_start
    origin = f"line {line}" if line else "empty"
    return Cell(tuple(_block(source, p) for p in shown), origin, merged)


def _submitted(source: Source, split: TableSplit) -> list[tuple[Cell, ...]]:
    width = len(split.header)
    grid: list[tuple[Cell, ...]] = []
    above: dict[int, int] = {}  # the row above: its cells' start column → columns spanned
    for row in rebuild_submitted_rows(source, split):
        columns: list[list[Paragraph] | None] = [None] * width
        last = -1
        for paragraph in row.cells:
            column = _column(row, paragraph, last, width)
            columns[column] = [*(columns[column] or []), paragraph]
            last = max(last, column)
        cells: list[Cell] = []
        starts: dict[int, int] = {}
        number = 0
        while number < width:
            content = columns[number]
            if content is not None:
                cells.append(_cell(source, content))
                starts[number] = 1
                number += 1
            elif (
                grid
                and number in above
                and all(
                    columns[k] is None for k in range(number, min(number + above[number], width))
                )
            ):
                # The form-and-manner cell merged down (or another cell the row leaves unfilled
                # under one as wide): it continues the cell above.
                span = above[number]
                cells.append(Cell((), "merged", merged=True, columns=span))
                starts[number] = span
                number += span
            elif cells:
                # A column the row leaves unfilled is taken by the cell before it (merged across).
                before = cells[-1]
                cells[-1] = Cell(
                    before.paragraphs, before.origin, before.merged, before.columns + 1
                )
                starts[max(starts)] += 1
                number += 1
            else:
                cells.append(Cell((), "empty"))
                starts[number] = 1
                number += 1
        above = starts
        grid.append(tuple(cells))
    return grid


def _column(row: RebuiltRow, paragraph: Paragraph, last: int, width: int) -> int:
    if paragraph is row.name or paragraph in row.alternatives:
        return 0
    if paragraph is row.requirement:
        return 1
    if paragraph in row.form:
        return 2
    if paragraph is row.apostille:
        return width - 1
    return min(last + 1, width - 1)


def _pairs(source: Source, split: TableSplit) -> list[tuple[Cell, ...]]:
    """A two-column table row by row: each row's own two cells, an empty cell kept as empty.

    Dropping the empty cells before pairing would pair a row's name with the next row's; where
    the text does not tell which row lacks a cell, the table is refused instead."""
    cells = _row_cells(source, split)
    if len(cells) % 2:
        if source.marks is CellMarks.ABSENT:
            last = cells[-1]
            raise source.error(
                last.line_start,
                "two cells to each row (the text has no empty-cell marks to tell which row "
                "lacks one)",
                f"{len(cells)} cells, the last {quote(last.text)}",
            )
        cells.append(_empty_after(split, 1))
    pairs = zip(cells[::2], cells[1::2], strict=True)
    return [(_cell(source, [a]), _cell(source, [b])) for a, b in pairs]


def _issued(source: Source, split: TableSplit) -> list[tuple[Cell, ...]]:
    """The issued-document table row by row: a name, its validity entries, its form; an empty
    validity or form cell is its own row's empty cell (its no-break-space line), never merged."""
    cells = _row_cells(source, split)
    rows: list[tuple[Cell, ...]] = []
    index = 0
    while index < len(cells):
        name = cells[index]
        index += 1
        validity: list[Paragraph] = []
        while index < len(cells) and _VALIDITY.match(cells[index].text):
            validity.append(cells[index])
            index += 1
        missing = 0  # the last row's cells past the end of the body
        if not validity:
            if index == len(cells):
                missing += 1
                validity.append(_empty_after(split, missing))
            elif cells[index].is_empty:
                validity.append(cells[index])
                index += 1
            else:
                raise source.error(
                    cells[index].line_start,
                    f"a validity cell («3 месяца», «бессрочно») or an empty one for "
                    f"{quote(name.text)}",
                    quote(cells[index].text),
                )
        if index < len(cells):
            form = cells[index]
            index += 1
        else:
            form = _empty_after(split, missing + 1)
        rows.append((_cell(source, [name]), _cell(source, validity), _cell(source, [form])))
    return rows


def _row_cells(source: Source, split: TableSplit) -> list[Paragraph]:
    """The body's paragraphs, empty cells included; refused where an empty cell is uncertain."""
    for paragraph in [*split.body, *split.trailing]:
        if paragraph.uncertain:
            raise source.error(
                paragraph.line_start,
                "one reading of the table",
                "two: (1) the blank lines here held an empty table cell (its no-break space "
                "became a space); (2) they are only spacing, and the row's cells are fewer. "
                "Restore the empty cells' no-break-space lines (or import the .docx)",
            )
    return list(split.body)


def _empty_after(split: TableSplit, number: int) -> Paragraph:
    """The last row's `number`-th missing cell: an empty paragraph cut from the end of the body
    when more follow it than the one Word puts after a table, else an empty cell with no line
    (the copy lost its mark, or the paragraph after the table: the row is the same)."""
    if len(split.trailing) > number:
        return split.trailing[number - 1]
    return _NO_LINE


# An empty cell whose line the text does not show (line 0: `_cell` names no line for it).
_NO_LINE = Paragraph(0, 0, ("",))


_ROWS: dict[str, Callable[[Source, TableSplit], list[tuple[Cell, ...]]]] = {
    "submitted": _submitted,
    "requested": _pairs,
    "issued": _issued,
    "appeal": _pairs,
}
