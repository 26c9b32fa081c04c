"""The peer of the comparison as a process: `bench/peer/server.js` (@neo4j/graphql with Apollo
Server) on a free loopback port over a given Neo4j, ready once it answers a GraphQL request.

Its dependencies are installed by `make peer` (`npm ci` from the pinned `package-lock.json`);
`installed()` tells whether they are there, `node()` whether Node.js is.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from lexgraph.config import project_root

PEER = project_root() / "bench" / "peer"


def node() -> str | None:
    """The `node` executable, if Node.js is installed."""
    return shutil.which("node")


def installed() -> bool:
    """Whether the peer's packages are installed (`make peer`)."""
    return (PEER / "node_modules" / "@neo4j" / "graphql" / "package.json").is_file()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class RunningPeer:
    url: str
    process: subprocess.Popen[bytes]

    @property
    def pid(self) -> int:
        return self.process.pid


def start(neo4j_uri: str, log: Path, timeout_s: float = 90) -> RunningPeer:
    """Start the peer over `neo4j_uri`, its output in `log`; wait until it answers."""
    executable = node()
    if executable is None or not installed():
        raise RuntimeError("the peer needs Node.js and its packages: run `make peer` first")
    port = _free_port()
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "PORT": str(port), "NODE_ENV": "production"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [executable, "server.js"], cwd=PEER, env=env, stdout=out, stderr=out,
            start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            answer = httpx.post(url + "/graphql", json={"query": "{ __typename }"}, timeout=5)
            if answer.status_code == 200:
                return RunningPeer(url, process)
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.3)
    stop(RunningPeer(url, process))
    raise RuntimeError(f"the peer did not become ready; see {log}")


def stop(peer: RunningPeer) -> None:
    if peer.process.poll() is None:
        os.killpg(peer.process.pid, signal.SIGTERM)
        try:
            peer.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(peer.process.pid, signal.SIGKILL)
            peer.process.wait()


@contextmanager
def served(neo4j_uri: str, log: Path) -> Iterator[RunningPeer]:
    """The peer, running for the duration of the block."""
    peer = start(neo4j_uri, log)
    try:
        yield peer
    finally:
        stop(peer)
