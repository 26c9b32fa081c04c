"""The pure rules of history: how editions are ordered, named and laid out as stored facts, and how
a new text is placed among them. Examples written from the rules, with small made-up facts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexgraph.graph.editions import EditionRefused, StoredVersion, named, place
from lexgraph.graph.history import Edition, EditionOrderError, State, ordered, timeline
from lexgraph.graph.versions import compare

DOC = "source/r.txt"
D1, D2, D3 = dt.date(2024, 1, 1), dt.date(2024, 6, 1), dt.date(2025, 1, 1)
FEE = ("Fee", "reg__fee")
REG = ("Regulation", "reg")
CHARGES = ("reg", "CHARGES", "reg__fee", "")


def state(amount: float | None, *, charged: bool = True) -> State:
    """A regulation that charges a fee of `amount` base units (no fee when None)."""
    result = State(nodes={REG: {"title": "Выдача разрешения", "lineStart": 1}})
    if amount is not None:
        result.nodes[FEE] = {"amountBaseUnits": amount, "lineStart": 10}
        if charged:
            result.edges[CHARGES] = {"lineStart": 10, "key": ""}
            result.ends[CHARGES] = ("Regulation", "Fee")
    return result


def stored(laid_out: Any) -> dict[str, dict[str, Any]]:
    return {n.id: dict(n.properties) for n in laid_out.nodes}


def test_editions_go_by_the_day_they_take_effect_the_undated_first() -> None:
    editions = [Edition("b", D2), Edition("a", None), Edition("c", D1)]
    assert [e.version for e in ordered(editions)] == ["a", "c", "b"]


@pytest.mark.parametrize(
    "editions",
    [
        [Edition("a", None), Edition("b", None)],
        [Edition("a", D1), Edition("b", D1)],
    ],
)
def test_editions_that_cannot_be_ordered_are_refused(editions: list[Edition]) -> None:
    with pytest.raises(EditionOrderError):
        ordered(editions)


def test_a_fact_stated_alike_by_every_edition_is_one_stored_fact() -> None:
    laid_out = timeline([(Edition("v1", None), state(5.0)), (Edition("v2", D1), state(5.0))])
    fee = stored(laid_out)["reg__fee"]
    assert fee["version"] == "v1"
    assert "validFrom" not in fee
    assert "validTo" not in fee
    assert len(laid_out.edges) == 1


def test_a_changed_fact_keeps_its_old_run_under_a_versioned_id() -> None:
    laid_out = timeline(
        [(Edition(f"{DOC}@aaaa", None), state(5.0)), (Edition(f"{DOC}@bbbb", D1), state(7.0))]
    )
    facts = stored(laid_out)
    assert facts["reg__fee@aaaa"]["amountBaseUnits"] == 5.0
    assert facts["reg__fee@aaaa"]["validTo"] == D1
    assert facts["reg__fee@aaaa"]["currentId"] == "reg__fee"
    assert facts["reg__fee@aaaa"]["supersededBy"] == f"{DOC}@bbbb"
    assert facts["reg__fee"]["amountBaseUnits"] == 7.0
    assert facts["reg__fee"]["validFrom"] == D1
    # The regulation itself did not change: one fact, no dates.
    assert "validFrom" not in facts["reg"]
    assert "validTo" not in facts["reg"]
    # The edge is split where its fee changes: each run joins the fee of its time.
    edges = {(e.source[1], e.target[1], e.key): e.properties for e in laid_out.edges}
    assert edges[("reg", "reg__fee@aaaa", "@aaaa")]["validTo"] == D1
    assert edges[("reg", "reg__fee", "")]["validFrom"] == D1


def test_a_fact_dropped_and_stated_again_is_two_runs() -> None:
    laid_out = timeline(
        [
            (Edition(f"{DOC}@aaaa", None), state(5.0)),
            (Edition(f"{DOC}@bbbb", D1), state(None)),
            (Edition(f"{DOC}@cccc", D2), state(5.0)),
        ]
    )
    facts = stored(laid_out)
    assert facts["reg__fee@aaaa"]["validTo"] == D1
    assert facts["reg__fee"]["validFrom"] == D2
    assert sorted(facts) == ["reg", "reg__fee", "reg__fee@aaaa"]


def test_a_fact_the_newest_edition_drops_keeps_no_stable_id() -> None:
    laid_out = timeline(
        [(Edition(f"{DOC}@aaaa", None), state(5.0)), (Edition(f"{DOC}@bbbb", D1), state(None))]
    )
    assert sorted(stored(laid_out)) == ["reg", "reg__fee@aaaa"]


@given(st.permutations(range(3)))
def test_the_layout_does_not_depend_on_the_order_editions_are_given(order: list[int]) -> None:
    editions = [
        (Edition(f"{DOC}@aaaa", None), state(5.0)),
        (Edition(f"{DOC}@bbbb", D1), state(7.0)),
        (Edition(f"{DOC}@cccc", D2), state(7.0, charged=False)),
    ]
    assert timeline([editions[i] for i in order]) == timeline(editions)


def test_a_return_to_an_earlier_text_is_named_after_its_day() -> None:
    given_editions = [(Edition("x", D2), "a" * 64), (Edition("y", None), "a" * 64)]
    names = named(DOC, given_editions)
    assert names["y"].version == f"{DOC}@aaaaaaaaaaaa"
    assert names["x"].version == f"{DOC}@aaaaaaaaaaaa.2024-06-01"


TODAY = dt.date(2026, 12, 2)
ORIGINAL = StoredVersion(Edition(f"{DOC}@aaaaaaaaaaaa", None), "a" * 64)
EDITION_2024 = StoredVersion(Edition(f"{DOC}@bbbbbbbbbbbb", D1), "b" * 64)


def test_a_text_already_held_and_given_no_day_changes_nothing() -> None:
    placed = place(DOC, [ORIGINAL, EDITION_2024], "a" * 64, None, today=TODAY)
    assert placed.same == ORIGINAL.edition.version


def test_a_new_text_without_a_day_takes_effect_today() -> None:
    placed = place(DOC, [ORIGINAL], "c" * 64, None, today=TODAY)
    assert placed.edition == Edition(f"{DOC}@cccccccccccc", TODAY)


def test_the_first_text_holds_since_its_act_when_given_no_day() -> None:
    assert place(DOC, [], "a" * 64, None, today=TODAY).edition == ORIGINAL.edition


@pytest.mark.parametrize(
    ("checksum", "effective", "refusal"),
    [
        ("b" * 64, D2, "already in force on 2024-06-01"),
        ("c" * 64, D1, "two texts cannot hold on one day"),
        ("c" * 64, dt.date(1990, 1, 1), "before the act was adopted (2023-05-19)"),
        ("c" * 64, dt.date(9999, 12, 31), "more than 10 years ahead"),
    ],
    ids=["same text, later day", "another text, same day", "before adoption", "far ahead"],
)
def test_refusals(checksum: str, effective: dt.date, refusal: str) -> None:
    with pytest.raises(EditionRefused, match=re.escape(refusal)):
        place(
            DOC,
            [ORIGINAL, EDITION_2024],
            checksum,
            effective,
            today=TODAY,
            adopted=dt.date(2023, 5, 19),
        )


def test_force_replaces_the_edition_of_the_same_day_and_keeps_a_doubted_day_with_a_warning() -> (
    None
):
    replacing = place(DOC, [ORIGINAL, EDITION_2024], "c" * 64, D1, today=TODAY, force=True)
    assert replacing.replaced == (EDITION_2024.edition.version,)
    early = place(
        DOC,
        [ORIGINAL],
        "c" * 64,
        dt.date(1990, 1, 1),
        today=TODAY,
        adopted=dt.date(2023, 5, 19),
        force=True,
    )
    assert early.edition is not None
    assert early.notes[0].startswith("warning:")


def test_returning_to_the_original_text_later_is_a_new_edition() -> None:
    placed = place(DOC, [ORIGINAL, EDITION_2024], "a" * 64, D3, today=TODAY)
    assert placed.edition == Edition(ORIGINAL.edition.version, D3)


def rows(*names: str) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        ("DocumentRequirement", f"reg__document_{n}"): {"position": n, "name": name}
        for n, name in enumerate(names, start=1)
    }


def test_deleting_a_row_is_one_removal_and_renumbers_the_rows_after_it() -> None:
    diff = compare(
        rows("заявление", "квитанция", "паспорт", "фото"),
        rows("заявление", "паспорт", "фото"),
        {},
        {},
    )
    assert [c.id for c in diff.removed] == ["reg__document_2"]
    assert [(c.was, c.id) for c in diff.moved] == [
        ("reg__document_3", "reg__document_2"),
        ("reg__document_4", "reg__document_3"),
    ]
    assert diff.changed == ()
    assert diff.added == ()


def test_a_reworded_row_is_a_change_of_that_row() -> None:
    diff = compare(
        rows("заявление", "копия паспорта"),
        rows("заявление", "копия паспорта или иного документа"),
        {},
        {},
    )
    assert [(c.id, c.fields) for c in diff.changed] == [("reg__document_2", ("name",))]
    assert diff.removed == ()
    assert diff.added == ()


def test_a_row_inserted_in_the_middle_is_one_addition() -> None:
    diff = compare(rows("заявление", "паспорт"), rows("заявление", "квитанция", "паспорт"), {}, {})
    assert [c.id for c in diff.added] == ["reg__document_2"]
    assert [(c.was, c.id) for c in diff.moved] == [("reg__document_2", "reg__document_3")]
    assert diff.removed == ()
