"""The import's progress on a terminal: which file is being read, how many of how many are done.

A large folder takes minutes; a bar that only spins tells nothing. The files are counted before
the first is imported (`import_paths` tells each one as it starts), so the bar shows the file
and «3/17», and each finished document still gets its own line above the bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from lexgraph.importing import DocumentResult


@dataclass(frozen=True)
class ImportProgress:
    """The two hooks `import_paths` calls: as a document starts, and as it is done."""

    on_start: Callable[[Path, int, int], None]
    on_document: Callable[[DocumentResult], None]


@contextmanager
def import_progress(
    console: Console, describe: Callable[[DocumentResult], str], *, enabled: bool = True
) -> Iterator[ImportProgress]:
    """A bar on `console` showing the file being imported and the count; `describe` gives the
    line printed for each finished document. Disabled, it shows and prints nothing."""
    columns = (
        TextColumn("importing [bold]{task.fields[file]}[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=not enabled) as bar:
        task = bar.add_task("importing", total=None, file="…")

        def on_start(path: Path, index: int, total: int) -> None:
            bar.update(task, total=total, completed=index, file=path.name)

        def on_document(result: DocumentResult) -> None:
            bar.advance(task)
            if enabled:
                console.print(describe(result), highlight=False)

        yield ImportProgress(on_start, on_document)
