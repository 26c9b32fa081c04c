"""The command line fits habits: `--help` everywhere, shell completion, JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import shellingham
import typer
from neo4j import AsyncDriver
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.config import Settings

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
