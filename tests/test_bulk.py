"""Bulk first load (`lexgraph.graph.bulk`): Neo4j's import tool writes a new local store from the
loader's own plan, so it gives the graph `load_batches` writes (tests/test_own_store.py loads one
store and checks that, beside the launcher's tests on the same store); here, what is refused
before or by the import tool."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lexgraph import local_neo4j
from lexgraph.cli import app
from lexgraph.graph.bulk import BulkImportError, csv_field, csv_type, write_store
from lexgraph.graph.records import GraphBatch, NodeRecord
from lexgraph.synthetic import Size

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
