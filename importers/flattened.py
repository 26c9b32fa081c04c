"""The paragraphs of a Word document flattened to text, whatever whitespace the text went through.

The flattening writes each Word paragraph (and each table cell) on its own lines, a blank line
between them, and an empty cell as a line holding only a no-break space (U+00A0). Those lines are
the only record of where a table row's empty cells were, so they decide how rows are rebuilt.

Editors and copy-paste turn no-break spaces into spaces, and with them the empty cells into blank
lines. The cells are then still countable when the rest of the text kept its spacing: a run of blank
lines `g + k·(g + 1)` long, where `g` is the text's ordinary gap between paragraphs, held `k` empty
cells. A run that fits no such count gives cells marked `uncertain`; a text whose ordinary gap
cannot be told holds no cell marks at all (`CellMarks.ABSENT`), and the table readers then refuse
wherever an empty cell would have decided a row. Whitespace never changes a reading silently.

Page footers («Страница 17 из 17») anywhere, and page numbers after the end of the text, are residue
of printing or PDF conversion: they are left out of the paragraphs and listed in `ignored`. A footer
stands between two paragraphs as a paragraph of its own would, with the text's spacing on each side
(as printing puts it between the last paragraph of a page and the first of the next): the blank
lines before it and after it are two gaps, each counted alone, never one run lengthened by the
footer's line (that would read an empty cell at every footer). A side that fits no whole number of
cells is uncertain, however few cells it gives: left out, the footer's line and its spacing could
have held one.

A line of other blank characters (an em space U+2003, an ideographic space U+3000…) is neither:
Word's flattening writes an empty cell as a no-break space, so such a line is either an empty
cell whose mark an editor changed or a paragraph that held only those spaces, and the text does
not say which. `read_layout` refuses it (`UnclearLine`) rather than guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from importers.base import NBSP, clean

__all__ = ["CellMarks", "IgnoredLine", "Layout", "Paragraph", "UnclearLine", "read_layout"]

_FOOTER = re.compile(r"^(?:Страница|Стр\.|Page) ?\d+ (?:из|of) \d+$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^[-–—]? ?\d{1,4} ?[-–—]?$")
_BLANK_CHARACTERS = " \t\f\v"


class CellMarks(StrEnum):
    """What the text shows of the empty cells of its tables."""

    STATED = "stated"
    """Lines holding only a no-break space, as the flattening writes them."""
    INFERRED = "inferred"
    """Counted from the lengths of blank-line runs (the no-break spaces became spaces)."""
    ABSENT = "absent"
    """Nothing to count them from."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Lines `line_start`..`line_end` (1-based) with their cleaned text, joined by spaces.

    An empty paragraph (no lines with text) is an empty table cell; `uncertain` when its count was
    inferred from a blank-line run of a length that fits no whole number of cells.
    """

    line_start: int
    line_end: int
    lines: tuple[str, ...]
    uncertain: bool = False

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line)

    @property
    def is_empty(self) -> bool:
        return not any(self.lines)


@dataclass(frozen=True, slots=True)
class IgnoredLine:
    """A line left out as residue (a page footer, a page number), said so in the import report."""

    line: int
    text: str
    reason: str


class UnclearLine(ValueError):
    """A line of blank characters other than spaces, tabs and no-break spaces: an empty cell or
    an empty paragraph, the text cannot tell (see the module docstring)."""

    def __init__(self, line: int, text: str) -> None:
        self.line = line
        self.characters = " ".join(sorted({f"U+{ord(c):04X}" for c in text}))
        super().__init__(f"line {line}: a line of blank characters {self.characters}")


@dataclass(frozen=True, slots=True)
class Layout:
    paragraphs: tuple[Paragraph, ...]
    marks: CellMarks
    ignored: tuple[IgnoredLine, ...]


def read_layout(lines: list[str]) -> Layout:
    """Paragraphs and empty cells of `lines` (a decoded text split at line ends); `UnclearLine`
    when a line of blank characters could be either."""
    kinds, ignored = _classify(lines)
    has_marks = "cell" in kinds
    gaps = _gaps(kinds)
    ordinary = _ordinary_gap(gaps) if not has_marks else None
    found: list[Paragraph] = []
    start: int | None = None
    for index, kind in enumerate([*kinds, "blank"], start=1):
        if kind == "text":
            if start is None:
                start = index
            continue
        if start is not None:
            chunk = tuple(clean(text) for text in lines[start - 1 : index - 1])
            found.append(Paragraph(start, index - 1, chunk))
            start = None
        if kind == "cell":
            found.append(Paragraph(index, index, ("",)))
        elif ordinary is not None and index in gaps:
            found.extend(_inferred_cells(index, gaps[index], ordinary, _footer_by(kinds, index)))
    if has_marks:
        marks = CellMarks.STATED
    elif ordinary is not None and any(p.is_empty for p in found):
        marks = CellMarks.INFERRED
    else:
        marks = CellMarks.ABSENT
    return Layout(tuple(found), marks, tuple(ignored))


def _classify(lines: list[str]) -> tuple[list[str], list[IgnoredLine]]:
    """Each line as «text», «cell» (only no-break spaces), «footer» or «blank» (a page number after
    the text counts as blank: nothing after the last text forms a gap); `UnclearLine` for a line
    of other blank characters."""
    kinds: list[str] = []
    ignored: list[IgnoredLine] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip(_BLANK_CHARACTERS)
        if not stripped:
            kinds.append("blank")
        elif not stripped.strip(NBSP + _BLANK_CHARACTERS):
            kinds.append("cell")
        elif stripped.isspace():
            raise UnclearLine(number, stripped)
        elif _FOOTER.match(clean(stripped)):
            kinds.append("footer")
            ignored.append(IgnoredLine(number, clean(stripped), "a page footer"))
        else:
            kinds.append("text")
    # Page numbers and footers after the last line of text are printing residue.
    for number in range(len(kinds), 0, -1):
        kind = kinds[number - 1]
        text = clean(lines[number - 1])
        if kind == "text" and _PAGE_NUMBER.match(text):
            kinds[number - 1] = "blank"
            ignored.append(IgnoredLine(number, text, "a page number after the end of the text"))
        elif kind == "text":
            break
    ignored.sort(key=lambda item: item.line)
    return kinds, ignored


def _gaps(kinds: list[str]) -> dict[int, int]:
    """Runs of blank lines between two text lines, or a text line and a page footer standing
    between paragraphs: {first line of the run: its length}."""
    texts = [index for index, kind in enumerate(kinds, start=1) if kind == "text"]
    if not texts:
        return {}
    first, last = texts[0], texts[-1]
    gaps: dict[int, int] = {}
    run_start: int | None = None
    for index, kind in enumerate(kinds, start=1):
        if kind == "blank":
            if run_start is None and index > first:
                run_start = index
            continue
        if run_start is not None and kind in ("text", "footer") and index <= last:
            gaps[run_start] = index - run_start
        run_start = None
    return gaps


def _footer_by(kinds: list[str], first: int) -> int | None:
    """The page footer a run of blank lines from line `first` touches (its line), if any."""
    end = first
    while end <= len(kinds) and kinds[end - 1] == "blank":
        end += 1
    for line in (first - 1, end):
        if 0 < line <= len(kinds) and kinds[line - 1] == "footer":
            return line
    return None


def _ordinary_gap(gaps: dict[int, int]) -> int | None:
    """The blank lines that usually part two paragraphs, when most gaps agree on it."""
    if not gaps:
        return None
    (length, count), *_ = Counter(gaps.values()).most_common(1)
    return length if count * 2 > len(gaps) else None


def _inferred_cells(
    first: int, length: int, ordinary: int, footer: int | None = None
) -> list[Paragraph]:
    """The empty cells a run of `length` blank lines from line `first` held.

    Beside a page `footer`, a run that fits no whole number of cells and gives none is still
    uncertain: one uncertain cell on the footer's line, for a table row there to be refused."""
    count, rest = divmod(length - ordinary, ordinary + 1)
    if count <= 0:
        if footer is not None and rest != 0 and length >= ordinary:
            return [Paragraph(footer, footer, ("",), uncertain=True)]
        return []
    return [
        Paragraph(line, line, ("",), uncertain=rest != 0)
        for line in (first + ordinary + k * (ordinary + 1) for k in range(count))
    ]
