"""Text copied from a browser: a table's row on one line, its cells joined by tabs.

A cell with several paragraphs comes out of the copy as one line per paragraph, and the next cell
follows a tab on the last of them; so a run of lines with tabs is a table, and a line without tabs
inside the run continues the cell before it (or, after an empty cell, which has nothing to continue,
starts the next). An empty cell is an empty field between tabs. Row boundaries are not needed: the
model is rendered cell by cell, and only the empty cells decide how rows are rebuilt.
"""

from __future__ import annotations

import re

from importers.model import Cell, Document, Paragraph, Table

__all__ = ["looks_like_browser_copy", "read_browser_copy"]


# Word puts a tab after a list number («1.<tab>Утвердить:»); that tab parts no cells.
_NUMBER_TAB = re.compile(r"^(\s*\d+(?:\.\d+)*\.)\t+")


def looks_like_browser_copy(raw: bytes) -> bool:
    """Several lines whose text is parted by tabs (not only indented by them, nor a list number
    followed by a tab)."""
    lines = raw.decode("utf-8", errors="replace").split("\n")
    return sum(1 for line in lines if "\t" in _untabbed(line).strip(" \t\r")) >= 3


def _untabbed(line: str) -> str:
    return _NUMBER_TAB.sub(r"\1 ", line)


def read_browser_copy(name: str, text: str) -> Document:
    blocks: list[Paragraph | Table] = []
    rows: list[list[Cell]] = []
    table_start = 0

    def close_table() -> None:
        if rows:
            blocks.append(Table(tuple(tuple(r) for r in rows), f"line {table_start}"))
            rows.clear()

    lines = text.replace("\r\n", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = _untabbed(line).strip(" \r")
        if "\t" in stripped:
            if not rows:
                table_start = number
            rows.append(
                [
                    Cell((Paragraph((field,), f"line {number}"),), f"line {number}, cell {n}")
                    for n, field in enumerate(stripped.split("\t"), start=1)
                ]
            )
        elif stripped.strip() and rows and rows[-1][-1].paragraphs[0].lines == ("",):
            # An empty last cell has nothing to continue: the line starts the next row, whose
            # first cell runs over several lines (a name cell listing documents).
            rows.append(
                [Cell((Paragraph((stripped.strip(),), f"line {number}"),), f"line {number}")]
            )
        elif stripped.strip() and rows:
            last = rows[-1][-1]
            rows[-1][-1] = Cell(
                (*last.paragraphs, Paragraph((stripped.strip(),), f"line {number}")), last.origin
            )
        elif stripped.strip():
            close_table()
            previous = blocks[-1] if blocks and lines[number - 2].strip() else None
            if isinstance(previous, Paragraph):
                # Consecutive lines outside a table are one paragraph's lines (soft line breaks).
                blocks[-1] = Paragraph((*previous.lines, stripped.strip()), previous.origin)
            else:
                blocks.append(Paragraph((stripped.strip(),), f"line {number}"))
        elif rows and number < len(lines) and "\t" not in lines[number]:
            close_table()
    close_table()
    return Document(name, tuple(blocks))
