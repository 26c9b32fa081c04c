"""`lexgraph amend`: an amending act read, applied to the text in force, shown; with --apply,
imported as the next edition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import AsyncDriver, GraphDatabase
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.config import Settings
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.conftest import WIPE_DATA

SAMPLE = str(sample_corpus_dir() / "004_85fdc72f4cf61fef.txt")
FIXTURES = Path(__file__).parent / "importers" / "fixtures" / "amending"
FEE_15_4_1 = "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1__fee"
runner = CliRunner()


def test_a_dry_run_lists_every_effect_and_the_facts_it_changes() -> None:
    result = runner.invoke(
        app,
        ["amend", str(FIXTURES / "mvd_2024_035.txt"), "--text", SAMPLE, "--offline", "--json"],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["amendment"]["amends"] == "by/resolution/mvd/2023-05-19/102"
    assert payload["amendment"]["effective"] == "2024-03-01"
    effects = payload["effects"]
    assert len(effects) == 29
    assert sum(e["applied"] for e in effects) == 22
    fee = next(e for e in effects if e["source"] == "1.2 абз. 2")
    assert fee["target"]["regulation"] == "15.4.1"
    assert (fee["old"], fee["new"], fee["applied"]) == (
        "5 базовых величин",
        "7 базовых величин",
        True,
    )
    changed = {c["id"]: c for c in payload["diff"]["changed"]}
    assert FEE_15_4_1 in changed
    assert payload["applied"] is None


def test_the_markdown_report_says_why_an_instruction_is_refused() -> None:
    result = runner.invoke(
        app, ["amend", str(FIXTURES / "mvd_2024_118.txt"), "--text", SAMPLE, "--offline"]
    )
    assert result.exit_code == 0, result.output
    assert "| 1.4 абз. 1 | replace_words |" in result.output
    assert "refused: no regulation of procedure 15.9.9 in the text" in result.output


def test_apply_needs_the_graph() -> None:
    result = runner.invoke(
        app,
        ["amend", str(FIXTURES / "mvd_2024_040.txt"), "--text", SAMPLE, "--offline", "--apply"],
    )
    assert result.exit_code != 0


@pytest.fixture
async def sample(driver: AsyncDriver, settings: Settings) -> None:
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run(WIPE_DATA)).consume()
    await import_paths(driver, settings.neo4j_database, [Path(SAMPLE)])


@pytest.mark.usefixtures("sample")
def test_apply_imports_the_next_edition_from_the_act_s_day(
    neo4j_uri: str, settings: Settings
) -> None:
    result = runner.invoke(
        app,
        ["amend", str(FIXTURES / "mvd_2024_040.txt"), "--text", SAMPLE, "--apply"],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 0, result.output
    assert "Applied: version `source/004_85fdc72f4cf61fef.txt@" in result.output
    with (
        GraphDatabase.driver(neo4j_uri) as sync,
        sync.session(database=settings.neo4j_database) as session,
    ):
        rows = session.run(
            "MATCH (f:Fee) WHERE f.id STARTS WITH $id "
            "RETURN f.amountBaseUnits AS amount, toString(f.validFrom) AS since, "
            "toString(f.validTo) AS until ORDER BY amount",
            id=FEE_15_4_1,
        ).data()
    # the old fee holds until the amending act takes effect (1 April 2024), the new one from it
    assert rows == [
        {"amount": 5.0, "since": None, "until": "2024-04-01"},
        {"amount": 7.0, "since": "2024-04-01", "until": None},
    ]
