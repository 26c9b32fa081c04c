"""The reading room in a browser, as a lawyer goes through it: search from the home page, open the
procedure card, follow a statement's provenance to the source viewer, where the line is marked
and scrolled to. Facts from seed 004: procedure 15.4.1's fee, «государственная пошлина в размере
5 базовых величин», is line 1112."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from neo4j import AsyncDriver
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.serving import served_api


@pytest.fixture(scope="module")
def site(neo4j_uri: str, corpus: AsyncDriver) -> Iterator[str]:
    """The API with its pages, served as users run it; a first plan of the procedure card's
    statements may take seconds on a busy machine, so its statements may take a minute."""
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "LEXGRAPH_QUERY_TIMEOUT_S": "60"}
    with served_api(env) as url:
        yield url


def test_search_card_and_source_line(site: str, page: Page) -> None:
    page.set_default_timeout(120_000)  # a first plan of the card's statements, on a busy machine
    page.goto(f"{site}/")
    search = page.get_by_role("searchbox")
    expect(search).to_have_count(1)
    search.fill("специальное разрешение")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/\?q="), timeout=60_000)
    card = page.locator('a[href="/procedure/15.4.1"]').first
    expect(card).to_be_visible()
    screenshot(page, "reading-room-search")

    card.click()
    page.wait_for_url(re.compile(r"/procedure/15\.4\.1$"), timeout=120_000)
    expect(page.locator("h1")).to_contain_text("15.4.1. Получение специального разрешения")
    expect(page.locator("main")).to_contain_text("5 базовых величин")
    screenshot(page, "reading-room-procedure-card")

    fee_source = page.locator('a.source[href*="lines=1112-1112"]').first
    fee_source.click()
    page.wait_for_url(
        re.compile(r"/source/004_85fdc72f4cf61fef\.txt\?lines=1112-1112#L1112$"), timeout=120_000
    )
    line = page.locator("#L1112")
    expect(line).to_have_class(re.compile(r"\bmarked\b"))
    expect(line).to_contain_text("5 базовых величин")
    expect(line).to_be_in_viewport()
    assert page.locator(".line.marked").count() == 1
    screenshot(page, "reading-room-source-line")


def test_act_provision_and_impact_pages_and_their_print(site: str, page: Page) -> None:
    page.set_default_timeout(120_000)
    page.goto(f"{site}/act/by/resolution/mvd/2023-05-19/102")
    expect(page.locator("h1")).to_contain_text("Об утверждении регламентов административных")
    expect(page.locator("dl.facts")).to_contain_text("19 мая 2023 г.")
    screenshot(page, "reading-room-act")

    page.goto(f"{site}/provision/by/code/tax/art_287__point_6__part_1")
    expect(page.locator("h1")).to_have_text(
        "часть 1 пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )
    screenshot(page, "reading-room-provision")

    page.goto(f"{site}/impact?provision=by/code/tax%23art_287")
    expect(page.locator("ul.chain").first).to_contain_text("15.4.1")
    screenshot(page, "reading-room-impact")
    # Printed (to PDF), the page keeps the law and drops the search box and the links' chrome.
    page.emulate_media(media="print")
    expect(page.locator("header.site")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
