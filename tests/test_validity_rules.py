"""The rules of `lexgraph.graph.validity`, one property at a time, on nodes made for each case:
which date starts an act's force, when a repeal ends it, and that a provision holds while its act
does. The Cypher predicates and `ActValidity.in_force` give the same answers."""

from __future__ import annotations

import datetime as dt
from typing import Any, LiteralString

import pytest
from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.graph.validity import ActValidity, act_in_force, node_valid

ACT_IN_FORCE: LiteralString = (
    "CREATE (a:LegalAct) SET a = $act RETURN " + act_in_force("a") + " AS holds"
)
PROVISION_VALID: LiteralString = (
    "CREATE (a:LegalAct) SET a = $act CREATE (p:Provision {id: $act.id + '#art_1', actId: $act.id})"
    " RETURN " + node_valid("p") + " AS holds"
)
D = dt.date

CASES: list[tuple[str, dict[str, Any], dt.date, bool]] = [
    # in force from `inForceFrom` whatever the adoption and the date borne say
    ("adopted, not yet in force", {"inForceFrom": D(2023, 7, 1), "adoptedOn": D(2023, 5, 19),
     "date": D(2023, 5, 19)}, D(2023, 6, 30), False),
    ("known only by when it enters into force", {"inForceFrom": D(2023, 7, 1)}, D(2023, 6, 30),
     False),
    ("in force from its day", {"inForceFrom": D(2023, 7, 1), "adoptedOn": D(2023, 5, 19)},
     D(2023, 7, 1), True),
    # without it, from the adoption, even when the act bears an earlier date
    ("dated, not yet adopted", {"adoptedOn": D(2023, 5, 19), "date": D(2023, 5, 1)},
     D(2023, 5, 10), False),
    ("known only by its adoption", {"adoptedOn": D(2023, 5, 19)}, D(2023, 5, 18), False),
    ("adopted", {"adoptedOn": D(2023, 5, 19), "date": D(2023, 5, 1)}, D(2023, 5, 19), True),
    # without either, from the date it bears; with nothing known, in force (a cited act)
    ("before its date", {"date": D(2023, 5, 19)}, D(2023, 5, 18), False),
    ("on its date", {"date": D(2023, 5, 19)}, D(2023, 5, 19), True),
    ("nothing known", {}, D(1990, 1, 1), True),
    # until the day before the repeal
    ("the day before the repeal", {"date": D(2020, 1, 1), "repealedOn": D(2024, 1, 1)},
     D(2023, 12, 31), True),
    ("repealed", {"date": D(2020, 1, 1), "repealedOn": D(2024, 1, 1)}, D(2024, 1, 1), False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("act", "as_of", "holds"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
async def test_an_act_is_in_force_by_its_dates(
    empty_graph: AsyncDriver, settings: Settings, act: dict[str, Any], as_of: dt.date, holds: bool
) -> None:
    node = {"id": "by/law/2023-05-19/1", **act}
    found = await read(empty_graph, settings, ACT_IN_FORCE, act=node, asOf=as_of)
    assert found == holds
    assert ActValidity.from_node(node).in_force(as_of) == holds


@pytest.mark.parametrize(
    ("act", "as_of", "holds"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
async def test_a_provision_holds_while_its_act_is_in_force(
    empty_graph: AsyncDriver, settings: Settings, act: dict[str, Any], as_of: dt.date, holds: bool
) -> None:
    node = {"id": "by/law/2023-05-19/1", **act}
    assert await read(empty_graph, settings, PROVISION_VALID, act=node, asOf=as_of) == holds


async def read(
    driver: AsyncDriver, settings: Settings, statement: LiteralString, **parameters: Any
) -> bool:
    records, _, _ = await driver.execute_query(
        statement, parameters, database_=settings.neo4j_database
    )
    return bool(records[0]["holds"])
