"""`lexgraph run`, the main job: serve on the local Neo4j, and stop both cleanly on Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from lexgraph import local_neo4j
from tests.serving import free_port

pytestmark = pytest.mark.slow


def start_run(home: Path, api_port: int) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEO4J_")} | {
        "LEXGRAPH_HOME": str(home),
        "LEXGRAPH_NEO4J_PORT": "0",
        "LEXGRAPH_PORT": str(api_port),
        "LEXGRAPH_NEO4J_HEAP": "256m",
        "LEXGRAPH_NEO4J_PAGE_CACHE_MB": "32",
    }
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "lexgraph"), "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(process: subprocess.Popen[str], needle: str, timeout_s: float = 120) -> None:
    assert process.stderr is not None
    deadline = time.monotonic() + timeout_s
    for line in process.stderr:
        if needle in line:
            return
        if time.monotonic() > deadline:
            break
    raise AssertionError(f"`lexgraph run` never printed {needle!r}")


def neo4j_pid(home: Path) -> int:
    state = json.loads((home / "neo4j" / "state.json").read_text())
    return int(state["pid"])


def test_run_serves_the_corpus_and_ctrl_c_stops_api_and_neo4j(tmp_path: Path) -> None:
    home, port = tmp_path / "var", free_port()
    process = start_run(home, port)
    try:
        wait_for_line(process, "GraphiQL:")
        deadline = time.monotonic() + 30
        body: dict[str, object] = {}
        while time.monotonic() < deadline:
            try:
                body = httpx.post(
                    f"http://127.0.0.1:{port}/graphql",
                    json={"query": '{ procedure(number: "15.4.1") { number } }'},
                ).json()
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert body == {"data": {"procedure": {"number": "15.4.1"}}}
        pid = neo4j_pid(home)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=90) == 0
        assert local_neo4j.running(home / "neo4j") is None
        assert not local_neo4j._pid_alive(pid)
    finally:
        process.kill()
        local_neo4j.stop(home / "neo4j")


def test_ctrl_c_during_start_up_stops_what_it_started(tmp_path: Path) -> None:
    home, port = tmp_path / "var", free_port()
    process = start_run(home, port)
    try:
        wait_for_line(process, "Neo4j ready")
        pid = neo4j_pid(home)
        process.send_signal(signal.SIGINT)  # lands while migrating or importing
        assert process.wait(timeout=90) == 130
        assert local_neo4j.running(home / "neo4j") is None
        assert not local_neo4j._pid_alive(pid)
    finally:
        process.kill()
        local_neo4j.stop(home / "neo4j")
