"""Every named document in queries/ runs against the sample graph and answers without errors."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver
from strawberry import relay

from lexgraph.config import project_root
from tests.api.conftest import Run
from tests.api.sample_graph import DUTY_REFERENCE, PARTS, TAX_CODE

QUERIES = sorted((project_root() / "queries").glob("*.graphql"))
TEXTS = {path.stem: path.read_text() for path in QUERIES}

VARIABLES: dict[str, dict[str, Any]] = {
    "procedure-details": {"number": "15.4.1"},
    "what-cites-act": {"act": TAX_CODE},
    "legal-act": {"act": TAX_CODE},
    "search": {"text": "специальное разрешение"},
    "resolve-citations": {"text": "в " + DUTY_REFERENCE},
    "act-editions": {"act": "by/resolution/mvd/2023-05-19/102"},
    "procedure-card": {"number": "15.4.1"},
    "act-page": {"act": "by/resolution/mvd/2023-05-19/102"},
    "provision-page": {"id": "by/code/tax#art_287__point_6__part_1"},
    "source-document": {"id": relay.to_base64("SourceDocument", "source/004_85fdc72f4cf61fef.txt")},
    "impact-page": {"of": ["by/code/tax#art_287"]},
    "what-changed-between-two-days": {
        "of": "source/004_85fdc72f4cf61fef.txt",
        "from": "2023-06-15",
        "to": "2023-07-01",
    },
}


def test_every_document_says_what_it_answers() -> None:
    assert QUERIES
    for name, text in TEXTS.items():
        assert text.startswith("# "), f"{name}.graphql: start with a `#` comment"


@pytest.mark.parametrize("name", sorted(TEXTS))
async def test_the_document_answers(name: str, sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(TEXTS[name], **VARIABLES.get(name, {}))
    assert answer.errors == []
    assert answer.data
    assert all(value is not None for value in answer.data.values())


async def test_art_287_is_needed_by_15_4_1_and_15_4_2(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(TEXTS["procedures-depending-on-art-287-tax-code"])
    found = answer.data["procedures"]
    assert found["totalCount"] == 2
    assert [p["number"] for p in found["nodes"]] == ["15.4.1", "15.4.2"]
    for procedure in found["nodes"]:
        explained = procedure["citationsOf"]
        assert [c["cited"]["graphId"] for c in explained] == PARTS
        assert {c["text"] for c in explained} == {DUTY_REFERENCE}
        assert {c["citing"]["__typename"] for c in explained} == {"DocumentRequirement"}


async def test_apostille_is_required_only_by_10_7_1(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(TEXTS["procedures-requiring-apostille"])
    assert [p["number"] for p in answer.data["procedures"]["nodes"]] == ["10.7.1"]


async def test_an_act_by_its_id(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(TEXTS["legal-act"], act=TAX_CODE)
    act = answer.data["legalAct"]
    assert (act["graphId"], act["kind"]) == (TAX_CODE, "CODE")
    assert all(unit["graphId"].startswith(TAX_CODE + "#") for unit in act["children"])


async def test_what_cites_the_tax_code(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run(TEXTS["what-cites-act"], act=TAX_CODE)
    cited_by = answer.data["legalAct"]["citedBy"]
    assert cited_by["totalCount"] == len(cited_by["nodes"])
    assert cited_by["pageInfo"]["hasNextPage"] is False
    by_procedure: dict[str, set[str]] = {}
    for citation in cited_by["nodes"]:
        by_procedure.setdefault(citation["procedure"]["number"], set()).add(
            citation["cited"]["graphId"]
        )
    # The duty document of each 15.x procedure cites the three parts; each benefit cites 10.29.
    assert by_procedure == {
        "15.4.1": {*PARTS, f"{TAX_CODE}#art_285__point_10__subpoint_10.29"},
        "15.4.2": {*PARTS, f"{TAX_CODE}#art_285__point_10__subpoint_10.29"},
    }


async def test_impact_of_art_287_counts_all_and_lists_a_first_page(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(TEXTS["impact-art-287-tax-code"])
    impact = answer.data["impact"]
    procedures = impact["procedures"]
    assert [p["node"]["graphId"] for p in procedures["nodes"]] == [
        "procedure/15.4.1",
        "procedure/15.4.2",
    ]
    assert (procedures["totalCount"], procedures["pageInfo"]["hasNextPage"]) == (2, False)
    assert {"kind": "PROCEDURE", "total": 2} in impact["counts"]
    assert impact["totalCount"] == sum(c["total"] for c in impact["counts"])
    assert impact["totalCount"] == sum(g["totalCount"] for g in impact["groups"])
    for group in impact["groups"]:
        assert len(group["affected"]["nodes"]) == min(50, group["totalCount"])
