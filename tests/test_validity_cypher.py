"""The Cypher `lexgraph.graph.validity` puts into every query that answers as of a date, read as
the rule it states. What each predicate means is tested against Neo4j
(tests/test_validity_rules.py); these examples need none, so the fast tests (and `make mutate`)
notice any change to the one place that says "valid as of a date"."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from lexgraph.graph.validity import (
    act_in_force,
    acts_in_force,
    all_stated_by_acts_in_force,
    all_stated_valid,
    node_valid,
    stated_by_act_in_force,
    stated_valid,
    today,
    within_interval,
)

# An act is in force from its entry into force, else its adoption, else the date it bears (with
# none known, it counts as in force), until the day before its repeal.
ACT_A = (
    "(coalesce(a.inForceFrom, a.adoptedOn, a.date) IS NULL"
    " OR coalesce(a.inForceFrom, a.adoptedOn, a.date) <= $asOf)"
    " AND (a.repealedOn IS NULL OR a.repealedOn > $asOf)"
)
STATING_ON_DAY = (
    "(coalesce(stating.inForceFrom, stating.adoptedOn, stating.date) IS NULL"
    " OR coalesce(stating.inForceFrom, stating.adoptedOn, stating.date) <= $day)"
    " AND (stating.repealedOn IS NULL OR stating.repealedOn > $day)"
)
# A version holds from `validFrom` (inclusive) to `validTo` (exclusive); an open end is no bound.
INTERVAL_R = (
    "(r.validFrom IS NULL OR r.validFrom <= $day) AND (r.validTo IS NULL OR r.validTo > $day)"
)
# What a document states holds while the act it is the text of is in force, if an act states it.
STATED_BY_R = (
    "(r.statedIn IS NULL OR EXISTS { MATCH (stating:LegalAct {id: r.statedIn})"
    f" WHERE {STATING_ON_DAY} }})"
)


def test_an_act_is_in_force_from_its_first_known_day_until_its_repeal() -> None:
    assert act_in_force("a") == ACT_A


def test_a_version_holds_within_its_interval() -> None:
    assert within_interval("r", "$day") == INTERVAL_R


def test_a_statement_holds_while_its_act_is_in_force() -> None:
    assert stated_by_act_in_force("r", "$day") == STATED_BY_R


def test_a_statement_holds_within_its_interval_and_while_its_act_is_in_force() -> None:
    assert stated_valid("r", "$day") == f"{INTERVAL_R} AND {STATED_BY_R}"


def test_the_acts_of_many_statements_are_asked_at_once() -> None:
    each = (
        "(stated IS NULL OR EXISTS { MATCH (stating:LegalAct {id: stated})"
        f" WHERE {STATING_ON_DAY} }})"
    )
    assert all_stated_by_acts_in_force("[r.statedIn]", "$day") == (
        f"all(stated IN [r.statedIn] WHERE {each})"
    )
    interval_s = INTERVAL_R.replace("r.", "s.")
    assert all_stated_valid(["r", "s"], "$day") == (
        f"({INTERVAL_R}) AND ({interval_s})"
        f" AND all(stated IN [r.statedIn, s.statedIn] WHERE {each})"
    )


def test_the_acts_in_force_of_a_list_each_once() -> None:
    assert acts_in_force("$ids", "$day") == (
        "COLLECT { UNWIND $ids AS stated WITH DISTINCT stated"
        f" MATCH (stating:LegalAct {{id: stated}}) WHERE {STATING_ON_DAY} RETURN stated }}"
    )


def test_a_node_of_any_label_holds_by_its_own_rule() -> None:
    # An act by its force; a provision of an act's own text while its act is in force (or is
    # unknown); anything else as a statement.
    unit_act = ACT_A.replace("a.", "unitAct.").replace("$asOf", "$day")
    act = ACT_A.replace("a.", "n.").replace("$asOf", "$day")
    stated = (
        "(n.validFrom IS NULL OR n.validFrom <= $day) AND (n.validTo IS NULL OR n.validTo > $day)"
        " AND " + STATED_BY_R.replace("r.statedIn", "n.statedIn")
    )
    assert node_valid("n", "$day") == (
        f"(CASE WHEN n:LegalAct THEN {act}"
        " WHEN n:Provision AND n.statedIn IS NULL THEN"
        f" NOT EXISTS {{ MATCH (unitAct:LegalAct {{id: n.actId}}) WHERE NOT ({unit_act}) }}"
        f" ELSE {stated} END)"
    )


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])
def test_today_is_the_day_in_utc_whatever_the_machine_s_zone(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fourteen hours ahead of UTC and twelve behind: at any hour, one of the two is on another day
    # than UTC, so a default taken from the machine's clock would show in one of them.
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert today() == dt.datetime.now(dt.UTC).date()
    finally:
        monkeypatch.undo()
        time.tzset()
