"""What every document parser shares: source lines, spans into them, parse errors that say where.

Parsers are pure: they take a `SourceDocument` (text already decoded) and return records; they never
touch the database. Every record keeps the `Span` it was read from, so each fact in the graph can be
traced back to the document, its lines, and the verbatim text.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

NBSP = "\u00a0"
# A legal text's longest paragraph runs to a few thousand characters (the corpus's to 1,434); a
# line far longer is not a document and would only make the parsers' regular expressions crawl.
MAX_LINE_CHARS = 20_000
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


@dataclass(frozen=True, slots=True)
class Span:
    """Lines `line_start`..`line_end` (1-based, inclusive) of `document`, with their text."""

    document: str
    line_start: int
    line_end: int
    text: str


@dataclass(frozen=True, slots=True)
class Grid:
    """Where the rendered lines of a document's real tables (a .docx's, an HTML page's) came from:
    the first line of each cell paragraph → (table, row, grid column), tables and rows counted from
    0, and the cells that continue the one above (merged down), which no line shows."""

    cells: Mapping[int, tuple[int, int, int]]
    merged: frozenset[tuple[int, int, int]]


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A decoded source document: its name (used in provenance and error messages) and its lines."""

    name: str
    text: str
    origins: tuple[str, ...] = ()
    """For a text rendered from a .docx or an HTML page: where each line came from in it."""
    grid: Grid | None = None
    """For a text rendered from real tables: the row and column of each cell's lines, so table
    rows are read as the file has them, never rebuilt from the flattened paragraphs."""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def span(self, line_start: int, line_end: int) -> Span:
        """The span of lines `line_start`..`line_end` (1-based, inclusive), verbatim."""
        chosen = self.lines[line_start - 1 : line_end]
        return Span(self.name, line_start, line_end, "\n".join(chosen))

    @classmethod
    def read(
        cls, path: Path, *, max_bytes: int | None = None, max_line_chars: int = MAX_LINE_CHARS
    ) -> SourceDocument:
        """Read a UTF-8 document; anything else is a `DocumentError`, never a silent mis-decode.

        A file over `max_bytes` is refused before it is read, and so is anything but a regular
        file (a FIFO or a device would block or never end)."""
        return cls.decode(path.name, read_bounded(path, max_bytes), max_line_chars)

    @classmethod
    def decode(cls, name: str, raw: bytes, max_line_chars: int = MAX_LINE_CHARS) -> SourceDocument:
        """The document `name` from its bytes, with the checks `read` makes (an upload to the API
        gets the same as a file)."""
        if not raw.strip():
            raise DocumentError(name, None, "a non-empty document", "an empty file")
        for bom, encoding in _WIDE_BOMS:
            if raw.startswith(bom):
                raise DocumentError(
                    name, 1, "UTF-8 text", f"{encoding} text (a byte order mark); convert it"
                )
        if b"\x00" in raw:
            raise DocumentError(name, None, "a UTF-8 text document", "binary data (NUL bytes)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise DocumentError(
                name, line, "UTF-8 text", f"a byte that is not UTF-8 at offset {error.start}"
            ) from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > max_line_chars:
            _check_line_lengths(name, text, max_line_chars)
        return cls(name=name, text=text)


def read_bounded(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of a regular file of at most `max_bytes` (checked before and while reading)."""
    # Checked before opening: opening a FIFO blocks until someone writes to it.
    if not stat.S_ISREG(path.stat().st_mode):
        raise DocumentError(path.name, None, "a regular file", "a device, pipe or socket")
    with path.open("rb") as file:
        status = os.fstat(file.fileno())
        if max_bytes is not None and status.st_size > max_bytes:
            raise DocumentError(
                path.name, None, f"a document of at most {_size(max_bytes)}", _size(status.st_size)
            )
        raw = file.read() if max_bytes is None else file.read(max_bytes + 1)
    if max_bytes is not None and len(raw) > max_bytes:
        raise DocumentError(
            path.name, None, f"a document of at most {_size(max_bytes)}", "a file still growing"
        )
    return raw


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB ({count} bytes)"


def _check_line_lengths(name: str, text: str, limit: int) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limit:
            raise DocumentError(
                name,
                number,
                f"lines of at most {limit} characters",
                f"a line of {len(line)} characters",
            )


class DocumentError(Exception):
    """A document that cannot be imported: file and line, what was expected, what was found."""

    def __init__(self, document: str, line: int | None, expected: str, found: str) -> None:
        self.document = document
        self.line = line
        self.expected = expected
        self.found = found
        where = f"{document}:{line}" if line is not None else document
        super().__init__(f"{where}: expected {expected}, found {found}")


def clean(text: str) -> str:
    """Normalize a cell or line for comparison: no-break spaces become spaces, runs collapse."""
    return " ".join(text.replace(NBSP, " ").split())


def locate(verbatim: str, text: str, start: int = 0) -> tuple[int, int]:
    """Where `text` (normalized by `clean`) stands in `verbatim` (lines as they are, with their
    no-break spaces, tabs and line ends), from `start`: (start, end) offsets into `verbatim`."""
    pattern = r"\s+".join(re.escape(word) for word in text.split())
    found = re.compile(pattern).search(verbatim, start)
    if found is None:
        raise ValueError(f"«{text[:60]}» is not in its own lines «{verbatim[:60]}»")
    return found.start(), found.end()


def align(verbatim: str, text: str, start: int = 0) -> list[int]:
    """For each character of `text` (normalized by `clean`) where it stands in `verbatim`, and
    last where `text` ends there: a span inside `text` maps to `verbatim` through it."""
    begin, end = locate(verbatim, text, start)
    positions: list[int] = []
    at = begin
    for character in text:
        positions.append(at)
        if character.isspace():
            while at < end and verbatim[at].isspace():
                at += 1
        else:
            at += 1
    positions.append(end)
    return positions
