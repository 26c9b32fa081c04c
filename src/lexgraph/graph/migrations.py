"""Schema migrations: the Cypher files under `schema/migrations/`, applied in name order.

Every statement is idempotent (`IF NOT EXISTS`), and each applied file is recorded as a
`SchemaMigration` node with its checksum, so applying twice changes nothing and `/readyz` can tell
whether the database is migrated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from neo4j import AsyncDriver

from lexgraph.config import project_root


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    checksum: str
    statements: tuple[str, ...]


def migrations_dir() -> Path:
    """`schema/migrations` of the checkout, or the copy packaged into an installed wheel."""
    packaged = Path(__file__).resolve().parent.parent / "_schema" / "migrations"
    return packaged if packaged.is_dir() else project_root() / "schema" / "migrations"


def split_statements(text: str) -> tuple[str, ...]:
    """Statements end with `;`; `//` comment lines are dropped."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return tuple(part.strip() for part in "\n".join(lines).split(";") if part.strip())


def load_migrations(folder: Path | None = None) -> list[Migration]:
    folder = folder or migrations_dir()
    found = []
    for path in sorted(folder.glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        checksum = hashlib.sha256(text.encode()).hexdigest()[:16]
        found.append(Migration(path.stem, checksum, split_statements(text)))
    return found


RECORD_MIGRATION = """
MERGE (m:SchemaMigration {name: $name})
SET m.checksum = $checksum, m.appliedAt = coalesce(m.appliedAt, datetime())
"""

APPLIED_MIGRATIONS = "MATCH (m:SchemaMigration) RETURN m.name AS name, m.checksum AS checksum"


async def apply_migrations(driver: AsyncDriver, database: str) -> list[str]:
    """Apply every migration; returns the names of those that were new or changed."""
    applied = await applied_migrations(driver, database)
    changed = []
    for migration in load_migrations():
        for statement in migration.statements:
            # Schema statements cannot share a transaction with writes: one auto-commit each.
            async with driver.session(database=database) as session:
                result = await session.run(statement)
                await result.consume()
        if applied.get(migration.name) != migration.checksum:
            await driver.execute_query(
                RECORD_MIGRATION,
                name=migration.name,
                checksum=migration.checksum,
                database_=database,
            )
            changed.append(migration.name)
    async with driver.session(database=database) as session:
        result = await session.run("CALL db.awaitIndexes(300)")
        await result.consume()
    return changed


async def applied_migrations(driver: AsyncDriver, database: str) -> dict[str, str]:
    records, _, _ = await driver.execute_query(APPLIED_MIGRATIONS, database_=database)
    return {record["name"]: record["checksum"] for record in records}


async def pending_migrations(driver: AsyncDriver, database: str) -> list[str]:
    applied = await applied_migrations(driver, database)
    return [m.name for m in load_migrations() if applied.get(m.name) != m.checksum]
