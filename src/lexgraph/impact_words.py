"""An impact's chain in a lawyer's words, read from the changed unit to what depends on it.

«часть первая пункта 6 статьи 287 Налогового кодекса Республики Беларусь ← ссылается:
документ «документ об уплате государственной пошлины …» ← требует: регламент «Регламент
административной процедуры по подпункту 15.4.1» → регулирует: процедура 15.4.1 «Получение …»».

The chain goes from the changed unit to the dependant, the way the change travels; each arrow keeps
the edge's own direction (← when the next node refers to or holds the one before: the document
cites the article, the regulation requires the document), and each step names the relation as the
source text states it. Pure: a path in, a line out.
"""

from __future__ import annotations

from collections.abc import Sequence

from lexgraph.citations.format import format_unit
from lexgraph.graph.impact import Node, Step

#: Each relation as the start of the edge does it to its end, in Russian.
RELATION_WORDS: dict[str, str] = {
    "CITES": "ссылается",
    "GOVERNED_BY": "правовое основание",
    "BASED_ON": "издан на основании",
    "LISTED_IN": "включена в перечень",
    "REPEALS": "признает утратившим силу",
    "UNDER": "сведения портала по акту",
    "ABOUT": "сведения портала о процедуре",
    "REQUIRES": "требует",
    "REQUESTS": "запрашивает",
    "ISSUES": "выдается",
    "CHARGES": "плата",
    "HAS_BENEFIT": "льгота",
    "HAS_FEATURE": "особенность",
    "APPROVES": "утверждает",
    "REGULATES": "регулирует",
    "PART_OF": "входит в",
}

#: How a node of each label is named in a chain, before its caption.
CAPTION_HEADS: dict[str, str] = {
    "Procedure": "процедура",
    "DocumentRequirement": "документ",
    "RequestedInformation": "сведения",
    "IssuedDocument": "выдаваемый документ",
    "Fee": "плата",
    "Benefit": "льгота",
    "LegalAct": "акт",
    "PortalFact": "сведения портала",
}

CAPTION_CHARS = 120


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= CAPTION_CHARS else flat[: CAPTION_CHARS - 1] + "…"


def caption(node: Node) -> str:
    """A node as a chain names it: a unit's label in full, a procedure with its number, anything
    else by what it is and its caption in the source's words (a regulation's title says what it
    is: «Регламент административной процедуры по подпункту 15.4.1 …»)."""
    if node.label == "Provision":
        return format_unit(node.id) or _short(node.name)
    if node.label == "Procedure":
        number = node.id.removeprefix("procedure/")
        return f"процедура {number} «{_short(node.name)}»"
    head = CAPTION_HEADS.get(node.label)
    if head is None or node.name == node.id:
        return _short(node.name)
    return f"{head} «{_short(node.name)}»"


def step_words(step: Step) -> str:
    """One step after the node it leaves: `← ссылается: документ «…»`."""
    arrow = "←" if step.reversed else "→"
    words = RELATION_WORDS.get(step.relation, step.relation)
    return f"{arrow} {words}: {caption(step.target)}"


def chain(path: Sequence[Step]) -> str:
    """The path from the changed unit to the dependant, as one line."""
    if not path:
        return ""
    return " ".join([caption(path[0].source), *(step_words(step) for step in path)])
