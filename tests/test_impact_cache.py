"""The cache of impact reports: one walk for a report asked again, and never a report made before an
import after it."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from neo4j import AsyncDriver

from importers.base import SourceDocument
from lexgraph.config import Settings
from lexgraph.graph.impact_cache import ImpactReports
from lexgraph.graph.stamp import graph_stamp
from lexgraph.importing import ImportReport, import_document, sample_corpus_dir
from tests.graphs import corpus_imported

ART_287 = "by/code/tax#art_287"
NAME = "004_85fdc72f4cf61fef.txt"
DUTY_15_4_1 = 1066  # the line of 15.4.1's state-duty document citing Art. 287
LATER = dt.date(2024, 6, 1)


@pytest.fixture
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    """The sample corpus as imported (again after the test that changes it: tests/graphs.py)."""
    return await corpus_imported(driver, settings.neo4j_database)


def edition_citing_art_286() -> SourceDocument:
    """Seed 004 with 15.4.1's state-duty document citing Art. 286 of the Tax Code, not Art. 287."""
    lines = (sample_corpus_dir() / NAME).read_text(encoding="utf-8").split("\n")
    cited = "статьи\xa0287 Налогового кодекса"  # the text's own no-break space
    assert cited in lines[DUTY_15_4_1 - 1]
    lines[DUTY_15_4_1 - 1] = lines[DUTY_15_4_1 - 1].replace(
        cited, "статьи\xa0286 Налогового кодекса"
    )
    return SourceDocument(name=NAME, text="\n".join(lines))


async def test_a_report_asked_again_is_not_walked_again(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    reports = ImpactReports()
    database = settings.neo4j_database
    first = await reports.report(driver, database, [ART_287], as_of=LATER)
    again = await reports.report(driver, database, [ART_287], as_of=LATER)
    assert again is first
    assert reports.walks == 1
    deeper = await reports.report(driver, database, [ART_287], as_of=LATER, depth=5)
    assert deeper is not first
    assert reports.walks == 2


async def test_requests_for_a_report_being_walked_wait_for_that_walk(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    reports = ImpactReports()
    asked = [reports.report(driver, settings.neo4j_database, [ART_287]) for _ in range(4)]
    found = await asyncio.gather(*asked)
    assert all(report is found[0] for report in found)
    assert reports.walks == 1


async def test_after_an_import_the_report_is_walked_again(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    reports = ImpactReports()
    database = settings.neo4j_database
    before = await reports.report(driver, database, [ART_287], as_of=LATER)
    assert "procedure/15.4.1" in before.ids("procedure")
    stamp = await graph_stamp(driver, database)

    # A new text from 01.01.2024: 15.4.1's state duty no longer rests on Art. 287.
    imported = await import_document(
        driver, database, edition_citing_art_286(), effective_from=dt.date(2024, 1, 1)
    )
    assert imported.ok, imported.error
    assert await graph_stamp(driver, database) != stamp

    after = await reports.report(driver, database, [ART_287], as_of=LATER)
    assert reports.walks == 2
    assert "procedure/15.4.1" not in after.ids("procedure")
    assert "procedure/15.4.2" in after.ids("procedure")
    # Importing the same text again changes nothing: the report is still the one kept.
    again = await import_document(driver, database, edition_citing_art_286())
    assert again.ok, again.error
    assert await reports.report(driver, database, [ART_287], as_of=LATER) is after
    assert reports.walks == 2


async def test_the_least_recently_used_report_leaves_first(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    reports = ImpactReports(size=2)
    database = settings.neo4j_database
    for depth in (1, 2, 1, 3):  # depth 2 is then the least recently used
        await reports.report(driver, database, [ART_287], depth=depth)
    assert (len(reports), reports.walks) == (2, 3)
    await reports.report(driver, database, [ART_287], depth=1)
    assert reports.walks == 3
    await reports.report(driver, database, [ART_287], depth=2)
    assert reports.walks == 4


async def test_a_report_larger_than_the_cache_is_not_kept(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    reports = ImpactReports(max_nodes=10)
    database = settings.neo4j_database
    small = await reports.report(driver, database, [ART_287], depth=1)  # six requirements
    large = await reports.report(driver, database, [ART_287], depth=3)  # 19 nodes
    assert (len(small.affected), len(large.affected), len(reports)) == (6, 19, 1)
    await reports.report(driver, database, [ART_287], depth=3)
    assert reports.walks == 3
    await reports.report(driver, database, [ART_287], depth=1)
    assert reports.walks == 3
