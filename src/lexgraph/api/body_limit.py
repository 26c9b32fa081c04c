"""A bound on the request body: a client cannot make the API hold more than it would ever need.

The query itself is bounded by tokens (`lexgraph.api.limits`), but variables and the text an
importer sends are not; without this, one request of a gigabyte is a gigabyte of memory. A body
over the limit is refused with 413 and a GraphQL-shaped error before the app reads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodySizeLimit:
    """ASGI middleware; `limit(headers)` says how many bytes this request may send."""

    def __init__(self, app: ASGIApp, limit: Callable[[Mapping[str, str]], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.limit(headers)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await _refuse(send, 400, "BAD_REQUEST", "the Content-Length header is not a number")
            elif int(declared) > limit:
                await _refuse(send, 413, "REQUEST_TOO_LARGE", _too_large(limit))
            else:
                # The HTTP server holds the body to its declared length.
                await self.app(scope, receive, send)
            return
        # A body of unknown length (chunked) is read up to the limit before the app sees it.
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            size += len(message.get("body", b""))
            if size > limit:
                await _refuse(send, 413, "REQUEST_TOO_LARGE", _too_large(limit))
                return
            messages.append(message)
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def _too_large(limit: int) -> str:
    return f"the request body is larger than the {limit} bytes this server accepts"


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
