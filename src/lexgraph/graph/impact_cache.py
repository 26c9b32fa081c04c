"""Impact reports kept between requests, so a client paging through one report does not have the
graph walked again for every page.

A report is kept under what it answers — the ids, the date, the depth — and the graph's stamp
(`lexgraph.graph.stamp`), read before every lookup: after an import the stamp differs, the old
report is never found again and ages out of the cache. The cache is small: a few reports, and at
most `max_nodes` listed affected nodes in all (a node of a report takes ~0.8 KB: Art. 287 of the
Tax Code at depth 3 in the synthetic graph "M", ~24,000 nodes, ~19 MB); least-recently-used reports
leave first. A report also leaves after `max_age_s`, a bound on what a write outside the importer
(which the stamp may not see) could leave stale. Requests asking for the same report while it
is being computed wait for that one walk instead of starting their own.

One cache per process (the API creates it with the app); a report is immutable and shared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import AsyncDriver

from lexgraph.graph.impact import DEFAULT_DEPTH, ImpactReport, analyze_impact
from lexgraph.graph.stamp import graph_stamp
from lexgraph.graph.validity import today
from lexgraph.kept import KeptAnswers

DEFAULT_SIZE = 8
DEFAULT_MAX_NODES = 250_000
DEFAULT_MAX_AGE_S = 600.0


@dataclass(frozen=True, slots=True)
class _Key:
    database: str
    of: tuple[str, ...]
    as_of: dt.date
    depth: int
    stamp: str


class ImpactReports:
    """An LRU cache of impact reports (`lexgraph.kept`), keyed by the question and the graph's
    stamp."""

    def __init__(
        self,
        size: int = DEFAULT_SIZE,
        *,
        max_nodes: int = DEFAULT_MAX_NODES,
        max_age_s: float = DEFAULT_MAX_AGE_S,
    ) -> None:
        self._reports: KeptAnswers[_Key, ImpactReport] = KeptAnswers(
            max_entries=size,
            max_weight=max_nodes,
            max_age_s=max_age_s,
            weight=lambda _, report: len(report.affected),
        )

    @property
    def walks(self) -> int:
        """Reports computed (not found in the cache): what a test or a metric reads."""
        return self._reports.misses

    def __len__(self) -> int:
        return len(self._reports)

    async def report(
        self,
        driver: AsyncDriver,
        database: str,
        of: Sequence[str],
        *,
        as_of: dt.date | None = None,
        depth: int = DEFAULT_DEPTH,
        timeout_s: float | None = None,
        stamp: str | None = None,
    ) -> ImpactReport:
        """`analyze_impact(…, strict=False)`, from the cache if the graph has not changed since;
        `stamp` is the graph's stamp when the caller has read it already (read here otherwise)."""
        if stamp is None:
            stamp = await graph_stamp(driver, database, timeout_s)
        key = _Key(database, tuple(of), as_of or today(), depth, stamp)
        return await self._reports.get(
            key,
            lambda: analyze_impact(
                driver,
                database,
                key.of,
                as_of=key.as_of,
                depth=depth,
                strict=False,
                timeout_s=timeout_s,
            ),
        )
