"""Word documents (.docx) with real tables, read with python-docx.

Body paragraphs and tables in document order; a cell continuing a vertical merge (`w:vMerge`
without `restart`) is marked `merged`, and a cell spanning several grid columns (`w:gridSpan`)
appears once, as Word's own flattening writes it.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from importers.base import DocumentError
from importers.model import Cell, Document, Paragraph, Table

__all__ = ["read_docx"]


def read_docx(name: str, raw: bytes) -> Document:
    """The paragraphs and tables of the .docx `raw`; `DocumentError` if it is no Word document."""
    try:
        word = open_docx(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(name, None, "a Word document (.docx)", f"{error}") from None
    blocks: list[Paragraph | Table] = []
    paragraph_count = table_count = 0
    for item in word.iter_inner_content():
        if isinstance(item, DocxParagraph):
            paragraph_count += 1
            blocks.append(_paragraph(item, f"paragraph {paragraph_count}"))
        else:
            table_count += 1
            blocks.append(_table(item, f"table {table_count}"))
    return Document(name, tuple(blocks))


def _paragraph(paragraph: DocxParagraph, origin: str) -> Paragraph:
    return Paragraph(tuple(paragraph.text.split("\n")), origin)


def _table(table: DocxTable, origin: str) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for row_number, row in enumerate(table.rows, start=1):
        cells: list[Cell] = []
        for cell_number, tc in enumerate(row._tr.tc_lst, start=1):
            cell = _Cell(tc, table)
            where = f"{origin}, row {row_number}, cell {cell_number}"
            paragraphs = tuple(
                _paragraph(p, f"{where}, paragraph {n}")
                for n, p in enumerate(cell.paragraphs, start=1)
            )
            cells.append(Cell(paragraphs, where, merged=_continues_merge(tc), columns=tc.grid_span))
        rows.append(tuple(cells))
    return Table(tuple(rows), origin)


def _continues_merge(tc: object) -> bool:
    properties = getattr(tc, "tcPr", None)
    if properties is None:
        return False
    merge = properties.find(qn("w:vMerge"))
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")
