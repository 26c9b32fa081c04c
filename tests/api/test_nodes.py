"""Relay: every node's global `id` refetches it through `node(id:)`."""

from __future__ import annotations

from neo4j import AsyncDriver
from strawberry.relay import GlobalID

from tests.api.conftest import Run
from tests.api.sample_graph import DOCUMENT, regulation_id

REGULATION = regulation_id("10.7.1")
ONE_OF_EACH = [
    ("SourceDocument", DOCUMENT),
    ("LegalAct", "by/code/tax"),
    ("Provision", "by/code/tax#art_287"),
    ("Procedure", "procedure/10.7.1"),
    ("Regulation", REGULATION),
    ("DocumentRequirement", f"{REGULATION}__document_2"),
    ("RequestedInformation", f"{REGULATION}__requested_1"),
    ("IssuedDocument", f"{REGULATION}__issued_1"),
    ("Fee", f"{regulation_id('15.4.1')}__fee"),
    ("Benefit", f"{regulation_id('15.4.1')}__benefit_1"),
    ("Appeal", f"{REGULATION}__appeal_1"),
    ("Form", f"{REGULATION}__form"),
    ("Registry", "registry/egr"),
    ("Authority", "authority/mvd"),
    ("Portal", "portal/portal.gov.by"),
    ("PortalFact", "source/portal__electronic_availability_10.7.1"),
    ("UnresolvedCitation", f"{REGULATION}__document_2__unresolved_1"),
]


async def test_every_type_refetches_by_global_id(sample_graph: AsyncDriver, run: Run) -> None:
    for type_name, graph_id in ONE_OF_EACH:
        # The global id is opaque; build it the way the API does, then ask the API for it back.
        global_id = str(GlobalID(type_name, graph_id))
        answer = await run(
            """query ($id: ID!) { node(id: $id) { __typename id
                 ... on Provision { graphId } ... on Procedure { graphId }
                 ... on UnresolvedCitation { graphId text } } }""",
            id=global_id,
        )
        assert answer.errors == [], type_name
        assert answer.data["node"]["__typename"] == type_name
        assert answer.data["node"]["id"] == global_id


async def test_ids_given_are_ids_refetched(sample_graph: AsyncDriver, run: Run) -> None:
    first = await run('{ procedure(number: "15.4.1") { id regulation { id fee { id } } } }')
    fee_id = first.data["procedure"]["regulation"]["fee"]["id"]
    again = await run(
        "query ($id: ID!) { node(id: $id) { ... on Fee { amountBaseUnits benefits { text } } } }",
        id=fee_id,
    )
    assert again.data["node"]["amountBaseUnits"] == 5.0
    assert again.data["node"]["benefits"][0]["text"].startswith("подпунктом 10.29")


async def test_provenance_names_the_lines_and_the_document(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ procedure(number: "15.4.1") { regulation { documents { provenance {
             documentId lineStart lineEnd text document { name kind } } } } } }"""
    )
    provenance = answer.data["procedure"]["regulation"]["documents"][0]["provenance"]
    assert provenance["documentId"] == DOCUMENT
    assert provenance["lineStart"] <= provenance["lineEnd"]
    assert provenance["text"] == "заявление о выдаче специального разрешения"
    assert provenance["document"] == {"name": "004_85fdc72f4cf61fef.txt", "kind": "MVD_REGULATIONS"}


async def test_every_part_of_a_regulation_leads_back_to_it(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ procedure(number: "15.4.1") { regulation { graphId
             requestedInformation { regulation { graphId } }
             issuedDocuments { regulation { graphId } }
             fee { regulation { graphId } benefits { fee { regulation { graphId } } } }
             appeals { regulation { graphId } }
             form { regulation { graphId } } } } }"""
    )
    assert answer.errors == []
    regulation = answer.data["procedure"]["regulation"]
    back = {"graphId": regulation["graphId"]}
    assert regulation["requestedInformation"][0]["regulation"] == back
    assert regulation["issuedDocuments"][0]["regulation"] == back
    assert regulation["fee"]["regulation"] == back
    assert regulation["fee"]["benefits"][0]["fee"]["regulation"] == back
    assert regulation["appeals"][0]["regulation"] == back
    assert regulation["form"]["regulation"] == back
    assert answer.round_trips == ["COMPILED[procedure]"]


async def test_an_unresolved_reference_names_its_citing_node(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ procedure(number: "10.7.1") { regulation { unresolvedCitations { text reason
             citing { ... on DocumentRequirement { position } } } } } }"""
    )
    assert answer.data["procedure"]["regulation"]["unresolvedCitations"] == [
        {
            "text": "пунктом 7 Инструкции о неизвестном",
            "reason": "unknown act",
            "citing": {"position": 2},
        }
    ]
    assert answer.round_trips == ["PROCEDURE_BY_NUMBER+PREFETCH"]
