"""An act by its name as a person types it: «Закон о лицензировании», «О лицензировании».

The citation grammar needs a reference as a text writes one («Закона Республики Беларусь «О
лицензировании»»); a person types the kind and the title, in any case, quotes or none. Every act
whose title (and kind, when one is named) matches word for word is returned: two acts titled «О
лицензировании» (a law and a resolution) are both named, and the caller says so rather than
choosing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lexgraph.citations import KnownAct
from lexgraph.citations.acts import ACT_HEAD_LEMMAS
from lexgraph.citations.ordinals import lemma

WORD = re.compile(r"\w+(?:-\w+)*")
# Words a typed name may carry that the stored title does not.
STATE_WORDS = ("республика", "беларусь")
# «Постановление» is a resolution of a ministry or of the Council of Ministers.
KIND_ALIASES = {"resolution": frozenset({"resolution", "cm_resolution"})}


def _lemmas(text: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in WORD.findall(text))


# The acts of a context by the lemmas of their titles, kept for the one tuple of known acts a
# process holds at a time (`lexgraph.api.search` keeps it until the graph changes), so a look-up
# does not read every title again.
_index: dict[int, tuple[Sequence[KnownAct], dict[tuple[str, ...], list[KnownAct]]]] = {}


def _by_title(acts: Sequence[KnownAct]) -> dict[tuple[str, ...], list[KnownAct]]:
    kept = _index.get(id(acts))
    if kept is not None and kept[0] is acts:
        return kept[1]
    index: dict[tuple[str, ...], list[KnownAct]] = {}
    for act in acts:
        if act.title is not None:
            index.setdefault(_lemmas(act.title), []).append(act)
    _index.clear()
    _index[id(acts)] = (acts, index)
    return index


def acts_named(text: str, acts: Sequence[KnownAct]) -> list[str]:
    """Ids of the acts `text` names by kind and title, or by title alone, in id order."""
    words = _lemmas(text)
    kind: str | None = None
    if words and words[0] in ACT_HEAD_LEMMAS:
        kind, words = ACT_HEAD_LEMMAS[words[0]], words[1:]
        while words[:1] and words[0] in STATE_WORDS:
            words = words[1:]
    if not words:
        return []
    kinds = KIND_ALIASES.get(kind, frozenset({kind})) if kind is not None else None
    titled = _by_title(acts).get(words, [])
    return sorted(act.act_id for act in titled if kinds is None or act.kind in kinds)
