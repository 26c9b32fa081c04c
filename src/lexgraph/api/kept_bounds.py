"""The list bounds an API process costs requests by, kept in step with the graph.

`lexgraph.graph.list_bounds` reads, in one statement, the most items each unpaged list can return.
They change only when the graph does, so the process keeps them with the graph's stamp
(`lexgraph.graph.stamp`) they were read at, and reads them again when a newer stamp is seen: by a
request that read the stamp anyway (the answer cache does), or by the watch that reads it every
`interval_s`. The app reads them before it serves; later reads happen in the background, and
requests meanwhile are costed by the bounds already kept (none at all, if the database could not
be read at start: each unpaged list then counts as one item, `lexgraph.api.measure.
UNPAGED_LIST_SIZE`, until a read succeeds, tried every second).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from lexgraph.api.measure import ListSize
from lexgraph.graph.list_bounds import ListBounds

log = logging.getLogger("lexgraph.list_bounds")


class KeptListBounds:
    """The latest `ListBounds`, and the stamp of the graph they were read from."""

    def __init__(
        self,
        read: Callable[[], Awaitable[ListBounds]],
        stamp: Callable[[], Awaitable[str]],
        *,
        interval_s: float = 30.0,
    ) -> None:
        self._read = read
        self._stamp = stamp
        self.interval_s = interval_s
        self.bounds: ListBounds | None = None
        self.stamp: str | None = None
        self._reading: asyncio.Task[None] | None = None
        self._watch: asyncio.Task[None] | None = None

    @property
    def list_size(self) -> ListSize | None:
        """What the cost walk asks, or None before the first read."""
        return self.bounds.size if self.bounds is not None else None

    def saw(self, stamp: str) -> None:
        """A request read the graph's stamp: read the bounds again if the graph changed."""
        if stamp != self.stamp and self._reading is None:
            self._reading = asyncio.get_running_loop().create_task(self._refresh(stamp))

    async def _refresh(self, stamp: str) -> None:
        try:
            self.bounds = await self._read()
            self.stamp = stamp
        except Exception as error:
            log.info("list bounds not read: %s", type(error).__name__)
        finally:
            self._reading = None

    async def refresh_now(self) -> None:
        """Read the stamp and, if it changed, the bounds; wait for them (at start-up)."""
        try:
            stamp = await self._stamp()
        except Exception as error:
            log.info("graph stamp not read: %s", type(error).__name__)
            return
        self.saw(stamp)
        if self._reading is not None:
            await self._reading

    def start(self) -> None:
        """Watch the graph's stamp every `interval_s` (writes made by other processes)."""

        async def watch() -> None:
            while True:
                await self.refresh_now()
                # Until the first read succeeds (the database was down), ask every second.
                await asyncio.sleep(self.interval_s if self.bounds is not None else 1.0)

        if self._watch is None:
            self._watch = asyncio.get_running_loop().create_task(watch())

    async def close(self) -> None:
        for task in (self._watch, self._reading):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._watch = self._reading = None
