"""`impact(of:, asOf:, depth:)` in the GraphQL API, through the named documents of `queries/`."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema
from lexgraph.config import Settings, project_root
from lexgraph.importing import ImportReport, import_paths, sample_corpus_dir
from tests.conftest import WIPE_DATA

QUERIES = project_root() / "queries"
RESOLUTION = "by/resolution/mvd/2023-05-19/102"


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    async with driver.session(database=settings.neo4j_database) as session:
        await (await session.run(WIPE_DATA)).consume()
    return await import_paths(driver, settings.neo4j_database, [sample_corpus_dir()])


async def execute(
    driver: AsyncDriver, settings: Settings, document: str, **variables: Any
) -> dict[str, Any]:
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(document, variable_values=variables, context_value=context)
    assert result.errors is None, [e.message for e in result.errors]
    assert isinstance(result.data, dict)
    return result.data


async def test_what_changing_art_287_of_the_tax_code_affects(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    document = (QUERIES / "impact-art-287-tax-code.graphql").read_text()
    found = (await execute(driver, settings, document, asOf="2024-01-01"))["impact"]
    assert (found["asOf"], found["depth"], found["notFound"]) == ("2024-01-01", 3, [])
    assert [p["node"]["graphId"] for p in found["procedures"]] == [
        f"procedure/{n}" for n in ("15.2.1", "15.2.2", "15.21.1", "15.21.2", "15.4.1", "15.4.2")
    ]
    direct = found["groups"][0]
    assert (direct["distance"], direct["title"]) == (1, "direct")
    first = direct["affected"][0]
    assert first["node"]["kind"] == "requirement"
    assert first["mode"] == "WHOLE"
    (step,) = first["path"]
    assert step["relation"] == "CITES"
    assert step["text"] == (
        "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )


async def test_what_repealing_the_law_on_licensing_affects_as_of_a_date(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    document = (QUERIES / "impact-repeal-law-licensing.graphql").read_text()
    found = (await execute(driver, settings, document, asOf="2024-01-01", depth=1))["impact"]
    assert [r["node"]["graphId"] for r in found["regulations"]] == [
        f"{RESOLUTION}#procedure_regulation_{n}"
        for n in ("15.2.1", "15.2.2", "15.2.3", "15.21.1", "15.21.2")
    ]
    assert {r["path"][0]["relation"] for r in found["regulations"]} == {"GOVERNED_BY"}
    # Before resolution No. 102 entered into force (01.07.2023) nothing in force rested on it.
    before = (await execute(driver, settings, document, asOf="2023-06-30"))["impact"]
    assert before["groups"] == []


async def test_ids_not_in_the_graph_are_listed_not_guessed(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    found = await execute(
        driver,
        settings,
        'query { impact(of: ["by/law/1900-01-01/1"]) { notFound changed { graphId } groups {'
        " distance } } }",
    )
    assert found["impact"] == {"notFound": ["by/law/1900-01-01/1"], "changed": [], "groups": []}


async def test_a_depth_out_of_range_is_the_users_error(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(
        'query { impact(of: ["by/code/tax"], depth: 11) { depth } }', context_value=context
    )
    assert result.errors is not None
    assert result.errors[0].message == "depth must be between 1 and 10, not 11"
