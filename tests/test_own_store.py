"""The project's own Neo4j store, from first load to restart: the import tool writes it from the
loader's plan (`lexgraph.graph.bulk`), the launcher serves it, Ctrl-C closes it cleanly, and it is
never overwritten.

One store serves every test here: a bulk load and a Neo4j start are the suite's costliest steps,
and each test needs the same thing, a store that holds data. Each test asks `store` for the state
it needs (served or stopped), so any order works; in file order the store starts twice in all.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import AsyncDriver, AsyncGraphDatabase
from typer.testing import CliRunner

from lexgraph import local_neo4j
from lexgraph.cli import app
from lexgraph.config import Settings, load_settings
from lexgraph.graph.bulk import BulkImportError, BulkReport, bulk_load, write_store
from lexgraph.graph.driver import create_driver
from lexgraph.graph.loader import load_batches
from lexgraph.graph.records import GraphBatch
from lexgraph.synthetic import documents
from tests.conftest import graph_state
from tests.test_bulk import TINY
from tests.timing import WAIT_S

pytestmark = [
    pytest.mark.skipif(
        bool(os.environ.get("NEO4J_URI")), reason="these tests write the project's own Neo4j store"
    ),
    pytest.mark.neo4j,  # a Neo4j of their own, not the suite's (so no `neo4j_uri` marks them)
    pytest.mark.slow,
]


@contextmanager
def as_from_a_terminal() -> Iterator[None]:
    """A test run in the background (`&`, nohup) ignores SIGINT, and a process started from it
    would inherit that and never see a Ctrl-C: start Neo4j with SIGINT's default action."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass
class Store:
    home: Path
    batches: list[GraphBatch]
    report: BulkReport

    def serving(self) -> local_neo4j.RunningNeo4j:
        """The store served (started again if a test stopped it)."""
        with as_from_a_terminal():
            return local_neo4j.start(
                self.home, port=0, heap="256m", page_cache_mb=32, timeout_s=WAIT_S
            )

    def stopped(self) -> Path:
        """The store's home, with Neo4j stopped."""
        local_neo4j.stop(self.home)
        return self.home


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    home = tmp_path_factory.mktemp("own-store") / "neo4j"
    batches = list(documents(TINY, seed=3))
    try:
        with as_from_a_terminal():
            _, report = asyncio.run(bulk_load(home, batches, heap="512m", page_cache_mb=64))
        yield Store(home, batches, report)
    finally:
        local_neo4j.stop(home)


async def test_a_bulk_load_gives_the_graph_the_loader_writes(
    store: Store, empty_graph: AsyncDriver, settings: Settings
) -> None:
    await load_batches(empty_graph, store.batches, settings.neo4j_database)
    written = await graph_state(empty_graph, settings.neo4j_database)

    driver = create_driver(load_settings(neo4j_uri=store.serving().uri))
    try:
        imported = await graph_state(driver, "neo4j")
    finally:
        await driver.close()
    # The lines only one graph holds, decoded (a readable difference when there is one).
    assert [line for line in imported if line not in set(written)][:3] == []
    assert [line for line in written if line not in set(imported)][:3] == []
    assert imported == written
    assert store.report.documents == len(store.batches)
    assert store.report.nodes + store.report.edges == len(written)


async def _count(uri: str, statement: str) -> int:
    async with AsyncGraphDatabase.driver(uri, auth=None) as driver:
        records, _, _ = await driver.execute_query(statement)
        return int(records[0]["count"])


NOTE = "CREATE (:Note {text: 'сохранится'}) RETURN 1 AS count"
NOTES = "MATCH (n:Note) RETURN count(n) AS count"
NODES = "MATCH (n) RETURN count(n) AS count"
NO_NOTES = "MATCH (n:Note) DELETE n RETURN count(n) AS count"


def test_ctrl_c_closes_the_store_cleanly_and_data_survives(store: Store) -> None:
    first = store.serving()
    nodes = asyncio.run(_count(first.uri, NODES))
    assert asyncio.run(_count(first.uri, NOTE)) == 1
    try:
        os.kill(first.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
        deadline = time.monotonic() + WAIT_S  # a last resort: it stops as soon as it has closed
        while local_neo4j.running(store.home) is not None and time.monotonic() < deadline:
            local_neo4j._reap(first.pid)
            time.sleep(0.2)
        assert local_neo4j.running(store.home) is None
        assert "shutting down" in Path(first.log).read_text()

        second = store.serving()
        assert asyncio.run(_count(second.uri, NOTES)) == 1
        assert asyncio.run(_count(second.uri, NODES)) == nodes + 1
        # After an unclean stop Neo4j logs that it must recover the store; here it never does.
        assert "recover" not in (store.home / "logs" / "debug.log").read_text().lower()
    finally:
        asyncio.run(_count(store.serving().uri, NO_NOTES))


def test_a_served_store_is_never_written_under_the_server(store: Store) -> None:
    store.serving()
    with pytest.raises(BulkImportError, match="is running; stop it first"):
        write_store(store.home, store.batches[:2])


def test_a_store_that_exists_is_never_overwritten(store: Store) -> None:
    with pytest.raises(BulkImportError, match="already holds a database"):
        write_store(store.stopped(), store.batches[:2])
    assert local_neo4j.store_exists(store.home)


def test_the_command_refuses_a_local_store_that_holds_data(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEXGRAPH_HOME", str(store.stopped().parent))
    result = CliRunner().invoke(app, ["synth", "--size", "M", "--bulk"], prog_name="lexgraph")
    assert result.exit_code == 1
    assert "already holds a database" in result.output
