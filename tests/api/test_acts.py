"""Acts and their units: lookups, the unit hierarchy both ways, and what cites them."""

from __future__ import annotations

from neo4j import AsyncDriver

from tests.api.conftest import Run
from tests.api.sample_graph import ART_287, LAW_433, MVD_102, PARTS, POINT_6, TAX_CODE


async def test_an_act_by_id_or_by_kind_and_number(sample_graph: AsyncDriver, run: Run) -> None:
    query = """query ($id: String, $kind: String, $number: String, $date: String) {
      legalAct(id: $id, kind: $kind, number: $number, date: $date) {
        graphId title number date } }"""
    by_id = await run(query, id=LAW_433)
    by_number = await run(query, kind="law", number="433-З")
    by_date = await run(query, kind="law", number="433-З", date="2008-10-28")
    expected = {
        "graphId": LAW_433,
        "title": "Об основах административных процедур",
        "number": "433-З",
        "date": "2008-10-28",
    }
    assert by_id.data["legalAct"] == by_number.data["legalAct"] == expected
    assert by_date.data["legalAct"] == expected


async def test_an_act_issuers_repeals_regulations(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(
        """query ($id: String!) { legalAct(id: $id) { kind issuedBy { name } agreedWith { graphId }
           repeals { graphId status repealedBy { graphId } } approves { procedureNumber }
           basedOn { ... on Provision { graphId act { graphId } } } sources } }""",
        id=MVD_102,
    )
    assert answer.errors == []
    act = answer.data["legalAct"]
    assert act["issuedBy"] == [{"name": "Министерство внутренних дел Республики Беларусь"}]
    assert act["agreedWith"] == [{"graphId": "authority/mintruda"}]
    assert act["repeals"][0]["status"] == "repealed"
    assert act["repeals"][0]["repealedBy"] == [{"graphId": MVD_102}]
    assert sorted(r["procedureNumber"] for r in act["approves"]) == ["10.7.1", "15.4.1", "15.4.2"]
    assert act["basedOn"] == [
        {
            "graphId": "by/edict/2021-06-25/240#point_3__para_3",
            "act": {"graphId": "by/edict/2021-06-25/240"},
        }
    ]
    assert act["sources"] == ["source/004_85fdc72f4cf61fef.txt"]


async def test_a_provision_by_act_and_path_with_parent_and_children(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ provision(actId: "by/code/tax", eId: "art_287__point_6") { graphId unitType number
             parent { ... on Provision { graphId parent { ... on LegalAct { graphId } } } }
             children { graphId } act { graphId } } }"""
    )
    assert answer.errors == []
    assert answer.data["provision"] == {
        "graphId": POINT_6,
        "unitType": "point",
        "number": "6",
        "parent": {"graphId": ART_287, "parent": {"graphId": TAX_CODE}},
        "children": [{"graphId": p} for p in PARTS],
        "act": {"graphId": TAX_CODE},
    }


async def test_cited_by_includes_citations_of_sub_units(
    sample_graph: AsyncDriver, run: Run
) -> None:
    query = """query ($id: String!) { provision(id: $id) { citedBy {
        procedure { number } cited { ... on Provision { graphId } } } } }"""
    of_point = await run(query, id=POINT_6)
    of_part = await run(query, id=PARTS[0])
    point_citations = of_point.data["provision"]["citedBy"]
    assert len(point_citations) == 6  # three parts, cited by the duty document of two procedures
    assert {c["procedure"]["number"] for c in point_citations} == {"15.4.1", "15.4.2"}
    assert [c["cited"]["graphId"] for c in of_part.data["provision"]["citedBy"]] == [PARTS[0]] * 2
    limited = await run("""{ legalAct(id: "by/code/tax") { citedBy(first: 2) { text } } }""")
    assert len(limited.data["legalAct"]["citedBy"]) == 2


async def test_lists(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(
        """{ legalActs(kind: "law") { graphId } registries { graphId procedures { number } }
             authorities { graphId } }"""
    )
    assert answer.errors == []
    assert [a["graphId"] for a in answer.data["legalActs"]] == [
        LAW_433,
        "by/law/2010-12-30/225-z",
    ]
    registries = {r["graphId"]: r["procedures"] for r in answer.data["registries"]}
    assert registries["registry/egr"] == [{"number": "10.7.1"}]
    assert len(answer.data["authorities"]) == 4


async def test_a_units_ancestors_lead_to_its_act(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(
        """query ($id: String!) { provision(id: $id) { ancestors {
             ... on LegalAct { graphId } ... on Provision { graphId } } } }""",
        id=PARTS[0],
    )
    assert answer.errors == []
    assert [a["graphId"] for a in answer.data["provision"]["ancestors"]] == [
        TAX_CODE,
        ART_287,
        POINT_6,
    ]
