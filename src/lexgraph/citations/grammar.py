"""Recognizer: walks the tokens and finds reference phrases (no resolution, no ids).

Grammar, informally (all words in any case, «№» or «N», any spacing or line breaks):

    reference  := procedure | chains target | self | annex-def | act [«(» chains «)»] more*
    procedure  := «по» «подпункту»[footnote] N.N.N
    chains     := group ((«,» | «и»)? group)*       each group: unit-word numbers
    numbers    := number ((«,» | «и» | «-») number)*  figures, ordinal words, Roman (sections);
                                                     «-» is a range, or a superscript («23-1»)
    target     := self | annex | act | code | short-name     (after «приложению N» also «к»)
    act        := head issuer? date? number? title?    head: Закон, Указ, постановление, решение,
                                                       приказ, распоряжение, Конституция, treaty
    code       := adjectives «кодекс» | «Кодекс» tail | abbreviation   (+ jurisdiction)
    more       := («,» | «и») date? number title?      acts sharing the kind word
    annex      := [Adjective] Head title [«, утвержденного» act]  (Положение, Правила, …)
    self       := «настоящего» noun                     (постановления, Регламента, …)

Within one chain the units go from smaller to larger («абзаце третьем части первой подпункта
1.1 пункта 1»); points and parts nest either way («пункта 3 части 1 статьи 7.2»). A comma or
«и» followed by a unit starts a new chain; an earlier chain inherits the larger units of the
next one that it lacks («подпунктом 10.20 пункта 10 и пунктом 14 статьи 285» → both under
article 285). Issuers are read by :mod:`.issuers`, codes by :mod:`.codes`, dates, numbers and
titles by :mod:`.cursor`. Inside an act's quoted title only acts cited in full are references.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from .acts import (
    ACT_HEAD_LEMMAS,
    ANNEX_HEADS,
    CODE_ABBREVIATIONS,
    ISSUED_KINDS,
    SELF_NOUNS,
    TREATY_FOLLOWERS,
    TREATY_HEAD_LEMMAS,
    TREATY_MARKERS,
)
from .codes import CODE_PREFIXES, CodeReader
from .cursor import MONTHS, QUOTES, RawAct, scan_quoted
from .normalize import collapse
from .ordinals import inflect, lemma, ordinal_value
from .tokens import Token, plain_number, tokenize
from .units import ABBREVIATIONS, CODE_PARTS, GROUPS, INTERCHANGEABLE, RANK, unit_word_table

__all__ = ["MONTHS", "RawAct", "RawAnnex", "RawCitation", "Recognizer", "scan_quoted"]

_HEAD_PREFIXES = frozenset(
    {"зак", "ука", "дек", "дир", "пос", "реш", "при", "рас", "фед", "кон"} | {"сог", "про", "дог"}
)
_ANNEX_PREFIXES = frozenset({"пол", "пра", "инс", "рег"})
_APPROVED = re.compile(r",?\s+утвержденн[а-я]*\s+", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A sentence ends between an annex and the act that approves it: «… справок. Форма справки, …».
_SENTENCE_END = re.compile(r"\.\s+[А-ЯЁA-Z]")


@dataclass(slots=True)
class RawAnnex:
    kind: str
    name: str
    adjective_lemma: str | None
    tail: str
    approved_by: RawAct | None = None
    known_index: int | None = None
    end: int = 0


@dataclass(slots=True)
class RawCitation:
    start: int
    end: int
    paths: list[tuple[tuple[str, str], ...]] = field(default_factory=list)
    act: RawAct | None = None
    annex: RawAnnex | None = None
    procedure: str | None = None
    defines: str | None = None
    resume: int = 0


class Lookup(Protocol):
    """What the recognizer needs from the resolver's per-document state."""

    def annex_patterns(self) -> Iterable[tuple[int, str, str | None, re.Pattern[str]]]: ...

    def short_names(self) -> Iterable[tuple[tuple[str, ...], bool, str]]: ...

    def short_starts(self) -> frozenset[str]: ...

    def annex_short_names(self) -> Iterable[tuple[tuple[str, ...], int]]: ...


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """The first three letters (lowercase) of every word that may start a reference."""
    words = set(unit_word_table()) | set(ABBREVIATIONS) | {"по", "настоящий", "общ", "осо"}
    words |= {a.lower() for a in CODE_ABBREVIATIONS} | {"кодекс"} | set(CODE_PREFIXES)
    words |= set(_HEAD_PREFIXES) | set(_ANNEX_PREFIXES)
    words |= set(ANNEX_HEADS) | {"конституция"}
    return frozenset(w[:3] for w in words)


@lru_cache(maxsize=1024)
def tail_pattern(tail: str) -> re.Pattern[str]:
    """Regex matching an annex title tail with any spacing, ending at a word boundary."""
    words = tail.split()
    return re.compile(r"\s+" + r"\s+".join(map(re.escape, words)) + r"(?![^\W_])", re.IGNORECASE)


def annex_parts(name: str) -> tuple[str, str | None, str]:
    """Split a canonical annex name into (kind, adjective lemma, tail)."""
    words = name.split()
    for i, w in enumerate(words[:2]):
        head = ANNEX_HEADS.get(lemma(w))
        if head is not None and (i == 0 or w[0].islower()):
            adjective = lemma(words[0]) if i == 1 else None
            return head[0], adjective, " ".join(words[i + 1 :])
    return "regulation", None, name


class Recognizer(CodeReader):
    def __init__(self, text: str, lookup: Lookup) -> None:
        super().__init__(text)
        self.lookup = lookup

    # -- entry point -----------------------------------------------------------------------
    def run(self) -> Iterator[RawCitation]:
        i = 0
        while i < self.n:
            found = self._at(i)
            if not found:
                i += 1
                continue
            yield from found
            for c in found:
                span = c.act.title_span if c.act is not None else None
                if span is not None:
                    yield from self._in_title(*span)
            last = max(max(c.end, c.resume) for c in found)
            i = max(i + 1, self._index_at(last))

    def units_at(self, pos: int) -> tuple[list[tuple[tuple[str, str], ...]], int] | None:
        """The unit chains starting at character ``pos`` (after blanks), with no act after them:
        their paths (largest first) and the character offset where they end; None if no unit
        word starts there. For texts whose units belong to a document known otherwise (the
        targets of an amending act: «в подпункте 1.2 пункта 1», «абзацем четвертым»)."""
        i = self._index_at(pos)
        if i >= self.n or self.s[pos : self.toks[i].start].strip():
            return None
        chains, j = self._chains(i)
        if not chains:
            return None
        return _paths(chains), self.toks[j - 1].end

    def _in_title(self, start: int, end: int) -> Iterator[RawCitation]:
        """Acts cited in full inside another act's title: with date and number, or codes."""
        i = self._index_at(start)
        while i < self.n and self.toks[i].start < end:
            found = [
                c
                for c in self._at(i)
                if c.end <= end and c.act is not None and _in_full(c.act) and c.annex is None
            ]
            if not found:
                i += 1
                continue
            yield from found
            i = max(i + 1, self._index_at(max(c.end for c in found)))

    def _at(self, i: int) -> list[RawCitation]:
        t = self.toks[i]
        if t.kind != "word":
            return []
        if t.lower[:3] not in _starts() and t.lower[:3] not in self.lookup.short_starts():
            return []  # most words cannot start a reference: skip them cheaply
        if t.lower == "по":
            found = self._procedure(i)
            return [found] if found else []
        if self._unit(i) is not None:
            found = self._provision(i)
            return [found] if found else []
        start = t.start
        current = self._self(i)
        if current is not None:
            return [RawCitation(start, current.end, act=current)]
        annex = self._annex(i, definition_only=True)
        if annex is not None:
            found = RawCitation(start, annex.end, act=annex.approved_by, annex=annex)
            found.defines, found.resume = self._hereinafter(annex.end)
            return [found]
        act = self._act(i) or self._code(i) or self._short(i, whole=True)
        if act is None:
            return []
        first = self._whole(start, act)
        return [first, *self._more(act, first.resume or first.end)]

    def _whole(self, start: int, act: RawAct) -> RawCitation:
        """A citation of a whole act, with the units written after it in brackets, if any."""
        paths, after = self._units_after(act.end, act)
        found = RawCitation(start, act.end, paths, act)
        found.defines, found.resume = self._hereinafter(max(act.end, after))
        found.resume = max(found.resume, after)
        return found

    def _more(self, first: RawAct, pos: int) -> list[RawCitation]:
        """Acts enumerated after ``first`` that share its kind word: «…, от … № 636 и от …»."""
        if first.kind in (None, "code", "constitution", "treaty") or first.number is None:
            return []
        found: list[RawCitation] = []
        j = self._index_at(pos)
        while self._tok(j + 1) is not None and (
            self._lower(j) in (",", "и")
            or (self._lower(j) == ";" and self._lower(j + 1) in ("от", "№", "n"))
        ):
            act = RawAct(
                first.kind,
                first.issuers,
                issuer_slugs=first.issuer_slugs,
                jurisdiction=first.jurisdiction,
                reason=first.reason,
            )
            k = self._details(j + 1, act)
            if act.number is None or k == j + 1:
                break
            if act.date is None and first.date is not None and self._lower(j + 1) in ("№", "n"):
                act.date = first.date  # «от 18.11.2004 № 339-З … и № 338-З»: one date for both
            c = RawCitation(self.toks[j + 1].start, act.end, act=act)
            c.defines, c.resume = self._hereinafter(act.end)
            found.append(c)
            j = self._index_at(max(c.end, c.resume))
        return found

    # -- procedures ------------------------------------------------------------------------
    def _procedure(self, i: int) -> RawCitation | None:
        unit = self._unit(i + 1)
        if unit is None or unit[0] != "subpoint":
            return None
        j = unit[1]
        t = self._tok(j)
        prev = self.toks[j - 1]
        if t and t.kind == "num" and "." not in t.text and t.start == prev.end:
            j += 1  # a footnote mark glued to the word: «по подпункту1 10.7.1»
        t = self._tok(j)
        if t is None or t.kind != "num" or t.text.count(".") != 2:
            return None
        if self._unit(j + 1) is not None:
            return None
        return RawCitation(self.toks[i].start, t.end, procedure=t.text)

    # -- units -----------------------------------------------------------------------------
    def _unit(self, i: int) -> tuple[str, int] | None:
        t = self._tok(i)
        if t is None or t.kind != "word":
            return None
        hit = unit_word_table().get(t.lower)
        if hit is not None:
            return hit[0], i + 1
        unit = ABBREVIATIONS.get(t.lower)
        if unit is not None and self._lower(i + 1) == ".":
            k = i + 2
            doubled = self._words(k, t.lower, ".") is not None
            if doubled:
                k += 2  # a plural written twice: «ст.ст. 327-332», «ч.ч. 1, 2», «п.п. 1.1»
            if t.lower == "пп" or (t.lower == "п" and doubled):
                # «пп. 1.1» and «п.п. 1.1» are subpoints, «пп. 2, 3 Положения» points
                unit = "subpoint" if "." in self._lower(k) else "point"
            nxt = self._tok(k)
            if nxt is not None and nxt.kind == "num":
                return unit, k
            if unit in ("section", "chapter") and _roman(nxt):
                return unit, k  # «разд. IV», «гл. IV»
        if t.lower[:3] in ("общ", "осо") and self._lower(i + 1).startswith("част"):
            part = CODE_PARTS.get(lemma(t.lower))
            if part is not None and lemma(self._lower(i + 1)) == "часть":
                return part, i + 2
        return None

    def _number(self, i: int) -> tuple[str, int] | None:
        """A unit number at ``i`` and the index after it: «5», «201¹», «третьего», «двадцать
        первого»."""
        t = self._tok(i)
        if t is None:
            return None
        if t.kind == "num":
            return plain_number(t.text), i + 1
        if t.kind != "word":
            return None
        tens = _TENS.get(t.lower)
        if tens is not None:
            unit = ordinal_value(self._lower(i + 1))
            return (str(tens + unit), i + 2) if unit is not None and unit < 10 else None
        value = ordinal_value(t.lower)
        return (str(value), i + 1) if value is not None else None

    def _numbers(self, unit: str, i: int) -> tuple[list[str], int]:
        if unit in ("general_part", "special_part"):
            return [""], i
        if unit == "annex" and self._lower(i) in ("№", "n") and self._number(i + 1):
            i += 1  # «Приложение № 3»
        found = self._number_of(unit, i)
        if found is None:
            if unit == "annex" and self._lower(i) == "к":
                return [""], i  # an unnumbered annex: «приложение к постановлению …»
            return [], i
        numbers = [found[0]]
        j = found[1]
        while True:
            sep = self._lower(j)
            if sep == "." and self._lower(j + 1) == "-":
                j += 1  # «статьи 24.1. - 24.4»
                sep = "-"
            nxt = self._number_of(unit, j + 1)
            if nxt is None or sep not in ("-", ",", "и"):
                break
            if sep == "-" and self._superscript(j, numbers[-1], nxt[0]):
                numbers[-1] = f"{numbers[-1]}-{nxt[0]}"
            elif sep == "-":
                expanded = _expand(numbers[-1], nxt[0])
                if expanded is None:
                    return [], i  # a falling range: the group names no unit
                numbers[-1:] = expanded
            else:
                numbers.append(nxt[0])
            j = nxt[1]
        return numbers, j

    def _number_of(self, unit: str, i: int) -> tuple[str, int] | None:
        """A number of ``unit`` at ``i``: sections and chapters of codes are also numbered in
        Roman numerals («главы IV–VI»)."""
        found = self._number(i)
        if found is None and unit in ("section", "chapter") and (roman := _roman(self._tok(i))):
            found = roman, i + 1
        return found

    def _superscript(self, j: int, a: str, b: str) -> bool:
        """«23-1» is article 23¹ (a hyphen glued to both, and no rising range), not 23 to 1."""
        if not (self._glued(j) and self._glued(j + 1)):
            return False
        figures = all(
            t is not None and t.kind == "num" for t in (self._tok(j - 1), self._tok(j + 1))
        )
        return figures and a.isdigit() and b.isdigit() and int(b) <= int(a)  # not «VI-IV»

    def _chains(self, i: int) -> tuple[list[list[tuple[str, list[str]]]], int]:
        chains: list[list[tuple[str, list[str]]]] = []
        j = i
        while True:
            unit = self._unit(j)
            if unit is None:
                break
            numbers, k = self._numbers(unit[0], unit[1])
            if not numbers:
                break
            group = (unit[0], numbers)
            if not chains or (j > i and self._lower(j - 1) in (",", "и")):
                chains.append([group])
            elif _continues(chains[-1], unit[0]):
                chains[-1].append(group)
            else:
                break
            j = self._skip_heading(k)
            if self._lower(j) in (",", "и") and self._unit(j + 1) is not None:
                j += 1
        if chains and self._lower(j - 1) in (",", "и") and self._unit(j) is not None:
            j -= 1
        return chains, j

    def _skip_heading(self, j: int) -> int:
        """Skip an article's quoted heading between units, or before a code: «ст.62 «Налоговый
        учет» Общей части», «ст. 62 «Налоговый учет» НК» (or the Constitution). Before another
        act, a quoted text is more likely an annex's name («пункта 5 «Положения о …» Указа …»):
        not skipped."""
        t = self._tok(j)
        if t is None or t.text not in QUOTES:
            return j
        quoted = scan_quoted(self.s, t.start)
        if quoted is None or quoted[1] - t.start > 120:
            return j
        k = self._index_at(quoted[1])
        before_a_code = self._code(k) is not None or self._lower(k).startswith("конституци")
        return k if self._unit(k) is not None or before_a_code else j

    def _provision(self, i: int) -> RawCitation | None:
        chains, j = self._chains(i)
        if not chains:
            return None
        if self._numbered_unit(j):
            # A unit the chain cannot take: larger units first («ст. 5 п. 3 НК»), or a kind named
            # twice. Read alone, the tail «п. 3 НК» would be the code's point 3, a wrong
            # provision; so the whole run of units is passed over and only the act is cited.
            while self._numbered_unit(j):
                j = self._chains(j)[1]
            return self._target(self.toks[i].start, [], j)
        target_at = j + 1 if chains[-1][-1][0] == "annex" and self._lower(j) == "к" else j
        start = self.toks[i].start
        unnumbered = chains[-1][-1] == ("annex", [""])
        found = self._target(start, chains, target_at, strong=unnumbered)
        if found is None and self._lower(target_at) == "." and self._glued(target_at):
            found = self._target(start, chains, target_at + 1, strong=True)  # «п. 4.11. Инструкции»
        return found

    def _numbered_unit(self, j: int) -> bool:
        """A unit word with its number at ``j``: «пункта 3», «части первой»."""
        unit = self._unit(j)
        return unit is not None and bool(self._numbers(*unit)[0])

    def _target(
        self, start: int, chains: list[list[tuple[str, list[str]]]], j: int, strong: bool = False
    ) -> RawCitation | None:
        current = self._self(j)
        if current is not None:
            return RawCitation(start, current.end, _paths(chains), act=current)
        annex = self._annex(j, definition_only=False)
        if annex is not None and (not strong or annex.approved_by or annex.known_index is not None):
            found = RawCitation(start, annex.end, _paths(chains), annex.approved_by, annex)
            found.defines, found.resume = self._hereinafter(annex.end)
            return found
        act = self._act(j) or self._code(j) or self._short(j)
        if act is None:
            return None
        found = RawCitation(start, act.end, _paths(chains), act)
        found.defines, found.resume = self._hereinafter(act.end)
        return found

    def _units_after(self, pos: int, act: RawAct) -> tuple[list[tuple[tuple[str, str], ...]], int]:
        """Units written in brackets after a whole act: «Кодекса … (статья 16.10)»."""
        if act.kind not in ("code", "constitution") and act.title is None:
            return [], pos
        j = self._index_at(pos)
        if self._lower(j) != "(":
            return [], pos
        k = j + 1
        while self._lower(k + 1) == "," and self._unit(k) is None and k < j + 4:
            k += 2  # «(извлечения, статьи 24.1. - 24.4 …)»
        chains, end = self._chains(k)
        if not chains or self._lower(end) not in (")", "-", ";"):
            return [], pos
        return _paths(chains), self._end(end + 1) if self._lower(end) == ")" else self._end(end)

    # -- acts ------------------------------------------------------------------------------
    def _act(self, i: int) -> RawAct | None:
        t = self._tok(i)
        if t is None or t.kind != "word" or t.lower[:3] not in _HEAD_PREFIXES:
            return None
        head = lemma(t.lower)
        if head == "конституция" and t.text[0].isupper():
            return self._constitution(i)
        if head in TREATY_HEAD_LEMMAS:
            return self._treaty(i) if t.text[0].isupper() else None
        if head == "федеральный" and lemma(self._lower(i + 1)) == "закон":
            act = RawAct("law", jurisdiction="ru")
            named = self._jurisdiction(i + 2)
            self._details(named[1] if named is not None else i + 2, act)
            _foreign_title_only(act)
            return act if act.date is not None or act.number is not None or act.title else None
        kind = ACT_HEAD_LEMMAS.get(head)
        if kind is None:
            return None
        act = RawAct(kind)
        after = self._issuer(i + 1, act)
        if after is None:
            return None
        self._details(after, act)
        untitled = act.title is None and act.date is None
        if untitled and self._unquoted_title_may_follow(t, after, act):
            self._unquoted_title(after, act)  # «Закона РБ О пенсионном обеспечении»
        if act.date is None and act.number is None and act.title is None and not act.register:
            return None
        if self._words(self._index_at(act.end), "по", "делу") is not None:
            return None  # a court's judgment «по делу № …», not a legal act
        if act.kind in ISSUED_KINDS and not act.issuer_slugs and act.reason is None:
            if act.number is None or act.date is None:
                return None  # «Решение № 2-964/2019 …», «решение от 27.08.2019 …» of a court
            act.reason = "the issuer is not named"
        _foreign_title_only(act)
        return act

    def _unquoted_title_may_follow(self, head: Token, after: int, act: RawAct) -> bool:
        """A law's title may go unquoted («Закона РБ О пенсионном обеспечении»), and so may
        another act's after its issuer when it opens with a capital «О» («постановлением
        Министерства финансов Об утверждении Инструкции … от … № 26»)."""
        if act.kind == "law":
            return head.text[0].isupper()
        opening = self._tok(after)
        return bool(act.issuers) and opening is not None and opening.text in ("О", "Об")

    def _unquoted_title(self, j: int, act: RawAct) -> None:
        """A law's title written without quotes: «О …» up to the punctuation, date or number."""
        if self._lower(j) not in ("о", "об") or self.toks[j - 1].end == self.toks[j].start:
            return
        k = j + 1
        while (
            k < min(self.n, j + 14)
            and self.toks[k].kind == "word"
            and self._lower(k) not in ("от", "n")  # the date, or a number after a Latin «N»
        ):
            # A line end ends the title (lists of acts, one a line), but not right after «О»:
            # no item ends so; a hard-wrapped title does.
            if k > j + 1 and "\n" in self.s[self.toks[k - 1].end : self.toks[k].start]:
                break
            if self._unit(k) is not None or (self._lower(k) == "и" and self._unit(k + 1)):
                break
            k += 1
        # A title of one word after «О» only before the act's date or number («О рекламе от
        # 10 мая 2007 г. № 225-З»): alone, «Закона О …» is too often words of a sentence.
        if k < j + 2 or (k == j + 2 and self._lower(k) not in ("от", "№", "n")):
            return
        act.title = collapse(self.s[self.toks[j].start : self.toks[k - 1].end])
        act.end = self.toks[k - 1].end
        self._details(k, act)
        act.title = act.title or None

    def _names_another(self, k: int) -> bool:
        """After a short name, a title («Положения о …», «Закона «О …»») names another act."""
        t = self._tok(k)
        return t is not None and (t.lower in ("о", "об", "по") or t.text in QUOTES)

    def _constitution(self, i: int) -> RawAct:
        act = RawAct("constitution", end=self.toks[i].end)
        found = self._jurisdiction(i + 1)
        if found is not None:
            act.jurisdiction, j = found
            act.end = self._end(j)
        return act

    def _treaty(self, i: int) -> RawAct | None:
        """An international treaty: «Соглашение между Правительством …», «Протокол … от …»;
        a «протокол об административном правонарушении» or a private «соглашение» is not one."""
        follower = self._lower(i + 1)
        if follower not in TREATY_FOLLOWERS:
            return None
        act = RawAct("treaty", reason="an international treaty is not identified by its title")
        j = i + 1
        limit = min(self.n, i + 60)
        international = follower in ("стран", "государств") or (
            follower == "между" and self._starts_body(i + 2)
        )
        end: int | None = None  # the description ends at the first comma unless a date follows
        while j < limit and self._lower(j) not in ("(", ";", ".", "«", '"'):
            if self._lower(j) == "," and end is None:
                end = j
            if end is not None and lemma(self._lower(j)) in ACT_HEAD_LEMMAS:
                break  # «…, в соответствии с Законом … от …»: that date is the other act's
            if self._enumerated_act_head(j) and j > i + 2:
                end = j - 1  # «Соглашением стран СНГ о … и Законом … от …»: the law's date
                break
            if self._lower(j) == "от" and (found := self._date(j)) is not None:
                act.date, j = found
                end = j
                international = True
                break
            international = international or self._lower(j).startswith(TREATY_MARKERS)
            j += 1
        end = j if end is None else end
        if end == i + 1 or not international:
            return None
        act.end = self._end(end)
        return act

    def _enumerated_act_head(self, j: int) -> bool:
        """«и Законом …», «и Указом …»: another act named after «и» (its head word capitalized;
        a lower-case «и постановлений судов» is words of a treaty's title)."""
        t = self._tok(j)
        return (
            t is not None
            and self._lower(j - 1) == "и"
            and t.text[0].isupper()
            and lemma(t.lower) in ACT_HEAD_LEMMAS
        )

    def _self(self, i: int) -> RawAct | None:
        t = self._tok(i)
        if t is None or not t.lower.startswith("настоящ") or lemma(t.lower) != "настоящий":
            return None
        noun = self._tok(i + 1)
        if noun is None or noun.kind != "word":
            return None
        noun_lemma = lemma(noun.lower)
        if noun_lemma not in SELF_NOUNS:
            return None
        return RawAct(current_noun=noun_lemma, end=noun.end)

    def _short(self, i: int, whole: bool = False) -> RawAct | None:
        t = self._tok(i)
        if t is None or t.kind != "word":
            return None
        for words, upper, name in self.lookup.short_names():
            if t.text[0].isupper() != upper:
                continue
            if whole and not upper:
                continue
            k = i
            for word in words:
                tok = self._tok(k)
                if tok is None or _short_key(tok) != word:
                    break
                k += 1
            else:
                if len(words) == 1 and self._lower(k) in ("№", "n"):
                    continue  # «Решения № 900»: another act of the kind, not «(далее – Решение)»
                if self._names_another(k):
                    continue
                return RawAct(short_name=name, end=self.toks[k - 1].end)
        return None

    # -- approved annexes ------------------------------------------------------------------
    def _annex(self, i: int, *, definition_only: bool) -> RawAnnex | None:
        t = self._tok(i)
        if t is None or t.kind != "word" or not t.text[0].isupper():
            return None
        adjective: Token | None = None
        head = t
        nxt = self._tok(i + 1)
        if (
            nxt is not None
            and nxt.kind == "word"
            and nxt.text[0].islower()
            and nxt.lower[:3] in _ANNEX_PREFIXES
            and lemma(nxt.lower) in ANNEX_HEADS
        ):
            adjective, head = t, nxt
        if adjective is None and t.lower[:3] not in _ANNEX_PREFIXES:
            return None
        spec = ANNEX_HEADS.get(lemma(head.lower))
        if spec is None:
            return None
        kind, nominative, gender = spec
        for words, index in self.lookup.annex_short_names():
            k = i  # a short name defined earlier: «(далее – Инструкция)», «Положение № 1476»
            for word in words:
                tok = self._tok(k)
                if tok is None or _short_key(tok) != word:
                    break
                k += 1
            else:
                if not self._names_another(k):
                    end = self.toks[k - 1].end
                    return RawAnnex(kind, nominative, None, "", None, index, end=end)
        adj_lemma = lemma(adjective.lower) if adjective else None
        prefix = nominative
        if adjective is not None:
            grammemes = {"nomn", "plur"} if gender == "plur" else {"nomn", "sing", gender}
            prefix = f"{inflect(adjective.text, frozenset(grammemes), 'ADJF')} {nominative.lower()}"
        p = head.end
        line_end = _line_end(self.s, p)
        m = _APPROVED.search(self.s, p, _paragraph_end(self.s, p))
        between = self.s[p : m.start()] if m is not None else ""
        if m is not None and ";" not in between and not _SENTENCE_END.search(between):
            approved = self._act(self._index_at(m.end()))
            if approved is not None:
                tail = collapse(self.s[p : m.start()])
                name = f"{prefix} {tail}".strip()
                return RawAnnex(kind, name, adj_lemma, tail, approved, end=approved.end)
        if definition_only:
            return None
        best: tuple[int, int] | None = None
        for index, known_kind, known_adj, pattern in self.lookup.annex_patterns():
            if known_kind != kind or known_adj != adj_lemma:
                continue
            hit = pattern.match(self.s, p)
            if hit is not None and (best is None or hit.end() > best[1]):
                best = (index, hit.end())
        if best is not None:
            tail = collapse(self.s[p : best[1]])
            name = f"{prefix} {tail}".strip()
            return RawAnnex(kind, name, adj_lemma, tail, None, best[0], end=best[1])
        end = _title_end(self.s, p, line_end)
        tail = collapse(self.s[p:end])
        return RawAnnex(kind, f"{prefix} {tail}".strip(), adj_lemma, tail, None, None, end=end)


def _line_end(s: str, p: int) -> int:
    end = s.find("\n", p)
    return len(s) if end < 0 else end


def _paragraph_end(s: str, p: int) -> int:
    m = _BLANK_LINE.search(s, p, p + 801)  # a blank line starting at the window's last character
    return min(m.start(), p + 800) if m else min(len(s), p + 800)


def _title_end(s: str, p: int, line_end: int) -> int:
    m = re.compile(r"[;)]|\.(?:\s|$)").search(s, p, line_end)
    end = m.start() if m else line_end
    while end > p and not s[end - 1].isalnum() and s[end - 1] not in '»"':
        end -= 1
    return end


def _expand(a: str, b: str) -> list[str] | None:
    """Numbers named by a range: 1–3 → 1, 2, 3; 1.1–1.3 → 1.1, 1.2, 1.3; 5–5 → 5.

    A range longer than 200 steps, or whose ends are numbered on different levels (9.1–10),
    names only its ends. A falling range (23 – 1, 1.5–1.3) is None: a typo, or a superscript
    written with spaces («23 -1» for 23¹), and neither reading is safe.
    """
    head_a, _, last_a = a.rpartition(".")
    head_b, _, last_b = b.rpartition(".")
    if head_a == head_b and last_a.isdigit() and last_b.isdigit():
        lo, hi = int(last_a), int(last_b)
        if hi < lo:
            return None
        if hi <= lo + 200:
            prefix = f"{head_a}." if head_a else ""
            return [f"{prefix}{n}" for n in range(lo, hi + 1)]
    return [a, b]


def _paths(chains: list[list[tuple[str, list[str]]]]) -> list[tuple[tuple[str, str], ...]]:
    """Unit paths (largest first) named by the chains, ancestors shared backwards: what a later
    chain's unit is written «of» («… и пункта 2 статьи 5»: article 5), never that unit itself
    («пункта 5 и приложения 2»: the annex is the act's other part, not the point's container).

    Chapters, sections and the parts of a code are left out of a path that goes below them:
    articles (and the points of a regulation) are numbered through the whole act.
    """
    full = [list(chain) for chain in chains]
    for idx in range(len(full) - 2, -1, -1):
        top = RANK[full[idx][-1][0]]
        have = {g[0] for g in full[idx]}
        full[idx] += [
            g for g in full[idx + 1][1:] if RANK[g[0]] < top and len(g[1]) == 1 and g[0] not in have
        ]
    paths: list[tuple[tuple[str, str], ...]] = []
    for chain in full:
        groups = list(reversed(chain))
        if any(g[0] not in GROUPS and g[0] != "annex" for g in groups):
            groups = [g for g in groups if g[0] not in GROUPS]
        for numbers in itertools.product(*(g[1] for g in groups)):
            paths.append(tuple(zip((g[0] for g in groups), numbers, strict=True)))
    return paths


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
# Compound ordinals: «двадцать первый» → 21.
_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50}


def _roman(t: Token | None) -> str | None:
    """«IV» → ``4`` (sections of codes are numbered in Roman numerals)."""
    if t is None or t.kind != "word" or not t.text.isupper():
        return None
    letters = t.text.replace("Х", "X").replace("І", "I")
    if any(c not in _ROMAN_VALUES for c in letters):
        return None
    total = 0
    for c, nxt in zip(letters, [*letters[1:], ""], strict=True):
        value = _ROMAN_VALUES[c]
        total += -value if nxt and _ROMAN_VALUES[nxt] > value else value
    return str(total)


def _continues(chain: list[tuple[str, list[str]]], unit: str) -> bool:
    """Whether ``unit`` is the next larger unit of ``chain`` («пункта 3 части 1 статьи 7.2»)."""
    if any(g[0] == unit for g in chain):
        return False
    last = chain[-1][0]
    return RANK[unit] < RANK[last] or (unit in INTERCHANGEABLE and last in INTERCHANGEABLE)


def _foreign_title_only(act: RawAct) -> None:
    """A foreign act without its date and number is left unresolved: the known acts' titles are
    Belarusian, and «Федерального закона «О гражданской обороне»» would otherwise take the
    Belarusian law of that title (and its articles), a wrong act."""
    if act.jurisdiction != "by" and act.title and (act.date is None or act.number is None):
        act.reason = act.reason or "a foreign act is identified only by its date and number"


def _in_full(act: RawAct) -> bool:
    """Cited in full: a code or the Constitution by name, any other act with date and number."""
    if act.kind in ("code", "constitution"):
        return True
    return act.kind is not None and act.date is not None and act.number is not None


def short_key(text: str) -> tuple[str, ...]:
    """A short name as the recognizer compares it: word lemmas, other tokens as written."""
    return tuple(_short_key(t) for t in tokenize(text))


def _short_key(t: Token) -> str:
    return lemma(t.lower) if t.kind == "word" else t.lower
