"""The cursors of every connection of the API, and pages of a list a resolver holds in full (an
impact report): `first` checked, offset cursors.

A cursor names an item by its offset in its list, under a prefix that says which kind of list
(`procedures:40`, `citations:12`, `affected:12`), base64-encoded; `after` a cursor, the page starts
with the item following it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from typing import TypeVar

from lexgraph.api.errors import UserError

MAX_PAGE = 100
T = TypeVar("T")


def encode_cursor(prefix: str, offset: int) -> str:
    return base64.b64encode(f"{prefix}:{offset}".encode()).decode()


def decode_cursor(prefix: str, cursor: str) -> int:
    """The offset a cursor of this API names; a `UserError` for anything else."""
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
        name, _, number = text.partition(":")
        if name != prefix or not number.isdigit():
            raise ValueError(text)
        return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise UserError(f"invalid cursor {cursor!r}: pass a cursor this API returned") from None


def page(items: Sequence[T], prefix: str, first: int, after: str | None) -> tuple[int, Sequence[T]]:
    """The offset of the page's first item and the page: `first` items following `after`."""
    if not 0 <= first <= MAX_PAGE:
        raise UserError(f"`first` must be between 0 and {MAX_PAGE}, not {first}")
    offset = decode_cursor(prefix, after) + 1 if after is not None else 0
    return offset, items[offset : offset + first]
