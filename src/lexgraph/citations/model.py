"""Result and context records: plain frozen dataclasses, no behaviour beyond small helpers."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from .ids import provision_id

CitationKind = Literal["act", "provision", "procedure"]


@dataclass(frozen=True, slots=True)
class ActRef:
    """An act as the text names it, plus its id once resolved.

    Only the details given in the text are filled in; ``kind`` may also come from the known act
    the reference resolved to. ``issuers`` are canonical genitive names
    («Министерства внутренних дел Республики Беларусь»). ``current`` marks a reference to the
    citing document itself («настоящего постановления»), ``current_noun`` keeps its noun.
    """

    kind: str | None = None
    issuers: tuple[str, ...] = ()
    date: datetime.date | None = None
    number: str | None = None
    title: str | None = None
    code: str | None = None
    short_name: str | None = None
    current: bool = False
    current_noun: str | None = None
    act_id: str | None = None
    issuer_slugs: tuple[str, ...] = ()
    jurisdiction: str = "by"
    register: str | None = None


@dataclass(frozen=True, slots=True)
class AnnexRef:
    """An approved annex (Положение, Правила, Инструкция, Регламент) the units belong to.

    ``name`` is the canonical nominative name, ``segment`` the eId segment that starts the
    path of its units (``regulation_poryadke_predstavleniya_perechnyakh_dokumentov``).
    """

    kind: str
    name: str
    slug: str

    @property
    def segment(self) -> str:
        return f"{self.kind}_{self.slug}"


@dataclass(frozen=True, slots=True)
class UnitRef:
    """One unit: its path largest first, e.g. (("art", "287"), ("point", "6"), ("part", "1"))."""

    path: tuple[tuple[str, str], ...]
    e_id: str
    provision_id: str | None
    ancestor_e_ids: tuple[str, ...]

    @property
    def ancestor_ids(self) -> tuple[str, ...]:
        """Provision ids of the ancestors (empty when the act is unresolved)."""
        act = self.provision_id.split("#", 1)[0] if self.provision_id else None
        return tuple(p for e in self.ancestor_e_ids if (p := provision_id(act, e)))


@dataclass(frozen=True, slots=True)
class Citation:
    """One reference found in a text.

    ``kind`` is ``"provision"`` when units are named, ``"act"`` for a whole act, ``"procedure"``
    for a subpoint of the unified list («по подпункту 15.4.1», number in ``procedure``).
    ``resolved`` is true when the act has an id (always for procedures); otherwise ``reason``
    says why. ``defines`` is the short name introduced by «(далее – …)» right after it.
    """

    span: tuple[int, int]
    text: str
    kind: CitationKind
    act: ActRef | None = None
    annex: AnnexRef | None = None
    units: tuple[UnitRef, ...] = ()
    procedure: str | None = None
    resolved: bool = False
    reason: str | None = None
    defines: str | None = None

    @property
    def act_id(self) -> str | None:
        return self.act.act_id if self.act else None

    @property
    def ancestor_ids(self) -> tuple[str, ...]:
        """Provision ids of every ancestor of every unit, once each, in order."""
        return tuple(dict.fromkeys(a for u in self.units for a in u.ancestor_ids))


@dataclass(frozen=True, slots=True)
class KnownAct:
    """An act known to the caller (from the graph) or learned earlier in the document."""

    act_id: str
    kind: str
    title: str | None = None
    short_names: tuple[str, ...] = ()
    register: str | None = None


@dataclass(frozen=True, slots=True)
class KnownAnnex:
    """An approved annex known by name, e.g. defined earlier by «…, утвержденного …»."""

    annex: AnnexRef
    act_id: str
    act_kind: str | None = None


@dataclass(frozen=True, slots=True)
class CitationContext:
    """What the resolver may use besides the text itself.

    ``document_id`` is the act id of the citing document (for «настоящего постановления»,
    «пунктом 1 статьи 62 настоящего Кодекса»);
    ``document_annex`` is the (kind, slug) of the approved annex the text sits in, if any, so
    that «пункта 2 настоящего Регламента» gets that segment first. Carry the context across the
    paragraphs of one document with :meth:`learn`.
    """

    acts: tuple[KnownAct, ...] = ()
    annexes: tuple[KnownAnnex, ...] = ()
    document_id: str | None = None
    document_annex: tuple[str, str] | None = field(default=None)

    def learn(self, citations: Iterable[Citation]) -> CitationContext:
        """A new context that also knows the acts and annexes fully cited in ``citations``."""
        acts = list(self.acts)
        annexes = list(self.annexes)
        for c in citations:
            act = c.act
            if act is None or act.act_id is None or act.current or act.kind is None:
                continue
            names = (c.defines,) if c.defines and c.annex is None else ()
            if act.title or names:
                known = KnownAct(act.act_id, act.kind, act.title, names)
                if known not in acts:
                    acts.append(known)
            if c.annex is not None:
                annex = KnownAnnex(c.annex, act.act_id, act.kind)
                if annex not in annexes:
                    annexes.append(annex)
        return replace(self, acts=tuple(acts), annexes=tuple(annexes))
