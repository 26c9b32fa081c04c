"""Impact analysis on the sample corpus: what changing a unit of law affects, each finding checked
against the text of the MVD resolution (seed 004) through the line its edge was read from."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from neo4j import AsyncDriver

from importers.base import clean
from lexgraph.config import Settings
from lexgraph.graph.impact import ImpactError, ImpactReport, Mode, analyze_impact
from lexgraph.impact_report import report_json, report_markdown
from lexgraph.importing import ImportReport, sample_corpus_dir
from tests.graphs import corpus_imported

RESOLUTION = "by/resolution/mvd/2023-05-19/102"
TAX_CODE_ART_287 = "by/code/tax#art_287"
LAW_225 = "by/law/2010-12-30/225-z"
CM_154 = "by/cm_resolution/2023-02-27/154"
IN_FORCE = dt.date(2024, 1, 1)  # resolution No. 102 is in force from 01.07.2023
SOURCE_LINES = (sample_corpus_dir() / "004_85fdc72f4cf61fef.txt").read_text().splitlines()


def regulation(number: str) -> str:
    return f"{RESOLUTION}#procedure_regulation_{number}"


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    return await corpus_imported(driver, settings.neo4j_database)


async def impact(
    driver: AsyncDriver, settings: Settings, *of: str, depth: int = 3, as_of: dt.date = IN_FORCE
) -> ImpactReport:
    return await analyze_impact(driver, settings.neo4j_database, of, as_of=as_of, depth=depth)


async def line_of(driver: AsyncDriver, source: str, relation: str, target: str) -> str:
    """The source lines an edge was read from (spaces normalized): the text the finding rests on."""
    records, _, _ = await driver.execute_query(
        "MATCH (a {id: $source})-[r]->(b {id: $target}) WHERE type(r) = $relation"
        " RETURN r.lineStart AS start, r.lineEnd AS end LIMIT 1",
        source=source,
        target=target,
        relation=relation,
    )
    start, end = records[0]["start"], records[0]["end"]
    return clean(" ".join(SOURCE_LINES[start - 1 : end]))


async def test_art_287_reaches_the_state_duty_documents_then_their_regulations(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    report = await impact(driver, settings, TAX_CODE_ART_287)
    numbers = ["15.2.1", "15.2.2", "15.21.1", "15.21.2", "15.4.1", "15.4.2"]

    # Point 6 parts 1–3 are what the regulations cite; they change with the article.
    assert {n.id for n in report.changed} >= {
        f"{TAX_CODE_ART_287}__point_6__part_{part}" for part in (1, 2, 3)
    }
    direct = report.by_distance()[1]
    assert sorted(a.node.id for a in direct) == sorted(
        f"{regulation(n)}__document_2" for n in numbers
    )
    for item in direct:
        (step,) = item.path
        assert (step.relation, step.reversed, step.target.id) == ("CITES", True, item.node.id)
        assert step.source.id == f"{TAX_CODE_ART_287}__point_6__part_1"  # the first unit cited
        assert step.text == (
            "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
        )
        assert "статьи 287 Налогового кодекса" in await line_of(
            driver, item.node.id, "CITES", step.source.id
        )

    assert sorted(report.ids("regulation")) == sorted(regulation(n) for n in numbers)
    assert all(a.distance == 2 and a.mode is Mode.PART for a in report.of_kind("regulation"))
    assert sorted(report.ids("procedure")) == sorted(f"procedure/{n}" for n in numbers)
    (procedure,) = [a for a in report.of_kind("procedure") if a.node.id == "procedure/15.4.1"]
    assert [s.relation for s in procedure.path] == ["CITES", "REQUIRES", "REGULATES"]
    assert report.ids("act") == [RESOLUTION]
    # Affected in part, a regulation does not pass the change to its other requirements or fees.
    assert report.of_kind("fee") == ()
    assert report.of_kind("issued_document") == ()


async def test_law_on_external_labour_migration_governs_five_regulations(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    report = await impact(driver, settings, LAW_225)
    governed = [a for a in report.by_distance()[1] if a.node.kind == "regulation"]
    assert [a.node.id for a in governed] == [
        regulation(n) for n in ("15.2.1", "15.2.3", "15.21.1", "15.4.1", "15.4.2")
    ]
    for item in governed:
        (step,) = item.path
        assert step.relation == "GOVERNED_BY"
        assert item.mode is Mode.WHOLE
        line = await line_of(driver, item.node.id, "GOVERNED_BY", LAW_225)
        assert line == (
            "Закон Республики Беларусь от 30 декабря 2010 г. № 225-З «О внешней трудовой миграции»;"
        )

    citing = {a.node.id: a for a in report.by_distance()[1] if a.node.kind == "requirement"}
    assert sorted(citing) == sorted(
        [
            f"{regulation('15.2.1')}__document_8",
            f"{regulation('15.2.2')}__document_9",
            f"{regulation('15.2.3')}__document_2",
            f"{regulation('15.2.3')}__document_3",
            f"{regulation('15.2.3')}__document_4",
            f"{regulation('15.2.3')}__document_6",
            f"{regulation('15.4.1')}__requested_1",
        ]
    )
    requested = citing[f"{regulation('15.4.1')}__requested_1"]
    assert requested.path[0].source.id == f"{LAW_225}#art_28__part_3"
    assert (
        requested.path[0].text
        == "части третьей статьи 28 Закона Республики Беларусь «О внешней трудовой миграции»"
    )
    features = {a.node.id for a in report.by_distance()[1] if a.node.kind == "provision"}
    assert features == {
        f"{regulation('15.4.1')}__point_1__subpoint_1.3",
        f"{regulation('15.4.2')}__point_1__subpoint_1.3",
    }

    # 15.2.2 does not list the law in its legal basis; one requirement cites it.
    (partly,) = [a for a in report.of_kind("regulation") if a.node.id == regulation("15.2.2")]
    assert (partly.distance, partly.mode) == (2, Mode.PART)
    assert [s.relation for s in partly.path] == ["CITES", "REQUIRES"]

    # A regulation governed by the law is affected as a whole: its result and fee too.
    (permit,) = [
        a for a in report.of_kind("issued_document") if a.node.id.startswith(regulation("15.4.1"))
    ]
    assert permit.node.name.startswith("специальное разрешение на право занятия трудовой")
    assert [(s.relation, s.target.id) for s in permit.path] == [
        ("GOVERNED_BY", regulation("15.4.1")),
        ("ISSUES", permit.node.id),
    ]
    assert f"{regulation('15.4.1')}__fee" in report.ids("fee")
    assert f"{regulation('15.2.3')}__fee" not in report.ids("fee")  # 15.2.3 charges no fee


async def test_council_of_ministers_resolution_154_on_licensing(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    report = await impact(driver, settings, CM_154, depth=2)
    licensing = ("15.2.1", "15.2.2", "15.21.1", "15.21.2")
    governed = [a for a in report.by_distance()[1] if a.node.kind == "regulation"]
    assert [a.node.id for a in governed] == [regulation(n) for n in licensing]
    for item in governed:
        line = await line_of(driver, item.node.id, "GOVERNED_BY", CM_154)
        assert line == (
            "постановление Совета Министров Республики Беларусь от 27 февраля 2023 г. № 154"
            " «О лицензировании»;"
        )
    # The application form is annex 1 (getting a licence) or annex 2 (changing one) to the
    # Regulation the resolution approves.
    annex = "regulation_poryadke_predstavleniya_perechnyakh_dokumentov__annex"
    forms = {
        a.node.id: a.path[0].source.id
        for a in report.by_distance()[1]
        if a.node.id.endswith("__document_1")
    }
    assert forms == {
        f"{regulation('15.2.1')}__document_1": f"{CM_154}#{annex}_1",
        f"{regulation('15.2.2')}__document_1": f"{CM_154}#{annex}_2",
        f"{regulation('15.21.1')}__document_1": f"{CM_154}#{annex}_1",
        f"{regulation('15.21.2')}__document_1": f"{CM_154}#{annex}_2",
    }
    assert "приложению 1 к Положению о порядке представления" in await line_of(
        driver, f"{regulation('15.2.1')}__document_1", "CITES", f"{CM_154}#{annex}_1"
    )
    assert sorted(report.ids("procedure")) == sorted(f"procedure/{n}" for n in licensing)
    # Not the labour-migration procedures: nothing there rests on resolution No. 154.
    assert not any("15.4." in i or "15.2.3" in i or "10.7.1" in i for i in report.ids())


async def test_repealing_the_law_on_licensing_reaches_the_five_licensing_regulations(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    law = "by/law/2022-10-14/213-z"
    report = await impact(driver, settings, law, depth=1)
    governed = report.ids("regulation")
    assert governed == [regulation(n) for n in ("15.2.1", "15.2.2", "15.2.3", "15.21.1", "15.21.2")]
    for regulation_id in governed:
        assert await line_of(driver, regulation_id, "GOVERNED_BY", law) == (
            "Закон Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании»;"
        )
    # The special features that refer to its articles, e.g. 1.3.2 of 15.2.1 to Art. 186.
    features = {a.node.id: a.path[0].source.id for a in report.of_kind("provision")}
    assert features[f"{regulation('15.2.1')}__point_1__subpoint_1.3.2"] == f"{law}#art_186"
    assert "статьей 186 Закона Республики Беларусь «О лицензировании»" in await line_of(
        driver, f"{regulation('15.2.1')}__point_1__subpoint_1.3.2", "CITES", f"{law}#art_186"
    )


async def test_depth_bounds_the_walk(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    one = await impact(driver, settings, TAX_CODE_ART_287, depth=1)
    assert {a.distance for a in one.affected} == {1}
    five = await impact(driver, settings, TAX_CODE_ART_287, depth=5)
    assert set(one.ids()) < set(five.ids())
    assert max(a.distance for a in five.affected) <= 5


@pytest.fixture
async def cycle(driver: AsyncDriver) -> AsyncIterator[None]:
    await driver.execute_query(
        "CREATE (a:LegalAct {id: 'test/cycle-a'}), (b:LegalAct {id: 'test/cycle-b'}),"
        " (a)-[:BASED_ON]->(b), (b)-[:BASED_ON]->(a)"
    )
    yield
    await driver.execute_query(
        "MATCH (n:LegalAct) WHERE n.id STARTS WITH 'test/cycle-' DETACH DELETE n"
    )


async def test_cycles_end_at_nodes_already_seen(
    cycle: None, driver: AsyncDriver, settings: Settings
) -> None:
    report = await impact(driver, settings, "test/cycle-a", depth=10)
    assert [(a.node.id, a.distance) for a in report.affected] == [("test/cycle-b", 1)]


async def test_unknown_units_and_bad_depths_are_refused(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    with pytest.raises(ImpactError, match="not in the graph: by/law/1900-01-01/1"):
        await impact(driver, settings, "by/law/1900-01-01/1")
    with pytest.raises(ImpactError, match="depth"):
        await impact(driver, settings, LAW_225, depth=0)
    lenient = await analyze_impact(
        driver, settings.neo4j_database, ["by/law/1900-01-01/1", LAW_225], strict=False
    )
    assert lenient.not_found == ("by/law/1900-01-01/1",)
    assert lenient.ids("regulation")  # the known one is still answered


async def test_the_report_as_a_change_memo(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    report = await impact(driver, settings, TAX_CODE_ART_287, depth=2)
    memo = report_markdown(report)
    assert memo.startswith("# Impact of changing `by/code/tax#art_287`\n")
    assert "## Distance 1: direct" in memo
    assert "### Regulations (6)" in memo
    as_json = report_json(report)
    assert as_json["asOf"] == "2024-01-01"
    first = as_json["groups"][0]["affected"][0]
    assert first["path"][0]["relation"] == "CITES"
    json.dumps(as_json, ensure_ascii=False)  # serializable as it is


async def test_a_change_larger_than_a_report_lists_is_still_counted_in_full(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    whole = await impact(driver, settings, LAW_225, CM_154, TAX_CODE_ART_287)
    assert whole.listed_all
    assert whole.total() > 8

    # A report listing 2 nodes of each kind: the nearest 2 with their paths, and the counts of
    # all of them.
    nearest = await analyze_impact(
        driver, settings.neo4j_database, whole.of, as_of=IN_FORCE, limit=2
    )
    assert not nearest.listed_all
    assert not nearest.truncated
    assert nearest.counts() == whole.counts()
    assert nearest.distances() == whole.distances()
    assert all(nearest.counts(d) == whole.counts(d) for d in whole.distances())
    for kind, total in whole.counts().items():
        listed = nearest.of_kind(kind)
        assert len(listed) == min(2, total)
        # The nearest of the kind, with the paths the whole report gives them.
        assert listed == whole.of_kind(kind)[: len(listed)]
    shown = len(nearest.affected)
    assert shown < whole.total()

    memo = report_markdown(nearest)
    assert f"Affected: {whole.total()}." in memo
    assert f"{shown}, the nearest of each kind, are listed" in memo
    as_json = report_json(nearest)
    assert (as_json["totalCount"], as_json["listedAll"]) == (whole.total(), False)
    assert sum(len(g["affected"]) for g in as_json["groups"]) == shown
