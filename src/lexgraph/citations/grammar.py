"""Recognizer: walks the tokens and finds reference phrases (no resolution, no ids).

Grammar, informally (all words in any case, «№» or «N», any spacing or line breaks):

    reference  := procedure | chains target | self | annex-def | act
    procedure  := «по» «подпункту»[footnote] N.N.N
    chains     := group ((«,» | «и»)? group)*       each group: unit-word numbers
    numbers    := number ((«,» | «и» | «-») number)*  figures or ordinal words; «-» is a range
    target     := self | annex | act | code | short-name     (after «приложению N» also «к»)
    act        := head issuer? date? number? title?    head: Закон, Указ, Декрет, постановление…
    annex      := [Adjective] Head title [«, утвержденного» act]  (Положение, Правила, …)
    self       := «настоящего» noun                     (постановления, Регламента, …)

Within one chain the units go from smaller to larger («абзаце третьем части первой подпункта
1.1 пункта 1»). A comma or «и» followed by a unit starts a new chain; an earlier chain inherits
the larger units of the next one that it lacks («подпунктом 10.20 пункта 10 и пунктом 14 статьи
285» → both under article 285).
"""

from __future__ import annotations

import datetime
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from ..russian import GENITIVE_MONTHS
from .acts import (
    ACT_HEAD_LEMMAS,
    ANNEX_HEADS,
    CODES,
    CODES_BY_TAIL,
    COUNCIL_OF_MINISTERS,
    MINISTRIES,
    PRESIDENT,
    SELF_NOUNS,
)
from .normalize import collapse
from .ordinals import inflect, lemma, ordinal_value
from .tokens import Token, tokenize
from .units import ABBREVIATIONS, RANK, unit_word_table

MONTHS = GENITIVE_MONTHS
_HEAD_PREFIXES = frozenset({"зак", "ука", "дек", "дир", "пос"})
_CODE_LEMMAS = frozenset(lem for _, lemmas, _ in CODES for lem in lemmas)
_CODE_PREFIXES = frozenset(lem[:4] for lem in _CODE_LEMMAS)
_ANNEX_PREFIXES = frozenset({"пол", "пра", "инс", "рег"})
_QUOTES = '«"'
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_APPROVED = re.compile(r",?\s+утвержденн[а-я]*\s+", re.IGNORECASE)
_HEREINAFTER = re.compile(
    r"\s*\(\s*далее\s*-?\s*(?:по\s+тексту\s*-?\s*)?([^()\n]{1,80}?)\s*\)", re.IGNORECASE
)
_MINISTRY_ABBREVIATIONS = sorted(
    ((tuple(a.lower().split()), name) for _, name, abbrs in MINISTRIES for a in abbrs),
    key=lambda item: -len(item[0]),
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(slots=True)
class RawAct:
    kind: str | None = None
    issuers: tuple[str, ...] = ()
    date: datetime.date | None = None
    number: str | None = None
    title: str | None = None
    code: str | None = None
    current_noun: str | None = None
    short_name: str | None = None
    end: int = 0


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


class Lookup(Protocol):
    """What the recognizer needs from the resolver's per-document state."""

    def annex_patterns(self) -> Iterable[tuple[int, str, str | None, re.Pattern[str]]]: ...

    def short_names(self) -> Iterable[tuple[tuple[str, ...], bool, str]]: ...


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


class Recognizer:
    def __init__(self, text: str, lookup: Lookup) -> None:
        self.s = text
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]
        self.n = len(self.toks)
        self.lookup = lookup

    # -- helpers -------------------------------------------------------------------------
    def _tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < self.n else None

    def _lower(self, i: int) -> str:
        t = self._tok(i)
        return t.lower if t else ""

    def _index_at(self, pos: int) -> int:
        return bisect_left(self.starts, pos)

    def _words(self, i: int, *words: str) -> int | None:
        for k, w in enumerate(words):
            if self._lower(i + k) != w:
                return None
        return i + len(words)

    def _rb(self, i: int) -> int | None:
        return self._words(i, "республики", "беларусь")

    # -- entry point -----------------------------------------------------------------------
    def run(self) -> Iterator[RawCitation]:
        i = 0
        while i < self.n:
            found = self._at(i)
            if found is None:
                i += 1
                continue
            yield found
            i = max(i + 1, self._index_at(found.end))

    def _at(self, i: int) -> RawCitation | None:
        t = self.toks[i]
        if t.kind != "word":
            return None
        if t.lower == "по":
            return self._procedure(i)
        if self._unit(i) is not None:
            return self._provision(i)
        start = t.start
        current = self._self(i)
        if current is not None:
            return RawCitation(start, current.end, act=current)
        annex = self._annex(i, definition_only=True)
        if annex is not None:
            return RawCitation(start, annex.end, act=annex.approved_by, annex=annex)
        act = self._act(i) or self._code(i)
        if act is not None:
            return RawCitation(start, act.end, act=act, defines=self._hereinafter(act.end))
        return None

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
            nxt = self._tok(i + 2)
            if nxt is not None and nxt.kind == "num":
                return unit, i + 2
        return None

    def _number(self, i: int) -> str | None:
        t = self._tok(i)
        if t is None:
            return None
        if t.kind == "num":
            return t.text
        if t.kind == "word":
            value = ordinal_value(t.lower)
            return str(value) if value is not None else None
        return None

    def _numbers(self, i: int) -> tuple[list[str], int]:
        first = self._number(i)
        if first is None:
            return [], i
        numbers = [first]
        j = i + 1
        while True:
            sep = self._lower(j)
            nxt = self._number(j + 1)
            if nxt is None or sep not in ("-", ",", "и"):
                break
            if sep == "-":
                numbers[-1:] = _expand(numbers[-1], nxt)
            else:
                numbers.append(nxt)
            j += 2
        return numbers, j

    def _provision(self, i: int) -> RawCitation | None:
        chains: list[list[tuple[str, list[str]]]] = []
        j = i
        while True:
            unit = self._unit(j)
            if unit is None:
                break
            numbers, k = self._numbers(unit[1])
            if not numbers:
                break
            group = (unit[0], numbers)
            if not chains or (j > i and self._lower(j - 1) in (",", "и")):
                chains.append([group])
            elif RANK[unit[0]] < RANK[chains[-1][-1][0]]:
                chains[-1].append(group)
            else:
                break
            j = k
            if self._lower(j) in (",", "и") and self._unit(j + 1) is not None:
                j += 1
        if not chains:
            return None
        if self._lower(j - 1) in (",", "и") and self._unit(j) is not None:
            j -= 1
        target_at = j + 1 if chains[-1][-1][0] == "annex" and self._lower(j) == "к" else j
        start = self.toks[i].start
        current = self._self(target_at)
        if current is not None:
            return RawCitation(start, current.end, _paths(chains), act=current)
        annex = self._annex(target_at, definition_only=False)
        if annex is not None:
            return RawCitation(start, annex.end, _paths(chains), annex.approved_by, annex)
        act = self._act(target_at) or self._code(target_at) or self._short(target_at)
        if act is None:
            return None
        return RawCitation(start, act.end, _paths(chains), act, defines=self._hereinafter(act.end))

    # -- acts ------------------------------------------------------------------------------
    def _act(self, i: int) -> RawAct | None:
        t = self._tok(i)
        if t is None or t.kind != "word" or t.lower[:3] not in _HEAD_PREFIXES:
            return None
        kind = ACT_HEAD_LEMMAS.get(lemma(t.lower))
        if kind is None:
            return None
        j = i + 1
        issuers: tuple[str, ...] = ()
        if kind == "law":
            j = self._rb(j) or j
        elif kind in ("edict", "decree", "directive"):
            if self._lower(j) == "президента":
                j = self._rb(j + 1) or j + 1
            issuers = (PRESIDENT,)
        else:
            after = self._words(j, "совета", "министров")
            if after is not None:
                kind, j, issuers = (
                    "cm_resolution",
                    self._rb(after) or after,
                    (COUNCIL_OF_MINISTERS,),
                )
            else:
                found = self._issuers(j)
                if found is None:
                    return None
                issuers, j = found
        act = RawAct(kind, issuers)
        j = self._details(j, act)
        if act.date is None and act.number is None and act.title is None:
            return None
        return act

    def _details(self, j: int, act: RawAct) -> int:
        """Date, number and title in any order after the head; sets ``act.end``."""
        act.end = self.toks[j - 1].end
        for _ in range(2):
            if act.date is None and (found := self._date(j)) is not None:
                act.date, j = found
                act.end = self.toks[j - 1].end
            if act.number is None and (num := self._act_number(j)) is not None:
                act.number, j = num
                act.end = self.toks[j - 1].end
        title = self._title(act.end)
        if title is not None:
            act.title, act.end = title
        return j

    def _issuers(self, j: int) -> tuple[tuple[str, ...], int] | None:
        names: list[str] = []
        while True:
            found = self._ministry(j)
            if found is None:
                break
            names.append(found[0])
            j = found[1]
            if self._lower(j) == "и" and self._ministry(j + 1) is not None:
                j += 1
                continue
            break
        return (tuple(names), j) if names else None

    def _ministry(self, j: int) -> tuple[str, int] | None:
        if self._lower(j).startswith("министерств"):
            for k in range(j + 1, min(j + 12, self.n)):
                end = self._rb(k)
                w = self._lower(k)
                stop = w in ("от", "№", "и") and (w != "и" or self._lower(k + 1)[:6] == "минист")
                if end is None and not stop and (self.toks[k].kind == "word" or w == "-"):
                    continue
                if k == j + 1:
                    return None
                tail = collapse(self.s[self.toks[j + 1].start : self.toks[k - 1].end]).lower()
                return f"Министерства {tail} Республики Беларусь", end or k
            return None
        for words, tail in _MINISTRY_ABBREVIATIONS:
            end = self._words(j, *words)
            if end is not None:
                return f"Министерства {tail} Республики Беларусь", self._rb(end) or end
        return None

    def _date(self, j: int) -> tuple[datetime.date, int] | None:
        has_from = self._lower(j) == "от"
        k = j + 1 if has_from else j
        t = self._tok(k)
        if t is None or t.kind != "num":
            return None
        parts: tuple[int, int, int] | None = None
        m = _DOTTED_DATE.fullmatch(t.text)
        if m:
            parts = (int(m[3]), int(m[2]), int(m[1]))
            k += 1
        elif has_from and (month := MONTHS.get(self._lower(k + 1))) is not None:
            year = self._tok(k + 2)
            if year is None or year.kind != "num" or len(year.text) != 4 or len(t.text) > 2:
                return None
            parts = (int(year.text), month, int(t.text))
            k += 3
        if parts is None:
            return None
        try:
            date = datetime.date(*parts)
        except ValueError:
            return None
        if self._lower(k) == "года":
            k += 1
        elif self._lower(k) == "г":
            k += 2 if self._lower(k + 1) == "." else 1
        return date, k

    def _act_number(self, j: int) -> tuple[str, int] | None:
        t = self._tok(j)
        if t is None or t.text not in ("№", "N"):
            return None
        num = self._tok(j + 1)
        if num is None or num.kind != "num" or "." in num.text:
            return None
        text, k = num.text, j + 2
        while True:
            sep, nxt = self._tok(k), self._tok(k + 1)
            if sep is None or nxt is None or sep.text not in ("/", "-"):
                break
            if sep.start != self.toks[k - 1].end or nxt.start != sep.end:
                break
            if nxt.kind == "num" or (
                nxt.kind == "word" and nxt.text.isupper() and len(nxt.text) < 6
            ):
                text += sep.text + nxt.text
                k += 2
                continue
            break
        return text, k

    def _title(self, pos: int) -> tuple[str, int] | None:
        p = pos
        while p < len(self.s) and self.s[p] == " ":
            p += 1
        if p < len(self.s) and self.s[p] == "\n":
            p += 1
            while p < len(self.s) and self.s[p] == " ":
                p += 1
        if p >= len(self.s) or self.s[p] not in _QUOTES:
            return None
        return scan_quoted(self.s, p)

    def _hereinafter(self, pos: int) -> str | None:
        m = _HEREINAFTER.match(self.s, pos)
        if m is None:
            return None
        name = m[1].strip().strip('«»"').strip()
        return name or None

    def _code(self, i: int) -> RawAct | None:
        t = self._tok(i)
        if t is None or t.kind != "word":
            return None
        if t.lower[:4] in _CODE_PREFIXES:
            lemmas: list[str] = []
            j = i
            while len(lemmas) < 3 and (w := self._tok(j)) is not None and w.kind == "word":
                lem = lemma(w.lower)
                if lem == "кодекс":
                    for slug, code_lemmas, _ in CODES:
                        if tuple(lemmas) == code_lemmas:
                            end = self._rb(j + 1) or j + 1
                            return RawAct("code", code=slug, end=self.toks[end - 1].end)
                    return None
                if lem not in _CODE_LEMMAS:
                    return None
                lemmas.append(lem)
                j += 1
            return None
        after = self._rb(i + 1) if t.lower.startswith("кодекс") else None
        if after is not None:
            for slug, tail, _ in CODES_BY_TAIL:
                stop = self._words(after, *tail.split())
                if stop is not None:
                    return RawAct("code", code=slug, end=self.toks[stop - 1].end)
        return None

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

    def _short(self, i: int) -> RawAct | None:
        t = self._tok(i)
        if t is None or t.kind != "word":
            return None
        for lemmas, upper, name in self.lookup.short_names():
            if t.text[0].isupper() != upper:
                continue
            if all(lemma(self._lower(i + k)) == lem for k, lem in enumerate(lemmas)):
                return RawAct(short_name=name, end=self.toks[i + len(lemmas) - 1].end)
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
        adj_lemma = lemma(adjective.lower) if adjective else None
        prefix = nominative
        if adjective is not None:
            grammemes = {"nomn", "plur"} if gender == "plur" else {"nomn", "sing", gender}
            prefix = f"{inflect(adjective.text, frozenset(grammemes), 'ADJF')} {nominative.lower()}"
        p = head.end
        line_end = _line_end(self.s, p)
        m = _APPROVED.search(self.s, p, _paragraph_end(self.s, p))
        if m is not None and ";" not in self.s[p : m.start()]:
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


def scan_quoted(s: str, p: int) -> tuple[str, int] | None:
    """Title in quotes starting at ``s[p]``: (content with quotes normalized, end position).

    Nested quotes are balanced; an ASCII ``"`` opens after a space or bracket and closes
    otherwise. An outer quote left open (typists drop the second of two closing quotes) ends at
    the last closing quote before the paragraph ends.
    """
    stack = [s[p]]
    out: list[str] = []
    last_close: tuple[int, int] | None = None
    limit = min(len(s), p + 1500)
    i = p + 1
    while i < limit:
        c = s[i]
        if c == "\n" and s[i + 1 : i + 2] == "\n":
            break
        if c == "«" or (c == '"' and (s[i - 1].isspace() or s[i - 1] in "(«")):
            if c == '"' and stack[-1] == '"' and (i + 1 >= len(s) or not s[i + 1].isalnum()):
                stack.pop()
            else:
                stack.append(c)
                out.append("«")
                i += 1
                continue
        elif c in '»"':
            stack.pop()
        else:
            out.append(c)
            i += 1
            continue
        if not stack:
            return collapse("".join(out)), i + 1
        out.append("»")
        last_close = (len(out), i + 1)
        i += 1
    if last_close is None:
        return None
    return collapse("".join(out[: last_close[0]])), last_close[1]


def _line_end(s: str, p: int) -> int:
    end = s.find("\n", p)
    return len(s) if end < 0 else end


def _paragraph_end(s: str, p: int) -> int:
    m = _BLANK_LINE.search(s, p, p + 800)
    return m.start() if m else min(len(s), p + 800)


def _title_end(s: str, p: int, line_end: int) -> int:
    m = re.compile(r"[;)]|\.(?:\s|$)").search(s, p, line_end)
    end = m.start() if m else line_end
    while end > p and not s[end - 1].isalnum() and s[end - 1] not in '»"':
        end -= 1
    return end


def _expand(a: str, b: str) -> list[str]:
    """Numbers named by a range: 1–3 → 1, 2, 3; 1.1–1.3 → 1.1, 1.2, 1.3; otherwise both ends."""
    head_a, _, last_a = a.rpartition(".")
    head_b, _, last_b = b.rpartition(".")
    if head_a == head_b and last_a.isdigit() and last_b.isdigit():
        lo, hi = int(last_a), int(last_b)
        if lo < hi <= lo + 200:
            prefix = f"{head_a}." if head_a else ""
            return [f"{prefix}{n}" for n in range(lo, hi + 1)]
    return [a, b]


def _paths(chains: list[list[tuple[str, list[str]]]]) -> list[tuple[tuple[str, str], ...]]:
    """Unit paths (largest first) named by the chains, ancestors shared backwards."""
    full = [list(chain) for chain in chains]
    for idx in range(len(full) - 2, -1, -1):
        top = RANK[full[idx][-1][0]]
        full[idx] += [g for g in full[idx + 1] if RANK[g[0]] < top and len(g[1]) == 1]
    paths: list[tuple[tuple[str, str], ...]] = []
    for chain in full:
        groups = list(reversed(chain))
        for numbers in itertools.product(*(g[1] for g in groups)):
            paths.append(tuple(zip((g[0] for g in groups), numbers, strict=True)))
    return paths
