"""What a frontend reads: closed sets as enums, validity as a value, missing things as NOT_FOUND.

Expected values are read from the sample corpus's seed 004 (MVD resolution No. 102):
- 15.4.1, point 3 (lines 1100–1102): «2 года – в отношении высококвалифицированных работников»,
  «1 год – в отношении иных работников»; 10.7.1 (line 142): «3 месяца»; 15.2.3 (line 654):
  «бессрочно».
- 15.4.1, point 2.1: the application's row states «в письменной форме: в ходе приема
  заинтересованного лица; по почте; нарочным (курьером)», and the form cell is merged down over
  the two rows below it.
- 15.4.1, point 5: the complaint goes to «Министерство внутренних дел», «электронная или
  письменная форма».
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema
from lexgraph.config import Settings
from tests.graphs import corpus_imported


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    await corpus_imported(driver, settings.neo4j_database)
    return driver


async def answer(driver: AsyncDriver, settings: Settings, query: str) -> Any:
    result = await schema.execute(
        query, context_value=RequestContext(driver=driver, settings=settings)
    )
    return result


async def data(driver: AsyncDriver, settings: Settings, query: str) -> Any:
    result = await answer(driver, settings, query)
    assert result.errors is None
    return result.data


VALIDITY = """query { procedure(number: "%s") { regulation { issuedDocuments {
    validity { amount unit text } validityText } } } }"""


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            "15.4.1",
            [
                {"amount": 2, "unit": "YEARS", "text": "2 года"},
                {"amount": 1, "unit": "YEARS", "text": "1 год"},
            ],
        ),
        ("10.7.1", [{"amount": 3, "unit": "MONTHS", "text": "3 месяца"}]),
        ("15.2.3", [{"amount": None, "unit": "UNLIMITED", "text": "бессрочно"}]),
    ],
)
async def test_validity_is_an_amount_of_a_unit_said_in_russian(
    corpus: AsyncDriver, settings: Settings, number: str, expected: list[dict[str, Any]]
) -> None:
    found = await data(corpus, settings, VALIDITY % number)
    (issued,) = found["procedure"]["regulation"]["issuedDocuments"]
    assert issued["validity"] == expected


async def test_ways_of_submission_are_enums_and_say_where_they_are_stated(
    corpus: AsyncDriver, settings: Settings
) -> None:
    found = await data(
        corpus,
        settings,
        """{ procedure(number: "15.4.1") { regulation { documents { channels
             submissionCell } appeals { kind forms } } } }""",
    )
    regulation = found["procedure"]["regulation"]
    documents = regulation["documents"]
    assert [d["submissionCell"] for d in documents] == [
        "IN_ITS_ROW",
        "FOR_SEVERAL_DOCUMENTS",
        "FOR_SEVERAL_DOCUMENTS",
    ]
    assert all(set(d["channels"]) == {"IN_PERSON", "POST", "COURIER"} for d in documents)
    assert {"kind": "ADMINISTRATIVE", "forms": ["ELECTRONIC", "WRITTEN"]} in regulation["appeals"]


async def test_the_act_and_its_source_have_kinds_from_closed_sets(
    corpus: AsyncDriver, settings: Settings
) -> None:
    found = await data(
        corpus,
        settings,
        """{ procedure(number: "15.4.1") { regulation { approvedBy { kind status }
             requestedInformation { sourceKind } provenance { document { kind } } } } }""",
    )
    regulation = found["procedure"]["regulation"]
    assert regulation["approvedBy"] == {"kind": "RESOLUTION", "status": "IN_FORCE"}
    assert regulation["provenance"]["document"] == {"kind": "MVD_REGULATIONS"}
    assert {r["sourceKind"] for r in regulation["requestedInformation"]} <= {
        "AUTHORITY",
        "REGISTRY",
    }


async def test_condition_is_deprecated_for_conditions(settings: Settings) -> None:
    result = await schema.execute(
        """{ __type(name: "DocumentRequirement") { fields(includeDeprecated: true) {
             name isDeprecated deprecationReason } } }"""
    )
    assert result.data is not None
    fields = {f["name"]: f for f in result.data["__type"]["fields"]}
    assert fields["condition"]["isDeprecated"] is True
    assert "conditions" in fields["condition"]["deprecationReason"]
    assert fields["conditions"]["isDeprecated"] is False


@pytest.mark.parametrize(
    "query",
    [
        '{ procedure(number: "99.9.9") { title } }',
        '{ legalAct(id: "by/law/1900-01-01/1-z") { title } }',
        '{ legalAct(registerNumber: "0/00000") { title } }',
        '{ legalAct(kind: LAW, number: "1-З") { title } }',
        '{ provision(id: "by/code/tax#art_100000") { label } }',
        '{ neighbourhood(id: "procedure/99.9.9") { nodes { graphId } } }',
    ],
)
async def test_what_is_not_in_the_graph_is_not_found_by_code(
    corpus: AsyncDriver, settings: Settings, query: str
) -> None:
    result = await answer(corpus, settings, query)
    (error,) = result.errors or []
    assert error.extensions == {"code": "NOT_FOUND"}, error.message


async def test_a_mistake_that_is_not_a_missing_thing_has_no_not_found_code(
    corpus: AsyncDriver, settings: Settings
) -> None:
    result = await answer(corpus, settings, "{ legalAct(kind: LAW) { title } }")
    (error,) = result.errors or []
    assert (error.extensions or {}).get("code") != "NOT_FOUND"
