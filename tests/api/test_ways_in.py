"""Ways in without graph ids: a procedure's number, a reference as written, an act's name, on the
explore page's look-up (`neighbourhood`) and on `lexgraph impact`, over the sample corpus.

Seed 004 cites «частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики
Беларусь» (line 1066 and others), names Law No. 225-З «О внешней трудовой миграции» (line 184) and
Law No. 213-З «О лицензировании», and Council of Ministers resolution No. 154 of 27 February 2023,
titled «О лицензировании» too (line 192).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncDriver
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.config import project_root
from tests.api.conftest import Run

NEIGHBOURHOOD = (project_root() / "queries" / "neighbourhood.graphql").read_text(encoding="utf-8")
LAW_213 = "by/law/2022-10-14/213-z"
RESOLUTION_154 = "by/cm_resolution/2023-02-27/154"
runner = CliRunner()


async def centre(run: Run, id: str) -> Any:
    answer = await run(NEIGHBOURHOOD, id=id, depth=0)
    return answer.errors or answer.data["neighbourhood"]["center"]["graphId"]


@pytest.mark.parametrize(
    ("typed", "graph_id"),
    [
        ("procedure/15.4.1", "procedure/15.4.1"),
        ("15.4.1", "procedure/15.4.1"),
        (" 10.7.1 ", "procedure/10.7.1"),
        ("ст. 287 НК", "by/code/tax#art_287"),
        ("пункт 6 статьи 287 Налогового кодекса", "by/code/tax#art_287__point_6"),
        ("Налоговый кодекс", "by/code/tax"),
        ("НК", "by/code/tax"),
        ("Закон о лицензировании", LAW_213),
        ("Закон Республики Беларусь «О внешней трудовой миграции»", "by/law/2010-12-30/225-z"),
    ],
)
async def test_the_explore_look_up_takes_numbers_references_and_names(
    corpus: AsyncDriver, run: Run, typed: str, graph_id: str
) -> None:
    assert await centre(run, typed) == graph_id


async def test_a_name_two_acts_share_is_refused_with_both(corpus: AsyncDriver, run: Run) -> None:
    assert await centre(run, "О лицензировании") == [
        f"'О лицензировании' names 2 nodes: {RESOLUTION_154}, {LAW_213}; ask for one by its"
        " graph id"
    ]


async def test_what_names_nothing_is_still_not_found(corpus: AsyncDriver, run: Run) -> None:
    assert await centre(run, "99.99.9") == ["no node with id '99.99.9'"]
    assert await centre(run, "Закон о пчеловодстве") == ["no node with id 'Закон о пчеловодстве'"]


def impact_json(neo4j_uri: str, tmp_path: Path, *args: str) -> dict[str, Any]:
    report = tmp_path / "impact.json"
    result = runner.invoke(
        app,
        ["impact", *args, "--depth", "3", "--format", "json", "--output", str(report)],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return found


def test_impact_takes_a_reference_as_written(
    corpus: AsyncDriver, neo4j_uri: str, tmp_path: Path
) -> None:
    by_id = impact_json(neo4j_uri, tmp_path, "--provision", "by/code/tax#art_287")
    for typed in ("статья 287 Налогового кодекса", "ст. 287 НК", "ст. 287 НК РБ"):
        by_words = impact_json(neo4j_uri, tmp_path, "--provision", typed)
        assert by_words["of"] == ["by/code/tax#art_287"]
        assert by_words["groups"] == by_id["groups"]


def test_impact_refuses_a_name_two_acts_share(corpus: AsyncDriver, neo4j_uri: str) -> None:
    result = runner.invoke(
        app, ["impact", "--act", "О лицензировании"], env={"NEO4J_URI": neo4j_uri}
    )
    assert result.exit_code == 1
    said = " ".join(result.output.split())  # the console wraps long lines
    assert f"'О лицензировании' names 2 acts: {RESOLUTION_154}, {LAW_213};" in said


async def test_the_api_impact_takes_references_and_names(corpus: AsyncDriver, run: Run) -> None:
    query = """query ($of: [String!]!) { impact(of: $of, asOf: "2024-01-01") {
                 of notFound counts { kind total } } }"""
    by_id = await run(query, of=["by/code/tax#art_287"])
    by_words = await run(query, of=["ст. 287 НК"])
    assert by_words.errors == []
    assert by_words.data["impact"] == by_id.data["impact"]
    assert by_words.data["impact"]["of"] == ["by/code/tax#art_287"]
    law = await run(query, of=["Закон о лицензировании"])
    assert law.data["impact"]["of"] == [LAW_213]
    both = await run(query, of=["О лицензировании"])
    assert both.errors == [
        f"'О лицензировании' names 2 acts: {RESOLUTION_154}, {LAW_213}; name one by its id"
    ]
    nothing = await run(query, of=["статья 999 Закона о пчеловодстве"])
    assert nothing.errors == []
    assert nothing.data["impact"]["notFound"] == ["статья 999 Закона о пчеловодстве"]
