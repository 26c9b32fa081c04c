"""The compiled path answers exactly as the resolvers do: the same JSON, the same errors.

Every named document of queries/ and hand-written variations (other fields, aliases, fragments,
variables, directives, days before and after the sample's second edition, missing ids, empty and
later pages) run through both schemas, the compiled one (`lexgraph.api.compile`) and the one whose
every field goes through its resolver, on the sample graph and on the imported sample corpus.
The four documents the compiler covers must also be answered by it, one statement each.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api.compile.coalesce import Coalescer, neo4j_run
from lexgraph.api.context import RequestContext
from lexgraph.api.schema import build_schema
from lexgraph.config import Settings, project_root
from tests.api.sample_graph import MVD_102, TAX_CODE
from tests.api.test_named_queries import VARIABLES
from tests.graphs import corpus_imported, sample_loaded

QUERIES = {p.stem: p.read_text() for p in sorted((project_root() / "queries").glob("*.graphql"))}
COVERED = {
    "procedure-details",
    "procedures-depending-on-art-287-tax-code",
    "procedures-requiring-apostille",
    "legal-act",
}

COMPILED = build_schema(compiled=True)
RESOLVED = build_schema(compiled=False)

# (name, document, variables, answered by the compiler)
VARIATIONS: list[tuple[str, str, dict[str, Any], bool]] = [
    (
        "the page before the second edition",
        QUERIES["procedure-details"],
        {"number": "15.4.1", "asOf": "2023-06-30"},
        True,
    ),
    (
        "the page on the day the second edition took effect",
        QUERIES["procedure-details"],
        {"number": "15.4.1", "asOf": "2023-07-01"},
        True,
    ),
    (
        "the page before the act was adopted",
        QUERIES["procedure-details"],
        {"number": "15.4.2", "asOf": "2001-01-01"},
        True,
    ),
    ("no such procedure", QUERIES["procedure-details"], {"number": "99.9.9"}, True),
    ("no such act", QUERIES["legal-act"], {"act": "by/law/1900-01-01/1-z"}, True),
    (
        "aliases, fragments, typenames and other fields",
        """
        query Two($n: String!, $day: Date) {
          a: procedure(number: $n, asOf: $day) { ...Head kind: __typename }
          b: procedure(number: "15.4.2") {
            n: number
            regulation {
              __typename
              validFrom validTo procedureNumber
              ds: documents { __typename position apostille channels writtenForm validTo }
              fee { amountBaseUnits benefits { position text fee { kind } } regulation { id } }
              procedure { number }
            }
          }
        }
        fragment Head on Procedure {
          id graphId subjects sources
          electronicAvailability { conflict byPortal byRegulation __typename }
          authorities { name sources procedures { number } }
          listedIn { inForce kind number date title }
        }
        """,
        {"n": "15.4.1", "day": "2023-06-30"},
        True,
    ),
    (
        "directives by variables",
        """
        query Skip($full: Boolean!) {
          procedure(number: "15.4.1") {
            number
            title @include(if: $full)
            regulation @skip(if: $full) { title }
          }
        }
        """,
        {"full": False},
        True,
    ),
    (
        "an act's units, their acts, parents and ancestors, as of a day",
        """
        query Units($act: String!) {
          legalAct(id: $act, asOf: "2023-06-30") {
            inForce status sources
            children {
              label unitType number sources
              act { graphId inForce }
              parent { __typename ... on LegalAct { graphId } ... on Provision { label } }
              children { label ancestors { ... on Provision { eId } ... on LegalAct { kind } } }
            }
          }
        }
        """,
        {"act": TAX_CODE},
        True,
    ),
    (
        "an act by its register number and what it approves",
        """
        { legalAct(registerNumber: "8/40012") {
            title signedBy approves { title legalBasis { graphId } features { label text } }
            basedOn { __typename ... on LegalAct { title } ... on Provision { label act { id } } }
        } }
        """,
        {},
        True,
    ),
    (
        "a later page of procedures, with edges and cursors",
        """
        query Page($after: String) {
          procedures(first: 1, after: $after) {
            totalCount
            edges { cursor node { number } __typename }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            nodes { title }
          }
        }
        """,
        {"after": "cHJvY2VkdXJlczow"},  # procedures:0
        True,
    ),
    (
        "an empty page and a page of none",
        """
        { none: procedures(filter: {text: "дирижабль"}) { totalCount nodes { number } }
          zero: procedures(first: 0) { totalCount pageInfo { hasNextPage endCursor } } }
        """,
        {},
        True,
    ),
    (
        "filters joined, as of a day",
        """
        { procedures(asOf: "2023-06-30", filter: {or: [{apostille: NOT_REQUIRED},
            {not: {fee: {min: 1}}}], subject: LEGAL_ENTITY}) {
            totalCount nodes { number citationsOf(id: "by/code/tax", includingSubunits: false)
              { text cited { ... on LegalAct { graphId } } } }
        } }
        """,
        {},
        True,
    ),
    (
        "a filter naming what the graph does not hold",
        """{ procedures(filter: {authority: "authority/none"}) { totalCount } }""",
        {},
        True,
    ),
    ("a page too large", """{ procedures(first: 1000) { totalCount } }""", {}, True),
    (
        "a field the compiler does not cover: the resolvers answer",
        """
        { procedure(number: "15.4.1") { number regulation { citations { text } } }
          legalAct(kind: CODE, number: "НК") { title } }
        """,
        {},
        False,
    ),
    (
        "requested information from registries and authorities",
        """
        { procedure(number: "15.4.1") { regulation {
            requestedInformation { name requestedFrom { __typename ... on Registry { name } } }
            appeals { kind heardBy { name } regulation { title } }
            issuedDocuments { validity validityText regulation { procedureTitle } }
            form { fields regulation { id } }
        } } }
        """,
        {},
        True,
    ),
]


async def both(driver: AsyncDriver, settings: Settings, query: str, variables: dict[str, Any]):  # type: ignore[no-untyped-def]
    """The answers of the compiled and of the resolver path, and the compiled one's context."""
    # Planning a new statement may take seconds on a busy machine; the answers are compared,
    # not the time.
    patient = settings.model_copy(update={"lexgraph_query_timeout_s": 120.0})
    answers = []
    contexts = []
    # The compiled path as served: its statements run through the process's batches.
    coalescer = Coalescer(neo4j_run(lambda: driver, settings.neo4j_database))
    for schema in (COMPILED, RESOLVED):
        context = RequestContext(driver=driver, settings=patient, coalescer=coalescer)
        result = await schema.execute(query, variable_values=variables, context_value=context)
        errors = [(e.message, e.path) for e in result.errors or []]
        answers.append((result.data, errors))
        contexts.append(context)
    return answers[0], answers[1], contexts[0]


@pytest.fixture(scope="module")
async def sample(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    await sample_loaded(driver, settings.neo4j_database)
    return driver


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_every_named_document_answers_alike(
    name: str, sample: AsyncDriver, settings: Settings
) -> None:
    compiled, resolved, context = await both(
        sample, settings, QUERIES[name], VARIABLES.get(name, {})
    )
    assert compiled == resolved
    assert compiled[1] == []
    if name in COVERED:
        assert context.fallbacks == []
        assert all(trip.startswith("COMPILED[") for trip in context.round_trips)
        assert len(context.round_trips) == 1


@pytest.mark.parametrize(
    ("query", "variables", "covered"),
    [pytest.param(q, v, c, id=n) for n, q, v, c in VARIATIONS],
)
async def test_variations_answer_alike(
    query: str, variables: dict[str, Any], covered: bool, sample: AsyncDriver, settings: Settings
) -> None:
    compiled, resolved, context = await both(sample, settings, query, variables)
    assert compiled == resolved
    assert (context.fallbacks == []) is covered


async def test_what_differs_between_the_editions_is_seen(
    sample: AsyncDriver, settings: Settings
) -> None:
    """The earlier text required one more document of 15.4.1 (tests/api/sample_graph.py)."""
    query = """query D($day: Date) { procedure(number: "15.4.1", asOf: $day) {
        regulation { documents { name } } } }"""
    before, _, _ = await both(sample, settings, query, {"day": "2023-06-30"})
    after, _, _ = await both(sample, settings, query, {"day": "2023-07-01"})
    documents = [before[0]["procedure"]["regulation"]["documents"]]
    documents.append(after[0]["procedure"]["regulation"]["documents"])
    assert len(documents[0]) == len(documents[1]) + 1


async def test_a_missing_procedure_is_told_as_the_resolver_tells_it(
    sample: AsyncDriver, settings: Settings
) -> None:
    compiled, _, _ = await both(sample, settings, QUERIES["procedure-details"], {"number": "1.2"})
    assert compiled == ({"procedure": None}, [("no procedure numbered '1.2'", ["procedure"])])


async def test_the_uncovered_field_is_named(sample: AsyncDriver, settings: Settings) -> None:
    query = '{ procedure(number: "15.4.1") { regulation { unresolvedCitations { text } } } }'
    _, _, context = await both(sample, settings, query, {})
    assert context.fallbacks == [("procedure", "Regulation.unresolvedCitations")]


async def test_one_plan_answers_each_request_with_its_own_values(
    sample: AsyncDriver, settings: Settings
) -> None:
    """One document asked of an act by id and by register number, before it was adopted
    (19 May 2023) and after: the plans kept answer each request with its own key and day."""
    query = """query A($id: String, $register: String, $day: Date) {
        legalAct(id: $id, registerNumber: $register, asOf: $day) { number inForce } }"""
    asked = [
        ({"id": MVD_102, "day": "2024-01-01"}, True),
        ({"id": MVD_102, "day": "2001-01-01"}, False),
        ({"register": "8/40012", "day": "2001-01-01"}, False),
        ({"register": "8/40012", "day": "2024-01-01"}, True),
    ]
    for variables, in_force in asked:
        compiled, resolved, context = await both(sample, settings, query, variables)
        assert compiled == resolved
        assert compiled[0] == {"legalAct": {"number": "102", "inForce": in_force}}
        assert context.fallbacks == []
    tax_code, _, _ = await both(sample, settings, query, {"id": TAX_CODE})
    assert tax_code[0]["legalAct"]["number"] is None  # a code is cited by its title


async def test_a_directive_asks_another_plan(sample: AsyncDriver, settings: Settings) -> None:
    query = """query S($brief: Boolean!) {
        procedure(number: "15.4.1") { number regulation @skip(if: $brief) { id } } }"""
    for brief in (False, True, False):
        compiled, resolved, context = await both(sample, settings, query, {"brief": brief})
        assert compiled == resolved
        assert ("regulation" in compiled[0]["procedure"]) is not brief
        assert context.fallbacks == []


async def test_filters_of_other_shapes_get_plans_of_their_own(
    sample: AsyncDriver, settings: Settings
) -> None:
    query = """query F($f: ProcedureFilter) {
        procedures(filter: $f) { totalCount nodes { number } } }"""
    required = {"apostille": "REQUIRED"}
    either = {"or": [required, {"apostille": "NOT_REQUIRED"}]}
    totals = []
    for given in (required, either, {"apostille": "NOT_REQUIRED"}, either, None):
        compiled, resolved, context = await both(sample, settings, query, {"f": given})
        assert compiled == resolved
        assert context.fallbacks == []
        totals.append(compiled[0]["procedures"]["totalCount"])
    assert totals[1] == totals[3] <= totals[4]
    assert max(totals[0], totals[2]) <= totals[1] <= totals[0] + totals[2]


@pytest.fixture(scope="module")
async def corpus(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    await corpus_imported(driver, settings.neo4j_database)
    return driver


async def test_every_procedure_of_the_corpus_reads_alike(
    corpus: AsyncDriver, settings: Settings
) -> None:
    """Each procedure's page, today and on the day its act took effect; one statement's plan."""
    listing, _, _ = await both(
        corpus, settings, "{ procedures(first: 100) { totalCount nodes { number } } }", {}
    )
    numbers = [node["number"] for node in listing[0]["procedures"]["nodes"]]
    assert len(numbers) == listing[0]["procedures"]["totalCount"]
    assert {"15.4.1", "15.4.2"} <= set(numbers)
    for number in numbers:
        for day in (None, "2023-06-01"):
            compiled, resolved, context = await both(
                corpus, settings, QUERIES["procedure-details"], {"number": number, "asOf": day}
            )
            assert compiled == resolved, number
            assert context.fallbacks == []


@pytest.mark.parametrize("name", sorted(COVERED))
async def test_the_named_documents_read_alike_from_the_corpus(
    name: str, corpus: AsyncDriver, settings: Settings
) -> None:
    variables = VARIABLES.get(name, {})
    compiled, resolved, context = await both(corpus, settings, QUERIES[name], variables)
    assert compiled == resolved
    assert context.fallbacks == []
