"""The four ways in of issue 23, typed in the home page's box as a reader would: one search, one
click, the right page. The targets are read from the seeds by hand:

- «15.4.1»: the procedure of subpoint 15.4.1 (seed 004, its regulation's title).
- «ст. 287 НК»: Article 287 of the Tax Code, which procedure 15.4.1's fee document cites.
- «Закон о лицензировании»: Law of 14 October 2022 No. 213-З «О лицензировании».
- «апостиль»: seed 004 says «требуется легализация документов (проставление апостиля)» in the
  regulations of 10.7.1 (line 124), 15.2.1 (line 302), 15.2.2 (line 494) and 15.2.3 (line 624),
  and of no other procedure: those four cards, and only they.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from neo4j import AsyncDriver
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import screenshot
from tests.serving import served_api


@pytest.fixture(scope="module")
def site(neo4j_uri: str, corpus: AsyncDriver) -> Iterator[str]:
    """The API with its pages; a card's first plan may take seconds on a busy machine."""
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "LEXGRAPH_QUERY_TIMEOUT_S": "60"}
    with served_api(env) as url:
        yield url


def search(page: Page, site: str, text: str) -> Locator:
    """Types `text` in the home page's box and returns the first group of results."""
    page.set_default_timeout(120_000)
    page.goto(f"{site}/")
    box = page.get_by_role("searchbox", name="Поиск")
    box.fill(text)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/\?q="))
    return page.locator("section.result-group").first


def test_a_procedure_number_leads_to_its_card(site: str, page: Page) -> None:
    first = search(page, site, "15.4.1")
    expect(first.locator("h2")).to_have_text("Административные процедуры")
    link = first.locator("a").first
    expect(link).to_have_attribute("href", "/procedure/15.4.1")
    screenshot(page, "search-15.4.1")
    link.click()
    page.wait_for_url(re.compile(r"/procedure/15\.4\.1$"))
    expect(page.locator("h1")).to_have_text(
        "15.4.1. Получение специального разрешения на право занятия трудовой деятельностью"
        " в Республике Беларусь"
    )


def test_a_citation_leads_to_the_provision(site: str, page: Page) -> None:
    first = search(page, site, "ст. 287 НК")
    expect(first.locator("h2")).to_have_text("Структурные единицы актов")
    link = first.locator("a").first
    expect(link).to_have_attribute("href", "/provision/by/code/tax/art_287")
    screenshot(page, "search-art-287-tax-code")
    link.click()
    page.wait_for_url(re.compile(r"/provision/by/code/tax/art_287$"))
    expect(page.locator("h1")).to_have_text("статья 287 Налогового кодекса Республики Беларусь")


def test_an_acts_name_leads_to_the_act(site: str, page: Page) -> None:
    first = search(page, site, "Закон о лицензировании")
    expect(first.locator("h2")).to_have_text("Акты")
    link = first.locator("a").first
    expect(link).to_have_attribute("href", "/act/by/law/2022-10-14/213-z")
    screenshot(page, "search-law-on-licensing")
    link.click()
    page.wait_for_url(re.compile(r"/act/by/law/2022-10-14/213-z$"))
    expect(page.locator("h1")).to_have_text("О лицензировании")
    expect(page.locator("dl.facts")).to_contain_text("14 октября 2022 г.")


def test_a_word_leads_to_every_procedure_that_asks_for_an_apostille(site: str, page: Page) -> None:
    first = search(page, site, "апостиль")
    expect(first.locator("h2")).to_have_text("Административные процедуры")
    cards = first.locator("a.procedure")
    hrefs = sorted(cards.evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    assert hrefs == [
        "/procedure/10.7.1",
        "/procedure/15.2.1",
        "/procedure/15.2.2",
        "/procedure/15.2.3",
    ]
    screenshot(page, "search-apostille")
    first.locator('a.procedure[href="/procedure/10.7.1"]').click()
    page.wait_for_url(re.compile(r"/procedure/10\.7\.1$"))
    expect(page.locator("main")).to_contain_text("нужна легализация или апостиль")


@pytest.mark.parametrize(
    "text",
    ["Налоговый кодекс и Закон о лицензировании", "Закон о лицензировании, Налоговый кодекс"],
)
def test_a_text_naming_two_acts_shows_both(site: str, page: Page, text: str) -> None:
    search(page, site, text)
    screenshot(page, f"search-two-acts-{'tax-first' if text.startswith('Нал') else 'law-first'}")
    acts = page.locator("section.result-group").filter(
        has=page.locator("h2", has_text=re.compile("^Акты$"))
    )
    expect(acts.locator('a[href="/act/by/law/2022-10-14/213-z"]')).to_have_count(1)
    expect(acts.locator('a[href="/act/by/code/tax"]')).to_have_count(1)
