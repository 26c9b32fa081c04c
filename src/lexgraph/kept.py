"""Answers kept between requests: computed once, served again while their key holds.

The caller's key says what the answer depends on (for the graph's answers, the graph's stamp, so
an import makes every older key unreachable). Answers are kept least-recently-used first out,
bounded by their number and by their total weight (bytes, nodes: the caller's measure), and none
is served older than `max_age_s`. Requests for an answer being computed wait for that computation,
which runs as a task of its own: a request that gives up does not cancel the others' answer.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class KeptAnswers(Generic[K, V]):
    """An LRU cache of answers with single-flight computation."""

    def __init__(
        self,
        *,
        max_entries: int,
        max_weight: int,
        max_age_s: float,
        weight: Callable[[K, V], int],
        largest: int | None = None,
        keep: Callable[[V], bool] = lambda _: True,
    ) -> None:
        """`weight` measures an answer; one heavier than `largest` (default `max_weight`), or one
        `keep` refuses, is served but not kept."""
        self.max_entries = max_entries
        self.max_weight = max_weight
        self.max_age_s = max_age_s
        self.largest = max_weight if largest is None else largest
        self.hits = 0
        self.misses = 0  # answers computed
        self._weight = weight
        self._keep = keep
        self._total = 0
        self._answers: OrderedDict[K, tuple[float, int, V]] = OrderedDict()
        self._pending: dict[K, asyncio.Future[V]] = {}

    def __len__(self) -> int:
        return len(self._answers)

    async def get(self, key: K, compute: Callable[[], Awaitable[V]]) -> V:
        """The kept answer for `key`, or `compute()`'s."""
        kept = self._answers.get(key)
        if kept is not None:
            if time.monotonic() - kept[0] <= self.max_age_s:
                self.hits += 1
                self._answers.move_to_end(key)
                return kept[2]
            self._drop(key)
        pending = self._pending.get(key)
        if pending is None:
            self.misses += 1
            pending = asyncio.ensure_future(compute())
            self._pending[key] = pending
            pending.add_done_callback(lambda done: self._settle(key, done))
        else:
            self.hits += 1
        return await asyncio.shield(pending)

    def _settle(self, key: K, done: asyncio.Future[V]) -> None:
        self._pending.pop(key, None)
        if done.cancelled() or done.exception() is not None:
            return
        answer = done.result()
        if not self._keep(answer):
            return
        weight = self._weight(key, answer)
        if weight > self.largest:
            return
        if key in self._answers:
            self._drop(key)
        self._answers[key] = (time.monotonic(), weight, answer)
        self._total += weight
        while self._answers and (
            len(self._answers) > self.max_entries or self._total > self.max_weight
        ):
            self._drop(next(iter(self._answers)))

    def _drop(self, key: K) -> None:
        _, weight, _ = self._answers.pop(key)
        self._total -= weight
