"""Per-client limits: how many requests one client may have in flight, and how fast it may ask.

A public API over one database is shared: without these, a single client (a runaway script, a
crawler, someone hostile) can fill every database session and every worker, and everyone else
waits. Each client gets a token bucket (a sustained rate per second, with room for a burst) and a
number of requests it may have in flight at once. A request over either limit is answered at once,
before the app reads it, with HTTP 429, `Retry-After` (whole seconds) and a GraphQL-shaped error
coded `RATE_LIMITED` or `TOO_MANY_CONCURRENT_REQUESTS`.

Who is a client:

* the bearer of a token the server knows (`Authorization: Bearer …`, checked by `known_token`),
  wherever it connects from; the token is kept only as a keyed hash, never as sent. A token the
  server does not know counts for nothing: otherwise anyone could escape their own limits by
  inventing a new token for every request;
* else the client address, `scope["client"]`. Behind a reverse proxy that address is the proxy's,
  unless the server takes the client's from the proxy's `X-Forwarded-For`: uvicorn does so for
  proxies listed in `--forwarded-allow-ips` (or `FORWARDED_ALLOW_IPS`; by default only a proxy on
  the same host, 127.0.0.1 and ::1). A proxy elsewhere that is not listed there makes every client
  one client.

Loopback clients (127.0.0.0/8, ::1, and a Unix socket, which has no address) are exempt unless
`limit_loopback` is set: they are the host's own tools, health checks and benchmarks. A host that
is no IP address (Starlette's TestClient says "testclient") is an ordinary client.

The limits hold per process: with several uvicorn workers, a client may get up to that many times
as much, as its connections land on different workers.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import math
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from pydantic import SecretStr
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from lexgraph.api.auth import bearer_token
from lexgraph.config import Settings

Clock = Callable[[], float]

RATE_LIMITED: Final = "RATE_LIMITED"
TOO_MANY_CONCURRENT_REQUESTS: Final = "TOO_MANY_CONCURRENT_REQUESTS"
# A slot in flight frees when a request finishes, which no bucket can foretell; a second is
# about what one of our requests takes, and short enough not to keep a client waiting for long.
CONCURRENCY_RETRY_AFTER_S: Final = 1
DEFAULT_MAX_CLIENTS: Final = 100_000
# A bucket filled by float arithmetic may hold 0.9999999999 of a token where exactly one is due.
_EPSILON: Final = 1e-9
# How many busy clients eviction passes over (moving them to the recent end) before it evicts one
# anyway: a bound on the work of one request, whatever the table holds.
_EVICTION_PROBES: Final = 8


# The token bucket, as pure functions of numbers.


def refilled(tokens: float, elapsed_s: float, rate: float, burst: int) -> float:
    """The tokens a bucket holds `elapsed_s` seconds on: `rate` more a second, at most `burst`.

    A clock that went back (elapsed < 0) adds nothing, rather than taking tokens away.
    """
    return min(float(burst), tokens + max(0.0, elapsed_s) * rate)


def seconds_until_token(tokens: float, rate: float) -> float:
    """How long until a bucket holding `tokens` holds a whole one again (0: it does now)."""
    missing = 1.0 - tokens
    return 0.0 if missing <= _EPSILON else missing / rate


def retry_after(seconds: float) -> int:
    """`Retry-After` in whole seconds, rounded up (retrying early is refused again), at least 1."""
    return max(1, math.ceil(seconds - _EPSILON))


# The table of clients.


@dataclass(frozen=True, slots=True)
class Limits:
    """What one client may do. `rate` 0: no rate limit; `concurrency` 0: no limit in flight."""

    rate: float = 20.0
    burst: int = 40
    concurrency: int = 8

    def __post_init__(self) -> None:
        if self.rate < 0 or self.concurrency < 0:
            raise ValueError("rate and concurrency are 0 (no limit) or more")
        if self.rate > 0 and self.burst < 1:
            raise ValueError("a bucket smaller than one request refuses every request")

    @property
    def enabled(self) -> bool:
        return self.rate > 0 or self.concurrency > 0


@dataclass(slots=True)
class ClientState:
    """One client: its bucket (tokens at `stamp`) and its requests in flight."""

    tokens: float
    stamp: float
    in_flight: int = 0


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request was refused, and when the client may try again."""

    code: str
    message: str
    retry_after_s: int


@dataclass(slots=True)
class Admission:
    """A request let in; `release()` (once, or more: later calls do nothing) frees its slot.

    It holds the client's state itself, not its key, so a client evicted meanwhile and come back
    as a new entry is not credited with a slot its old entry held.
    """

    state: ClientState
    released: bool = field(default=False)

    def release(self) -> None:
        if not self.released:
            self.released = True
            self.state.in_flight -= 1


class ClientTable:
    """The state of every client lately seen, bounded to `max_clients` entries.

    Memory is bounded whatever clients do: a new client beyond `max_clients` evicts the least
    recently seen one (an entry takes about 300 bytes: 100,000 take about 30 MB). An evicted
    client with a full bucket and nothing in flight loses nothing: it comes back as it left. Only
    more than `max_clients` distinct clients within the time a bucket takes to refill (`burst /
    rate`, 2 s by default) can make one come back with a fresh burst; that is the price of the
    bound. Clients with requests in flight are passed over a few times before one is evicted
    anyway (its requests then release into its old, detached entry).

    `admit` checks and updates in one synchronous call, with no `await` between: under one event
    loop no other request can run in between, so no lock is needed.
    """

    def __init__(
        self,
        limits: Limits,
        *,
        max_clients: int = DEFAULT_MAX_CLIENTS,
        clock: Clock = time.monotonic,
    ) -> None:
        if max_clients < 1:
            raise ValueError("max_clients is at least 1")
        self.limits = limits
        self.max_clients = max_clients
        self.clock = clock
        self._clients: OrderedDict[str, ClientState] = OrderedDict()

    def __len__(self) -> int:
        return len(self._clients)

    def __contains__(self, key: object) -> bool:
        return key in self._clients

    def __iter__(self) -> Iterator[str]:
        """The clients' keys, least recently seen first."""
        return iter(list(self._clients))

    def state(self, key: str) -> ClientState | None:
        """The client's entry, if it has one (for tests and diagnostics; changes nothing)."""
        return self._clients.get(key)

    def admit(self, key: str) -> Admission | Refusal:
        """Let one request of client `key` in (taking a token and a slot), or say why not.

        A refused request takes nothing: a client that keeps asking while refused is let in as
        soon as its bucket and its slots allow.
        """
        limits = self.limits
        now = self.clock()
        client = self._entry(key, now)
        if limits.concurrency and client.in_flight >= limits.concurrency:
            return Refusal(
                TOO_MANY_CONCURRENT_REQUESTS,
                f"too many requests in flight from this client: at most {limits.concurrency}"
                f" at once; try again in {CONCURRENCY_RETRY_AFTER_S} s, when one has finished",
                CONCURRENCY_RETRY_AFTER_S,
            )
        if limits.rate:
            client.tokens = refilled(client.tokens, now - client.stamp, limits.rate, limits.burst)
            client.stamp = max(client.stamp, now)
            wait_s = seconds_until_token(client.tokens, limits.rate)
            if wait_s > 0:
                after = retry_after(wait_s)
                return Refusal(
                    RATE_LIMITED,
                    f"too many requests from this client: at most {limits.rate:g} a second"
                    f" (bursts of {limits.burst}); try again in {after} s",
                    after,
                )
            client.tokens = max(0.0, client.tokens - 1.0)
        client.in_flight += 1
        return Admission(client)

    def _entry(self, key: str, now: float) -> ClientState:
        client = self._clients.get(key)
        if client is not None:
            self._clients.move_to_end(key)
            return client
        if len(self._clients) >= self.max_clients:
            self._evict_one()
        client = ClientState(tokens=float(self.limits.burst), stamp=now)
        self._clients[key] = client
        return client

    def _evict_one(self) -> None:
        for _ in range(_EVICTION_PROBES):
            key, client = self._clients.popitem(last=False)
            if client.in_flight == 0:
                return
            self._clients[key] = client  # busy: to the recent end, and look at the next
        self._clients.popitem(last=False)


# Who the client is.


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 (also as ::ffff:127.x.x.x) and no address at all (a Unix
    socket: a peer on this host); False for any other address and for names ("testclient")."""
    if host is None:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


class ClientKeys:
    """Turns a request into its client's key: `token:<keyed hash>` or `address:<host>`.

    The hash is keyed with a secret drawn per process, so the table holds nothing a token could
    be recovered or checked from, even by someone reading the process's memory.
    """

    def __init__(self, known_token: Callable[[str], bool] | None = None) -> None:
        self.known_token = known_token
        self._secret = secrets.token_bytes(32)

    def token_key(self, token: str) -> str:
        digest = hashlib.blake2b(token.encode(), key=self._secret, digest_size=16).hexdigest()
        return f"token:{digest}"

    def __call__(self, headers: Headers, host: str | None) -> str:
        if self.known_token is not None:
            token = bearer_token(headers)
            if token is not None and self.known_token(token):
                return self.token_key(token)
        return f"address:{host if host is not None else 'local'}"


def known_tokens(configured: Iterable[SecretStr]) -> Callable[[str], bool]:
    """A `known_token` check against configured tokens, in constant time."""
    expected = [token.get_secret_value().encode() for token in configured]

    def known(token: str) -> bool:
        offered = token.encode()
        # Every configured token is compared, so the time taken tells nothing of which matched.
        matches = [hmac.compare_digest(offered, candidate) for candidate in expected]
        return any(matches)

    return known


# The middleware.


class ClientLimits:
    """ASGI middleware: the per-client limits on HTTP requests to `paths` (exact paths; others,
    such as health, readiness and metrics, are never limited).

    A slot in flight is freed when the app returns, whether the response finished, the client
    went away or the app raised (try/finally).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        paths: Iterable[str],
        limits: Limits,
        limit_loopback: bool = False,
        known_token: Callable[[str], bool] | None = None,
        max_clients: int = DEFAULT_MAX_CLIENTS,
        clock: Clock = time.monotonic,
    ) -> None:
        self.app = app
        self.paths = frozenset(paths)
        self.limit_loopback = limit_loopback
        self.keys = ClientKeys(known_token)
        self.table = ClientTable(limits, max_clients=max_clients, clock=clock)

    @classmethod
    def from_settings(
        cls,
        app: ASGIApp,
        settings: Settings,
        *,
        paths: Iterable[str],
        max_clients: int = DEFAULT_MAX_CLIENTS,
        clock: Clock = time.monotonic,
    ) -> ClientLimits:
        """The limits of `LEXGRAPH_CLIENT_*`; the bearer of `LEXGRAPH_API_TOKEN` is one client.

        Usable as a middleware factory: `Middleware(ClientLimits.from_settings, settings=…,
        paths=["/graphql"])`.
        """
        configured = settings.lexgraph_api_token
        return cls(
            app,
            paths=paths,
            limits=Limits(
                rate=settings.lexgraph_client_rate,
                burst=settings.lexgraph_client_burst,
                concurrency=settings.lexgraph_client_concurrency,
            ),
            limit_loopback=settings.lexgraph_client_limits_loopback,
            known_token=known_tokens([configured]) if configured is not None else None,
            max_clients=max_clients,
            clock=clock,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] not in self.paths
            or not self.table.limits.enabled
        ):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        host: str | None = client[0] if client else None
        if not self.limit_loopback and is_loopback(host):
            await self.app(scope, receive, send)
            return
        outcome = self.table.admit(self.keys(Headers(scope=scope), host))
        if isinstance(outcome, Refusal):
            await _refuse(send, outcome)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            outcome.release()


async def _refuse(send: Send, refusal: Refusal) -> None:
    error = {"message": refusal.message, "extensions": {"code": refusal.code}}
    body = json.dumps({"errors": [error]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(refusal.retry_after_s).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
