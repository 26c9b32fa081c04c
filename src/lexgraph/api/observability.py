"""What operators see: request ids, structured JSON logs, and Prometheus metrics.

- Every HTTP request gets an id: the caller's `X-Request-ID` when it is a sane token, a fresh one
  otherwise. It is sent back in the response header and is on every log line written while the
  request runs.
- Logs are one JSON object a line (`configure_logging`), so a log shipper needs no parser.
- `/metrics` serves, in Prometheus' text format, HTTP requests by route and status, GraphQL
  operations by operation name and outcome with their latency, and the Neo4j connection pool.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import lru_cache
from typing import IO, Any, Literal

from graphql import GraphQLError, OperationDefinitionNode, parse
from neo4j import AsyncDriver
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import Collector
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from lexgraph.api.compile import plans as compiled_plans
from lexgraph.api.compile.coalesce import Coalescer
from lexgraph.api.context import RequestContext
from lexgraph.api.response_cache import ResponseCache

REQUEST_ID_HEADER = "X-Request-ID"
CLIENT_CLOSED_REQUEST = 499
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_GRAPHQL_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")

request_id_var: ContextVar[str | None] = ContextVar("lexgraph_request_id", default=None)
"""The id of the HTTP request being served (None outside a request)."""

_operations_var: ContextVar[list[str] | None] = ContextVar("lexgraph_operations", default=None)

access_log = logging.getLogger("lexgraph.access")
lifecycle_log = logging.getLogger("lexgraph.lifecycle")

# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged.
_RECORD_ATTRIBUTES = frozenset(
    logging.LogRecord("", 0, "", 0, "", None, None).__dict__.keys()
    | {"message", "asctime", "color_message"}  # uvicorn's terminal copy of the message
)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request id, and the `extra`s."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id is not None:
            entry["requestId"] = request_id
        for key, value in record.__dict__.items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """One readable line per record, for a person at a terminal: the time, the level, the
    logger, the message, then the request id and the `extra`s as `key=value`."""

    def format(self, record: logging.LogRecord) -> str:
        time = datetime.fromtimestamp(record.created, UTC).strftime("%H:%M:%S")
        message = record.getMessage()
        line = f"{time} {record.levelname:<7} {record.name}: {message}"
        said = set(message.split())  # an extra the message already says is not repeated
        details = []
        for key, value in record.__dict__.items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_") and str(value) not in said:
                details.append(f"{key}={value}")
        request_id = request_id_var.get()
        if request_id is not None:
            details.append(f"requestId={request_id}")
        if details:
            line += "  " + " ".join(details)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


LogFormat = Literal["auto", "json", "text"]


def json_logs(log_format: LogFormat, stream: IO[str] | None = None) -> bool:
    """Whether to log JSON lines: when asked, or, by default (`auto`), when the stream is not a
    terminal (a log shipper, a file, a pipe); a person at a terminal reads text lines."""
    if log_format != "auto":
        return log_format == "json"
    target = stream or sys.stderr
    return not (hasattr(target, "isatty") and target.isatty())


def configure_logging(
    level: str = "INFO", stream: IO[str] | None = None, log_format: LogFormat = "json"
) -> logging.Handler:
    """Send LexGraph's, uvicorn's and Strawberry's logs to `stream` (stderr), as JSON lines or
    readable ones (`json_logs`).

    uvicorn's own access log is switched off: `lexgraph.access` writes one line per request
    with the request id, the GraphQL operation names and the duration. Calling it again replaces
    the handler, so it is safe to call more than once."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if json_logs(log_format, stream) else TextFormatter())
    for name in ("lexgraph", "uvicorn", "uvicorn.error", "strawberry"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level)
        logger.propagate = False
    uvicorn_access = logging.getLogger("uvicorn.access")
    uvicorn_access.handlers = []
    uvicorn_access.propagate = False
    uvicorn_access.disabled = True
    return handler


def uvicorn_log_config(level: str = "INFO", log_format: LogFormat = "json") -> dict[str, Any]:
    """A `logging.config` dict for `uvicorn.run(log_config=…)`: JSON lines or readable ones, as
    above (decided here, for stderr, which the workers inherit)."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    quiet = {"handlers": [], "level": "WARNING", "propagate": False}
    formatter = "JsonFormatter" if json_logs(log_format) else "TextFormatter"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.{formatter}"}},
        "handlers": {"json": handler},
        "loggers": {
            name: {"handlers": ["json"], "level": level, "propagate": False}
            for name in ("lexgraph", "uvicorn", "uvicorn.error", "strawberry")
        }
        | {"uvicorn.access": quiet},
    }


def _pool_counts(driver: AsyncDriver) -> tuple[int, int, int] | None:
    """(in use, idle, maximum) connections of the driver's pool, or None when unknown.

    The driver has no public pool statistics, so this reads its pool's bookkeeping defensively:
    if a driver version lays it out differently, the metric is left out rather than wrong."""
    pool = getattr(driver, "_pool", None)
    connections = getattr(pool, "connections", None)
    maximum = getattr(getattr(pool, "pool_config", None), "max_connection_pool_size", None)
    if not isinstance(connections, Mapping) or not isinstance(maximum, int):
        return None
    in_use = idle = 0
    for per_address in list(connections.values()):
        for connection in list(per_address):
            if getattr(connection, "in_use", False):
                in_use += 1
            else:
                idle += 1
    return in_use, idle, maximum


class Neo4jPoolCollector(Collector):
    """Connections of the Neo4j driver's pool, read at scrape time."""

    def __init__(self, driver: Callable[[], AsyncDriver | None]) -> None:
        self._driver = driver

    def collect(self) -> Iterable[Metric]:
        driver = self._driver()
        counts = _pool_counts(driver) if driver is not None else None
        if counts is None:
            return
        in_use, idle, maximum = counts
        connections = GaugeMetricFamily(
            "lexgraph_neo4j_pool_connections",
            "Connections in the Neo4j driver's pool, by state.",
            labels=["state"],
        )
        connections.add_metric(["in_use"], in_use)
        connections.add_metric(["idle"], idle)
        yield connections
        yield GaugeMetricFamily(
            "lexgraph_neo4j_pool_max_size",
            "The most connections the Neo4j driver's pool may open.",
            value=maximum,
        )


class ResponseCacheCollector(Collector):
    """Lookups of the API's answer cache (`lexgraph.api.response_cache`), read at scrape time."""

    def __init__(self, cache: ResponseCache) -> None:
        self._cache = cache

    def collect(self) -> Iterable[Metric]:
        lookups = CounterMetricFamily(
            "lexgraph_response_cache_lookups",
            "Queries looked up in the answer cache, by outcome (hit, miss).",
            labels=["outcome"],
        )
        lookups.add_metric(["hit"], self._cache.hits)
        lookups.add_metric(["miss"], self._cache.misses)
        yield lookups
        yield GaugeMetricFamily(
            "lexgraph_response_cache_answers", "Answers in the cache.", value=len(self._cache)
        )


class CompiledPlansCollector(Collector):
    """Lookups of the compiled plans kept in this process (`lexgraph.api.compile.plans`), and the
    requests their statements answered together (`lexgraph.api.compile.coalesce`), read at
    scrape time."""

    def __init__(self, coalescer: Coalescer | None = None) -> None:
        self._coalescer = coalescer

    def collect(self) -> Iterable[Metric]:
        kept = compiled_plans.plans
        lookups = CounterMetricFamily(
            "lexgraph_graphql_compiled_plan_lookups",
            "Root fields looked up among the compiled plans kept, by outcome (hit: compiled"
            " before; miss: compiled now).",
            labels=["outcome"],
        )
        lookups.add_metric(["hit"], kept.hits)
        lookups.add_metric(["miss"], kept.misses)
        yield lookups
        yield GaugeMetricFamily(
            "lexgraph_graphql_compiled_plans", "Compiled plans kept.", value=len(kept)
        )
        if self._coalescer is not None:
            yield CounterMetricFamily(
                "lexgraph_graphql_compiled_batches",
                "Compiled statements run, each answering the requests of its plan that waited"
                " together (a batch).",
                value=self._coalescer.batches,
            )
            yield CounterMetricFamily(
                "lexgraph_graphql_compiled_batched_requests",
                "Root fields answered by those statements: over batches, the mean batch size.",
                value=self._coalescer.requests,
            )


class Metrics:
    """The metrics of one app, in a registry of its own (so two apps in a process never clash)."""

    MAX_OPERATION_NAMES = 200
    """Operation names are chosen by clients: past this many distinct ones, new names are counted
    as `other`, so a client cannot blow up the number of time series."""

    def __init__(self, driver: Callable[[], AsyncDriver | None] = lambda: None) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.http_requests = Counter(
            "lexgraph_http_requests",
            "HTTP requests served, by method, route and status code.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.http_duration = Histogram(
            "lexgraph_http_request_duration_seconds",
            "Time to serve an HTTP request, by route.",
            ["route"],
            registry=self.registry,
        )
        self.operations = Counter(
            "lexgraph_graphql_operations",
            "GraphQL operations executed, by operation name and outcome (ok, error).",
            ["operation", "outcome"],
            registry=self.registry,
        )
        self.operation_duration = Histogram(
            "lexgraph_graphql_operation_duration_seconds",
            "Time to execute a GraphQL operation, by operation name.",
            ["operation"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )
        self.executions = Counter(
            "lexgraph_graphql_executions",
            "GraphQL operations executed, by how (lexgraph.api.compile): compiled (every root"
            " field by its one statement) or resolvers (some root field by its resolvers).",
            ["how"],
            registry=self.registry,
        )
        self.resolver_fallbacks = Counter(
            "lexgraph_graphql_resolver_fallbacks",
            "Root fields answered by their resolvers instead of a compiled statement, by root"
            " field and by what the compiler does not cover (a schema field, `Query.x` for a"
            " root field it never compiles).",
            ["field", "uncovered"],
            registry=self.registry,
        )
        self.registry.register(Neo4jPoolCollector(driver))
        self._operation_names: set[str] = set()

    def operation_label(self, name: str) -> str:
        if name in self._operation_names:
            return name
        if len(self._operation_names) >= self.MAX_OPERATION_NAMES:
            return "other"
        self._operation_names.add(name)
        return name

    def observe_operation(self, name: str, outcome: str, seconds: float) -> None:
        label = self.operation_label(name)
        self.operations.labels(label, outcome).inc()
        self.operation_duration.labels(label).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

    async def endpoint(self, request: Request) -> Response:
        """`GET /metrics`: the Prometheus text format."""
        return Response(self.exposition(), media_type=CONTENT_TYPE_LATEST)


def _named_operations(query: str) -> tuple[str | None, ...] | None:
    # Clients send the same documents again and again; only short ones are kept, so a client
    # cannot fill the memory with large documents; longer ones are not parsed here at all (the
    # event loop's time), and are counted by the name the client gives or as `invalid`.
    if len(query) <= _CACHED_DOCUMENT_LENGTH:
        return _named_operations_cached(query)
    return None


_CACHED_DOCUMENT_LENGTH = 20_000


@lru_cache(maxsize=512)
def _named_operations_cached(query: str) -> tuple[str | None, ...] | None:
    return _parse_operation_names(query)


def _parse_operation_names(query: str) -> tuple[str | None, ...] | None:
    try:
        document = parse(query, max_tokens=_CACHED_DOCUMENT_LENGTH // 2)
    except GraphQLError:
        return None
    return tuple(
        d.name.value if d.name else None
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    )


def operation_name(query: str | None, requested: str | None) -> str:
    """The name an operation is counted under: the `operationName` the client sent, else the
    name of the document's only operation; `anonymous` for an unnamed one, `invalid` for a
    document that does not parse or a name that is no GraphQL name."""
    if requested:
        valid = isinstance(requested, str) and _GRAPHQL_NAME.fullmatch(requested)
        return requested if valid else "invalid"
    names = _named_operations(query or "")
    if names is None or len(names) != 1:
        return "invalid"
    return names[0] or "anonymous"


class ObservedGraphQL(GraphQL[RequestContext, None]):
    """Strawberry's ASGI view that counts and times each operation under its name."""

    metrics: Metrics | None = None

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Response,
        context: RequestContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        name = operation_name(request_data.query, request_data.operation_name)
        operations = _operations_var.get()
        if operations is not None:
            operations.append(name)
        began = time.perf_counter()
        outcome = "error"
        try:
            result = await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
            outcome = "error" if result.errors else "ok"
            return result
        finally:
            if self.metrics is not None:
                self.metrics.observe_operation(name, outcome, time.perf_counter() - began)
                if context.executed_as is not None:  # None: answered without executing
                    self.metrics.executions.labels(context.executed_as).inc()
                for field, uncovered in context.fallbacks:
                    self.metrics.resolver_fallbacks.labels(field, uncovered).inc()


def _route(path: str, routes: frozenset[str]) -> str:
    if path in routes:
        return path
    for route in routes:
        if route != "/" and path.startswith(route.rstrip("/") + "/"):
            return route
    return "other"


class RequestObservation:
    """ASGI middleware: the request id (in and out), one access log line, the HTTP metrics."""

    def __init__(self, app: ASGIApp, metrics: Metrics, routes: Iterable[str]) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = frozenset(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = Headers(scope=scope).get(REQUEST_ID_HEADER)
        request_id = (
            offered if offered and _SANE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        )
        id_token = request_id_var.set(request_id)
        operations: list[str] = []
        operations_token = _operations_var.set(operations)
        status: int | None = None
        failed = False
        began = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except BaseException:
            failed = True
            raise
        finally:
            if status is None:
                # Nothing was sent: our failure (500), or a client that went away before its
                # answer (499, nginx's "client closed request"), which is no server error.
                status = 500 if failed else CLIENT_CLOSED_REQUEST
            seconds = time.perf_counter() - began
            route = _route(scope["path"], self.routes)
            self.metrics.http_requests.labels(scope["method"], route, str(status)).inc()
            self.metrics.http_duration.labels(route).observe(seconds)
            fields: dict[str, Any] = {
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "durationMs": round(seconds * 1000, 2),
            }
            if operations:
                fields["operations"] = operations
            access_log.info("%s %s %s", scope["method"], scope["path"], status, extra=fields)
            _operations_var.reset(operations_token)
            request_id_var.reset(id_token)
