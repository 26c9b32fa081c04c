"""`lexgraph dump` / `lexgraph restore`: the whole graph to a portable file and back, unchanged."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from neo4j import AsyncDriver
from neo4j.time import Date
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.config import Settings
from lexgraph.graph.dump import (
    GraphNotEmpty,
    RestoreError,
    canonical_dump,
    decode_value,
    dump_graph,
    encode_value,
    restore_graph,
)
from lexgraph.importing import import_paths, sample_corpus_dir

RESOLUTION = "by/resolution/mvd/2023-05-19/102"

EVERY_TYPE = """
CREATE (:Scratch {
  text: 'Тест «кавычки» \\n', whole: 9007199254740993, real: 5.0, flag: false,
  day: date('2023-05-19'), moment: datetime('2023-05-19T10:15:30.123456789+03:00'),
  zoned: datetime('2023-05-19T10:15:30[Europe/Minsk]'), local: localdatetime('2023-05-19T10:15'),
  clock: time('10:15:30+03:00'), wall: localtime('10:15'), span: duration('P1Y2M3DT4H5M6.5S'),
  place: point({longitude: 27.56, latitude: 53.9}), plane: point({x: 1, y: 2, z: 3}),
  days: [date('2023-01-01'), date('2023-12-31')], numbers: [1, 2, 3], infinite: 1.0 / 0.0
})-[:SCRATCH {position: 1, since: date('2020-02-29')}]->(:Scratch {text: 'second'})
"""


async def dumped(driver: AsyncDriver, database: str) -> str:
    out = io.StringIO()
    await dump_graph(driver, database, out)
    return out.getvalue()


async def test_a_round_trip_of_the_imported_corpus_gives_the_same_graph(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    report = await import_paths(empty_graph, database, [sample_corpus_dir()])
    assert not report.failed
    before, file = await canonical_dump(empty_graph, database), await dumped(empty_graph, database)

    summary = await restore_graph(empty_graph, database, file.splitlines(), replace=True)

    assert summary.nodes + summary.relationships == len(before)
    assert await canonical_dump(empty_graph, database) == before
    assert await dumped(empty_graph, database) == file  # the same graph, the same bytes
    records, _, _ = await empty_graph.execute_query(
        "MATCH (a:LegalAct {id: $id}) RETURN a.date AS date", id=RESOLUTION, database_=database
    )
    assert records[0]["date"] == Date(2023, 5, 19)  # a date, not the string "2023-05-19"


async def test_every_property_type_survives_a_round_trip(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    await empty_graph.execute_query(EVERY_TYPE, database_=database)
    read = "MATCH (n:Scratch)-[r]->(m) RETURN properties(n) AS n, properties(r) AS r, m.text AS m"
    before, _, _ = await empty_graph.execute_query(read, database_=database)
    file = await dumped(empty_graph, database)

    await restore_graph(empty_graph, database, file.splitlines(), replace=True)

    after, _, _ = await empty_graph.execute_query(read, database_=database)
    assert [record.data() for record in after] == [record.data() for record in before]
    assert await dumped(empty_graph, database) == file


def test_typed_values_are_tagged_in_the_file() -> None:
    assert encode_value(Date(2023, 5, 19)) == {"$date": "2023-05-19"}
    assert encode_value([1.5, float("inf")]) == [1.5, {"$float": "inf"}]
    assert decode_value({"$date": "2023-05-19"}) == Date(2023, 5, 19)
    with pytest.raises(ValueError, match="a value a property cannot hold"):
        decode_value({"nested": {"map": 1}})
    with pytest.raises(ValueError, match="64-bit"):
        decode_value(2**64)


async def test_restore_refuses_a_graph_that_holds_data(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    await empty_graph.execute_query(EVERY_TYPE, database_=database)
    file = await dumped(empty_graph, database)
    before = await canonical_dump(empty_graph, database)

    with pytest.raises(GraphNotEmpty, match="--replace"):
        await restore_graph(empty_graph, database, file.splitlines())

    assert await canonical_dump(empty_graph, database) == before


def broken(file: str) -> dict[str, list[str]]:
    lines = file.splitlines()
    node = json.loads(lines[1])
    return {
        "truncated": lines[:-1],
        "not JSON": [*lines[:2], '{"node": 99, "labels": ["Scratch"]', *lines[2:]],
        "a dangling relationship": [
            *lines[:-1],
            json.dumps({"relationship": "SCRATCH", "from": 0, "to": 42}),
        ],
        "a node key used twice": [*lines[:2], json.dumps(node), *lines[2:]],
        "a nested map": [
            lines[0],
            json.dumps({**node, "properties": {"map": {"a": 1}}}),
            *lines[2:],
        ],
        "no header": lines[1:],
    }


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("truncated", r"dump.jsonl:\d+: expected 2 nodes and 1 relationships as the header says"),
        ("not JSON", r"dump.jsonl:3: expected a JSON object, found invalid JSON"),
        ("a dangling relationship", r"dump.jsonl:4: .*to node 42, which no earlier line defines"),
        ("a node key used twice", r"dump.jsonl:3: .*a node key that is not a new integer"),
        ("a nested map", r"dump.jsonl:2: .*a value a property cannot hold"),
        ("no header", r"dump.jsonl:1: expected the header of a lexgraph-dump version 1 file"),
    ],
)
async def test_a_broken_dump_is_refused_and_changes_nothing(
    empty_graph: AsyncDriver, settings: Settings, kind: str, message: str
) -> None:
    database = settings.neo4j_database
    await empty_graph.execute_query(EVERY_TYPE, database_=database)
    before = await canonical_dump(empty_graph, database)
    lines = broken(await dumped(empty_graph, database))[kind]

    with pytest.raises(RestoreError, match=message):
        await restore_graph(empty_graph, database, lines, name="dump.jsonl", replace=True)

    assert await canonical_dump(empty_graph, database) == before


def test_the_commands_dump_and_restore_through_a_file(
    empty_graph: AsyncDriver, neo4j_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    runner = CliRunner()
    news = sample_corpus_dir() / "000_8633f05b71841d3c.txt"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"

    imported = runner.invoke(app, ["import", str(news)])
    dumping = runner.invoke(app, ["dump", str(first)])
    refused = runner.invoke(app, ["restore", str(first)])
    replaced = runner.invoke(app, ["restore", str(first), "--replace"])
    again = runner.invoke(app, ["dump", str(second)])

    assert imported.exit_code == 0, imported.output
    assert dumping.exit_code == 0, dumping.output
    assert "dumped 10 nodes and 14 relationships" in dumping.output
    assert refused.exit_code == 1
    assert "the graph already holds data" in refused.output
    assert replaced.exit_code == 0, replaced.output
    assert "restored 10 nodes and 14 relationships (replacing 10 nodes)" in replaced.output
    assert again.exit_code == 0, again.output
    assert second.read_bytes() == first.read_bytes()
