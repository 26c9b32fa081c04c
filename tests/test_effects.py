"""Effects in the graph: `lexgraph amend --apply` writes each instruction of the amending act as
an `Effect` with the edition it produces, the changed facts point to it, and applying the same act
again changes nothing. Expected values are read from the acts: resolution No. 40 of 26 February
2024 (fixtures/amending/mvd_2024_040.txt) against resolution No. 102 (the sample's 004)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncDriver, GraphDatabase
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.config import Settings
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.conftest import WIPE_DATA

SAMPLE = str(sample_corpus_dir() / "004_85fdc72f4cf61fef.txt")
FIXTURES = Path(__file__).parent / "importers" / "fixtures" / "amending"
ACT_40 = "by/resolution/mvd/2024-02-26/40"
ACT_118 = "by/resolution/mvd/2024-06-03/118"
AMENDED = "by/resolution/mvd/2023-05-19/102"
REGULATION_15_4_1 = f"{AMENDED}#procedure_regulation_15.4.1"
runner = CliRunner()


@pytest.fixture
async def sample(driver: AsyncDriver, settings: Settings) -> None:
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run(WIPE_DATA)).consume()
    await import_paths(driver, settings.neo4j_database, [Path(SAMPLE)])


def _read(
    neo4j_uri: str, settings: Settings, query: str, **parameters: Any
) -> list[dict[str, Any]]:
    with (
        GraphDatabase.driver(neo4j_uri) as sync,
        sync.session(database=settings.neo4j_database) as session,
    ):
        return session.run(query, parameters).data()


def _amend(neo4j_uri: str, act: str, *flags: str) -> Any:
    return runner.invoke(
        app,
        ["amend", str(FIXTURES / act), "--text", SAMPLE, *flags],
        env={"NEO4J_URI": neo4j_uri},
    )


EFFECTS = """
MATCH (e:Effect {amendingActId: $act})
OPTIONAL MATCH (e)-[:MADE_BY]->(source)
OPTIONAL MATCH (e)-[:AFFECTS]->(amended:LegalAct)
RETURN e.position AS position, e.kind AS kind, e.source AS source, source.id AS madeBy,
       amended.id AS amends, e.targetProvisionId AS target, e.targetRow AS row,
       e.oldText AS old, e.newText AS new, toString(e.effectiveFrom) AS effective,
       e.applied AS applied, e.reason AS reason, e.edition STARTS WITH 'source/004' AS edition
ORDER BY position
"""


@pytest.mark.usefixtures("sample")
def test_apply_writes_each_instruction_as_an_effect_of_the_edition(
    neo4j_uri: str, settings: Settings
) -> None:
    result = _amend(neo4j_uri, "mvd_2024_040.txt", "--apply")
    assert result.exit_code == 0, result.output
    assert "Effects: 2 recorded, 2 applied in edition" in result.output
    effects = _read(neo4j_uri, settings, EFFECTS, act=ACT_40)
    # «1. Внести в Регламент … по подпункту 15.4.1 …: в пункте 4 слова «5 базовых величин»
    # заменить словами «7 базовых величин»; в подпункте 2.1 пункта 2 позицию «копия паспорта или
    # иного документа» исключить.» «2. … вступает в силу с 1 апреля 2024 г.»
    assert effects == [
        {
            "position": 1,
            "kind": "replace_words",
            "source": "1 абз. 2",
            "madeBy": f"{ACT_40}#point_1",
            "amends": AMENDED,
            "target": f"{REGULATION_15_4_1}__point_4",
            "row": None,
            "old": "5 базовых величин",
            "new": "7 базовых величин",
            "effective": "2024-04-01",
            "applied": True,
            "reason": None,
            "edition": True,
        },
        {
            "position": 2,
            "kind": "delete",
            "source": "1 абз. 3",
            "madeBy": f"{ACT_40}#point_1",
            "amends": AMENDED,
            "target": f"{REGULATION_15_4_1}__point_2__subpoint_2.1",
            "row": "копия паспорта или иного документа",
            "old": None,
            "new": None,
            "effective": "2024-04-01",
            "applied": True,
            "reason": None,
            "edition": True,
        },
    ]


CHANGED = """
MATCH (n)-[c:CHANGED_BY]->(e:Effect {amendingActId: $act})
RETURN labels(n)[0] AS label, coalesce(n.currentId, n.id) AS fact, c.role AS role,
       e.position AS effect, n.amountBaseUnits AS amount, n.name AS name
ORDER BY effect, label, fact
"""


@pytest.mark.usefixtures("sample")
def test_the_facts_the_edition_changes_point_to_the_instruction(
    neo4j_uri: str, settings: Settings
) -> None:
    assert _amend(neo4j_uri, "mvd_2024_040.txt", "--apply").exit_code == 0
    rows = _read(neo4j_uri, settings, CHANGED, act=ACT_40)
    fee = [r for r in rows if r["label"] == "Fee"]
    # the new fee (7 base units) is the replacement's; the passport copy's row the deletion's
    assert fee == [
        {
            "label": "Fee",
            "fact": f"{REGULATION_15_4_1}__fee",
            "role": "changed",
            "effect": 1,
            "amount": 7.0,
            "name": None,
        }
    ]
    removed = [r for r in rows if r["role"] == "removed"]
    assert [(r["label"], r["effect"]) for r in removed] == [("DocumentRequirement", 2)]
    assert removed[0]["name"].startswith("копия паспорта или иного документа")
    assert all(r["effect"] == 2 for r in rows if r["label"] == "DocumentRequirement")


@pytest.mark.usefixtures("sample")
def test_applying_the_same_act_again_changes_nothing_and_says_so(
    neo4j_uri: str, settings: Settings
) -> None:
    assert _amend(neo4j_uri, "mvd_2024_040.txt", "--apply").exit_code == 0
    count = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r"
    before = _read(neo4j_uri, settings, count)
    again = _amend(neo4j_uri, "mvd_2024_040.txt", "--apply")
    assert again.exit_code == 0, again.output
    assert "were applied before" in again.output
    assert _read(neo4j_uri, settings, count) == before


@pytest.mark.usefixtures("sample")
def test_a_dry_run_writes_no_effect(neo4j_uri: str, settings: Settings) -> None:
    assert _amend(neo4j_uri, "mvd_2024_040.txt", "--dry-run").exit_code == 0
    assert _read(neo4j_uri, settings, "MATCH (e:Effect) RETURN count(e) AS n") == [{"n": 0}]


@pytest.mark.usefixtures("sample")
def test_an_act_with_a_refused_instruction_is_recorded_unapplied_without_an_edition(
    neo4j_uri: str, settings: Settings
) -> None:
    result = _amend(neo4j_uri, "mvd_2024_118.txt", "--apply")
    assert result.exit_code == 1, result.output
    assert "Effects: 16 recorded, none applied" in result.output
    effects = _read(neo4j_uri, settings, EFFECTS, act=ACT_118)
    assert len(effects) == 16
    assert not any(e["applied"] for e in effects)
    # «1.4. в Регламенте … по подпункту 15.9.9 …» — the sample holds no such regulation
    missing = next(e for e in effects if e["source"] == "1.4 абз. 1")
    assert missing["reason"] == "no regulation of procedure 15.9.9 in the text"
    # «3. Признать утратившим силу постановление … № 18»: another act, never filed under No. 102
    [whole] = [e for e in effects if e["reason"] == "repeals a whole act"]
    assert (whole["kind"], whole["amends"], whole["target"]) == ("repeal", None, None)
    # an instruction that would apply says why it was not
    fee = next(e for e in effects if e["source"] == "1.1 абз. 3")
    assert fee["reason"].startswith("not applied: 5 other instruction(s) of the act are refused")
    versions = "MATCH (v:Version) RETURN count(v) AS n"
    assert _read(neo4j_uri, settings, versions) == [{"n": 1}]
    again = _amend(neo4j_uri, "mvd_2024_118.txt", "--apply")
    assert "were recorded before, none applied; nothing changed" in again.output
    assert _read(neo4j_uri, settings, EFFECTS, act=ACT_118) == effects
