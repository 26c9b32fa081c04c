"""Shared fixtures: one real Neo4j for the whole session (the local one, or `NEO4J_URI`).

The local test database lives in `var/test-neo4j` (or `LEXGRAPH_TEST_NEO4J_HOME`) on a free port,
apart from the one `lexgraph run` uses, so a developer's data is never touched. Tests that need an
empty graph ask for `empty_graph`; its wipe keeps the schema (constraints, indexes, migrations).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from neo4j import AsyncDriver

from lexgraph import local_neo4j
from lexgraph.config import Settings, load_settings, project_root
from lexgraph.graph.driver import create_driver
from lexgraph.graph.dump import canonical_dump
from lexgraph.graph.migrations import apply_migrations
from tests.timing import QUERY_TIMEOUT_S, WAIT_S

DISPOSABLE_FLAG = "LEXGRAPH_TEST_DATABASE_IS_DISPOSABLE"

WIPE_DATA = """
MATCH (n) WHERE NOT n:SchemaMigration
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
"""


# The fixtures that read a shared graph (tests/graphs.py), and the graph each reads.
SHARED_GRAPH_FIXTURES = {
    "corpus": "corpus",
    "corpus_graph": "corpus",
    "sample_corpus": "corpus",
    "imported": "corpus",
    "sample_graph": "sample",
    "sample": "sample",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that asks for the database (through any fixture) is marked `neo4j`, so
    `make test-fast` (`-m "not neo4j …"`) runs exactly those that need none.

    Within each folder, the modules that read both shared graphs run first, then those that
    read the corpus, then the sample graph's readers, then the rest, each module's tests in
    their own order: a shared graph is then loaded once for a run of its readers, not once per
    module (the modules' own order is no test's business: each fixture asks for its graph)."""
    for item in items:
        if "neo4j_uri" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)
    items[:] = by_shared_graph(items)
    durations = _durations_under_mutation()
    if durations:
        items[:] = cheapest_modules_first(items, durations)


def cheapest_modules_first(
    items: list[pytest.Item], durations: dict[str, float]
) -> list[pytest.Item]:
    """A mutant's run stops at its first failing test (`-x`), so the modules that take least time
    run first, and each module's quickest tests first: most mutants are then noticed in a second
    rather than after the importers' whole-document tests. Modules stay whole, so a module-scoped
    fixture is still set up once."""
    modules = _by_module(items)

    def cost(item: pytest.Item) -> float:
        return durations.get(item.nodeid, 0.0)

    ranked = sorted(modules.values(), key=lambda module: sum(map(cost, module)))
    return [item for module in ranked for item in sorted(module, key=cost)]


def _durations_under_mutation() -> dict[str, float]:
    """Each test's time on the unchanged code, as mutmut recorded it, while a mutant is under
    test (mutmut runs the tests from `mutants/`, where it keeps `mutmut-stats.json`)."""
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return {}
    try:
        recorded = json.loads(Path("mutmut-stats.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    durations = recorded.get("duration_by_test", {})
    return durations if isinstance(durations, dict) else {}


def _by_module(items: list[pytest.Item]) -> dict[Path, list[pytest.Item]]:
    """The items of each test module, modules and items in the order given."""
    modules: dict[Path, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.path, []).append(item)
    return modules


def by_shared_graph(items: list[pytest.Item]) -> list[pytest.Item]:
    modules = _by_module(items)
    folders = {path.parent: None for path in modules}
    folder_rank = {folder: rank for rank, folder in enumerate(folders)}
    order = ("corpus", "sample"), ("corpus",), ("sample",), ()

    def rank(module: tuple[int, tuple[Path, list[pytest.Item]]]) -> tuple[int, int, int]:
        index, (path, module_items) = module
        reads = {
            SHARED_GRAPH_FIXTURES[name]
            for item in module_items
            for name in getattr(item, "fixturenames", ())
            if name in SHARED_GRAPH_FIXTURES
        }
        return folder_rank[path.parent], order.index(tuple(sorted(reads))), index

    ranked = sorted(enumerate(modules.items()), key=rank)
    return [item for _, (_, module_items) in ranked for item in module_items]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under `make mutate` (mutmut), each mutant's run starts as a run of the suite does: it is
    forked from a process that ran the tests on the unchanged code.

    The code's `lru_cache`s are emptied, or they would answer for the changed code. The test
    modules are imported afresh: pytest keeps the ids it made for `parametrize(..., ids=[...])` on
    the test function's mark and escapes them once more in the next session («…» → `\\xab…` →
    `\\\\xab…`), so the ids mutmut recorded would no longer be found and even the unchanged
    code's run would fail."""
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] in ("lexgraph", "importers"):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
        elif name.rpartition(".")[2].startswith("test_") and _is_test_file(module):
            del sys.modules[name]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How often the shared graphs were loaded (tests/graphs.py): a rise means a module began
    writing to a graph others read, or the order of modules split their readers apart."""
    from tests.graphs import loads

    if loads:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(loads.items()))
        terminalreporter.write_line(f"shared graphs loaded: {counts}")


def _is_test_file(module: object) -> bool:
    file = getattr(module, "__file__", None)
    return file is not None and Path(file).resolve().is_relative_to(Path(__file__).parent)


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """The Bolt URI tests run against; starts (and finally stops) the local test Neo4j if needed."""
    external = os.environ.get("NEO4J_URI")
    if external:
        if os.environ.get(DISPOSABLE_FLAG) != "1":
            pytest.exit(
                "NEO4J_URI is set: the tests wipe that database between tests."
                f" Set {DISPOSABLE_FLAG}=1 to confirm it is a disposable test server.",
                returncode=4,
            )
        yield external
        return
    # Separate homes let several test runs (e.g. parallel work trees) each have their own server.
    home = Path(os.environ.get("LEXGRAPH_TEST_NEO4J_HOME", project_root() / "var" / "test-neo4j"))
    was_running = local_neo4j.running(home) is not None
    found = local_neo4j.start(home, port=0, heap="512m", page_cache_mb=128, timeout_s=WAIT_S)
    yield found.uri
    if not was_running:
        local_neo4j.stop(home)


@pytest.fixture(scope="session")
def settings(neo4j_uri: str) -> Settings:
    # Starlette's TestClient is one client ("testclient", not loopback) sending every test's
    # requests: per-client limits would answer the suite's own pace with 429s.
    # `tests/test_client_limits.py` tests the limits themselves. The query timeout is the suite's
    # (tests/timing.py): a cold first request on a busy machine is no timeout to test.
    return load_settings(
        neo4j_uri=neo4j_uri,
        lexgraph_client_rate=0,
        lexgraph_client_concurrency=0,
        lexgraph_query_timeout_s=QUERY_TIMEOUT_S,
    )


@pytest.fixture(scope="session")
async def driver(settings: Settings) -> AsyncIterator[AsyncDriver]:
    """One driver for the session, with the schema migrated."""
    created = create_driver(settings)
    await apply_migrations(created, settings.neo4j_database)
    yield created
    await created.close()


@pytest.fixture
async def empty_graph(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    """The driver, on a graph with no data (schema kept)."""
    async with driver.session(database=settings.neo4j_database) as session:
        result = await session.run(WIPE_DATA)
        await result.consume()
    return driver


async def graph_state(driver: AsyncDriver, database: str) -> list[str]:
    """The canonical dump without the clock time of each import (`Version.importedAt`)."""
    lines = [json.loads(line) for line in await canonical_dump(driver, database)]
    return sorted(
        json.dumps({k: v for k, v in line.items() if k != "importedAt"}) for line in lines
    )
