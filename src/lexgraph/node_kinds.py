"""What each kind of node is, in the words of the sources: one table for every place that names
a node to a reader (search hits, impact chains), so a lawyer reads one term for one thing."""

from __future__ import annotations

from typing import Final

#: Node label → its name in Russian.
NODE_KINDS: Final[dict[str, str]] = {
    "LegalAct": "нормативный правовой акт",
    "Provision": "структурная единица акта",
    "Procedure": "административная процедура",
    "Regulation": "регламент административной процедуры",
    "DocumentRequirement": "документ, представляемый заинтересованным лицом",
    "RequestedInformation": "документ (сведения), запрашиваемые уполномоченным органом",
    "Registry": "государственный информационный ресурс",
    "IssuedDocument": "документ, выдаваемый по результатам процедуры",
    "Authority": "государственный орган",
    "Form": "форма документа",
    "PortalFact": "сведения единого портала электронных услуг",
    "Fee": "плата за процедуру",
    "Benefit": "льгота по размеру платы",
    "Appeal": "порядок обжалования",
}


def node_kind(label: str) -> str:
    """The Russian name of a node label; the label itself for one the table does not hold."""
    return NODE_KINDS.get(label, label)
