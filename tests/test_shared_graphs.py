"""The shared graphs (tests/graphs.py) are loaded again exactly when the database has changed:
a module must never read a graph another test left changed, and should not pay for a load that
would write the same graph again."""

from __future__ import annotations

from neo4j import AsyncDriver

from lexgraph.config import Settings
from tests.graphs import corpus_imported, loads, sample_loaded

NOTE = "CREATE (:Note {text: 'оставлено тестом'})"
NOTES = "MATCH (n:Note) RETURN count(n) AS count"


async def test_a_graph_nobody_wrote_to_is_not_loaded_again(
    driver: AsyncDriver, settings: Settings
) -> None:
    await sample_loaded(driver, settings.neo4j_database)
    after_first = loads["sample"]

    await sample_loaded(driver, settings.neo4j_database)
    await driver.execute_query("MATCH (p:Procedure) RETURN count(p)")  # reads write nothing

    await sample_loaded(driver, settings.neo4j_database)
    assert loads["sample"] == after_first


async def test_any_write_brings_a_fresh_load(driver: AsyncDriver, settings: Settings) -> None:
    await sample_loaded(driver, settings.neo4j_database)
    await driver.execute_query(NOTE)
    before = loads["sample"]

    await sample_loaded(driver, settings.neo4j_database)

    assert loads["sample"] == before + 1
    records, _, _ = await driver.execute_query(NOTES)
    assert records[0]["count"] == 0


async def test_another_graph_replaces_the_one_loaded(
    driver: AsyncDriver, settings: Settings
) -> None:
    await sample_loaded(driver, settings.neo4j_database)
    before = loads.get("corpus", 0)

    report = await corpus_imported(driver, settings.neo4j_database)
    assert loads["corpus"] == before + 1
    records, _, _ = await driver.execute_query(
        "MATCH (p:Procedure {number: '15.4.1'}) RETURN count(p) AS count"
    )
    assert records[0]["count"] == 1
    # Asked again, the same import's report, without importing.
    assert await corpus_imported(driver, settings.neo4j_database) is report
    assert loads["corpus"] == before + 1
