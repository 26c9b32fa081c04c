"""Russian phrases turned into their nominative form, with pymorphy3.

Texts name a body or a register in whatever case the sentence needs («получает из единой
государственной системы …», «Министерством внутренных дел»); its node is named in the nominative,
so every document's mention meets the same node. Only the head noun and the adjectives agreeing
with it change; what depends on the head («регистрации и учета правонарушений») stays as written.

    nominative("единой государственной системы регистрации и учета правонарушений", "gent")
    # → "единая государственная система регистрации и учета правонарушений"
"""

from __future__ import annotations

import re
from typing import Any

from lexgraph.citations.ordinals import analyzer

__all__ = ["analyzer", "nominative"]


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_WORD = re.compile(r"^([«\"(]*)([\w-]+)([»\"),.;:]*)$")


def _restore_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return original
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def _agrees(parse: Any, case: str, number: str | None, gender: str | None) -> bool:
    tag = parse.tag
    if case not in tag or (number and number not in tag):
        return False
    return not (number == "sing" and gender and tag.gender and gender not in tag)


def _to_nominative(parse: Any, number: str | None, gender: str | None) -> str | None:
    wanted = {"nomn"} | ({number} if number else set())
    if number == "sing" and gender and "NOUN" not in parse.tag:
        wanted.add(gender)
    inflected = parse.inflect(wanted)
    return str(inflected.word) if inflected else None


def nominative(phrase: str, case: str | None = None) -> str:
    """The phrase with its head noun (and the adjectives agreeing with it) in the nominative.

    «Министерством внутренних дел» → «Министерство внутренних дел»; «выдачу специального разрешения»
    → «выдача специального разрешения»; «документом, удостоверяющим личность» → «документ,
    удостоверяющий личность». `case` says which case the phrase is in when the head is ambiguous.
    A phrase that does not start with a noun group is returned unchanged.
    """
    tokens = phrase.split(" ")
    morph = analyzer()
    head_index: int | None = None
    head: Any = None
    for index, token in enumerate(tokens):
        parts = _WORD.match(token)
        if not parts:
            return phrase
        parses = morph.parse(parts[2])
        nouns = [p for p in parses if "NOUN" in p.tag and (case is None or case in p.tag)]
        if nouns and not any({"ADJF", "PRTF"} & p.tag.grammemes for p in parses[:1]):
            head_index, head = index, nouns[0]
            break
        if not any({"ADJF", "PRTF"} & p.tag.grammemes for p in parses):
            return phrase
    if head is None or head_index is None:
        return phrase
    head_case = next(c for c in _CASES if c in head.tag)
    number, gender = head.tag.number, head.tag.gender
    words = list(tokens)

    def inflect_at(index: int, parse: Any) -> None:
        parts = _WORD.match(tokens[index])
        assert parts is not None
        word = _to_nominative(parse, number, gender)
        if word:
            words[index] = parts[1] + _restore_case(parts[2], word) + parts[3]

    inflect_at(head_index, head)
    for index in range(head_index):
        parts = _WORD.match(tokens[index])
        assert parts is not None
        agreeing = [p for p in morph.parse(parts[2]) if _agrees(p, head_case, number, gender)]
        if agreeing:
            inflect_at(index, agreeing[0])
    for index in range(head_index + 1, len(tokens)):
        parts = _WORD.match(tokens[index])
        if not parts:
            break
        agreeing = [
            p
            for p in morph.parse(parts[2])
            if {"ADJF", "PRTF"} & p.tag.grammemes and _agrees(p, head_case, number, gender)
        ]
        if not agreeing or _modifies_next(tokens, index + 1, head_case, number):
            break
        inflect_at(index, agreeing[0])
    return " ".join(words)


def _modifies_next(tokens: list[str], index: int, case: str, number: str | None) -> bool:
    """Whether the word at `index` is a noun in `case` and `number`: an adjective before it, in the
    same case as the head, is that noun's («органов внутренних дел»: «внутренних» is «дел»'s)."""
    parts = _WORD.match(tokens[index]) if index < len(tokens) else None
    if parts is None or tokens[index - 1][-1:] in ",;:":
        return False
    return any(
        "NOUN" in p.tag and _agrees(p, case, number, None) for p in analyzer().parse(parts[2])
    )
