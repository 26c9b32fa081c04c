"""An interrupted `lexgraph import` leaves the graph as it was after its complete documents.

The command runs in a subprocess on a folder of resolutions (the real 004 text under other
numbers, so each is a distinct act with its own regulations). Once it has reported its first
document imported and the server shows the next one's write transaction running, it gets SIGINT
(Ctrl-C) or SIGKILL. The graph must then be exactly the state after the documents it completed,
and running the command again must complete the import.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.graph import loader
from lexgraph.graph.dump import canonical_dump
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.conftest import WIPE_DATA
from tests.timing import WAIT_S

REGULATIONS = sample_corpus_dir() / "004_85fdc72f4cf61fef.txt"
DOCUMENTS = 6
IMPORTED_LINE = re.compile(r"^imported (\S+): \d+ nodes")
# A transaction of the loader's (`lexgraph.graph.loader`) batched writes, running now.
WRITING = """
SHOW TRANSACTIONS YIELD currentQuery, status
WHERE (currentQuery STARTS WITH $nodes OR currentQuery STARTS WITH $edges) AND status = 'Running'
RETURN currentQuery
"""
STATEMENTS = {"nodes": loader.WRITE_NODES[:200], "edges": loader.WRITE_EDGES[:200]}


def resolutions(folder: Path) -> list[Path]:
    """`DOCUMENTS` resolutions numbered 901, 902 … in the order the importer takes them."""
    text = REGULATIONS.read_text(encoding="utf-8")
    assert len(re.findall("№[ \u00a0]102", text)) == 9  # the heading and the eight stamps
    folder.mkdir()
    paths = []
    for n in range(1, DOCUMENTS + 1):
        path = folder / f"resolution_{n}.txt"
        path.write_text(re.sub("№[ \u00a0]102", f"№ {900 + n}", text), encoding="utf-8")
        paths.append(path)
    return paths


def lexgraph(neo4j_uri: str, *args: str) -> subprocess.Popen[str]:
    """`lexgraph *args` in a subprocess, against the test database."""
    command = Path(sys.executable).with_name("lexgraph")
    return subprocess.Popen(
        [str(command), *args],
        env={**os.environ, "NEO4J_URI": neo4j_uri},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def interrupt_while_writing(
    process: subprocess.Popen[str], how: signal.Signals, driver: AsyncDriver
) -> tuple[int, str]:
    """Once the first document is reported, wait until the next one's write transaction runs on
    the server, then send `how`; how many documents were reported, and the rest of the output."""
    assert process.stderr is not None
    reported = 0
    for line in process.stderr:
        if IMPORTED_LINE.match(line):
            reported += 1
            break
    # Aim for the middle of a write; a short bound keeps the signal ahead of the remaining
    # documents even when a write is too quick to be seen.
    for _ in range(20):
        records, _, _ = await driver.execute_query(WRITING, STATEMENTS)
        if records:
            break
        await asyncio.sleep(0.02)
    process.send_signal(how)
    rest = process.communicate(timeout=WAIT_S)[1]
    reported += sum(1 for line in rest.splitlines() if IMPORTED_LINE.match(line))
    return reported, rest


async def graph_state(driver: AsyncDriver, database: str) -> list[str]:
    """The canonical dump without the clock time of each import (`Version.importedAt`), which
    differs between two runs that import the same documents."""
    lines = [json.loads(line) for line in await canonical_dump(driver, database)]
    return sorted(
        json.dumps({k: v for k, v in line.items() if k != "importedAt"}) for line in lines
    )


def difference(graph: list[str], state: list[str], documents: int) -> str:
    """What sets the graph apart from the state after `documents` documents, briefly."""
    extra = sorted((Counter(graph) - Counter(state)).elements())
    missing = sorted((Counter(state) - Counter(graph)).elements())
    return (
        f"\n against {documents}: {len(extra)} lines only in the graph {extra[:3]},"
        f" {len(missing)} only in the state {missing[:3]}"
    )


async def wipe(driver: AsyncDriver, database: str) -> None:
    async with driver.session(database=database) as session:
        await (await session.run(WIPE_DATA)).consume()


async def states_after_each_document(
    driver: AsyncDriver, database: str, paths: list[Path]
) -> list[list[str]]:
    """The canonical dumps of the graph after 0, 1, 2 … of `paths` imported completely."""
    await wipe(driver, database)
    states = [await graph_state(driver, database)]
    for path in paths:
        report = await import_paths(driver, database, [path])
        assert not report.failed
        states.append(await graph_state(driver, database))
    return states


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
async def test_an_interrupted_import_keeps_only_complete_documents_and_resumes(
    how: signal.Signals,
    driver: AsyncDriver,
    settings: Settings,
    neo4j_uri: str,
    tmp_path: Path,
) -> None:
    database = settings.neo4j_database
    paths = resolutions(tmp_path / "documents")
    states = await states_after_each_document(driver, database, paths)
    await wipe(driver, database)

    interrupted = lexgraph(neo4j_uri, "import", str(tmp_path / "documents"))
    reported, printed = await interrupt_while_writing(interrupted, how, driver)

    assert 1 <= reported < DOCUMENTS
    graph = await graph_state(driver, database)
    # A signal landing between a commit and its report line leaves that document complete but
    # unreported: never half-written.
    assert graph in (states[reported], states[reported + 1]), (
        f"{reported} reported; the graph is the state after"
        f" {[i for i, state in enumerate(states) if state == graph] or 'no number of'} documents"
        + "".join(difference(graph, states[n], n) for n in (reported, reported + 1))
    )
    if how is signal.SIGINT:
        assert interrupted.returncode == 130
        assert "interrupted: the documents reported above are imported" in printed
    else:
        assert interrupted.returncode == -signal.SIGKILL

    again = lexgraph(neo4j_uri, "import", str(tmp_path / "documents"))
    _, errors = again.communicate(timeout=WAIT_S)
    assert again.returncode == 0, errors
    assert await graph_state(driver, database) == states[DOCUMENTS]
