"""The named documents answer from the imported sample corpus as its texts say.

Seed 004 (MVD resolution No. 102): the state-duty document of 15.4.1 and of 15.4.2 «должен
соответствовать требованиям, определенным в частях первой–третьей пункта 6 статьи 287 Налогового
кодекса Республики Беларусь» (lines 1066 and 1427), as do the duty documents of four more
procedures of the same resolution.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.config import project_root
from lexgraph.importing import sample_corpus_dir
from tests.api.conftest import Run

QUERIES = {p.stem: p.read_text() for p in (project_root() / "queries").glob("*.graphql")}
# The source separates words with no-break spaces where the citation keeps plain ones.
CORPUS_TEXT = [
    line.replace("\xa0", " ")
    for line in (sample_corpus_dir() / "004_85fdc72f4cf61fef.txt").read_text().splitlines()
]
PARTS = [f"by/code/tax#art_287__point_6__part_{n}" for n in (1, 2, 3)]
DUTY = "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"


def duty_citations(procedure: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        c
        for document in procedure["regulation"]["documents"]
        for c in document["citations"]
        if c["text"] == DUTY
    ]


@pytest.mark.parametrize("number", ["15.4.1", "15.4.2"])
async def test_the_duty_document_cites_parts_1_to_3(
    corpus: AsyncDriver, run: Run, number: str
) -> None:
    answer = await run(QUERIES["procedure-details"], number=number)
    assert answer.errors == []
    citations = duty_citations(answer.data["procedure"])
    assert [c["cited"]["graphId"] for c in citations] == PARTS
    for citation in citations:
        # The provenance points at the very line of the source text that says it.
        source = citation["provenance"]
        lines = CORPUS_TEXT[source["lineStart"] - 1 : source["lineEnd"]]
        assert any(DUTY in line for line in lines)


async def test_procedures_depending_on_art_287(corpus: AsyncDriver, run: Run) -> None:
    answer = await run(QUERIES["procedures-depending-on-art-287-tax-code"])
    assert answer.errors == []
    numbers = [p["number"] for p in answer.data["procedures"]["nodes"]]
    assert {"15.4.1", "15.4.2"} <= set(numbers)
    assert answer.data["procedures"]["totalCount"] == len(numbers) == 6
    for procedure in answer.data["procedures"]["nodes"]:
        explained = procedure["citationsOf"]
        assert {c["cited"]["graphId"] for c in explained} == set(PARTS)
        assert {c["text"] for c in explained} == {DUTY}


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_every_named_document_answers_from_the_corpus(
    corpus: AsyncDriver, run: Run, name: str
) -> None:
    from tests.api.test_named_queries import VARIABLES

    answer = await run(QUERIES[name], **VARIABLES.get(name, {}))
    assert answer.errors == []
    assert all(value is not None for value in answer.data.values())


async def test_the_portal_and_the_regulation_disagree_on_15_4_1(
    corpus: AsyncDriver, run: Run
) -> None:
    # Seed 000 says applications go through the portal from 2018; the regulation lists no
    # electronic form for any document of 15.4.1. Both claims stay, side by side.
    answer = await run(QUERIES["procedure-details"], number="15.4.1")
    assert answer.data["procedure"]["electronicAvailability"] == {
        "byRegulation": False,
        "byPortal": True,
        "conflict": True,
    }
