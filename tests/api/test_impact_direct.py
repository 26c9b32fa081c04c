"""Impact in legal words over the sample corpus: who depends on Art. 287 of the Tax Code directly,
and the chain read from the changed unit to the procedure.

Seed 004 (MVD resolution No. 102): the state-duty document of six procedures «должен
соответствовать требованиям, определенным в частях первой–третьей пункта 6 статьи 287 Налогового
кодекса Республики Беларусь» (lines 246, 418, 750, 908, 1066, 1427, in the regulations of 15.2.1,
15.2.2, 15.21.1, 15.21.2, 15.4.1, 15.4.2). Each of those procedures depends on the article
directly: its own regulation refers to it. Seed 000 (a portal news item, line 9) speaks of the
applications for the special permit of 15.4.1: it depends on the article through the procedure,
one reference further.
"""

from __future__ import annotations

from neo4j import AsyncDriver

from lexgraph.config import Settings
from lexgraph.graph.impact import KIND_ORDER, Rule, analyze_impact
from tests.api.conftest import Run

ART_287 = "by/code/tax#art_287"
DIRECT = ["15.2.1", "15.2.2", "15.21.1", "15.21.2", "15.4.1", "15.4.2"]
IMPACT = """query ($direct: Boolean, $kind: ImpactKind) {
  impact(of: ["by/code/tax#art_287"], depth: 5, asOf: "2024-01-01") {
    counts { kind total }
    directCounts { kind total }
    affected(kind: $kind, direct: $direct, first: 100) {
      totalCount
      nodes { node { graphId kind } distance references direct because path { words } } } } }"""


async def test_procedures_whose_documents_cite_art_287_depend_on_it_directly(
    corpus: AsyncDriver, run: Run
) -> None:
    answer = await run(IMPACT, kind="PROCEDURE", direct=True)
    assert answer.errors == []
    impact = answer.data["impact"]
    direct = {c["kind"]: c["total"] for c in impact["directCounts"]}
    # Six procedures, their six regulations and six duty documents, and the act approving them.
    assert direct == {"PROCEDURE": 6, "REGULATION": 6, "REQUIREMENT": 6, "ACT": 1}
    procedures = impact["affected"]["nodes"]
    assert impact["affected"]["totalCount"] == 6
    assert sorted(p["node"]["graphId"].removeprefix("procedure/") for p in procedures) == sorted(
        DIRECT
    )
    for procedure in procedures:
        # Three edges away, one reference: the document's citation.
        assert (procedure["distance"], procedure["references"], procedure["direct"]) == (3, 1, True)


async def test_the_chain_reads_from_the_changed_unit_to_the_procedure(
    corpus: AsyncDriver, run: Run
) -> None:
    answer = await run(IMPACT, kind="PROCEDURE", direct=True)
    assert answer.errors == []
    [permit] = [
        p
        for p in answer.data["impact"]["affected"]["nodes"]
        if p["node"]["graphId"] == "procedure/15.4.1"
    ]
    because = permit["because"]
    # The part the document cites (line 1066: «частях первой–третьей пункта 6 статьи 287 …»), in
    # full, first …
    assert because.startswith(
        "часть первая пункта 6 статьи 287 Налогового кодекса Республики Беларусь ← ссылается:"
        " документ «документ об уплате государственной пошлины за выдачу специального"
    )
    # … then the regulation of 15.4.1 (line 1020) that requires it, and the procedure last.
    assert "← требует: Регламент административной процедуры по подпункту 15.4.1" in because
    assert because.endswith(
        "→ регулирует: процедура 15.4.1 «Получение специального разрешения на право занятия"
        " трудовой деятельностью в Республике Беларусь»"
    )
    assert [s["words"].split(":")[0] for s in permit["path"]] == [
        "← ссылается",
        "← требует",
        "→ регулирует",
    ]


async def test_what_depends_through_another_reference_is_not_direct(
    corpus: AsyncDriver, run: Run
) -> None:
    answer = await run(IMPACT, direct=False)
    assert answer.errors == []
    indirect = answer.data["impact"]["affected"]
    assert indirect["totalCount"] == 1
    [news] = indirect["nodes"]
    # The portal's news item about 15.4.1's special permit: the article → the procedure (one
    # reference) → the news about it (another).
    assert news["node"]["kind"] == "PORTAL_FACT"
    assert (news["distance"], news["references"], news["direct"]) == (4, 2, False)
    assert news["because"].startswith("часть первая пункта 6 статьи 287")
    counts = {c["kind"]: c["total"] for c in answer.data["impact"]["counts"]}
    direct = {c["kind"]: c["total"] for c in answer.data["impact"]["directCounts"]}
    assert {k: counts[k] - direct.get(k, 0) for k in counts if counts[k] != direct.get(k, 0)} == {
        "PORTAL_FACT": 1
    }


async def test_references_count_the_references_on_the_path_shown(
    corpus: AsyncDriver, settings: Settings
) -> None:
    report = await analyze_impact(
        corpus, settings.neo4j_database, ["by/law/2022-10-14/213-z", ART_287], depth=6
    )
    assert report.affected
    for item in report.affected:
        assert item.references == sum(step.rule is Rule.REFERENCE for step in item.path)
        assert item.direct is (item.references == 1)
    direct = [a for a in report.affected if a.direct]
    assert report.direct_counts() == {
        kind: n for kind in KIND_ORDER if (n := sum(a.node.kind == kind for a in direct))
    }
