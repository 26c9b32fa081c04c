"""Tokenizer: numbers (with dotted levels), words and single punctuation marks, with spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\d+(?:\.\d+)*|[^\W\d_]+|\S")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int
    end: int
    kind: str  # "num", "word" or "punct"


def tokenize(text: str) -> list[Token]:
    """Split normalized text into tokens; whitespace and line breaks only separate them."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        s = m.group()
        c = s[0]
        kind = "num" if c.isdigit() else "word" if c.isalpha() else "punct"
        tokens.append(Token(s, s.lower(), m.start(), m.end(), kind))
    return tokens
