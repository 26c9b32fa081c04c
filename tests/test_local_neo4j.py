"""The project's own Neo4j: clear errors, and the settings it runs with. A clean shutdown on
Ctrl-C, with the data kept across the restart, is tested on the bulk-loaded store of
tests/test_own_store.py, which starts one Neo4j for both."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from neo4j import AsyncDriver

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
