"""An impact chain in Russian, and a unit's label in full from its graph id."""

from __future__ import annotations

import pytest

from lexgraph.citations import parse_citations
from lexgraph.citations.format import format_unit
from lexgraph.graph.impact import Node, Rule, Step
from lexgraph.impact_words import caption, chain

PART_1 = Node("by/code/tax#art_287__point_6__part_1", "Provision", "часть 1")
DOCUMENT = Node(
    "by/r#procedure_regulation_15.4.1__document_2", "DocumentRequirement", "документ об уплате"
)
REGULATION = Node(
    "by/r#procedure_regulation_15.4.1", "Regulation", "Регламент … по подпункту 15.4.1"
)
PROCEDURE = Node("procedure/15.4.1", "Procedure", "Получение специального разрешения")


@pytest.mark.parametrize(
    ("graph_id", "label"),
    [
        (
            "by/code/tax#art_287__point_6__part_1",
            "часть первая пункта 6 статьи 287 Налогового кодекса Республики Беларусь",
        ),
        ("by/code/tax#art_287", "статья 287 Налогового кодекса Республики Беларусь"),
        ("by/law/2010-12-30/225-z#art_21__part_1__para_2", "абзац второй части первой статьи 21"),
        ("by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1__point_1", None),
        ("by/code/tax", None),
    ],
)
def test_a_units_label_in_full(graph_id: str, label: str | None) -> None:
    assert format_unit(graph_id) == label


@pytest.mark.parametrize(
    "graph_id",
    [
        "by/code/tax#art_287__point_6__part_1",
        "by/code/tax#art_285__point_10__subpoint_10.29",
        "by/code/admin_offences#art_18.14__part_2",
    ],
)
def test_the_label_of_a_codes_unit_reads_back_to_its_id(graph_id: str) -> None:
    label = format_unit(graph_id)
    assert label is not None
    [citation] = parse_citations(label)
    assert [u.provision_id for u in citation.units] == [graph_id]


def test_the_chain_goes_from_the_changed_unit_to_the_procedure() -> None:
    path = (
        Step(PART_1, DOCUMENT, "CITES", Rule.REFERENCE, True, "частях первой–третьей …"),
        Step(DOCUMENT, REGULATION, "REQUIRES", Rule.CONTAINER, True),
        Step(REGULATION, PROCEDURE, "REGULATES", Rule.REGULATES, False),
    )
    assert chain(path) == (
        "часть первая пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
        " ← ссылается: документ «документ об уплате»"
        " ← требует: Регламент … по подпункту 15.4.1"
        " → регулирует: процедура 15.4.1 «Получение специального разрешения»"
    )
    assert chain(()) == ""


def test_a_node_without_a_caption_of_its_own_is_named_by_its_id() -> None:
    act = Node("by/edict/2007-12-04/611", "LegalAct", "by/edict/2007-12-04/611")
    assert caption(act) == "by/edict/2007-12-04/611"
