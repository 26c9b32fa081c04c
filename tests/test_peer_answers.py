"""Bringing LexGraph's and the peer's answers to one form (`bench.peer_answers`): what is only
spelling is taken away, what is a fact stays and is compared."""

from __future__ import annotations

import base64

from bench.peer_answers import compare, lexgraph_facts, peer_facts

REGULATION_ID = "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1"
DUTY_DOCUMENT = REGULATION_ID + "__document_2"


def relay(kind: str, stored: str) -> str:
    return base64.b64encode(f"{kind}:{stored}".encode()).decode()


def test_lexgraph_relay_ids_become_the_stored_ids() -> None:
    answer = {"procedure": {"id": relay("Procedure", "procedure/15.4.1"), "number": "15.4.1"}}
    assert lexgraph_facts(answer) == {"procedure": {"id": "procedure/15.4.1", "number": "15.4.1"}}


def test_a_graph_id_that_happens_to_be_base64_stays_as_it_is() -> None:
    assert lexgraph_facts({"id": "abcd"}) == {"id": "abcd"}


def test_the_peer_to_one_lists_enums_and_absent_lists_take_lexgraph_shape() -> None:
    peer = {
        "procedure": [
            {
                "number": "15.4.1",
                "subjects": None,
                "regulation": [{"documents": [{"position": 2, "apostille": "not_required"}]}],
                "listedIn": [],
            }
        ]
    }
    assert peer_facts(peer) == {
        "procedure": {
            "number": "15.4.1",
            "subjects": [],
            "regulation": {"documents": [{"position": 2, "apostille": "NOT_REQUIRED"}]},
            "listedIn": None,
        }
    }


def test_two_regulations_where_lexgraph_reads_one_are_a_difference() -> None:
    lexgraph = {"data": {"procedure": {"regulation": {"title": "Регламент 15.4.1"}}}}
    peer = {"data": {"procedure": [{"regulation": [{"title": "A"}, {"title": "B"}]}]}}
    assert compare("procedure-details", lexgraph, peer) != []


def test_a_citation_edge_becomes_lexgraph_citation_in_reading_order() -> None:
    """The duty document of 15.4.1 cites parts 1–3 of point 6 of Art. 287 in one reference: three
    edges at the same place, which LexGraph orders by the unit cited."""
    reference = "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"

    def edge(part: int) -> dict[str, object]:
        return {
            "properties": {
                "text": reference, "field": "requirements", "charStart": 45, "charEnd": 126,
                "sourceDocument": "source/004_85fdc72f4cf61fef.txt", "lineStart": 1066,
                "lineEnd": 1066, "sourceText": "…",
            },
            "node": {"__typename": "Provision", "id": f"by/code/tax#art_287__point_6__part_{part}"},
        }  # fmt: skip

    peer = {"documents": [{"id": DUTY_DOCUMENT, "citations": {"edges": [edge(3), edge(1)]}}]}
    shaped = peer_facts(peer)["documents"][0]["citations"]
    assert [c["cited"]["id"] for c in shaped] == [
        "by/code/tax#art_287__point_6__part_1",
        "by/code/tax#art_287__point_6__part_3",
    ]
    assert shaped[0]["provenance"] == {
        "documentId": "source/004_85fdc72f4cf61fef.txt",
        "lineStart": 1066,
        "lineEnd": 1066,
        "text": "…",
    }
    assert shaped[0]["text"] == reference


def test_an_error_on_either_side_is_a_difference() -> None:
    lexgraph = {"data": None, "errors": [{"message": "the request took longer than 15 s"}]}
    assert compare("legal-act", lexgraph, {"data": {"legalAct": []}}) == [
        "LexGraph error: the request took longer than 15 s"
    ]


def test_the_same_act_page_is_no_difference() -> None:
    lexgraph = {"data": {"legalAct": {"graphId": "by/code/tax", "basedOn": [], "children": []}}}
    peer = {
        "data": {"legalAct": [{"graphId": "by/code/tax", "basedOn": {"edges": []}, "children": []}]}
    }
    assert compare("legal-act", lexgraph, peer) == []
