"""The sample corpus in the graph: facts checked against the source text, per procedure."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from importers.base import clean
from lexgraph.config import Settings
from lexgraph.graph.conflicts import electronic_availability_conflicts
from lexgraph.importing import ImportReport
from tests.graphs import corpus_imported

RESOLUTION = "by/resolution/mvd/2023-05-19/102"


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> ImportReport:
    return await corpus_imported(driver, settings.neo4j_database)


async def rows(driver: AsyncDriver, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = await driver.execute_query(query, params)
    return [dict(r) for r in records]


async def test_every_document_imports(corpus: ImportReport) -> None:
    assert [(d.document_type, d.ok) for d in corpus.documents] == [
        ("mvd_regulations", True),
        ("portal_news", True),
        ("portal_guide", True),
    ]


# procedure → (documents submitted, requested information, fee in base units, benefits)
# Requested: the rows of the table of 2.2, and the two sources 1.3.x of the licensing
# regulations name («Регистр населения», the register of offences).
PROCEDURES = {
    "10.7.1": (3, 0, None, 0),
    "15.2.1": (9, 4 + 2, 10.0, 1),
    "15.2.2": (10, 3 + 2, 5.0, 2),
    "15.2.3": (6, 0, None, 0),
    "15.21.1": (8, 3 + 2, 10.0, 1),
    "15.21.2": (9, 3 + 2, 5.0, 2),
    "15.4.1": (3, 1, 5.0, 4),
    "15.4.2": (4, 0, 3.0, 3),
}

PROCEDURE_FACTS = """
MATCH (p:Procedure {number: $number})<-[:REGULATES]-(r:Regulation)
      <-[:APPROVES]-(:LegalAct {id: $act})
RETURN COUNT { (r)-[:REQUIRES]->() } AS documents,
       COUNT { (r)-[:REQUESTS]->() } AS requested,
       [(r)-[:CHARGES]->(f:Fee) | f.amountBaseUnits][0] AS fee,
       COUNT { (r)-[:CHARGES]->()-[:HAS_BENEFIT]->() } AS benefits
"""


@pytest.mark.parametrize(("number", "expected"), PROCEDURES.items())
async def test_each_procedure_as_its_regulation_says(
    corpus: ImportReport, driver: AsyncDriver, number: str, expected: tuple[Any, ...]
) -> None:
    (found,) = await rows(driver, PROCEDURE_FACTS, number=number, act=RESOLUTION)
    assert (found["documents"], found["requested"], found["fee"], found["benefits"]) == expected


async def test_procedures_paying_the_state_duty_depend_on_art_287_of_the_tax_code(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[:REQUIRES]->(d)-[c:CITES]->(unit:Provision)
              -[:PART_OF*]->(:Provision {id: 'by/code/tax#art_287'})
        RETURN r.procedureNumber AS number, collect(DISTINCT unit.eId) AS units,
               collect(DISTINCT c.text) AS texts
        ORDER BY number
        """,
    )
    assert [f["number"] for f in found] == [
        "15.2.1",
        "15.2.2",
        "15.21.1",
        "15.21.2",
        "15.4.1",
        "15.4.2",
    ]
    for f in found:
        assert sorted(f["units"]) == [
            "art_287__point_6__part_1",
            "art_287__point_6__part_2",
            "art_287__point_6__part_3",
        ]
        assert f["texts"] == [
            "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
        ]


async def test_apostille_required_documents(corpus: ImportReport, driver: AsyncDriver) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[:REQUIRES]->(d:DocumentRequirement {apostille: 'required'})
        RETURN r.procedureNumber AS number, d.name AS name ORDER BY number
        """,
    )
    assert [f["number"] for f in found] == ["10.7.1", "15.2.1", "15.2.2", "15.2.3"]
    assert found[0]["name"].startswith("документы, подтверждающие статус членов семьи")


async def test_the_resolution_approves_repeals_and_enters_into_force(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH (act:LegalAct {id: $act})
        RETURN act.inForceFrom AS inForce, act.number AS number,
               COUNT { (act)-[:APPROVES]->(:Regulation) } AS approved,
               [(act)-[r:REPEALS]->(old) | [old.id, old.status, old.repealedOn]] AS repealed,
               [(act)-[:BASED_ON]->(p) | p.id] AS basis
        """,
        act=RESOLUTION,
    )
    assert str(found["inForce"]) == "2023-07-01"
    assert found["approved"] == 8
    (repealed,) = found["repealed"]
    assert repealed[:2] == ["by/resolution/mvd/2022-01-25/18", "repealed"]
    assert str(repealed[2]) == "2023-07-01"
    assert sorted(found["basis"]) == [
        "by/edict/2007-12-04/611#regulation_ministerstve_vnutrennikh_del__point_9__subpoint_9.4",
        "by/edict/2021-06-25/240#point_3__para_3",
    ]


async def test_validity_of_the_special_permit(corpus: ImportReport, driver: AsyncDriver) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH (:Regulation {procedureNumber: '15.4.1'})-[:ISSUES]->(i:IssuedDocument)
        RETURN i.name AS name, i.validity AS validity, i.validityConditions AS conditions
        """,
    )
    assert (
        found["name"]
        == "специальное разрешение на право занятия трудовой деятельностью в Республике Беларусь"
    )
    assert found["validity"] == ["2 years", "1 years"]
    assert found["conditions"] == [
        "в отношении высококвалифицированных работников",
        "в отношении иных работников",
    ]


async def test_every_edge_and_document_node_says_where_it_was_read(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH ()-[r]->() WHERE NOT type(r) IN ['PART_OF', 'MENTIONS'] AND r.lineStart IS NULL
        RETURN count(r) AS edgesWithoutSource
        """,
    )
    assert found["edgesWithoutSource"] == 0


async def test_documents_mention_the_shared_nodes_by_edges(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH (d:SourceDocument)-[:MENTIONS]->(tax:LegalAct {id: 'by/code/tax'})
        WITH collect(d.id) AS mentioning, tax
        RETURN mentioning, tax.sources AS listed,
               COUNT { MATCH (n) WHERE n.sources IS NOT NULL } AS nodesWithLists
        """,
    )
    assert found["mentioning"]
    assert all(document.startswith("source/") for document in found["mentioning"])
    assert found["listed"] is None
    assert found["nodesWithLists"] == 0
    (requirement,) = await rows(
        driver,
        """
        MATCH (:Regulation {procedureNumber: '10.7.1'})-[:REQUIRES {position: 1}]->(d)
        RETURN d.sourceDocument AS doc, d.lineStart AS start, d.sourceText AS text
        """,
    )
    assert requirement["doc"] == "source/004_85fdc72f4cf61fef.txt"
    assert requirement["start"] == 100
    # Verbatim: the no-break spaces of the source are kept.
    assert "на\xa0выдачу" in requirement["text"]
    assert clean(requirement["text"]).startswith(
        "заявление организации, имеющей право на выдачу приглашений"
    )


async def test_portal_claims_point_at_procedures_and_conflicts_are_listed(
    corpus: ImportReport, driver: AsyncDriver, settings: Settings
) -> None:
    about = await rows(
        driver,
        "MATCH (f:PortalFact)-[:ABOUT]->(p:Procedure)"
        " RETURN p.number AS n, f.availableFrom AS f ORDER BY n",
    )
    assert about == [{"n": "10.7.1", "f": "2019"}, {"n": "15.4.1", "f": "2018-01"}]
    conflicts = await electronic_availability_conflicts(driver, settings.neo4j_database)
    assert [
        (c.number, [claim["sourceDocument"] for claim in c.claims], c.regulation_channels)
        for c in conflicts
    ] == [
        ("10.7.1", ["source/000_8633f05b71841d3c.txt"], ("courier", "in_person", "post")),
        ("15.4.1", ["source/000_8633f05b71841d3c.txt"], ("courier", "in_person", "post")),
    ]


async def test_unresolvable_references_are_kept_not_guessed(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver, "MATCH (u:UnresolvedCitation) RETURN u.text AS text, u.reason AS reason"
    )
    assert len(found) == 1
    assert found[0]["text"].startswith("Закона Республики Беларусь от 9 января 2017 года")
    assert "without number" in found[0]["reason"]


# Facts of the tables of seed 004 that the graph must keep, as the text states them (line numbers of
# importers/corpus/004_85fdc72f4cf61fef.txt); the parser-level reading is in
# tests/importers/test_mvd_audit.py.

N, R, S = "not_required", "required", "not_stated"
# procedure → per document (apostille, how its form-and-manner cell is given, alternatives)
DOCUMENT_ROWS = {
    "10.7.1": [(N, "stated", 0), (N, "merged", 0), (R, "merged", 0)],
    "15.2.1": [(N, "stated", 0)]
    + [(N, "merged", 0)] * 2
    + [(N, "merged", 6)]
    + [(N, "merged", 0)] * 4
    + [(R, "merged", 0)],
    "15.2.2": [(N, "stated", 0)]
    + [(N, "merged", 0)] * 2
    + [(N, "empty", 0), (N, "empty", 6)]
    + [(N, "empty", 0)] * 4
    + [(R, "empty", 0)],
    "15.2.3": [(N, "stated", 0)] + [(N, "merged", 0)] * 3 + [(R, "merged", 0), (N, "merged", 2)],
    "15.21.1": [(S, "stated", 0)]
    + [(S, "empty", 0)] * 2
    + [(S, "empty", 6)]
    + [(S, "empty", 0)] * 4,
    "15.21.2": [(S, "stated", 0)]
    + [(S, "empty", 0)] * 3
    + [(S, "empty", 6)]
    + [(S, "empty", 0)] * 4,
    "15.4.1": [(S, "stated", 0), (S, "merged", 0), (S, "merged", 2)],
    "15.4.2": [(S, "stated", 0), (S, "merged", 0), (S, "merged", 2), (S, "merged", 0)],
}


@pytest.mark.parametrize(("number", "expected"), DOCUMENT_ROWS.items())
async def test_each_document_row_keeps_apostille_form_cell_and_alternatives(
    corpus: ImportReport, driver: AsyncDriver, number: str, expected: list[tuple[str, str, int]]
) -> None:
    found = await rows(
        driver,
        """
        MATCH (:Regulation {procedureNumber: $number})-[q:REQUIRES]->(d)
        RETURN d.apostille AS apostille, d.submissionCell AS cell,
               size(d.alternatives) AS alternatives, d.channels AS channels
        ORDER BY q.position
        """,
        number=number,
    )
    assert [(f["apostille"], f["cell"], f["alternatives"]) for f in found] == expected
    # Every row takes the first row's form of submission (stated, merged down, or left empty).
    assert len({tuple(f["channels"]) for f in found}) == 1


ABROAD = "при регистрации договора о трудоустройстве за пределами Республики Беларусь"
FOREIGN_EMPLOYER = (
    "при регистрации трудового или гражданско-правового договора с иностранным нанимателем"
)


async def test_conditions_of_documents_survive_in_the_graph(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[q:REQUIRES]->(d) WHERE size(d.conditions) > 0
        RETURN r.procedureNumber AS number, q.position AS position, d.conditions AS conditions,
               d.condition AS condition
        ORDER BY number, position
        """,
    )
    conditions = {(f["number"], f["position"]): f["conditions"] for f in found}
    # 15.2.3: the heading rows «при …:» (lines 596, 626) are not documents; they head rows 2–5 / 6.
    assert [conditions.get(("15.2.3", p), [None])[0] for p in range(1, 7)] == [
        None,
        ABROAD,
        ABROAD,
        ABROAD,
        ABROAD,
        FOREIGN_EMPLOYER,
    ]
    assert conditions[("15.2.3", 5)] == [
        ABROAD,
        "в случае заключения договоров о трудоустройстве в период осуществления лицензируемого "
        "вида деятельности",
    ]
    assert conditions[("10.7.1", 3)] == ["при въезде членов семьи"]
    assert conditions[("15.2.2", 4)] == [
        "при обращении за изменением лицензии в связи с реорганизацией лицензиата – юридического "
        "лица"
    ]
    combined = {(f["number"], f["position"]): f["condition"] for f in found}
    assert combined[("15.2.3", 5)] == "; ".join(conditions[("15.2.3", 5)])
    # The payment document is needed unless the duty was paid through ERIP (and, on a change of
    # licence, unless the change follows a change of legislation).
    exceptions = {n for (n, p), c in conditions.items() if c[-1].startswith("за исключением")}
    assert exceptions == {
        "15.2.1",
        "15.2.2",
        "15.21.1",
        "15.21.2",
        "15.4.1",
        "15.4.2",
    }


async def test_the_passport_row_offers_two_documents(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    (found,) = await rows(
        driver,
        """
        MATCH (:Regulation {procedureNumber: '15.4.1'})-[:REQUIRES {position: 3}]->(d)
        RETURN d.alternatives AS alternatives, d.conditions AS conditions
        """,
    )
    assert [a.split(" ", 2)[:2] for a in found["alternatives"]] == [
        ["копия", "паспорта"],
        ["справка", "о"],
    ]
    assert found["alternatives"][1].endswith("не имеющих документов для выезда за границу")
    assert found["conditions"] == []


async def test_requested_information_keeps_its_footnote_and_condition(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[:REQUESTS]->(q)
        WHERE q.condition IS NOT NULL OR size(q.notes) > 0
        RETURN r.procedureNumber AS number, q.position AS position, q.condition AS condition,
               q.notes AS notes,
               [(q)-[c:CITES]->(p) WHERE c.field STARTS WITH 'note' | p.id] AS noteCites
        ORDER BY number, position
        """,
    )
    point_8 = (
        "by/cm_resolution/2023-02-27/154#regulation_poryadke_predstavleniya_perechnyakh_dokumentov"
        "__point_8__para_2"
    )
    assert [(f["number"], f["position"]) for f in found] == [
        ("15.2.1", 4),
        ("15.2.2", 3),
        ("15.21.2", 3),
        ("15.4.1", 1),
    ]
    by_key = {(f["number"], f["position"]): f for f in found}
    assert by_key[("15.2.1", 4)]["condition"].startswith("в случае, если заинтересованное лицо")
    assert by_key[("15.4.1", 1)]["condition"].startswith("за исключением случаев, указанных")
    for key in [("15.2.2", 3), ("15.21.2", 3)]:
        (note,) = by_key[key]["notes"]
        assert note.startswith("За исключением изменения лицензии в случаях")
        assert by_key[key]["noteCites"] == [point_8]


BENEFIT_UNITS = {
    "15.2.1": [["by/decree/2012-05-07/6#point_1__subpoint_1.1__part_1__para_3"]],
    "15.2.2": [
        ["by/decree/2012-05-07/6#point_1__subpoint_1.1__part_1__para_3"],
        ["by/code/tax#art_285__point_10__subpoint_10.20", "by/code/tax#art_285__point_14"],
    ],
    "15.4.2": [
        ["by/decree/2009-08-06/10#point_4__subpoint_4.1"],
        ["by/edict/2014-08-30/420#point_1__subpoint_1.3__para_3"],
        [
            "by/edict/2017-05-12/166#regulation_spetsialnom_pravovom_rezhime_kitaysko-belorusskogo"
            "__point_59__part_5"
        ],
    ],
}


@pytest.mark.parametrize(("number", "expected"), BENEFIT_UNITS.items())
async def test_benefits_cite_the_units_the_text_names(
    corpus: ImportReport, driver: AsyncDriver, number: str, expected: list[list[str]]
) -> None:
    found = await rows(
        driver,
        """
        MATCH (:Regulation {procedureNumber: $number})-[:CHARGES]->()-[:HAS_BENEFIT]->(b)
        RETURN [(b)-[:CITES]->(p) | p.id] AS units ORDER BY b.position
        """,
        number=number,
    )
    assert [sorted(f["units"]) for f in found] == [sorted(units) for units in expected]


async def test_appeals_as_the_regulations_state_them(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[:HAS_APPEAL]->(a)
        OPTIONAL MATCH (body:Authority)-[:HEARS_APPEAL]->(a)
        RETURN r.procedureNumber AS number, a.kind AS kind, a.forms AS forms, body.name AS body
        ORDER BY number
        """,
    )
    mvd = "Министерство внутренних дел Республики Беларусь"
    assert [(f["number"], f["kind"], f["forms"], f["body"]) for f in found] == [
        (
            "10.7.1",
            "administrative",
            ["electronic", "written"],
            "подразделение по гражданству и миграции главного управления внутренних дел Минского "
            "городского исполнительного комитета, управлений внутренних дел областных "
            "исполнительных комитетов",
        ),
        ("15.2.1", "judicial", [], None),
        ("15.2.2", "judicial", [], None),
        ("15.2.3", "administrative", ["electronic", "written"], mvd),
        ("15.21.1", "judicial", [], None),
        ("15.21.2", "judicial", [], None),
        ("15.4.1", "administrative", ["electronic", "written"], mvd),
        ("15.4.2", "administrative", ["electronic", "written"], mvd),
    ]


GOVERNED_BY = {
    "10.7.1": ["433-z", "240", "1065", "548", "57-26"],
    "15.2.1": ["433-z", "225-z", "213-z", "240", "548", "154", "303"],
    "15.2.2": ["433-z", "213-z", "240", "548", "154"],
    "15.2.3": ["433-z", "225-z", "213-z", "240", "548", "853"],
    "15.21.1": ["433-z", "225-z", "213-z", "240", "548", "154", "303"],
    "15.21.2": ["433-z", "213-z", "240", "548", "154"],
    "15.4.1": ["433-z", "225-z", "240", "548", "30"],
    "15.4.2": ["433-z", "225-z", "240", "548"],
}


async def test_each_regulation_is_governed_by_the_acts_of_its_point_1_2(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[g:GOVERNED_BY]->(a:LegalAct)
        WITH r, a ORDER BY g.position
        RETURN r.procedureNumber AS number, collect(a.id) AS acts
        """,
    )
    numbers = {f["number"]: [act.rsplit("/", 1)[1] for act in f["acts"]] for f in found}
    assert numbers == GOVERNED_BY


async def test_one_ministry_is_one_authority_however_a_text_names_it(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    # «Министерство внутренних дел» (points 1.1 and the appeal tables) is the issuer of the
    # resolution, «Министерство внутренних дел Республики Беларусь»; «Министерство образования»
    # (15.2.1, line 334) is the ministry the resolution was agreed with (line 55).
    found = await rows(
        driver,
        """
        MATCH (a:Authority)-[r]-() WHERE type(r) <> 'MENTIONS'
          AND (a.name STARTS WITH 'Министерство внутренних дел'
              OR a.name STARTS WITH 'Министерство образования')
        RETURN a.name AS name, collect(DISTINCT type(r)) AS edges ORDER BY name
        """,
    )
    assert [(f["name"], sorted(f["edges"])) for f in found] == [
        (
            "Министерство внутренних дел Республики Беларусь",
            ["HANDLED_BY", "HEARS_APPEAL", "ISSUED_BY"],
        ),
        ("Министерство образования Республики Беларусь", ["AGREED_WITH", "REQUESTED_FROM"]),
    ]


async def test_footnotes_reach_the_rows_that_carry_their_markers(
    corpus: ImportReport, driver: AsyncDriver
) -> None:
    found = await rows(
        driver,
        """
        MATCH (r:Regulation)-[q:REQUIRES]->(d)
        WITH r.procedureNumber AS number, q.position AS position, d.notes AS notes
        ORDER BY number, position
        RETURN number,
               [n IN collect([position, notes]) WHERE any(t IN n[1]
                   WHERE t STARTS WITH 'За исключением изменения лицензии') | n[0]] AS exception,
               [n IN collect([position, notes]) WHERE any(t IN n[1]
                   WHERE t STARTS WITH 'Электронный документ должен быть подписан') | n[0]] AS eds
        """,
    )
    by_number = {f["number"]: (f["exception"], f["eds"]) for f in found}
    # «**» (lines 526, 996) marks rows 5–10 of 15.2.2 and 5–9 of 15.21.2 (lines 436–488, 924–960).
    assert by_number["15.2.2"][0] == list(range(5, 11))
    assert by_number["15.21.2"][0] == list(range(5, 10))
    # «*» marks the electronic way in the form cell, which every row of these tables takes.
    for number, count in [("15.2.1", 9), ("15.2.2", 10), ("15.21.1", 8), ("15.21.2", 9)]:
        assert by_number[number][1] == list(range(1, count + 1))
    for number in ["10.7.1", "15.2.3", "15.4.1", "15.4.2"]:
        assert by_number[number] == ([], [])
