"""What a search text asks for: its words grouped with their synonyms, as a full-text query.

Pure: text in, a `SearchTerms` out. Every word of the text must be found (or one of its
synonyms from `lexgraph.legal_terms`: «госпошлина» or «государственная пошлина»), never any one
of them; words in quotes («…», "…") must be found as a phrase; the whole text as a phrase ranks
first. Only quoted terms reach Lucene, so no word of the user's is read as query syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lexgraph.citations.ordinals import lemma
from lexgraph.legal_terms import SYNONYMS

# A word, a number with dots or hyphens («15.4.1», «433-З», «8/40012») kept whole.
TOKEN = re.compile(r"\w+(?:[.\-/]\w+)*")
QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]+)[»\"”]")
# A procedure's number in the unified list: «15.4.1», «10.7.1».
PROCEDURE_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})?")
# The least characters of a word compared when its forms differ in ways lemmas do not tell.
STEM = 4


class NoWords(ValueError):
    """The text holds no word to search for."""


@dataclass(frozen=True, slots=True)
class Group:
    """One thing the text asks for: any of these phrases (a word and its synonyms)."""

    phrases: tuple[str, ...]

    def lucene(self) -> str:
        return "+(" + " ".join(f'"{p}"' for p in self.phrases) + ")"


@dataclass(frozen=True, slots=True)
class SearchTerms:
    groups: tuple[Group, ...]
    words: tuple[str, ...]

    def lucene(self) -> str:
        """Every group required; the text's words as a phrase, optional, to rank it first."""
        required = " ".join(g.lucene() for g in self.groups)
        if len(self.words) > 1:
            return f'{required} "{" ".join(self.words)}"^2'
        return required


def _lemmas(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(lemma(w) for w in words)


@lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(lemmas of one name, all names of that thing in lower case), longest names first."""
    found = []
    for names in SYNONYMS:
        lowered = tuple(n.lower() for n in names)
        for name in lowered:
            found.append((_lemmas(tuple(TOKEN.findall(name))), lowered))
    return tuple(sorted(found, key=lambda entry: -len(entry[0])))


def _groups(words: list[str]) -> list[Group]:
    lemmas = _lemmas(tuple(words))
    groups: list[Group] = []
    i = 0
    while i < len(words):
        for name, names in _synonyms():
            if lemmas[i : i + len(name)] == name:
                groups.append(Group(names))
                i += len(name)
                break
        else:
            groups.append(Group((words[i],)))
            i += 1
    return groups


def parse_search(text: str) -> SearchTerms:
    """The groups a text asks for: quoted phrases as they are, other words with synonyms."""
    groups: list[Group] = []
    for phrase in QUOTED.findall(text):
        words = [w.lower() for w in TOKEN.findall(phrase)]
        if words:
            groups.append(Group((" ".join(words),)))
    groups += _groups([w.lower() for w in TOKEN.findall(QUOTED.sub(" ", text))])
    if not groups:
        raise NoWords("the search text has no words")
    return SearchTerms(tuple(groups), tuple(w.lower() for w in TOKEN.findall(text)))


def procedure_number(text: str) -> str | None:
    """The procedure number a text is nothing but («15.4.1»), else None."""
    stripped = text.strip()
    return stripped if PROCEDURE_NUMBER.fullmatch(stripped) else None


@lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, str]:
    return lemma(word), word[:STEM]


def _matches(query_word: str, field_words: set[str], field_lemmas: set[str]) -> bool:
    if query_word in field_words:
        return True
    if not query_word.isalpha():
        return False
    if lemma(query_word) in field_lemmas:
        return True
    # Lemmas disagree where Lucene's stemmer agrees («апостиль», «апостиля» may be read apart):
    # a word's first letters, long enough, find its other forms.
    stem = query_word[: max(STEM, len(query_word) - 3)]
    return any(w.startswith(stem) for w in field_words)


def found_in_text(terms: SearchTerms, text: str) -> bool:
    """Whether a text holds one of the phrases of any group (word by word, in any form)."""
    field_words = {w.lower() for w in TOKEN.findall(text)}
    field_lemmas = {lemma(w) for w in field_words if w.isalpha()}
    return any(
        all(_matches(w, field_words, field_lemmas) for w in TOKEN.findall(phrase))
        for group in terms.groups
        for phrase in group.phrases
    )


def first_found(terms: SearchTerms, text: str) -> int:
    """Where in `text` the first word of any phrase is found, 0 if none is."""
    lowered = text.lower()
    at = [
        i
        for group in terms.groups
        for phrase in group.phrases
        for word in TOKEN.findall(phrase)[:1]
        if (i := lowered.find(word[: max(STEM, len(word) - 3)])) >= 0
    ]
    return min(at) if at else 0
