"""The statements of the read queries whose cost must not grow with the whole graph.

Each test asks Neo4j for the plan of the statement the API sends (`EXPLAIN`, which runs nothing)
and reads its operators: a dependency filter starts from the unit's id (an index seek) and walks
back to the procedures, instead of testing every procedure, and the procedures it finds are the
page's rows, not looked up again; a filter on a rare apostille state seeks the requirements
through the index on `apostille`; what cites a unit is cut to a page before it is made into maps;
the known acts' stamp reads counts only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, LiteralString

import pytest
from neo4j import AsyncDriver, Query

from lexgraph.config import Settings
from lexgraph.graph.reads import catalog, relations
from lexgraph.graph.reads import procedures as reads
from tests.api.sample_graph import ART_287


def operators(plan: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Each operator of a plan, with its details (e.g. `UNIQUE t:Provision(id) WHERE id = $f0`)."""
    yield plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", ""))
    for child in plan.get("children", []):
        yield from operators(child)


async def explain(
    driver: AsyncDriver, settings: Settings, statement: LiteralString, parameters: dict[str, Any]
) -> list[tuple[str, str]]:
    async with driver.session(database=settings.neo4j_database) as session:
        result = await session.run(Query("EXPLAIN " + statement), parameters)
        summary = await result.consume()
    assert summary.plan is not None
    return list(operators(summary.plan))


def page(tree: reads.Filter) -> tuple[LiteralString, dict[str, Any]]:
    statement, parameters = reads.procedures_page(tree)
    return statement, parameters | {"offset": 0, "limit": 20, "checks": []}


@pytest.mark.parametrize("kind", ["cites_directly", "cites_within", "via_legal_basis"])
async def test_a_dependency_starts_from_the_unit(
    sample_graph: AsyncDriver, settings: Settings, kind: str
) -> None:
    # Also under NOT and OR: the procedures depending on the unit are found once, from the unit.
    tree = reads.AnyOf(
        (reads.Not(reads.Condition(kind, ART_287)), reads.Condition("subject", "legal_entity"))
    )
    plan = await explain(sample_graph, settings, *page(tree))
    seeks = [details for name, details in plan if name == "NodeUniqueIndexSeek"]
    assert any("t:Provision(id)" in details for details in seeks), plan
    assert any("t:LegalAct(id)" in details for details in seeks), plan
    # No test of the dependency per procedure (a semi-apply over each procedure's citations).
    assert not [name for name, _ in plan if "SemiApply" in name], plan


@pytest.mark.parametrize(
    "tree",
    [
        reads.Condition("cites_within", ART_287),
        reads.Condition("rare_apostille", "required"),
        reads.All((reads.Condition("subject", "legal_entity"), reads.Condition("text", "пошлина"))),
        reads.AnyOf(
            (reads.Condition("cites_directly", ART_287), reads.Condition("text", "дубликат"))
        ),
    ],
    ids=["dependency", "rare-apostille", "and-subject", "or-of-lookups"],
)
async def test_the_procedures_a_lookup_finds_are_the_rows_of_the_page(
    sample_graph: AsyncDriver, settings: Settings, tree: reads.Filter
) -> None:
    # Found from the condition's own end, they are not looked up again (by id, or by scanning
    # every procedure); other conditions beside it under AND test those rows.
    plan = await explain(sample_graph, settings, *page(tree))
    assert not [details for _, details in plan if "p:Procedure" in details], plan


async def test_a_rare_apostille_state_seeks_the_requirements(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    tree = reads.Condition("rare_apostille", "required")
    plan = await explain(sample_graph, settings, *page(tree))
    seeks = [details for name, details in plan if name == "NodeIndexSeek"]
    assert any("d:DocumentRequirement(apostille)" in details for details in seeks), plan


@pytest.mark.parametrize("relation", ["ACT_CITED_BY", "ACT_CITED_BY_PAGE", "PROVISION_CITED_BY"])
async def test_what_cites_a_unit_is_cut_to_a_page_before_it_is_made_into_maps(
    sample_graph: AsyncDriver, settings: Settings, relation: str
) -> None:
    statement = relations.RELATIONS[relation].statement
    plan = await explain(
        sample_graph, settings, statement, {"ids": [ART_287], "offset": 0, "limit": 5}
    )
    names = [name for name, _ in plan]
    # A top-n (which keeps only the page), never a sort of every citation, and the maps (the
    # projection of the citing node) are made above it: of the page only.
    assert "Top" in names, plan
    assert "Sort" not in names, plan
    [maps] = [i for i, (name, details) in enumerate(plan) if "citing:" in details]
    assert maps < names.index("Top"), plan


async def test_the_known_acts_stamp_reads_only_the_count_store(
    sample_graph: AsyncDriver, settings: Settings
) -> None:
    plan = await explain(sample_graph, settings, catalog.KNOWN_ACTS_STAMP, {})
    counts = [name for name, _ in plan if name == "NodeCountFromCountStore"]
    assert len(counts) == 3, plan
    assert not [name for name, _ in plan if "Scan" in name or "Expand" in name], plan
