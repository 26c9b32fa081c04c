"""What the citation tests ask of a text: its one reference, or every reference as an id."""

from __future__ import annotations

from lexgraph.citations import Citation, CitationContext, parse_citations


def one(text: str, context: CitationContext | None = None) -> Citation:
    """The text's only reference (the test fails if it has none or several)."""
    found = parse_citations(text, context=context)
    assert len(found) == 1, found
    return found[0]


def ids(text: str, context: CitationContext | None = None) -> list[str]:
    """Every reference as ``act#eId`` (or the act id alone, or ``?`` when unresolved)."""
    out: list[str] = []
    for c in parse_citations(text, context=context):
        act = c.act_id or "?"
        out += [f"{act}#{u.e_id}" for u in c.units] if c.units else [act]
    return out
