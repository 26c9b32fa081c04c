"""Whether LexGraph and the peer (@neo4j/graphql, `bench/peer/`) answer the named documents alike.

A throughput ratio means something only if both servers answer the same question: each named
document of `queries/` has a spelling for the peer in `bench/peer/queries/` (same file name), and
this module brings both answers to one form, the facts LexGraph's document asks for, so that they
can be compared as JSON (`differences`):

- LexGraph's Relay `id`s (base64 of `Type:stored id`) become the stored id, which the peer reads
  straight from the node;
- the peer's spellings become LexGraph's shape: a to-one relationship read as a list of at most
  one (`limit: 1`) becomes the object (or null; a longer list is kept, and differs), a connection
  becomes the list of its nodes, a citation edge becomes LexGraph's `Citation` (reference, span,
  `cited`, `provenance` from the edge's properties), the stored enum values become GraphQL's
  (`required` → `REQUIRED`), an absent list property becomes `[]`;
- `__typename`, which only the peer's union spellings ask for, is left out on both sides.

Orders are compared as they come, except where LexGraph's order has a tie-breaker the library
cannot spell (a union connection sorts on edge properties only): there the peer's list, already
sorted by those properties, is put in LexGraph's full order (ties only).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from lexgraph.api import enums
from lexgraph.api.periods import ValidityPeriod
from lexgraph.config import project_root

ROOT = project_root()
LEXGRAPH_QUERIES = ROOT / "queries"
PEER_QUERIES = ROOT / "bench" / "peer" / "queries"

# The named documents compared (and measured by `bench.bench_peer`).
NAMES = (
    "procedure-details",
    "procedures-depending-on-art-287-tax-code",
    "procedures-requiring-apostille",
    "legal-act",
)
ART_287 = "by/code/tax#art_287"

# LexGraph's Relay ids name these types; the stored id follows the first colon.
NODE_TYPES = frozenset(
    {
        "SourceDocument", "LegalAct", "Provision", "Procedure", "Regulation",
        "DocumentRequirement", "RequestedInformation", "Registry", "Authority", "IssuedDocument",
        "Fee", "Benefit", "Appeal", "Form", "Term", "Portal", "PortalFact", "UnresolvedCitation",
    }
)  # fmt: skip
# Keys the peer reads as a list of at most one (the library has no to-one relationship).
TO_ONE = frozenset({"procedure", "legalAct", "regulation", "listedIn", "approvedBy", "fee", "form"})
# List properties LexGraph answers with `[]` when the node has none (the peer: null).
LISTS = frozenset(
    {
        "subjects", "otherActions", "notes", "alternatives", "submissionLines", "channels",
        "conditions", "validity", "validityText", "validityConditions", "forms", "fields",
        "fieldHints",
    }
)  # fmt: skip
# Stored values of enum fields, which LexGraph's schema spells by name.
ENUMS = frozenset({"apostille", "subjects"})
# Fields LexGraph types by the enums of `lexgraph.api.enums`, whose members keep the stored value:
# the peer's stored value read as the member's name. `kind` is an enum on some types (an act's,
# an appeal's) and text on others (a fee's, as the regulation words it): only a stored value of
# those enums is read as a name there.
TYPED = {
    "channels": enums.SubmissionChannel,
    "regulationChannels": enums.SubmissionChannel,
    "submissionCell": enums.SubmissionStated,
    "forms": enums.AppealForm,
    "sourceKind": enums.InformationSourceKind,
    "status": enums.ActStatus,
}
KINDS = (
    enums.ActKind,
    enums.AppealKind,
    enums.PortalFactKind,
    enums.SourceDocumentKind,
    enums.ConflictKind,
)


@dataclass(frozen=True, slots=True)
class Document:
    """A named document with its two spellings."""

    name: str
    lexgraph: str
    peer: str

    @classmethod
    def read(cls, name: str) -> Document:
        return cls(
            name,
            (LEXGRAPH_QUERIES / f"{name}.graphql").read_text(encoding="utf-8"),
            (PEER_QUERIES / f"{name}.graphql").read_text(encoding="utf-8"),
        )


def documents() -> list[Document]:
    return [Document.read(name) for name in NAMES]


# ---------------------------------------------------------------------------------------------
# LexGraph's answers


def _stored_id(value: str) -> str:
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return value
    kind, colon, stored = decoded.partition(":")
    return stored if colon and kind in NODE_TYPES else value


def lexgraph_facts(data: Any) -> Any:
    """LexGraph's `data` with stored ids for Relay ids and no `__typename`."""
    if isinstance(data, list):
        return [lexgraph_facts(item) for item in data]
    if not isinstance(data, dict):
        return data
    return {
        key: _stored_id(value) if key == "id" and isinstance(value, str) else lexgraph_facts(value)
        for key, value in data.items()
        if key != "__typename"
    }


# ---------------------------------------------------------------------------------------------
# The peer's answers


def _provenance(edge: dict[str, Any], *, text: bool = True) -> dict[str, Any] | None:
    if edge.get("sourceDocument") is None:
        return None
    found = {
        "documentId": edge["sourceDocument"],
        "lineStart": edge.get("lineStart"),
        "lineEnd": edge.get("lineEnd"),
    }
    if text:
        found["text"] = edge.get("sourceText")
    return found


def _sort_key(*values: Any) -> tuple[tuple[bool, Any], ...]:
    """Cypher's ascending order: nulls last."""
    return tuple((value is None, value if value is not None else 0) for value in values)


def _citation(edge: dict[str, Any]) -> dict[str, Any]:
    properties = edge["properties"]
    return {
        "text": properties.get("text"),
        "field": properties.get("field"),
        "charStart": properties.get("charStart"),
        "charEnd": properties.get("charEnd"),
        "cited": peer_facts(edge["node"]),
        "provenance": _provenance(properties),
    }


def _citations(connection: dict[str, Any]) -> list[dict[str, Any]]:
    """A citations connection as LexGraph's list, in its order (document, line, place in the line,
    then the unit cited: the last the library cannot sort a union connection by)."""
    edges = sorted(
        connection["edges"],
        key=lambda e: _sort_key(
            e["properties"].get("sourceDocument"),
            e["properties"].get("lineStart"),
            e["properties"].get("charStart"),
            e["node"].get("id"),
        ),
    )
    return [_citation(edge) for edge in edges]


def _enum(value: Any) -> Any:
    if isinstance(value, list):
        return [_enum(v) for v in value]
    return value.upper() if isinstance(value, str) else value


def _named(value: Any, *sets: type[Enum]) -> Any:
    """A stored value (or list of them) as the name of the member of `sets` storing it."""
    if isinstance(value, list):
        return [_named(v, *sets) for v in value]
    for members in sets:
        for member in members:
            if member.value == value:
                return member.name
    return value


def _period(value: Any) -> dict[str, Any]:
    """A stored validity period as LexGraph's `ValidityPeriod` reads it."""
    period = ValidityPeriod.parse(value)
    return {"amount": period.amount, "unit": period.unit.name, "text": period.text}


def peer_facts(data: Any) -> Any:
    """The peer's `data` in LexGraph's shape (module docstring)."""
    if isinstance(data, list):
        return [peer_facts(item) for item in data]
    if not isinstance(data, dict):
        return data
    shaped: dict[str, Any] = {}
    for key, value in data.items():
        if key == "__typename":
            continue
        if key == "citations" and isinstance(value, dict):
            shaped[key] = _citations(value)
            continue
        if isinstance(value, dict) and set(value) == {"edges"}:
            value = [edge["node"] for edge in value["edges"]]
        if key in TO_ONE and isinstance(value, list) and len(value) <= 1:
            value = value[0] if value else None
        if key in LISTS and value is None:
            value = []
        if key in ENUMS:
            value = _enum(value)
        elif key in TYPED:
            value = _named(value, TYPED[key])
        elif key == "kind":
            value = _named(value, *KINDS)
        elif key == "validity" and isinstance(value, list):
            value = [_period(v) for v in value]
        shaped[key] = peer_facts(value)
    return shaped


def _citations_of(regulation: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Every citation edge of a regulation's citing parts, with LexGraph's `citing` of it (the
    named document asks the name of a document and the text of a benefit, nothing of others)."""
    parts: list[tuple[dict[str, Any], dict[str, Any]]] = [(regulation, {})]
    parts += [(d, {"graphId": d["graphId"], "name": d["name"]}) for d in regulation["documents"]]
    parts += [(r, {}) for r in regulation["requestedInformation"]]
    parts += [(f, {}) for f in regulation["features"]]
    for fee in regulation["fee"]:
        parts += [(b, {"graphId": b["graphId"], "text": b["text"]}) for b in fee["benefits"]]
    for part, citing in parts:
        for edge in part["citations"]["edges"]:
            yield citing, edge


def _dependency_page(data: dict[str, Any]) -> dict[str, Any]:
    nodes = []
    for procedure in data["nodes"]:
        found = [
            (edge, citing)
            for regulation in procedure["regulations"]
            for citing, edge in _citations_of(regulation)
        ]
        found.sort(
            key=lambda pair: _sort_key(
                pair[0]["properties"].get("sourceDocument"),
                pair[0]["properties"].get("lineStart"),
                pair[0]["properties"].get("charStart"),
                pair[0]["node"].get("id"),
            )
        )
        nodes.append(
            {
                "number": procedure["number"],
                "title": procedure["title"],
                "citationsOf": [
                    {
                        "text": edge["properties"].get("text"),
                        "citing": citing,
                        "cited": {k: v for k, v in edge["node"].items() if k != "id"},
                        "provenance": _provenance(edge["properties"], text=False),
                    }
                    for edge, citing in found
                ],
            }
        )
    return {"procedures": {"totalCount": data["totalCount"], "nodes": nodes}}


def _apostille_page(data: dict[str, Any]) -> dict[str, Any]:
    page = peer_facts(data)
    return {"procedures": {"totalCount": page["count"]["totalCount"], "nodes": page["nodes"]}}


def _act_page(data: dict[str, Any]) -> dict[str, Any]:
    acts = data["legalAct"]
    for act in acts:
        # What it is based on: in the preamble's order, then by id (a union connection sorts on
        # edge properties only); the place itself is not a field of LexGraph's document.
        edges = sorted(
            act["basedOn"]["edges"],
            key=lambda e: _sort_key(
                e["properties"].get("lineStart"),
                e["properties"].get("charStart"),
                e["node"].get("id"),
            ),
        )
        act["basedOn"] = [{k: v for k, v in e["node"].items() if k != "id"} for e in edges]
    return dict(peer_facts(data))


PEER_SHAPES: dict[str, Callable[[dict[str, Any]], Any]] = {
    "procedure-details": peer_facts,
    "procedures-depending-on-art-287-tax-code": _dependency_page,
    "procedures-requiring-apostille": _apostille_page,
    "legal-act": _act_page,
}


# ---------------------------------------------------------------------------------------------
# Comparing


def differences(left: Any, right: Any, path: str = "", limit: int = 10) -> list[str]:
    """Where two JSON values differ (at most `limit` places), each as `path: left != right`."""
    found: list[str] = []

    def walk(a: Any, b: Any, at: str) -> None:
        if len(found) >= limit:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b)):
                if key not in a or key not in b:
                    found.append(f"{at}.{key}: only in {'peer' if key in b else 'LexGraph'}")
                else:
                    walk(a[key], b[key], f"{at}.{key}")
        elif isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                found.append(f"{at}: {len(a)} items != {len(b)} items")
            for index, (x, y) in enumerate(zip(a, b, strict=False)):
                walk(x, y, f"{at}[{index}]")
        elif a != b:
            found.append(f"{at}: {_short(a)} != {_short(b)}")

    walk(left, right, path or "data")
    return found


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"


def compare(name: str, lexgraph: dict[str, Any], peer: dict[str, Any]) -> list[str]:
    """The differences between the two HTTP answers (`{"data": …, "errors": …}`) to the named
    document `name`; errors on either side are differences too."""
    problems = [
        f"{side} error: {error.get('message')}"
        for side, answer in (("LexGraph", lexgraph), ("peer", peer))
        for error in answer.get("errors") or []
    ]
    if problems:
        return problems
    return differences(lexgraph_facts(lexgraph["data"]), PEER_SHAPES[name](peer["data"]))


def variable_sets(name: str, numbers: Sequence[str], acts: Sequence[str]) -> list[dict[str, Any]]:
    """The variables each document is compared (and measured) with: procedure numbers and act ids
    of the graph for the documents that take them, none for the others."""
    if name == "procedure-details":
        return [{"number": number} for number in numbers]
    if name == "legal-act":
        return [{"act": act} for act in acts]
    return [{}]
