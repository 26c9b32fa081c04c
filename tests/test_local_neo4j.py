"""The project's own Neo4j: clear errors, clean shutdown, data kept across restarts."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
from pathlib import Path

import pytest
from neo4j import AsyncDriver, AsyncGraphDatabase

from lexgraph import local_neo4j
from lexgraph.config import Settings


def test_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(local_neo4j.LocalNeo4jError, match=f"port {port} .* already in use"):
            local_neo4j.start(tmp_path / "home", port=port)


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(local_neo4j.LocalNeo4jError, match="'java' was not found on PATH"):
        local_neo4j._require_tool("java", "run the local Neo4j")


def test_stopping_when_nothing_runs_says_so(tmp_path: Path) -> None:
    assert local_neo4j.running(tmp_path) is None
    assert local_neo4j.stop(tmp_path) is False


async def _count_notes(uri: str, create: bool) -> int:
    async with AsyncGraphDatabase.driver(uri, auth=None) as driver:
        if create:
            await driver.execute_query("CREATE (:Note {text: 'сохранится'})")
        records, _, _ = await driver.execute_query("MATCH (n:Note) RETURN count(n) AS count")
        return int(records[0]["count"])


@pytest.mark.slow
def test_ctrl_c_closes_the_store_cleanly_and_data_survives(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # Started as from a terminal: a test run in the background (`&`, nohup) ignores SIGINT, and a
    # process started from it would inherit that and never see the Ctrl-C.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        first = local_neo4j.start(home, port=0, heap="256m", page_cache_mb=32)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert asyncio.run(_count_notes(first.uri, create=True)) == 1

    os.kill(first.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    deadline = time.monotonic() + 60
    while local_neo4j.running(home) is not None and time.monotonic() < deadline:
        local_neo4j._reap(first.pid)
        time.sleep(0.2)
    assert local_neo4j.running(home) is None
    assert "shutting down" in Path(first.log).read_text()

    second = local_neo4j.start(home, port=0, heap="256m", page_cache_mb=32)
    try:
        assert asyncio.run(_count_notes(second.uri, create=False)) == 1
        # After an unclean stop Neo4j logs that it must recover the store; here it never does.
        assert "recover" not in (home / "logs" / "debug.log").read_text().lower()
    finally:
        assert local_neo4j.stop(home)


async def test_the_local_neo4j_groups_relationships_of_mid_sized_nodes(
    driver: AsyncDriver, settings: Settings
) -> None:
    if os.environ.get("NEO4J_URI"):
        pytest.skip("an external Neo4j is configured by its operator")
    records, _, _ = await driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = 'db.relationship_grouping_threshold'"
        " RETURN value",
        database_=settings.neo4j_database,
    )

    assert [record["value"] for record in records] == ["10"]
