"""Canonical Russian text for a citation; parsing it again gives the same structure.

The canonical form: the first unit in the nominative (plural when several), the larger units
in the genitive, parts and paragraphs in ordinal words, then the act (or annex) in the genitive;
a whole act in the nominative. Dates are written «от 7 мая 2012 г.», numbers «№ 6».
"""

from __future__ import annotations

from typing import Any

from .acts import ANNEX_HEADS, CODE_GENITIVE
from .grammar import MONTHS
from .model import ActRef, Citation
from .ordinals import analyzer, inflect, ordinal_word
from .units import COUNTED_IN_WORDS, GENDER, unit_word

_MONTH_NAMES = {n: name for name, n in MONTHS.items()}
_HEADS = {
    "law": ("Закон", "Закона", "Законом"),
    "edict": ("Указ", "Указа", "Указом"),
    "decree": ("Декрет", "Декрета", "Декретом"),
    "directive": ("Директива", "Директивы", "Директивой"),
    "cm_resolution": ("постановление", "постановления", "постановлением"),
    "resolution": ("постановление", "постановления", "постановлением"),
    "decision": ("решение", "решения", "решением"),
    "order": ("приказ", "приказа", "приказом"),
    "disposal": ("распоряжение", "распоряжения", "распоряжением"),
    "declaration": ("Декларация", "Декларации", "Декларацией"),
    "constitution": ("Конституция", "Конституции", "Конституцией"),
    # «Соглашение между Правительством …», «Протокол …», «Конвенция …»: the grammar reads only
    # international treaties, which the law «О международных договорах Республики Беларусь» names
    # so whatever their title; the generic «акт» would not say what was cited.
    "treaty": ("международный договор", "международного договора", "международным договором"),
}
#: The genitive names of jurisdictions other than Belarus, as they follow a code's name.
_JURISDICTION_NAMES = {
    "ru": "Российской Федерации",
    "kz": "Республики Казахстан",
    "ua": "Украины",
    "eaeu": "Евразийского экономического союза",
    "cu": "Таможенного союза",
    "rsfsr": "РСФСР",
    "su": "СССР",
}
_CASE_INDEX = {"nomn": 0, "gent": 1, "ablt": 2}
#: The citing act's own noun after «настоящий»: capitalized?, gender (or «plur»). Belarusian texts
#: capitalize laws, codes, the President's acts and approved annexes («настоящего Закона»,
#: «настоящей Директивы», «настоящих Правил») but not the acts of other bodies («настоящего
#: постановления», «настоящего приказа»). Every noun of `acts.SELF_NOUNS` is here.
_CURRENT_NOUNS: dict[str, tuple[bool, str]] = {
    "закон": (True, "masc"),
    "кодекс": (True, "masc"),
    "указ": (True, "masc"),
    "декрет": (True, "masc"),
    "директива": (True, "femn"),
    "положение": (True, "neut"),
    "инструкция": (True, "femn"),
    "регламент": (True, "masc"),
    "правило": (True, "plur"),
    "правила": (True, "plur"),
    "постановление": (False, "neut"),
    "решение": (False, "neut"),
    "приказ": (False, "masc"),
    "распоряжение": (False, "neut"),
}
_APPROVED = {"neut": "утвержденного", "masc": "утвержденного", "femn": "утвержденной"}


def _number(unit: str, number: str, grammemes: frozenset[str]) -> str:
    if unit in COUNTED_IN_WORDS and number.isdigit():
        word = ordinal_word(int(number), grammemes | {GENDER[unit]})
        if word is not None:
            return word
    return number


def _group(unit: str, numbers: list[str], case: str) -> str:
    plural = len(numbers) > 1
    noun = unit_word(unit, frozenset({case, "plur" if plural else "sing"}))
    forms = [_number(unit, n, frozenset({case, "sing"})) for n in numbers]
    listed = forms[0] if len(forms) == 1 else ", ".join(forms[:-1]) + " и " + forms[-1]
    return f"{noun} {listed}"


def act_words(act: ActRef, case: str) -> str:
    """The act named in legal words in ``case`` (`nomn`, `gent`, `ablt`): «Налогового кодекса
    Республики Беларусь», «постановления Министерства … от 19 мая 2023 г. № 102 «Об …»»."""
    return _act(act, case)


def _act(act: ActRef, case: str) -> str:
    if act.current:
        return _current(act.current_noun or "постановление", case)
    if act.kind == "constitution":
        return f"{_HEADS['constitution'][_CASE_INDEX[case]]} Республики Беларусь"
    if act.kind == "code" and act.code in CODE_GENITIVE:
        genitive = CODE_GENITIVE[act.code]
        if act.jurisdiction in _JURISDICTION_NAMES:
            genitive = genitive.replace(
                "Республики Беларусь", _JURISDICTION_NAMES[act.jurisdiction]
            )
        return _head_phrase(genitive, "gent", case)
    if act.short_name is not None and act.date is None and act.number is None:
        return _head_phrase(act.short_name, "nomn", case)
    head = _HEADS.get(act.kind or "", ("акт", "акта", "актом"))[_CASE_INDEX[case]]
    parts = [head]
    if act.kind in ("law", "edict", "decree", "directive"):
        parts.append(
            "Республики Беларусь" if act.kind == "law" else "Президента Республики Беларусь"
        )
    elif act.kind == "declaration":
        parts.append("Верховного Совета Республики Беларусь")
    else:
        parts.append(" и ".join(act.issuers))
    if act.date is not None:
        d = act.date
        parts.append(f"от {d.day} {_MONTH_NAMES[d.month]} {d.year} г.")
    if act.number:
        parts.append(f"№ {act.number}")
    if act.title:
        parts.append(f"«{act.title}»")
    return " ".join(p for p in parts if p)


def _current(noun: str, case: str) -> str:
    """«настоящего постановления», «настоящих Правил»: the noun keeps its number and the
    capitalization Belarusian texts give it (see `_CURRENT_NOUNS`)."""
    capital, gender = _CURRENT_NOUNS[noun]
    grammemes = frozenset({case, "plur"} if gender == "plur" else {case, "sing", gender})
    word = inflect(noun, frozenset({case, "plur" if gender == "plur" else "sing"}), "NOUN")
    word = word[0].upper() + word[1:] if capital else word
    return f"{inflect('настоящий', grammemes, 'ADJF')} {word}"


def _head_phrase(name: str, source: str, case: str) -> str:
    """``name``, written in the case ``source``, put in ``case``: its head noun (the first noun,
    in ``source``) and the adjectives before it, agreeing with it; never the words after it,
    which depend on the head and keep their form («Налогового кодекса Республики Беларусь» →
    «Налоговый кодекс Республики Беларусь», «Закон об основах» → «Закона об основах»). A name
    whose first word is neither an adjective nor a noun, or whose head is an abbreviation
    («КоАП»), is left as written: Russian does not inflect abbreviations."""
    words = name.split()
    found = _head(words, source)
    if found is None:
        return name
    h, head = found
    number, gender = head.tag.number or "sing", head.tag.gender or "masc"
    agree = frozenset({case, number} if number == "plur" else {case, number, gender})
    noun = head.inflect({case, number})
    out = [inflect(w, agree, "ADJF") for w in words[:h]]
    out.append(_like(words[h], noun.word.replace("ё", "е")) if noun is not None else words[h])
    return " ".join(out + words[h + 1 :])


def _head(words: list[str], source: str) -> tuple[int, Any] | None:
    """The index and the pymorphy3 parse of the head noun, after adjectives only; None when a
    word that is neither comes first, or the head is an uninflected abbreviation («КоАП»)."""
    for i, word in enumerate(words):
        parses = analyzer().parse(word.lower())
        if any(p.tag.POS == "ADJF" and source in p.tag for p in parses):
            continue  # an adjective before the head («Уголовного», read as a noun too)
        head = next((p for p in parses if p.tag.POS == "NOUN" and source in p.tag), None)
        return None if head is None or "Fixd" in head.tag else (i, head)
    return None


def _like(original: str, word: str) -> str:
    return word[0].upper() + word[1:] if original[:1].isupper() else word


def format_citation(c: Citation) -> str:
    """Canonical Russian text of ``c`` (see the module docstring)."""
    if c.kind == "procedure":
        return f"по подпункту {c.procedure}"
    skip = 1 if c.annex is not None else 0
    if c.act is not None and c.act.current and c.units and c.units[0].path[:1]:
        first = c.units[0].path[0][0]
        skip = 1 if first not in GENDER else skip
    chunks: list[str] = []
    paths = [u.path[skip:] for u in c.units if u.path[skip:]]
    i = 0
    while i < len(paths):
        path = paths[i]
        numbers = [path[-1][1]]
        j = i + 1
        while j < len(paths) and paths[j][:-1] == path[:-1] and paths[j][-1][0] == path[-1][0]:
            numbers.append(paths[j][-1][1])
            j += 1
        words = [_group(path[-1][0], numbers, "nomn")]
        words += [_group(unit, [n], "gent") for unit, n in reversed(path[:-1])]
        chunks.append(" ".join(words))
        i = j
    case = "gent" if chunks else "nomn"
    if c.annex is not None:
        _kind, _head, gender = ANNEX_HEADS[_annex_head(c.annex.kind)]
        name = c.annex.name
        target = _annex_name(name, case, gender)
        if c.act is not None and (c.act.date is not None or c.act.number or c.act.title):
            participle = "утвержденных" if gender == "plur" else _APPROVED[gender]
            if case == "nomn":
                participle = {"plur": "утвержденные", "femn": "утвержденная"}.get(
                    gender, "утвержденное" if gender == "neut" else "утвержденный"
                )
            target += f", {participle} {_act(c.act, 'ablt')}"
    elif c.act is not None:
        target = _act(c.act, case)
    else:
        target = ""
    return " ".join(p for p in (", ".join(chunks), target) if p)


def _annex_head(kind: str) -> str:
    return next(lemma for lemma, spec in ANNEX_HEADS.items() if spec[0] == kind)


def _annex_name(name: str, case: str, gender: str) -> str:
    words = name.split()
    number = "plur" if gender == "plur" else "sing"
    out: list[str] = []
    for i, w in enumerate(words):
        if i > 1 or (i == 1 and words[0].lower() != w.lower() and out and w[0].isupper()):
            out.extend(words[i:])
            break
        lemma_hit = ANNEX_HEADS.get(w.lower()) or ANNEX_HEADS.get(w.lower().rstrip("а"))
        if i == 0 or lemma_hit is not None:
            out.append(inflect(w, frozenset({case, number}), None))
            if lemma_hit is not None:
                out.extend(words[i + 1 :])
                break
        else:
            out.extend(words[i:])
            break
    return " ".join(out)


def format_unit(provision_id: str) -> str | None:
    """A unit's label in full, from its graph id: `by/code/tax#art_287__point_6__part_1` →
    «часть первая пункта 6 статьи 287 Налогового кодекса Республики Беларусь» (the act named
    when it is a Belarusian code; the units alone otherwise). None when the id's path is not
    made of units (a regulation's own points, `procedure_regulation_15.4.1__point_1`)."""
    act_id, _, e_id = provision_id.partition("#")
    path: list[tuple[str, str]] = []
    for segment in e_id.split("__") if e_id else ():
        unit, _, number = segment.partition("_")
        if unit not in GENDER or not number:
            return None
        path.append((unit, number))
    if not path:
        return None
    words = [_group(path[-1][0], [path[-1][1]], "nomn")]
    words += [_group(unit, [number], "gent") for unit, number in reversed(path[:-1])]
    jurisdiction, _, code = act_id.partition("/code/")
    if jurisdiction == "by" and code in CODE_GENITIVE:
        words.append(CODE_GENITIVE[code])
    return " ".join(words)
