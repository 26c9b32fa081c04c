"""Acts and their units: lookups, the unit hierarchy both ways, and what cites them."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.graph.reads import relations
from tests.api.conftest import Run
from tests.api.sample_graph import ART_287, LAW_433, MVD_102, PARTS, POINT_6, TAX_CODE


async def test_an_act_by_id_or_by_kind_and_number(sample_graph: AsyncDriver, run: Run) -> None:
    query = """query ($id: String, $kind: ActKind, $number: String, $date: String) {
      legalAct(id: $id, kind: $kind, number: $number, date: $date) {
        graphId title number date } }"""
    by_id = await run(query, id=LAW_433)
    by_number = await run(query, kind="LAW", number="433-З")
    by_date = await run(query, kind="LAW", number="433-З", date="2008-10-28")
    expected = {
        "graphId": LAW_433,
        "title": "Об основах административных процедур",
        "number": "433-З",
        "date": "2008-10-28",
    }
    assert by_id.data["legalAct"] == by_number.data["legalAct"] == expected
    assert by_date.data["legalAct"] == expected


async def test_an_act_by_its_register_number_with_its_signatory(
    sample_graph: AsyncDriver, run: Run
) -> None:
    query = """query ($number: String) { legalAct(registerNumber: $number) {
        graphId signedBy signedByPosition registerNumber registeredOn amendedBy } }"""
    answer = await run(query, number="8/40012")
    assert answer.errors == []
    assert answer.data["legalAct"] == {
        "graphId": MVD_102,
        "signedBy": "И.В.Кубраков",
        "signedByPosition": "Министр генерал-лейтенант милиции",
        "registerNumber": "8/40012",
        "registeredOn": "2023-06-01",
        "amendedBy": [],
    }
    missing = await run(query, number="8/99999")
    assert missing.errors == ["no legal act with register number '8/99999'"]


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
    assert act["repeals"][0]["status"] == "REPEALED"
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
    query = """query ($id: String!) { provision(id: $id) { citedBy { totalCount nodes {
        procedure { number } cited { ... on Provision { graphId } } } } } }"""
    of_point = await run(query, id=POINT_6)
    of_part = await run(query, id=PARTS[0])
    point_citations = of_point.data["provision"]["citedBy"]["nodes"]
    assert len(point_citations) == 6  # three parts, cited by the duty document of two procedures
    assert of_point.data["provision"]["citedBy"]["totalCount"] == 6
    assert {c["procedure"]["number"] for c in point_citations} == {"15.4.1", "15.4.2"}
    of_part_citations = of_part.data["provision"]["citedBy"]["nodes"]
    assert [c["cited"]["graphId"] for c in of_part_citations] == [PARTS[0]] * 2


PAGE_OF_CITATIONS = """query ($first: Int!, $after: String) { legalAct(id: "by/code/tax") {
  citedBy(first: $first, after: $after) {
    totalCount
    edges { cursor node { text cited { ... on Provision { graphId } } citing { id } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  } } }"""


async def test_cited_by_comes_a_page_at_a_time(sample_graph: AsyncDriver, run: Run) -> None:
    everything = await run(PAGE_OF_CITATIONS, first=100)
    assert everything.errors == []
    whole = everything.data["legalAct"]["citedBy"]
    assert whole["pageInfo"]["hasNextPage"] is False
    assert whole["totalCount"] == len(whole["edges"]) > 2
    pages: list[dict[str, Any]] = []
    after = None
    while True:
        answer = await run(PAGE_OF_CITATIONS, first=2, after=after)
        assert answer.errors == []
        page = answer.data["legalAct"]["citedBy"]
        assert page["totalCount"] == whole["totalCount"]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        pages.extend(edge["node"] for edge in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # The pages, one after another, are the whole list in the same order.
    assert pages == [edge["node"] for edge in whole["edges"]]


async def test_cited_by_pages_beyond_the_prefetched_ones(
    sample_graph: AsyncDriver, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first citations of each act or unit come with the prefetch; a page past them is read
    # on its own, with the same order.
    whole = (await run(PAGE_OF_CITATIONS, first=100)).data["legalAct"]["citedBy"]["edges"]
    monkeypatch.setattr(relations, "CITATIONS_PREFETCHED", 1)
    answer = await run(PAGE_OF_CITATIONS, first=2, after=whole[1]["cursor"])
    assert answer.errors == []
    assert answer.data["legalAct"]["citedBy"]["edges"] == whole[2:4]
    assert any(name.startswith("ACT_CITED_BY_PAGE") for name in answer.round_trips)


async def test_cited_by_refuses_an_unbounded_page(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(PAGE_OF_CITATIONS, first=1000)
    assert "`first` must be between 0 and 100" in answer.errors[0]
    answer = await run(PAGE_OF_CITATIONS, first=2, after="nonsense")
    assert "invalid cursor 'nonsense'" in answer.errors[0]


async def test_lists(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(
        """{ legalActs(kind: LAW) { graphId } registries { graphId procedures { number } }
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
