"""A circuit breaker for the database: once Neo4j fails to answer, say so at once until it is back.

Without it every request made while Neo4j is down waits for its own connection attempts and
retries (8–10 s each, the full request budget while Neo4j restarts) and holds a worker meanwhile.
With it, the first request to meet the failure opens the breaker; until a probe succeeds, every
GraphQL request is answered 503 with `Retry-After` without touching the driver. One probe runs at
a time, every `interval_s`, each bounded by `probe_timeout_s`; its success closes the breaker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger("lexgraph.breaker")


class DatabaseBreaker:
    """Open (refusing) from the first failure reported until `probe()` succeeds."""

    def __init__(
        self,
        probe: Callable[[], Awaitable[object]],
        *,
        interval_s: float = 0.5,
        probe_timeout_s: float = 2.0,
    ) -> None:
        self._probe = probe
        self.interval_s = interval_s
        self.probe_timeout_s = probe_timeout_s
        self._probing: asyncio.Task[None] | None = None
        self._closed = asyncio.Event()
        self._closed.set()

    @property
    def is_open(self) -> bool:
        return self._probing is not None

    def failed(self) -> None:
        """The database could not answer a request: refuse the others until it can."""
        if self._probing is None:
            log.warning("database unavailable: refusing requests until a probe succeeds")
            self._closed.clear()
            self._probing = asyncio.get_running_loop().create_task(self._probe_until_back())

    async def _probe_until_back(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            try:
                await asyncio.wait_for(self._probe(), self.probe_timeout_s)
            except Exception as error:
                log.debug("database probe failed: %s", type(error).__name__)
                continue
            log.warning("database answers again: serving requests")
            self._probing = None
            self._closed.set()
            return

    async def wait_closed(self) -> None:
        """Until the breaker lets requests through (at once, when it does)."""
        await self._closed.wait()

    async def close(self) -> None:
        """Stop probing (the app is shutting down)."""
        probing, self._probing = self._probing, None
        if probing is not None:
            probing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await probing
