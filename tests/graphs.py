"""The two graphs most database tests read, loaded again only when the database has changed.

Importing the sample corpus is one of the suite's costliest steps, and some thirty modules read
it, most without writing. A module's fixture asks for the graph it needs; the load is skipped when
the database still holds exactly what the last load wrote. What says so is Neo4j's own bookmark:
a transaction's bookmark names the last transaction the database had committed, so the same
bookmark as right after the load means nothing was written since, by a test, a command or
another process. Any write (a test that changes the corpus and puts it back, an `empty_graph`
wipe) moves it, and the next module loads afresh. The check runs in a write-mode session, which
a cluster routes to its leader: a follower that lags could show an old bookmark.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import WRITE_ACCESS, AsyncDriver

from lexgraph.graph.loader import load_batch
from lexgraph.importing import ImportReport, import_paths, sample_corpus_dir
from tests.api.sample_graph import CURRENT_TEXT_FROM, sample_batch
from tests.conftest import WIPE_DATA

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Loaded:
    database: str
    name: str
    bookmarks: frozenset[str]
    value: Any


_last: list[_Loaded] = []
loads: dict[str, int] = {}
"""How many times each graph was loaded in this run (the suite's summary reports it)."""


async def corpus_imported(driver: AsyncDriver, database: str) -> ImportReport:
    """The bundled sample corpus (importers/corpus/), as `lexgraph run` imports it."""

    async def load() -> ImportReport:
        report = await import_paths(driver, database, [sample_corpus_dir()])
        assert report.failed == ()
        return report

    result: ImportReport = await _ensure(driver, database, "corpus", load)
    return result


async def sample_loaded(driver: AsyncDriver, database: str) -> None:
    """The sample document's two editions (tests/api/sample_graph.py)."""

    async def load() -> None:
        await load_sample_graph(driver, database)

    await _ensure(driver, database, "sample", load)


async def load_sample_graph(driver: AsyncDriver, database: str) -> None:
    """The sample document's two editions, the earlier first, as an import of both would."""
    await load_batch(driver, sample_batch(earlier_text=True), database)
    await load_batch(driver, sample_batch(), database, effective_from=CURRENT_TEXT_FROM)


async def _ensure(
    driver: AsyncDriver, database: str, name: str, load: Callable[[], Awaitable[T]]
) -> T:
    if _last and (_last[0].database, _last[0].name) == (database, name):
        last = _last[0]
        if await _bookmarks(driver, database) == last.bookmarks:
            value: T = last.value
            return value
    _last.clear()
    async with driver.session(database=database) as session:
        await (await session.run(WIPE_DATA)).consume()
    value = await load()
    loads[name] = loads.get(name, 0) + 1
    _last.append(_Loaded(database, name, await _bookmarks(driver, database), value))
    return value


async def _bookmarks(driver: AsyncDriver, database: str) -> frozenset[str]:
    # `Bookmarks` compares by identity: its raw values are what the server sent.
    async with driver.session(database=database, default_access_mode=WRITE_ACCESS) as session:
        await (await session.run("RETURN 1")).consume()
        return (await session.last_bookmarks()).raw_values
