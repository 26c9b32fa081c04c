"""Law in time through the API, on two editions of a real text: the sample corpus, then a new
edition of resolution No. 102 of the МВД (seed 004) that raises the state duty of procedure
15.4.1 from 5 to 7 base units, effective 1 January 2024.

What the texts say, and so what the answers must be:
- resolution No. 102 enters into force on 1 July 2023: before that day no regulation of it holds;
- from 1 July 2023 to 31 December 2023 the duty of 15.4.1 is 5 base units (the first text);
- from 1 January 2024 it is 7 (the new edition), and nothing else the text states changed;
- the other duties of the resolution are 3, 5 and 10 base units throughout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.api.conftest import Run
from tests.graphs import corpus_imported

NAME = "004_85fdc72f4cf61fef.txt"
DOCUMENT = f"source/{NAME}"
MVD_102 = "by/resolution/mvd/2023-05-19/102"
REGULATION = f"{MVD_102}#procedure_regulation_15.4.1"
FEE = f"{REGULATION}__fee"
FEE_LINE = 1112  # «… – государственная пошлина в размере 5 базовых величин.» of regulation 15.4.1
NEW_EDITION = dt.date(2024, 1, 1)


@pytest.fixture(scope="module")
async def editions(
    driver: AsyncDriver, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> AsyncDriver:
    await corpus_imported(driver, settings.neo4j_database)
    lines = (sample_corpus_dir() / NAME).read_text(encoding="utf-8").split("\n")
    assert lines[FEE_LINE - 1].endswith("размере 5 базовых величин.")
    lines[FEE_LINE - 1] = lines[FEE_LINE - 1].replace("5 базовых", "7 базовых")
    folder: Path = tmp_path_factory.mktemp("edition")
    (folder / NAME).write_text("\n".join(lines), encoding="utf-8")
    await import_paths(driver, settings.neo4j_database, [folder], effective_from=NEW_EDITION)
    return driver


FEE_OF_15_4_1 = """query ($asOf: Date) { procedure(number: "15.4.1", asOf: $asOf) {
  regulation { fee { graphId amountBaseUnits validFrom validTo benefits { text } } } } }"""


def fee(answer: Any) -> Any:
    assert answer.errors == []
    regulation = answer.data["procedure"]["regulation"]
    return regulation and regulation["fee"]


async def test_the_duty_of_15_4_1_on_each_day(editions: AsyncDriver, run: Run) -> None:
    before_force = fee(await run(FEE_OF_15_4_1, asOf="2023-06-30"))
    first_text = fee(await run(FEE_OF_15_4_1, asOf="2023-12-31"))
    new_text = fee(await run(FEE_OF_15_4_1, asOf="2024-01-01"))
    today = fee(await run(FEE_OF_15_4_1))
    assert before_force is None
    assert first_text["amountBaseUnits"] == 5.0
    assert (first_text["validFrom"], first_text["validTo"]) == (None, "2024-01-01")
    assert new_text["amountBaseUnits"] == today["amountBaseUnits"] == 7.0
    assert (new_text["validFrom"], new_text["validTo"]) == ("2024-01-01", None)
    # One fact in two editions: one stable id.
    assert first_text["graphId"] == new_text["graphId"] == FEE
    # The benefits did not change; each edition of the fee reaches them.
    assert first_text["benefits"] == new_text["benefits"] != []


async def test_a_fee_range_filter_answers_for_its_day(editions: AsyncDriver, run: Run) -> None:
    query = """query ($asOf: Date) { procedures(asOf: $asOf,
        filter: {fee: {min: 6, max: 8}}) { nodes { number } } }"""
    assert (await run(query, asOf="2023-12-31")).data["procedures"]["nodes"] == []
    assert (await run(query, asOf="2024-01-01")).data["procedures"]["nodes"] == [
        {"number": "15.4.1"}
    ]


EDITIONS = """query ($asOf: Date) { legalAct(id: "by/resolution/mvd/2023-05-19/102",
  asOf: $asOf) { editions { id documentId actId validFrom validTo effectiveFrom effectiveTo
    inForce changes { addedCount removedCount changedCount
      changed { kind label graphId fields { name before after } } } } } }"""


async def test_the_editions_of_the_resolution(editions: AsyncDriver, run: Run) -> None:
    answer = await run(EDITIONS)
    assert answer.errors == []
    first, second = answer.data["legalAct"]["editions"]
    assert first["documentId"] == second["documentId"] == DOCUMENT
    assert first["actId"] == second["actId"] == MVD_102
    assert first["id"] != second["id"]
    # The first text holds from the resolution's entry into force until the new edition.
    assert (first["validFrom"], first["validTo"]) == (None, "2024-01-01")
    assert (first["effectiveFrom"], first["effectiveTo"]) == ("2023-07-01", "2024-01-01")
    assert (second["effectiveFrom"], second["effectiveTo"]) == ("2024-01-01", None)
    assert (first["inForce"], second["inForce"]) == (False, True)
    assert first["changes"] is None
    assert second["changes"] == {
        "addedCount": 0,
        "removedCount": 0,
        "changedCount": 1,
        "changed": [
            {
                "kind": "NODE",
                "label": "Fee",
                "graphId": FEE,
                "fields": [{"name": "amountBaseUnits", "before": "5.0", "after": "7.0"}],
            }
        ],
    }


async def test_the_edition_in_force_on_a_day_of_2023(editions: AsyncDriver, run: Run) -> None:
    answer = await run(EDITIONS, asOf="2023-12-31")
    assert [e["inForce"] for e in answer.data["legalAct"]["editions"]] == [True, False]


async def test_the_editions_of_the_document_a_fact_comes_from(
    editions: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ procedure(number: "15.4.1") { regulation { fee { provenance { document {
             graphId editions { validFrom changes { changedCount } } } } } } } }"""
    )
    assert answer.errors == []
    document = answer.data["procedure"]["regulation"]["fee"]["provenance"]["document"]
    assert document["graphId"] == DOCUMENT
    assert document["editions"] == [
        {"validFrom": None, "changes": None},
        {"validFrom": "2024-01-01", "changes": {"changedCount": 1}},
    ]


DIFF = """query ($of: ID!, $from: Date!, $to: Date!) { diff(of: $of, from: $from, to: $to) {
  of from to documents addedCount removedCount changedCount
  changed { kind label graphId fields { name before after } } } }"""


@pytest.mark.parametrize("of", [MVD_102, DOCUMENT], ids=["act", "document"])
async def test_what_changed_on_1_january_2024(editions: AsyncDriver, run: Run, of: str) -> None:
    answer = await run(DIFF, of=of, **{"from": "2023-12-31", "to": "2024-01-01"})
    assert answer.errors == []
    assert answer.data["diff"] == {
        "of": of,
        "from": "2023-12-31",
        "to": "2024-01-01",
        "documents": [DOCUMENT],
        "addedCount": 0,
        "removedCount": 0,
        "changedCount": 1,
        "changed": [
            {
                "kind": "NODE",
                "label": "Fee",
                "graphId": FEE,
                "fields": [{"name": "amountBaseUnits", "before": "5.0", "after": "7.0"}],
            }
        ],
    }


async def test_nothing_changed_within_the_first_text(editions: AsyncDriver, run: Run) -> None:
    answer = await run(DIFF, of=MVD_102, **{"from": "2023-07-01", "to": "2023-12-31"})
    counts = answer.data["diff"]
    assert (counts["addedCount"], counts["removedCount"], counts["changedCount"]) == (0, 0, 0)


async def test_what_the_resolution_states_comes_to_hold_when_it_enters_into_force(
    editions: AsyncDriver, run: Run
) -> None:
    answer = await run(
        """{ diff(of: "by/resolution/mvd/2023-05-19/102", from: "2023-06-30", to: "2023-07-01") {
             addedCount removedCount changedCount added { kind label graphId } } }"""
    )
    found = answer.data["diff"]
    assert (found["removedCount"], found["changedCount"]) == (0, 0)
    regulations = {a["graphId"] for a in found["added"] if a["label"] == "Regulation"}
    # The eight regulations it approves (point 1), among everything else it states.
    assert len(regulations) == 8
    assert REGULATION in regulations
    assert {"kind": "NODE", "label": "Fee", "graphId": FEE} in found["added"]
    assert found["addedCount"] > len(regulations)


@pytest.mark.parametrize(
    ("of", "message"),
    [
        ("by/code/tax", "the graph holds no text of the act 'by/code/tax'"),
        ("by/law/1900-01-01/1-z", "no legal act or source document with id"),
    ],
)
async def test_a_diff_of_what_has_no_text_is_explained(
    editions: AsyncDriver, run: Run, of: str, message: str
) -> None:
    answer = await run(DIFF, of=of, **{"from": "2023-12-31", "to": "2024-01-01"})
    assert len(answer.errors) == 1
    assert message in answer.errors[0]
