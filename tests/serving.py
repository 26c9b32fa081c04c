"""The API as users run it, for tests: uvicorn in a process of its own, on a free loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served_api(
    env: Mapping[str, str], *, ready_path: str = "/healthz", timeout_s: float = 60
) -> Iterator[str]:
    """The base URL of `lexgraph.api.asgi:app` served with `env`, once `ready_path` answers 200;
    stopped on exit. Its log goes to a file (a pipe nobody reads would block a chatty server),
    whose end is shown if it never becomes ready."""
    port = free_port()
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            # Connections are kept open longer than any pause of a test's clients: uvicorn's 5 s
            # let a pooled connection close just as a client reused it (a ReadError, not an
            # answer of the API's).
            [
                sys.executable,
                "-m",
                "uvicorn",
                "lexgraph.api.asgi:app",
                "--port",
                str(port),
                "--timeout-keep-alive",
                "75",
            ],
            env=dict(env),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    if httpx.get(url + ready_path).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise AssertionError(f"the API did not become ready: {log.read()[-2000:]}")
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
