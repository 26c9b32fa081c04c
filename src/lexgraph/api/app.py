"""The ASGI app: GraphQL at `/graphql` (GraphiQL for browsers), health, readiness, metrics.

What a deployment may switch (`lexgraph.config.Settings`): GraphiQL and introspection (on by
default: researchers explore the schema), persisted-documents mode (`lexgraph.api.persisted`),
writes for the bearer of an API token (`lexgraph.api.writes`), CORS origins (none by default), and
the largest request body (`lexgraph.api.body_limit`). A database that cannot be reached is answered
with HTTP 503 and `Retry-After`, and `/readyz` says not ready, until it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

import orjson
from cross_web import HTTPException
from graphql import GraphQLError
from neo4j import AsyncDriver, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from lexgraph.api.auth import may_write
from lexgraph.api.body_limit import BodySizeLimit
from lexgraph.api.breaker import DatabaseBreaker
from lexgraph.api.client_limits import ClientLimits
from lexgraph.api.compile.coalesce import Coalescer, neo4j_run
from lexgraph.api.compile.execution import first_run_timeout
from lexgraph.api.context import RequestContext
from lexgraph.api.error_log import shortened
from lexgraph.api.errors import (
    DATABASE_UNAVAILABLE,
    RETRY_AFTER_S,
    DatabaseUnreachable,
    is_database_unavailable,
)
from lexgraph.api.graphiql import GraphiQLWithExamples, explore_page, queries_dir, web_dist
from lexgraph.api.http_shape import (
    GRAPHQL_RESPONSE_JSON,
    check_operation_name,
    error_codes,
    is_request_error,
    prefers_graphql_response_json,
    refusal_status,
    request_fields,
)
from lexgraph.api.kept_bounds import KeptListBounds
from lexgraph.api.limits import QueryLimits
from lexgraph.api.observability import (
    CompiledPlansCollector,
    Metrics,
    ObservedGraphQL,
    RequestObservation,
    ResponseCacheCollector,
    access_log,
    lifecycle_log,
    request_id_var,
)
from lexgraph.api.persisted import DocumentRefused, PersistedDocuments
from lexgraph.api.response_cache import ResponseCache, is_query, response_key
from lexgraph.api.schema import build_schema
from lexgraph.config import Settings, load_settings
from lexgraph.graph.driver import API_RETRY_S, DatabaseUnavailable, create_driver
from lexgraph.graph.impact_cache import ImpactReports
from lexgraph.graph.list_bounds import ListBounds, read_list_bounds
from lexgraph.graph.migrations import pending_migrations
from lexgraph.graph.stamp import graph_stamp
from lexgraph.pages import page_routes


class CachedAnswers(GraphQL[RequestContext, None]):
    """Serves a query asked again on an unchanged graph from the process's `ResponseCache`
    (`lexgraph.api.response_cache`); below the operation metrics, so answers from the cache
    are counted and timed like the others."""

    responses: ResponseCache = ResponseCache(max_bytes=0)  # none, until the app sets its own

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Response,
        context: RequestContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        execute = super().execute_single
        arguments = (request, request_adapter, sub_response, context, root_value, request_data)
        cache = self.responses
        query = request_data.query
        if (
            not cache.enabled
            or context.may_write
            or query is None
            or not is_query(query, request_data.operation_name)
        ):
            return await execute(*arguments)
        try:
            stamp = await context.graph_stamp()
        except (Neo4jError, DriverError, OSError) as error:
            if is_database_unavailable(error) or isinstance(error, OSError):
                # Told at once: the query would wait through the driver's retries a second time.
                return _request_error(DATABASE_UNAVAILABLE, str(DatabaseUnreachable()))
            return await execute(*arguments)  # the query meets the failure and reports it
        key = response_key(query, request_data.operation_name, request_data.variables, stamp)
        return await cache.answer(key, lambda: execute(*arguments))


class LexGraphGraphQL(GraphiQLWithExamples, ObservedGraphQL, CachedAnswers):
    """Strawberry's ASGI app with LexGraph's per-request context (and operation metrics), the
    persisted-documents mode, answers kept between requests, and 503 for a database that cannot
    be reached."""

    def __init__(
        self, settings: Settings, driver_holder: dict[str, AsyncDriver], metrics: Metrics
    ) -> None:
        super().__init__(
            build_schema(
                introspection=settings.lexgraph_introspection,
                writes=settings.writes_enabled,
                limits=QueryLimits(
                    depth=settings.lexgraph_max_depth,
                    aliases=settings.lexgraph_max_aliases,
                    tokens=settings.lexgraph_max_tokens,
                    page_size=settings.lexgraph_max_page_size,
                    cost=settings.lexgraph_max_cost,
                    input_values=settings.lexgraph_max_input_values,
                    check_budget_s=settings.lexgraph_check_budget_s,
                ),
            ),
            graphql_ide="graphiql" if settings.lexgraph_graphiql else None,
        )
        self._settings = settings
        self._driver_holder = driver_holder
        self.metrics = metrics
        # Each statement is bounded by the transaction timeout on the server (a compiled
        # statement's first run, which Neo4j plans, by `first_run_timeout`); the request as a
        # whole (connecting, retries, several statements) by this, so no request hangs.
        longest = first_run_timeout(settings.lexgraph_query_timeout_s)
        self._request_budget_s = longest + API_RETRY_S + 3
        self.persisted = (
            PersistedDocuments.from_folder(queries_dir())
            if settings.lexgraph_persisted_documents
            else None
        )
        # Shared by the requests of this process: paging through an impact report walks once.
        self.impact_reports = ImpactReports(size=settings.lexgraph_impact_cache_size)
        self.responses = ResponseCache(max_bytes=int(settings.lexgraph_response_cache_mb * 2**20))
        self.breaker = DatabaseBreaker(self._probe_database)
        self.list_bounds = KeptListBounds(self._read_list_bounds, self._read_stamp)
        self.coalescer = Coalescer(
            neo4j_run(lambda: self._driver_holder["driver"], settings.neo4j_database)
        )

    async def _read_list_bounds(self) -> ListBounds:
        # Read in the background, and seconds long on a large graph (3.5–7.5 s at M): not held
        # to a request's timeout.
        return await read_list_bounds(
            self._driver_holder["driver"], self._settings.neo4j_database, timeout_s=LIST_BOUNDS_S
        )

    async def _read_stamp(self) -> str:
        return await graph_stamp(
            self._driver_holder["driver"],
            self._settings.neo4j_database,
            self._settings.lexgraph_query_timeout_s,
        )

    async def _probe_database(self) -> None:
        await self._driver_holder["driver"].execute_query(
            "RETURN 1", database_=self._settings.neo4j_database, routing_=RoutingControl.READ
        )

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> RequestContext:
        return RequestContext(
            driver=self._driver_holder["driver"],
            settings=self._settings,
            may_write=may_write(request.headers, self._settings.lexgraph_api_token),
            impact_reports=self.impact_reports,
            list_size=self.list_bounds.list_size,
            coalescer=self.coalescer,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        # As Strawberry's, but a request it cannot take (no query, bad JSON, a mutation over
        # GET …) is told as a GraphQL error, in JSON, like every other error of the API.
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as refusal:
            response = JSONResponse(
                {"errors": [{"message": refusal.reason, "extensions": {"code": "BAD_REQUEST"}}]},
                status_code=refusal.status_code,
                media_type=_media_type(request),
            )
        except ClientDisconnect:
            access_log.info("the client went away before sending its whole request")
            return  # nobody to answer; counted as 499 (`RequestObservation`)
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        # orjson refuses invalid UTF-8 and nesting past 1,024 levels as malformed JSON, where
        # `json` raised errors Strawberry did not catch (a 500).
        return orjson.loads(data)

    def parse_json(self, data: str | bytes) -> Any:
        return request_fields(super().parse_json(data))

    async def parse_http_body(self, request: Any) -> Any:
        parsed = await super().parse_http_body(request)
        if isinstance(parsed, GraphQLRequestData):
            check_operation_name(parsed.operation_name)
        return parsed

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        answer: dict[str, Any] = dict(await super().process_result(request, result))
        if is_request_error(result.data, result.errors or ()):
            answer.pop("data", None)  # the spec's request error: it did not execute
        for error in answer.get("errors") or ():
            error["message"] = shortened(error["message"])
        return answer

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        response = super().create_response(response_data, sub_response)
        if sub_response.media_type == GRAPHQL_RESPONSE_JSON:
            response.headers["content-type"] = GRAPHQL_RESPONSE_JSON
        return response

    def encode_json(self, data: object) -> bytes:
        # orjson: several times faster than `json` on a procedure page (~100 KB), and Cyrillic
        # goes out as UTF-8 rather than as `\uXXXX` escapes, which tripled its size.
        return orjson.dumps(data)

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A GET naming a persisted document is a query, whatever the client accepts.
        params = request.query_params
        named = "documentId" in params or "extensions" in params
        return not named and super().should_render_graphql_ide(request)

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Response,
        context: RequestContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        if prefers_graphql_response_json(request.headers.get("accept", "")):
            sub_response.media_type = GRAPHQL_RESPONSE_JSON
        if self.breaker.is_open:
            return self._unavailable(sub_response)
        if self.persisted is not None:
            try:
                query = self.persisted.admit(request_data.query, await _request_fields(request))
            except DocumentRefused as refusal:
                sub_response.status_code = 400
                return _request_error(refusal.code, str(refusal))
            request_data = GraphQLRequestData(
                query=query,
                variables=request_data.variables,
                operation_name=request_data.operation_name,
                extensions=request_data.extensions,
                protocol=request_data.protocol,
            )
        # A writer's import may rightly take longer (it is one transaction, rolled back whole).
        budget = None if context.may_write else self._request_budget_s
        try:
            async with asyncio.timeout(budget):
                result = await super().execute_single(
                    request, request_adapter, sub_response, context, root_value, request_data
                )
        except TimeoutError:
            return _request_timed_out(self._request_budget_s)
        if context.stamp is not None:
            self.list_bounds.saw(context.stamp)  # the graph changed: its bounds may have
        errors = result.errors or []
        if DATABASE_UNAVAILABLE in error_codes(errors):
            self.breaker.failed()
            sub_response.status_code = 503
            sub_response.headers["Retry-After"] = str(RETRY_AFTER_S)
        else:
            refused = refusal_status(
                result.data, errors, sub_response.media_type == GRAPHQL_RESPONSE_JSON
            )
            if refused is not None:
                sub_response.status_code = refused
        return result

    def _unavailable(self, sub_response: Response) -> ExecutionResult:
        sub_response.status_code = 503
        sub_response.headers["Retry-After"] = str(RETRY_AFTER_S)
        return _request_error(DATABASE_UNAVAILABLE, str(DatabaseUnreachable()))


async def _request_fields(request: Request) -> dict[str, Any]:
    """The request's top-level fields (JSON body, or query string), for the persisted mode's
    `documentId`, which Strawberry's parsing leaves out. The body is cached by Starlette."""
    if request.method == "GET":
        fields: dict[str, Any] = dict(request.query_params)
        if "extensions" in fields:
            try:
                fields["extensions"] = json.loads(fields["extensions"])
            except ValueError:
                fields["extensions"] = None
        return fields
    try:
        body = json.loads(await request.body())
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


LIST_BOUNDS_S = 300.0
"""Longest a read of the graph's list bounds may take (`lexgraph.graph.list_bounds`)."""


def _media_type(request: Request) -> str:
    accept = request.headers.get("accept", "")
    return GRAPHQL_RESPONSE_JSON if prefers_graphql_response_json(accept) else "application/json"


def _request_timed_out(budget_s: float) -> ExecutionResult:
    return _request_error(
        "QUERY_TIMEOUT",
        f"the request took longer than the {budget_s:.0f} s the server allows and was stopped;"
        " ask for less, or try again if the database was restarting",
    )


def _request_error(code: str, message: str) -> ExecutionResult:
    """An answer with one error and no data, for a request stopped before or outside execution."""
    extensions: dict[str, Any] = {"code": code}
    request_id = request_id_var.get()
    if request_id is not None:
        extensions["requestId"] = request_id
    return ExecutionResult(data=None, errors=[GraphQLError(message, extensions=extensions)])


def create_app(settings: Settings | None = None, *, uri: str | None = None) -> Starlette:
    """Build the app; the driver is opened on startup and closed on shutdown."""
    settings = settings or load_settings()
    # A document new to the process is parsed and validated on worker threads
    # (`lexgraph.api.checked_document`); the event loop asks the interpreter for its turn every
    # millisecond rather than every five, so `/healthz` and cached answers are not kept waiting.
    # With one thread running, as almost always, the interval costs nothing.
    sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
    holder: dict[str, AsyncDriver] = {}
    metrics = Metrics(driver=lambda: holder.get("driver"))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        holder["driver"] = create_driver(settings, uri, fail_fast=True)
        # Requests are costed by the graph's bounds: read them before serving, unless that takes
        # longer than a request may (a large graph), then in the background.
        first_read = asyncio.ensure_future(graphql_app.list_bounds.refresh_now())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(first_read), settings.lexgraph_query_timeout_s)
        graphql_app.list_bounds.start()
        lifecycle_log.info("started", extra={"database": settings.neo4j_database})
        try:
            yield
        finally:
            # uvicorn has stopped accepting requests and let the running ones finish.
            lifecycle_log.info("shutting down: closing the Neo4j driver")
            await graphql_app.breaker.close()
            await graphql_app.list_bounds.close()
            await holder["driver"].close()
            lifecycle_log.info("stopped")

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        checks: dict[str, Any] = {}
        try:
            driver = holder["driver"]
            await driver.verify_connectivity()
            checks["neo4j"] = "reachable"
            pending = await pending_migrations(driver, settings.neo4j_database)
            checks["migrations"] = "applied" if not pending else {"pending": pending}
        except (Neo4jError, DriverError, DatabaseUnavailable, OSError) as error:
            # The same judgement as GraphQL requests get (`is_database_unavailable`).
            if is_database_unavailable(error) or isinstance(error, OSError):
                checks["neo4j"] = f"unreachable: {type(error).__name__}"
            elif isinstance(error, Neo4jError):
                checks["neo4j"] = f"error: {error.code}"
            else:
                raise
            return JSONResponse({"status": "not ready", "checks": checks}, status_code=503)
        if checks["migrations"] != "applied":
            return JSONResponse({"status": "not ready", "checks": checks}, status_code=503)
        return JSONResponse({"status": "ready", "checks": checks})

    graphql_app = LexGraphGraphQL(settings, holder, metrics)
    metrics.registry.register(ResponseCacheCollector(graphql_app.responses))
    metrics.registry.register(CompiledPlansCollector(graphql_app.coalescer))
    routes: list[Route | Mount] = [
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics.endpoint),
        Route("/explore", explore_page),
        Mount("/static", StaticFiles(directory=web_dist(), check_dir=False)),
        *page_routes(graphql_app),
    ]
    # A page's address holds its id: metrics count it under the route's fixed prefix.
    observed = [route.path.split("{", 1)[0].rstrip("/") or "/" for route in routes]
    # Outermost first: every answer is observed (429s and 413s too), carries CORS headers a
    # browser can read, and a client over its limits is refused before its body is read.
    middleware = [Middleware(RequestObservation, metrics=metrics, routes=observed)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Authorization", "X-Request-ID"],
                expose_headers=["X-Request-ID", "Retry-After"],
                max_age=600,
            )
        )
    middleware += [
        Middleware(ClientLimits.from_settings, settings=settings, paths=["/graphql"]),
        Middleware(BodySizeLimit, limit=_body_limit(settings)),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.state.metrics = metrics
    return app


def _body_limit(settings: Settings) -> Callable[[Mapping[str, str]], int]:
    """Everyone may send `LEXGRAPH_MAX_REQUEST_MB`; a writer, a document on top of it (its text
    as JSON may take up to six bytes a character where UTF-8 takes two)."""
    writer_limit = settings.max_request_bytes + 3 * settings.max_document_bytes

    def limit(headers: Mapping[str, str]) -> int:
        if may_write(headers, settings.lexgraph_api_token):
            return writer_limit
        return settings.max_request_bytes

    return limit
