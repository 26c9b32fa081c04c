"""Canonical Russian text for a citation; parsing it again gives the same structure.

The canonical form: the first unit in the nominative (plural when several), the larger units
in the genitive, parts and paragraphs in ordinal words, then the act (or annex) in the genitive;
a whole act in the nominative. Dates are written «от 7 мая 2012 г.», numbers «№ 6».
"""

from __future__ import annotations

from .acts import ANNEX_HEADS, CODE_GENITIVE
from .grammar import MONTHS
from .model import ActRef, Citation
from .ordinals import inflect, ordinal_word
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
        noun = act.current_noun or "постановление"
        adjective = inflect("настоящий", frozenset({case, "sing", _noun_gender(noun)}), "ADJF")
        return f"{adjective} {_noun(noun, case)}"
    if act.kind == "constitution":
        return f"{_HEADS['constitution'][_CASE_INDEX[case]]} Республики Беларусь"
    if act.kind == "code" and act.code in CODE_GENITIVE:
        genitive = CODE_GENITIVE[act.code]
        if act.jurisdiction in _JURISDICTION_NAMES:
            genitive = genitive.replace(
                "Республики Беларусь", _JURISDICTION_NAMES[act.jurisdiction]
            )
        return (
            genitive
            if case == "gent"
            else " ".join(
                inflect(w, frozenset({case}), None) if i < 2 else w
                for i, w in enumerate(genitive.split())
            )
        )
    if act.short_name is not None and act.date is None and act.number is None:
        return " ".join(inflect(w, frozenset({case}), None) for w in act.short_name.split())
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


def _noun(noun: str, case: str) -> str:
    word = inflect(noun, frozenset({case}), "NOUN")
    return word[0].upper() + word[1:] if noun in ANNEX_HEADS else word


def _noun_gender(noun: str) -> str:
    spec = ANNEX_HEADS.get(noun)
    if spec is not None:
        return spec[2] if spec[2] != "plur" else "neut"
    return {"директива": "femn", "постановление": "neut", "решение": "neut"}.get(noun, "masc")


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
