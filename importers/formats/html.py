"""Acts as pravo.by and ЭТАЛОН-online serve them in HTML, read with lxml.

Block elements (`p`, `div` without blocks inside, headings, `li`) are paragraphs; `br` breaks a
line; `table` rows and cells are kept as such (a `rowspan` cell is followed, in the rows it spans,
by `merged` cells, as Word's flattening omits them). Scripts, styles and navigation are dropped,
and so is the table of contents ЭТАЛОН-online puts before a long act (classes `contentword`,
`contenttext`): it repeats the headings of the text.
"""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from importers.base import DocumentError
from importers.model import Cell, Document, Paragraph, Table

__all__ = ["read_html"]

_SKIPPED = {"script", "style", "head", "nav", "header", "footer", "noscript", "form"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "center"}
_SKIPPED_CLASSES = {"contentword", "contenttext"}


def read_html(name: str, text: str) -> Document:
    """The paragraphs and tables of the page `text` (already decoded: UTF-8 is checked before)."""
    try:
        root = lxml_html.document_fromstring(text)
    except (ParserError, ValueError) as error:
        raise DocumentError(name, None, "an HTML page", str(error)) from None
    blocks: list[Paragraph | Table] = []
    _walk(root, blocks)
    return Document(name, tuple(blocks))


def _walk(element: _Element, blocks: list[Paragraph | Table]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIPPED or _SKIPPED_CLASSES & set((child.get("class") or "").split()):
            continue
        if tag == "table":
            blocks.append(_table(child))
        elif tag in _BLOCKS and not any(
            isinstance(c.tag, str) and (c.tag in _BLOCKS or c.tag == "table") for c in child
        ):
            paragraph = _paragraph(child)
            if not paragraph.is_empty:
                blocks.append(paragraph)
        else:
            _walk(child, blocks)


def _paragraph(element: _Element) -> Paragraph:
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = "".join(str(piece) for piece in element.itertext())
    return Paragraph(tuple(text.split("\n")), f"HTML line {element.sourceline}")


def _table(table: _Element) -> Table:
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    rows: list[tuple[Cell, ...]] = []
    for tr in table.iter("tr"):
        cells: list[Cell] = []
        column = 0
        for td in [c for c in tr if c.tag in ("td", "th")]:
            while pending.get(column, 0) > 0:
                pending[column] -= 1
                cells.append(Cell((), f"HTML line {tr.sourceline}", merged=True))
                column += 1
            span = _number(td.get("rowspan"))
            width = _number(td.get("colspan"))
            if span > 1:
                pending.update({column + k: span - 1 for k in range(width)})
            inner = [c for c in td if isinstance(c.tag, str) and c.tag in _BLOCKS]
            paragraphs = tuple(_paragraph(p) for p in inner) if inner else (_paragraph(td),)
            cells.append(Cell(paragraphs, f"HTML line {td.sourceline}", columns=width))
            column += width
        while pending.get(column, 0) > 0:
            pending[column] -= 1
            cells.append(Cell((), f"HTML line {tr.sourceline}", merged=True))
            column += 1
        rows.append(tuple(cells))
    return Table(tuple(rows), f"HTML line {table.sourceline}")


def _number(value: str | None) -> int:
    return int(value) if value is not None and value.isdigit() and int(value) > 0 else 1
