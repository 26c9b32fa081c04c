"""The ASGI app: GraphQL at `/graphql` (GraphiQL for browsers), `/healthz` and `/readyz`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from neo4j import AsyncDriver
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from lexgraph.api.context import RequestContext
from lexgraph.api.schema import schema
from lexgraph.config import Settings, load_settings
from lexgraph.graph.driver import DatabaseUnavailable, create_driver
from lexgraph.graph.migrations import pending_migrations


class LexGraphGraphQL(GraphQL[RequestContext, None]):
    """Strawberry's ASGI app with LexGraph's per-request context."""

    def __init__(self, settings: Settings, driver_holder: dict[str, AsyncDriver]) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self._settings = settings
        self._driver_holder = driver_holder

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> RequestContext:
        return RequestContext(driver=self._driver_holder["driver"], settings=self._settings)


def create_app(settings: Settings | None = None, *, uri: str | None = None) -> Starlette:
    """Build the app; the driver is opened on startup and closed on shutdown."""
    settings = settings or load_settings()
    holder: dict[str, AsyncDriver] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        holder["driver"] = create_driver(settings, uri)
        try:
            yield
        finally:
            await holder["driver"].close()

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

    graphql_app = LexGraphGraphQL(settings, holder)
    return Starlette(
        routes=[
            Route("/graphql", graphql_app, methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
        ],
        lifespan=lifespan,
    )
