"""`lexgraph run`, the main job: serve on the local Neo4j, and stop both cleanly on Ctrl-C.

Each step waits for the command's own signal (the line it prints, the API answering, the process
ending), however long the machine takes; the deadlines are a last resort against a hang
(tests/timing.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from lexgraph import local_neo4j
from tests.serving import Lines, free_port, wait_until_ready
from tests.timing import WAIT_S

pytestmark = pytest.mark.slow


def start_run(home: Path, api_port: int) -> tuple[subprocess.Popen[str], Lines]:
    """`lexgraph run` on a home of its own, and its output (stderr: the console and the logs)
    read as it comes."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEO4J_")} | {
        "LEXGRAPH_HOME": str(home),
        "LEXGRAPH_NEO4J_PORT": "0",
        "LEXGRAPH_PORT": str(api_port),
        "LEXGRAPH_NEO4J_HEAP": "256m",
        "LEXGRAPH_NEO4J_PAGE_CACHE_MB": "32",
    }
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "lexgraph"), "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    return process, Lines(process, process.stderr)


def neo4j_pid(home: Path) -> int:
    state = json.loads((home / "neo4j" / "state.json").read_text())
    return int(state["pid"])


def test_run_serves_the_corpus_and_ctrl_c_stops_api_and_neo4j(tmp_path: Path) -> None:
    home, port = tmp_path / "var", free_port()
    process, lines = start_run(home, port)
    try:
        lines.wait_for("GraphiQL:")  # printed once the corpus is in, just before uvicorn starts
        url = f"http://127.0.0.1:{port}"
        wait_until_ready(f"{url}/readyz", process, lambda: "".join(lines.seen[-40:]))
        body = httpx.post(
            f"{url}/graphql",
            json={"query": '{ procedure(number: "15.4.1") { number } }'},
            timeout=WAIT_S,
        ).json()
        assert body == {"data": {"procedure": {"number": "15.4.1"}}}
        pid = neo4j_pid(home)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=WAIT_S) == 0
        assert local_neo4j.running(home / "neo4j") is None
        assert not local_neo4j._pid_alive(pid)
    finally:
        process.kill()
        local_neo4j.stop(home / "neo4j")


def test_ctrl_c_during_start_up_stops_what_it_started(tmp_path: Path) -> None:
    home, port = tmp_path / "var", free_port()
    process, lines = start_run(home, port)
    try:
        lines.wait_for("Neo4j ready")
        pid = neo4j_pid(home)
        process.send_signal(signal.SIGINT)  # lands while migrating or importing
        assert process.wait(timeout=WAIT_S) == 130
        assert local_neo4j.running(home / "neo4j") is None
        assert not local_neo4j._pid_alive(pid)
    finally:
        process.kill()
        local_neo4j.stop(home / "neo4j")
