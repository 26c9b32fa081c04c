"""Every field that answers with law answers as of a date (`asOf`, today if omitted), and so does
everything below it.

The sample graph keeps what an older text of resolution No. 102 stated and the current one no
longer does (`sample_graph._archived_document`): the regulation of 15.4.1 required a third
document, «справка, которую прежняя редакция требовала» (with an apostille, submitted
electronically, «в соответствии со статьей 287 Налогового кодекса»), until the new text took
effect on 1 July 2023. As of 15 June 2023 that is the law; as of 1 July 2023 and today it is not.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema
from lexgraph.config import Settings
from lexgraph.graph.validity import today
from tests.api.conftest import Run
from tests.api.sample_graph import ART_287, DUTY_REFERENCE, PARTS, regulation_id

OLD_TEXT_HELD = "2023-06-15"
NEW_TEXT_TOOK_EFFECT = "2023-07-01"
REGULATION = regulation_id("15.4.1")
OLD_DOCUMENT = f"{REGULATION}__document_3"
OLD_DOCUMENT_NAME = "справка, которую прежняя редакция требовала"

DOCUMENTS = """query ($asOf: Date) {
  procedure(number: "15.4.1", asOf: $asOf) {
    regulation { documents { id graphId position name apostille validFrom validTo } } } }"""


def positions(answer: Any) -> list[int]:
    return [d["position"] for d in answer.data["procedure"]["regulation"]["documents"]]


async def test_a_procedure_as_of_a_day_the_old_text_held_requires_what_it_required(
    sample_graph: AsyncDriver, run: Run
) -> None:
    then = await run(DOCUMENTS, asOf=OLD_TEXT_HELD)
    assert then.errors == []
    assert positions(then) == [1, 2, 3]
    old = then.data["procedure"]["regulation"]["documents"][2]
    # Its stable id, the one users cite; the edition read is told by `id` and its interval.
    assert old["graphId"] == OLD_DOCUMENT
    assert old["name"] == OLD_DOCUMENT_NAME
    assert old["apostille"] == "REQUIRED"
    assert (old["validFrom"], old["validTo"]) == (None, NEW_TEXT_TOOK_EFFECT)


@pytest.mark.parametrize("as_of", [NEW_TEXT_TOOK_EFFECT, None], ids=["new-text", "today"])
async def test_from_the_day_the_new_text_took_effect_the_old_document_is_not_required(
    sample_graph: AsyncDriver, run: Run, as_of: str | None
) -> None:
    answer = await run(DOCUMENTS, asOf=as_of)
    assert answer.errors == []
    assert positions(answer) == [1, 2]


async def test_the_edition_of_a_fact_read_is_refetched_by_its_id(
    sample_graph: AsyncDriver, run: Run
) -> None:
    then = await run(DOCUMENTS, asOf=OLD_TEXT_HELD)
    old = then.data["procedure"]["regulation"]["documents"][2]
    again = await run(
        """query ($id: ID!) { node(id: $id) {
             ... on DocumentRequirement { graphId name validTo } } }""",
        id=old["id"],
    )
    assert again.errors == []
    assert again.data["node"] == {
        "graphId": OLD_DOCUMENT,
        "name": OLD_DOCUMENT_NAME,
        "validTo": NEW_TEXT_TOOK_EFFECT,
    }
    current = then.data["procedure"]["regulation"]["documents"][1]
    assert old["id"] != current["id"]


async def test_one_request_may_ask_two_days(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(
        """{ then: procedure(number: "15.4.1", asOf: "2023-06-15") {
               regulation { documents { position } } }
             now: procedure(number: "15.4.1") { regulation { documents { position } } } }"""
    )
    assert answer.errors == []
    documents = {key: value["regulation"]["documents"] for key, value in answer.data.items()}
    assert documents == {
        "then": [{"position": 1}, {"position": 2}, {"position": 3}],
        "now": [{"position": 1}, {"position": 2}],
    }


async def test_what_the_old_document_cited_is_cited_only_while_it_held(
    sample_graph: AsyncDriver, run: Run
) -> None:
    # The old document cited Art. 287 itself; the current duty document cites parts 1–3 of its
    # point 6 (in 15.4.1 and 15.4.2 alike).
    query = """query ($asOf: Date) { provision(id: "by/code/tax#art_287", asOf: $asOf) {
        citedBy(first: 20) { totalCount nodes { cited { ... on Provision { graphId } } } } } }"""
    then = await run(query, asOf=OLD_TEXT_HELD)
    now = await run(query)
    assert then.errors == now.errors == []
    cited_then = [n["cited"]["graphId"] for n in then.data["provision"]["citedBy"]["nodes"]]
    cited_now = [n["cited"]["graphId"] for n in now.data["provision"]["citedBy"]["nodes"]]
    assert sorted(cited_now) == sorted(PARTS * 2)
    assert sorted(cited_then) == sorted([ART_287, *PARTS * 2])
    assert then.data["provision"]["citedBy"]["totalCount"] == 7
    assert now.data["provision"]["citedBy"]["totalCount"] == 6


async def test_cited_by_takes_its_own_date_below_an_act_read_today(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ legalAct(id: "by/code/tax") {
             then: citedBy(asOf: "2023-06-15") { totalCount }
             now: citedBy { totalCount } } }"""
    )
    assert answer.errors == []
    # The old document's citation of Art. 287, and the benefits' of subpoint 10.29 of Art. 285
    # (15.4.1 and 15.4.2), beside the six of point 6.
    assert answer.data["legalAct"]["then"]["totalCount"] == 9
    assert answer.data["legalAct"]["now"]["totalCount"] == 8


async def test_a_procedure_depended_directly_on_art_287_only_while_the_old_text_held(
    sample_graph: AsyncDriver, run: Run
) -> None:
    query = """query ($asOf: Date) { procedures(asOf: $asOf,
        filter: {dependsOn: {id: "by/code/tax#art_287", mode: DIRECT}}) { nodes { number } } }"""
    then = await run(query, asOf=OLD_TEXT_HELD)
    now = await run(query)
    assert then.errors == now.errors == []
    assert then.data["procedures"]["nodes"] == [{"number": "15.4.1"}]
    assert now.data["procedures"]["nodes"] == []


async def test_an_apostille_was_required_in_15_4_1_while_the_old_text_held(
    sample_graph: AsyncDriver, run: Run
) -> None:
    query = """query ($asOf: Date) {
        procedures(asOf: $asOf, filter: {apostille: REQUIRED}) { totalCount nodes { number } } }"""
    then = await run(query, asOf=OLD_TEXT_HELD)
    now = await run(query, asOf=NEW_TEXT_TOOK_EFFECT)
    assert [n["number"] for n in then.data["procedures"]["nodes"]] == ["10.7.1", "15.4.1"]
    assert [n["number"] for n in now.data["procedures"]["nodes"]] == ["10.7.1"]


async def test_the_procedures_page_reads_below_as_of_its_date(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ procedures(asOf: "2023-06-15", filter: {text: "15.4.1"}) {
             nodes { regulation { documents { position } } } } }"""
    )
    assert answer.errors == []
    [procedure] = answer.data["procedures"]["nodes"]
    assert [d["position"] for d in procedure["regulation"]["documents"]] == [1, 2, 3]


async def test_search_finds_the_old_document_only_as_of_a_day_it_held(
    sample_graph: AsyncDriver, run: Run
) -> None:
    query = """query ($asOf: Date) { search(text: "справка прежняя редакция", asOf: $asOf,
        types: ["DocumentRequirement"]) {
          graphId node { ... on DocumentRequirement { validTo } } } }"""
    then = await run(query, asOf=OLD_TEXT_HELD)
    now = await run(query)
    assert then.errors == now.errors == []
    assert [(h["graphId"], h["node"]["validTo"]) for h in then.data["search"]] == [
        (OLD_DOCUMENT, NEW_TEXT_TOOK_EFFECT)
    ]
    assert OLD_DOCUMENT not in [h["graphId"] for h in now.data["search"]]


async def test_an_act_tells_whether_it_is_in_force_on_the_day_asked(
    sample_graph: AsyncDriver, run: Run
) -> None:
    # Resolution No. 102 of 19 May 2023 (the sample records no other day for it).
    query = """query ($asOf: Date) { legalAct(id: "by/resolution/mvd/2023-05-19/102",
        asOf: $asOf) { inForce } }"""
    assert (await run(query, asOf="2023-05-18")).data["legalAct"] == {"inForce": False}
    assert (await run(query, asOf="2023-05-19")).data["legalAct"] == {"inForce": True}
    assert (await run(query)).data["legalAct"] == {"inForce": True}


async def test_a_unit_and_the_document_citing_it_as_of_a_day(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ procedure(number: "15.4.1", asOf: "2023-06-15") {
             citationsOf(id: "by/code/tax#art_287", includingSubunits: false) {
               text citing { ... on DocumentRequirement { graphId } } } } }"""
    )
    assert answer.errors == []
    assert answer.data["procedure"]["citationsOf"] == [
        {"text": "статьей 287", "citing": {"graphId": OLD_DOCUMENT}}
    ]
    today = await run(
        """{ procedure(number: "15.4.1") { citationsOf(id: "by/code/tax#art_287") { text } } }"""
    )
    assert [c["text"] for c in today.data["procedure"]["citationsOf"]] == [DUTY_REFERENCE] * 3


async def test_what_changed_when_the_new_text_took_effect(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ diff(of: "source/004_85fdc72f4cf61fef.txt", from: "2023-06-15", to: "2023-07-01") {
             addedCount changedCount removed { kind label graphId source target
               fields { name before after } } } }"""
    )
    assert answer.errors == []
    found = answer.data["diff"]
    assert (found["addedCount"], found["changedCount"]) == (0, 0)
    # The third document, its place in the regulation and its citation of Art. 287.
    assert [
        (r["kind"], r["label"], r["graphId"], r["source"], r["target"]) for r in found["removed"]
    ] == [
        ("NODE", "DocumentRequirement", OLD_DOCUMENT, None, None),
        ("EDGE", "REQUIRES", None, REGULATION, OLD_DOCUMENT),
        ("EDGE", "CITES", None, OLD_DOCUMENT, ART_287),
    ]
    fields = {f["name"]: f for f in found["removed"][0]["fields"]}
    assert fields["name"] == {"name": "name", "before": OLD_DOCUMENT_NAME, "after": None}
    assert fields["channels"]["before"] == '["electronic"]'


# ---------------------------------------------------------------------------------------------
# A date that is not a date


async def coded_errors(
    driver: AsyncDriver, settings: Settings, query: str, **variables: Any
) -> list[tuple[str, Any]]:
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(query, variable_values=variables, context_value=context)
    return [(e.message, (e.extensions or {}).get("code")) for e in result.errors or []]


@pytest.mark.parametrize(
    ("query", "variables", "written"),
    [
        ('{ procedure(number: "15.4.1", asOf: "2023-02-29") { title } }', {}, "'2023-02-29'"),
        ('{ legalAct(id: "by/code/tax", asOf: 20230101) { title } }', {}, "20230101"),
        (
            'query ($d: Date) { search(text: "пошлина", asOf: $d) { graphId } }',
            {"d": "15.06.2023"},
            "'15.06.2023'",
        ),
        (
            "query ($d: Date) { procedures(asOf: $d) { totalCount } }",
            {"d": "2023-06-15T00:00:00"},
            "'2023-06-15T00:00:00'",
        ),
        ('{ diff(of: "x", from: "2023-01-01", to: "tomorrow") { addedCount } }', {}, "'tomorrow'"),
    ],
    ids=["no-such-day", "a-number", "day-first", "a-time", "a-word"],
)
async def test_a_date_that_is_not_a_date_is_refused_with_a_code(
    sample_graph: AsyncDriver,
    settings: Settings,
    query: str,
    variables: dict[str, Any],
    written: str,
) -> None:
    [(message, code)] = await coded_errors(sample_graph, settings, query, **variables)
    assert code == "INVALID_DATE"
    assert f"{written} is not a date: write the day as YYYY-MM-DD" in message


def test_a_bad_date_over_http_is_a_graphql_error_not_a_server_error(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    query = 'query ($d: Date) { procedure(number: "15.4.1", asOf: $d) { title } }'
    with TestClient(create_app(settings)) as client:
        answer = client.post("/graphql", json={"query": query, "variables": {"d": "2023-13-01"}})
    assert answer.status_code == 200
    [error] = answer.json()["errors"]
    assert error["extensions"]["code"] == "INVALID_DATE"
    assert answer.json().get("data") is None


async def test_the_default_is_today(sample_graph: AsyncDriver, run: Run) -> None:
    query = """query ($asOf: Date) { legalAct(id: "by/resolution/mvd/2023-05-19/102",
        asOf: $asOf) { approves { documents { position } } } }"""
    default = await run(query)
    assert default.errors == []
    assert default.data == (await run(query, asOf=today().isoformat())).data
