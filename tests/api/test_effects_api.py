"""Effects in the API: `amend` shows an amending act's effects and impact before writing, writes
them with the edition, and `effects` on acts and units lists them, filtered and paged. Expected
values are read from resolution No. 40 of 26 February 2024 (fixtures/amending/mvd_2024_040.txt):
«в пункте 4 слова «5 базовых величин» заменить словами «7 базовых величин»» and «в подпункте 2.1
пункта 2 позицию «копия паспорта или иного документа» исключить» in the regulation of 15.4.1,
from 1 April 2024."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncDriver
from pydantic import SecretStr
from starlette.testclient import TestClient

from lexgraph.config import Settings
from lexgraph.importing import import_paths, sample_corpus_dir
from tests.test_api_access import TOKEN, client, post

SAMPLE = sample_corpus_dir() / "004_85fdc72f4cf61fef.txt"
FIXTURES = Path(__file__).parent.parent / "importers" / "fixtures" / "amending"
ACT_40 = "by/resolution/mvd/2024-02-26/40"
AMENDED = "by/resolution/mvd/2023-05-19/102"
POINT_4 = f"{AMENDED}#procedure_regulation_15.4.1__point_4"
FEATURE = f"{AMENDED}#procedure_regulation_15.2.2__point_1__subpoint_1.3.6"
BEARER = {"Authorization": f"Bearer {TOKEN}"}

AMEND = """
mutation Amend($text: String!, $current: String!, $dryRun: Boolean!) {
  amend(text: $text, current: $current, currentName: "004_85fdc72f4cf61fef.txt",
        dryRun: $dryRun) {
    amendingActId amendedActId effectiveFrom applies written alreadyApplied
    effects { position kind target targetProvisionId oldText newText applied reason }
    changes { changed { label graphId fields { name before after } } removed { graphId } }
    impact { totalCount counts { kind total } }
  }
}
"""

EFFECTS = """
query Effects($act: String!, $unit: String!, $applied: Boolean, $from: Date, $to: Date) {
  legalAct(id: $act) {
    effects(applied: $applied, from: $from, to: $to, first: 1) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { graphId position kind amendingActId effectiveFrom applied edition }
    }
  }
  provision(id: $unit) {
    effects(applied: $applied) { totalCount nodes { position oldText newText } }
  }
}
"""
MADE = """
query Made($act: String!, $unit: String!) {
  legalAct(id: $act) { effects(direction: MADE) { totalCount nodes { position targetActId } } }
  provision(id: $unit) { effects(direction: MADE) { totalCount } }
}
"""


@pytest.fixture
def writable(settings: Settings, empty_graph: AsyncDriver) -> Iterator[TestClient]:
    with client(settings, lexgraph_api_token=SecretStr(TOKEN)) as test_client:
        yield test_client


@pytest.fixture
async def sample(empty_graph: AsyncDriver, settings: Settings) -> None:
    await import_paths(empty_graph, settings.neo4j_database, [SAMPLE])


def _amend(
    test_client: TestClient, dry_run: bool, act: str = "mvd_2024_040.txt", **headers: str
) -> tuple[int, Any]:
    variables = {
        "text": (FIXTURES / act).read_text(encoding="utf-8"),
        "current": SAMPLE.read_text(encoding="utf-8"),
        "dryRun": dry_run,
    }
    return post(test_client, {"query": AMEND, "variables": variables}, **headers)


@pytest.mark.usefixtures("sample")
def test_amend_shows_the_effects_and_their_impact_before_writing(writable: TestClient) -> None:
    anonymous = _amend(writable, True)
    assert anonymous[1]["errors"][0]["message"].startswith("writing needs the API token")

    status, body = _amend(writable, True, **BEARER)
    assert status == 200, body
    preview = body["data"]["amend"]
    assert (preview["amendingActId"], preview["amendedActId"]) == (ACT_40, AMENDED)
    assert preview["effectiveFrom"] == "2024-04-01"
    assert (preview["applies"], preview["written"], preview["alreadyApplied"]) == (
        True,
        False,
        False,
    )
    assert [(e["position"], e["kind"], e["applied"]) for e in preview["effects"]] == [
        (1, "REPLACE_WORDS", True),
        (2, "DELETE", True),
    ]
    assert preview["effects"][0]["targetProvisionId"] == POINT_4
    fee = next(c for c in preview["changes"]["changed"] if c["label"] == "Fee")
    assert {"name": "amountBaseUnits", "before": "5.0", "after": "7.0"} in fee["fields"]
    # the fee and the removed passport copy are in the graph: what depends on them is counted
    assert preview["impact"]["totalCount"] > 0
    # a dry run writes nothing
    variables = {"act": AMENDED, "unit": FEATURE}
    nothing = post(writable, {"query": EFFECTS, "variables": variables})
    assert nothing[1]["data"]["legalAct"]["effects"]["totalCount"] == 0


@pytest.mark.usefixtures("sample")
def test_effects_written_by_amend_are_listed_on_the_act_and_the_unit(
    writable: TestClient,
) -> None:
    status, body = _amend(writable, False, **BEARER)
    assert status == 200, body
    assert body["data"]["amend"]["written"] is True
    again = _amend(writable, False, **BEARER)[1]["data"]["amend"]
    assert (again["written"], again["alreadyApplied"]) == (False, True)
    # No. 118 has refused instructions (16, of them 5 refused): recorded, none applied
    refused = _amend(writable, False, "mvd_2024_118.txt", **BEARER)[1]["data"]["amend"]
    assert (refused["applies"], refused["written"]) == (False, True)

    def effects(**variables: Any) -> Any:
        query = {"query": EFFECTS, "variables": {"act": AMENDED, "unit": FEATURE, **variables}}
        return post(writable, query)[1]["data"]

    first = effects(applied=True)
    page = first["legalAct"]["effects"]
    assert page["totalCount"] == 2
    assert page["pageInfo"]["hasNextPage"] is True
    one = page["nodes"][0]
    assert (one["graphId"], one["kind"], one["amendingActId"]) == (
        f"{ACT_40}#effect_1",
        "REPLACE_WORDS",
        ACT_40,
    )
    assert (one["effectiveFrom"], one["applied"]) == ("2024-04-01", True)
    assert one["edition"].startswith("source/004_85fdc72f4cf61fef.txt@")
    # No. 118's point 3 repeals another act (No. 18 of 2022): not among No. 102's effects
    assert effects()["legalAct"]["effects"]["totalCount"] == 2 + 15
    assert effects(applied=False)["legalAct"]["effects"]["totalCount"] == 15
    # No. 118 names no day («после его официального опубликования»): no date filter keeps it
    assert effects(to="2024-03-31")["legalAct"]["effects"]["totalCount"] == 0
    both = effects(**{"from": "2024-04-01", "to": "2024-04-01"})
    assert both["legalAct"]["effects"]["totalCount"] == 2
    # «подпункт 1.3.6 изложить в следующей редакции: …» of the regulation of 15.2.2
    unit = effects(applied=False)["provision"]["effects"]
    assert unit["totalCount"] == 1
    assert unit["nodes"][0]["position"] == 3
    assert unit["nodes"][0]["newText"].startswith("1.3.6.")

    made = post(
        writable, {"query": MADE, "variables": {"act": ACT_40, "unit": f"{ACT_40}#point_1"}}
    )
    assert made[1]["data"]["legalAct"]["effects"]["totalCount"] == 2
    assert {n["targetActId"] for n in made[1]["data"]["legalAct"]["effects"]["nodes"]} == {AMENDED}
    assert made[1]["data"]["provision"]["effects"]["totalCount"] == 2
