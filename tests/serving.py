"""The API as users run it, for tests: uvicorn in a process of its own, on a free loopback port."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO

import httpx

from tests.timing import QUERY_TIMEOUT_S, WAIT_S, scaled


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served_api(
    env: Mapping[str, str], *, ready_path: str = "/healthz", timeout_s: float = WAIT_S
) -> Iterator[str]:
    """The base URL of `lexgraph.api.asgi:app` served with `env`, once `ready_path` answers 200;
    stopped on exit. Its log goes to a file (a pipe nobody reads would block a chatty server),
    whose end is shown if it exits or never becomes ready (`timeout_s` is a last resort against a
    hang, not a guess at how long starting takes). Unless `env` sets one, the server runs with the
    suite's query timeout (tests/timing.py)."""
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
            env={"LEXGRAPH_QUERY_TIMEOUT_S": str(QUERY_TIMEOUT_S), **env},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_ready(url + ready_path, process, lambda: _tail(log), timeout_s=timeout_s)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=scaled(20))
            except subprocess.TimeoutExpired:
                process.kill()


def _tail(log: IO[str]) -> str:
    log.seek(0)
    return log.read()[-2000:]


def wait_until_ready(
    url: str,
    process: subprocess.Popen[str] | subprocess.Popen[bytes],
    seen: Callable[[], str],
    *,
    timeout_s: float = WAIT_S,
) -> None:
    """Return once `url` answers 200; fail with what the process wrote (`seen()`) when it exits
    first or, as a last resort against a hang, when `timeout_s` passes."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(url).status_code == 200:
                return
        except httpx.TransportError:
            pass
        exited = process.poll()
        if exited is not None or time.monotonic() > deadline:
            how = f"exited with {exited}" if exited is not None else f"{timeout_s:g} s on"
            raise AssertionError(f"{url} did not become ready ({how}): {seen()}")
        time.sleep(0.1)


class Lines:
    """The lines a process writes to a pipe, read as they come by a thread of their own (so the
    pipe never fills and blocks the process), for a test to wait on: `wait_for` returns as soon
    as a line holds the text, and fails with every line seen when the process ends first or, as a
    last resort against a hang, when `WAIT_S` passes."""

    def __init__(self, process: subprocess.Popen[str], pipe: IO[str]) -> None:
        self._process = process
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(pipe,), daemon=True).start()

    def _read(self, pipe: IO[str]) -> None:
        for line in pipe:
            self._queue.put(line)
        self._queue.put(None)  # the pipe closed: the process ended

    def wait_for(self, text: str, *, timeout_s: float = WAIT_S) -> str:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(self._missing(text, f"{timeout_s:g} s on")) from None
            if line is None:
                self._queue.put(None)  # every later wait ends too
                ended = self._process.wait()
                raise AssertionError(self._missing(text, f"exited with {ended}"))
            self.seen.append(line)
            if text in line:
                return line

    def _missing(self, text: str, how: str) -> str:
        return f"never printed {text!r} ({how}); it printed:\n" + "".join(self.seen[-40:])
