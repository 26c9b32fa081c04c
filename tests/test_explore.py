"""`neighbourhood`, the explore page's data, on the imported sample corpus."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema
from lexgraph.config import Settings, project_root
from lexgraph.graph import neighbourhood
from tests.graphs import corpus_imported

# The named document the explore page sends.
NEIGHBOURHOOD = (project_root() / "queries" / "neighbourhood.graphql").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    await corpus_imported(driver, settings.neo4j_database)
    return driver


async def ask(driver: AsyncDriver, settings: Settings, **variables: Any) -> Any:
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(NEIGHBOURHOOD, variable_values=variables, context_value=context)
    if result.errors:
        return [e.message for e in result.errors]
    return result.data["neighbourhood"] if result.data else None


async def test_a_procedure_is_drawn_with_its_regulation_and_list(
    corpus: AsyncDriver, settings: Settings
) -> None:
    drawn = await ask(corpus, settings, id="procedure/15.4.1")
    assert drawn["center"]["graphId"] == "procedure/15.4.1"
    assert drawn["center"]["type"] == "Procedure"
    assert drawn["center"]["label"].startswith("15.4.1 ")
    assert drawn["nodes"][0] == drawn["center"]
    types = {n["type"] for n in drawn["nodes"]}
    assert {"Regulation", "LegalAct"} <= types
    edge_types = {e["type"] for e in drawn["edges"]}
    assert {"REGULATES", "LISTED_IN"} <= edge_types
    regulates = next(e for e in drawn["edges"] if e["type"] == "REGULATES")
    assert regulates["target"] == "procedure/15.4.1"  # Regulation -REGULATES-> Procedure
    ids = {n["graphId"] for n in drawn["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in drawn["edges"])
    assert drawn["truncated"] is False


async def test_depth_two_reaches_the_regulations_documents(
    corpus: AsyncDriver, settings: Settings
) -> None:
    one = await ask(corpus, settings, id="procedure/15.4.1", depth=1)
    two = await ask(corpus, settings, id="procedure/15.4.1", depth=2)
    assert len(two["nodes"]) > len(one["nodes"])
    assert "DocumentRequirement" in {n["type"] for n in two["nodes"]}
    assert "DocumentRequirement" not in {n["type"] for n in one["nodes"]}


async def test_edge_types_restrict_what_is_followed(
    corpus: AsyncDriver, settings: Settings
) -> None:
    drawn = await ask(corpus, settings, id="procedure/15.4.1", depth=2, edgeTypes=["REGULATES"])
    assert {e["type"] for e in drawn["edges"]} == {"REGULATES"}
    assert {n["type"] for n in drawn["nodes"]} == {"Procedure", "Regulation"}


async def test_hidden_edge_types_are_never_followed(
    corpus: AsyncDriver, settings: Settings
) -> None:
    # Seed 004, which states 15.4.1, MENTIONS it: followed, the document is a hub to everything
    # the resolution states; hidden, it is not reached at all.
    every = await ask(corpus, settings, id="procedure/15.4.1", depth=1)
    assert "MENTIONS" in {e["type"] for e in every["edges"]}
    assert "SourceDocument" in {n["type"] for n in every["nodes"]}
    drawn = await ask(
        corpus, settings, id="procedure/15.4.1", depth=2, hiddenEdgeTypes=["MENTIONS"]
    )
    assert "MENTIONS" not in {e["type"] for e in drawn["edges"]}
    assert "SourceDocument" not in {n["type"] for n in drawn["nodes"]}
    assert {"REGULATES", "REQUIRES"} <= {e["type"] for e in drawn["edges"]}
    hidden_unknown = await ask(corpus, settings, id="procedure/15.4.1", hiddenEdgeTypes=["LIKES"])
    assert hidden_unknown[0].startswith("unknown edge types LIKES")


async def test_depth_zero_is_the_node_alone(corpus: AsyncDriver, settings: Settings) -> None:
    drawn = await ask(corpus, settings, id="by/code/tax", depth=0)
    assert [n["graphId"] for n in drawn["nodes"]] == ["by/code/tax"]
    assert drawn["edges"] == []


async def test_a_repealed_act_is_not_drawn_as_of_a_date_after_repeal(
    corpus: AsyncDriver, settings: Settings
) -> None:
    records, _, _ = await corpus.execute_query(
        "MATCH (a:LegalAct) WHERE a.repealedOn IS NOT NULL RETURN a.id AS id, a.repealedOn AS on"
        " LIMIT 1"
    )
    if not records:
        pytest.fail("the sample corpus repeals an act (004: «Признать утратившим силу …»)")
    repealed, on = records[0]["id"], records[0]["on"].to_native()
    before = await ask(corpus, settings, id=repealed, asOf=on.replace(year=on.year - 1).isoformat())
    assert before["center"]["graphId"] == repealed
    after = await ask(corpus, settings, id=repealed, asOf=on.isoformat())
    assert after == [f"no node with id {repealed!r} on {on.isoformat()}"]


async def test_mistakes_are_explained(corpus: AsyncDriver, settings: Settings) -> None:
    assert await ask(corpus, settings, id="procedure/99.99") == [
        "no node with id 'procedure/99.99'"
    ]
    assert await ask(corpus, settings, id="procedure/15.4.1", depth=9) == [
        "depth must be between 0 and 3; got 9"
    ]
    unknown = await ask(corpus, settings, id="procedure/15.4.1", edgeTypes=["LIKES"])
    assert unknown[0].startswith(
        "unknown edge types LIKES; known: ABOUT, AFFECTS, AFFECTS_UNIT, AGREED_WITH"
    )


async def test_a_crowded_node_is_cut_and_says_so(
    corpus: AsyncDriver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(neighbourhood, "PER_NODE", 2)
    drawn = await ask(corpus, settings, id="procedure/15.4.1", depth=2)
    assert drawn["truncated"] is True
    assert len(drawn["nodes"]) <= 1 + 2 + 2 * 2


def test_captions_use_the_words_of_the_source() -> None:
    procedure = {"_label": "Procedure", "id": "procedure/15.4.1", "number": "15.4.1", "title": "T"}
    assert neighbourhood.caption(procedure) == "15.4.1 T"
    act = {"_label": "LegalAct", "id": "by/code/tax", "shortTitle": "Налоговый кодекс"}
    assert neighbourhood.caption(act) == "Налоговый кодекс"
    unit = {"_label": "Provision", "id": "x#art_1", "label": "статья 1"}
    assert neighbourhood.caption(unit) == "статья 1"
    regulation = {"_label": "Regulation", "id": "r", "procedureNumber": "15.4.1", "title": "Р"}
    assert neighbourhood.caption(regulation) == "Регламент 15.4.1"
    bare = {"_label": "Fee", "id": "r__fee"}
    assert neighbourhood.caption(bare) == "r__fee"


async def test_a_node_comes_with_its_text_and_its_reading_room_page(
    corpus: AsyncDriver, settings: Settings
) -> None:
    drawn = await ask(corpus, settings, id="procedure/15.4.1", depth=1)
    # The number and the title are the caption already: nothing more to read on the node itself.
    assert drawn["center"]["text"] is None
    assert drawn["center"]["page"] == "/procedure/15.4.1"
    regulation = next(n for n in drawn["nodes"] if n["type"] == "Regulation")
    assert regulation["label"] == "Регламент 15.4.1"
    # Seed 004, line 1020: «Регламент административной процедуры, осуществляемой в отношении
    # субъектов хозяйствования, по подпункту 15.4.1», its title, which the caption shortens.
    assert regulation["text"].startswith("Регламент административной процедуры")
    assert regulation["text"].endswith("по подпункту 15.4.1")
    assert regulation["page"] == "/procedure/15.4.1"


async def test_a_provision_links_to_its_page(corpus: AsyncDriver, settings: Settings) -> None:
    drawn = await ask(corpus, settings, id="by/code/tax#art_287", depth=0)
    assert drawn["center"]["page"] == "/provision/by/code/tax/art_287"
    tax_code = await ask(corpus, settings, id="Налоговый кодекс", depth=0)
    assert tax_code["center"]["page"] == "/act/by/code/tax"
