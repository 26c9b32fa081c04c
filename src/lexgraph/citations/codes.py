"""Codes as lawyers name them: by title («Налогового кодекса»), by their tail («Кодекса …
об административных правонарушениях»), by abbreviation («НК», «КоАП РФ»), with jurisdiction."""

from __future__ import annotations

import re

from .acts import (
    ABBREVIATION_OVERRIDES,
    CODE_ABBREVIATIONS,
    CODES,
    CODES_BY_TAIL,
    CODES_WITH_TAIL,
)
from .cursor import QUOTES, RawAct
from .issuers import IssuerReader
from .ordinals import lemma

CODE_LEMMAS = frozenset(lem for _, lemmas, _ in CODES for lem in lemmas) | frozenset(
    lem for _, lemmas, _, _ in CODES_WITH_TAIL for lem in lemmas
)
CODE_PREFIXES = frozenset(lem[:4] for lem in CODE_LEMMAS)
_BY_UPPER = {a.upper(): a for a in CODE_ABBREVIATIONS}
_FOLLOWING = re.compile(r"\s*(\S)")


class CodeReader(IssuerReader):
    """Reads a code's name and the jurisdiction named with it (Belarus when none is named; the
    resolver settles a bare «ТК» in a text that names only «ТК РФ»)."""

    # -- codes -----------------------------------------------------------------------------
    def _code(self, i: int) -> RawAct | None:
        found = self._code_name(i)
        if found is None:
            return None
        slug, jurisdiction, j = found
        named = jurisdiction is not None
        jurisdiction = jurisdiction or "by"
        act = RawAct("code", code=slug, jurisdiction=jurisdiction, end=self._end(j))
        act.jurisdiction_named = named
        if self._date(j) is not None or self._act_number(j) is not None:
            own = RawAct("code")  # the code's own date and number: «… от 19.12.2002 № 166-З»
            self._details(j, own)
            act.end = own.end
        return act

    def _code_name(self, i: int) -> tuple[str, str | None, int] | None:
        """(slug, jurisdiction named or ``None``, index after) of a code named at ``i``."""
        t = self._tok(i)
        if t is None or t.kind != "word":
            return None
        if t.text in CODE_ABBREVIATIONS or (
            t.text.upper() in _BY_UPPER and (t.text.isupper() or self._lower(i + 1) in ("рб", "рф"))
        ):
            return self._abbreviation(i)  # also «КОАП» in a heading, «ук рб» in lower case
        if t.lower[:4] in CODE_PREFIXES:
            return self._code_by_adjectives(i)
        if t.lower.startswith("кодекс") and lemma(t.lower) == "кодекс":
            return self._code_by_tail(i)
        return None

    def _abbreviation(self, i: int) -> tuple[str, str | None, int] | None:
        t = self.toks[i]
        before = self.s[t.start - 1 : t.start] if t.start else ""
        after = self.s[t.end : t.end + 1]
        if before in QUOTES and after in '»"':
            return None  # the abbreviation as a quoted word: «слово «УК» заменить»
        if self._lower(i - 1) == "далее" or self._words(i - 2, "далее", "-") is not None:
            return None  # a definition «(далее – УК)», not a reference
        if self._lower(i - 1) == "(" and self._lower(self._after_label(i + 1)) == ")":
            return (
                None  # a label in brackets after the name: «Налоговый кодекс (НК-2019)», «(НК РФ)»
            )
        abbreviation = t.text if t.text in CODE_ABBREVIATIONS else _BY_UPPER[t.text.upper()]
        j = self._skip_year(i + 1)
        # The first character after the spaces that follow: «УК  «Жилкомсервис»» is a company
        # however many spaces (or a line break) part its name from the quote.
        following = _FOLLOWING.match(self.s, t.end)
        after_name = following[1] if following is not None else ""
        if (self._lower(j) == "-" and self._glued(j)) or (after_name and after_name in QUOTES):
            return None  # a name, not a code: «ИК-15», «ЖК «Минск-Мир»», «УК «Жилкомсервис»»
        jurisdiction: str | None = None
        found = self._jurisdiction(j)
        if found is not None:
            jurisdiction, j = found
        slug = ABBREVIATION_OVERRIDES.get(
            (abbreviation, jurisdiction or ""), CODE_ABBREVIATIONS[abbreviation]
        )
        return slug, jurisdiction, j

    def _after_label(self, j: int) -> int:
        """The index after a code's label: its year («-2019») and jurisdiction («РФ»)."""
        j = self._skip_year(j)
        named = self._jurisdiction(j)
        return named[1] if named is not None else j

    def _skip_year(self, j: int) -> int:
        """Skip a year glued to an abbreviation: «НК-2019»."""
        if self._lower(j) == "-" and self._glued(j) and len(self._lower(j + 1)) == 4:
            return j + 2
        return j

    def _adjective(self, j: int) -> tuple[str, int] | None:
        """Lemma of an adjective at ``j``, hyphenated ones joined: «Уголовно-процессуального»."""
        w = self._tok(j)
        if w is None or w.kind != "word":
            return None
        if self._lower(j + 1) == "-" and self._glued(j + 1) and self._glued(j + 2):
            second = self._tok(j + 2)
            if second is not None and second.kind == "word":
                return f"{w.lower}-{lemma(second.lower)}", j + 3
        return lemma(w.lower), j + 1

    def _code_by_adjectives(self, i: int) -> tuple[str, str | None, int] | None:
        lemmas: list[str] = []
        j = i
        while len(lemmas) < 3:
            adjective = self._adjective(j)
            if adjective is None:
                return None
            lem, k = adjective
            if lem == "кодекс":
                return self._code_after(tuple(lemmas), k)
            if lem not in CODE_LEMMAS:
                return None
            lemmas.append(lem)
            j = k
        return None

    def _code_after(self, lemmas: tuple[str, ...], j: int) -> tuple[str, str | None, int] | None:
        jurisdiction: str | None = None
        found = self._jurisdiction(j)
        if found is not None:
            jurisdiction, j = found
        for slug, code_lemmas, tail, _ in CODES_WITH_TAIL:
            if code_lemmas == lemmas:
                stop = self._words(j, *tail.split())
                return (slug, jurisdiction, stop) if stop is not None else None
        for slug, code_lemmas, _ in CODES:
            if tuple(lemmas) == code_lemmas:
                return slug, jurisdiction, j  # «Таможенного союза» is read as a jurisdiction
        return None

    def _code_by_tail(self, i: int) -> tuple[str, str | None, int] | None:
        j = i + 1
        jurisdiction: str | None = None
        found = self._jurisdiction(j)
        if found is not None:
            jurisdiction, j = found
        for slug, tail, _ in CODES_BY_TAIL:
            stop = self._words(j, *tail.split())
            if stop is not None:
                if jurisdiction is None and (after := self._jurisdiction(stop)) is not None:
                    jurisdiction, stop = after  # «Кодекс о браке и семье рб»
                return slug, jurisdiction, stop
        if self._lower(j) == "от":
            # «Кодекс Республики Беларусь от 9 июля 1999 г. №278-З "Кодекс … о браке и семье"»:
            # the code named in the title; its jurisdiction the one named before or in the title
            # (Belarus when neither names one), and none when the two differ.
            probe = RawAct("code")
            self._details(j, probe)
            if probe.title is not None:
                inner = CodeReader(probe.title)._code_name(0)
                if inner is not None:
                    if None not in (jurisdiction, inner[1]) and jurisdiction != inner[1]:
                        return None
                    return inner[0], jurisdiction or inner[1], self._index_at(probe.end)
        return None
