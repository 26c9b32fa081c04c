"""Bounds on a request's variables, counted on the raw JSON before anything coerces them.

The document is bounded by its tokens, but variables are not: a filter of 20,000 `or`
conditions is 0.4 MB, under the body limit, and graphql-core coerced all of it into input objects
(seconds on the event loop) before the resolver could say it was too many. Here the raw values
are walked once, iteratively, and the walk stops at the first bound passed, so refusing costs no
more than the bound.

Pure: values in, a `Refusal` or None out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lexgraph.api.measure import Refusal

INPUT_TOO_LARGE = "INPUT_TOO_LARGE"
READER_CHARACTERS = 100_000
"""Text a reader's variables may hold: a reference or a search is a few hundred characters, and
`resolveCitations` reads at most 20,000."""


@dataclass(frozen=True, slots=True)
class InputBounds:
    """What the variables of one request may hold. `characters` None: no bound on text (the
    bearer of the API token sends whole documents)."""

    values: int = 2000
    """Values in all, every object, list, key's value and scalar counted once."""
    depth: int = 24
    """Objects and lists inside one another (a filter nests two a level: `{or: [{…}]}`)."""
    list_items: int = 100
    """Items in any one list (as many as the largest page)."""
    characters: int | None = READER_CHARACTERS
    """Characters of text in all strings."""


def input_problem(variables: Mapping[str, object] | None, bounds: InputBounds) -> Refusal | None:
    """The first bound `variables` passes, naming it and where, or None."""
    values = 0
    characters = 0
    stack: list[tuple[object, int, str]] = [
        (value, 1, f"${name}") for name, value in (variables or {}).items()
    ]
    while stack:
        value, depth, path = stack.pop()
        values += 1
        if values > bounds.values:
            return _refusal(f"more than {bounds.values} values in the variables")
        if isinstance(value, dict | list):
            if depth > bounds.depth:
                return _refusal(f"{path} nests objects and lists more than {bounds.depth} deep")
            if isinstance(value, list):
                if len(value) > bounds.list_items:
                    return _refusal(
                        f"{path} lists {len(value)} items, more than the {bounds.list_items}"
                        " a list may hold"
                    )
                stack.extend((item, depth + 1, f"{path}[{i}]") for i, item in enumerate(value))
            else:
                if len(value) > bounds.values:
                    return _refusal(f"more than {bounds.values} values in the variables")
                stack.extend(
                    (item, depth + 1, f"{path}.{_key(key)}") for key, item in value.items()
                )
        elif isinstance(value, str) and bounds.characters is not None:
            characters += len(value)
            if characters > bounds.characters:
                return _refusal(
                    f"more than {bounds.characters} characters of text in the variables"
                )
    return None


def _key(key: object) -> str:
    text = str(key)
    return text if len(text) <= 40 else text[:40] + "…"


def _refusal(what: str) -> Refusal:
    return Refusal(INPUT_TOO_LARGE, f"the request's variables are too large: {what}")
