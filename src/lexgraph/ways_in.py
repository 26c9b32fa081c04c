"""The graph ids a person's words name: the ways into the graph without knowing its ids.

Pure: text and the acts the graph knows in, ids out. One reading for every door (search, the
explore page's look-up, `lexgraph impact`), so «15.4.1», «ст. 287 НК» or «Закон о лицензировании»
lead to the same node wherever they are typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lexgraph.act_names import acts_named
from lexgraph.citations import Citation, CitationContext, KnownAct, parse_citations
from lexgraph.legal_terms import code_named
from lexgraph.search_terms import procedure_number


class How(StrEnum):
    """How the words name what they name."""

    NUMBER = "number"  # a procedure's number in the unified list
    CITATION = "citation"  # a reference, a code's abbreviation, an act's kind and title


@dataclass(frozen=True, slots=True)
class Named:
    """What the words name. `ambiguous`: several acts share the name typed («О лицензировании»),
    and none may be chosen; several units one reference names («части 1–3 пункта 6») are not."""

    how: How
    ids: tuple[str, ...]
    ambiguous: bool = False


def known_acts(rows: Iterable[Mapping[str, Any]]) -> CitationContext:
    """What the grammar may resolve by title or register number alone: the acts the graph knows
    (rows of `lexgraph.graph.reads.catalog.KNOWN_ACTS`)."""
    return CitationContext(
        acts=tuple(
            KnownAct(
                r["id"],
                r["kind"],
                r["title"],
                (r["shortTitle"],) if r["shortTitle"] else (),
                register=r["register"],  # the National Register's number («8/40012»)
            )
            for r in rows
        )
    )


def canonical_ids(citation: Citation) -> list[str]:
    """What a reference names: its units, else its act, or the procedure it names."""
    if citation.kind == "procedure" and citation.procedure:
        return [f"procedure/{citation.procedure}"]
    units = [u.provision_id for u in citation.units if u.provision_id]
    if units:
        return units
    return [citation.act_id] if citation.act_id else []


def named_ids(text: str, context: CitationContext) -> Named:
    """What `text` names exactly: a procedure by its number («15.4.1»); the code an abbreviation
    names («НК»); what the citation grammar resolves it to («ст. 287 НК», «Налоговый кодекс»);
    else the acts it names by kind and title («Закон о лицензировании»; every act of the title
    when no kind is named). Empty when it names nothing.

    A list («Налоговый кодекс и Закон о лицензировании», «15.4.1, 15.4.2») names what each of
    its items names, in their order, when every item names something by itself: read whole, the
    grammar would find the first act only and the second would be silently lost. A list whose
    items do not each name something («пункты 1 и 2 статьи 287 НК») is read whole."""
    whole = _named(text, context)
    items = [item for item in _LIST.split(text) if item.strip()]
    if len(items) < 2:
        return whole
    each = [_named(item, context) for item in items]
    if not all(named.ids for named in each):
        return whole
    ids = tuple(dict.fromkeys(i for named in [*each, whole] for i in named.ids))
    how = How.NUMBER if all(named.how is How.NUMBER for named in each) else How.CITATION
    return Named(how, ids, ambiguous=any(named.ambiguous for named in each))


#: What separates the items of a list of names: a comma, a semicolon, «и».
_LIST = re.compile(r"\s*[,;]\s*|\s+и\s+", re.IGNORECASE)


def _named(text: str, context: CitationContext) -> Named:
    number = procedure_number(text)
    if number is not None:
        return Named(How.NUMBER, (f"procedure/{number}",))
    code = code_named(text)
    if code is not None:
        return Named(How.CITATION, (code.act_id,))
    found = parse_citations(text, context=context)
    ids = [i for c in found if c.resolved for i in canonical_ids(c)]
    if ids:
        return Named(How.CITATION, tuple(dict.fromkeys(ids)))
    acts = acts_named(text, context.acts)
    return Named(How.CITATION, tuple(acts), ambiguous=len(acts) > 1)


class AmbiguousName(ValueError):
    """Words that name several acts, none of which may be chosen."""


def as_graph_ids(
    given: Sequence[str], present: Set[str], context: CitationContext
) -> tuple[list[str], list[tuple[str, tuple[str, ...]]]]:
    """Each of `given` as graph ids: one the graph holds (`present`) as it is, else what the words
    name («статья 287 Налогового кодекса» → `by/code/tax#art_287`); words that name nothing are
    kept, for the caller to report as not found. Returns the ids and each reading made (the
    words, the ids). Raises `AmbiguousName` for a name several acts share."""
    ids: list[str] = []
    readings: list[tuple[str, tuple[str, ...]]] = []
    for value in given:
        named = None if value in present else named_ids(value, context)
        if named is None or not named.ids:
            ids.append(value)
            continue
        if named.ambiguous:
            raise AmbiguousName(
                f"{value!r} names {len(named.ids)} acts: {', '.join(named.ids)}; name one by its id"
            )
        readings.append((value, named.ids))
        ids.extend(named.ids)
    return list(dict.fromkeys(ids)), readings
