"""The home page's results grouped as a reader looks for them. The hits are written by hand as
the search answers (`queries/search.graphql`), with facts of seed 004: the apostille is required
in the regulations of 10.7.1 and 15.2.1; 15.4.1 is the special permit for work."""

from __future__ import annotations

from typing import Any

from lexgraph.pages.results import Found, ProcedureFound, group_hits

REGULATION = "by/resolution/mvd/2023-05-19/102#procedure_regulation_"


def hit(match: str, type_: str, graph_id: str, title: str, *procedures: str) -> dict[str, Any]:
    return {
        "match": match,
        "type": type_,
        "kind": type_,
        "graphId": graph_id,
        "title": title,
        "procedures": list(procedures),
        "snippet": None,
    }


def test_words_found_in_documents_lead_to_the_cards_of_their_procedures() -> None:
    groups = group_hits(
        [
            hit(
                "WORDS", "DocumentRequirement", f"{REGULATION}15.2.1__document_9", "копии", "15.2.1"
            ),
            hit("WORDS", "PortalFact", "source/000.txt__electronic_availability_3", "выдача"),
            hit(
                "WORDS",
                "DocumentRequirement",
                f"{REGULATION}10.7.1__document_3",
                "статус",
                "10.7.1",
            ),
        ]
    )
    assert [g.name for g in groups] == ["Административные процедуры", "Другое"]
    cards = groups[0].items
    assert [(c.number, c.href) for c in cards if isinstance(c, ProcedureFound)] == [
        ("15.2.1", "/procedure/15.2.1"),
        ("10.7.1", "/procedure/10.7.1"),
    ]
    first = cards[0]
    assert isinstance(first, ProcedureFound)
    assert [f.title for f in first.facts] == ["копии"]


def test_a_procedure_found_itself_and_through_its_card_is_listed_once_with_its_title() -> None:
    groups = group_hits(
        [
            hit(
                "NUMBER",
                "Procedure",
                "procedure/15.4.1",
                "Получение специального разрешения",
                "15.4.1",
            ),
            hit("WORDS", "Regulation", f"{REGULATION}15.4.1", "Регламент", "15.4.1"),
        ]
    )
    (procedures,) = groups
    (card,) = procedures.items
    assert isinstance(card, ProcedureFound)
    assert (card.number, card.title, card.exact) == (
        "15.4.1",
        "Получение специального разрешения",
        True,
    )
    assert [f.title for f in card.facts] == ["Регламент"]


def test_what_the_text_names_exactly_comes_first_whatever_its_kind() -> None:
    groups = group_hits(
        [
            hit("CITATION", "Provision", "by/code/tax#art_287", "статья 287"),
            hit(
                "WORDS",
                "Procedure",
                "procedure/15.4.1",
                "Получение специального разрешения",
                "15.4.1",
            ),
        ]
    )
    assert [g.name for g in groups] == ["Структурные единицы актов", "Административные процедуры"]
    assert groups[0].items == [
        Found("Provision", "статья 287", "/provision/by/code/tax/art_287", None, exact=True)
    ]


def test_two_acts_named_are_both_shown_in_the_order_named() -> None:
    groups = group_hits(
        [
            hit("CITATION", "LegalAct", "by/code/tax", "Налоговый кодекс Республики Беларусь"),
            hit("CITATION", "LegalAct", "by/law/2022-10-14/213-z", "О лицензировании"),
        ]
    )
    (acts,) = groups
    assert acts.name == "Акты"
    assert [i.href for i in acts.items if isinstance(i, Found)] == [
        "/act/by/code/tax",
        "/act/by/law/2022-10-14/213-z",
    ]


def test_no_hits_no_groups() -> None:
    assert group_hits([]) == []
