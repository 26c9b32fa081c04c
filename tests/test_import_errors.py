"""Bad input gets a clear error (file, line, what was expected) and changes nothing in the graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import AsyncDriver

from lexgraph.config import Settings, project_root
from lexgraph.graph.dump import canonical_dump
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.conftest import WIPE_DATA
from tests.graphs import corpus_imported

MALFORMED = project_root() / "tests" / "malformed"
REGULATIONS = sample_corpus_dir() / "004_85fdc72f4cf61fef.txt"


@pytest.fixture
async def imported(driver: AsyncDriver, settings: Settings) -> list[str]:
    """The sample corpus imported on an empty graph; yields its canonical dump."""
    await corpus_imported(driver, settings.neo4j_database)
    return await canonical_dump(driver, settings.neo4j_database)


async def test_importing_twice_changes_nothing(
    imported: list[str], driver: AsyncDriver, settings: Settings
) -> None:
    report = await import_paths(driver, settings.neo4j_database, [sample_corpus_dir()])
    assert not report.failed
    assert all(d.summary and d.summary.removed_nodes == 0 for d in report.documents)
    assert await canonical_dump(driver, settings.neo4j_database) == imported


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty.txt: expected a non-empty document, found an empty file"),
        ("binary.bin", "binary.bin: expected a UTF-8 text document, found binary data"),
        ("cp1251_without_declaration.txt", "cp1251_without_declaration.txt:1: expected UTF-8 text"),
        ("unknown_type.txt", "unknown_type.txt:1: expected a known document type"),
    ],
)
async def test_malformed_files_fail_clearly_and_change_nothing(
    imported: list[str], driver: AsyncDriver, settings: Settings, name: str, message: str
) -> None:
    report = await import_paths(driver, settings.neo4j_database, [MALFORMED / name])
    (failed,) = report.failed
    assert failed.error is not None
    assert failed.error.startswith(message)
    assert await canonical_dump(driver, settings.neo4j_database) == imported


def variant(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_truncated_regulation_names_the_line_and_changes_nothing(
    imported: list[str], driver: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    lines = REGULATIONS.read_text(encoding="utf-8").split("\n")
    truncated = variant(tmp_path, "truncated.txt", "\n".join(lines[:1075]))
    report = await import_paths(driver, settings.neo4j_database, [truncated])
    (failed,) = report.failed
    assert failed.error is not None
    assert failed.error.startswith("truncated.txt:")
    assert "expected" in failed.error
    assert await canonical_dump(driver, settings.neo4j_database) == imported


async def test_a_duplicated_procedure_fails_and_the_other_documents_still_import(
    driver: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run(WIPE_DATA)).consume()
    lines = REGULATIONS.read_text(encoding="utf-8").split("\n")
    heading = next(
        i + 1 for i, line in enumerate(lines) if line == "РЕГЛАМЕНТ" and "15.2.2" in lines[i + 1]
    )
    lines[heading] = lines[heading].replace("15.2.2", "15.2.1")
    duplicated = variant(tmp_path, "duplicated.txt", "\n".join(lines))
    guide = sample_corpus_dir() / "001_3ce2819cda9fc273.txt"
    report = await import_paths(driver, settings.neo4j_database, [duplicated, guide])
    assert [d.ok for d in report.documents] == [False, True]
    assert report.documents[0].error is not None
    assert "duplicated.txt:" in report.documents[0].error
    records, _, _ = await driver.execute_query("MATCH (n:Regulation) RETURN count(n) AS n")
    assert records[0]["n"] == 0
