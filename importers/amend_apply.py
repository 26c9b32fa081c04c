"""Apply an amending act's instructions to the flattened text of the act it amends.

Each instruction is applied in order to the text as the ones before it left it. Its target is
found by structure, never by a search through the whole text: the act's own points, or the
regulation under the «УТВЕРЖДЕНО» stamp whose title names the procedure («по подпункту 15.4.1»);
inside it the numbered points and subpoints («6.», «1.2.», «1.3.7.»), the paragraphs of a unit
that holds no table, and the tables the regulation reader rebuilds (`importers.regulation_grid`):
a column by its header, a row by the words its first cell begins with.

An instruction that cannot be applied exactly is refused with its reason — the unit does not
exist, the words are not found in it, or found more than once, a row's cell is merged over the
rows below — never guessed. Words are found whatever the whitespace between them (a no-break
space, a space, a soft line break), as whole words.

    result = apply_instructions(current_text, amendment.instructions)
    result.text            # the new consolidated text
    result.outcomes[0]     # applied, or refused with the reason; the lines changed
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from importers.amend_regions import Edit, Regions
from importers.amending import Instruction, Kind, Target, UnitPath, unit_words
from importers.base import NBSP, SourceDocument, clean
from importers.model import Cell, Table
from importers.regulation_grid import flattened_document

__all__ = ["AppliedText", "Outcome", "apply_instructions"]

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NUMBERED = re.compile(r"^(\d+[⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:\.\d+[⁰¹²³⁴⁵⁶⁷⁸⁹]*)*)\.[ \u00a0]")
_PROCEDURE = re.compile(r"по подпункту\d? (\d+(?:\.\d+)+)")
_STAMP = "УТВЕРЖДЕНО"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one instruction: applied, or refused with `reason`; `lines` the lines
    (1-based, inclusive) it changed in the text it produced (for a deletion, the line where the
    removed text was)."""

    instruction: Instruction
    applied: bool
    reason: str | None = None
    lines: tuple[int, int] | None = None
    new_region: tuple[int, int] | None = None
    """The lines it wrote, in the text after every instruction (0-based, half-open; empty where
    it removed lines): what a fact of the new edition is traced to (`importers.amend_regions`)."""
    old_region: tuple[int, int] | None = None
    """The lines it replaced or removed, in the text before every instruction."""


@dataclass(frozen=True, slots=True)
class AppliedText:
    text: str
    outcomes: tuple[Outcome, ...]

    @property
    def applied(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.applied)

    @property
    def refused(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.applied)


class _Refused(Exception):
    pass


def apply_instructions(text: str, instructions: Sequence[Instruction]) -> AppliedText:
    """Apply `instructions` in order; the new text and one outcome per instruction."""
    lines = text.split("\n")
    outcomes: list[Outcome] = []
    regions = Regions()
    edit_of: list[int | None] = []
    index = 0
    while index < len(instructions):
        instruction = instructions[index]
        group = [instruction]
        if instruction.kind is Kind.RENUMBER:
            while (
                index + len(group) < len(instructions)
                and instructions[index + len(group)].kind is Kind.RENUMBER
                and instructions[index + len(group)].span == instruction.span
            ):
                group.append(instructions[index + len(group)])
        index += len(group)
        if any(i.problem for i in group):
            outcomes.extend(Outcome(i, False, i.problem or "not read") for i in group)
            edit_of.extend(None for _ in group)
            continue
        before = list(lines)
        try:
            if instruction.kind is Kind.RENUMBER:
                changed = _renumber(lines, group)
            else:
                changed = _apply(lines, instruction)
        except _Refused as refused:
            lines[:] = before
            outcomes.extend(Outcome(i, False, str(refused)) for i in group)
            edit_of.extend(None for _ in group)
            continue
        edit = regions.add(Edit.between(before, lines))
        outcomes.extend(Outcome(i, True, None, changed) for i in group)
        edit_of.extend(edit for _ in group)
    traced = tuple(
        o if e is None else replace(o, new_region=regions.final(e), old_region=regions.original(e))
        for o, e in zip(outcomes, edit_of, strict=True)
    )
    return AppliedText("\n".join(lines), traced)


# -- one instruction -------------------------------------------------------------------------


def _apply(lines: list[str], instruction: Instruction) -> tuple[int, int]:
    kind = instruction.kind
    target = instruction.target
    if kind in (Kind.REPLACE_WORDS, Kind.DELETE_WORDS, Kind.ADD_WORDS):
        return _words(lines, instruction)
    if kind is Kind.INSERT:
        return _insert(lines, instruction)
    if kind in (Kind.DELETE, Kind.REPEAL):
        if target.row is not None:
            return _delete_row(lines, target)
        if not target.path:
            raise _Refused("the whole act loses force: not a change of its text")
        start, end = _unit(lines, target)
        return _remove(lines, start, end)
    if kind is Kind.RESTATE:
        if target.row is not None or target.column is not None:
            raise _Refused("restating a table row or column is not read yet")
        start, end = _unit(lines, target)
        new = (instruction.new or "").split("\n")
        _check_number(target.path, new)
        lines[start : end + 1] = new
        return start + 1, start + len(new)
    raise _Refused(f"{kind} is not applied here")


def _words(lines: list[str], instruction: Instruction) -> tuple[int, int]:
    target = instruction.target
    old = instruction.old or ""
    ranges = _scope_ranges(lines, target)
    pattern = _words_pattern(old)
    hits: list[tuple[int, int, re.Match[str]]] = []
    for start, end in ranges:
        chunk = "\n".join(lines[start : end + 1])
        hits.extend((start, end, m) for m in pattern.finditer(chunk))
    where = target.describe()
    if not hits:
        raise _Refused(f"the words «{old}» are not found in {where}")
    if len(hits) > 1:
        raise _Refused(f"the words «{old}» are found {len(hits)} times in {where}")
    start, end, match = hits[0]
    chunk = "\n".join(lines[start : end + 1])
    a, b = match.span()
    if instruction.kind is Kind.REPLACE_WORDS:
        chunk = chunk[:a] + (instruction.new or "") + chunk[b:]
    elif instruction.kind is Kind.ADD_WORDS:
        chunk = chunk[:b] + " " + (instruction.new or "") + chunk[b:]
    else:
        before = chunk[a - 1] if a > 0 else ""
        after = chunk[b] if b < len(chunk) else ""
        if before in (" ", NBSP) and (after in ("", " ", NBSP) or after in ",.;:)»"):
            a -= 1
        elif after in (" ", NBSP):
            b += 1
        chunk = chunk[:a] + chunk[b:]
    line = start + chunk[:a].count("\n")
    lines[start : end + 1] = chunk.split("\n")
    return line + 1, line + 1


def _words_pattern(words: str) -> re.Pattern[str]:
    """The words, whole, whatever whitespace separates them (no-break, space, a soft break)."""
    tokens = words.replace(NBSP, " ").split()
    between = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
    body = between.join(re.escape(t) for t in tokens)
    # Whole words: not inside a longer word, nor a digit inside a longer number («1.3», «10»).
    head = r"(?<!\w)" if tokens and re.match(r"\w", tokens[0]) else ""
    if tokens and tokens[0][0].isdigit():
        head = r"(?<![\w.,])"
    tail = r"(?!\w)" if tokens and re.search(r"\w$", tokens[-1]) else ""
    if tokens and tokens[-1][-1].isdigit():
        tail = r"(?![\w]|[.,]\d)"
    return re.compile(head + body + tail)


def _scope_ranges(lines: list[str], target: Target) -> list[tuple[int, int]]:
    """The line ranges (0-based, inclusive) words are looked for in."""
    start, end = _unit(lines, target) if target.path else _body(lines, target.regulation)
    if target.column is None and target.row is None:
        return [(start, end)]
    table = _table(lines, start, end, target)
    rows = table.rows[1:]
    if target.row is not None:
        rows = (_row(table, target),)
    if target.column is None:
        return [_row_span(row) for row in rows]
    column = _column(table, target.column)
    ranges: list[tuple[int, int]] = []
    for row in rows:
        cell = _cell_at(row, column)
        if cell is not None and cell.paragraphs:
            ranges.extend(_cell_lines(cell))
    return ranges


# -- regions and units -----------------------------------------------------------------------


def _regions(lines: list[str]) -> list[tuple[str | None, int, int]]:
    """The act's own text and each regulation: (procedure number, first line, last line)."""
    stamps = [i for i, line in enumerate(lines) if clean(line) == _STAMP]
    regions: list[tuple[str | None, int, int]] = [
        (None, 0, (stamps[0] if stamps else len(lines)) - 1)
    ]
    for start, stop in zip(stamps, [*stamps[1:], len(lines)], strict=True):
        procedure = None
        for line in lines[start:stop]:
            found = _PROCEDURE.search(clean(line))
            if found is not None:
                procedure = found[1]
                break
        regions.append((procedure, start, stop - 1))
    return regions


def _body(lines: list[str], regulation: str | None) -> tuple[int, int]:
    """The lines holding the numbered points of the act (to its signatory) or a regulation (to
    its annex)."""
    found = [r for r in _regions(lines) if r[0] == regulation]
    if not found:
        raise _Refused(f"no regulation of procedure {regulation} in the text")
    if len(found) > 1:
        raise _Refused(f"{len(found)} regulations of procedure {regulation} in the text")
    _, start, end = found[0]
    numbered = [i for i in range(start, end + 1) if _number_at(lines, i) is not None]
    if not numbered:
        raise _Refused("no numbered points in the text")
    first = numbered[0]
    if regulation is None:
        # The act's points end at the signatory: the first empty-cell line after the last point.
        stop = next(
            (
                i
                for i in range(numbered[-1], end + 1)
                if lines[i].strip() == "" and i + 1 <= end and lines[i + 1] == NBSP
            ),
            end,
        )
        end = stop
    else:
        annex = next(
            (i for i in range(numbered[-1], end + 1) if clean(lines[i]).startswith("Приложение")),
            None,
        )
        end = annex - 1 if annex is not None else end
    while end > first and not lines[end].strip(" \t" + NBSP):
        end -= 1
    return first, end


def _number_at(lines: list[str], index: int) -> str | None:
    """The number a paragraph starting at `index` opens with («1.3.7.»), as the grammar writes
    numbers («8¹» → 8-1)."""
    if index > 0 and lines[index - 1].strip(" \t"):
        return None
    match = _NUMBERED.match(lines[index])
    if match is None:
        return None
    return ".".join(_plain(part) for part in match[1].split("."))


def _plain(part: str) -> str:
    head = part.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹")
    return head if head == part else f"{head}-{part[len(head) :].translate(_SUPERSCRIPTS)}"


def _unit(lines: list[str], target: Target) -> tuple[int, int]:
    start, end = _body(lines, target.regulation)
    where = "the act" if target.regulation is None else f"the regulation of {target.regulation}"
    for depth, (kind, number) in enumerate(target.path):
        named = unit_words(target.path[: depth + 1])
        if kind in ("point", "subpoint"):
            start, end = _numbered(lines, start, end, number, f"{named} of {where}")
        elif kind == "para":
            start, end = _paragraph(lines, start, end, number, f"{named} of {where}")
        elif kind == "annex":
            start, end = _annex(lines, target, number)
        else:
            raise _Refused(f"{named}: parts are not told apart in this text")
    return start, end


def _numbered(lines: list[str], start: int, end: int, number: str, named: str) -> tuple[int, int]:
    found = [i for i in range(start, end + 1) if _number_at(lines, i) == number]
    if not found:
        raise _Refused(f"{named} does not exist")
    if len(found) > 1:
        raise _Refused(f"{named} is found {len(found)} times")
    first = found[0]
    stop = end
    for i in range(first + 1, end + 1):
        other = _number_at(lines, i)
        if other is not None and not other.startswith(number + "."):
            stop = i - 1
            break
    while stop > first and not lines[stop].strip(" \t"):
        stop -= 1
    return first, stop


def _paragraphs(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = start
    while i <= end:
        if not lines[i].strip(" \t"):
            i += 1
            continue
        if clean(lines[i]).startswith("______"):
            break
        j = i
        while j + 1 <= end and lines[j + 1].strip(" \t"):
            j += 1
        found.append((i, j))
        i = j + 1
    return found


def _paragraph(lines: list[str], start: int, end: int, number: str, named: str) -> tuple[int, int]:
    if _tables_in(lines, start, end):
        raise _Refused(f"{named}: the unit holds a table; its paragraphs are not counted")
    found = _paragraphs(lines, start, end)
    if not number.isdigit() or not 0 < int(number) <= len(found):
        raise _Refused(f"{named} does not exist (the unit has {len(found)} paragraphs)")
    return found[int(number) - 1]


def _annex(lines: list[str], target: Target, number: str) -> tuple[int, int]:
    for procedure, start, end in _regions(lines):
        if procedure != target.regulation:
            continue
        heading = f"Приложение {number}".strip()
        for i in range(start, end + 1):
            if clean(lines[i]) == heading:
                return i, end
    where = "the act" if target.regulation is None else f"the regulation of {target.regulation}"
    raise _Refused(f"приложение {number} does not exist in {where}".replace("  ", " "))


# -- tables ----------------------------------------------------------------------------------


def _tables_in(lines: list[str], start: int, end: int) -> list[Table]:
    document = flattened_document(SourceDocument("amended", "\n".join(lines)))
    return [
        block
        for block in document.blocks
        if isinstance(block, Table) and start <= _origin(block.origin) <= end
    ]


def _origin(origin: str) -> int:
    """The 0-based line of a model origin «line N»."""
    return int(origin.split()[-1]) - 1 if origin.startswith("line ") else -1


def _table(lines: list[str], start: int, end: int, target: Target) -> Table:
    tables = _tables_in(lines, start, end)
    if target.column is not None:
        tables = [t for t in tables if _has_column(t, target.column)]
    if not tables:
        named = f"графа «{target.column}»" if target.column else "a table"
        raise _Refused(f"{named} is not in {unit_words(target.path) or 'the text'}")
    if len(tables) > 1:
        raise _Refused(f"{len(tables)} tables in {unit_words(target.path)}: name the subpoint")
    return tables[0]


def _header(cell: Cell) -> str:
    return clean(" ".join(" ".join(p.lines) for p in cell.paragraphs))


def _has_column(table: Table, column: str) -> bool:
    return any(_header(c) == clean(column) for c in table.rows[0])


def _column(table: Table, column: str) -> int:
    for index, cell in enumerate(table.rows[0]):
        if _header(cell) == clean(column):
            return index
    raise _Refused(f"графа «{column}» is not in the table")


def _cell_at(row: tuple[Cell, ...], column: int) -> Cell | None:
    at = 0
    for cell in row:
        if at <= column < at + cell.columns:
            return None if cell.merged else cell
        at += cell.columns
    return None


def _cell_lines(cell: Cell) -> list[tuple[int, int]]:
    return [
        (_origin(p.origin), _origin(p.origin) + len(p.lines) - 1)
        for p in cell.paragraphs
        if _origin(p.origin) >= 0
    ]


def _row(table: Table, target: Target) -> tuple[Cell, ...]:
    words = clean(target.row or "")
    found = [row for row in table.rows[1:] if row and _header(row[0]).startswith(words)]
    if not found:
        raise _Refused(f"позиция «{target.row}» is not in the table")
    if len(found) > 1:
        raise _Refused(f"позиция «{target.row}» matches {len(found)} rows")
    return found[0]


def _row_span(row: tuple[Cell, ...]) -> tuple[int, int]:
    numbers = [n for cell in row if not cell.merged for n in _cell_numbers(cell)]
    return min(numbers), max(numbers)


def _cell_numbers(cell: Cell) -> list[int]:
    found = [line for a, b in _cell_lines(cell) for line in (a, b)]
    return found or ([_origin(cell.origin)] if _origin(cell.origin) >= 0 else [])


def _delete_row(lines: list[str], target: Target) -> tuple[int, int]:
    start, end = _unit(lines, target) if target.path else _body(lines, target.regulation)
    table = _table(lines, start, end, target)
    row = _row(table, target)
    at = table.rows.index(row)
    below = table.rows[at + 1] if at + 1 < len(table.rows) else None
    if below is not None:
        column = 0
        for cell in below:
            if cell.merged and _cell_at(row, column) is not None:
                raise _Refused(
                    f"позиция «{target.row}»: its cell in column {column + 1} is merged over the "
                    "row below; deleting it would change that row"
                )
            column += cell.columns
    first, last = _row_span(row)
    return _remove(lines, first, last)


# -- edits -----------------------------------------------------------------------------------


def _remove(lines: list[str], start: int, end: int) -> tuple[int, int]:
    if start > 0 and not lines[start - 1].strip(" \t"):
        start -= 1
    del lines[start : end + 1]
    return start + 1, start + 1


def _check_number(path: UnitPath, new: list[str]) -> None:
    if not path or path[-1][0] not in ("point", "subpoint"):
        return
    number = path[-1][1]
    first = next((line for line in new if line.strip()), "")
    match = _NUMBERED.match(first)
    if match is None or ".".join(_plain(p) for p in match[1].split(".")) != number:
        raise _Refused(f"the new text of {unit_words(path)} does not begin with its number")


def _insert(lines: list[str], instruction: Instruction) -> tuple[int, int]:
    target = instruction.target
    start, end = _unit(lines, target) if target.path else _body(lines, target.regulation)
    kind, number = instruction.unit[-1]
    new = (instruction.new or "").split("\n")
    full = (*target.path, *instruction.unit)
    if kind in ("point", "subpoint"):
        if not number:
            raise _Refused(f"the new {kind} has no number")
        _check_number(full, new)
        if any(_number_at(lines, i) == number for i in range(start, end + 1)):
            raise _Refused(f"{unit_words(full)} exists already")
        parent = number.rpartition(".")[0]
        if target.path and target.path[-1][1] != parent:
            raise _Refused(f"{unit_words(full)} cannot stand in {unit_words(target.path)}")
        anchor = _anchor(lines, start, end, number)
    else:
        if _tables_in(lines, start, end):
            raise _Refused(
                f"{unit_words(target.path)} holds a table; its paragraphs are not counted"
            )
        paragraphs = _paragraphs(lines, start, end)
        if instruction.after:
            at = instruction.after[-1][1]
            if not at.isdigit() or not 0 < int(at) <= len(paragraphs):
                raise _Refused(f"абзац {at} does not exist in {unit_words(target.path)}")
            anchor = paragraphs[int(at) - 1][1]
        elif number:
            if not number.isdigit() or not 1 < int(number) <= len(paragraphs) + 1:
                raise _Refused(f"абзац {number} cannot be added to {unit_words(target.path)}")
            anchor = paragraphs[int(number) - 2][1]
        else:
            anchor = paragraphs[-1][1]
    lines[anchor + 1 : anchor + 1] = ["", *new]
    return anchor + 3, anchor + 2 + len(new)


def _key(number: str) -> tuple[tuple[int, int], ...]:
    parts = []
    for part in number.split("."):
        head, _, sup = part.partition("-")
        parts.append((int(head), int(sup or 0)))
    return tuple(parts)


def _anchor(lines: list[str], start: int, end: int, number: str) -> int:
    """The last line after which a new numbered unit goes: after the last sibling before it."""
    depth = number.count(".")
    parent = number.rpartition(".")[0]
    siblings = [
        (i, n)
        for i in range(start, end + 1)
        if (n := _number_at(lines, i)) is not None
        and n.count(".") == depth
        and n.rpartition(".")[0] == parent
    ]
    before = [(i, n) for i, n in siblings if _key(n) < _key(number)]
    if before:
        i, n = before[-1]
        return _numbered(lines, i, end, n, n)[1]
    after = [(i, n) for i, n in siblings if _key(n) > _key(number)]
    if after:
        i = after[0][0] - 1
        while i > start and not lines[i].strip(" \t"):
            i -= 1
        return i
    return end


def _renumber(lines: list[str], group: list[Instruction]) -> tuple[int, int]:
    """«подпункты 1.3.2–1.3.4 считать соответственно подпунктами 1.3.1–1.3.3»: all at once."""
    moves: list[tuple[int, int, str, str]] = []
    checked: list[tuple[int, int]] = []
    for instruction in group:
        target = instruction.target
        kind, old = target.path[-1]
        new_kind, new = instruction.unit[-1]
        if kind != new_kind:
            raise _Refused(f"{unit_words(target.path)} cannot become a {new_kind}")
        if kind == "para":
            # Paragraphs are not numbered in the text: after the insertion before them they are
            # where the instruction says; check that the new number exists.
            checked.append(
                _unit(lines, Target(target.regulation, (*target.path[:-1], (kind, new))))
            )
            continue
        if kind not in ("point", "subpoint"):
            raise _Refused(f"{unit_words(target.path)}: only points, subpoints, paragraphs")
        start, end = _unit(lines, target)
        moves.append((start, end, old, new))
    sources = {old for _, _, old, _ in moves}
    scope_start, scope_end = _body(lines, group[0].target.regulation)
    for _, _, _, new in moves:
        exists = any(_number_at(lines, i) == new for i in range(scope_start, scope_end + 1))
        if exists and new not in sources:
            raise _Refused(f"the new number {new} is taken")
    for start, end, old, new in moves:
        for i in range(start, end + 1):
            number = _number_at(lines, i)
            if number is not None and (number == old or number.startswith(old + ".")):
                match = _NUMBERED.match(lines[i])
                assert match is not None
                lines[i] = new + number[len(old) :] + lines[i][match.end(1) :]
    if not moves:
        return min(c[0] for c in checked) + 1, max(c[1] for c in checked) + 1
    return min(m[0] for m in moves) + 1, max(m[1] for m in moves) + 1
