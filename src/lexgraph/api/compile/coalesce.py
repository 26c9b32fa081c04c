"""Requests of one compiled plan that wait on Neo4j together are answered by one statement.

Neo4j spends about as much on taking a statement in (the round trip, the transaction, looking its
plan up, streaming its result) as on reading one act's page, and a page is what most requests
ask. Many readers open pages of one kind at once: each would pay that cost alone. A plan of a root
field that looks one node up by `$key` (`roots.py`) is run as `UNWIND $batch AS b CALL (b) {…}`,
each row of the batch numbered and carrying its own key, so one statement answers every request
of the plan that came while the previous one was running:

- a request finding nothing running starts at once (a batch of one); no request ever waits for a
  batch to fill, only behind the one statement of its plan already running;
- only requests whose every other parameter is the same share a batch (the day asked, the
  arguments read below the root), and at most `MAX_BATCH`;
- the batch runs in a task of its own, not in any one request's: a client that goes away cancels
  only its own wait;
- its reads start where every member's reads before it ended (their bookmarks, joined), and each
  member's later reads start where the batch ended, as if each had run it alone;
- a failure fails each member of the batch alike, as the same statement run alone would have.

The rows come back numbered by member; what a member gets is exactly what the statement run for
its key alone returns (`tests/api/test_coalesce.py` checks both against each other under load).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, LiteralString

from neo4j import AsyncDriver, AsyncGraphDatabase, Bookmarks, Query, Record, RoutingControl
from neo4j.api import AsyncBookmarkManager

MAX_BATCH: Final = 32
"""The most requests one statement answers: a batch stays about as quick as one page."""

Run = Callable[["Batch"], Awaitable[list[Record]]]


@dataclass(slots=True)
class Member:
    """One request in a batch: its key, its bookmarks, and the answer it waits for."""

    key: Any
    bookmarks: AsyncBookmarkManager | None
    answer: asyncio.Future[list[Record]]


@dataclass(slots=True)
class Batch:
    """Requests of one statement and one set of shared parameters, run together."""

    statement: LiteralString
    shared: dict[str, Any]
    timeout_s: float
    members: list[Member]

    def parameters(self) -> dict[str, Any]:
        rows = [{"i": i, "key": m.key} for i, m in enumerate(self.members)]
        return self.shared | {"batch": rows}


@dataclass(slots=True)
class _Queue:
    waiting: list[Member] = field(default_factory=list)
    running: asyncio.Task[None] | None = None


def group_key(statement: str, shared: Mapping[str, Any], timeout_s: float) -> str:
    """What requests must have in common to share a batch: the statement, every parameter but
    the key, and the time they may take."""
    return json.dumps([statement, shared, timeout_s], sort_keys=True, default=repr)


def rows_by_member(records: Sequence[Record], members: int) -> list[list[Record]]:
    """The batch's records, each member's apart, in the order they came (`i`: its number)."""
    answers: list[list[Record]] = [[] for _ in range(members)]
    for record in records:
        answers[record["i"]].append(record)
    return answers


class Coalescer:
    """The process's batches, one queue per statement and shared parameters (see the module)."""

    def __init__(self, run: Run, max_batch: int = MAX_BATCH) -> None:
        self._run = run
        self._max_batch = max_batch
        self._queues: dict[str, _Queue] = {}
        self.batches = 0
        """Statements run so far (each answering one batch): with `requests`, for /metrics."""
        self.requests = 0

    async def read(
        self,
        statement: LiteralString,
        key: Any,
        shared: dict[str, Any],
        *,
        timeout_s: float,
        bookmarks: AsyncBookmarkManager | None = None,
    ) -> list[Record]:
        """The records the statement returns for `key` (with `shared` parameters): run now, or
        with the requests of the same statement waiting behind the one running."""
        group = group_key(statement, shared, timeout_s)
        queue = self._queues.setdefault(group, _Queue())
        member = Member(key, bookmarks, asyncio.get_running_loop().create_future())
        queue.waiting.append(member)
        if queue.running is None:
            queue.running = asyncio.create_task(self._drain(group, statement, shared, timeout_s))
        return await member.answer

    async def _drain(
        self, group: str, statement: LiteralString, shared: dict[str, Any], timeout_s: float
    ) -> None:
        queue = self._queues[group]
        try:
            while queue.waiting:
                members = queue.waiting[: self._max_batch]
                del queue.waiting[: self._max_batch]
                members = [m for m in members if not m.answer.done()]  # gone: cancelled
                if members:
                    await self._answer(Batch(statement, shared, timeout_s, members))
        finally:
            del self._queues[group]

    async def _answer(self, batch: Batch) -> None:
        self.batches += 1
        self.requests += len(batch.members)
        try:
            records = await self._run(batch)
        except Exception as error:
            for member in batch.members:
                if not member.answer.done():
                    member.answer.set_exception(error)
            return
        except BaseException:  # the batch's task cancelled (the server stopping): so are they
            for member in batch.members:
                member.answer.cancel()
            raise
        for member, rows in zip(
            batch.members, rows_by_member(records, len(batch.members)), strict=True
        ):
            if not member.answer.done():
                member.answer.set_result(rows)


def neo4j_run(driver: Callable[[], AsyncDriver], database: str) -> Run:
    """Run a batch as one read query of the process's driver (`driver()`, as it is when the
    batch runs), its bookmarks those of all its members."""

    async def run(batch: Batch) -> list[Record]:
        before: set[str] = set()
        for member in batch.members:
            if member.bookmarks is not None:
                before.update((await member.bookmarks.get_bookmarks()) or ())
        joined = AsyncGraphDatabase.bookmark_manager(Bookmarks.from_raw_values(before))
        records, _, _ = await driver().execute_query(
            Query(batch.statement, timeout=batch.timeout_s),
            parameters_=batch.parameters(),
            database_=database,
            routing_=RoutingControl.READ,
            bookmark_manager_=joined,
        )
        after = list((await joined.get_bookmarks()) or ())
        for member in batch.members:
            if member.bookmarks is not None:
                await member.bookmarks.update_bookmarks(
                    list((await member.bookmarks.get_bookmarks()) or ()), after
                )
        return records

    return run
