"""The command line fits habits: `--help` everywhere, shell completion, JSON for scripts."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shellingham
import typer
from neo4j import AsyncDriver
from typer.testing import CliRunner

from lexgraph import cli, cli_impact, local_neo4j, synth_cli
from lexgraph.cli import app
from lexgraph.config import Settings, project_root
from lexgraph.importing import sample_corpus_dir

runner = CliRunner()


def command_paths(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and sub-command (Typer groups have `commands`)."""
    for name, command in group.commands.items():
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from command_paths(command, (*prefix, name))


COMMANDS = sorted(command_paths(typer.main.get_group(app)))


def test_the_commands_people_expect_are_there() -> None:
    assert {("run",), ("serve",), ("import",), ("migrate",), ("neo4j", "status")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_explains_itself(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"], prog_name="lexgraph")
    assert result.exit_code == 0, result.output
    assert f"Usage: lexgraph {' '.join(path)}" in result.output
    description = typer.main.get_group(app)
    for name in path:
        description = description.commands[name]  # type: ignore[attr-defined]
    assert (description.help or "").strip(), f"`lexgraph {' '.join(path)}` has no help text"


def test_shell_completion_can_be_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Typer asks shellingham which shell runs the command, from the process tree; a test run in
    # the background (CI, nohup) has no shell above it, so the user's bash is stated here.
    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("bash", "/bin/bash"))
    result = runner.invoke(app, ["--show-completion"], prog_name="lexgraph")
    assert result.exit_code == 0
    assert "_lexgraph_completion" in result.output
    assert "complete " in result.output


def test_migrate_speaks_json_to_scripts(
    settings: Settings, driver: AsyncDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_URI", str(settings.neo4j_uri))
    first = runner.invoke(app, ["migrate", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout) == {"applied": []}  # the session fixture migrated already


SERVERS = {("serve",), ("run",)}
"""Commands that serve until stopped: they print no result, so they take no `--json`."""
GROUPS = {("neo4j",)}


def _command(path: tuple[str, ...]) -> Any:
    found: Any = typer.main.get_group(app)
    for name in path:
        found = found.commands[name]
    return found


@pytest.mark.parametrize("path", [p for p in COMMANDS if p not in SERVERS | GROUPS], ids=" ".join)
def test_every_command_that_prints_a_result_takes_json(path: tuple[str, ...]) -> None:
    options = {name for param in _command(path).params for name in param.opts}
    assert "--json" in options, f"`lexgraph {' '.join(path)}` has no --json"


SAMPLE = str(sample_corpus_dir() / "004_85fdc72f4cf61fef.txt")
AMENDING_40 = str(
    Path(__file__).parent / "importers" / "fixtures" / "amending" / "mvd_2024_040.txt"
)
OFFLINE: dict[tuple[str, ...], list[str]] = {
    ("neo4j", "build"): [],
    ("persisted-documents",): [],
    ("amend",): [AMENDING_40, "--text", SAMPLE, "--offline"],
    ("diff",): [SAMPLE, SAMPLE, "--offline"],
}
"""Commands that answer without a graph, and their arguments (`--json` added)."""
WITH_GRAPH: dict[tuple[str, ...], list[str]] = {
    ("migrate",): [],
    ("import",): [SAMPLE],
    ("conflicts",): [],
    ("impact",): ["--provision", "by/code/tax#art_287"],
    ("synth",): ["--size", "S"],
}
"""Commands that ask the test graph (NEO4J_URI set), and their arguments."""
READ_THE_SAMPLE = {("conflicts",), ("impact",)}
"""Those run on seed 004 imported; the others on an empty graph."""


def test_every_command_with_json_is_tried_here() -> None:
    tried = {*OFFLINE, *WITH_GRAPH, ("neo4j", "status"), ("neo4j", "start"), ("neo4j", "stop")}
    tried |= {("dump",), ("restore",)}
    assert tried == set(COMMANDS) - SERVERS - GROUPS


def _json_of(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # stdout holds the JSON and nothing else


@pytest.mark.parametrize("path", sorted(OFFLINE), ids=" ".join)
def test_json_without_a_graph_parses(path: tuple[str, ...]) -> None:
    assert _json_of(runner.invoke(app, [*path, *OFFLINE[path], "--json"])) is not None


@pytest.mark.parametrize("path", sorted(WITH_GRAPH), ids=" ".join)
@pytest.mark.usefixtures("empty_graph")
def test_json_from_the_graph_parses(path: tuple[str, ...], neo4j_uri: str) -> None:
    env = {"NEO4J_URI": neo4j_uri}
    if path in READ_THE_SAMPLE:
        assert runner.invoke(app, ["import", SAMPLE], env=env).exit_code == 0
    assert _json_of(runner.invoke(app, [*path, *WITH_GRAPH[path], "--json"], env=env)) is not None


def test_neo4j_build_names_the_launcher_in_json() -> None:
    built = _json_of(runner.invoke(app, ["neo4j", "build", "--json"]))
    assert built["launcher"].endswith(".jar")
    assert Path(built["launcher"]).is_file()


def test_the_local_neo4j_commands_speak_json(
    neo4j_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Path(os.environ.get("LEXGRAPH_TEST_NEO4J_HOME", project_root() / "var" / "test-neo4j"))
    if local_neo4j.running(home) is None:
        pytest.skip("the tests run against an external Neo4j (NEO4J_URI)")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    # the test server's home, seen as the local Neo4j of a project home in tmp_path
    (tmp_path / "neo4j").symlink_to(home)
    env = {"LEXGRAPH_HOME": str(tmp_path)}
    status = _json_of(runner.invoke(app, ["neo4j", "status", "--json"], env=env))
    assert status["running"] is True
    assert status["uri"] == neo4j_uri
    assert status["answers"] is True
    # started already: `start` answers with the running server and starts no other
    started = _json_of(runner.invoke(app, ["neo4j", "start", "--json"], env=env))
    assert (started["uri"], started["pid"]) == (neo4j_uri, status["pid"])
    # `stop` is tried on a home where nothing runs, so the test server keeps running
    elsewhere = {"LEXGRAPH_HOME": str(tmp_path / "empty")}
    assert _json_of(runner.invoke(app, ["neo4j", "stop", "--json"], env=elsewhere)) == {
        "stopped": False
    }


@pytest.mark.usefixtures("empty_graph")
def test_dump_and_restore_count_the_same_in_json(neo4j_uri: str, tmp_path: Path) -> None:
    env = {"NEO4J_URI": neo4j_uri}
    assert runner.invoke(app, ["import", SAMPLE], env=env).exit_code == 0
    file = tmp_path / "graph.jsonl"
    dumped = _json_of(runner.invoke(app, ["dump", str(file), "--json"], env=env))
    assert dumped["file"] == str(file)
    assert dumped["nodes"] > 0
    restore = ["restore", str(file), "--replace", "--json"]
    restored = _json_of(runner.invoke(app, restore, env=env))
    assert (restored["nodes"], restored["relationships"]) == (
        dumped["nodes"],
        dumped["relationships"],
    )
    assert restored["replaced"] == dumped["nodes"]


def test_a_dump_to_stdout_refuses_json() -> None:
    result = runner.invoke(app, ["dump", "-", "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_an_error_naming_a_long_path_stays_one_line_for_a_log() -> None:
    # Piped to a log, stderr is no terminal: a message is not broken at 80 columns, so a path or
    # a phrase in it («already holds a database») can still be found by a search.
    message = f"/tmp/{'a' * 120}/neo4j already holds a database; bulk loading needs a new store"
    for module in (cli, cli_impact, synth_cli):
        with module.console.capture() as captured:
            module.console.print(f"[red]error:[/red] {message}")
        assert captured.get() == f"error: {message}\n"
