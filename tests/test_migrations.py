"""Schema migrations are idempotent: applying twice changes nothing."""

from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.graph.migrations import apply_migrations, load_migrations, pending_migrations

SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN 'constraint:' + name AS item"
SHOW_INDEXES = """
SHOW INDEXES YIELD name, type, options
RETURN 'index:' + name + ':' + type + ':' + coalesce(options.indexConfig.`fulltext.analyzer`, '')
    AS item
"""


async def schema_items(driver: AsyncDriver, settings: Settings) -> set[str]:
    items = set()
    for statement in (SHOW_CONSTRAINTS, SHOW_INDEXES):
        records, _, _ = await driver.execute_query(statement, database_=settings.neo4j_database)
        items |= {record["item"] for record in records}
    return items


async def test_applying_twice_changes_nothing(driver: AsyncDriver, settings: Settings) -> None:
    before = await schema_items(driver, settings)
    changed = await apply_migrations(driver, settings.neo4j_database)
    assert changed == []
    assert await schema_items(driver, settings) == before
    assert await pending_migrations(driver, settings.neo4j_database) == []


async def test_identifiers_are_unique_and_text_is_searchable_in_russian(
    driver: AsyncDriver, settings: Settings
) -> None:
    items = await schema_items(driver, settings)
    assert "constraint:procedure_number" in items
    assert "constraint:legal_act_id" in items
    assert "index:lexgraph_text:FULLTEXT:russian" in items
    assert "index:lexgraph_cells:FULLTEXT:russian" in items


async def test_russian_analyzer_matches_other_word_forms(empty_graph: AsyncDriver) -> None:
    await empty_graph.execute_query(
        "CREATE (:Procedure {id: 'test', number: '0.0.0', title: 'Согласование приглашения'})"
    )
    records, _, _ = await empty_graph.execute_query(
        "CALL db.index.fulltext.queryNodes('lexgraph_text', 'приглашений') YIELD node"
        " RETURN node.id AS id"
    )
    assert [record["id"] for record in records] == ["test"]


def test_every_schema_statement_is_idempotent() -> None:
    for migration in load_migrations():
        for statement in migration.statements:
            if statement.startswith("CREATE"):
                assert "IF NOT EXISTS" in statement, (migration.name, statement)


async def test_a_graph_written_with_sources_lists_gets_mention_edges(
    empty_graph: AsyncDriver, settings: Settings
) -> None:
    database = settings.neo4j_database
    await empty_graph.execute_query(
        """
        CREATE (:SourceDocument {id: 'source/a'}), (:SourceDocument {id: 'source/b'}),
               (:LegalAct {id: 'by/code/tax', sources: ['source/a', 'source/b']}),
               (:Authority {id: 'authority/mvd', sources: ['source/b']})
        """,
        database_=database,
    )
    mentions = (
        "MATCH (d:SourceDocument)-[:MENTIONS]->(n) WITH n, d ORDER BY d.id"
        " RETURN n.id AS node, collect(d.id) AS documents, n.sources AS listed ORDER BY node"
    )

    for _ in range(2):  # a second start finds nothing left to move
        await apply_migrations(empty_graph, database)
        records, _, _ = await empty_graph.execute_query(mentions, database_=database)

        assert [(r["node"], r["documents"], r["listed"]) for r in records] == [
            ("authority/mvd", ["source/b"], None),
            ("by/code/tax", ["source/a", "source/b"], None),
        ]
