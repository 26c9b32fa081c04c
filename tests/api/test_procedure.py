"""One procedure's page: everything a frontend shows, from one root field."""

from __future__ import annotations

from neo4j import AsyncDriver

from tests.api.conftest import Run
from tests.api.sample_graph import DOCUMENT, DUTY_REFERENCE, PARTS, regulation_id


async def test_a_procedure_by_its_number(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(
        """query ($number: String!) { procedure(number: $number) { graphId number title
             subjects regulation { graphId documents { position name apostille channels } } } }""",
        number="15.4.1",
    )
    assert answer.errors == []
    procedure = answer.data["procedure"]
    assert procedure["graphId"] == "procedure/15.4.1"
    assert procedure["subjects"] == ["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR"]
    assert procedure["regulation"]["graphId"] == regulation_id("15.4.1")
    assert [d["position"] for d in procedure["regulation"]["documents"]] == [1, 2]
    assert procedure["regulation"]["documents"][0]["apostille"] == "NOT_STATED"


async def test_the_duty_document_cites_three_parts_of_point_6(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ procedure(number: "15.4.1") { regulation { documents { position citations {
             text field charStart charEnd provenance { documentId lineStart text }
             cited { ... on Provision { graphId label } }
             citing { id ... on DocumentRequirement { graphId } }
             procedure { number } } } } } }"""
    )
    assert answer.errors == []
    duty = answer.data["procedure"]["regulation"]["documents"][1]
    assert [c["cited"]["graphId"] for c in duty["citations"]] == PARTS
    first = duty["citations"][0]
    assert first["text"] == DUTY_REFERENCE
    assert first["field"] == "requirements"
    assert first["procedure"] == {"number": "15.4.1"}
    assert first["citing"]["graphId"] == regulation_id("15.4.1") + "__document_2"
    assert first["provenance"]["documentId"] == "source/004_85fdc72f4cf61fef.txt"


async def test_facts_an_older_text_stated_are_not_current(
    sample_graph: AsyncDriver, run: Run
) -> None:
    # The sample keeps a document requirement of an older text of 15.4.1 (`validTo` set).
    answer = await run(
        """{ procedure(number: "15.4.1") { regulation { documents { graphId }
             citations { cited { ... on Provision { graphId } } } } } }"""
    )
    regulation = answer.data["procedure"]["regulation"]
    assert all("@" not in d["graphId"] for d in regulation["documents"])
    assert "by/code/tax#art_287" not in {c["cited"].get("graphId") for c in regulation["citations"]}


async def test_citations_of_explain_a_dependency(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(
        """query ($art: String!, $part: String!) { procedure(number: "15.4.2") {
             withSubunits: citationsOf(id: $art) { cited { ... on Provision { graphId } } }
             exactly: citationsOf(id: $art, includingSubunits: false) { text }
             part: citationsOf(id: $part, includingSubunits: false) {
               text citing { ... on DocumentRequirement { position } } } } }""",
        art="by/code/tax#art_287",
        part=PARTS[1],
    )
    assert answer.errors == []
    procedure = answer.data["procedure"]
    assert [c["cited"]["graphId"] for c in procedure["withSubunits"]] == PARTS
    assert procedure["exactly"] == []
    assert procedure["part"] == [{"text": DUTY_REFERENCE, "citing": {"position": 2}}]


async def test_electronic_availability_by_each_source(sample_graph: AsyncDriver, run: Run) -> None:
    query = """query ($number: String!) { procedure(number: $number) { electronicAvailability {
        byRegulation byPortal conflict regulationDocuments { position }
        portalClaims { kind provenance { documentId } } } } }"""
    both = await run(query, number="10.7.1")
    neither = await run(query, number="15.4.1")
    assert both.data["procedure"]["electronicAvailability"] == {
        "byRegulation": True,
        "byPortal": True,
        "conflict": False,
        "regulationDocuments": [{"position": 1}, {"position": 2}],
        "portalClaims": [
            {"kind": "ELECTRONIC_AVAILABILITY", "provenance": {"documentId": DOCUMENT}}
        ],
    }
    assert neither.data["procedure"]["electronicAvailability"]["byRegulation"] is False
    assert neither.data["procedure"]["electronicAvailability"]["conflict"] is False
