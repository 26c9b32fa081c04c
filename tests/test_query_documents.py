"""Every named document of `queries/` (the pages' data and GraphiQL's examples) is valid against
the schema the API serves: a change of the contract that breaks a page's document fails here, in
the fast tests, not as a refused page in a reader's browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import parse, validate

from lexgraph.api.graphiql import queries_dir
from lexgraph.api.schema import schema, schema_with_writes

DOCUMENTS = sorted(queries_dir().glob("*.graphql"))


def test_there_are_documents_to_check() -> None:
    names = {d.stem for d in DOCUMENTS}
    assert {"search", "procedure-card", "act-page", "provision-page", "impact-page"} <= names


@pytest.mark.parametrize("path", DOCUMENTS, ids=[d.stem for d in DOCUMENTS])
def test_document_is_valid_against_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    served = schema_with_writes if "mutation" in text else schema
    assert [e.message for e in validate(served._schema, parse(text))] == []
