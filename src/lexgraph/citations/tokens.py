"""Tokenizer: numbers (with dotted levels), words and single punctuation marks, with spans."""

from __future__ import annotations

import re
from typing import NamedTuple

# A number may carry a superscript («201¹»): the superscript stays part of its token.
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TOKEN = re.compile(rf"(\d+(?:\.\d+)*[{_SUPERSCRIPTS}]*)|([^\W\d_]+)|(\S)")
# The kind of a token by the group of _TOKEN that matched it.
_KINDS = ("punct", "num", "word", "punct")
_PLAIN = str.maketrans(_SUPERSCRIPTS, "0123456789")


def plain_number(text: str) -> str:
    """A number token as an eId number: «201¹» → ``201-1``, «5.6» → ``5.6``."""
    head = text.rstrip(_SUPERSCRIPTS)
    return head if head == text else f"{head}-{text[len(head) :].translate(_PLAIN)}"


class Token(NamedTuple):
    """One token; a named tuple because a document has tens of thousands of them."""

    text: str
    lower: str
    start: int
    end: int
    kind: str  # "num", "word" or "punct"


def tokenize(text: str) -> list[Token]:
    """Split normalized text into tokens; whitespace and line breaks only separate them."""
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        s = m.group()
        append(Token(s, s.lower(), m.start(), m.end(), _KINDS[m.lastindex or 0]))
    return tokens
