"""Versions: importing a new edition of a text keeps the old facts, closed, beside the new ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, LiteralString

import pytest
from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.graph.validity import stated_valid
from lexgraph.graph.versions import VERSIONS_OF, compare, version_id
from lexgraph.importing import ImportReport, import_paths, sample_corpus_dir
from tests.graphs import corpus_imported

NAME = "004_85fdc72f4cf61fef.txt"
DOCUMENT = f"source/{NAME}"
FEE = "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1__fee"
FEE_LINE = 1112  # «… – государственная пошлина в размере 5 базовых величин.» of regulation 15.4.1
EFFECTIVE = dt.date(2024, 1, 1)


def new_edition(folder: Path) -> Path:
    """The same resolution with the state duty of procedure 15.4.1 raised from 5 to 7 base units."""
    lines = (sample_corpus_dir() / NAME).read_text(encoding="utf-8").split("\n")
    assert lines[FEE_LINE - 1].endswith("размере 5 базовых величин.")
    lines[FEE_LINE - 1] = lines[FEE_LINE - 1].replace("5 базовых", "7 базовых")
    folder.mkdir()
    (folder / NAME).write_text("\n".join(lines), encoding="utf-8")
    return folder


async def rows(driver: AsyncDriver, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = await driver.execute_query(query, params)
    return [dict(r) for r in records]


OWN_FACTS: LiteralString = (
    "MATCH (n {sourceDocument: $document})"
    " WHERE NOT EXISTS { (n)<-[:MENTIONS]-() } AND NOT n:Version"
    " RETURN coalesce(n.currentId, n.id) AS id, n.id AS stored ORDER BY stored"
)
FEE_AS_OF: LiteralString = (
    "MATCH (:Regulation {id: $regulation})-[c:CHARGES]->(fee:Fee) WHERE "
    + stated_valid("c")
    + " AND "
    + stated_valid("fee")
    + " RETURN fee.id AS id, fee.amountBaseUnits AS amount"
)


@pytest.fixture(scope="module")
async def editions(
    driver: AsyncDriver, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[dict[str, Any]], ImportReport]:
    """The corpus, then the new edition of seed 004 effective from 2024-01-01."""
    await corpus_imported(driver, settings.neo4j_database)
    before = await rows(driver, OWN_FACTS, document=DOCUMENT)
    # Another document's statement about the fee (as a portal text quoting it would make).
    await driver.execute_query(
        "MATCH (fee:Fee {id: $fee})"
        " CREATE (:PortalFact {id: 'test/portal-fact', sourceDocument: 'source/other.txt'})"
        "-[:CITES {sourceDocument: 'source/other.txt', key: '', lineStart: 1}]->(fee)",
        fee=FEE,
    )
    folder = new_edition(tmp_path_factory.mktemp("edition") / "v2")
    report = await import_paths(driver, settings.neo4j_database, [folder], effective_from=EFFECTIVE)
    return before, report


async def test_the_importer_reports_the_difference(
    editions: tuple[list[dict[str, Any]], ImportReport],
) -> None:
    _, report = editions
    (result,) = report.documents
    assert result.ok
    summary = result.summary
    assert summary is not None
    assert summary.previous_version is not None
    assert summary.previous_version != summary.version
    assert summary.diff is not None
    assert [(c.label, c.id, c.fields) for c in summary.diff.changed] == [
        ("Fee", FEE, ("amountBaseUnits",))
    ]
    assert (summary.diff.added, summary.diff.removed) == ((), ())
    assert (
        summary.diff.changed[0].before["amountBaseUnits"],
        summary.diff.changed[0].after["amountBaseUnits"],
    ) == (5.0, 7.0)


async def test_nothing_is_lost(
    editions: tuple[list[dict[str, Any]], ImportReport], driver: AsyncDriver
) -> None:
    before, _ = editions
    after = await rows(driver, OWN_FACTS, document=DOCUMENT)
    # Every fact of the first text is still there; the one that changed, twice.
    assert sorted(r["id"] for r in after) == sorted([*(r["id"] for r in before), FEE])
    old_fee = [r["stored"] for r in after if r["id"] == FEE and r["stored"] != FEE]
    assert len(old_fee) == 1
    assert old_fee[0].startswith(f"{FEE}@")


async def test_each_version_answers_for_its_own_time(
    editions: tuple[list[dict[str, Any]], ImportReport], driver: AsyncDriver
) -> None:
    regulation = FEE.removesuffix("__fee")
    old = await rows(driver, FEE_AS_OF, regulation=regulation, asOf=dt.date(2023, 12, 31))
    new = await rows(driver, FEE_AS_OF, regulation=regulation, asOf=EFFECTIVE)
    assert [r["amount"] for r in old] == [5.0]
    assert old[0]["id"].startswith(f"{FEE}@")
    assert new == [{"id": FEE, "amount": 7.0}]
    # Before resolution No. 102 entered into force, neither.
    assert await rows(driver, FEE_AS_OF, regulation=regulation, asOf=dt.date(2023, 6, 30)) == []


async def test_what_other_documents_say_of_a_changed_fact_holds_for_both_versions(
    editions: tuple[list[dict[str, Any]], ImportReport], driver: AsyncDriver
) -> None:
    cited = await rows(
        driver,
        "MATCH (:PortalFact {id: 'test/portal-fact'})-[c:CITES]->(fee:Fee)"
        " RETURN fee.id AS fee, c.validTo AS closed ORDER BY fee",
    )
    assert len(cited) == 2
    assert cited[0] == {"fee": FEE, "closed": None}
    assert cited[1]["fee"].startswith(f"{FEE}@")
    assert cited[1]["closed"] is None


async def test_the_versions_of_the_document(
    editions: tuple[list[dict[str, Any]], ImportReport], driver: AsyncDriver
) -> None:
    _, report = editions
    summary = report.documents[0].summary
    assert summary is not None
    versions = await rows(driver, VERSIONS_OF, document=DOCUMENT)
    by_id = {v["id"]: v for v in versions}
    assert set(by_id) == {summary.previous_version, summary.version}
    assert by_id[summary.previous_version]["validTo"].to_native() == EFFECTIVE
    assert by_id[summary.version]["validFrom"].to_native() == EFFECTIVE
    assert by_id[summary.version]["validTo"] is None


async def test_importing_the_same_edition_again_changes_nothing(
    editions: tuple[list[dict[str, Any]], ImportReport],
    driver: AsyncDriver,
    settings: Settings,
    tmp_path: Path,
) -> None:
    before = await rows(driver, OWN_FACTS, document=DOCUMENT)
    again = await import_paths(
        driver, settings.neo4j_database, [new_edition(tmp_path / "again")], effective_from=None
    )
    summary = again.documents[0].summary
    assert summary is not None
    assert summary.previous_version is None
    assert await rows(driver, OWN_FACTS, document=DOCUMENT) == before
    assert len(await rows(driver, VERSIONS_OF, document=DOCUMENT)) == 2


def test_compare_is_on_content_not_on_position() -> None:
    old = {("Fee", "f"): {"amountBaseUnits": 5.0, "lineStart": 10, "sourceText": "5"}}
    moved = {("Fee", "f"): {"amountBaseUnits": 5.0, "lineStart": 12, "sourceText": "5 "}}
    assert compare(old, moved, {}, {}).empty
    raised = {("Fee", "f"): {"amountBaseUnits": 7.0, "lineStart": 10}}
    (change,) = compare(old, raised, {}, {}).changed
    assert change.fields == ("amountBaseUnits",)
    assert version_id(DOCUMENT, "ab" * 32) == f"{DOCUMENT}@{'ab' * 6}"
