"""The sample corpus in the graph: facts checked against the source text, per procedure."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from importers.base import clean
from lexgraph.config import Settings
from lexgraph.graph.conflicts import electronic_availability_conflicts
from lexgraph.importing import ImportReport, import_paths, sample_corpus_dir
from tests.conftest import WIPE_DATA

RESOLUTION = "by/resolution/mvd/2023-05-19/102"


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run(WIPE_DATA)).consume()
    return await import_paths(driver, settings.neo4j_database, [sample_corpus_dir()])


async def rows(driver: AsyncDriver, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = await driver.execute_query(query, params)
    return [dict(r) for r in records]


async def test_every_document_imports(corpus: ImportReport) -> None:
    assert [(d.document_type, d.ok) for d in corpus.documents] == [
        ("mvd_regulations", True),
        ("portal_news", True),
        ("portal_guide", True),
    ]


# procedure → (documents submitted, requested information, fee in base units, benefits)
PROCEDURES = {
    "10.7.1": (3, 0, None, 0),
    "15.2.1": (9, 4, 10.0, 1),
    "15.2.2": (10, 3, 5.0, 2),
    "15.2.3": (6, 0, None, 0),
    "15.21.1": (8, 3, 10.0, 1),
    "15.21.2": (9, 3, 5.0, 2),
    "15.4.1": (3, 1, 5.0, 4),
    "15.4.2": (4, 0, 3.0, 3),
}

PROCEDURE_FACTS = """
MATCH (p:Procedure {number: $number})<-[:REGULATES]-(r:Regulation)
      <-[:APPROVES]-(:LegalAct {id: $act})
RETURN COUNT { (r)-[:REQUIRES]->() } AS documents,
       COUNT { (r)-[:REQUESTS]->() } AS requested,
       [(r)-[:CHARGES]->(f:Fee) | f.amountBaseUnits][0] AS fee,
       COUNT { (r)-[:CHARGES]->()-[:HAS_BENEFIT]->() } AS benefits
"""


@pytest.mark.parametrize(("number", "expected"), PROCEDURES.items())
async def test_each_procedure_as_its_regulation_says(
    corpus: ImportReport, driver: AsyncDriver, number: str, expected: tuple[Any, ...]
) -> None:
    (found,) = await rows(driver, PROCEDURE_FACTS, number=number, act=RESOLUTION)
    assert (found["documents"], found["requested"], found["fee"], found["benefits"]) == expected


async def test_procedures_paying_the_state_duty_depend_on_art_287_of_the_tax_code(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[:REQUIRES]->(d)-[c:CITES]->(unit:Provision)
              -[:PART_OF*]->(:Provision {id: 'by/code/tax#art_287'})
        RETURN r.procedureNumber AS number, collect(DISTINCT unit.eId) AS units,
               collect(DISTINCT c.text) AS texts
        ORDER BY number
        """,
    )
    assert [f["number"] for f in found] == [
        "15.2.1",
        "15.2.2",
        "15.21.1",
        "15.21.2",
        "15.4.1",
        "15.4.2",
    ]
    for f in found:
        assert sorted(f["units"]) == [
            "art_287__point_6__part_1",
            "art_287__point_6__part_2",
            "art_287__point_6__part_3",
        ]
        assert f["texts"] == [
            "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
        ]


async def test_apostille_required_documents(corpus: ImportReport, driver: AsyncDriver) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[:REQUIRES]->(d:DocumentRequirement {apostille: 'required'})
        RETURN r.procedureNumber AS number, d.name AS name ORDER BY number
        """,
    )
    assert [f["number"] for f in found] == ["10.7.1", "15.2.1", "15.2.2", "15.2.3"]
    assert found[0]["name"].startswith("документы, подтверждающие статус членов семьи")


async def test_the_resolution_approves_repeals_and_enters_into_force(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH (act:LegalAct {id: $act})
        RETURN act.inForceFrom AS inForce, act.number AS number,
               COUNT { (act)-[:APPROVES]->(:Regulation) } AS approved,
               [(act)-[r:REPEALS]->(old) | [old.id, old.status, old.repealedOn]] AS repealed,
               [(act)-[:BASED_ON]->(p) | p.id] AS basis
        """,
        act=RESOLUTION,
    )
    assert str(found["inForce"]) == "2023-07-01"
    assert found["approved"] == 8
    (repealed,) = found["repealed"]
    assert repealed[:2] == ["by/resolution/mvd/2022-01-25/18", "repealed"]
    assert str(repealed[2]) == "2023-07-01"
    assert sorted(found["basis"]) == [
        "by/edict/2007-12-04/611#regulation_ministerstve_vnutrennikh_del__point_9__subpoint_9.4",
        "by/edict/2021-06-25/240#point_3__para_3",
    ]


async def test_validity_of_the_special_permit(corpus: ImportReport, driver: AsyncDriver) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH (:Regulation {procedureNumber: '15.4.1'})-[:ISSUES]->(i:IssuedDocument)
        RETURN i.name AS name, i.validity AS validity, i.validityConditions AS conditions
        """,
    )
    assert (
        found["name"]
        == "специальное разрешение на право занятия трудовой деятельностью в Республике Беларусь"
    )
    assert found["validity"] == ["2 years", "1 years"]
    assert found["conditions"] == [
        "в отношении высококвалифицированных работников",
        "в отношении иных работников",
    ]


async def test_every_edge_and_document_node_says_where_it_was_read(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH ()-[r]->() WHERE type(r) <> 'PART_OF' AND r.lineStart IS NULL
        RETURN count(r) AS edgesWithoutSource
        """,
    )
    assert found["edgesWithoutSource"] == 0
    (requirement,) = await rows(
        driver,
        """
        MATCH (:Regulation {procedureNumber: '10.7.1'})-[:REQUIRES {position: 1}]->(d)
        RETURN d.sourceDocument AS doc, d.lineStart AS start, d.sourceText AS text
        """,
    )
    assert requirement["doc"] == "source/004_85fdc72f4cf61fef.txt"
    assert requirement["start"] == 100
    # Verbatim: the no-break spaces of the source are kept.
    assert "на\xa0выдачу" in requirement["text"]
    assert clean(requirement["text"]).startswith(
        "заявление организации, имеющей право на выдачу приглашений"
    )


async def test_portal_claims_point_at_procedures_and_conflicts_are_listed(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    about = await rows(
        driver,
        "MATCH (f:PortalFact)-[:ABOUT]->(p:Procedure)"
        " RETURN p.number AS n, f.availableFrom AS f ORDER BY n",
    )
    assert about == [{"n": "10.7.1", "f": "2019"}, {"n": "15.4.1", "f": "2018-01"}]
    conflicts = await electronic_availability_conflicts(driver, settings.neo4j_database)
    assert [(c.procedure, c.claim_source, c.regulation_channels) for c in conflicts] == [
        ("10.7.1", "source/000_8633f05b71841d3c.txt", ("courier", "in_person", "post")),
        ("15.4.1", "source/000_8633f05b71841d3c.txt", ("courier", "in_person", "post")),
    ]


async def test_unresolvable_references_are_kept_not_guessed(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver, "MATCH (u:UnresolvedCitation) RETURN u.text AS text, u.reason AS reason"
    )
    assert len(found) == 1
    assert found[0]["text"].startswith("Закона Республики Беларусь от 9 января 2017 года")
    assert "without number" in found[0]["reason"]
