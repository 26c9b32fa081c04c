"""Fixtures of the API tests: the sample graph, and a way to run GraphQL against it in-process."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api.compile.coalesce import Coalescer, neo4j_run
from lexgraph.api.context import RequestContext
from lexgraph.api.schema import build_schema, schema
from lexgraph.config import Settings
from tests.graphs import corpus_imported, sample_loaded


@dataclass
class Answer:
    data: Any
    errors: list[str]
    round_trips: list[str]


Run = Callable[..., Awaitable[Answer]]


@pytest.fixture(scope="module")
async def sample_graph(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    """The sample graph (loaded again only if a test changed it: tests/graphs.py)."""
    await sample_loaded(driver, settings.neo4j_database)
    return driver


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    """The bundled sample corpus (imported again only if a test changed it: tests/graphs.py)."""
    await corpus_imported(driver, settings.neo4j_database)
    return driver


def _runner(driver: AsyncDriver, settings: Settings, served: Any) -> Run:
    # As the app serves: compiled statements run through the process's batches.
    coalescer = Coalescer(neo4j_run(lambda: driver, settings.neo4j_database))

    async def execute(query: str, **variables: Any) -> Answer:
        context = RequestContext(driver=driver, settings=settings, coalescer=coalescer)
        result = await served.execute(query, variable_values=variables, context_value=context)
        errors = [e.message for e in result.errors or []]
        return Answer(result.data, errors, context.round_trips)

    return execute


@pytest.fixture
def run(driver: AsyncDriver, settings: Settings) -> Run:
    """Execute a GraphQL document as the app would, with a fresh request context."""
    return _runner(driver, settings, schema)


@pytest.fixture
def resolve(driver: AsyncDriver, settings: Settings) -> Run:
    """Execute a GraphQL document through the resolvers alone (what answers the fields the
    compiler does not cover), with a fresh request context."""
    return _runner(driver, settings, build_schema(compiled=False))
