"""The sources a special feature (1.3.x) says the authority obtains information from itself.

Besides the table of point 2.2, a regulation may say it in words: «сведения в отношении
работников соискателя лицензии … уполномоченный орган получает из государственной
централизованной автоматизированной информационной системы «Регистр населения»». The
information, the source as written and the source in the nominative (the name its `Registry` or
`Authority` node has) are read; a source whose kind cannot be told, or a phrase naming several
sources at once, is kept with the reason and linked to nothing.

    obtained_information("сведения … уполномоченный орган получает из единой …", span)
"""

from __future__ import annotations

import re

from importers.base import Span
from importers.morphology import nominative
from importers.regulation_records import ObtainedInformation, SourceKind

__all__ = ["obtained_information"]

_OBTAINS = re.compile(
    r"^(?P<what>сведения .+?),? уполномоченный орган (?:получает|запрашивает) "
    r"(?P<preposition>из|у|от|в) (?P<source>.+)$"
)
# The case a preposition governs: «из (у, от) регистра», «в Министерстве».
_CASE = {"из": "gent", "у": "gent", "от": "gent", "в": "loct"}
_REGISTRY_HEAD = re.compile(
    r"(?<!\w)(?:систем\w*|регистр(?:а|у|ом|е|ы|ов)?|реестр\w*|(?:информационн\w+ )?ресурс\w*"
    r"|баз\w* данных|банк\w* данных)(?!\w)",
    re.IGNORECASE,
)
_BODY_HEAD = re.compile(
    r"(?<!\w)(?:министерств\w*|комитет\w*|орган(?:а|у|ом|е|ы|ов|ам|ами|ах)?|подразделени\w*"
    r"|управлени\w*|инспекци\w*|служб\w*|департамент\w*|суд(?:а|у|ом|е|ы|ов)?|центр(?:а|у|ом|е|ы|ов)?"
    r"|организаци\w*|учреждени\w*|исполком\w*)(?!\w)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«[^»]*»")
# Sources joined in one phrase: «из … регистра … и … системы …», «…, …».
_JOINED = re.compile(r",? (?:и|или|либо|а также) |, ")


def obtained_information(text: str, span: Span) -> ObtainedInformation | None:
    """What `text` (a feature without its number) says the authority obtains, or None when it
    says nothing of the kind."""
    match = _OBTAINS.match(text)
    if match is None:
        return None
    source = match["source"]
    kind, uncertain = _kind(source)
    name = nominative(source, _CASE[match["preposition"]])
    if uncertain is None and name == source:
        uncertain = f"the nominative of «{source}» cannot be formed"
    return ObtainedInformation(
        name=match["what"],
        source=source,
        source_name=name,
        source_kind=kind if uncertain is None else None,
        uncertain=uncertain,
        span=span,
    )


def _kind(source: str) -> tuple[SourceKind | None, str | None]:
    """The source's kind by its head noun (the first one: «системы», «Министерства»), or why it
    cannot be told."""
    bare = _QUOTED.sub("«»", source)  # a quoted name («Регистр населения») is no head
    heads = [part for part in _JOINED.split(bare) if _head(part) is not None]
    if len(heads) > 1:
        return None, (
            f"«{source}» names several sources ({'; '.join(h.strip() for h in heads)}) or one "
            "with a longer name: read as neither"
        )
    kind = _head(bare)
    if kind is None:
        return None, f"«{source}» names neither a register or information system nor a body"
    return kind, None


def _head(phrase: str) -> SourceKind | None:
    registry = _REGISTRY_HEAD.search(phrase)
    body = _BODY_HEAD.search(phrase)
    if registry is not None and (body is None or registry.start() < body.start()):
        return SourceKind.REGISTRY
    return SourceKind.AUTHORITY if body is not None else None
