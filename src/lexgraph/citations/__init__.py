"""The citation grammar: find references to Belarusian legal acts and their units in Russian text.

Pure code, layered like eyecite: normalize → tokenize → recognize → resolve. See
:mod:`lexgraph.citations.ids` for the identifier conventions.

>>> [c.units[0].provision_id for c in parse_citations("статьи 5 Налогового кодекса")]
['by/code/tax#art_5']
"""

from .format import format_citation
from .ids import act_id, e_id, provision_id
from .model import (
    ActRef,
    AnnexRef,
    Citation,
    CitationContext,
    CitationKind,
    KnownAct,
    KnownAnnex,
    UnitRef,
)
from .resolve import parse_citations, parse_units

__all__ = [
    "ActRef",
    "AnnexRef",
    "Citation",
    "CitationContext",
    "CitationKind",
    "KnownAct",
    "KnownAnnex",
    "UnitRef",
    "act_id",
    "e_id",
    "format_citation",
    "parse_citations",
    "parse_units",
    "provision_id",
]
