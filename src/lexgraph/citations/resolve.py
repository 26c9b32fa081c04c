"""Resolver: turns recognized phrases into :class:`Citation` records with ids.

It keeps per-document state seeded from the :class:`CitationContext`: acts by (kind, title),
short names and approved annexes, and it learns each fully cited act as the text goes on, so a
later «Закона Республики Беларусь «О лицензировании»» resolves to the law cited in full above.
Nothing is guessed: an act that cannot be identified is returned unresolved with a reason.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace

from . import ids
from .acts import ARTICLE_SHAPES, ISSUED_KINDS, MAX_ARTICLE, MAX_ARTICLE_DEFAULT
from .grammar import (
    RawAct,
    RawAnnex,
    RawCitation,
    Recognizer,
    annex_parts,
    short_key,
    tail_pattern,
)
from .model import (
    ActRef,
    AnnexRef,
    Citation,
    CitationContext,
    CitationKind,
    KnownAnnex,
    UnitRef,
)
from .normalize import normalize

_ANNEX_KINDS_FOR_SELF = {
    "регламент": "procedure_regulation",
    "положение": "regulation",
    "правило": "rules",
    "правила": "rules",
    "инструкция": "instruction",
}


def title_key(title: str) -> str:
    """Key for comparing titles: lowercase, quotes dropped, whitespace collapsed."""
    return " ".join(re.sub(r"[«»\"]", " ", normalize(title).lower()).split())


class _State:
    def __init__(self, context: CitationContext) -> None:
        self.context = context
        # Values are never changed in place (`_add_title` replaces them), so a copy of the dict
        # shares them safely with the state it was copied from.
        self.by_title: dict[tuple[str, str], frozenset[str]] = {}
        self.kinds: dict[str, str] = {}
        self.shorts: list[tuple[tuple[str, ...], bool, str, str]] = []
        self.annexes: list[KnownAnnex] = []
        self.patterns: list[tuple[int, str, str | None, re.Pattern[str]]] = []
        self.by_number: dict[tuple[str, str], frozenset[str]] = {}
        self.by_register: dict[str, str] = {}
        self._short_starts: frozenset[str] = frozenset()
        self.annex_shorts: list[tuple[tuple[str, ...], int]] = []
        for act in context.acts:
            self.kinds[act.act_id] = act.kind
            if act.title:
                self._add_title(act.kind, act.title, act.act_id)
            for name in act.short_names:
                self._add_short(name, act.act_id)
            self._add_number(act.kind, act.act_id)
            if act.register:
                self.by_register[act.register] = act.act_id
        for annex in context.annexes:
            self._add_annex(annex)

    # Lookup protocol used by the recognizer
    def annex_patterns(self) -> Iterable[tuple[int, str, str | None, re.Pattern[str]]]:
        return self.patterns

    def short_names(self) -> Iterable[tuple[tuple[str, ...], bool, str]]:
        return [(lemmas, upper, name) for lemmas, upper, name, _ in self.shorts]

    def short_starts(self) -> frozenset[str]:
        return self._short_starts

    def _index_shorts(self) -> None:
        self._short_starts = frozenset(key[0][:3] for key, _, _, _ in self.shorts if key)

    def copy(self) -> _State:
        """A state knowing what this one knows, learning on its own."""
        state = _State(_NO_CONTEXT)
        state.context = self.context
        state.by_title = dict(self.by_title)
        state.kinds = dict(self.kinds)
        state.shorts = list(self.shorts)
        state._short_starts = self._short_starts
        state.annex_shorts = list(self.annex_shorts)
        state.annexes = list(self.annexes)
        state.patterns = list(self.patterns)
        state.by_number = dict(self.by_number)
        state.by_register = dict(self.by_register)
        return state

    def _add_number(self, kind: str, act_id: str) -> None:
        """Index an act by kind and number: «Указом № 298» after the edict was cited in full."""
        number = act_id.rsplit("/", 1)[-1]
        if act_id.count("/") < 3 or kind in ("code", "constitution"):
            return
        key = (kind, number)
        self.by_number[key] = self.by_number.get(key, frozenset()) | {act_id}

    def _add_title(self, kind: str, title: str, act_id: str) -> None:
        key = (kind, title_key(title))
        self.by_title[key] = self.by_title.get(key, frozenset()) | {act_id}

    def _add_short(self, name: str, act_id: str) -> None:
        """Learn a «(далее – …)» name; one defined again names the act defined last. A phrase of
        more than four words, or one that starts with no letter, reads as a description, not as a
        name a later mention would repeat."""
        words = name.split()
        if words and len(words) <= 4 and words[0][0].isalpha():
            entry = (short_key(name), words[0][0].isupper(), name, act_id)
            self.shorts = [s for s in self.shorts if s[0] != entry[0]] + [entry]
            self._index_shorts()

    def _add_annex(self, known: KnownAnnex) -> None:
        if any(a.annex.name == known.annex.name for a in self.annexes):
            return
        kind, adjective, tail = annex_parts(known.annex.name)
        self.annexes.append(known)
        if tail:
            self.patterns.append((len(self.annexes) - 1, kind, adjective, tail_pattern(tail)))

    def learn(self, c: Citation) -> None:
        act = c.act
        if act is None or act.act_id is None or act.current or act.kind is None:
            return
        self.kinds[act.act_id] = act.kind
        if c.annex is None:
            self._add_number(act.kind, act.act_id)
        if act.register:
            self.by_register.setdefault(act.register, act.act_id)
        if act.title and c.annex is None:
            self._add_title(act.kind, act.title, act.act_id)
        if c.defines and c.annex is None:
            self._add_short(c.defines, act.act_id)
        if c.annex is not None:
            self._add_annex(KnownAnnex(c.annex, act.act_id, act.kind))
            if c.defines and c.defines.split()[0][:1].isupper():
                index = next(i for i, a in enumerate(self.annexes) if a.annex.name == c.annex.name)
                key = short_key(c.defines)
                self.annex_shorts = [s for s in self.annex_shorts if s[0] != key] + [(key, index)]

    def annex_short_names(self) -> Iterable[tuple[tuple[str, ...], int]]:
        return self.annex_shorts

    # resolution ----------------------------------------------------------------------------
    def act(self, raw: RawAct) -> tuple[ActRef, str | None]:
        if raw.current_noun is not None:
            doc = self.context.document_id
            reason = None if doc else "refers to the current document, but no document_id given"
            return ActRef(current=True, current_noun=raw.current_noun, act_id=doc), reason
        ref = ActRef(
            raw.kind,
            raw.issuers,
            raw.date,
            raw.number,
            raw.title,
            raw.code,
            raw.short_name,
            issuer_slugs=raw.issuer_slugs,
            jurisdiction=raw.jurisdiction,
            register=raw.register,
        )
        if raw.reason is not None:
            return ref, raw.reason
        act_id = ids.act_id(
            raw.kind,
            date=raw.date,
            number=raw.number,
            issuers=raw.issuers,
            code=raw.code,
            issuer_slugs=raw.issuer_slugs,
            jurisdiction=raw.jurisdiction,
        )
        if act_id is not None:
            return _with(ref, act_id, raw.kind), None
        if raw.register is not None and raw.register in self.by_register:
            known = self.by_register[raw.register]
            return _with(ref, known, self.kinds.get(known)), None
        numbered: frozenset[str] | None = None  # the known acts of this kind and number
        if raw.number is not None and raw.kind is not None and raw.jurisdiction == "by":
            numbered = self.by_number.get((raw.kind, ids.number_slug(raw.number)), frozenset())
            if raw.issuer_slugs and raw.kind in ISSUED_KINDS:
                # Only these kinds' ids name their issuers («by/resolution/mvd+minobr/…»); a
                # joint act is not one of its issuers' own acts.
                issuers = "+".join(raw.issuer_slugs)
                numbered = frozenset(a for a in numbered if a.split("/")[2] == issuers)
            if len(numbered) == 1:
                known = next(iter(numbered))
                return _with(ref, known, self.kinds.get(known)), None
        if raw.short_name is not None:
            for _, _, name, known in self.shorts:
                if name == raw.short_name:
                    return _with(ref, known, self.kinds.get(known)), None
        if raw.title is not None:
            found = self._by_title(raw.kind, raw.title)
            if len(found) == 1:
                known = next(iter(found))
                return _with(ref, known, self.kinds.get(known)), None
            if len(found) > 1:
                return ref, "title matches several known acts: " + ", ".join(sorted(found))
        return ref, _unidentified(raw, numbered)

    def _by_title(self, kind: str | None, title: str) -> frozenset[str]:
        key = title_key(title)
        if kind is not None:
            return self.by_title.get((kind, key), frozenset())
        return frozenset().union(*(acts for (_, k), acts in self.by_title.items() if k == key))

    def annex(self, raw: RawAnnex) -> tuple[AnnexRef, ActRef | None, str | None]:
        if raw.known_index is not None:
            known = self.annexes[raw.known_index]
            return known.annex, ActRef(kind=known.act_kind, act_id=known.act_id), None
        slug = ids.annex_slug(raw.kind, raw.adjective_lemma, raw.tail)
        annex = AnnexRef(raw.kind, raw.name, slug)
        if raw.approved_by is None:
            return annex, None, f"«{raw.name}» is not defined earlier nor known"
        act, reason = self.act(raw.approved_by)
        return annex, act, reason

    def citation(self, text: str, raw: RawCitation) -> Citation:
        span = (raw.start, raw.end)
        if raw.procedure is not None:
            return Citation(span, text, "procedure", procedure=raw.procedure, resolved=True)
        annex: AnnexRef | None = None
        act: ActRef | None = None
        reason: str | None = None
        if raw.annex is not None:
            annex, act, reason = self.annex(raw.annex)
        elif raw.act is not None:
            act, reason = self.act(raw.act)
        prefix: tuple[tuple[str, str], ...] = ()
        if annex is not None:
            prefix = ((annex.kind, annex.slug),)
        elif (
            act is not None
            and act.current
            and self.context.document_annex is not None
            and act.current_noun in _ANNEX_KINDS_FOR_SELF
        ):
            prefix = (self.context.document_annex,)
        act_id = act.act_id if act else None
        paths, ambiguous = _ambiguous_articles(act, raw.paths)
        if act is not None and _foreign_numbering(raw, paths):
            act, act_id = replace(act, act_id=None), None
            reason = ambiguous = (
                "a dotted article number is not the Belarusian code's numbering, and no"
                " jurisdiction is named («ст. 264.1 УК» reads as the Russian code)"
            )
        if ambiguous is not None:
            reason = ambiguous
        units = tuple(_unit(prefix + path, act_id) for path in paths)
        if not units and annex is not None:
            units = (_unit(prefix, act_id),)
        kind: CitationKind = "provision" if raw.paths else "act"
        resolved = act_id is not None and ambiguous is None
        return Citation(span, text, kind, act, annex, units, None, resolved, reason, raw.defines)


def _unidentified(raw: RawAct, numbered: frozenset[str] | None) -> str:
    """Why an act its reference does not identify on its own matches no known act: what the
    reference leaves out, and the known acts of its kind and number when there are several (a
    reason that names a detail the text gives would send a reader looking for the wrong fault).
    """
    missing = " and ".join(w for w, v in (("date", raw.date), ("number", raw.number)) if not v)
    if raw.title is not None:
        return f"cited without {missing}; no known act of this kind has this title"
    if numbered:
        return "number matches several known acts: " + ", ".join(sorted(numbered))
    if numbered is not None:
        return f"cited without title and {missing}; no known act of this kind has this number"
    if raw.number is not None:
        return f"cited without title and {missing}"
    if raw.date is not None:
        return "cited without title and number"
    return "cited without title, date or number"


def _with(ref: ActRef, act_id: str, kind: str | None) -> ActRef:
    return replace(ref, kind=ref.kind or kind, act_id=act_id)


def _foreign_numbering(raw: RawCitation, paths: list[tuple[tuple[str, str], ...]]) -> bool:
    """A code named without jurisdiction, cited with article numbers ours never have."""
    act = raw.act
    if act is None or act.kind != "code" or act.jurisdiction_named or act.jurisdiction != "by":
        return False
    shape = ARTICLE_SHAPES.get(act.code or "")
    return shape is not None and any(
        u == "art" and not shape.fullmatch(n) for p in paths for u, n in p
    )


def _ambiguous_articles(
    act: ActRef | None, paths: list[tuple[tuple[str, str], ...]]
) -> tuple[list[tuple[tuple[str, str], ...]], str | None]:
    """Drop article numbers the act cannot have: «статьи 2011» is 201¹ flattened, or a year."""
    if act is None:
        return paths, None
    if act.kind == "constitution":
        limit = MAX_ARTICLE["constitution"]
    else:
        limit = MAX_ARTICLE.get(act.code or "", MAX_ARTICLE_DEFAULT)
    kept = [
        p for p in paths if not any(u == "art" and n.isdigit() and int(n) > limit for u, n in p)
    ]
    if len(kept) == len(paths):
        return paths, None
    dropped = sorted(
        {n for p in paths for u, n in p if u == "art" and n.isdigit() and int(n) > limit}
    )
    return kept, (
        f"article {', '.join(dropped)} is beyond the act's articles: a superscript flattened"
        " by copy-paste (e.g. 201¹ written 2011) cannot be read without the act's structure"
    )


def _unit(path: tuple[tuple[str, str], ...], act_id: str | None) -> UnitRef:
    eid = ids.e_id(path)
    return UnitRef(path, eid, ids.provision_id(act_id, eid), ids.ancestor_e_ids(path))


_NO_CONTEXT = CitationContext()
# States seeded from the contexts used last, by the context's identity (the context itself is kept
# with its state, so its id cannot be reused while it is here). The API resolves every request's
# text against the same context of the graph's known acts (thousands of them): indexing their
# titles took ~25 ms, against well under 1 ms for the text itself.
_SEEDED: OrderedDict[int, tuple[CitationContext, _State]] = OrderedDict()
_SEEDED_KEPT = 8


def _seeded(context: CitationContext) -> _State:
    """The state seeded from ``context``'s known acts and annexes (kept by their identity, so
    contexts that differ only in the citing document share it)."""
    key = id(context)
    kept = _SEEDED.get(key)
    if kept is not None and kept[0] is context:
        _SEEDED.move_to_end(key)
        return kept[1]
    for other, state in _SEEDED.values():
        if other.acts is context.acts and other.annexes is context.annexes:
            return state
    state = _State(context)
    _SEEDED[key] = (context, state)
    while len(_SEEDED) > _SEEDED_KEPT:
        _SEEDED.popitem(last=False)
    return state


def parse_citations(text: str, *, context: CitationContext | None = None) -> list[Citation]:
    """Find, parse and resolve every reference in ``text``.

    Acts and annexes cited in full earlier in ``text`` resolve later mentions by title; to carry
    that knowledge across paragraphs use ``context = context.learn(citations)``.
    """
    context = context or _NO_CONTEXT
    state = _seeded(context).copy()
    state.context = context
    recognizer = Recognizer(normalize(text), state)
    found: list[Citation] = []
    raws: list[RawCitation] = []
    for raw in recognizer.run():
        citation = state.citation(text[raw.start : raw.end], raw)
        state.learn(citation)
        found.append(citation)
        raws.append(raw)
    for index in _bare_foreign_codes(raws):
        raw = raws[index]
        found[index] = state.citation(text[raw.start : raw.end], raw)
    return found


def _bare_foreign_codes(raws: list[RawCitation]) -> list[int]:
    """Codes named without jurisdiction in a text that names them only abroad («Трудовой кодекс
    Российской Федерации … ст. 334 ТК»): they take that jurisdiction; their indexes."""
    named: dict[str, set[str]] = {}
    for raw in raws:
        act = raw.act
        if act is not None and act.kind == "code" and act.code and act.jurisdiction_named:
            named.setdefault(act.code, set()).add(act.jurisdiction)
    changed: list[int] = []
    for index, raw in enumerate(raws):
        act = raw.act
        if act is None or act.kind != "code" or act.jurisdiction_named or not act.code:
            continue
        only = named.get(act.code, set())
        if len(only) == 1 and "by" not in only:
            act.jurisdiction = next(iter(only))
            changed.append(index)
    return changed


def parse_units(
    text: str, pos: int = 0
) -> tuple[tuple[tuple[tuple[str, str], ...], ...], int] | None:
    """The units a text names at ``pos`` with no act after them, read by the same grammar as
    every reference: their paths (largest first) and the offset where they end.

    >>> parse_units("в подпункте 1.2 пункта 1 слова", 2)
    (((('point', '1'), ('subpoint', '1.2')),), 24)
    """
    found = Recognizer(normalize(text), _seeded(_NO_CONTEXT)).units_at(pos)
    return None if found is None else (tuple(found[0]), found[1])
