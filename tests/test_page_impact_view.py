"""The impact page's tree and the Russian memo, from an answer shaped as the API gives
`queries/impact-page.graphql`, written by hand: Art. 287 of the Tax Code is cited by the duty
document of 15.4.1 (seed 004, line 1066), which the regulation of 15.4.1 requires, which regulates
the procedure."""

from __future__ import annotations

from typing import Any

from lexgraph.pages import impact_view, links

ART = {
    "graphId": "by/code/tax#art_287",
    "type": "Provision",
    "kind": "provision",
    "name": "статья 287",
}
PART = {
    "graphId": "by/code/tax#art_287__point_6__part_1",
    "type": "Provision",
    "kind": "provision",
    "name": "часть 1 пункта 6 статьи 287",
}
DUTY = {
    "graphId": "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1__document_2",
    "type": "DocumentRequirement",
    "kind": "requirement",
    "name": "документ об уплате государственной пошлины",
}
REGULATION = {
    "graphId": "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1",
    "type": "Regulation",
    "kind": "regulation",
    "name": "Регламент административной процедуры по подпункту 15.4.1",
}
PROCEDURE = {
    "graphId": "procedure/15.4.1",
    "type": "Procedure",
    "kind": "procedure",
    "name": "15.4.1 Получение специального разрешения",
}


def step(
    source: dict[str, Any],
    target: dict[str, Any],
    relation: str,
    reversed_: bool,
    text: str | None = None,
) -> dict[str, Any]:
    return {
        "source": source,
        "target": target,
        "relation": relation,
        "reversed": reversed_,
        "text": text,
    }


IMPACT: dict[str, Any] = {
    "of": ["by/code/tax#art_287"],
    "asOf": "2024-01-01",
    "depth": 3,
    "notFound": [],
    "truncated": False,
    "listedAll": True,
    "changed": [ART, PART],
    "totalCount": 3,
    "counts": [
        {"kind": "procedure", "total": 1},
        {"kind": "regulation", "total": 1},
        {"kind": "requirement", "total": 1},
    ],
    "groups": [
        {"distance": 1, "totalCount": 1, "counts": [{"kind": "requirement", "total": 1}]},
        {"distance": 2, "totalCount": 1, "counts": [{"kind": "regulation", "total": 1}]},
        {"distance": 3, "totalCount": 1, "counts": [{"kind": "procedure", "total": 1}]},
    ],
    "procedures": {
        "totalCount": 1,
        "nodes": [
            {
                "node": PROCEDURE,
                "distance": 3,
                "mode": "PART",
                "path": [
                    step(PART, DUTY, "CITES", True, "частях первой–третьей пункта 6 статьи 287"),
                    step(DUTY, REGULATION, "REQUIRES", True),
                    step(REGULATION, PROCEDURE, "REGULATES", False),
                ],
            }
        ],
    },
}


def test_each_edge_reads_in_the_direction_the_graph_states_it() -> None:
    path = IMPACT["procedures"]["nodes"][0]["path"]
    assert impact_view.step_sentence(path[0]) == (
        "документ об уплате государственной пошлины ссылается на часть 1 пункта 6 статьи 287"
        " Налогового кодекса Республики Беларусь"
    )
    assert impact_view.step_sentence(path[1]) == (
        "Регламент административной процедуры по подпункту 15.4.1 требует"
        " документ об уплате государственной пошлины"
    )
    assert impact_view.step_sentence(path[2]) == (
        "Регламент административной процедуры по подпункту 15.4.1 регулирует"
        " 15.4.1 Получение специального разрешения"
    )


def test_the_chain_is_one_tree_from_the_changed_unit_to_the_procedure() -> None:
    (root,) = impact_view.chain_tree(IMPACT)
    assert root.node["graphId"] == PART["graphId"]
    (duty,) = root.children
    (regulation,) = duty.children
    (procedure,) = regulation.children
    assert procedure.node["graphId"] == "procedure/15.4.1"
    assert procedure.distance == 3
    assert duty.quoted == "частях первой–третьей пункта 6 статьи 287"
    assert links.node(procedure.node["graphId"], procedure.node["type"]) == "/procedure/15.4.1"
    assert links.node(duty.node["graphId"], duty.node["type"]) == "/procedure/15.4.1"


def test_the_memo_is_in_russian_with_counts_and_chains() -> None:
    memo = impact_view.memo_markdown(IMPACT)
    assert memo.startswith("# Последствия изменения норм\n")
    assert (
        "На дату 1 января 2024 г., связи прослежены на глубину 3. Затронуто элементов: 3." in memo
    )
    assert "| вид | непосредственно | через 1 звено | через 2 звена | всего |" in memo
    assert "| Административные процедуры | 0 | 0 | 1 | 1 |" in memo
    assert "- **15.4.1 Получение специального разрешения** — через 2 звена" in memo
    assert (
        "  - документ об уплате государственной пошлины ссылается на часть 1 пункта 6 статьи 287"
        " Налогового кодекса Республики Беларусь («частях первой–третьей пункта 6 статьи 287»)"
    ) in memo


def test_a_change_nothing_depends_on_says_so() -> None:
    empty = {
        **IMPACT,
        "totalCount": 0,
        "counts": [],
        "groups": [],
        "procedures": {"totalCount": 0, "nodes": []},
    }
    memo = impact_view.memo_markdown(empty)
    assert "Ничто в графе не зависит от этих норм на эту дату." in memo
    assert impact_view.chain_tree(empty) == []


def test_a_unit_is_named_in_full_from_its_id() -> None:
    assert impact_view.provision_name("by/code/tax#art_287__point_6__part_1") == (
        "часть 1 пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )
    # What the id tells of a law: its kind and date; its number is written as the id spells it
    # nowhere, so it is left out rather than guessed.
    assert impact_view.provision_name("by/law/2008-10-28/433-z#art_29") == (
        "статья 29 Закона Республики Беларусь от 28 октября 2008 г."
    )
    assert impact_view.provision_name("by/resolution/mvd/2023-05-19/102#regulation_x") is None


def test_addresses_of_pages() -> None:
    assert (
        links.provision("by/code/tax#art_287__point_6") == "/provision/by/code/tax/art_287__point_6"
    )
    assert links.provision_id("by/code/tax/art_287__point_6") == "by/code/tax#art_287__point_6"
    assert links.provision_id("by/code/tax#art_287") == "by/code/tax#art_287"
    assert links.source("source/004.txt", 10, 12) == "/source/004.txt?lines=10-12#L10"
    assert links.node("by/law/2008-10-28/433-z", "LegalAct") == "/act/by/law/2008-10-28/433-z"
    assert links.node("registry/register_naseleniya", "Registry") is None


def test_the_command_lines_report_gives_the_same_russian_memo() -> None:
    import datetime as dt

    from lexgraph.graph.impact import Affected, ImpactReport, Mode, Node, Rule, Step
    from lexgraph.impact_report import report_markdown_ru

    def as_node(n: dict[str, Any]) -> Node:
        return Node(n["graphId"], n["type"], n["name"])

    part, duty, regulation, procedure = map(as_node, (PART, DUTY, REGULATION, PROCEDURE))
    path = (
        Step(
            part, duty, "CITES", Rule.REFERENCE, True, "частях первой–третьей пункта 6 статьи 287"
        ),
        Step(duty, regulation, "REQUIRES", Rule.CONTAINER, True, None),
        Step(regulation, procedure, "REGULATES", Rule.REGULATES, False, None),
    )
    report = ImpactReport(
        of=("by/code/tax#art_287",),
        as_of=dt.date(2024, 1, 1),
        depth=3,
        changed=(as_node(ART), part),
        affected=(
            Affected(duty, 1, Mode.PART, path[:1]),
            Affected(regulation, 2, Mode.PART, path[:2]),
            Affected(procedure, 3, Mode.PART, path),
        ),
        totals=((1, "requirement", 1), (2, "regulation", 1), (3, "procedure", 1)),
    )
    assert report_markdown_ru(report) == impact_view.memo_markdown(IMPACT)
