"""Readers: one per input format, each bytes → `importers.model.Document` (pure, no I/O).

`to_source` picks the reader by the file's name and content: .docx (a ZIP with Word's parts), .html
and .htm, text whose lines hold tab-separated cells (a copy from a browser), and flattened-Word
text, which is returned unchanged (its own reader, `importers.flattened`, rebuilds its tables).

A PDF, a Word 97–2003 .doc and an RTF file are told by their first bytes and refused with what to
do instead, never read as text (README, «Formats»: why PDF is not read).
"""

from __future__ import annotations

from importers.base import DocumentError, SourceDocument
from importers.formats.browser import looks_like_browser_copy, read_browser_copy
from importers.formats.docx import read_docx
from importers.formats.html import read_html
from importers.model import Document, render_with_grid

__all__ = [
    "FORMATS",
    "REFUSED",
    "looks_like_browser_copy",
    "read_browser_copy",
    "read_docx",
    "read_html",
    "sniff_format",
    "to_source",
]

FORMATS = ("txt", "docx", "html", "browser")
# Formats told apart only to be refused, each with what to do instead.
REFUSED = {
    "pdf": (
        "a PDF: its text layer does not mark where a cell's paragraphs and line breaks are, nor a "
        "table row broken over a page, and a row read wrong is a fact read wrong; export the "
        "source to .docx, or open the act on pravo.by and save the page or copy it"
    ),
    "doc": "a Word 97–2003 document (.doc): save it as .docx",
    "rtf": "an RTF document: save it as .docx",
}
_SIGNATURES = (
    (b"%PDF-", ".pdf", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc", "doc"),
    (b"{\\rtf", ".rtf", "rtf"),
)


def sniff_format(name: str, raw: bytes) -> str:
    """«docx», «html», «browser» or «txt», from the name's extension and the first bytes (or a
    format among `REFUSED`)."""
    lower = name.lower()
    head = raw[:1024].lstrip()
    for signature, extension, form in _SIGNATURES:
        if head.startswith(signature) or lower.endswith(extension):
            return form
    if lower.endswith(".docx") or (raw.startswith(b"PK\x03\x04") and b"word/" in raw[:4096]):
        return "docx"
    head = raw[:2048].lstrip().lower()
    if lower.endswith((".html", ".htm")) or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if looks_like_browser_copy(raw):
        return "browser"
    return "txt"


def to_source(name: str, raw: bytes, form: str | None = None) -> SourceDocument:
    """The document `raw` in any format as the text the parsers read (`form` forces a format).

    A .docx, an HTML page or a browser copy is read into the document model and rendered as
    flattened-Word text; line numbers in errors and provenance then count lines of that rendering.
    The tables of a .docx and an HTML page are real: their rows and columns go along (`Grid`).
    """
    form = form or sniff_format(name, raw)
    if form in REFUSED:
        raise DocumentError(
            name,
            None,
            "a .docx, an HTML page or text (flattened Word, a browser copy)",
            REFUSED[form],
        )
    if form == "docx":
        return _rendered(read_docx(name, raw), real_tables=True)
    if form == "txt":
        return SourceDocument.decode(name, raw)
    text = SourceDocument.decode(name, raw).text  # the same checks: UTF-8, no NUL, line lengths
    if form == "html":
        return _rendered(read_html(name, text), real_tables=True)
    if form == "browser":
        # A copy's rows are themselves rebuilt from lines (`read_browser_copy`): its tables are
        # read like flattened text's, from the paragraphs.
        return _rendered(read_browser_copy(name, text), real_tables=False)
    raise DocumentError(name, None, f"a format among {', '.join(FORMATS)}", f"«{form}»")


def _rendered(document: Document, *, real_tables: bool) -> SourceDocument:
    text, origins, grid = render_with_grid(document)
    return SourceDocument(document.name, text, origins, grid if real_tables else None)
