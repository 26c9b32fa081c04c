"""A document's history as a pure function of its editions: which stored facts, valid when.

A document has editions: texts, each taking effect on a day (the first may have none: it holds
since the act itself took effect). Editions are ordered by that day — never by the day they were
imported — and each holds until the next one takes effect. Every fact (node or edge) a document
states is a run of consecutive editions that state it alike; `timeline` turns the editions' own
facts into the facts the graph stores:

- one stored fact per run, valid from its first edition's day (`validFrom`, none for the first
  edition when it has no day) to the day of the edition after its last (`validTo`);
- the run that reaches the newest edition keeps the stable id; an earlier run is stored as
  `{id}@{suffix of its last edition's version}` with `currentId` (the stable id) and
  `supersededBy` (the version that ended it);
- an edge is split where an end it joins is stored under another id, so each stored edge joins the
  stored facts of its own time;
- each stored fact carries `version`: the edition that first stated it as it stands, and the
  properties (provenance lines included) of that edition's text.

Because the result depends only on the set of editions, importing the same texts in any order, or
again, gives the same graph; inserting an edition between two others splits the runs it falls into.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lexgraph.graph.versions import EdgeKey, NodeKey, content

# The time bookkeeping this module writes; an edition's own facts never carry it as content.
TIME_KEYS = ("validFrom", "validTo", "version", "supersededBy", "currentId")


@dataclass(frozen=True, slots=True)
class Edition:
    """One text of a document: its version id, and the day it takes effect (None: since the act
    took effect; only the earliest edition may have none)."""

    version: str
    effective: dt.date | None


@dataclass(slots=True)
class State:
    """One edition's own facts under their stable ids (edges join stable ids; `ends` holds the
    labels of each edge's source and target)."""

    nodes: dict[NodeKey, Mapping[str, Any]] = field(default_factory=dict)
    edges: dict[EdgeKey, Mapping[str, Any]] = field(default_factory=dict)
    ends: dict[EdgeKey, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StoredNode:
    label: str
    id: str
    properties: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class StoredEdge:
    type: str
    source: NodeKey  # (label, stored id); the label is the one the edition's fact has
    target: NodeKey
    key: str
    properties: Mapping[str, Any]

    @property
    def identity(self) -> tuple[str, str, str, str]:
        return (self.source[1], self.type, self.target[1], self.key)


@dataclass(frozen=True, slots=True)
class Timeline:
    nodes: tuple[StoredNode, ...]
    edges: tuple[StoredEdge, ...]
    # Each edition with the day it stops holding (None for the newest).
    editions: tuple[tuple[Edition, dt.date | None], ...]


class EditionOrderError(ValueError):
    """Editions that cannot be ordered: two on one day, or more than one without a day."""


def ordered(editions: Sequence[Edition]) -> list[Edition]:
    """Editions by the day they take effect, the one without a day first."""
    undated = [e for e in editions if e.effective is None]
    if len(undated) > 1:
        raise EditionOrderError(
            f"{len(undated)} editions have no effective day:"
            f" {', '.join(e.version for e in undated)}"
        )
    days: dict[dt.date, str] = {}
    for edition in editions:
        if edition.effective is None:
            continue
        if edition.effective in days:
            raise EditionOrderError(
                f"editions {days[edition.effective]} and {edition.version} both take effect on"
                f" {edition.effective.isoformat()}"
            )
        days[edition.effective] = edition.version
    return sorted(editions, key=lambda e: (e.effective is not None, e.effective or dt.date.min))


def suffix(version: str) -> str:
    """What follows the document id in a version id (`source/x.txt@0123456789ab` → the hex)."""
    return version.rsplit("@", 1)[-1]


def _runs(present: Sequence[Mapping[str, Any] | None]) -> list[tuple[int, int]]:
    """Maximal runs [first, last] of consecutive editions stating a fact alike."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, properties in enumerate(present):
        if properties is None:
            if start is not None:
                runs.append((start, index - 1))
                start = None
            continue
        if start is not None:
            before = present[index - 1]
            assert before is not None
            if content(before) != content(properties):
                runs.append((start, index - 1))
                start = index
        else:
            start = index
    if start is not None:
        runs.append((start, len(present) - 1))
    return runs


def _stamped(
    properties: Mapping[str, Any],
    run: tuple[int, int],
    editions: Sequence[Edition],
    stable: str,
    stored: str,
) -> dict[str, Any]:
    first, last = run
    stamped = {k: v for k, v in properties.items() if k not in TIME_KEYS}
    stamped["version"] = editions[first].version
    if editions[first].effective is not None:
        stamped["validFrom"] = editions[first].effective
    if last + 1 < len(editions):
        stamped["validTo"] = editions[last + 1].effective
        stamped["supersededBy"] = editions[last + 1].version
    if stored != stable:
        stamped["currentId"] = stable
    return stamped


def timeline(editions: Sequence[tuple[Edition, State]]) -> Timeline:
    """The stored facts of a document with these editions (in any order)."""
    order = ordered([edition for edition, _ in editions])
    state_of = {edition.version: state for edition, state in editions}
    states = [state_of[edition.version] for edition in order]
    newest = len(order) - 1

    def archived(stable: str, last: int) -> str:
        return stable if last == newest else f"{stable}@{suffix(order[last].version)}"

    nodes: list[StoredNode] = []
    # (label, stable id) → the stored id in each edition that states it.
    stored_in: dict[NodeKey, list[str | None]] = {}
    for key in sorted({k for state in states for k in state.nodes}):
        label, stable = key
        present = [state.nodes.get(key) for state in states]
        ids: list[str | None] = [None] * len(order)
        for run in _runs(present):
            first, last = run
            stored = archived(stable, last)
            properties = present[first]
            assert properties is not None
            stamped = _stamped(properties, run, order, stable, stored) | {"id": stored}
            nodes.append(StoredNode(label, stored, stamped))
            for index in range(first, last + 1):
                ids[index] = stored
        stored_in[key] = ids

    end_labels = {k: labels for state in states for k, labels in state.ends.items()}
    edges: list[StoredEdge] = []
    for edge_key in sorted({k for state in states for k in state.edges}):
        _, edge_type, _, base_key = edge_key
        labels = end_labels[edge_key]
        present_edges = [state.edges.get(edge_key) for state in states]
        for first, last in _runs(present_edges):
            # Split the run where either end is stored under another id.
            segment_start = first
            for index in range(first, last + 1):
                ends = _ends(stored_in, edge_key, labels, index)
                if index < last and _ends(stored_in, edge_key, labels, index + 1) == ends:
                    continue
                properties = present_edges[segment_start]
                assert properties is not None
                source_end, target_end = ends
                stored_key = (
                    base_key if index == newest else f"{base_key}@{suffix(order[index].version)}"
                )
                stamped = _stamped(
                    properties, (segment_start, index), order, stable=base_key, stored=base_key
                )
                edges.append(
                    StoredEdge(
                        edge_type,
                        source_end,
                        target_end,
                        stored_key,
                        stamped | {"key": stored_key},
                    )
                )
                segment_start = index + 1
    bounds = tuple(
        (edition, order[index + 1].effective if index < newest else None)
        for index, edition in enumerate(order)
    )
    return Timeline(tuple(nodes), tuple(edges), bounds)


def _ends(
    stored_in: Mapping[NodeKey, Sequence[str | None]],
    edge_key: EdgeKey,
    labels: tuple[str, str],
    index: int,
) -> tuple[NodeKey, NodeKey]:
    """The stored ends of an edge in one edition: an end the document owns is stored under that
    edition's id for it; any other end (an act, an authority …) under its own id."""
    source_id, _, target_id, _ = edge_key
    source_label, target_label = labels
    return (
        (source_label, _stored(stored_in, (source_label, source_id), index)),
        (target_label, _stored(stored_in, (target_label, target_id), index)),
    )


def _stored(stored_in: Mapping[NodeKey, Sequence[str | None]], key: NodeKey, index: int) -> str:
    ids = stored_in.get(key)
    if ids is None:
        return key[1]
    stored = ids[index]
    return stored if stored is not None else key[1]
