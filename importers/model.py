"""One document model for every format a regulation comes in (Pandoc style).

A reader turns its format into a `Document`: paragraphs and tables of rows of cells, each block
knowing where it came from (`origin`: a line of a text, a paragraph or table cell of a .docx, a line
of HTML). What follows the readers is shared: `render` writes the model as the flattened-Word text
the regulation reader was built on (a paragraph per cell, a no-break-space line for an empty cell, a
cell merged down from the row above left out), so a table read from Word and a table rebuilt from
flattened text meet the same parser and give the same facts.

    document = read_docx("resolution.docx", raw)
    text = render(document)   # then SourceDocument(name, text) → parse_mvd_resolution
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from importers.base import NBSP

__all__ = ["Block", "Cell", "Document", "Paragraph", "Table", "render", "render_with_origins"]


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
    lines: list[str] = []
    origins: list[str] = []
    for text, origin in _chunks(document):
        if lines:
            lines.append("")
            origins.append(origins[-1])
        for line in text.split("\n"):
            lines.append(line)
            origins.append(origin)
    return "\n".join(lines) + "\n", (*origins, origins[-1] if origins else "")


def _chunks(document: Document) -> Iterator[tuple[str, str]]:
    for block in document.blocks:
        if isinstance(block, Paragraph):
            yield _text(block), block.origin
            continue
        for row in block.rows:
            for cell in row:
                if cell.merged:
                    continue
                paragraphs = [p for p in cell.paragraphs if not p.is_empty]
                if not paragraphs:
                    yield NBSP, f"{cell.origin} (empty)"
                yield from ((_text(p), cell.origin) for p in paragraphs)
        yield NBSP, f"after {block.origin}"  # the paragraph Word always puts after a table


def _text(paragraph: Paragraph) -> str:
    lines = [" ".join(line.split()) for line in paragraph.lines]
    return "\n".join(line for line in lines if line) or NBSP
