"""Structural units of an act: their English names, nesting rank and Russian words.

English names follow the glossary and become Akoma Ntoso-style eId prefixes.
"""

from __future__ import annotations

from functools import lru_cache

from .ordinals import inflect, word_forms

#: Unit type → Russian lemma of the word that names it.
UNIT_LEMMAS: dict[str, str] = {
    "annex": "приложение",
    "section": "раздел",
    "chapter": "глава",
    "art": "статья",
    "point": "пункт",
    "subpoint": "подпункт",
    "part": "часть",
    "para": "абзац",
}

#: Smaller rank = larger unit. A genitive chain goes from larger rank to smaller.
RANK: dict[str, int] = {
    "annex": 0,
    "general_part": 1,
    "special_part": 1,
    "section": 2,
    "chapter": 3,
    "art": 4,
    "point": 5,
    "subpoint": 6,
    "part": 7,
    "para": 8,
}

#: Units that nest either way: a point within a part («пункта 3 части 1 статьи 7.2», КоАП)
#: or a part within a point («части второй пункта 3», НК).
INTERCHANGEABLE = frozenset({"point", "subpoint", "part"})

#: Units that only group articles: an article within them keeps its own eId.
GROUPS = frozenset({"general_part", "special_part", "section", "chapter"})

#: «Общая (Особенная) часть» of a code: lemma of the adjective → unit.
CODE_PARTS: dict[str, str] = {"общий": "general_part", "особенный": "special_part"}

#: Units counted in words («часть первая») rather than in figures («пункт 6»).
COUNTED_IN_WORDS = frozenset({"part", "para"})

#: Grammatical gender of each unit word, for agreeing ordinal words.
GENDER: dict[str, str] = {
    "annex": "neut",
    "section": "masc",
    "chapter": "femn",
    "art": "femn",
    "point": "masc",
    "subpoint": "masc",
    "part": "femn",
    "para": "masc",
}

#: Abbreviations written with a full stop: «п.2», «ст. 5», «абз. 3».
ABBREVIATIONS: dict[str, str] = {
    "ст": "art",
    "п": "point",
    "пп": "subpoint",
    "подп": "subpoint",
    "ч": "part",
    "абз": "para",
    "прил": "annex",
    "гл": "chapter",
    "разд": "section",
}


@lru_cache(maxsize=1)
def unit_word_table() -> dict[str, tuple[str, bool]]:
    """Every form of every unit word → (unit type, is plural)."""
    table: dict[str, tuple[str, bool]] = {}
    for unit, word in UNIT_LEMMAS.items():
        plural = {inflect(word, frozenset({case, "plur"}), "NOUN") for case in _CASES}
        for form in word_forms(word):
            table[form] = (unit, form in plural and form not in _singular(word))
    return table


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _singular(word: str) -> set[str]:
    return {inflect(word, frozenset({case, "sing"}), "NOUN") for case in _CASES}


def unit_word(unit: str, grammemes: frozenset[str]) -> str:
    """The Russian word for ``unit`` in ``grammemes``: ("art", {"gent", "sing"}) → «статьи»."""
    return inflect(UNIT_LEMMAS[unit], grammemes, "NOUN")
