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

from lexgraph.api.context import Info
from lexgraph.api.errors import INVALID_CURSOR, PAGE_TOO_LARGE, UserError

T = TypeVar("T")

PAGE_SIZE_DESCRIPTION = "Page size, at most the server's LEXGRAPH_MAX_PAGE_SIZE (100 by default)."


def largest_page(info: Info) -> int:
    """The largest `first` this server allows (`LEXGRAPH_MAX_PAGE_SIZE`): the one setting every
    resolver and the request's limits (`lexgraph.api.limits`) check against."""
    return info.context.settings.lexgraph_max_page_size


def check_first(first: int, largest: int, least: int = 0) -> None:
    """A `UserError` unless `least <= first <= largest`."""
    if not least <= first <= largest:
        raise UserError(
            f"`first` must be between {least} and {largest}, not {first}", PAGE_TOO_LARGE
        )


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
        raise UserError(
            f"invalid cursor {cursor!r}: pass a cursor this API returned", INVALID_CURSOR
        ) from None


def page(
    items: Sequence[T], prefix: str, first: int, after: str | None, largest: int
) -> tuple[int, Sequence[T]]:
    """The offset of the page's first item and the page: `first` items following `after`."""
    check_first(first, largest)
    offset = decode_cursor(prefix, after) + 1 if after is not None else 0
    return offset, items[offset : offset + first]
