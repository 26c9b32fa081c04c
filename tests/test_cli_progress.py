"""The import's progress bar names the file being read and counts the documents."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from lexgraph.cli_progress import import_progress
from lexgraph.importing import DocumentResult


def terminal() -> tuple[Console, io.StringIO]:
    screen = io.StringIO()
    return Console(file=screen, force_terminal=True, width=120, color_system=None), screen


def test_the_bar_shows_the_file_and_how_many_of_how_many() -> None:
    console, screen = terminal()
    with import_progress(console, lambda r: f"imported {r.path}") as hooks:
        hooks.on_start(Path("corpus/000_8633f05b71841d3c.txt"), 0, 3)
        hooks.on_document(DocumentResult("corpus/000_8633f05b71841d3c.txt", "portal_news"))
        hooks.on_start(Path("corpus/004_85fdc72f4cf61fef.txt"), 1, 3)
    shown = screen.getvalue()
    assert "importing 004_85fdc72f4cf61fef.txt" in shown
    assert "1/3" in shown
    assert "imported corpus/000_8633f05b71841d3c.txt" in shown


def test_a_disabled_bar_prints_nothing() -> None:
    console, screen = terminal()
    with import_progress(console, lambda r: f"imported {r.path}", enabled=False) as hooks:
        hooks.on_start(Path("a.txt"), 0, 1)
        hooks.on_document(DocumentResult("a.txt", "portal_news"))
    assert screen.getvalue() == ""
