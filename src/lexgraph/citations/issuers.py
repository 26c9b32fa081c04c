"""Who issued an act: the President, the Council of Ministers, a ministry, a state body from the
table in :mod:`.acts`, a local council or executive committee, or a body outside Belarus."""

from __future__ import annotations

from .acts import (
    COUNCIL_OF_MINISTERS,
    FOREIGN_WORDS,
    LOCAL_BODIES,
    LOCAL_COMPACT,
    LOCAL_LEVELS,
    MINISTRIES,
    PRESIDENT,
    STATE_BODIES,
)
from .cursor import Cursor, RawAct
from .ids import ministry_slug, place_lemma, transliterate
from .normalize import collapse
from .ordinals import lemma
from .tokens import tokenize

_MINISTRY_ABBREVIATIONS = sorted(
    ((tuple(a.lower().split()), name) for _, name, abbrs in MINISTRIES for a in abbrs),
    key=lambda item: -len(item[0]),
)
# Other state bodies as token sequences, longest first: (words, slug, canonical genitive name).
_BODIES = sorted(
    [
        (tuple(t.lower for t in tokenize(words)), slug, collapse(words))
        for slug, words, _ in STATE_BODIES
    ]
    + [
        (tuple(t.lower for t in tokenize(a)), slug, collapse(words))
        for slug, words, abbrs in STATE_BODIES
        for a in abbrs
    ],
    key=lambda item: -len(item[0]),
)
PRESIDENTIAL = frozenset({"edict", "decree", "directive"})


class IssuerReader(Cursor):
    """Reads the issuer after an act's head word into the act."""

    def _issuer(self, j: int, act: RawAct) -> int | None:
        """Read the issuer after the head word into ``act``; the index after it, or ``None``."""
        kind = act.kind
        if kind == "law":
            found = self._jurisdiction(j)
            if found is not None:
                act.jurisdiction, j = found
            return j
        if kind == "declaration":
            end = self._words(j, "верховного", "совета")
            return self._rb(end) or end if end is not None else j
        if self._lower(j) == "президента" and kind in (*PRESIDENTIAL, "disposal"):
            act.issuers, act.issuer_slugs = (PRESIDENT,), ("president",)
            return self._after_body(j + 1, act)
        if kind in PRESIDENTIAL:
            act.issuers = (PRESIDENT,)
            if self._starts_body(j):
                act.issuers = ()
                act.reason = "issued by another body than the President"
                return self._unknown_body(j, act)
            return j
        for words in (("совета", "министров"), ("правительства",), ("совмина",)):
            end = self._words(j, *words)
            if end is not None:
                if kind == "resolution":
                    act.kind = "cm_resolution"
                act.issuers, act.issuer_slugs = (COUNCIL_OF_MINISTERS,), ("cm",)
                return self._after_body(end, act)
        names: list[str] = []
        slugs: list[str] = []
        while True:
            body = self._body(j)
            if body is None:
                break
            slug, name, j = body
            names.append(name)
            slugs.append(slug)
            if self._lower(j) in ("и", ",") and self._body(j + 1) is not None:
                j += 1
                continue
            break
        if names:
            act.issuers, act.issuer_slugs = tuple(names), tuple(slugs)
            if any(s.startswith("min_") for s in slugs) and any(
                w in FOREIGN_WORDS for n in names for w in n.lower().split()
            ):
                _abroad(act)  # «Министерства здравоохранения Московской области»
            return self._after_body(j, act)
        if self._starts_body(j):
            act.reason = "the issuer is not in the table of state bodies"
            return self._unknown_body(j, act)
        return j

    def _after_body(self, j: int, act: RawAct) -> int:
        republic_abroad = self._lower(j) == "республики" and self._rb(j) is None
        if republic_abroad or self._lower(j + 1) in FOREIGN_WORDS:
            _abroad(act)  # «Правительства Республики Алтай»
            return j + 2
        found = self._jurisdiction(j)
        if found is None:
            return j
        code, j = found
        if code != "by":
            act.jurisdiction = code
            _abroad(act)
        return j

    def _starts_body(self, j: int) -> bool:
        t = self._tok(j)
        # «О …» opens a title, a Latin «N» a number («Указа N 100»): neither is a body's name.
        return (
            t is not None and t.kind == "word" and t.text[0].isupper() and t.lower not in ("о", "n")
        )

    def _unknown_body(self, j: int, act: RawAct) -> int | None:
        """Skip the name of a body the tables do not know, up to the date or number.

        A date ends it, with or without «от»; «от» without a date is a word of the name («от
        имени …»)."""
        k = j
        while k < min(self.n, j + 14):
            w = self._lower(k)
            if w in ("№", "n") or self.toks[k].kind == "num":
                break
            if self._date(k) is not None:
                break  # «от 1 марта 2011 г.», or a quoted day without «от»: «… «1» марта 2011 г.»
            if self.toks[k].kind == "word" and lemma(w) == "суд":
                return None  # a court's judgment, not a legal act
            if self.toks[k].kind not in ("word",) and w not in ("-", ","):
                return None
            k += 1
        found = self._jurisdiction(k)
        # A foreign jurisdiction inside the name, or right after a name cut at its longest.
        for named in [*(self._jurisdiction(x) for x in range(j, k)), found]:
            if named is not None and named[0] != "by":
                act.reason = "issued outside Belarus"
        return k if found is None else found[1]

    def _body(self, j: int) -> tuple[str, str, int] | None:
        """A state body at ``j``: (slug, genitive name, index after it)."""
        ministry = self._ministry(j)
        if ministry is not None:
            name, end = ministry
            return ministry_slug(name), name, end
        for words, slug, name in _BODIES:
            stop = self._words(j, *words)
            if stop is not None and slug != "president":
                return (
                    slug,
                    f"{name[0].upper()}{name[1:]} Республики Беларусь",
                    self._rb(stop) or stop,
                )
        return self._local_body(j)

    def _local_body(self, j: int) -> tuple[str, str, int] | None:
        """«Вороновского районного Совета депутатов», «Брестского облисполкома» → slug."""
        t = self._tok(j)
        if t is None or t.kind != "word" or not t.text[0].isupper() or not t.lower.endswith("ого"):
            return None
        compact = LOCAL_COMPACT.get(self._lower(j + 1))
        end = j + 2
        if compact is None:
            level = LOCAL_LEVELS.get(self._lower(j + 1))
            if level is None:
                return None
            for words, body in LOCAL_BODIES.items():
                stop = self._words(j + 2, *words)
                if stop is not None:
                    compact, end = level + body, stop
                    break
            else:
                return None
        place = transliterate(place_lemma(t.lower))
        name = collapse(self.s[t.start : self._end(end)])
        return f"{place}_{compact}", name, end

    def _ministry(self, j: int) -> tuple[str, int] | None:
        if self._lower(j).startswith("министерств"):
            for k in range(j + 1, min(j + 12, self.n)):
                end = self._rb(k)
                w = self._lower(k)
                # No ministry's name holds «о» or «об»: «Министерства финансов О порядке …».
                stop = w in ("от", "№", "n", "и", "о", "об") and (
                    w != "и" or self._lower(k + 1)[:6] == "минист"
                )
                if end is None and not stop and (self.toks[k].kind == "word" or w == "-"):
                    if self._jurisdiction(k) is not None:
                        break
                    continue
                if k == j + 1:
                    return None
                tail = collapse(self.s[self.toks[j + 1].start : self.toks[k - 1].end]).lower()
                return f"Министерства {tail} Республики Беларусь", end or k
            else:
                return None
            tail = collapse(self.s[self.toks[j + 1].start : self.toks[k - 1].end]).lower()
            return f"Министерства {tail} Республики Беларусь", k
        for words, tail in _MINISTRY_ABBREVIATIONS:
            end = self._words(j, *words)
            if end is not None:
                return f"Министерства {tail} Республики Беларусь", self._rb(end) or end
        return None


def _abroad(act: RawAct) -> None:
    """An act of another state's body: unresolved, and without the names and slugs the tables give
    our bodies («Министерства финансов Российской Федерации» is not «Министерства финансов
    Республики Беларусь», nor is «Правительства Республики Алтай» our Council of Ministers)."""
    act.reason = "issued outside Belarus"
    act.issuers, act.issuer_slugs = (), ()
