"""The project's own Neo4j: build the Java launcher, start it on loopback, wait for Bolt, stop it.

No Docker engine runs on our machines, so LexGraph brings Neo4j 5.26 LTS Community as Maven jars
and runs it in-process in a small Java launcher (`launcher/`). This module is the Python side: it
builds the launcher when needed, starts it detached (state in `<home>/neo4j/state.json`), reuses a
running one, and stops it with SIGTERM so the store is closed cleanly.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from lexgraph.config import Settings, project_root

READY_PREFIX = "LEXGRAPH_NEO4J_READY "
LAUNCHER_MAIN = "lexgraph.launcher.Main"
IMPORT_MAIN = "lexgraph.launcher.Import"
START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 60.0


class LocalNeo4jError(Exception):
    """The local Neo4j could not be built, started or stopped; the message says what to do."""


@dataclass(frozen=True, slots=True)
class RunningNeo4j:
    """A launcher process that answered: where it listens and how to find it again."""

    pid: int
    uri: str
    home: str
    log: str


def launcher_dir() -> Path:
    return project_root() / "launcher"


def launcher_jar() -> Path:
    return launcher_dir() / "target" / "lexgraph-neo4j-launcher.jar"


def _require_tool(name: str, purpose: str) -> str:
    java_home = os.environ.get("JAVA_HOME")
    if name == "java" and java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which(name)
    if found is None:
        raise LocalNeo4jError(
            f"'{name}' was not found on PATH; it is needed to {purpose}."
            " Install Java 17+ and Maven (Debian: apt-get install openjdk-17-jdk-headless maven),"
            " or set NEO4J_URI to use an existing Neo4j server instead."
        )
    return found


def _launcher_is_stale() -> bool:
    jar = launcher_jar()
    if not jar.is_file() or not (jar.parent / "lib").is_dir():
        return True
    built = jar.stat().st_mtime
    sources = [launcher_dir() / "pom.xml", *launcher_dir().glob("src/**/*.java")]
    return any(source.stat().st_mtime > built for source in sources)


def build_launcher(*, quiet: bool = True) -> Path:
    """Build the launcher with Maven when it is missing or older than its sources."""
    if not _launcher_is_stale():
        return launcher_jar()
    mvn = _require_tool("mvn", "build the local Neo4j launcher")
    _require_tool("java", "run the local Neo4j")
    command = [
        mvn,
        "-B",
        *(["-q"] if quiet else []),
        "-f",
        str(launcher_dir() / "pom.xml"),
        # Downloads stay inside the project's ignored folders, never in the user's ~/.m2.
        f"-Dmaven.repo.local={project_root() / '.cache' / 'm2'}",
        "package",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-25:])
        raise LocalNeo4jError(f"building the Neo4j launcher failed:\n{tail}")
    return launcher_jar()


def _classpath(jar: Path) -> str:
    return f"{jar}{os.pathsep}{jar.parent / 'lib' / '*'}"


def _state_file(home: Path) -> Path:
    return home / "state.json"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still "exists"; treat it as gone.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.split(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True


def running(home: Path) -> RunningNeo4j | None:
    """The launcher recorded in `home`, if its process is still alive."""
    try:
        state = json.loads(_state_file(home).read_text())
        found = RunningNeo4j(**state)
    except (OSError, ValueError, TypeError):
        return None
    if not _pid_alive(found.pid):
        _state_file(home).unlink(missing_ok=True)
        return None
    return found


def start(
    home: Path,
    *,
    port: int = 7687,
    heap: str = "512m",
    page_cache_mb: int = 256,
    timeout_s: float = START_TIMEOUT_S,
) -> RunningNeo4j:
    """Start a detached launcher on 127.0.0.1 (or reuse the one already running in `home`)."""
    home.mkdir(parents=True, exist_ok=True)
    already = running(home)
    if already is not None:
        return already
    build_launcher()
    java = _require_tool("java", "run the local Neo4j")
    jar = launcher_jar()
    classpath = _classpath(jar)
    log_path = home / "launcher.log"
    ready_path = home / "launcher.out"
    command = [
        java,
        f"-Xms{min(256, _megabytes(heap))}m",
        f"-Xmx{heap}",
        "-XX:+UseG1GC",
        "-cp",
        classpath,
        LAUNCHER_MAIN,
        "--home",
        str(home),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--page-cache-mb",
        str(page_cache_mb),
    ]
    with ready_path.open("w") as out, log_path.open("a") as log:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=log,
            stdin=subprocess.DEVNULL,
            # Its own session: a Ctrl-C meant for the API reaches Neo4j only through stop().
            start_new_session=True,
        )
    try:
        uri = _wait_for_ready(process, ready_path, log_path, timeout_s)
    except BaseException:
        # Interrupted or failed before it was ready: leave no server behind that nobody tracks.
        process.terminate()
        process.wait(timeout=STOP_TIMEOUT_S)
        raise
    found = RunningNeo4j(pid=process.pid, uri=uri, home=str(home), log=str(log_path))
    _state_file(home).write_text(json.dumps(asdict(found)))
    return found


def store_exists(home: Path) -> bool:
    """Whether `home` holds the default database's store (written by Neo4j or its import tool)."""
    return (home / "data" / "databases" / "neo4j" / "neostore").exists()


def import_full(home: Path, arguments: Sequence[str], *, heap: str = "1g") -> str:
    """Run Neo4j's import tool (`neo4j-admin database import full`) into `home`, which must hold
    no store and no running Neo4j; returns what the tool printed."""
    if running(home) is not None:
        raise LocalNeo4jError(f"the local Neo4j in {home} is running; stop it before a bulk import")
    if store_exists(home):
        raise LocalNeo4jError(f"{home} already holds a database; a bulk import needs a new store")
    build_launcher()
    java = _require_tool("java", "run Neo4j's import tool")
    jar = launcher_jar()
    home.mkdir(parents=True, exist_ok=True)
    home = home.resolve()
    command = [
        java,
        f"-Xmx{heap}",
        "-cp",
        _classpath(jar),
        IMPORT_MAIN,
        "--home",
        str(home),
        *arguments,
    ]
    environment = os.environ | {"NEO4J_HOME": str(home)}
    try:
        # Interrupted, the tool is killed (`subprocess.run`) and its partial store removed.
        result = subprocess.run(
            command, capture_output=True, text=True, check=False, env=environment, cwd=home
        )
        output = result.stdout + result.stderr
        if result.returncode != 0 or "IMPORT DONE" not in output:
            tail = "\n".join(line for line in output.strip().splitlines()[-25:] if line.strip())
            raise LocalNeo4jError(
                f"Neo4j's import tool failed (exit code {result.returncode}):\n{tail}"
            )
    except BaseException:
        _remove_store(home)
        raise
    return output


def _remove_store(home: Path) -> None:
    """Remove what a failed import wrote: the home held no store before it."""
    for folder in ("databases", "transactions"):
        shutil.rmtree(home / "data" / folder / "neo4j", ignore_errors=True)


def _megabytes(size: str) -> int:
    number, unit = int(size[:-1]), size[-1].lower()
    return number * 1024 if unit == "g" else number


def _wait_for_ready(
    process: subprocess.Popen[bytes], ready_path: Path, log_path: Path, timeout_s: float
) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for line in ready_path.read_text().splitlines():
            if line.startswith(READY_PREFIX):
                return line.removeprefix(READY_PREFIX).strip()
        code = process.poll()
        if code is not None:
            tail = "\n".join(log_path.read_text().strip().splitlines()[-10:])
            raise LocalNeo4jError(
                f"the local Neo4j exited with code {code} before it was ready:\n{tail}"
            )
        time.sleep(0.1)
    process.terminate()
    raise LocalNeo4jError(f"the local Neo4j was not ready after {timeout_s:.0f} s; see {log_path}")


def stop(home: Path, *, timeout_s: float = STOP_TIMEOUT_S) -> bool:
    """Stop the launcher running in `home` with SIGTERM; returns False when none was running."""
    found = running(home)
    if found is None:
        return False
    os.kill(found.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _pid_alive(found.pid):
            break
        _reap(found.pid)
        time.sleep(0.1)
    else:
        os.kill(found.pid, signal.SIGKILL)
        raise LocalNeo4jError(
            f"the local Neo4j (pid {found.pid}) did not stop within {timeout_s:.0f} s;"
            " it was killed"
        )
    _reap(found.pid)
    _state_file(home).unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def start_from_settings(settings: Settings) -> RunningNeo4j:
    return start(
        settings.local_neo4j_dir,
        port=settings.lexgraph_neo4j_port,
        heap=settings.lexgraph_neo4j_heap,
        page_cache_mb=settings.lexgraph_neo4j_page_cache_mb,
    )
