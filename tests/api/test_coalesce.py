"""Requests of one compiled plan waiting together share one statement, and each gets its own answer.

First the batching itself, with a stand-in for Neo4j that answers a batch from a table and keeps
the batches it was given (no database: what is tested is who waits with whom). Then the real
thing: many pages asked at once of the imported sample corpus, through the served schema, each
answer compared with the same page asked alone, with no batching.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api.compile.coalesce import Batch, Coalescer, neo4j_run
from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema
from lexgraph.config import Settings, project_root

STATEMENT = "UNWIND $batch AS b RETURN b.i AS i, b.key AS row"


class Row(dict[str, Any]):
    """A record as the driver gives it, read by key."""


class StandIn:
    """Answers each batch from `pages` (a key with no page: no row), once `release` is set; keeps
    the batches it ran, and fails those holding a key of `failing`."""

    def __init__(self, pages: dict[str, list[str]], failing: frozenset[str] = frozenset()) -> None:
        self.pages = pages
        self.failing = failing
        self.batches: list[list[Any]] = []
        self.release = asyncio.Event()
        self.release.set()

    async def __call__(self, batch: Batch) -> list[Any]:
        keys = [m.key for m in batch.members]
        self.batches.append(keys)
        await self.release.wait()
        if self.failing.intersection(keys):
            raise RuntimeError("the database went away")
        rows = batch.parameters()["batch"]
        return [Row(i=r["i"], row=line) for r in rows for line in self.pages.get(r["key"], [])]


async def started(tasks: int = 20) -> None:
    """Let the event loop run the tasks started so far up to where they wait."""
    for _ in range(tasks):
        await asyncio.sleep(0)


async def test_a_lone_request_runs_at_once_as_a_batch_of_one() -> None:
    neo4j = StandIn({"15.4.1": ["procedure 15.4.1"]})
    coalescer = Coalescer(neo4j)
    assert await coalescer.read(STATEMENT, "15.4.1", {}, timeout_s=5) == [
        {"i": 0, "row": "procedure 15.4.1"}
    ]
    assert neo4j.batches == [["15.4.1"]]


async def test_requests_arriving_while_one_runs_are_answered_together() -> None:
    neo4j = StandIn({"a": ["act a"], "b": ["act b", "act b again"], "c": []})
    coalescer = Coalescer(neo4j)
    neo4j.release.clear()
    first = asyncio.create_task(coalescer.read(STATEMENT, "a", {}, timeout_s=5))
    await started()
    rest = [asyncio.create_task(coalescer.read(STATEMENT, k, {}, timeout_s=5)) for k in "bca"]
    await started()
    neo4j.release.set()
    answers = [[r["row"] for r in rows] for rows in await asyncio.gather(first, *rest)]
    assert answers == [["act a"], ["act b", "act b again"], [], ["act a"]]
    assert neo4j.batches == [["a"], ["b", "c", "a"]]
    assert (coalescer.batches, coalescer.requests) == (2, 4)


async def test_only_requests_alike_in_every_other_parameter_share_a_batch() -> None:
    neo4j = StandIn({"a": ["act a"]})
    coalescer = Coalescer(neo4j)
    neo4j.release.clear()
    day, other_day = {"asOf": dt.date(2024, 1, 1)}, {"asOf": dt.date(2023, 6, 30)}
    reads = [
        coalescer.read(STATEMENT, "a", day, timeout_s=5),
        coalescer.read(STATEMENT, "a", other_day, timeout_s=5),
        coalescer.read(STATEMENT + " LIMIT 1", "a", day, timeout_s=5),
        coalescer.read(STATEMENT, "a", day, timeout_s=60),
        coalescer.read(STATEMENT, "a", day, timeout_s=5),
    ]
    tasks = [asyncio.create_task(r) for r in reads]
    await started()
    neo4j.release.set()
    await asyncio.gather(*tasks)
    # Four statements ran for five requests: only the first and the last were alike.
    assert sorted(len(b) for b in neo4j.batches) == [1, 1, 1, 2]


async def test_a_batch_holds_at_most_its_largest_size() -> None:
    neo4j = StandIn({})
    coalescer = Coalescer(neo4j, max_batch=3)
    neo4j.release.clear()
    tasks = [asyncio.create_task(coalescer.read(STATEMENT, n, {}, timeout_s=5)) for n in range(8)]
    await started()
    neo4j.release.set()
    assert await asyncio.gather(*tasks) == [[]] * 8
    # All eight were waiting when the first statement was sent.
    assert neo4j.batches == [[0, 1, 2], [3, 4, 5], [6, 7]]


async def test_a_failure_fails_its_batch_alone() -> None:
    neo4j = StandIn({"a": ["act a"], "b": ["act b"]}, failing=frozenset({"bad"}))
    coalescer = Coalescer(neo4j)
    neo4j.release.clear()
    first = asyncio.create_task(coalescer.read(STATEMENT, "a", {}, timeout_s=5))
    await started()
    second = [
        asyncio.create_task(coalescer.read(STATEMENT, k, {}, timeout_s=5)) for k in ("b", "bad")
    ]
    await started()
    neo4j.release.set()
    assert [r["row"] for r in await first] == ["act a"]
    for task in second:
        with pytest.raises(RuntimeError, match="the database went away"):
            await task
    assert [r["row"] for r in await coalescer.read(STATEMENT, "b", {}, timeout_s=5)] == ["act b"]


async def test_a_client_that_goes_away_cancels_only_its_own_wait() -> None:
    neo4j = StandIn({"a": ["act a"], "b": ["act b"]})
    coalescer = Coalescer(neo4j)
    neo4j.release.clear()
    first = asyncio.create_task(coalescer.read(STATEMENT, "a", {}, timeout_s=5))
    await started()
    gone = asyncio.create_task(coalescer.read(STATEMENT, "b", {}, timeout_s=5))
    staying = asyncio.create_task(coalescer.read(STATEMENT, "b", {}, timeout_s=5))
    await started()
    gone.cancel()
    neo4j.release.set()
    assert [r["row"] for r in await first] == ["act a"]
    assert [r["row"] for r in await staying] == ["act b"]
    with pytest.raises(asyncio.CancelledError):
        await gone
    # The one that went away was left out before its batch ran.
    assert neo4j.batches == [["a"], ["b"]]


QUERIES = project_root() / "queries"
DETAILS = (QUERIES / "procedure-details.graphql").read_text()
ACT = (QUERIES / "legal-act.graphql").read_text()
PROCEDURES = ("15.4.1", "15.4.2", "10.7.1", "15.2.1", "1.1.1", "99.9.9")
ACTS = (
    "by/code/tax",
    "by/resolution/mvd/2023-05-19/102",
    "by/edict/2010-04-26/200",
    "by/law/1900-01-01/1-z",
)
DAYS = (None, "2023-06-30")


async def test_pages_asked_at_once_get_the_answers_they_get_alone(
    corpus: AsyncDriver, settings: Settings
) -> None:
    asked: list[tuple[str, dict[str, Any]]] = [
        (DETAILS, {"number": n, "asOf": d}) for n, d in itertools.product(PROCEDURES, DAYS)
    ] + [(ACT, {"act": a}) for a in ACTS]
    asked = asked * 3
    patient = settings.model_copy(update={"lexgraph_query_timeout_s": 120.0})

    async def run(query: str, variables: dict[str, Any], coalescer: Coalescer | None) -> Any:
        context = RequestContext(driver=corpus, settings=patient, coalescer=coalescer)
        result = await schema.execute(query, variable_values=variables, context_value=context)
        return result.data, [(e.message, e.path) for e in result.errors or []]

    alone = [await run(query, variables, None) for query, variables in asked]
    coalescer = Coalescer(neo4j_run(lambda: corpus, settings.neo4j_database))
    # Each statement once alone first, so that the ones asked together are planned already.
    for query, variables in asked[:2] + asked[-1:]:
        await run(query, variables, coalescer)
    batches, requests = coalescer.batches, coalescer.requests
    together = await asyncio.gather(*(run(q, v, coalescer) for q, v in asked))

    assert together == alone
    assert any(data is not None and data.get("procedure") for data, _ in alone)
    assert any(errors for _, errors in alone)  # 99.9.9 and the act of 1900 are not there
    # They did share statements: fewer ran than there were requests.
    assert coalescer.batches - batches < coalescer.requests - requests == len(asked)
