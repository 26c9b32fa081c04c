"""Every error a user can cause carries a stable `extensions.code`: a client tells one mistake
from another by the code, never by reading the message (README, «Error codes»).

The sample corpus (seed 004) names two acts «О лицензировании»: Law No. 213-З and Council of
Ministers resolution No. 154; it holds procedure 15.4.1 and no procedure 99.9.9.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest
from neo4j import AsyncDriver

from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema
from lexgraph.config import Settings

NOT_OURS = base64.b64encode(b"Spaceship:1").decode()


async def codes(
    driver: AsyncDriver, settings: Settings, query: str, variables: dict[str, Any]
) -> list[str | None]:
    """The codes of the errors the API answers `query` with, in order."""
    context = RequestContext(driver=driver, settings=settings)
    result = await schema.execute(query, variable_values=variables, context_value=context)
    return [(e.extensions or {}).get("code") for e in result.errors or []]


@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        # The document itself.
        ("{ procedure(number: ", {}, "GRAPHQL_PARSE_FAILED"),
        ('{ procedure(number: "15.4.1") { colour } }', {}, "GRAPHQL_VALIDATION_FAILED"),
        ('{ legalAct(kind: STATUTE, number: "1") { title } }', {}, "GRAPHQL_VALIDATION_FAILED"),
        # Arguments.
        (
            'query ($d: Int!) { neighbourhood(id: "15.4.1", depth: $d) { truncated } }',
            {"d": "two"},
            "BAD_USER_INPUT",
        ),
        ('{ neighbourhood(id: "15.4.1", depth: 9) { truncated } }', {}, "BAD_USER_INPUT"),
        ('{ search(text: "  ,  ") { score } }', {}, "BAD_USER_INPUT"),
        ("{ legalAct(kind: LAW) { title } }", {}, "BAD_USER_INPUT"),
        ('{ procedure(number: "15.4.1", asOf: "2024-13-01") { title } }', {}, "INVALID_DATE"),
        # What the request names.
        ('{ procedure(number: "99.9.9") { title } }', {}, "NOT_FOUND"),
        ('{ neighbourhood(id: "Закон о пчеловодстве") { truncated } }', {}, "NOT_FOUND"),
        ('{ neighbourhood(id: "О лицензировании") { truncated } }', {}, "AMBIGUOUS_NAME"),
        ('{ impact(of: ["О лицензировании"]) { of } }', {}, "AMBIGUOUS_NAME"),
        (
            '{ procedures(filter: {dependsOn: {citation: "как указано выше"}}) { totalCount } }',
            {},
            "UNRESOLVED_CITATION",
        ),
        (f'{{ node(id: "{NOT_OURS}") {{ id }} }}', {}, "INVALID_ID"),
        ('{ node(id: "not base64 at all") { id } }', {}, "INVALID_ID"),
        # Paging and drawing.
        ('{ procedures(after: "page two, please") { totalCount } }', {}, "INVALID_CURSOR"),
        ("{ procedures(first: -1) { totalCount } }", {}, "PAGE_TOO_LARGE"),
        ('{ search(text: "апостиль", first: 0) { score } }', {}, "PAGE_TOO_LARGE"),
        (
            '{ neighbourhood(id: "15.4.1", edgeTypes: ["LOVES"]) { truncated } }',
            {},
            "UNKNOWN_EDGE_TYPE",
        ),
    ],
)
async def test_each_mistake_has_its_code(
    corpus: AsyncDriver, settings: Settings, query: str, variables: dict[str, Any], code: str
) -> None:
    assert await codes(corpus, settings, query, variables) == [code]
