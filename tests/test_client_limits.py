"""Per-client limits: a client over its rate or its requests in flight is told 429, when to retry,
and why, in a GraphQL-shaped answer; other clients and other paths are untouched.

No database: the app behind the limits is a small Starlette app whose `/graphql` can be held in
flight (until the test opens a gate) or made to fail. Time is a clock the test moves by hand.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from lexgraph.api.client_limits import (
    RATE_LIMITED,
    TOO_MANY_CONCURRENT_REQUESTS,
    Admission,
    ClientLimits,
    ClientTable,
    Limits,
    Refusal,
    is_loopback,
    refilled,
    retry_after,
    seconds_until_token,
)
from lexgraph.config import SettingsError, load_settings

TOKEN = "a-token-of-thirty-two-characters"
SOMEONE = "203.0.113.7"  # documentation addresses (RFC 5737)
SOMEONE_ELSE = "198.51.100.20"


class Clock:
    """Monotonic time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Gate:
    """Holds requests in flight until the test opens it, and tells how many are waiting."""

    def __init__(self) -> None:
        self.inside = 0
        self._opened = asyncio.Event()
        self._arrived = asyncio.Event()

    async def pass_through(self) -> None:
        self.inside += 1
        self._arrived.set()
        await self._opened.wait()

    async def until_inside(self, count: int) -> None:
        while self.inside < count:
            self._arrived.clear()
            await self._arrived.wait()

    def open(self) -> None:
        self._opened.set()


def backend(gate: Gate | None = None) -> Starlette:
    """The app behind the limits: `/graphql?hold` waits at the gate, `/graphql?fail` raises."""

    async def graphql(request: Request) -> Response:
        if "fail" in request.query_params:
            raise RuntimeError("the resolver failed")
        if "hold" in request.query_params and gate is not None:
            await gate.pass_through()
        return JSONResponse({"data": {"ok": True}})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/metrics", healthz),
        ]
    )


def limited(
    gate: Gate | None = None,
    clock: Clock | None = None,
    *,
    rate: float = 0,
    burst: int = 1,
    concurrency: int = 0,
    **options: Any,
) -> ClientLimits:
    return ClientLimits(
        backend(gate),
        paths=["/graphql"],
        limits=Limits(rate=rate, burst=burst, concurrency=concurrency),
        clock=clock or Clock(),
        **options,
    )


def client_at(app: ClientLimits | Starlette, host: str) -> httpx.AsyncClient:
    """An HTTP client calling `app` from address `host`."""
    transport = httpx.ASGITransport(app=app, client=(host, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://lexgraph.test")


@pytest.fixture
async def someone() -> AsyncIterator[httpx.AsyncClient]:
    """A client of a rate-limited app (2 a second, bursts of 3) at a public address."""
    async with client_at(limited(rate=2, burst=3), SOMEONE) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def statuses(client: httpx.AsyncClient, count: int, **headers: str) -> list[int]:
    return [(await client.get("/graphql", headers=headers)).status_code for _ in range(count)]


# The token bucket, as numbers.


@pytest.mark.parametrize(
    ("tokens", "elapsed_s", "rate", "burst", "expected"),
    [
        (0.0, 0.5, 2.0, 3, 1.0),  # half a second at 2 a second: one token
        (1.0, 10.0, 2.0, 3, 3.0),  # never more than the burst
        (2.5, 0.0, 2.0, 3, 2.5),
        (1.0, -5.0, 2.0, 3, 1.0),  # a clock that went back takes nothing away
        (0.0, 1.0, 0.25, 3, 0.25),  # a rate below one a second
    ],
)
def test_a_bucket_refills_at_its_rate_up_to_its_burst(
    tokens: float, elapsed_s: float, rate: float, burst: int, expected: float
) -> None:
    assert refilled(tokens, elapsed_s, rate, burst) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("tokens", "rate", "wait_s", "header"),
    [
        (1.0, 2.0, 0.0, None),  # a token is there
        (0.9999999999, 2.0, 0.0, None),  # as near as float arithmetic gets
        (0.5, 2.0, 0.25, 1),  # a quarter of a second is told as 1 s, never 0
        (0.0, 0.25, 4.0, 4),
        (0.1, 0.25, 3.6, 4),  # rounded up: retrying at 3 s would be refused again
    ],
)
def test_retry_after_is_whole_seconds_until_the_next_token(
    tokens: float, rate: float, wait_s: float, header: int | None
) -> None:
    assert seconds_until_token(tokens, rate) == pytest.approx(wait_s)
    if header is not None:
        assert retry_after(seconds_until_token(tokens, rate)) == header


def test_limits_that_could_never_let_a_request_in_are_refused() -> None:
    with pytest.raises(ValueError, match="smaller than one request"):
        Limits(rate=1, burst=0)
    with pytest.raises(ValueError, match="0 \\(no limit\\) or more"):
        Limits(concurrency=-1)


# The table of clients.


def outcome(table: ClientTable, key: str) -> str:
    """`ok` (released at once), or the code of the refusal and its Retry-After."""
    admitted = table.admit(key)
    if isinstance(admitted, Refusal):
        return f"{admitted.code} {admitted.retry_after_s}"
    admitted.release()
    return "ok"


def test_the_rate_limit_step_by_step() -> None:
    clock = Clock()
    table = ClientTable(Limits(rate=2, burst=3, concurrency=0), clock=clock)
    # (seconds since the step before, the answer)
    steps = [
        (0.0, "ok"),
        (0.0, "ok"),
        (0.0, "ok"),  # the burst of 3, at once
        (0.0, "RATE_LIMITED 1"),  # half a second to the next token
        (0.0, "RATE_LIMITED 1"),  # being refused takes nothing, and gives nothing
        (0.5, "ok"),
        (0.0, "RATE_LIMITED 1"),
        (10.0, "ok"),  # a long pause refills to the burst, no more
        (0.0, "ok"),
        (0.0, "ok"),
        (0.0, "RATE_LIMITED 1"),
    ]
    for number, (elapsed, expected) in enumerate(steps):
        clock.advance(elapsed)
        assert outcome(table, "address:a") == expected, f"step {number}"


def test_a_slow_rate_tells_a_longer_wait() -> None:
    table = ClientTable(Limits(rate=0.25, burst=1, concurrency=0), clock=Clock())
    assert outcome(table, "address:a") == "ok"
    assert outcome(table, "address:a") == "RATE_LIMITED 4"


def test_requests_in_flight_step_by_step() -> None:
    table = ClientTable(Limits(rate=0, concurrency=2), clock=Clock())
    first, second = table.admit("address:a"), table.admit("address:a")
    assert isinstance(first, Admission)
    assert isinstance(second, Admission)
    assert outcome(table, "address:a") == "TOO_MANY_CONCURRENT_REQUESTS 1"
    assert outcome(table, "address:b") == "ok"  # another client has slots of its own
    first.release()
    first.release()  # a second release frees nothing more
    third = table.admit("address:a")
    assert isinstance(third, Admission)
    assert outcome(table, "address:a") == "TOO_MANY_CONCURRENT_REQUESTS 1"


def test_a_request_refused_for_concurrency_takes_no_token() -> None:
    table = ClientTable(Limits(rate=1, burst=2, concurrency=1), clock=Clock())
    held = table.admit("address:a")
    assert isinstance(held, Admission)
    assert outcome(table, "address:a") == "TOO_MANY_CONCURRENT_REQUESTS 1"
    held.release()
    assert outcome(table, "address:a") == "ok"  # the second token of the burst was kept


def test_the_table_stays_bounded_under_200000_distinct_clients() -> None:
    table = ClientTable(Limits(rate=20, burst=40, concurrency=8), clock=Clock())
    for number in range(200_000):
        assert outcome(table, f"address:{number}") == "ok"
    assert len(table) == table.max_clients == 100_000
    assert "address:0" not in table  # the least recently seen went first
    assert "address:199999" in table


def test_an_evicted_client_with_a_full_bucket_loses_nothing() -> None:
    clock = Clock()
    table = ClientTable(Limits(rate=1, burst=2, concurrency=0), max_clients=2, clock=clock)
    assert outcome(table, "address:a") == "ok"
    clock.advance(1.0)  # a's bucket is full again
    outcome(table, "address:b")
    outcome(table, "address:c")
    assert "address:a" not in table
    assert [outcome(table, "address:a") for _ in range(3)] == ["ok", "ok", "RATE_LIMITED 1"]


def test_eviction_passes_over_clients_with_requests_in_flight() -> None:
    table = ClientTable(Limits(rate=0, concurrency=1), max_clients=2, clock=Clock())
    busy = table.admit("address:busy")  # the least recently seen, but in flight
    assert outcome(table, "address:idle") == "ok"
    assert outcome(table, "address:new") == "ok"
    assert list(table) == ["address:busy", "address:new"]
    assert outcome(table, "address:busy") == "TOO_MANY_CONCURRENT_REQUESTS 1"
    assert isinstance(busy, Admission)
    busy.release()


def test_a_client_evicted_in_flight_is_not_credited_when_its_request_ends() -> None:
    table = ClientTable(Limits(rate=0, concurrency=1), max_clients=1, clock=Clock())
    old = table.admit("address:a")
    assert outcome(table, "address:b") == "ok"  # everyone is busy: a is evicted anyway
    new = table.admit("address:a")
    assert isinstance(old, Admission)
    assert isinstance(new, Admission)
    old.release()  # frees the slot of the entry it came from, not of the new one
    assert outcome(table, "address:a") == "TOO_MANY_CONCURRENT_REQUESTS 1"
    new.release()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        (None, True),  # a Unix socket: a peer on this host
        ("203.0.113.7", False),
        ("2001:db8::1", False),
        ("testclient", False),  # Starlette's TestClient: a name, so an ordinary client
        ("localhost", False),  # servers give addresses; a name is never trusted as local
    ],
)
def test_loopback_addresses(host: str | None, loopback: bool) -> None:
    assert is_loopback(host) is loopback


# The middleware, over HTTP.


async def test_a_client_over_its_burst_is_told_429_and_when_to_retry(
    someone: httpx.AsyncClient,
) -> None:
    assert await statuses(someone, 3) == [200, 200, 200]
    refused = await someone.post("/graphql", json={"query": "{ acts { totalCount } }"})
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/json"
    assert refused.headers["retry-after"] == "1"
    [error] = refused.json()["errors"]
    assert error["extensions"] == {"code": RATE_LIMITED}
    assert "at most 2 a second (bursts of 3)" in error["message"]
    assert "try again in 1 s" in error["message"]


async def test_the_bucket_refills_with_time() -> None:
    clock = Clock()
    async with client_at(limited(clock=clock, rate=2, burst=3), SOMEONE) as client:
        assert await statuses(client, 4) == [200, 200, 200, 429]
        clock.advance(0.5)
        assert await statuses(client, 2) == [200, 429]
        clock.advance(60)
        assert await statuses(client, 4) == [200, 200, 200, 429]


async def test_too_many_requests_in_flight_are_refused_until_one_finishes() -> None:
    gate = Gate()
    async with client_at(limited(gate, concurrency=2), SOMEONE) as client:
        held = [asyncio.create_task(client.get("/graphql?hold")) for _ in range(2)]
        await gate.until_inside(2)
        refused = await client.get("/graphql")
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "1"
        [error] = refused.json()["errors"]
        assert error["extensions"] == {"code": TOO_MANY_CONCURRENT_REQUESTS}
        assert "at most 2 at once" in error["message"]
        gate.open()
        assert [(await request).status_code for request in held] == [200, 200]
        assert await statuses(client, 3) == [200, 200, 200]


async def test_a_request_that_fails_frees_its_slot() -> None:
    async with client_at(limited(concurrency=1), SOMEONE) as client:
        with pytest.raises(RuntimeError, match="the resolver failed"):
            await client.get("/graphql?fail")
        assert (await client.get("/graphql")).status_code == 200


class Connection:
    """One HTTP connection driven by hand: the request is sent, then whatever the test puts."""

    def __init__(self, host: str) -> None:
        self.scope: Scope = {
            "type": "http",
            "method": "POST",
            "path": "/graphql",
            "headers": [],
            "client": (host, 50000),
        }
        self.incoming: asyncio.Queue[Message] = asyncio.Queue()
        self.incoming.put_nowait({"type": "http.request", "body": b"{}", "more_body": False})
        self.sent: list[Message] = []
        self.waiting = asyncio.Event()  # the app waits for something from the client

    async def receive(self) -> Message:
        if self.incoming.empty():
            self.waiting.set()
        return await self.incoming.get()

    async def send(self, message: Message) -> None:
        self.sent.append(message)

    @property
    def status(self) -> int | None:
        starts = [m["status"] for m in self.sent if m["type"] == "http.response.start"]
        return starts[0] if starts else None


async def waits_for_the_client_to_leave(scope: Scope, receive: Receive, send: Send) -> None:
    """A long request that stops when its client goes away, as a streaming answer would."""
    while (await receive())["type"] != "http.disconnect":
        pass


@pytest.mark.parametrize("leaving", ["disconnect", "cancel"])
async def test_a_client_that_goes_away_frees_its_slot(leaving: str) -> None:
    limits = ClientLimits(
        waits_for_the_client_to_leave,
        paths=["/graphql"],
        limits=Limits(rate=0, concurrency=1),
        clock=Clock(),
    )
    first = Connection(SOMEONE)
    running = asyncio.create_task(limits(first.scope, first.receive, first.send))
    await first.waiting.wait()  # in flight
    second = Connection(SOMEONE)
    await limits(second.scope, second.receive, second.send)
    assert second.status == 429
    if leaving == "disconnect":
        first.incoming.put_nowait({"type": "http.disconnect"})
        await running
    else:  # the server stops the request (shutting down, or the task was cancelled)
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running
    third = Connection(SOMEONE)
    third.incoming.put_nowait({"type": "http.disconnect"})
    await limits(third.scope, third.receive, third.send)
    assert third.status is None  # let in: it waited for its client and saw it leave
    state = limits.table.state(f"address:{SOMEONE}")
    assert state is not None
    assert state.in_flight == 0


async def test_two_clients_are_limited_apart() -> None:
    app = limited(rate=2, burst=3)
    async with client_at(app, SOMEONE) as first, client_at(app, SOMEONE_ELSE) as second:
        assert await statuses(first, 4) == [200, 200, 200, 429]
        assert await statuses(second, 4) == [200, 200, 200, 429]


async def test_the_token_bearer_is_one_client_wherever_it_connects_from() -> None:
    app = ClientLimits.from_settings(
        backend(),
        load_settings(lexgraph_client_rate=1, lexgraph_client_burst=2, lexgraph_api_token=TOKEN),
        paths=["/graphql"],
        clock=Clock(),
    )
    async with client_at(app, SOMEONE) as office, client_at(app, SOMEONE_ELSE) as laptop:
        assert await statuses(office, 1, **bearer(TOKEN)) == [200]
        assert await statuses(laptop, 2, **bearer(TOKEN)) == [200, 429]
        # The address itself is another client: others behind it are not held back by the writer.
        assert await statuses(laptop, 2) == [200, 200]
        # A token the server does not know wins nothing: its bearer is its address.
        assert await statuses(office, 3, **bearer("invented-1")) == [200, 200, 429]
        assert await statuses(office, 1, **bearer("invented-2")) == [429]
    assert all(TOKEN not in key for key in app.table), "the token is kept only as a hash"


async def test_loopback_clients_are_exempt_unless_the_setting_says_otherwise() -> None:
    for host in ("127.0.0.1", "::1"):
        exempt = ClientLimits.from_settings(
            backend(), load_settings(lexgraph_client_burst=1), paths=["/graphql"]
        )
        async with client_at(exempt, host) as client:
            assert await statuses(client, 5) == [200] * 5
        assert len(exempt.table) == 0
        also_limited = ClientLimits.from_settings(
            backend(),
            load_settings(lexgraph_client_burst=1, lexgraph_client_limits_loopback=True),
            paths=["/graphql"],
            clock=Clock(),
        )
        async with client_at(also_limited, host) as client:
            assert await statuses(client, 2) == [200, 429]


def test_starlette_test_client_is_an_ordinary_client() -> None:
    app = limited(rate=1, burst=2)
    with TestClient(app) as client:  # its scope says ("testclient", 50000): not loopback
        assert [client.get("/graphql").status_code for _ in range(3)] == [200, 200, 429]


async def test_health_readiness_and_metrics_are_never_limited(someone: httpx.AsyncClient) -> None:
    assert await statuses(someone, 4) == [200, 200, 200, 429]
    for path in ("/healthz", "/metrics", "/healthz", "/metrics"):
        assert (await someone.get(path)).status_code == 200


async def test_wired_into_a_starlette_app_from_settings() -> None:
    app = Starlette(
        routes=backend().routes,
        middleware=[
            Middleware(
                ClientLimits.from_settings,
                settings=load_settings(lexgraph_client_rate=0.001, lexgraph_client_burst=2),
                paths=["/graphql"],
            )
        ],
    )
    async with client_at(app, SOMEONE) as client:
        assert await statuses(client, 3) == [200, 200, 429]
        assert (await client.get("/healthz")).status_code == 200


async def answers_at_once(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


async def test_the_client_table_is_bounded_behind_the_middleware() -> None:
    app = ClientLimits(
        answers_at_once, paths=["/graphql"], limits=Limits(), max_clients=1000, clock=Clock()
    )
    for number in range(20_000):
        connection = Connection(f"10.{number >> 16}.{(number >> 8) & 255}.{number & 255}")
        await app(connection.scope, connection.receive, connection.send)
        assert connection.status == 200
    assert len(app.table) == 1000


# Settings.


LIMIT_VARIABLES = (
    "LEXGRAPH_CLIENT_RATE",
    "LEXGRAPH_CLIENT_BURST",
    "LEXGRAPH_CLIENT_CONCURRENCY",
    "LEXGRAPH_CLIENT_LIMITS_LOOPBACK",
)


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in LIMIT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    defaults = load_settings()
    assert defaults.lexgraph_client_rate == 20
    assert defaults.lexgraph_client_burst == 40
    assert defaults.lexgraph_client_concurrency == 8
    assert defaults.lexgraph_client_limits_loopback is False


def test_settings_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in zip(LIMIT_VARIABLES, ("0.5", "3", "0", "true"), strict=True):
        monkeypatch.setenv(name, value)
    app = ClientLimits.from_settings(backend(), load_settings(), paths=["/graphql"])
    assert app.table.limits == Limits(rate=0.5, burst=3, concurrency=0)
    assert app.limit_loopback is True


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("LEXGRAPH_CLIENT_RATE", "-1"),
        ("LEXGRAPH_CLIENT_BURST", "0"),
        ("LEXGRAPH_CLIENT_BURST", "-5"),
        ("LEXGRAPH_CLIENT_CONCURRENCY", "-1"),
        ("LEXGRAPH_CLIENT_LIMITS_LOOPBACK", "perhaps"),
    ],
)
def test_bad_values_are_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=variable):
        load_settings()


async def test_no_limits_at_all_lets_everything_through() -> None:
    app = ClientLimits.from_settings(
        backend(),
        load_settings(lexgraph_client_rate=0, lexgraph_client_concurrency=0),
        paths=["/graphql"],
    )
    async with client_at(app, SOMEONE) as client:
        assert await statuses(client, 50) == [200] * 50
    assert len(app.table) == 0
