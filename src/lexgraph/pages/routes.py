"""The reading room's routes: each reads its query string, asks the API its named document
(`lexgraph.pages.documents`) and renders the answer with a Jinja2 template (autoescaped).

Unknown procedures, acts, provisions and source documents are answered with the Russian 404
page; a request the API refuses (a malformed date) with the API's reason and 400; never a 500
for anything the reader typed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry import relay

from lexgraph.pages import impact_view, links, results, words
from lexgraph.pages.documents import PageRefused, answer

if TYPE_CHECKING:
    from lexgraph.api.app import LexGraphGraphQL

__all__ = ["page_routes"]

_ENV = Environment(
    loader=PackageLoader("lexgraph.pages", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.globals.update(links=links, words=words, view=impact_view)
_LINES = re.compile(r"^\s*(\d{1,7})\s*(?:[-–]\s*(\d{1,7}))?\s*$")
_SEARCH_HITS = 30


def page_routes(api: LexGraphGraphQL) -> list[Route | Mount]:
    """The pages, served by the app beside the API (`/`, `/procedure/…`, `/act/…`,
    `/provision/…`, `/source/…`, `/impact`, `/impact.md`) and their stylesheet."""
    pages = _Pages(api)
    return [
        Route("/", pages.home),
        Route("/procedure/{number}", pages.procedure),
        Route("/act/{act:path}", pages.act),
        Route("/provision/{unit:path}", pages.provision),
        Route("/source/{name:path}", pages.source),
        Route("/impact", pages.impact),
        Route("/impact.md", pages.impact_memo),
        Mount("/assets", StaticFiles(directory=Path(__file__).parent / "static")),
    ]


def render(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_ENV.get_template(template).render(**values), status_code=status)


def not_found(message: str) -> HTMLResponse:
    return render("not_found.html", 404, message=message)


def refused(refusal: PageRefused, missing: str = "") -> HTMLResponse:
    """The page for a document the API did not answer: the Russian 404 (`missing` says what is
    not there) or the API's reason with its status."""
    if refusal.status == 404:
        return not_found(missing or "Такой страницы нет.")
    return render("refused.html", refusal.status, message=refusal.reason)


def as_of(request: Request) -> str | None:
    """The `asOf` of the query string, checked: a day that is no day is the reader's error."""
    value = request.query_params.get("asOf") or None
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise PageRefused(
            400, f"«{value[:40]}» — не дата; укажите дату в виде ГГГГ-ММ-ДД, например 2024-01-01"
        ) from None
    if len(value) != 10:
        raise PageRefused(400, f"«{value[:40]}» — укажите дату в виде ГГГГ-ММ-ДД")
    return value


def line_span(value: str | None, line_count: int | None) -> tuple[int, int] | None:
    """`lines=A-B` (or `A`) as a span within the document; anything else is the reader's error."""
    if not value:
        return None
    found = _LINES.match(value)
    if found is None:
        raise PageRefused(400, f"«{value[:40]}» — укажите строки в виде A-B, например 10-12")
    start = int(found.group(1))
    end = int(found.group(2) or start)
    if start < 1 or end < start:
        raise PageRefused(400, f"строки {start}–{end}: первая должна быть не больше последней")
    if line_count is not None and end > line_count:
        raise PageRefused(400, f"строк {start}–{end} в документе нет: в нем {line_count} строк")
    return start, end


class _Pages:
    def __init__(self, api: LexGraphGraphQL) -> None:
        self.api = api

    async def _ask(self, request: Request, name: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await answer(self.api, request, name, variables)

    async def home(self, request: Request) -> Response:
        query = (request.query_params.get("q") or "").strip()[:500]
        hits: list[dict[str, Any]] = []
        try:
            if query:
                data = await self._ask(request, "search", {"text": query, "first": _SEARCH_HITS})
                hits = data["search"]
        except PageRefused as refusal:
            return refused(refusal)
        return render(
            "home.html",
            query=query,
            hits=hits,
            groups=results.group_hits(hits),
            document="search",
        )

    async def procedure(self, request: Request) -> Response:
        number = request.path_params["number"]
        try:
            day = as_of(request)
            data = await self._ask(request, "procedure-card", {"number": number, "asOf": day})
        except PageRefused as refusal:
            return refused(refusal, f"Административной процедуры «{number}» в графе нет.")
        if data.get("procedure") is None:
            return not_found(f"Административной процедуры «{number}» в графе нет.")
        return render("procedure.html", p=data["procedure"], as_of=day, document="procedure-card")

    async def act(self, request: Request) -> Response:
        act_id = request.path_params["act"]
        try:
            day = as_of(request)
            data = await self._ask(request, "act-page", {"act": act_id, "asOf": day})
        except PageRefused as refusal:
            return refused(refusal, f"Акта «{act_id}» в графе нет.")
        if data.get("legalAct") is None:
            return not_found(f"Акта «{act_id}» в графе нет.")
        return render("act.html", a=data["legalAct"], document="act-page")

    async def provision(self, request: Request) -> Response:
        unit_id = links.provision_id(request.path_params["unit"])
        try:
            day = as_of(request)
            data = await self._ask(request, "provision-page", {"id": unit_id, "asOf": day})
        except PageRefused as refusal:
            return refused(refusal, f"Структурной единицы «{unit_id}» в графе нет.")
        if data.get("provision") is None:
            return not_found(f"Структурной единицы «{unit_id}» в графе нет.")
        return render("provision.html", u=data["provision"], document="provision-page")

    async def source(self, request: Request) -> Response:
        name = request.path_params["name"]
        document_id = f"source/{name}"
        try:
            data = await self._ask(
                request,
                "source-document",
                {"id": relay.to_base64("SourceDocument", document_id)},
            )
            document = data.get("node")
            if not document:
                return not_found(f"Исходного документа «{name}» в графе нет.")
            span = line_span(request.query_params.get("lines"), document.get("lineCount"))
            editions = document["editions"]
            edition = next(
                (e for e in editions if e["inForce"]), editions[-1] if editions else None
            )
            act = None
            if edition is not None and edition.get("actId"):
                act = (await self._ask(request, "legal-act", {"act": edition["actId"]}))["legalAct"]
        except PageRefused as refusal:
            return refused(refusal, f"Исходного документа «{name}» в графе нет.")
        text = edition.get("text") if edition else None
        lines = text.split("\n") if text is not None else []
        return render(
            "source.html",
            d=document,
            edition=edition,
            act=act,
            span=span,
            lines=lines,
            document="source-document",
        )

    async def _impact(self, request: Request) -> dict[str, Any] | Response:
        params = request.query_params
        of = [*params.getlist("provision"), *params.getlist("act")]
        of = [o.strip() for o in of if o.strip()]
        if not of:
            return render(
                "refused.html",
                400,
                message="Укажите норму (?provision=by/code/tax%23art_287) или акт (?act=…).",
            )
        try:
            day = as_of(request)
            depth = params.get("depth", "3")
            if not depth.isdigit():
                raise PageRefused(400, f"глубина «{depth[:20]}» — укажите число от 1 до 10")
            data = await self._ask(
                request, "impact-page", {"of": of, "asOf": day, "depth": int(depth)}
            )
        except PageRefused as refusal:
            return refused(refusal)
        impact: dict[str, Any] = data["impact"]
        if len(impact["notFound"]) == len(of):
            return not_found(f"Нормы или акта «{', '.join(of)}» в графе нет.")
        return impact

    async def impact(self, request: Request) -> Response:
        found = await self._impact(request)
        if isinstance(found, Response):
            return found
        distances, rows = impact_view.counts_rows(found)
        query = request.url.query
        return render(
            "impact.html",
            i=found,
            tree=impact_view.chain_tree(found),
            distances=distances,
            rows=rows,
            query_string=f"?{query}" if query else "",
            document="impact-page",
        )

    async def impact_memo(self, request: Request) -> Response:
        found = await self._impact(request)
        if isinstance(found, Response):
            return found
        return PlainTextResponse(
            impact_view.memo_markdown(found),
            media_type="text/markdown; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="impact.md"'},
        )
