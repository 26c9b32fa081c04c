"""Browser tests: headless Chromium (Debian's `chromium`) driven by Playwright against the API
served by uvicorn, on the imported sample corpus. Screenshots go to `test-artifacts/`.

Playwright's own browser downloads are never used: the tests launch `/usr/bin/chromium`, which
`.ci/run` installs from Debian's packages. Where it is missing (a developer's machine), they skip.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import AsyncDriver
from playwright.sync_api import Browser, Page, expect, sync_playwright

from lexgraph.api.graphiql import web_dist
from lexgraph.config import Settings, project_root
from tests.graphs import corpus_imported
from tests.serving import served_api
from tests.timing import scaled

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = project_root() / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# An assertion on a page waits until it holds, so its ceiling costs nothing on a quick machine;
# Playwright's own (5 s) was too short for a busy one (GraphiQL filling a tab's variables).
expect.set_options(timeout=scaled(30) * 1000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(item.path).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            # In CI a missing browser is a failure (`.ci/run` installs it), never a skip.
            if not CHROMIUM.exists() and not os.environ.get("CI"):
                item.add_marker(
                    pytest.mark.skip(
                        reason="no /usr/bin/chromium: `apt-get install chromium` (CI installs it)"
                    )
                )


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    """The sample corpus, imported as `lexgraph run` does."""
    await corpus_imported(driver, settings.neo4j_database)
    return driver


@pytest.fixture(scope="module")
def site(neo4j_uri: str, corpus: AsyncDriver) -> Iterator[str]:
    """The API with its pages, served by uvicorn in its own process, as users run it."""
    if not (web_dist() / "graphiql.html").is_file():
        pytest.fail("the pages are not built: run `make web` (make test does)")
    with served_api({**os.environ, "NEO4J_URI": neo4j_uri}) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    opened = context.new_page()
    yield opened
    context.close()


def screenshot(page: Page, name: str) -> Path:
    """Keep what the page looked like, for people reading the test run (CI artifacts)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
#: What a page may not have: axe-core's two worst impacts (a reader cannot use the page).
BLOCKING = ("serious", "critical")


def accessibility_violations(page: Page, name: str) -> list[str]:
    """axe-core's serious and critical violations on the page as it is, one line each (the rule,
    its impact and the first offending elements); the pinned axe-core of tests/browser/package.json
    (`make test` installs it). All its violations, the minor and moderate too, are kept in
    `test-artifacts/axe-{name}.json` for people to read."""
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make axe` (make test does)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(
        json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'])}"
        for v in found
        if v["impact"] in BLOCKING
    ]
