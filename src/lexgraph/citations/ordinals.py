"""Ordinal words and inflection, backed by pymorphy3.

Parts and paragraphs are counted in words («часть первая», «абзацах втором–восьмом»). The only
table here maps ordinal lemmas to numbers; every inflected form is recognized by pymorphy3 and
every form we write is produced by it. The analyzer and all look-ups are cached because
pymorphy3 is slow to load and the same few words recur in every document.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pymorphy3

ORDINAL_LEMMAS: dict[str, int] = {
    "первый": 1,
    "второй": 2,
    "третий": 3,
    "четвертый": 4,
    "пятый": 5,
    "шестой": 6,
    "седьмой": 7,
    "восьмой": 8,
    "девятый": 9,
    "десятый": 10,
    "одиннадцатый": 11,
    "двенадцатый": 12,
    "тринадцатый": 13,
    "четырнадцатый": 14,
    "пятнадцатый": 15,
    "шестнадцатый": 16,
    "семнадцатый": 17,
    "восемнадцатый": 18,
    "девятнадцатый": 19,
    "двадцатый": 20,
}
_LEMMA_BY_NUMBER = {n: lemma for lemma, n in ORDINAL_LEMMAS.items()}


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The shared pymorphy3 analyzer (loaded once)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=8192)
def ordinal_value(word: str) -> int | None:
    """Number of an ordinal word in any case, gender or number: «третьей» → 3, «пятом» → 5."""
    if not word.isalpha() or len(word) < 4:
        return None
    for parse in analyzer().parse(word.lower()):
        if "Anum" in parse.tag:
            value = ORDINAL_LEMMAS.get(parse.normal_form.replace("ё", "е"))
            if value is not None:
                return value
    return None


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """Normal form of a word (lowercase, «ё» folded)."""
    parses = analyzer().parse(word.lower())
    form: str = parses[0].normal_form if parses else word.lower()
    return form.replace("ё", "е")


@lru_cache(maxsize=4096)
def inflect(word: str, grammemes: frozenset[str], pos: str | None = None) -> str:
    """``word`` put into ``grammemes`` (e.g. {"gent", "femn"}); the word itself if impossible.

    ``pos`` picks the reading to inflect (``"NOUN"``, ``"ADJF"``) when the word is ambiguous.
    """
    parses = analyzer().parse(word.lower())
    if pos is not None:
        parses = [p for p in parses if pos == p.tag.POS] or parses
    for parse in parses:
        form = parse.inflect(set(grammemes))
        if form is not None:
            result: str = form.word.replace("ё", "е")
            return result[0].upper() + result[1:] if word[:1].isupper() else result
    return word


@lru_cache(maxsize=256)
def word_forms(lemma_word: str) -> frozenset[str]:
    """All forms of a noun lemma («статья» → статьи, статье, статьях, …), «ё» folded."""
    forms: set[str] = set()
    for parse in analyzer().parse(lemma_word):
        if parse.normal_form == lemma_word and parse.tag.POS == "NOUN":
            forms.update(f.word.replace("ё", "е") for f in parse.lexeme)
    return frozenset(forms or {lemma_word})


def ordinal_word(number: int, grammemes: frozenset[str]) -> str | None:
    """The ordinal word for ``number`` in ``grammemes``: (3, {"gent", "femn"}) → «третьей»."""
    base = _LEMMA_BY_NUMBER.get(number)
    if base is None:
        return None
    return inflect(base, grammemes, "ADJF")
