"""Normalize source text without changing its length, so spans stay valid in the original.

Every replacement maps one character to one character: no-break and other odd spaces become
spaces, «ё» becomes «е», all dashes become a hyphen, typographic quotes are folded to « » (or to
the ambiguous ASCII ``"`` that the title scanner resolves by context), and Markdown or form
debris (``[ ] * _``) becomes a space so that a reference broken by it still reads as one phrase.
"""

from __future__ import annotations

_TABLE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        "\r": " ",
        "\u00ad": "-",
        "ё": "е",
        "Ё": "Е",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u201e": "«",
        "\u201d": "»",
        "\u201c": '"',
        "[": " ",
        "]": " ",
        "*": " ",
        "_": " ",
    }
)


def normalize(text: str) -> str:
    """Return ``text`` with the same length and the character folds described above."""
    return text.translate(_TABLE)


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and strip; used for titles and names."""
    return " ".join(normalize(text).split())
