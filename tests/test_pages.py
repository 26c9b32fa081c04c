"""The reading room's pages over the ASGI app (httpx, through Starlette's TestClient), on the
imported sample corpus. The facts looked for are read by hand from seed 004, the МВД resolution
No. 102 of 19 May 2023, and its regulation of procedure 15.4.1 (lines 1016–1140):

- the documents: the application «в письменной форме: в ходе приема заинтересованного лица; по
  почте; нарочным (курьером)»; the duty document «должен соответствовать требованиям,
  определенным в частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики
  Беларусь» (line 1066);
- the result: «специальное разрешение …», valid «2 года – в отношении высококвалифицированных
  работников», «1 год – в отношении иных работников»;
- the fee: «государственная пошлина в размере 5 базовых величин» (line 1112);
- the appeal: to «Министерство внутренних дел», «электронная или письменная форма»;
- the legal basis: «Закон Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах
  административных процедур»».
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from neo4j import AsyncDriver
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.config import Settings
from tests.graphs import corpus_imported

SEED = "004_85fdc72f4cf61fef.txt"
PART_1 = "часть 1 пункта 6 статьи 287 Налогового кодекса Республики Беларусь"


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    await corpus_imported(driver, settings.neo4j_database)
    return driver


@pytest.fixture(scope="module")
def client(corpus: AsyncDriver, settings: Settings) -> Iterator[TestClient]:
    # A first plan of the procedure card's statements may take seconds on a busy machine.
    patient = settings.model_copy(update={"lexgraph_query_timeout_s": 60.0})
    with TestClient(create_app(patient)) as test_client:
        yield test_client


def text_of(page: str) -> str:
    """The page's text as a reader sees it: tags out, entities read, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_home_page_has_one_search_box(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.count('type="search"') == 1
    assert '<html lang="ru">' in page.text


def test_a_search_lists_the_procedure_with_a_link_to_its_card(client: TestClient) -> None:
    page = client.get("/", params={"q": "специальное разрешение"})
    assert page.status_code == 200
    assert 'href="/procedure/15.4.1"' in page.text


def test_the_procedure_card_reads_as_the_regulation_says(client: TestClient) -> None:
    page = client.get("/procedure/15.4.1")
    assert page.status_code == 200
    text = text_of(page.text)
    assert "Получение специального разрешения на право занятия трудовой деятельностью" in text
    assert "лично, по почте, нарочным (курьером)" in text
    assert "2 года" in text
    assert "1 год" in text
    assert "5 базовых величин" in text
    assert "Министерство внутренних дел" in text
    assert "№ 433-З «Об основах административных процедур»" in text
    # The duty document's citation, named in full, links to the provision's page.
    assert PART_1 in text
    assert 'href="/provision/by/code/tax/art_287__point_6__part_1"' in page.text
    # Every statement links to its lines in the source viewer.
    assert f'href="/source/{SEED}?lines=1112-1112#L1112"' in page.text


def test_the_card_as_of_a_day_before_the_act_says_no_regulation_held(client: TestClient) -> None:
    page = client.get("/procedure/15.4.1", params={"asOf": "2020-01-01"})
    assert page.status_code == 200
    assert "регламент этой процедуры в графе не действует" in text_of(page.text)


def test_a_malformed_day_is_refused_in_russian(client: TestClient) -> None:
    page = client.get("/procedure/15.4.1", params={"asOf": "2023-02-29"})
    assert page.status_code == 400
    assert "не дата" in text_of(page.text)


def test_the_provision_page_names_the_unit_in_full(client: TestClient) -> None:
    page = client.get("/provision/by/code/tax/art_287__point_6__part_1")
    assert page.status_code == 200
    text = text_of(page.text)
    assert f"<h1>{PART_1}</h1>" in page.text
    # Cited by the duty documents of 15.4.1 and 15.4.2 (lines 1066 and 1427), among others.
    assert 'href="/procedure/15.4.1"' in page.text
    assert 'href="/procedure/15.4.2"' in page.text
    assert "частях первой–третьей пункта 6 статьи 287" in text


def test_the_act_page_shows_what_the_act_is(client: TestClient) -> None:
    page = client.get("/act/by/resolution/mvd/2023-05-19/102")
    assert page.status_code == 200
    text = text_of(page.text)
    assert "Об утверждении регламентов административных процедур" in text
    assert "19 мая 2023 г." in text
    assert "102" in text
    assert "Постановление" in text


def test_the_source_viewer_marks_the_lines_and_names_the_act(client: TestClient) -> None:
    page = client.get(f"/source/{SEED}", params={"lines": "1112-1112"})
    assert page.status_code == 200
    marked = re.findall(r'<div class="line marked" id="L(\d+)">', page.text)
    assert marked == ["1112"]
    line = re.search(r'id="L1112">.*?<span class="t">(.*?)</span>', page.text)
    assert line is not None
    shown = html.unescape(line.group(1)).replace("\xa0", " ")  # the text's no-break spaces
    assert "государственная пошлина в размере 5 базовых величин" in shown
    assert 'href="/act/by/resolution/mvd/2023-05-19/102"' in page.text


def test_lines_outside_the_document_are_refused(client: TestClient) -> None:
    page = client.get(f"/source/{SEED}", params={"lines": "999999-999999"})
    assert page.status_code == 400
    page = client.get(f"/source/{SEED}", params={"lines": "abc"})
    assert page.status_code == 400


def test_the_impact_page_chains_art_287_to_the_procedures(client: TestClient) -> None:
    page = client.get("/impact", params={"provision": "by/code/tax#art_287"})
    assert page.status_code == 200
    text = text_of(page.text)
    assert 'href="/procedure/15.4.1"' in page.text
    assert "ссылается на" in text
    assert "Административные процедуры" in text


def test_the_impact_memo_is_russian_markdown(client: TestClient) -> None:
    memo = client.get("/impact.md", params={"provision": "by/code/tax#art_287"})
    assert memo.status_code == 200
    assert memo.headers["content-type"].startswith("text/markdown")
    assert memo.text.startswith("# Последствия изменения норм\n")
    assert "15.4.1" in memo.text
    assert "| вид |" in memo.text


@pytest.mark.parametrize(
    "path",
    [
        "/procedure/99.99.99",
        "/act/by/law/1900-01-01/1-z",
        "/provision/by/code/tax/art_99999",
        "/source/no-such-file.txt",
        "/impact?provision=by/code/tax%23art_99999",
    ],
)
def test_unknown_things_get_the_russian_404(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert "<h1>Не найдено</h1>" in page.text


@pytest.mark.parametrize(
    "path",
    [
        "/procedure/<script>alert(1)</script>",
        "/?q=<script>alert(1)</script>",
        "/act/<img src=x onerror=alert(1)>",
        "/source/<b>x</b>.txt",
    ],
)
def test_hostile_input_is_escaped(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code in (200, 404)
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text
    assert "<b>x</b>" not in page.text
