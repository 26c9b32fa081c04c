"""Writers for tests: a document model (`importers.model.Document`) as .docx, HTML, browser copy.

The test-side counterpart of the readers in `importers/formats/`: they make the forms users hold
from a model, so each form can be read back and compared with the original's facts.
"""

from __future__ import annotations

import html
import io
import re

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


# pravo.by and ЭТАЛОН-online mark an act up with classes of their own, which the reader does not
# need but must not trip over: the heading in `#docTitlePrint` («name», «promulgator», «datepr»,
# «number», «titlencpi»), the body in `#userContent` (`preamble`, `point`, `underpoint`,
# `newncpi`, `snoskiline`, `snoski`, `agree`), the approval stamp and the signature laid out in
# borderless tables (`capu1`, `cap1`; `post`, `pers`), footnote markers in `<sup>`, data tables
# of class `table10`, a table of contents (`contentword`, `contenttext`) before the text, and the
# site's own chrome around it (scripts, header, menu, footer).
_POINT = re.compile(r"^\d+\.[\s\u00a0]")
_UNDERPOINT = re.compile(r"^\d+\.\d+(?:\.\d+)*\.[\s\u00a0]")
_FOOTNOTE = re.compile(r"^(\*+|\d)[\s\u00a0]")
_MARKER = re.compile(r"(подпункту)(\d)(\s)")


def _markup(text: str) -> str:
    escaped = html.escape(text).replace("\u00a0", "&nbsp;")
    return _MARKER.sub(r"\1<sup>\2</sup>\3", escaped)


def _lines_markup(paragraph: Paragraph) -> str:
    return "<br/>".join(_markup(line) for line in paragraph.lines if line.strip(" \u00a0"))


def _pravo_table(table: Table) -> str:
    grid = _grid(table)
    rows: list[str] = []
    for r, row in enumerate(grid):
        cells: list[str] = []
        for column, cell in row:
            if cell.merged:
                continue
            below = 1
            while r + below < len(grid) and any(
                c == column and other.merged for c, other in grid[r + below]
            ):
                below += 1
            attributes = (f' rowspan="{below}"' if below > 1 else "") + (
                f' colspan="{cell.columns}"' if cell.columns > 1 else ""
            )
            inner = (
                "".join(
                    f'<p class="table10">{_lines_markup(p) or "&nbsp;"}</p>'
                    for p in cell.paragraphs
                )
                or '<p class="table10">&nbsp;</p>'
            )
            cells.append(f'<td class="table10" valign="top"{attributes}>{inner}</td>')
        rows.append('<tr valign="top">' + "".join(cells) + "</tr>")
    return (
        '<table class="table10" border="1" cellpadding="0" cellspacing="0">\n'
        + "\n".join(rows)
        + "\n</table>\n"
    )


def to_pravo_html(document: Document) -> bytes:
    """The document as ЭТАЛОН-online and pravo.by serve an act (see the classes above)."""
    blocks = list(document.blocks)
    head = [b for b in blocks[:6] if isinstance(b, Paragraph) and not b.is_empty][:3]
    heading, dated, title = (" ".join(p.lines).strip() for p in head)
    word, _, issuer = heading.replace("\u00a0", " ").partition(" ")
    date, _, number = dated.replace("\u00a0", " ").partition(" № ")
    parts = [
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)} - ЭТАЛОН-ONLINE</title>",
        "<script>window.dataLayer = window.dataLayer || [];</script>",
        '<link rel="stylesheet" href="/css/document.css"></head>\n<body>',
        '<header class="site-header"><a href="/">ЭТАЛОН-ONLINE</a></header>',
        '<nav class="menu"><ul><li><a href="/search/">Поиск</a></li></ul></nav>',
        '<div id="docTitlePrint">',
        f'<p class="newncpi0" align="center"><span class="name">{word}&nbsp;</span>'
        f'<span class="promulgator">{html.escape(issuer)}</span></p>',
        f'<p class="newncpi"><span class="datepr">{html.escape(date)}</span>'
        f'<span class="number"> № {html.escape(number)}</span></p>',
        f'<p class="titlencpi">{html.escape(title)}</p>',
        "</div>",
        '<div id="userContent"><div class="Section1">',
        '<p class="contentword">ОГЛАВЛЕНИЕ</p>',
        '<p class="contenttext"><a href="#a1">РЕГЛАМЕНТ административной процедуры …</a></p>',
    ]
    rest = blocks[blocks.index(head[2]) + 1 :]
    footnotes = False
    index = 0
    while index < len(rest):
        block = rest[index]
        index += 1
        if isinstance(block, Table):
            parts.append(_pravo_table(block))
            continue
        text = " ".join(block.lines).replace("\u00a0", " ").strip()
        if not text:
            parts.append('<p class="newncpi">&nbsp;</p>')
            continue
        if text == "УТВЕРЖДЕНО":
            stamp = rest[index]
            index += 1
            parts.append(
                '<table class="cap1" border="0" cellpadding="0" cellspacing="0"><tr>'
                '<td class="cap1" width="60%">&nbsp;</td><td class="cap1" width="40%">'
                f'<p class="capu1">УТВЕРЖДЕНО</p><p class="cap1">{_lines_markup(stamp)}</p>'
                "</td></tr></table>"
            )
            continue
        if len(block.lines) > 1 and block.lines[0].strip() == "Министр":
            signer = rest[index]
            index += 1
            parts.append(
                '<table class="signature" border="0" cellpadding="0" cellspacing="0"><tr>'
                f'<td class="newncpi0"><p class="post">{_lines_markup(block)}</p></td>'
                f'<td class="newncpi2"><p class="pers">{_lines_markup(signer)}</p></td>'
                "</tr></table>"
            )
            continue
        if text.startswith("РЕГЛАМЕНТ "):
            kind = "titleu"
        elif text.startswith("На основании"):
            kind = "preamble"
        elif text.startswith("______"):
            kind, footnotes = "snoskiline", True
        elif footnotes and _FOOTNOTE.match(text):
            kind = "snoski"
        elif _UNDERPOINT.match(text):
            kind, footnotes = "underpoint", False
        elif _POINT.match(text):
            kind, footnotes = "point", False
        elif text in ("СОГЛАСОВАНО",) or text.startswith("Министерство "):
            kind = "agree"
        elif text == "Приложение" or text.startswith("к Регламенту"):
            kind = "append1"
        elif text == "Форма":
            kind = "onestring"
        elif text.startswith("ЗАЯВЛЕНИЕ"):
            kind = "titlep"
        elif text.startswith("("):
            kind = "undline"
        else:
            kind = "newncpi"
        parts.append(f'<p class="{kind}">{_lines_markup(block)}</p>')
    parts += [
        "</div></div>",
        '<footer class="site-footer"><p>© Национальный центр правовой информации '
        "Республики Беларусь</p></footer>",
        "</body></html>\n",
    ]
    return "\n".join(parts).encode()
