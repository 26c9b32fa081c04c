"""A document's editions as the graph holds them, read back into `history.State`s (pure).

The loader reads a document's stored facts (every run of every fact, current or closed) and its
`Version`s; this module tells which editions each stored fact covers, so a new edition can be
placed among them and the whole history laid out again by `history.timeline`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lexgraph.graph.history import Edition, State
from lexgraph.graph.versions import EdgeKey, NodeKey


@dataclass(frozen=True, slots=True)
class StoredFact:
    """A node or edge of the document as stored: its stable identity, and its validity."""

    properties: Mapping[str, Any]

    @property
    def valid_from(self) -> dt.date | None:
        return as_date(self.properties.get("validFrom"))

    @property
    def valid_to(self) -> dt.date | None:
        return as_date(self.properties.get("validTo"))


def as_date(value: Any) -> dt.date | None:
    """A date read back from Neo4j (`neo4j.time.Date`) or written by Python."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        native = to_native()
        if isinstance(native, dt.date):
            return native
    return dt.date.fromisoformat(str(value)[:10])


def covers(fact: StoredFact, edition: Edition) -> bool:
    """Whether a stored fact holds during an edition: the edition's first day (or, undated, the
    very start) lies in [validFrom, validTo)."""
    start, end = fact.valid_from, fact.valid_to
    day = edition.effective
    if day is None:
        return start is None
    return (start is None or start <= day) and (end is None or day < end)


def stable_key(stored_key: str, closed: bool) -> str:
    """An edge's key without the suffix a closed run carries (`{key}@{version suffix}`)."""
    return stored_key.rsplit("@", 1)[0] if closed and "@" in stored_key else stored_key


def states(
    editions: Sequence[Edition],
    nodes: Sequence[tuple[str, str, Mapping[str, Any]]],
    edges: Sequence[tuple[str, NodeKey, NodeKey, str, Mapping[str, Any]]],
) -> dict[str, State]:
    """Each edition's own facts under stable ids, from the stored runs.

    `nodes` are (label, stable id, properties); `edges` are (type, (source label, stable id),
    (target label, stable id), stored key, properties)."""
    result = {edition.version: State() for edition in editions}
    for label, stable, properties in nodes:
        fact = StoredFact(properties)
        for edition in editions:
            if covers(fact, edition):
                result[edition.version].nodes[(label, stable)] = properties
    for edge_type, source, target, stored_key, properties in edges:
        fact = StoredFact(properties)
        key: EdgeKey = (
            source[1],
            edge_type,
            target[1],
            stable_key(stored_key, fact.valid_to is not None),
        )
        for edition in editions:
            if covers(fact, edition):
                state = result[edition.version]
                state.edges[key] = properties
                state.ends[key] = (source[0], target[0])
    return result


def unchanged(stored: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    """Whether a stored fact already holds exactly the wanted properties (dates compared as
    dates, lists as lists)."""
    return _plain_all(stored) == _plain_all(wanted)


def _plain_all(properties: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in properties.items() if v is not None}


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    day = as_date(value) if _is_date(value) else None
    return day.isoformat() if day is not None else value


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) or type(value).__name__ == "Date"
