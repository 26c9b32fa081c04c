"""The home page's search results, grouped by kind as a reader looks for them: procedures (with
the facts of their cards the words were found in), acts, provisions, the rest.

A reader who typed a procedure's number, or words found in procedures' cards, wants the cards:
the group of what the text names exactly comes first, else the procedures. Nothing is dropped or
chosen: a text naming two acts shows both, in the order the search gave them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lexgraph.pages import links

__all__ = ["Found", "Group", "ProcedureFound", "group_hits"]

#: The groups, in the order they appear when nothing says otherwise.
PROCEDURES = "Административные процедуры"
ACTS = "Акты"
PROVISIONS = "Структурные единицы актов"
OTHER = "Другое"
_ORDER = (PROCEDURES, ACTS, PROVISIONS, OTHER)
_EXACT = ("NUMBER", "CITATION")


@dataclass(frozen=True, slots=True)
class Found:
    """One hit as the page shows it: what it is, its title, where it is read (None: no page)."""

    kind: str
    title: str
    href: str | None
    snippet: str | None
    exact: bool


@dataclass(slots=True)
class ProcedureFound:
    """A procedure, found itself (`title` set) or through facts of its card (`facts`)."""

    number: str
    href: str
    title: str | None = None
    exact: bool = False
    facts: list[Found] = field(default_factory=list)


@dataclass(slots=True)
class Group:
    name: str
    items: list[Found | ProcedureFound] = field(default_factory=list)


def _found(hit: Mapping[str, Any]) -> Found:
    return Found(
        kind=str(hit.get("kind") or hit["type"]),
        title=str(hit.get("title") or hit["graphId"]),
        href=links.node(hit["graphId"], hit["type"]),
        snippet=hit.get("snippet"),
        exact=hit.get("match") in _EXACT,
    )


def _group_of(hit: Mapping[str, Any]) -> str:
    if hit["type"] == "Procedure" or hit.get("procedures"):
        return PROCEDURES
    if hit["type"] == "LegalAct":
        return ACTS
    if hit["type"] == "Provision":
        return PROVISIONS
    return OTHER


def group_hits(hits: Sequence[Mapping[str, Any]]) -> list[Group]:
    """The search's hits (`queries/search.graphql`), grouped; empty groups left out."""
    groups = {name: Group(name) for name in _ORDER}
    procedures: dict[str, ProcedureFound] = {}
    for hit in hits:
        name = _group_of(hit)
        if name != PROCEDURES:
            groups[name].items.append(_found(hit))
            continue
        numbers = (
            [hit["graphId"].removeprefix("procedure/")]
            if hit["type"] == "Procedure"
            else list(hit["procedures"])
        )
        for number in numbers:
            found = procedures.get(number)
            if found is None:
                found = procedures[number] = ProcedureFound(number, links.procedure(number))
                groups[PROCEDURES].items.append(found)
            if hit["type"] == "Procedure":
                found.title = hit.get("title")
                found.exact = found.exact or hit.get("match") in _EXACT
            else:
                found.facts.append(_found(hit))
    first = _ORDER.index(_group_of(hits[0])) if hits and hits[0].get("match") in _EXACT else 0
    order = [_ORDER[first], *(name for name in _ORDER if name != _ORDER[first])]
    return [groups[name] for name in order if groups[name].items]
