"""What every document parser shares: source lines, spans into them, parse errors that say where.

Parsers are pure: they take a `SourceDocument` (text already decoded) and return records; they never
touch the database. Every record keeps the `Span` it was read from, so each fact in the graph can be
traced back to the document, its lines, and the verbatim text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

NBSP = "\u00a0"


@dataclass(frozen=True, slots=True)
class Span:
    """Lines `line_start`..`line_end` (1-based, inclusive) of `document`, with their text."""

    document: str
    line_start: int
    line_end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A decoded source document: its name (used in provenance and error messages) and its lines."""

    name: str
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def span(self, line_start: int, line_end: int) -> Span:
        """The span of lines `line_start`..`line_end` (1-based, inclusive), verbatim."""
        chosen = self.lines[line_start - 1 : line_end]
        return Span(self.name, line_start, line_end, "\n".join(chosen))

    @classmethod
    def read(cls, path: Path) -> SourceDocument:
        """Read a UTF-8 document; anything else is a `DocumentError`, never a silent mis-decode."""
        raw = path.read_bytes()
        if not raw.strip():
            raise DocumentError(path.name, None, "a non-empty document", "an empty file")
        if b"\x00" in raw:
            raise DocumentError(path.name, None, "a UTF-8 text document", "binary data (NUL bytes)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise DocumentError(
                path.name, line, "UTF-8 text", f"a byte that is not UTF-8 at offset {error.start}"
            ) from None
        return cls(name=path.name, text=text.replace("\r\n", "\n").replace("\r", "\n"))


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
