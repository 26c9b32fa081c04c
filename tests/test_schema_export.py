"""The committed SDL is the contract frontends generate clients from: it must match the code."""

from lexgraph.api.schema import schema
from lexgraph.config import project_root


def test_committed_sdl_matches_the_code() -> None:
    committed = (project_root() / "schema" / "schema.graphql").read_text()
    assert committed.strip() == schema.as_str().strip(), (
        "schema/schema.graphql is out of date: run `make schema` and commit it"
    )
