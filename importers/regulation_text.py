"""Paragraphs of a flattened Word document, and the small text helpers the regulation parser shares.

The paragraphs and empty cells come from `importers.flattened`, which reads them the same whatever
whitespace the text went through (or says it cannot).
"""

from __future__ import annotations

import re
from datetime import date

from importers.base import DocumentError, SourceDocument, Span
from importers.flattened import CellMarks, IgnoredLine, Paragraph, UnclearLine, read_layout
from lexgraph.russian import GENITIVE_MONTHS

MONTHS = GENITIVE_MONTHS
__all__ = [
    "SEPARATOR",
    "CellMarks",
    "IgnoredLine",
    "Paragraph",
    "Source",
    "markers",
    "numeric_date",
    "parse_footnote",
    "quote",
    "strip_list_end",
    "strip_markers",
    "word_date",
]

_WORD_DATE = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4}) г\.")
_NUMERIC_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")
# A footnote marker sits right after a word or punctuation: «электронного документа*», «…:**».
_MARKER = re.compile(r"(?<=[^\s*])\*+")
_FOOTNOTE = re.compile(r"^(\*+|\d)\s*(.+)$")
SEPARATOR = re.compile(r"^_{10,}$")


class Source:
    """A document split once into lines and paragraphs; builds spans without re-splitting."""

    def __init__(self, document: SourceDocument) -> None:
        self.name = document.name
        self.origins = document.origins
        self.lines = document.lines
        try:
            layout = read_layout(self.lines)
        except UnclearLine as unclear:
            raise self.error(
                unclear.line,
                "text, a blank line or an empty cell's no-break space",
                f"a line of other blank characters ({unclear.characters}): an empty cell or an "
                "empty paragraph, the text does not say which",
            ) from None
        self.paragraphs = list(layout.paragraphs)
        self.marks = layout.marks
        self.ignored = layout.ignored
        self.grid = document.grid

    def cell_at(self, paragraph: Paragraph) -> tuple[int, int, int] | None:
        """(table, row, column) of a paragraph rendered from a real table's cell, else None."""
        return self.grid.cells.get(paragraph.line_start) if self.grid is not None else None

    def span(self, line_start: int, line_end: int) -> Span:
        text = "\n".join(self.lines[line_start - 1 : line_end])
        return Span(self.name, line_start, line_end, text)

    def span_of(self, first: Paragraph, last: Paragraph | None = None) -> Span:
        return self.span(first.line_start, (last or first).line_end)

    def error(self, line: int | None, expected: str, found: str) -> DocumentError:
        if line is not None and 0 < line <= len(self.origins):
            # A rendered .docx or HTML page: say where the line is in the file the user has.
            found = f"{found} (at {self.origins[line - 1]} of {self.name})"
        return DocumentError(self.name, line, expected, found)

    def error_at(self, paragraph: Paragraph | None, expected: str, end_line: int) -> DocumentError:
        """An error at `paragraph` (showing its text), or at `end_line` when the text ran out."""
        if paragraph is None:
            return self.error(end_line, expected, "the end of the section")
        return self.error(paragraph.line_start, expected, quote(paragraph.text))


def quote(text: str, limit: int = 70) -> str:
    if not text:
        return "an empty paragraph"
    return f"«{text[:limit]}…»" if len(text) > limit else f"«{text}»"


def word_date(text: str) -> date | None:
    """The first date written «19 мая 2023 г.» in `text`."""
    match = _WORD_DATE.search(text)
    if match is None:
        return None
    return _checked_date(int(match[3]), MONTHS[match[2]], int(match[1]))


def numeric_date(text: str) -> date | None:
    """The first date written «19.05.2023» in `text`."""
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return None
    return _checked_date(int(match[3]), int(match[2]), int(match[1]))


def _checked_date(year: int, month: int, day: int) -> date | None:
    """An impossible date («31 февраля») is no date: callers then say which line expected one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def markers(text: str) -> list[str]:
    """Footnote markers (`*`, `**`) in `text`, in order."""
    return _MARKER.findall(text)


def strip_markers(text: str) -> str:
    return _MARKER.sub("", text)


def parse_footnote(source: Source, paragraph: Paragraph) -> tuple[str, str]:
    """The marker and text of a footnote paragraph, «** За исключением …»."""
    match = _FOOTNOTE.match(paragraph.text)
    if match is None:
        raise source.error_at(paragraph, "a footnote starting with its marker", 0)
    return match[1], match[2]


def strip_list_end(text: str) -> str:
    """A list item without the «;» or «.» that ends it in the enumeration."""
    return text.rstrip().removesuffix(";").removesuffix(".").rstrip()
