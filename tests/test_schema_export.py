"""The committed SDL is the contract frontends generate clients from: it must match the code."""

import pytest

from lexgraph.api.schema import schema, schema_with_writes
from lexgraph.config import project_root


@pytest.mark.parametrize(
    ("file", "exported"),
    [("schema.graphql", schema), ("schema-writes.graphql", schema_with_writes)],
)
def test_committed_sdl_matches_the_code(file: str, exported: object) -> None:
    committed = (project_root() / "schema" / file).read_text()
    assert committed.strip() == exported.as_str().strip(), (  # type: ignore[attr-defined]
        f"schema/{file} is out of date: run `make schema` and commit it"
    )


def test_the_public_schema_only_reads_and_the_writers_schema_adds_the_mutations() -> None:
    assert "type Mutation" not in schema.as_str()
    written = schema_with_writes.as_str()
    public_types = set(schema._schema.type_map)
    assert set(schema_with_writes._schema.type_map) - public_types == {
        "Mutation",
        "ImportedDocument",
        "AmendmentPreview",
    }
    assert "importDocument(" in written
    assert "amend(" in written
