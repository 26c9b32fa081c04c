"""One document model for every format a regulation comes in (Pandoc style).

A reader turns its format into a `Document`: paragraphs and tables of rows of cells, each block
knowing where it came from (`origin`: a line of a text, a paragraph or table cell of a .docx, a line
of HTML). What follows the readers is shared: `render` writes the model as the flattened-Word text
the regulation reader was built on (a paragraph per cell, a no-break-space line for an empty cell, a
cell merged down from the row above left out), so a table read from Word and a table rebuilt from
flattened text meet the same parser and give the same facts. `render_with_grid` also says which
row and column of which table each cell's lines came from (`importers.base.Grid`), so the parser
reads a real table's rows as they are instead of rebuilding them.

    document = read_docx("resolution.docx", raw)
    text = render(document)   # then SourceDocument(name, text) → parse_mvd_resolution
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from importers.base import NBSP, Grid

__all__ = [
    "Block",
    "Cell",
    "Document",
    "Paragraph",
    "Table",
    "render",
    "render_with_grid",
    "render_with_origins",
]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph's lines (soft line breaks kept) and where it came from."""

    lines: tuple[str, ...]
    origin: str

    @property
    def is_empty(self) -> bool:
        return not any(line.strip(" \t" + NBSP) for line in self.lines)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its paragraphs; `merged` when it continues the cell above (merged down);
    `columns` grid columns it spans (merged across)."""

    paragraphs: tuple[Paragraph, ...]
    origin: str
    merged: bool = False
    columns: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    origin: str


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    blocks: tuple[Block, ...]


def render(document: Document) -> str:
    """The document as flattened-Word text: blank lines between paragraphs, tables cell by cell."""
    return render_with_origins(document)[0]


def render_with_origins(document: Document) -> tuple[str, tuple[str, ...]]:
    """The rendering, and for each of its lines where in the original it came from."""
    text, origins, _ = render_with_grid(document)
    return text, origins


def render_with_grid(document: Document) -> tuple[str, tuple[str, ...], Grid]:
    """The rendering, where each of its lines came from, and the row and column of each line of
    the tables' cells (`Grid`)."""
    lines: list[str] = []
    origins: list[str] = []
    cells: dict[int, tuple[int, int, int]] = {}
    merged: set[tuple[int, int, int]] = set()
    for text, origin, at in _chunks(document, merged):
        if lines:
            lines.append("")
            origins.append(origins[-1])
        if at is not None:
            cells[len(lines) + 1] = at
        for line in text.split("\n"):
            lines.append(line)
            origins.append(origin)
    grid = Grid(cells, frozenset(merged))
    return "\n".join(lines) + "\n", (*origins, origins[-1] if origins else ""), grid


def _chunks(
    document: Document, merged: set[tuple[int, int, int]]
) -> Iterator[tuple[str, str, tuple[int, int, int] | None]]:
    tables = (b for b in document.blocks if isinstance(b, Table))
    numbers = {id(table): number for number, table in enumerate(tables)}
    for block in document.blocks:
        if isinstance(block, Paragraph):
            yield _text(block), block.origin, None
            continue
        number = numbers[id(block)]
        for r, row in enumerate(block.rows):
            column = 0
            for cell in row:
                at = (number, r, column)
                column += cell.columns
                if cell.merged:
                    merged.add(at)
                    continue
                paragraphs = [p for p in cell.paragraphs if not p.is_empty]
                if not paragraphs:
                    yield NBSP, f"{cell.origin} (empty)", at
                yield from ((_text(p), cell.origin, at) for p in paragraphs)
        yield NBSP, f"after {block.origin}", None  # the paragraph Word always puts after a table


def _text(paragraph: Paragraph) -> str:
    lines = [" ".join(line.split()) for line in paragraph.lines]
    return "\n".join(line for line in lines if line) or NBSP
