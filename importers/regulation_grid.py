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
from importers.regulation_text import Paragraph, Source

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
    origin = f"line {paragraphs[0].line_start}" if paragraphs else "merged"
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
    cells = [p for p in split.body if not p.is_empty]
    return [
        (_cell(source, [a]), _cell(source, [b]))
        for a, b in zip(cells[::2], cells[1::2], strict=False)
    ]


def _issued(source: Source, split: TableSplit) -> list[tuple[Cell, ...]]:
    cells = [p for p in split.body if not p.is_empty]
    rows: list[tuple[Cell, ...]] = []
    index = 0
    while index < len(cells):
        name = cells[index]
        index += 1
        validity: list[Paragraph] = []
        while index < len(cells) and _VALIDITY.match(cells[index].text):
            validity.append(cells[index])
            index += 1
        form = cells[index : index + 1]
        index += 1
        rows.append((_cell(source, [name]), _cell(source, validity), _cell(source, form)))
    return rows


_ROWS: dict[str, Callable[[Source, TableSplit], list[tuple[Cell, ...]]]] = {
    "submitted": _submitted,
    "requested": _pairs,
    "issued": _issued,
    "appeal": _pairs,
}
