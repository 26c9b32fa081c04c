"""Every page of the reading room in a browser: what it looked like (a screenshot in
test-artifacts/), the facts a reader comes for, its links answering, and no serious or critical
accessibility violation found by axe-core. The facts are read from the seeds by hand: procedure
15.4.1's fee «5 базовых величин» (seed 004, line 1112), the MVD resolution of 19 May 2023 No. 102
that approves the regulations, point 6 of Article 287 of the Tax Code that the fee document cites.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urldefrag

import httpx
import pytest
from neo4j import AsyncDriver
from playwright.sync_api import Page, expect

from tests.browser.conftest import accessibility_violations, screenshot
from tests.serving import served_api

#: name (of the screenshot), address, a fact the page must show.
PAGES = [
    ("home", "/", "Административные процедуры и акты Республики Беларусь"),
    ("home-results", "/?q=%D0%B0%D0%BF%D0%BE%D1%81%D1%82%D0%B8%D0%BB%D1%8C", "Процедура 10.7.1"),
    ("procedure", "/procedure/15.4.1", "5 базовых величин"),
    ("act", "/act/by/resolution/mvd/2023-05-19/102", "19 мая 2023 г."),
    (
        "provision",
        "/provision/by/code/tax/art_287__point_6__part_1",
        "часть 1 пункта 6 статьи 287 Налогового кодекса Республики Беларусь",
    ),
    ("source", "/source/004_85fdc72f4cf61fef.txt?lines=1112-1112#L1112", "5 базовых величин"),
    ("impact", "/impact?provision=by/code/tax%23art_287", "15.4.1"),
    ("not-found", "/procedure/99.99.99", "Административной процедуры «99.99.99» в графе нет."),
]
#: At most this many of a page's own links are followed (the act page has hundreds; the first
#: ones cover each kind of link it draws).
LINKS_FOLLOWED = 25


@pytest.fixture(scope="module")
def site(neo4j_uri: str, corpus: AsyncDriver) -> Iterator[str]:
    """The API with its pages; a card's first plan may take seconds on a busy machine."""
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "LEXGRAPH_QUERY_TIMEOUT_S": "60"}
    with served_api(env) as url:
        yield url


@pytest.mark.parametrize(("name", "address", "fact"), PAGES, ids=[p[0] for p in PAGES])
def test_page_reads_links_and_is_accessible(
    site: str, page: Page, name: str, address: str, fact: str
) -> None:
    page.set_default_timeout(120_000)
    page.goto(f"{site}{address}")
    expect(page.locator("main")).to_contain_text(fact)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    screenshot(page, f"page-{name}")

    hrefs = page.locator("a[href^='/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    own = list(dict.fromkeys(urldefrag(h).url for h in hrefs))[:LINKS_FOLLOWED]
    assert own, "a page with no links leads nowhere"
    with httpx.Client(base_url=site, timeout=120) as client:
        broken = [(h, s) for h in own if (s := client.get(h).status_code) != 200]
    assert broken == []

    assert accessibility_violations(page, name) == []


def test_the_check_finds_what_a_reader_cannot_use(page: Page) -> None:
    """The check itself, on a page made to fail it: no language, a field without a label, grey on
    grey. A check that found nothing here would pass every page whatever they hold."""
    page.set_content(
        "<html><head><title>t</title></head><body><main>"
        '<input type="search" name="q">'
        '<p style="color:#bbb;background:#ccc">5 базовых величин</p>'
        "</main></body></html>"
    )
    found = " ".join(accessibility_violations(page, "made-to-fail"))
    assert "html-has-lang (serious)" in found
    assert "label (critical)" in found
    assert "color-contrast (serious)" in found
