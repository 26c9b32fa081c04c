"""A unit's name in full, in the words a lawyer writes: «часть 1 пункта 6 статьи 287 Налогового
кодекса Республики Беларусь».

The graph keeps each unit's short label («часть 1 пункта 6 статьи 287») and its act apart; a
reader needs both in one phrase, with the unit in the nominative, the units above it and the act
in the genitive. Pure: the chain of units and the act in, text out. The act's words come from the
citation grammar's own writer (`lexgraph.citations.format.act_words`) and the table of state
bodies, so a name is written the way the grammar reads it back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from lexgraph.citations.format import act_words
from lexgraph.citations.model import ActRef
from lexgraph.citations.ordinals import inflect
from lexgraph.citations.units import GROUPS, UNIT_LEMMAS, unit_word
from lexgraph.state_bodies import STATE_BODIES

__all__ = ["ActName", "Unit", "act_genitive", "act_ref", "full_label", "unit_chain"]

_BODIES = {body.slug: body for body in STATE_BODIES}
_COUNCIL = "Совета Министров Республики Беларусь"


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of the chain: its type (`art`, `point` …), number, and the graph's label, which
    names units no word of ours names (an approved regulation, an annex)."""

    unit_type: str | None
    number: str | None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class ActName:
    """What the graph knows of an act: its id and, where known, kind, number, date and title."""

    id: str
    kind: str | None = None
    number: str | None = None
    date: str | None = None
    title: str | None = None


def act_ref(act: ActName) -> ActRef:
    """The act as the citation grammar's writer takes it: kind, code, issuer (genitive, from the
    table of state bodies by the slug in the id), date, number, title."""
    parts = act.id.split("/")
    jurisdiction = parts[0] if parts else "by"
    kind = act.kind or (parts[1] if len(parts) > 1 else None)
    code = parts[2] if kind == "code" and len(parts) > 2 else None
    issuers: tuple[str, ...] = ()
    if kind == "cm_resolution":
        issuers = (_COUNCIL,)
    elif kind in ("resolution", "decision") and len(parts) > 2 and parts[2] in _BODIES:
        issuers = (_BODIES[parts[2]].genitive,)
    date = _date(act.date) or next((d for p in parts if (d := _date(p)) is not None), None)
    return ActRef(
        kind=kind,
        issuers=issuers,
        date=date,
        number=act.number,
        title=act.title if kind != "code" else None,
        code=code,
        jurisdiction=jurisdiction,
        act_id=act.id,
    )


def act_genitive(act: ActName) -> str:
    """«Налогового кодекса Республики Беларусь», «Закона Республики Беларусь от … № 433-З …»."""
    return act_words(act_ref(act), "gent")


def unit_chain(chain: Sequence[Unit]) -> str:
    """The units alone, the last one named in the nominative and those above it in the genitive,
    nearest first: [статья 287, пункт 6, часть 1] → «часть 1 пункта 6 статьи 287».

    Chapters and sections only group articles: a unit within an article is cited without them,
    as lawyers cite it («статьи 287», not «статьи 287 главы 15»)."""
    if not chain:
        return ""
    has_article = any(u.unit_type == "art" for u in chain)
    words = [_unit(chain[-1], "nomn")]
    for unit in reversed(chain[:-1]):
        if has_article and unit.unit_type in GROUPS:
            continue
        words.append(_unit(unit, "gent"))
    return " ".join(w for w in words if w)


def full_label(chain: Sequence[Unit], act: ActName | None) -> str:
    """The unit named in full: its chain (`unit_chain`), then its act in the genitive. A chain
    through an approved regulation names the regulation and the act that approved it
    («…, утвержденного постановлением …»)."""
    units = unit_chain(chain)
    if act is None:
        return units
    through_annex = any(
        u.unit_type not in UNIT_LEMMAS and (u.label or u.number) for u in chain[:-1]
    )
    if through_annex:
        return f"{units}, утвержденного {act_words(act_ref(act), 'ablt')}"
    return f"{units} {act_genitive(act)}" if units else act.title or act_genitive(act)


#: Approved regulations of procedures, which the graph names by their eId segment
#: (`procedure_regulation_15.4.1`): their head word in each case.
_REGULATION_HEADS = {"nomn": "Регламент", "gent": "Регламента"}


def _unit(unit: Unit, case: str) -> str:
    if unit.unit_type in UNIT_LEMMAS and unit.number:
        return f"{unit_word(unit.unit_type, frozenset({case, 'sing'}))} {unit.number}"
    if unit.unit_type == "procedure_regulation" and unit.number and case in _REGULATION_HEADS:
        head = _REGULATION_HEADS[case]
        return f"{head} административной процедуры по подпункту {unit.number}"
    label = unit.label or unit.number or ""
    if case == "nomn" or not label:
        return label
    first, _, rest = label.partition(" ")
    # «Регламент административной процедуры …» → «Регламента административной процедуры …»:
    # only the head word changes case; what follows it is already in the genitive.
    return " ".join(p for p in (inflect(first, frozenset({case, "sing"}), "NOUN"), rest) if p)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
