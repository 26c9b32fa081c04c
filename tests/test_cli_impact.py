"""`lexgraph impact` and `lexgraph diff` on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import AsyncDriver
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.config import Settings
from lexgraph.importing import ImportReport, sample_corpus_dir
from tests.graphs import corpus_imported

NAME = "004_85fdc72f4cf61fef.txt"
LAW_225 = "by/law/2010-12-30/225-z"
FEE_15_4_1 = "by/resolution/mvd/2023-05-19/102#procedure_regulation_15.4.1__fee"
runner = CliRunner()


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    return await corpus_imported(driver, settings.neo4j_database)


def edition(folder: Path) -> Path:
    """Seed 004 with the state duty of procedure 15.4.1 raised from 5 to 7 base units."""
    text = (sample_corpus_dir() / NAME).read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[1111] = lines[1111].replace("5 базовых", "7 базовых")
    folder.mkdir(exist_ok=True)
    (folder / NAME).write_text("\n".join(lines), encoding="utf-8")
    return folder / NAME


def test_impact_as_json_for_a_change_memo(
    corpus: ImportReport, neo4j_uri: str, tmp_path: Path
) -> None:
    memo = tmp_path / "memo.json"
    result = runner.invoke(
        app,
        [
            *("impact", "--act", LAW_225, "--as-of", "2024-01-01", "--depth", "1"),
            *("--format", "json", "--output", str(memo)),
        ],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 0, result.output
    report = json.loads(memo.read_text(encoding="utf-8"))
    assert [g["distance"] for g in report["groups"]] == [1]
    kinds = {a["kind"] for a in report["groups"][0]["affected"]}
    assert kinds == {"regulation", "requirement", "provision"}


def test_impact_of_a_provision_as_a_tree(corpus: ImportReport, neo4j_uri: str) -> None:
    result = runner.invoke(
        app,
        [
            *("impact", "--provision", "by/code/tax#art_287", "--as-of", "2024-01-01"),
            *("--format", "tree"),
        ],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 0, result.output
    assert "Provision by/code/tax#art_287__point_6__part_1" in result.output
    assert "←REQUIRES←" in result.output
    assert "→REGULATES→ Procedure procedure/15.4.1" in result.output


def test_impact_counts_all_it_affects_and_lists_what_is_asked(
    corpus: ImportReport, neo4j_uri: str
) -> None:
    result = runner.invoke(
        app,
        [
            *("impact", "--provision", "by/code/tax#art_287", "--as-of", "2024-01-01"),
            *("--kind", "procedure", "--limit", "2"),
        ],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 0, result.output
    counts = result.output[: result.output.index("Impact of")]
    assert "Affected by by/code/tax#art_287 as of 2024-01-01 (depth 3): 19" in counts
    assert [line.split("│")[-2].strip() for line in counts.splitlines() if "│" in line] == [
        "6",  # procedures
        "6",  # regulations
        "6",  # requirements
        "1",  # acts
    ]
    listing = result.output[result.output.index("Impact of") :]
    assert "procedure/15.2.1" in listing
    assert "procedure/15.2.2" in listing
    assert "procedure/15.4.1" not in listing
    assert "requirement" not in listing
    assert "2 of 6 affected (procedure)" in listing


def test_impact_as_json_with_a_limit_keeps_the_counts_complete(
    corpus: ImportReport, neo4j_uri: str
) -> None:
    result = runner.invoke(
        app,
        [
            *("impact", "--provision", "by/code/tax#art_287", "--as-of", "2024-01-01"),
            *("--format", "json", "--limit", "1"),
        ],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["totalCount"] == 19
    assert report["counts"] == {"procedure": 6, "regulation": 6, "requirement": 6, "act": 1}
    assert [(g["distance"], g["totalCount"], len(g["affected"])) for g in report["groups"]] == [
        (1, 6, 1),
        (2, 6, 1),
        (3, 7, 2),  # one procedure and one act
    ]


def test_impact_json_flag_prints_the_same_report_as_the_json_format(
    corpus: ImportReport, neo4j_uri: str
) -> None:
    args = ["impact", "--provision", "by/code/tax#art_287", "--as-of", "2024-01-01"]
    flag = runner.invoke(app, [*args, "--json"], env={"NEO4J_URI": neo4j_uri})
    named = runner.invoke(app, [*args, "--format", "json"], env={"NEO4J_URI": neo4j_uri})
    assert flag.exit_code == 0, flag.output
    # Art. 287 of the Tax Code reaches six procedures of seed 004 (its duty documents cite
    # parts 1–3 of point 6), as the table above counts.
    assert json.loads(flag.output)["counts"]["procedure"] == 6
    assert json.loads(flag.output) == json.loads(named.output)


def test_impact_refuses_json_beside_another_format() -> None:
    result = runner.invoke(
        app, ["impact", "--act", LAW_225, "--json", "--format", "markdown"], env={}
    )
    assert result.exit_code == 2
    assert "--json and --format markdown ask for two formats" in result.output


def test_impact_refuses_an_unknown_kind(corpus: ImportReport, neo4j_uri: str) -> None:
    result = runner.invoke(
        app,
        ["impact", "--act", LAW_225, "--kind", "law"],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 2
    assert "'law' is not a kind" in result.output


def test_impact_of_an_unknown_act_is_an_error(corpus: ImportReport, neo4j_uri: str) -> None:
    result = runner.invoke(
        app, ["impact", "--act", "by/law/1900-01-01/1"], env={"NEO4J_URI": neo4j_uri}
    )
    assert result.exit_code == 1
    assert "not in the graph: by/law/1900-01-01/1" in result.output


def test_diff_lists_the_change_and_its_impact_without_writing(
    corpus: ImportReport, neo4j_uri: str, tmp_path: Path
) -> None:
    new = edition(tmp_path / "new")
    args = ["diff", str(sample_corpus_dir() / NAME), str(new), "--as-of", "2024-01-01"]
    result = runner.invoke(app, [*args, "--format", "json"], env={"NEO4J_URI": neo4j_uri})
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["diff"]["changed"] == [
        {
            "label": "Fee",
            "id": FEE_15_4_1,
            "fields": {"amountBaseUnits": {"before": 5.0, "after": 7.0}},
        }
    ]
    assert (found["diff"]["added"], found["diff"]["removed"]) == ([], [])
    impact = found["impact"]
    affected = {a["id"]: a for g in impact["groups"] for a in g["affected"]}
    assert "procedure/15.4.1" in affected
    assert [s["relation"] for s in affected["procedure/15.4.1"]["path"]] == [
        "CHARGES",
        "REGULATES",
    ]
    assert found["applied"] is None
    # Nothing was written: the graph still holds one fee of 5 base units.
    again = runner.invoke(app, [*args, "--format", "json"], env={"NEO4J_URI": neo4j_uri})
    assert json.loads(again.output)["diff"] == found["diff"]


def test_diff_offline_needs_no_graph(tmp_path: Path) -> None:
    new = edition(tmp_path / "new")
    result = runner.invoke(app, ["diff", str(sample_corpus_dir() / NAME), str(new), "--offline"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Changes between the two texts")
    assert f"- Fee `{FEE_15_4_1}`" in result.output
    assert "`amountBaseUnits`: 5.0 → 7.0" in result.output


def test_diff_apply_imports_a_new_version(
    corpus: ImportReport, neo4j_uri: str, tmp_path: Path
) -> None:
    new = edition(tmp_path / "renamed")
    renamed = new.rename(new.with_name("edition-2024.txt"))
    result = runner.invoke(
        app,
        [
            *("diff", str(sample_corpus_dir() / NAME), str(renamed), "--apply"),
            *("--effective", "2024-01-01"),
        ],
        env={"NEO4J_URI": neo4j_uri},
    )
    assert result.exit_code == 0, result.output
    assert "Applied: version `source/004_85fdc72f4cf61fef.txt@" in result.output
    assert "now follows `source/004_85fdc72f4cf61fef.txt@" in result.output
