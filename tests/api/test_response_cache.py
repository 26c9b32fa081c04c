"""Answers kept between requests: served again while the graph is unchanged, never after an import,
and only what may be kept (successful queries)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Iterator

import httpx
import pytest
from graphql import GraphQLError
from neo4j import AsyncDriver
from strawberry.types import ExecutionResult

from lexgraph.api.context import RequestContext
from lexgraph.api.response_cache import ResponseCache, is_query, response_key
from lexgraph.config import Settings
from lexgraph.importing import ImportReport, import_document
from tests.graphs import corpus_imported
from tests.serving import served_api
from tests.test_impact_cache import edition_citing_art_286

STAMP = "graph-1"


def answered(data: dict[str, object]) -> ExecutionResult:
    return ExecutionResult(data=data, errors=None)


class Counting:
    """An operation that counts how often it really runs."""

    def __init__(self, result: ExecutionResult, delay_s: float = 0.0) -> None:
        self.result = result
        self.delay_s = delay_s
        self.runs = 0

    async def __call__(self) -> ExecutionResult:
        self.runs += 1
        await asyncio.sleep(self.delay_s)
        return self.result


async def test_a_query_asked_again_on_the_same_graph_runs_once() -> None:
    cache = ResponseCache(max_bytes=1 << 20)
    run = Counting(answered({"procedure": {"number": "15.4.1"}}))
    key = response_key("{ procedure }", None, {"number": "15.4.1"}, STAMP)

    first = await cache.answer(key, run)
    again = await cache.answer(
        response_key("{ procedure }", None, {"number": "15.4.1"}, STAMP), run
    )

    assert again is first
    assert run.runs == 1
    assert (cache.hits, cache.misses) == (1, 1)


async def test_other_variables_or_another_graph_are_other_answers() -> None:
    cache = ResponseCache(max_bytes=1 << 20)
    run = Counting(answered({"procedure": None}))
    await cache.answer(response_key("{ procedure }", None, {"number": "15.4.1"}, STAMP), run)
    await cache.answer(response_key("{ procedure }", None, {"number": "15.4.2"}, STAMP), run)
    await cache.answer(response_key("{ procedure }", None, {"number": "15.4.1"}, "graph-2"), run)
    assert run.runs == 3


async def test_a_question_without_a_day_is_answered_anew_on_the_next_day() -> None:
    # `asOf` left out means today: yesterday's answer is not today's, even on the same graph.
    cache = ResponseCache(max_bytes=1 << 20)
    run = Counting(answered({"procedure": None}))
    query = '{ procedure(number: "15.4.1") { regulation { fee { amountBaseUnits } } } }'
    for day in (dt.date(2023, 12, 31), dt.date(2023, 12, 31), dt.date(2024, 1, 1)):
        await cache.answer(response_key(query, None, None, STAMP, day), run)
    assert run.runs == 2
    # A day asked for is in the variables: other days, other answers.
    for day in ("2023-12-31", "2024-01-01"):
        await cache.answer(response_key(query, None, {"asOf": day}, STAMP), run)
    assert run.runs == 4


async def test_answers_with_errors_are_not_kept() -> None:
    cache = ResponseCache(max_bytes=1 << 20)
    run = Counting(ExecutionResult(data=None, errors=[GraphQLError("database unavailable")]))
    key = response_key("{ procedure }", None, None, STAMP)
    await cache.answer(key, run)
    await cache.answer(key, run)
    assert run.runs == 2
    assert len(cache) == 0


async def test_requests_for_an_answer_being_computed_wait_for_it() -> None:
    cache = ResponseCache(max_bytes=1 << 20)
    run = Counting(answered({"impact": {"totalCount": 3}}), delay_s=0.05)
    key = response_key("{ impact }", None, None, STAMP)
    found = await asyncio.gather(*(cache.answer(key, run) for _ in range(8)))
    assert run.runs == 1
    assert all(result is found[0] for result in found)


async def test_the_least_recently_used_answers_leave_a_full_cache() -> None:
    cache = ResponseCache(max_bytes=800)  # room for a few answers of ~60 bytes
    keys = [response_key("{ procedure }", None, {"number": str(n)}, STAMP) for n in range(20)]
    for key in keys:
        await cache.answer(key, Counting(answered({"title": "x" * 40})))
    assert 5 < len(cache) < 20
    newest = Counting(answered({}))
    await cache.answer(keys[-1], newest)
    oldest = Counting(answered({"title": "x" * 40}))
    await cache.answer(keys[0], oldest)
    assert (newest.runs, oldest.runs) == (0, 1)


async def test_an_answer_older_than_the_age_bound_is_computed_again() -> None:
    cache = ResponseCache(max_bytes=1 << 20, max_age_s=0.0)
    run = Counting(answered({"statistics": {}}))
    key = response_key("{ statistics }", None, None, STAMP)
    await cache.answer(key, run)
    await asyncio.sleep(0.01)
    await cache.answer(key, run)
    assert run.runs == 2


def test_only_queries_are_kept() -> None:
    assert is_query("query Q { procedure(number: $n) { title } }", None)
    assert is_query("{ __typename }", None)
    assert not is_query("mutation { importDocument(name: $n, text: $t) { documentId } }", None)
    assert not is_query("query A { a } mutation B { b }", "B")
    assert not is_query("query A { a } query B { b }", None)  # which one is not said
    assert not is_query("{ broken", None)
    assert not is_query("{ " + "a " * 20_000 + "}", None)


# ---------------------------------------------------------------------------------------------
# The API as users run it

DUTY_OF_15_4_1 = """
{ procedure(number: "15.4.1") { regulation { fee { benefits { text } } documents {
    name citations { cited { ... on Provision { graphId } ... on LegalAct { graphId } } } } } } }
"""


@pytest.fixture(scope="module")
def api_url(neo4j_uri: str, driver: AsyncDriver) -> Iterator[str]:
    with served_api({**os.environ, "NEO4J_URI": neo4j_uri}) as url:
        yield url


@pytest.fixture
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    return await corpus_imported(driver, settings.neo4j_database)


async def cited_units(client: httpx.AsyncClient, url: str) -> set[str]:
    response = await client.post(f"{url}/graphql", json={"query": DUTY_OF_15_4_1})
    assert response.status_code == 200, response.text
    documents = response.json()["data"]["procedure"]["regulation"]["documents"]
    return {c["cited"]["graphId"] for d in documents for c in d["citations"] if c["cited"]}


async def cache_lookups(client: httpx.AsyncClient, url: str) -> dict[str, float]:
    text = (await client.get(f"{url}/metrics")).text
    return {
        outcome: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        for outcome in ("hit", "miss")
        if line.startswith(f'lexgraph_response_cache_lookups_total{{outcome="{outcome}"}}')
    }


async def test_the_api_serves_an_answer_again_until_an_import_changes_it(
    api_url: str, corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        before = await cache_lookups(client, api_url)
        first = await cited_units(client, api_url)
        again = await cited_units(client, api_url)
        assert again == first
        assert "by/code/tax#art_287" in {unit.split("__")[0] for unit in first}
        counted = await cache_lookups(client, api_url)
        assert counted["hit"] - before.get("hit", 0) >= 1

        # A new text from 01.01.2024: 15.4.1's state duty cites Art. 286 instead.
        imported = await import_document(
            driver,
            settings.neo4j_database,
            edition_citing_art_286(),
            effective_from=dt.date(2024, 1, 1),
        )
        assert imported.ok, imported.error

        after = await cited_units(client, api_url)
        assert "by/code/tax#art_286" in {unit.split("__")[0] for unit in after}
        assert after != first


async def test_a_request_that_gives_up_does_not_cancel_the_answer_others_wait_for() -> None:
    cache = ResponseCache(max_bytes=1 << 20)
    run = Counting(answered({"impact": {"totalCount": 3}}), delay_s=0.05)
    key = response_key("{ impact }", None, None, STAMP)
    impatient = asyncio.ensure_future(cache.answer(key, run))
    await asyncio.sleep(0.01)
    patient = asyncio.ensure_future(cache.answer(key, run))
    impatient.cancel()

    assert (await patient).data == {"impact": {"totalCount": 3}}
    assert run.runs == 1
    assert len(cache) == 1


async def test_a_requests_reads_start_where_its_stamp_read_ended(
    driver: AsyncDriver, settings: Settings
) -> None:
    """The answer cache keys an answer by the stamp read first: the request's reads carry the
    bookmark that read left, so behind a cluster none of them may come from a member that has
    not yet seen that graph (one server cannot lag; this checks the chaining)."""
    context = RequestContext(driver=driver, settings=settings)
    assert await context.bookmarks.get_bookmarks() == set()
    await context.graph_stamp()
    after_stamp = await context.bookmarks.get_bookmarks()
    assert len(after_stamp) == 1
    records = await context.read("ONE", "RETURN 1 AS one")
    assert records[0]["one"] == 1
    assert await context.bookmarks.get_bookmarks()
    # Another request starts from nothing of this one's.
    other = RequestContext(driver=driver, settings=settings)
    assert await other.bookmarks.get_bookmarks() == set()
