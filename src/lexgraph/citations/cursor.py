"""The cursor over a text's tokens, and the details of an act: date, number, title, definition.

Shared by the readers of issuers (:mod:`.issuers`), codes (:mod:`.codes`) and the recognizer
(:mod:`.grammar`); pure, no resolution.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from dataclasses import dataclass

from ..russian import GENITIVE_MONTHS
from .acts import JURISDICTIONS
from .normalize import collapse
from .tokens import Token, tokenize

MONTHS = GENITIVE_MONTHS
QUOTES = '«"'
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_HEREINAFTER = re.compile(
    r"\s*(?:\d{1,2}\s*)?\(\s*далее\s*-?\s*(?:по\s+тексту\s*-?\s*)?([^()\n]{1,80}?)\s*\)",
    re.IGNORECASE,
)
_JURISDICTIONS = sorted(
    ((tuple(words.split()), code) for words, code in JURISDICTIONS), key=lambda j: -len(j[0])
)


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
    issuer_slugs: tuple[str, ...] = ()
    jurisdiction: str = "by"
    register: str | None = None
    reason: str | None = None
    title_span: tuple[int, int] | None = None
    jurisdiction_named: bool = False


class Cursor:
    """Tokens of a normalized text and the small readers every part of the grammar uses."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]
        self.n = len(self.toks)

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
        """End of «Республики Беларусь» (or «РБ», «Беларуси», «Республики Бела-русь», «Респ.
        Беларусь» of lists of sources)."""
        w = self._lower(i)
        if w in ("рб", "беларуси"):
            return i + 1
        if w == "респ":
            return self._words(i + 1, ".", "беларусь")
        if w == "республики":
            if self._lower(i + 1) == "беларусь":
                return i + 2
            if self._words(i + 1, "бела", "-", "русь"):
                return i + 4
        return None

    def _glued(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` with no space between."""
        return 0 < i < self.n and self.toks[i].start == self.toks[i - 1].end

    def _jurisdiction(self, i: int) -> tuple[str, int] | None:
        """A jurisdiction named at ``i``: («ru», end) for «Российской Федерации», «РФ», …"""
        end = self._rb(i)
        if end is not None:
            return "by", end
        for words, code in _JURISDICTIONS:
            stop = self._words(i, *words)
            if stop is not None:
                return code, stop
        return None

    def _end(self, j: int) -> int:
        return self.toks[j - 1].end

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
        bracket = 1 if self._lower(j) == "(" else 0
        if self._words(j + bracket, "рег", ".") is not None:
            reg = self._act_number(j + bracket + 2)
            if reg is not None:
                act.register, j = reg
                if bracket and self._lower(j) == ")":
                    j += 1
                act.end = self.toks[j - 1].end
        title = self._title(act.end)
        if title is not None:
            start = self.s.index(self.s[act.end :].lstrip()[:1], act.end)
            act.title, act.end = title
            act.title_span = (start, act.end)
            j = self._index_at(act.end)
            # «Законом Республики Беларусь «О нормативных правовых актах» от 17.07.2018 № 130-З»
            if act.date is None and (found := self._date(j)) is not None:
                act.date, j = found
                act.end = self.toks[j - 1].end
            if act.number is None and (num := self._act_number(j)) is not None:
                act.number, j = num
                act.end = self.toks[j - 1].end
        sign = self._tok(j)
        if (
            act.number is None
            and act.reason is None
            and sign is not None
            and sign.text in ("№", "N")
        ):
            # Left unread (`_act_number`): the act is cited, but not under a number cut short.
            act.reason = "its number is written in a way not read («№ 10дсп», «№ 130- З»)"
        return j

    def _date(self, j: int) -> tuple[datetime.date, int] | None:
        has_from = self._lower(j) == "от"
        k = j + 1 if has_from else j
        if self._lower(k) in QUOTES and self._lower(k + 2) in ("»", '"'):
            quoted = self._tok(k + 1)  # «от «12» декабря 2012 г.»
            if quoted is not None and quoted.kind == "num" and MONTHS.get(self._lower(k + 3)):
                y = self._tok(k + 4)
                if y is not None and y.kind == "num" and len(y.text) == 4:
                    return self._date_end(
                        int(y.text), MONTHS[self._lower(k + 3)], quoted.text, k + 5
                    )
        t = self._tok(k)
        if t is None or t.kind != "num":
            return None
        parts: tuple[int, int, int] | None = None
        m = _DOTTED_DATE.fullmatch(t.text)
        if m:
            year = int(m[3])
            if len(m[3]) == 2:
                year += 2000 if year <= 30 else 1900
            parts = (year, int(m[2]), int(m[1]))
            k += 1
        elif (month := MONTHS.get(self._lower(k + 1))) is not None:
            year_tok = self._tok(k + 2)
            if year_tok is None or year_tok.kind != "num" or len(year_tok.text) != 4:
                return None
            if len(t.text) > 2:
                return None
            parts = (int(year_tok.text), month, int(t.text))
            k += 3
        if parts is None:
            return None
        return self._date_end(parts[0], parts[1], str(parts[2]), k)

    def _date_end(
        self, year: int, month: int, day: str, k: int
    ) -> tuple[datetime.date, int] | None:
        """The date, and the index after it and its «г.» or «года»."""
        try:
            date = datetime.date(year, month, int(day))
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
        k = j + 2
        n2 = self._tok(j + 3)
        if (
            num is not None
            and num.kind == "word"
            and num.text.isupper()
            and len(num.text) <= 2
            and self._lower(j + 2) == "-"
            and n2 is not None
            and n2.kind == "num"
        ):
            num = Token(f"{num.text}-{n2.text}", "", num.start, n2.end, "num")  # «№ Р-1303/2022»
            k = j + 4
        if num is None or num.kind != "num" or "." in num.text:
            return None
        text = num.text
        while True:
            sep, nxt = self._tok(k), self._tok(k + 1)
            if sep is not None and sep.kind == "word" and self._glued(k):
                if len(sep.text) > 2 or not sep.text.islower():
                    # «№ 10дсп», «№ 107Р»: the number goes on in letters we do not read; «10»
                    # or «107» alone would name another act.
                    return None
                return text + sep.text, k + 1  # «№ 107р»
            if sep is None or nxt is None or sep.text not in ("/", "-"):
                break
            before, after = sep.start == self.toks[k - 1].end, nxt.start == sep.end
            if not before and not after:
                break  # «№ 529 – в случае …»: a dash between words
            if (
                before
                and after
                and (
                    nxt.kind == "num"
                    or (nxt.kind == "word" and (nxt.text.isupper() or len(nxt.text) <= 2))
                )
            ):
                text += sep.text + nxt.text
                k += 2
                continue
            # «№ 130- З», «№ 5 /12345», «№ 12-дсп»: the number goes on in a way we do not read.
            return None
        return text, k

    def _title(self, pos: int) -> tuple[str, int] | None:
        p = pos
        while p < len(self.s) and self.s[p] == " ":
            p += 1
        if p < len(self.s) and self.s[p] == "\n":
            p += 1
            while p < len(self.s) and self.s[p] == " ":
                p += 1
        if p >= len(self.s) or self.s[p] not in QUOTES:
            return None
        return scan_quoted(self.s, p)

    def _hereinafter(self, pos: int) -> tuple[str | None, int]:
        """The short name a «(далее – …)» right after ``pos`` defines, and where it ends."""
        m = _HEREINAFTER.match(self.s, pos)
        if m is None:
            return None, 0
        name = m[1].strip().strip('«»"').strip()
        return name or None, m.end()


def scan_quoted(s: str, p: int) -> tuple[str, int] | None:
    """Title in quotes starting at ``s[p]``: (content with quotes normalized, end position).

    Nested quotes are balanced; an ASCII ``"`` opens after a space or bracket and closes
    otherwise. An outer quote left open (typists drop the second of two closing quotes) ends at
    the last closing quote before the paragraph ends. A title lies within one paragraph and is at
    most 1,500 characters long, its quotes included: a quote left open past either is a stray
    mark, not a title.
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
