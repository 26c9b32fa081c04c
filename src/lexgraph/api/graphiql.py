"""GraphiQL that teaches, and the explore page: the browser pages built from `web/`.

`web/` is built (`make web`: `npm ci && npm run build`) into `web/dist`, which the app serves under
`/static/`. GraphiQL (`GET /graphql` from a browser) is that build's `graphiql.html` with the named
documents of `queries/` filled in as examples: one tab each, with its example variables (the
convention is in `queries/README.md`). Without a build, browsers get Strawberry's own GraphiQL.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from graphql import GraphQLError, OperationDefinitionNode, parse
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from strawberry.asgi import GraphQL

from lexgraph.api.context import RequestContext
from lexgraph.config import project_root

EXAMPLES_PLACEHOLDER = '<script type="application/json" id="lexgraph-examples">[]</script>'
_VARIABLES = re.compile(r"\bvariables:\s*", re.IGNORECASE)
log = logging.getLogger(__name__)


def web_dist() -> Path:
    """Where `make web` puts the built pages."""
    return project_root() / "web" / "dist"


def queries_dir() -> Path:
    """The named documents: `queries/` of the checkout, or the copy installed with the package."""
    checkout = project_root() / "queries"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent.parent / "_queries"


@dataclass(frozen=True, slots=True)
class Example:
    """One named document, as GraphiQL offers it."""

    name: str
    file: str
    description: str
    query: str
    variables: str


class ExampleError(ValueError):
    """A document of `queries/` that cannot be offered as it is; the message names the file."""


def _leading_comment(text: str) -> str:
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        lines.append(stripped.removeprefix("#").strip())
    return " ".join(line for line in lines if line)


def read_example(path: Path) -> Example:
    """The example a document file gives: its operation's name, the description and the example
    variables of its leading comment (`Variables: {…}`, a JSON object, may wrap across lines)."""
    text = path.read_text(encoding="utf-8")
    try:
        document = parse(text)
    except GraphQLError as error:
        raise ExampleError(f"{path.name}: not a GraphQL document: {error.message}") from None
    names = [
        d.name.value
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode) and d.name is not None
    ]
    if not names:
        raise ExampleError(f"{path.name}: no named operation")
    comment = _leading_comment(text)
    description, variables = comment, ""
    found = _VARIABLES.search(comment)
    if found is not None:
        start = comment.find("{", found.end())
        if start != found.end():
            raise ExampleError(f"{path.name}: `Variables:` must be followed by a JSON object")
        try:
            value, end = json.JSONDecoder().raw_decode(comment, start)
        except json.JSONDecodeError as error:
            raise ExampleError(f"{path.name}: example variables are not JSON: {error}") from None
        if not isinstance(value, dict):
            raise ExampleError(f"{path.name}: example variables must be a JSON object")
        variables = json.dumps(value, ensure_ascii=False, indent=2)
        rest = comment[end:].lstrip(" .")
        description = " ".join(part for part in (comment[: found.start()].strip(), rest) if part)
    return Example(
        name=names[0],
        file=path.name,
        description=description,
        query=text,
        variables=variables,
    )


def load_examples(folder: Path | None = None, *, skip_broken: bool = False) -> list[Example]:
    """Every `*.graphql` of the folder, ordered by file name; with `skip_broken`, a file that
    breaks the convention is logged and left out instead of failing the whole list."""
    examples = []
    for path in sorted((folder or queries_dir()).glob("*.graphql")):
        try:
            examples.append(read_example(path))
        except ExampleError as error:
            if not skip_broken:
                raise
            log.warning("example left out of GraphiQL: %s", error)
    return examples


def examples_script(examples: list[Example]) -> str:
    """The examples as the page's JSON data island (safe inside HTML: no `<` survives)."""
    data = json.dumps([asdict(e) for e in examples], ensure_ascii=False).replace("<", "\\u003c")
    return EXAMPLES_PLACEHOLDER.replace("[]", data)


class GraphiQLWithExamples(GraphQL[RequestContext, None]):
    """Strawberry's ASGI view whose IDE is the built GraphiQL with the examples of `queries/`."""

    web_dist: Path | None = None
    queries: Path | None = None

    async def render_graphql_ide(self, request: Request) -> Response:
        page = (self.web_dist or web_dist()) / "graphiql.html"
        if not page.is_file():
            return await super().render_graphql_ide(request)
        html = page.read_text(encoding="utf-8")
        examples = load_examples(self.queries, skip_broken=True)
        return HTMLResponse(html.replace(EXAMPLES_PLACEHOLDER, examples_script(examples)))


async def explore_page(request: Request) -> Response:
    """`GET /explore`: the page drawing the neighbourhood of a node (`?id=procedure/15.4.1`)."""
    page = web_dist() / "explore.html"
    if not page.is_file():
        return PlainTextResponse(
            "The explore page is not built: run `make web` (npm ci && npm run build in web/).",
            status_code=503,
        )
    return FileResponse(page, media_type="text/html")
