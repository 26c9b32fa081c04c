"""Search over the imported sample corpus, as a legal researcher types: a table of queries and
what the seed texts say they must find.

Seed 004 (MVD resolution No. 102) approves eight regulations, in this order: 10.7.1 (line 69),
15.2.1 (173), 15.2.2 (355), 15.2.3 (549), 15.21.1 (685), 15.21.2 (849), 15.4.1 (1019), 15.4.2
(1384). Four table cells say «требуется легализация документов (проставление апостиля)» (lines
124, 302, 494, 624: in 10.7.1, 15.2.1, 15.2.2 and 15.2.3); the four other lines with «апостиля» are
the column's heading. Six regulations charge «государственная пошлина» (point 4 at lines 340, 530,
834, 1000, 1112, 1463: 15.2.1, 15.2.2, 15.21.1, 15.21.2, 15.4.1, 15.4.2).
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from tests.api.conftest import Run

SEARCH = """query ($text: String!, $first: Int = 20, $types: [String!]) {
  search(text: $text, first: $first, types: $types) {
    score match type kind graphId title foundIn procedures snippet } }"""

APOSTILLE = ["10.7.1", "15.2.1", "15.2.2", "15.2.3"]
DUTY = ["15.2.1", "15.2.2", "15.21.1", "15.21.2", "15.4.1", "15.4.2"]
TAX_CODE = "by/code/tax"


async def hits(run: Run, text: str, **variables: Any) -> list[dict[str, Any]]:
    answer = await run(SEARCH, text=text, **variables)
    assert answer.errors == []
    found: list[dict[str, Any]] = answer.data["search"]
    return found


@pytest.mark.parametrize("text", ["апостиль", "легализация", "апостиля", "легализации"])
async def test_apostille_finds_the_documents_whose_cell_requires_it(
    corpus: AsyncDriver, run: Run, text: str
) -> None:
    found = await hits(run, text)
    assert sorted(p for h in found for p in h["procedures"]) == APOSTILLE
    for hit in found:
        assert hit["type"] == "DocumentRequirement"
        assert hit["kind"] == "документ, представляемый заинтересованным лицом"
        assert hit["match"] == "WORDS"
        assert "sourceText" in hit["foundIn"]  # the apostille cell is a cell of the row
        assert "легализация документов (проставление апостиля)" in hit["snippet"]


@pytest.mark.parametrize("text", ["Налоговый кодекс", "НК", "налогового кодекса"])
async def test_the_tax_code_by_its_name_or_abbreviation(
    corpus: AsyncDriver, run: Run, text: str
) -> None:
    first, *rest = await hits(run, text)
    assert first["graphId"] == TAX_CODE
    assert first["title"] == "Налоговый кодекс Республики Беларусь"
    assert first["match"] == "CITATION"
    assert first["score"] is None
    # Then the duty documents, whose requirement cites «… статьи 287 Налогового кодекса …».
    duty = [h for h in rest if h["graphId"].endswith("__document_2")]
    assert sorted(p for h in duty for p in h["procedures"]) == sorted(DUTY)
    assert all("requirements" in h["foundIn"] for h in duty)


@pytest.mark.parametrize("text", ["госпошлина", "государственная пошлина", "госпошлины"])
async def test_state_duty_finds_the_fees(corpus: AsyncDriver, run: Run, text: str) -> None:
    fees = await hits(run, text, types=["Fee"])
    assert sorted(p for h in fees for p in h["procedures"]) == sorted(DUTY)
    assert {h["kind"] for h in fees} == {"плата за процедуру"}
    assert all("государственная пошлина в размере" in h["snippet"] for h in fees)


async def test_a_procedure_number_finds_the_procedure_first(corpus: AsyncDriver, run: Run) -> None:
    first, *rest = await hits(run, "15.4.1")
    assert (first["graphId"], first["match"], first["foundIn"]) == (
        "procedure/15.4.1",
        "NUMBER",
        ["number"],
    )
    # Line 1020: «… по подпункту 15.4.1 «Получение специального разрешения на право занятия
    # трудовой деятельностью в Республике Беларусь»».
    assert first["title"] == (
        "Получение специального разрешения на право занятия трудовой деятельностью в Республике"
        " Беларусь"
    )
    assert "procedure/15.4.1" not in [h["graphId"] for h in rest]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ст. 287 НК", f"{TAX_CODE}#art_287"),
        ("статья 287 Налогового кодекса", f"{TAX_CODE}#art_287"),
        ("п. 6 ст. 287 НК РБ", f"{TAX_CODE}#art_287__point_6"),
        ("Закон о лицензировании", "by/law/2022-10-14/213-z"),
    ],
)
async def test_a_citation_as_written_finds_what_it_names_first(
    corpus: AsyncDriver, run: Run, text: str, expected: str
) -> None:
    first, *_ = await hits(run, text)
    assert (first["graphId"], first["match"]) == (expected, "CITATION")


async def test_a_title_two_acts_share_finds_both(corpus: AsyncDriver, run: Run) -> None:
    # «О лицензировании» is the title of Law No. 213-З and of Council of Ministers resolution
    # No. 154: both come, none chosen.
    found = await hits(run, "О лицензировании")
    exact = [h["graphId"] for h in found if h["match"] == "CITATION"]
    assert exact == ["by/cm_resolution/2023-02-27/154", "by/law/2022-10-14/213-z"]


async def test_several_words_must_all_be_found(corpus: AsyncDriver, run: Run) -> None:
    # The duty documents of the licences (15.2.x, 15.21.x) say «лицензии»; those of the special
    # permits (15.4.1 line 1064, 15.4.2 line 1425) do not, though they say «пошлины».
    found = await hits(run, "пошлины лицензии", types=["DocumentRequirement"])
    assert sorted(p for h in found for p in h["procedures"]) == [
        "15.2.2",
        "15.21.2",
    ]
    alone = await hits(run, "пошлины", types=["DocumentRequirement"])
    assert {"15.4.1", "15.4.2"} <= {p for h in alone for p in h["procedures"]}


async def test_quoted_words_are_a_phrase(corpus: AsyncDriver, run: Run) -> None:
    # «специального разрешения» side by side: 15.4.1 and 15.4.2 only; the words apart are not
    # enough.
    found = await hits(run, '"специального разрешения"', types=["IssuedDocument"])
    assert sorted(p for h in found for p in h["procedures"]) == ["15.4.1", "15.4.2"]
    none = await hits(run, '"разрешения специального"', types=["IssuedDocument"])
    assert none == []


async def test_a_procedure_found_by_its_title_names_itself(corpus: AsyncDriver, run: Run) -> None:
    # Line 70: 10.7.1 «Согласование приглашения иностранного гражданина или лица без гражданства
    # на обучение».
    found = await hits(run, "согласование приглашения на обучение", types=["Procedure"])
    assert [(h["graphId"], h["procedures"], h["foundIn"]) for h in found] == [
        ("procedure/10.7.1", ["10.7.1"], ["title"])
    ]
