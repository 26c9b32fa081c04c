"""Paragraphs of a flattened Word document, and the small text helpers the regulation parser shares.

The flattening puts each Word paragraph (and each table cell paragraph) on its own line, with blank
lines between them; a paragraph with soft line breaks keeps its lines together. So a paragraph here
is a run of consecutive non-blank lines. A line holding only a no-break space is an empty paragraph:
in a table it is an empty cell (or the continuation of a merged one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from importers.base import DocumentError, SourceDocument, Span, clean
from lexgraph.russian import GENITIVE_MONTHS

MONTHS = GENITIVE_MONTHS

_WORD_DATE = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4}) г\.")
_NUMERIC_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")
# A footnote marker sits right after a word or punctuation: «электронного документа*», «…:**».
_MARKER = re.compile(r"(?<=[^\s*])\*+")
_FOOTNOTE = re.compile(r"^(\*+|\d)\s*(.+)$")
SEPARATOR = re.compile(r"^_{10,}$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Lines `line_start`..`line_end` (1-based) with their cleaned text, joined by spaces."""

    line_start: int
    line_end: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line)

    @property
    def is_empty(self) -> bool:
        return not any(self.lines)


class Source:
    """A document split once into lines and paragraphs; builds spans without re-splitting."""

    def __init__(self, document: SourceDocument) -> None:
        self.name = document.name
        self.lines = document.lines
        self.paragraphs = _paragraphs(self.lines)

    def span(self, line_start: int, line_end: int) -> Span:
        text = "\n".join(self.lines[line_start - 1 : line_end])
        return Span(self.name, line_start, line_end, text)

    def span_of(self, first: Paragraph, last: Paragraph | None = None) -> Span:
        return self.span(first.line_start, (last or first).line_end)

    def error(self, line: int | None, expected: str, found: str) -> DocumentError:
        return DocumentError(self.name, line, expected, found)

    def error_at(self, paragraph: Paragraph | None, expected: str, end_line: int) -> DocumentError:
        """An error at `paragraph` (showing its text), or at `end_line` when the text ran out."""
        if paragraph is None:
            return self.error(end_line, expected, "the end of the section")
        return self.error(paragraph.line_start, expected, quote(paragraph.text))


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    found: list[Paragraph] = []
    start: int | None = None
    for index, line in enumerate([*lines, ""], start=1):
        if line.strip(" \t") and start is None:
            start = index
        elif not line.strip(" \t") and start is not None:
            chunk = tuple(clean(text) for text in lines[start - 1 : index - 1])
            found.append(Paragraph(start, index - 1, chunk))
            start = None
    return found


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
