"""Where a newly imported text goes among a document's editions, or why it cannot go (pure).

Rules, each the answer a careful editor would give:
- a text the document already has, imported without a day, is already there: nothing to do (so
  importing the sample corpus again never moves history);
- a new text without a day takes effect today (a first text holds since its act took effect);
- a text equal to the edition already in force on its day changes nothing: refused, naming the
  edition, because a silent no-op would hide a wrong day;
- a text equal to an earlier, non-adjacent edition (a return to an old wording) is a new edition
  with its own interval; the old edition's history is untouched;
- two different texts cannot take effect on one day: refused, unless `force` replaces the one
  stored;
- a day before the act was adopted, or more than `FUTURE_YEARS` ahead, is refused unless `force`
  (then kept, with a warning).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lexgraph.graph.history import Edition, ordered
from lexgraph.graph.versions import version_id

FUTURE_YEARS = 10


@dataclass(frozen=True, slots=True)
class StoredVersion:
    edition: Edition
    checksum: str
    properties: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Placement:
    """Either `same` (the version id that already holds this text: nothing to write) or `edition`
    (the new edition), with the stored editions it replaces and notes for the import report."""

    edition: Edition | None = None
    same: str | None = None
    replaced: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class EditionRefused(ValueError):
    """The text cannot become an edition as asked; the message says why and what would work."""


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "the day its act took effect"


def in_force_on(editions: Sequence[StoredVersion], day: dt.date) -> StoredVersion | None:
    """The stored edition that holds on `day` (the latest that took effect on or before it)."""
    holding = [v for v in editions if v.edition.effective is None or v.edition.effective <= day]
    if not holding:
        return None
    by_day = {v.edition.version: v for v in holding}
    return by_day[ordered([v.edition for v in holding])[-1].version]


def place(
    document: str,
    stored: Sequence[StoredVersion],
    checksum: str,
    effective: dt.date | None,
    *,
    today: dt.date,
    adopted: dt.date | None = None,
    force: bool = False,
) -> Placement:
    plain = version_id(document, checksum)
    if not stored:
        if effective is not None:
            notes = _checked_day(effective, today=today, adopted=adopted, force=force)
        else:
            notes = ()
        return Placement(Edition(plain, effective), notes=notes)
    same_text = [v for v in stored if v.checksum == checksum]
    if effective is None:
        if same_text:
            return Placement(
                same=same_text[0].edition.version,
                notes=(f"this text is already edition {same_text[0].edition.version}; unchanged",),
            )
        effective = today
    notes = _checked_day(effective, today=today, adopted=adopted, force=force)
    replaced: tuple[str, ...] = ()
    for version in stored:
        if version.edition.effective != effective:
            continue
        if version.checksum == checksum:
            return Placement(
                same=version.edition.version,
                notes=(f"this text is already the edition of {effective.isoformat()}; unchanged",),
            )
        if not force:
            raise EditionRefused(
                f"edition {version.edition.version} already takes effect on"
                f" {effective.isoformat()} with another text; two texts cannot hold on one day"
                " (give another --effective day, or --force to replace that edition)"
            )
        replaced = (version.edition.version,)
        notes = (*notes, f"replaces edition {version.edition.version} of {effective.isoformat()}")
    remaining = [v for v in stored if v.edition.version not in replaced]
    holding = in_force_on(remaining, effective)
    if holding is not None and holding.checksum == checksum:
        raise EditionRefused(
            f"this text is already in force on {effective.isoformat()}: it is edition"
            f" {holding.edition.version}, in force since {_day(holding.edition.effective)};"
            " importing it again with another day would change nothing"
        )
    return Placement(Edition(plain, effective), replaced=replaced, notes=notes)


def named(document: str, editions: Sequence[tuple[Edition, str]]) -> dict[str, Edition]:
    """Each edition (with its text's checksum) under its final version id: `{document}@{12 hex}`
    for the earliest edition of a text, `…@{12 hex}.{day}` for a later return to the same text.
    The ids depend only on the set of editions, never on which was imported first. Returns the
    editions by their previous id."""
    order = ordered([edition for edition, _ in editions])
    checksum_of = {id(edition): checksum for edition, checksum in editions}
    seen: set[str] = set()
    result: dict[str, Edition] = {}
    for edition in order:
        checksum = checksum_of[id(edition)]
        plain = version_id(document, checksum)
        final = plain if checksum not in seen else f"{plain}.{_day(edition.effective)}"
        seen.add(checksum)
        result[edition.version] = Edition(final, edition.effective)
    return result


def _checked_day(
    effective: dt.date, *, today: dt.date, adopted: dt.date | None, force: bool
) -> tuple[str, ...]:
    problem: str | None = None
    if adopted is not None and effective < adopted:
        problem = (
            f"--effective {effective.isoformat()} is before the act was adopted"
            f" ({adopted.isoformat()})"
        )
    elif effective > dt.date(today.year + FUTURE_YEARS, today.month, min(today.day, 28)):
        problem = f"--effective {effective.isoformat()} is more than {FUTURE_YEARS} years ahead"
    if problem is None:
        return ()
    if not force:
        raise EditionRefused(problem + " (check the day, or --force to keep it)")
    return (f"warning: {problem}; kept because of --force",)
