"""The example documents GraphiQL offers, read from `queries/` (convention: queries/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
)
from starlette.testclient import TestClient

from lexgraph.api.app import create_app
from lexgraph.api.graphiql import (
    EXAMPLES_PLACEHOLDER,
    ExampleError,
    examples_script,
    load_examples,
    read_example,
)
from lexgraph.api.schema import schema
from lexgraph.config import load_settings


def document(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_example_has_its_operation_name_description_and_variables(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        "procedure.graphql",
        "# One procedure by its number (номер в едином перечне).\n"
        '# Variables: {"number": "15.4.1"}\n'
        "query ProcedureCard($number: String!) { procedure(number: $number) { title } }\n",
    )
    example = read_example(path)
    assert example.name == "ProcedureCard"
    assert example.file == "procedure.graphql"
    assert example.description == "One procedure by its number (номер в едином перечне)."
    assert json.loads(example.variables) == {"number": "15.4.1"}
    assert example.query == path.read_text(encoding="utf-8")


def test_variables_may_wrap_across_comment_lines_inside_prose(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        "resolve.graphql",
        '# The references in a text. Variables: {"text": "в частях первой–третьей пункта 6\n'
        '# статьи 287 Налогового кодекса"}. Try your own text.\n'
        "query ResolveCitations($text: String!) { resolveCitations(text: $text) { text } }\n",
    )
    example = read_example(path)
    assert json.loads(example.variables) == {
        "text": "в частях первой–третьей пункта 6 статьи 287 Налогового кодекса"
    }
    assert example.description == "The references in a text. Try your own text."


def test_a_document_without_variables_gets_an_empty_variables_editor(tmp_path: Path) -> None:
    path = document(tmp_path, "a.graphql", "# Acts.\nquery Acts { legalActs { title } }\n")
    assert read_example(path).variables == ""


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("query { apiVersion }", "no named operation"),
        ("query Broken { apiVersion", "not a GraphQL document"),
        ("# Variables: {number: 1}\nquery A { apiVersion }", "example variables are not JSON"),
        ("# Variables: 15.4.1\nquery A { apiVersion }", "must be followed by a JSON object"),
    ],
)
def test_a_document_that_cannot_teach_is_named_with_the_reason(
    tmp_path: Path, text: str, problem: str
) -> None:
    with pytest.raises(ExampleError, match=problem) as raised:
        read_example(document(tmp_path, "bad.graphql", text))
    assert str(raised.value).startswith("bad.graphql: ")


def test_every_document_of_queries_is_an_example() -> None:
    examples = load_examples()
    assert examples, "queries/ holds the named documents GraphiQL offers"
    assert len({e.name for e in examples}) == len(examples)
    assert all(e.description for e in examples)


def test_the_examples_cannot_break_out_of_the_page(tmp_path: Path) -> None:
    path = document(tmp_path, "x.graphql", "# </script><b>\nquery X { apiVersion }\n")
    island = examples_script([read_example(path)])
    assert "</script><b>" not in island
    assert island.startswith('<script type="application/json" id="lexgraph-examples">')
    data = island.removeprefix(EXAMPLES_PLACEHOLDER[: -len("[]</script>")])
    assert json.loads(data.removesuffix("</script>"))[0]["description"] == "</script><b>"


def test_browsers_get_the_built_graphiql_with_the_examples(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "graphiql.html").write_text(f"<html><body>{EXAMPLES_PLACEHOLDER}</body></html>")
    queries = tmp_path / "queries"
    queries.mkdir()
    document(queries, "v.graphql", "# The version.\nquery Version { apiVersion }\n")
    app = create_app(load_settings(neo4j_uri="bolt://127.0.0.1:9"))
    view = next(r for r in app.routes if getattr(r, "path", "") == "/graphql").app  # type: ignore[attr-defined]
    view.web_dist, view.queries = dist, queries
    with TestClient(app) as client:  # no query runs: the driver never connects
        page = client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert '"name": "Version"' in page.text
    assert '"description": "The version."' in page.text


def undocumented(schema: GraphQLSchema) -> list[str]:
    """Types, fields, arguments and enum values without a description."""
    missing = []
    for name, kind in schema.type_map.items():
        if name.startswith("__") or name in ("String", "Int", "Float", "Boolean", "ID"):
            continue
        if not kind.description:
            missing.append(name)
        if isinstance(kind, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in kind.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(kind, GraphQLEnumType):
            missing += [f"{name}.{v}" for v, value in kind.values.items() if not value.description]
    return missing


def test_the_documentation_graphiql_shows_describes_everything() -> None:
    assert undocumented(schema._schema) == []


def test_graphiql_leaves_out_a_broken_document_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    document(tmp_path, "a.graphql", "# Fine.\nquery A { apiVersion }\n")
    document(tmp_path, "b.graphql", "query { apiVersion }\n")
    with pytest.raises(ExampleError):
        load_examples(tmp_path)
    assert [e.name for e in load_examples(tmp_path, skip_broken=True)] == ["A"]
    assert "b.graphql: no named operation" in caplog.text
