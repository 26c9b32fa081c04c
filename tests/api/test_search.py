"""`search` over the full-text index and `resolveCitations` over the citation grammar."""

from __future__ import annotations

from neo4j import AsyncDriver

from tests.api.conftest import Run
from tests.api.sample_graph import DUTY_REFERENCE, LAW_225, PARTS, TAX_CODE


async def test_search_finds_other_word_forms(sample_graph: AsyncDriver, run: Run) -> None:
    # «разрешений» (genitive plural) finds «специального разрешения» through Russian stemming.
    answer = await run(
        '{ search(text: "специальных разрешений", first: 5) { score type graphId title snippet'
        " node { id } } }"
    )
    assert answer.errors == []
    hits = answer.data["search"]
    assert hits
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert any(h["type"] == "Procedure" and h["graphId"] == "procedure/15.4.1" for h in hits)
    assert all("разрешени" in (h["snippet"] or "").lower() for h in hits)


async def test_search_text_is_words_not_query_syntax(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run('{ search(text: "пошлины AND (title:* OR \\"") { graphId } }')
    assert answer.errors == []


async def test_resolve_citations_finds_the_parts(sample_graph: AsyncDriver, run: Run) -> None:
    text = "документ должен соответствовать требованиям, определенным в " + DUTY_REFERENCE
    answer = await run(
        """query ($text: String!) { resolveCitations(text: $text) { start end text kind resolved
             actId ids units { eId graphId } nodes { ... on Provision { graphId } } } }""",
        text=text,
    )
    assert answer.errors == []
    [citation] = answer.data["resolveCitations"]
    assert text[citation["start"] : citation["end"]] == citation["text"]
    assert citation["kind"] == "provision"
    assert citation["resolved"] is True
    assert citation["actId"] == TAX_CODE
    assert citation["ids"] == PARTS
    assert [n["graphId"] for n in citation["nodes"]] == PARTS


async def test_resolve_citations_reports_what_it_cannot_resolve(
    sample_graph: AsyncDriver, run: Run
) -> None:
    answer = await run(
        '{ resolveCitations(text: "согласно пункту 7 Инструкции") { resolved reason ids nodes'
        " { id } } }"
    )
    assert answer.errors == []
    for citation in answer.data["resolveCitations"]:
        assert citation["nodes"] == []
        if not citation["resolved"]:
            assert citation["reason"]


async def test_acts_the_graph_knows_resolve_by_title(sample_graph: AsyncDriver, run: Run) -> None:
    # Neither date nor number: only the graph's act of this kind and title identifies it.
    answer = await run(
        """query ($text: String!) { resolveCitations(text: $text) {
             resolved ids nodes { ... on Provision { graphId } } } }""",
        text="определены в статье 29 Закона Республики Беларусь «О внешней трудовой миграции»",
    )
    assert answer.errors == []
    assert answer.data["resolveCitations"] == [
        {
            "resolved": True,
            "ids": [f"{LAW_225}#art_29"],
            "nodes": [{"graphId": f"{LAW_225}#art_29"}],
        }
    ]
    assert answer.round_trips[-1] == "CITABLE_NODES_BY_ID"


async def test_search_only_some_types(sample_graph: AsyncDriver, run: Run) -> None:
    answer = await run('{ search(text: "разрешения", types: ["Procedure"]) { type graphId } }')
    assert answer.errors == []
    assert {h["type"] for h in answer.data["search"]} == {"Procedure"}
    wrong = await run('{ search(text: "разрешения", types: ["Appeal"]) { type } }')
    assert "cannot search Appeal" in wrong.errors[0]


async def test_references_to_the_citing_act_resolve_through_the_context(
    sample_graph: AsyncDriver, run: Run
) -> None:
    query = """query ($text: String!, $context: CitingAct) {
                 resolveCitations(text: $text, context: $context) { resolved actId ids } }"""
    text = "в порядке, установленном пунктом 6 статьи 287 настоящего Кодекса"
    alone = await run(query, text=text)
    assert alone.errors == []
    assert alone.data["resolveCitations"] == [{"resolved": False, "actId": None, "ids": []}]
    cited = await run(query, text=text, context={"actId": TAX_CODE})
    assert cited.errors == []
    assert cited.data["resolveCitations"] == [
        {"resolved": True, "actId": TAX_CODE, "ids": [f"{TAX_CODE}#art_287__point_6"]}
    ]


async def test_an_act_the_graph_knows_by_its_register_number_resolves_by_it(
    sample_graph: AsyncDriver, run: Run
) -> None:
    # The register number is what an imported act keeps of «Зарегистрировано в Национальном
    # реестре … № 8/40012»; a text that names the act by it alone is resolved to it.
    act = "by/resolution/mvd/2099-05-19/102"
    await sample_graph.execute_query(
        "CREATE (:LegalAct {id: $id, kind: 'resolution', registerNumber: '8/99012'})", id=act
    )
    try:
        answer = await run(
            "query ($text: String!) { resolveCitations(text: $text) { resolved ids } }",
            text="в порядке, установленном постановлением МВД (рег. № 8/99012)",
        )
    finally:
        await sample_graph.execute_query("MATCH (n:LegalAct {id: $id}) DELETE n", id=act)
    assert answer.errors == []
    assert answer.data["resolveCitations"] == [{"resolved": True, "ids": [act]}]
