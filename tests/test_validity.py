"""Law in time: what is in force as of a date, around 01.07.2023, when MVD resolution No. 102
entered into force and declared resolution No. 18 lost force (points 2 and 3 of its text)."""

from __future__ import annotations

import datetime as dt
from typing import Any, LiteralString

import pytest
from neo4j import AsyncDriver
from neo4j.time import Date

from importers.base import clean
from lexgraph.config import Settings
from lexgraph.graph.impact import analyze_impact
from lexgraph.graph.validity import ActValidity, act_in_force, node_valid, stated_valid
from lexgraph.importing import ImportReport, sample_corpus_dir
from tests.graphs import corpus_imported

RESOLUTION_102 = "by/resolution/mvd/2023-05-19/102"
RESOLUTION_18 = "by/resolution/mvd/2022-01-25/18"
SOURCE = [clean(line) for line in (sample_corpus_dir() / "004_85fdc72f4cf61fef.txt").open()]
BEFORE, ON = dt.date(2023, 6, 30), dt.date(2023, 7, 1)


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    return await corpus_imported(driver, settings.neo4j_database)


async def rows(driver: AsyncDriver, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = await driver.execute_query(query, params)
    return [dict(r) for r in records]


REGULATIONS_IN_FORCE: LiteralString = (
    "MATCH (:LegalAct {id: $act})-[a:APPROVES]->(r:Regulation) WHERE "
    + node_valid("r")
    + " AND "
    + stated_valid("a")
    + " RETURN r.procedureNumber AS number ORDER BY number"
)
ACTS_IN_FORCE: LiteralString = (
    "MATCH (act:LegalAct) WHERE act.id IN $ids AND "
    + act_in_force("act")
    + " RETURN act.id AS id ORDER BY id"
)


def test_the_dates_come_from_the_text() -> None:
    assert "3. Настоящее постановление вступает в силу с 1 июля 2023 г." in SOURCE
    assert (
        "2. Признать утратившим силу постановление Министерства внутренних дел Республики"
        " Беларусь от 25 января 2022 г. № 18 «Об утверждении регламентов административных"
        " процедур»." in SOURCE
    )


async def test_before_1_july_2023_the_old_resolution_holds_and_the_new_regulations_do_not(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    ids = [RESOLUTION_102, RESOLUTION_18]
    assert await rows(driver, ACTS_IN_FORCE, ids=ids, asOf=BEFORE) == [{"id": RESOLUTION_18}]
    assert await rows(driver, REGULATIONS_IN_FORCE, act=RESOLUTION_102, asOf=BEFORE) == []


async def test_from_1_july_2023_the_eight_regulations_hold_and_the_old_resolution_is_repealed(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    ids = [RESOLUTION_102, RESOLUTION_18]
    assert await rows(driver, ACTS_IN_FORCE, ids=ids, asOf=ON) == [{"id": RESOLUTION_102}]
    found = await rows(driver, REGULATIONS_IN_FORCE, act=RESOLUTION_102, asOf=ON)
    assert [f["number"] for f in found] == [
        "10.7.1",
        "15.2.1",
        "15.2.2",
        "15.2.3",
        "15.21.1",
        "15.21.2",
        "15.4.1",
        "15.4.2",
    ]


async def test_what_a_resolution_states_is_valid_while_it_is(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    query: LiteralString = (
        "MATCH (:Regulation {procedureNumber: '15.4.1'})-[c:CHARGES]->(fee:Fee)"
        " RETURN fee.statedIn AS act, " + stated_valid("fee") + " AS valid"
    )
    assert await rows(driver, query, asOf=BEFORE) == [{"act": RESOLUTION_102, "valid": False}]
    assert await rows(driver, query, asOf=ON) == [{"act": RESOLUTION_102, "valid": True}]
    # A provision is in force with its act; the act's own provisions too.
    provision: LiteralString = (
        "MATCH (p:Provision {id: $id}) RETURN " + node_valid("p") + " AS valid"
    )
    feature = f"{RESOLUTION_102}#procedure_regulation_15.4.1__point_1__subpoint_1.3"
    assert await rows(driver, provision, id=feature, asOf=BEFORE) == [{"valid": False}]
    assert await rows(driver, provision, id=feature, asOf=ON) == [{"valid": True}]


async def test_impact_answers_as_of_a_date(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    law = "by/law/2010-12-30/225-z"
    before = await analyze_impact(driver, settings.neo4j_database, [law], as_of=BEFORE)
    assert before.affected == ()  # nothing in force rests on it yet in this corpus
    on = await analyze_impact(driver, settings.neo4j_database, [law], as_of=ON)
    assert len(on.ids("regulation")) == 6


def test_an_acts_node_gives_its_validity_as_the_driver_returns_it() -> None:
    # Dates come as the driver's `Date` or as text; `adoptedOn`, when known, is the adoption, not
    # the date the act bears.
    node = {
        "id": RESOLUTION_102,
        "status": "repealed",
        "date": dt.date(2023, 5, 18),
        "adoptedOn": Date(2023, 5, 19),
        "inForceFrom": "2023-07-01",
        "repealedOn": Date(2024, 1, 1),
    }
    assert ActValidity.from_node(node) == ActValidity(
        RESOLUTION_102, "repealed", dt.date(2023, 5, 19), dt.date(2023, 7, 1), dt.date(2024, 1, 1)
    )


def test_act_validity_in_python_follows_the_same_rule() -> None:
    act = ActValidity.from_node(
        {"id": RESOLUTION_18, "date": dt.date(2022, 1, 25), "repealedOn": dt.date(2023, 7, 1)}
    )
    assert act.in_force(BEFORE)
    assert not act.in_force(ON)
    assert not act.in_force(dt.date(2022, 1, 24))  # not yet adopted
    new = ActValidity.from_node(
        {"id": RESOLUTION_102, "adoptedOn": "2023-05-19", "inForceFrom": "2023-07-01"}
    )
    assert (new.in_force(BEFORE), new.in_force(ON)) == (False, True)
