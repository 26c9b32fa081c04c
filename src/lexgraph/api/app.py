"""The ASGI app: GraphQL at `/graphql` (GraphiQL for browsers), health, readiness, metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from neo4j import AsyncDriver
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket

from lexgraph.api.context import RequestContext
from lexgraph.api.graphiql import GraphiQLWithExamples, explore_page, web_dist
from lexgraph.api.observability import Metrics, ObservedGraphQL, RequestObservation, lifecycle_log
from lexgraph.api.schema import schema
from lexgraph.config import Settings, load_settings
from lexgraph.graph.driver import DatabaseUnavailable, create_driver
from lexgraph.graph.migrations import pending_migrations


class LexGraphGraphQL(GraphiQLWithExamples, ObservedGraphQL):
    """Strawberry's ASGI app with LexGraph's per-request context (and operation metrics)."""

    def __init__(
        self, settings: Settings, driver_holder: dict[str, AsyncDriver], metrics: Metrics
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self._settings = settings
        self._driver_holder = driver_holder
        self.metrics = metrics

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> RequestContext:
        return RequestContext(driver=self._driver_holder["driver"], settings=self._settings)


def create_app(settings: Settings | None = None, *, uri: str | None = None) -> Starlette:
    """Build the app; the driver is opened on startup and closed on shutdown."""
    settings = settings or load_settings()
    holder: dict[str, AsyncDriver] = {}
    metrics = Metrics(driver=lambda: holder.get("driver"))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        holder["driver"] = create_driver(settings, uri)
        lifecycle_log.info("started", extra={"database": settings.neo4j_database})
        try:
            yield
        finally:
            # uvicorn has stopped accepting requests and let the running ones finish.
            lifecycle_log.info("shutting down: closing the Neo4j driver")
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
        except (DatabaseUnavailable, ServiceUnavailable, SessionExpired, OSError) as error:
            checks["neo4j"] = f"unreachable: {type(error).__name__}"
            return JSONResponse({"status": "not ready", "checks": checks}, status_code=503)
        except Neo4jError as error:
            checks["neo4j"] = f"error: {error.code}"
            return JSONResponse({"status": "not ready", "checks": checks}, status_code=503)
        if checks["migrations"] != "applied":
            return JSONResponse({"status": "not ready", "checks": checks}, status_code=503)
        return JSONResponse({"status": "ready", "checks": checks})

    graphql_app = LexGraphGraphQL(settings, holder, metrics)
    routes: list[Route | Mount] = [
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics.endpoint),
        Route("/explore", explore_page),
        Mount("/static", StaticFiles(directory=web_dist(), check_dir=False)),
    ]
    observed = [route.path for route in routes]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(RequestObservation, metrics=metrics, routes=observed)],
    )
    app.state.metrics = metrics
    return app
