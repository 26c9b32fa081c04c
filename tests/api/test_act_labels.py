"""Acts as the sample corpus states them: the Tax Code with its title, and each act's status only
where a text says it.

Seed 004 (MVD resolution No. 102 of 19 May 2023) cites «Налогового кодекса Республики Беларусь»
by title alone (line 246 and others); it says «Признать утратившим силу постановление
Министерства внутренних дел Республики Беларусь от 25 января 2022 г. № 18 …» (line 31) and
«Настоящее постановление вступает в силу с 1 июля 2023 г.» (line 33). Seed 000 says of Council of
Ministers resolution No. 529 that it «вступило в силу с 15 июля 2017 года» (line 11): when it
entered into force, not that it is in force.
"""

from __future__ import annotations

from neo4j import AsyncDriver

from lexgraph.graph.migrations import load_migrations
from tests.api.conftest import Run

ACTS = """{ legalActs { graphId kind title status inForceFrom repealedOn } }"""


async def test_the_tax_code_has_its_title_and_kind(corpus: AsyncDriver, run: Run) -> None:
    answer = await run('{ legalAct(id: "by/code/tax") { kind title } }')
    assert answer.errors == []
    assert answer.data["legalAct"] == {
        "kind": "CODE",
        "title": "Налоговый кодекс Республики Беларусь",
    }


async def test_status_only_where_a_text_says_it(corpus: AsyncDriver, run: Run) -> None:
    answer = await run(ACTS)
    assert answer.errors == []
    acts = {a["graphId"]: a for a in answer.data["legalActs"]}
    assert len(acts) == 22
    stated = {i: (a["status"], a["inForceFrom"], a["repealedOn"]) for i, a in acts.items()}
    assert stated.pop("by/resolution/mvd/2023-05-19/102") == ("IN_FORCE", "2023-07-01", None)
    assert stated.pop("by/resolution/mvd/2022-01-25/18") == ("REPEALED", None, "2023-07-01")
    assert stated.pop("by/cm_resolution/2017-07-14/529") == (None, "2017-07-15", None)
    # Every other act is only cited: a reference does not say whether the act is in force.
    assert set(stated.values()) == {(None, None, None)}


async def test_a_graph_imported_before_gets_the_codes_titles(corpus: AsyncDriver, run: Run) -> None:
    [migration] = [m for m in load_migrations() if m.name.startswith("0009_")]
    await corpus.execute_query("MATCH (n:LegalAct {id: 'by/code/tax'}) REMOVE n.title")
    await corpus.execute_query(
        "MERGE (n:LegalAct {id: 'by/code/labour'}) SET n.kind = 'code', n.title = 'ТК (как назван)'"
    )
    try:
        await corpus.execute_query(migration.statements[-1])
        answer = await run(
            '{ tax: legalAct(id: "by/code/tax") { title } '
            'labour: legalAct(id: "by/code/labour") { title } }'
        )
    finally:
        await corpus.execute_query("MATCH (n:LegalAct {id: 'by/code/labour'}) DELETE n")
    assert answer.errors == []
    # A title the graph holds is kept; a missing one is the list's.
    assert answer.data == {
        "tax": {"title": "Налоговый кодекс Республики Беларусь"},
        "labour": {"title": "ТК (как назван)"},
    }
