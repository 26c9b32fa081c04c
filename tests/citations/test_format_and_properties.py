"""format_citation examples and property-based tests on generated variants of real references."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lexgraph.citations import Citation, format_citation, parse_citations
from lexgraph.citations.ordinals import analyzer, inflect

from .corpus_gold import GOLD
from .test_corpus import _KNOWN

REFERENCES = sorted({row[3] for row in GOLD})


def key(c: Citation) -> tuple[Any, ...]:
    act = c.act
    act_key = act and (act.kind, act.issuers, act.date, act.number, act.title, act.code, act.act_id)
    return (c.kind, act_key, c.annex, tuple(u.e_id for u in c.units), c.procedure, c.resolved)


def test_format_examples() -> None:
    (c,) = parse_citations(
        "в частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )
    assert format_citation(c) == (
        "части первая, вторая и третья пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )
    (c,) = parse_citations(
        "Законом Республики Беларусь от 28.10.2008 N 433-З «Об основах административных процедур»"
    )
    assert format_citation(c) == (
        "Закон Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах "
        "административных процедур»"
    )
    (c,) = parse_citations("к Регламенту по подпункту 15.4.1")
    assert format_citation(c) == "по подпункту 15.4.1"


def test_format_round_trip_on_every_corpus_reference() -> None:
    for text in REFERENCES:
        (c,) = parse_citations(text, context=_KNOWN)
        again = parse_citations(format_citation(c), context=_KNOWN)
        assert [key(x) for x in again] == [key(c)], text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_lie_inside(text: str) -> None:
    for c in parse_citations(text):
        start, end = c.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == c.text


_ALPHABET = st.sampled_from(
    list('статьи пункта 12.3 первой–третьей Закона Республики Беларусь «»"№N\n\u00a0,и-')
)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=120))
def test_never_raises_on_reference_like_noise(text: str) -> None:
    for c in parse_citations(text):
        assert text[c.span[0] : c.span[1]] == c.text


_SPACES = st.sampled_from([" ", "\u00a0", "\n", "  ", " \n"])
_DASHES = st.sampled_from(["-", "–", "—"])


@st.composite
def variants(draw: st.DrawFn) -> tuple[str, str]:
    """A corpus reference with its spacing, dashes, «№», «ё» and first-word case varied."""
    text = draw(st.sampled_from(REFERENCES))
    words = text.split(" ")
    first = words[0]
    parses = analyzer().parse(first.lower())
    if parses and parses[0].tag.POS == "NOUN" and first[0].islower():
        case = draw(st.sampled_from(["nomn", "gent", "datv", "ablt", "loct"]))
        number = "plur" if "plur" in parses[0].tag else "sing"
        words[0] = inflect(first, frozenset({case, number}), "NOUN")
    out = words[0]
    for w in words[1:]:
        out += draw(_SPACES) + w
    out = out.replace("–", draw(_DASHES))
    if draw(st.booleans()):
        out = out.replace("№ ", "N ")
    if draw(st.booleans()):
        out = out.replace("четвертом", "четвёртом")
    return text, out


@settings(max_examples=400, deadline=None)
@given(variants())
def test_variants_parse_like_the_original(pair: tuple[str, str]) -> None:
    original, variant = pair
    (expected,) = parse_citations(original, context=_KNOWN)
    found = parse_citations(variant, context=_KNOWN)
    assert [key(c) for c in found] == [key(expected)]
    assert found[0].span == (0, len(variant))


@settings(max_examples=200, deadline=None)
@given(variants())
def test_format_then_parse_is_identity_on_variants(pair: tuple[str, str]) -> None:
    for c in parse_citations(pair[1], context=_KNOWN):
        assert [key(x) for x in parse_citations(format_citation(c), context=_KNOWN)] == [key(c)]
