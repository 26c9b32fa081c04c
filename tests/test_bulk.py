"""Bulk first load (`lexgraph.graph.bulk`): Neo4j's import tool writes a new local store from the
loader's own plan, so it gives the graph `load_batches` writes."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import AsyncDriver
from typer.testing import CliRunner

from lexgraph import local_neo4j
from lexgraph.cli import app
from lexgraph.config import Settings, load_settings
from lexgraph.graph.bulk import BulkImportError, bulk_load, csv_field, csv_type, write_store
from lexgraph.graph.driver import create_driver
from lexgraph.graph.loader import load_batches
from lexgraph.graph.records import GraphBatch, NodeRecord
from lexgraph.synthetic import Size, documents
from tests.conftest import graph_state

TINY = Size("T", procedures=40, cited_acts=60, units_per_act=10, portal_documents=2)

local_only = pytest.mark.skipif(
    bool(os.environ.get("NEO4J_URI")), reason="a bulk load writes the project's own Neo4j store"
)


@pytest.fixture
def new_home(tmp_path: Path) -> Iterator[Path]:
    home = tmp_path / "neo4j"
    yield home
    local_neo4j.stop(home)


def test_text_is_always_quoted_so_an_empty_text_is_not_a_missing_value() -> None:
    assert csv_field("") == '""'
    assert csv_field('Закон "О"\nчём-то') == '"Закон ""О""\nчём-то"'
    assert csv_field(3) == "3"
    assert csv_field(["a, b", 'c"']) == '"a, b\x1fc"""'


def test_each_value_gets_the_type_the_driver_would_have_stored() -> None:
    assert csv_type(True) == "boolean"
    assert csv_type(7) == "long"
    assert csv_type(0.5) == "double"
    assert csv_type(dt.date(2024, 1, 1)) == "date"
    assert csv_type(dt.datetime(2024, 1, 1, tzinfo=dt.UTC)) == "datetime"
    assert csv_type(dt.datetime(2024, 1, 1)) == "localdatetime"
    assert csv_type(["a", "b"]) == "string[]"
    # No element type to declare, or none the tool has: the bulk load refuses them.
    assert csv_type([]) is None
    assert csv_type([1, "a"]) is None
    assert csv_type(float("nan")) is None


@local_only
async def test_a_bulk_load_gives_the_graph_the_loader_writes(
    empty_graph: AsyncDriver, settings: Settings, new_home: Path
) -> None:
    batches = list(documents(TINY, seed=3))
    await load_batches(empty_graph, batches, settings.neo4j_database)
    written = await graph_state(empty_graph, settings.neo4j_database)

    found, report = await bulk_load(new_home, batches, heap="512m", page_cache_mb=64)
    driver = create_driver(load_settings(neo4j_uri=found.uri))
    try:
        imported = await graph_state(driver, "neo4j")
    finally:
        await driver.close()
    # The lines only one graph holds, decoded (a readable difference when there is one).
    assert [line for line in imported if line not in set(written)][:3] == []
    assert [line for line in written if line not in set(imported)][:3] == []
    assert imported == written
    assert report.documents == len(batches)
    assert report.nodes + report.edges == len(written)


@local_only
@pytest.mark.neo4j  # starts a Neo4j, or its import tool, of its own
def test_a_store_that_exists_is_never_overwritten(new_home: Path) -> None:
    batches = list(documents(TINY, seed=3))[:2]
    write_store(new_home, batches)
    with pytest.raises(BulkImportError, match="already holds a database"):
        write_store(new_home, batches)


def test_documents_that_cannot_be_written_together_are_refused_by_name(tmp_path: Path) -> None:
    first = GraphBatch("doc/a")
    first.add_node(NodeRecord("SourceDocument", "doc/a", {"checksum": "1"}))
    first.add_node(NodeRecord("Procedure", "procedure/1.1", {"name": "Выдача"}))
    second = GraphBatch("doc/b")
    second.add_node(NodeRecord("SourceDocument", "doc/b", {"checksum": "2"}))
    second.add_node(NodeRecord("Procedure", "procedure/1.1", {"name": "Иная"}))
    with pytest.raises(BulkImportError, match=r"doc/b: Procedure procedure/1\.1 is owned"):
        write_store(tmp_path / "neo4j", [first, second])
    assert not local_neo4j.store_exists(tmp_path / "neo4j")


def test_a_value_the_tool_cannot_write_names_its_node_and_property(tmp_path: Path) -> None:
    batch = GraphBatch("doc/a")
    batch.add_node(NodeRecord("SourceDocument", "doc/a", {"checksum": "1"}))
    batch.add_node(NodeRecord("Procedure", "procedure/1.1", {"forms": [1, "a"]}))
    with pytest.raises(BulkImportError, match=r"Procedure procedure/1.1: property 'forms'"):
        write_store(tmp_path / "neo4j", [batch])
    assert not local_neo4j.store_exists(tmp_path / "neo4j")


def test_the_command_refuses_a_bulk_load_into_a_server_it_does_not_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    result = CliRunner().invoke(app, ["synth", "--size", "M", "--bulk"], prog_name="lexgraph")
    assert result.exit_code == 2
    words = result.output.replace("│", " ").split()
    assert "unset NEO4J_URI" in " ".join(words)


@local_only
@pytest.mark.neo4j  # starts a Neo4j, or its import tool, of its own
def test_the_command_refuses_a_local_store_that_holds_data(
    monkeypatch: pytest.MonkeyPatch, new_home: Path
) -> None:
    write_store(new_home / "neo4j", list(documents(TINY, seed=3))[:1])
    monkeypatch.setenv("LEXGRAPH_HOME", str(new_home))
    result = CliRunner().invoke(app, ["synth", "--size", "M", "--bulk"], prog_name="lexgraph")
    assert result.exit_code == 1
    assert "already holds a database" in result.output


@local_only
@pytest.mark.neo4j  # starts a Neo4j, or its import tool, of its own
def test_a_failed_import_leaves_no_store_behind(new_home: Path) -> None:
    missing = new_home.parent / "missing.csv"
    with pytest.raises(local_neo4j.LocalNeo4jError, match="import tool failed"):
        local_neo4j.import_full(new_home, [f"--nodes=Procedure={missing}"])
    assert not local_neo4j.store_exists(new_home)
    assert not (new_home / "data" / "databases" / "neo4j").exists()


def test_a_property_key_no_column_can_name_is_refused(tmp_path: Path) -> None:
    batch = GraphBatch("doc/a")
    batch.add_node(NodeRecord("SourceDocument", "doc/a", {"checksum": "1"}))
    batch.add_node(NodeRecord("Procedure", "procedure/1.1", {"name,number": "1.1"}))
    with pytest.raises(BulkImportError, match="Procedure: property key 'name,number'"):
        write_store(tmp_path / "neo4j", [batch])
    assert not local_neo4j.store_exists(tmp_path / "neo4j")


def test_an_array_element_holding_the_delimiter_names_its_node(tmp_path: Path) -> None:
    batch = GraphBatch("doc/a")
    batch.add_node(NodeRecord("SourceDocument", "doc/a", {"checksum": "1"}))
    batch.add_node(NodeRecord("Procedure", "procedure/1.1", {"subjects": ["a\x1fb"]}))
    with pytest.raises(BulkImportError, match=r"Procedure procedure/1.1: property 'subjects'"):
        write_store(tmp_path / "neo4j", [batch])
    assert not local_neo4j.store_exists(tmp_path / "neo4j")
