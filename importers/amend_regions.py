"""Where each applied instruction changed the text, in the text before all of them and after.

Instructions are applied one after another, each to the text the ones before it left, so the
lines one of them changed move when a later one inserts or removes lines above them. A fact of
the new edition (its `lineStart`…`lineEnd` in the new text) is traced to the instruction that
changed it, and a fact of the old edition (its lines in the old text) to the one that removed or
changed it, only when both sides speak of the same text: the regions are carried forward to the
final text and back to the original one through every other edit.

A region is a half-open range of 0-based lines `(start, stop)`; an empty one (`start == stop`)
is the place where lines were removed.

    edit = Edit.between(before_lines, after_lines)
    regions = Regions(); regions.add(edit)   # once per instruction, in order
    regions.final(0), regions.original(0)     # the first edit's lines, after all and before all
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Edit", "Regions", "overlaps"]

Region = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Edit:
    """Lines `start`…`old_stop` of a text replaced by `start`…`new_stop` of the next one."""

    start: int
    old_stop: int
    new_stop: int

    @classmethod
    def between(cls, before: Sequence[str], after: Sequence[str]) -> Edit:
        """The smallest edit turning `before` into `after`: what lies between their common
        first lines and their common last lines."""
        shortest = min(len(before), len(after))
        start = 0
        while start < shortest and before[start] == after[start]:
            start += 1
        tail = 0
        while (
            tail < shortest - start
            and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
        ):
            tail += 1
        return cls(start, len(before) - tail, len(after) - tail)

    def forward(self, region: Region) -> Region:
        """A region of the text before the edit, in the text after it (widened to the edit's
        new lines where it overlaps them)."""
        a, b = region
        shift = self.new_stop - self.old_stop
        if b <= self.start:
            return region
        if a >= self.old_stop:
            return a + shift, b + shift
        return min(a, self.start), max(b + shift, self.new_stop)

    def backward(self, region: Region) -> Region:
        """A region of the text after the edit, in the text before it."""
        inverse = Edit(self.start, self.new_stop, self.old_stop)
        return inverse.forward(region)


@dataclass(slots=True)
class Regions:
    """The edits of a run of instructions, in order; each one's region traced to either end."""

    edits: list[Edit] = field(default_factory=list)

    def add(self, edit: Edit) -> int:
        self.edits.append(edit)
        return len(self.edits) - 1

    def final(self, index: int) -> Region:
        """The lines edit `index` wrote, in the text after every edit."""
        edit = self.edits[index]
        region: Region = (edit.start, edit.new_stop)
        for later in self.edits[index + 1 :]:
            region = later.forward(region)
        return region

    def original(self, index: int) -> Region:
        """The lines edit `index` replaced, in the text before every edit."""
        edit = self.edits[index]
        region: Region = (edit.start, edit.old_stop)
        for earlier in reversed(self.edits[:index]):
            region = earlier.backward(region)
        return region


def overlaps(region: Region, first_line: int, last_line: int) -> bool:
    """Whether a fact at lines `first_line`…`last_line` (1-based, inclusive) holds the region:
    shares a line with it, or, for a removal, has lines on both sides of the place."""
    a, b = region
    start, stop = first_line - 1, last_line
    if a == b:
        return start < a < stop
    return start < b and a < stop
