"""No N+1: a procedure page costs one Neo4j round trip, its compiled statement, for 1 procedure
or 43; through the resolvers, the root lookup and one prefetch of everything the page follows."""

from __future__ import annotations

import pytest
from neo4j import AsyncDriver

from lexgraph.api import prefetch
from lexgraph.config import Settings, project_root
from lexgraph.graph.loader import load_batch
from tests.api.conftest import Run
from tests.api.sample_graph import sample_batch
from tests.conftest import WIPE_DATA

DETAILS = (project_root() / "queries" / "procedure-details.graphql").read_text()
FRAGMENTS = DETAILS[DETAILS.index("fragment ") :]
MANY = 40
# Without the prefetch, the loaders ask once per relationship the page follows, each batched over
# all nodes. Measured. How many batches a chain (a cited unit's ancestors, level by level) takes
# depends on how the event loop interleaves the loads, so only the distinct statements are exact.
LOADER_STATEMENTS = 23


@pytest.fixture(scope="module")
async def many_procedures(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run(WIPE_DATA)).consume()
    await load_batch(driver, sample_batch(extra_procedures=MANY), settings.neo4j_database)
    return driver


def page_of(first: int, filter: str = "{}") -> str:
    return (
        f"{{ procedures(first: {first}, filter: {filter}) {{ nodes {{ ...ProcedurePage }} }} }}"
        + FRAGMENTS
    )


async def test_one_procedure_page(many_procedures: AsyncDriver, run: Run, resolve: Run) -> None:
    answer = await run(DETAILS, number="15.4.1")
    assert answer.errors == []
    assert answer.round_trips == ["COMPILED[procedure]"]
    resolved = await resolve(DETAILS, number="15.4.1")
    assert resolved.round_trips == ["PROCEDURE_BY_NUMBER+PREFETCH"]


async def test_a_page_of_no_procedure_is_one_round_trip_and_an_error(
    many_procedures: AsyncDriver, run: Run
) -> None:
    answer = await run(DETAILS, number="99.99.99")
    assert answer.errors == ["no procedure numbered '99.99.99'"]
    assert answer.data == {"procedure": None}
    assert answer.round_trips == ["COMPILED[procedure]"]


@pytest.mark.parametrize(
    ("path", "trips"),
    [("run", ["COMPILED[procedures]"]), ("resolve", ["PROCEDURES_PAGE", "PREFETCH"])],
)
async def test_the_same_page_for_many_procedures_costs_the_same(
    many_procedures: AsyncDriver, path: str, trips: list[str], request: pytest.FixtureRequest
) -> None:
    run: Run = request.getfixturevalue(path)
    one = await run(page_of(1, '{text: "15.4.1"}'))
    many = await run(page_of(MANY + 3))
    assert one.errors == []
    assert many.errors == []
    assert len(many.data["procedures"]["nodes"]) == MANY + 3
    assert len(one.data["procedures"]["nodes"]) == 1
    assert many.round_trips == one.round_trips == trips


async def test_the_prefetch_answers_as_the_loaders_do(
    many_procedures: AsyncDriver, resolve: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = resolve  # the prefetch serves the resolvers
    prefetched = await run(page_of(MANY + 3))
    monkeypatch.setattr(prefetch, "MAX_STEPS", 0)
    loaded = await run(page_of(MANY + 3))
    assert loaded.errors == []
    assert loaded.data == prefetched.data
    assert loaded.round_trips[0] == "PROCEDURES_PAGE"
    assert len(set(loaded.round_trips[1:])) == LOADER_STATEMENTS
    assert "PREFETCH" not in loaded.round_trips


async def test_an_acts_page_is_prefetched_too(many_procedures: AsyncDriver, run: Run) -> None:
    answer = await run(
        """{ legalAct(id: "by/code/tax") { children { graphId children { graphId
             citedBy { nodes { text procedure { number } } } } } } }"""
    )
    assert answer.errors == []
    assert answer.round_trips == ["LEGAL_ACT_BY_ID+PREFETCH"]
