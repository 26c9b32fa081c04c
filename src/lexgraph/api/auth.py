"""Who may write: the bearer of `LEXGRAPH_API_TOKEN`, and no one when it is unset."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from pydantic import SecretStr


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, if the request has one."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def may_write(headers: Mapping[str, str], configured: SecretStr | None) -> bool:
    """True when writes are enabled and the request carries the token (compared in constant
    time, so response times tell nothing about how much of a guess was right)."""
    if configured is None:
        return False
    offered = bearer_token(headers)
    if offered is None:
        return False
    return hmac.compare_digest(offered.encode(), configured.get_secret_value().encode())
