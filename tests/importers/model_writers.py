"""Writers for tests: a document model (`importers.model.Document`) as .docx, HTML, browser copy.

The test-side counterpart of the readers in `importers/formats/`: they make the forms users hold
from a model, so each form can be read back and compared with the original's facts.
"""

from __future__ import annotations

import html
import io

import docx

from importers.model import Cell, Document, Paragraph, Table


def _grid(table: Table) -> list[list[tuple[int, Cell]]]:
    """Each row's cells with the grid column they start at."""
    rows: list[list[tuple[int, Cell]]] = []
    for row in table.rows:
        column = 0
        placed: list[tuple[int, Cell]] = []
        for cell in row:
            placed.append((column, cell))
            column += cell.columns
        rows.append(placed)
    return rows


def _lines(paragraph: Paragraph) -> list[str]:
    return [" ".join(line.split()) for line in paragraph.lines if line.strip(" \u00a0")]


def to_docx(document: Document) -> bytes:
    word = docx.Document()
    for block in document.blocks:
        if isinstance(block, Paragraph):
            word.add_paragraph("\n".join(_lines(block)))
            continue
        grid = _grid(block)
        width = max(column + cell.columns for row in grid for column, cell in row)
        table = word.add_table(rows=len(grid), cols=width)
        for r, row in enumerate(grid):
            for column, cell in row:
                target = table.cell(r, column)
                if cell.columns > 1:
                    target = target.merge(table.cell(r, column + cell.columns - 1))
                if cell.merged:
                    table.cell(r - 1, column).merge(target)
                    continue
                texts = ["\n".join(_lines(p)) for p in cell.paragraphs]
                for n, text in enumerate(texts):
                    if n == 0:
                        target.paragraphs[0].text = text
                    else:
                        target.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def to_html(document: Document) -> bytes:
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>pravo.by</title></head>"]
    parts.append("<body><nav>Главная</nav><div class='Section1'>\n")
    for block in document.blocks:
        if isinstance(block, Paragraph):
            text = "<br>".join(html.escape(line) for line in _lines(block))
            parts.append(f"<p class='p'>{text or '&nbsp;'}</p>\n")
            continue
        grid = _grid(block)
        parts.append("<table border='1'>\n")
        for r, row in enumerate(grid):
            parts.append("<tr>")
            for column, cell in row:
                if cell.merged:
                    continue
                below = 1
                while r + below < len(grid) and any(
                    c == column and other.merged for c, other in grid[r + below]
                ):
                    below += 1
                attributes = (f" rowspan='{below}'" if below > 1 else "") + (
                    f" colspan='{cell.columns}'" if cell.columns > 1 else ""
                )
                inner = "".join(
                    "<p>" + "<br>".join(html.escape(x) for x in _lines(p)) + "</p>"
                    for p in cell.paragraphs
                )
                parts.append(f"<td{attributes}>{inner}</td>")
            parts.append("</tr>\n")
        parts.append("</table>\n")
    parts.append("</div></body></html>\n")
    return "".join(parts).encode()


def to_browser_copy(document: Document) -> bytes:
    """Table rows on lines, cells joined by tabs, a cell's later paragraphs on lines of their own;
    paragraphs parted by blank lines (empty paragraphs are lost, as in a copy)."""
    chunks: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines = _lines(block)
            if lines:
                chunks.append("\n".join(lines))
            continue
        rows = [
            "\t".join("\n".join(" ".join(_lines(p)) for p in c.paragraphs) for c in row)
            for row in (tuple(c for c in row if not c.merged) for row in block.rows)
        ]
        chunks.append("\n".join(rows))
    return ("\n\n".join(chunks) + "\n").encode()
