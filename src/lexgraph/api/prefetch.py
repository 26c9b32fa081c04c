"""Ask up front for everything a query's selection will follow from a root field's nodes.

The root fields that return procedures read the selection below them, turn it into prefetch
steps (`graph.reads.prefetch`) and prime the request's loaders with the answer: the resolvers
then find their items already loaded, and a page of procedures costs two round trips (the root
lookup and the prefetch) for one procedure or a hundred; a procedure by its number or an act by
its id, one (the lookup is the prefetch's root, `found_and_prefetched`). A selection the plan
does not cover still works: its resolvers use the loaders as usual.

A plan depends only on the query document, so it is made once per operation and root field
(`planned`): reading the selection through Strawberry costs more than the rest of a small request.
The date the root field answers for (`asOf`) is a parameter of the prefetch, and keys the loaders it
primes: the nodes below read as of the same date (`lexgraph.api.nodes`).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graphql import OperationDefinitionNode
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from lexgraph.api.context import Info
from lexgraph.graph.reads.prefetch import ROOT, RootLookup, Step, held, prefetch_statement
from lexgraph.graph.reads.relations import RELATIONS

MAX_STEPS = 64
# Plans kept, one per operation and root field (the parser cache keeps 256 documents).
MAX_PLANS = 256

# type → GraphQL field → (relation, the type it reaches, or None when the plan stops there). A
# `Citation` reaches the unit it cites (`cited`), an act or a provision; a `CitationConnection`
# (a page of them) its citations.
PLAN: dict[str, dict[str, tuple[str, str | None]]] = {
    "Procedure": {
        "sources": ("PROCEDURE_SOURCES", None),
        "regulation": ("PROCEDURE_REGULATIONS", "Regulation"),
        "listedIn": ("PROCEDURE_LISTED_IN", "LegalAct"),
        "authorities": ("PROCEDURE_AUTHORITIES", "Authority"),
        "portalFacts": ("PROCEDURE_PORTAL_FACTS", "PortalFact"),
    },
    "Regulation": {
        "procedure": ("REGULATION_PROCEDURES", "Procedure"),
        "approvedBy": ("REGULATION_APPROVED_BY", "LegalAct"),
        "legalBasis": ("REGULATION_LEGAL_BASIS", "LegalAct"),
        "features": ("REGULATION_FEATURES", "Provision"),
        "documents": ("REGULATION_DOCUMENTS", "DocumentRequirement"),
        "requestedInformation": ("REGULATION_REQUESTED", "RequestedInformation"),
        "issuedDocuments": ("REGULATION_ISSUED", "IssuedDocument"),
        "recordedIn": ("REGULATION_REGISTRIES", "Registry"),
        "fee": ("REGULATION_FEES", "Fee"),
        "appeals": ("REGULATION_APPEALS", "Appeal"),
        "form": ("REGULATION_FORMS", "Form"),
        "citations": ("REGULATION_CITATIONS", "Citation"),
        "unresolvedCitations": ("REGULATION_UNRESOLVED", "UnresolvedCitation"),
    },
    "DocumentRequirement": {
        "regulation": ("DOCUMENT_REGULATIONS", "Regulation"),
        "citations": ("DOCUMENT_CITATIONS", "Citation"),
        "unresolvedCitations": ("DOCUMENT_UNRESOLVED", "UnresolvedCitation"),
    },
    "RequestedInformation": {
        "requestedFrom": ("REQUESTED_SOURCES", None),
        "citations": ("REQUESTED_CITATIONS", "Citation"),
        "regulation": ("REQUESTED_REGULATIONS", "Regulation"),
    },
    "IssuedDocument": {"regulation": ("ISSUED_REGULATIONS", "Regulation")},
    "Form": {"regulation": ("FORM_REGULATIONS", "Regulation")},
    "Fee": {
        "benefits": ("FEE_BENEFITS", "Benefit"),
        "regulation": ("FEE_REGULATIONS", "Regulation"),
    },
    "Benefit": {
        "citations": ("BENEFIT_CITATIONS", "Citation"),
        "unresolvedCitations": ("BENEFIT_UNRESOLVED", "UnresolvedCitation"),
        "fee": ("BENEFIT_FEES", "Fee"),
    },
    "Appeal": {
        "heardBy": ("APPEAL_HEARD_BY", "Authority"),
        "regulation": ("APPEAL_REGULATIONS", "Regulation"),
    },
    "Provision": {
        "sources": ("PROVISION_SOURCES", None),
        "act": ("PROVISION_ACTS", "LegalAct"),
        "parent": ("PROVISION_PARENTS", None),
        "children": ("PROVISION_CHILDREN", "Provision"),
        "ancestors": ("PROVISION_ANCESTORS", None),
        "citations": ("PROVISION_CITATIONS", "Citation"),
        "citedBy": ("PROVISION_CITED_BY", "CitationConnection"),
    },
    "LegalAct": {
        "sources": ("ACT_SOURCES", None),
        "issuedBy": ("ACT_ISSUED_BY", "Authority"),
        "agreedWith": ("ACT_AGREED_WITH", "Authority"),
        "repeals": ("ACT_REPEALS", "LegalAct"),
        "repealedBy": ("ACT_REPEALED_BY", "LegalAct"),
        "basedOn": ("ACT_BASED_ON", None),
        "approves": ("ACT_APPROVES", "Regulation"),
        "children": ("ACT_CHILDREN", "Provision"),
        "legalBasisOf": ("ACT_GOVERNS", "Regulation"),
        "listsProcedures": ("ACT_LISTS", "Procedure"),
        "citedBy": ("ACT_CITED_BY", "CitationConnection"),
    },
    "Authority": {
        "sources": ("AUTHORITY_SOURCES", None),
        "procedures": ("AUTHORITY_PROCEDURES", "Procedure"),
        "acts": ("AUTHORITY_ACTS", "LegalAct"),
        "appealsHeard": ("AUTHORITY_APPEALS", "Appeal"),
    },
    "Registry": {
        "procedures": ("REGISTRY_PROCEDURES", "Procedure"),
        "sources": ("REGISTRY_SOURCES", None),
    },
    "UnresolvedCitation": {"citing": ("UNRESOLVED_CITING", None)},
    "PortalFact": {
        "procedures": ("FACT_PROCEDURES", "Procedure"),
        "acts": ("FACT_ACTS", "LegalAct"),
        "portal": ("FACT_PORTALS", None),
    },
}


def _fields(selections: Iterable[Selection], type_name: str) -> Iterable[SelectedField]:
    """The fields selected on `type_name`, through fragments that apply to it."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment) and (
            selection.type_condition in (None, type_name, "Node")
        ):
            yield from _fields(selection.selections, type_name)


def plan(type_name: str, selections: Iterable[Selection]) -> list[Step]:
    """The steps that load what `selections` on nodes of `type_name` will follow."""
    steps: list[Step] = []

    def walk(type_name: str, selections: Iterable[Selection], parent: int) -> None:
        if type_name == "CitationConnection":
            # A page of citations: the prefetch loads the first `CITATIONS_PREFETCHED` of each
            # (`relations`), which the pages among them are cut from.
            for field in _fields(selections, type_name):
                if field.name == "nodes":
                    walk("Citation", field.selections, parent)
                elif field.name == "edges":
                    for edge_field in _fields(field.selections, "CitationEdge"):
                        if edge_field.name == "node":
                            walk("Citation", edge_field.selections, parent)
            return
        if type_name == "Citation":
            for field in _fields(selections, type_name):
                if field.name == "cited":
                    for member in ("Provision", "LegalAct"):
                        walk(member, field.selections, parent)
            return
        for field in _fields(selections, type_name):
            entry = PLAN.get(type_name, {}).get(field.name)
            if entry is None or len(steps) >= MAX_STEPS:
                continue
            relation, reached = entry
            steps.append(Step(relation, parent))
            if reached is not None:
                walk(reached, field.selections, len(steps) - 1)

    walk(type_name, selections, ROOT)
    return steps


def below(info: Info, *path: str) -> list[Selection]:
    """The selections under the root field at `path` (e.g. `nodes`, or `edges`, `node`)."""
    current: list[Selection] = list(info.selected_fields)
    for name in ("", *path):
        found: list[Selection] = []
        for field in _fields(current, ""):
            if not name or field.name == name:
                found.extend(field.selections)
        current = found
    return current


# (operation, root field's response key, type, paths, step limit) → the operation and its plan. The
# operation is kept with its plan so its identity in the key cannot be reused by another document.
_plans: OrderedDict[
    tuple[int, str, str, tuple[tuple[str, ...], ...], int],
    tuple[OperationDefinitionNode, tuple[Step, ...]],
] = OrderedDict()


def planned(info: Info, type_name: str, *paths: tuple[str, ...]) -> tuple[Step, ...]:
    """The plan for the selections under the root field at each of `paths` (`()`: the field's
    own), made once per parsed operation: the parser cache gives the same document, and so the
    same operation node, for the same query text."""
    operation = info.operation
    key = (id(operation), str(info.path.key), type_name, paths, MAX_STEPS)
    kept = _plans.get(key)
    if kept is not None and kept[0] is operation:
        _plans.move_to_end(key)
        return kept[1]
    selections = [selection for path in paths or ((),) for selection in below(info, *path)]
    steps = tuple(plan(type_name, selections))
    _plans[key] = (operation, steps)
    if len(_plans) > MAX_PLANS:
        _plans.popitem(last=False)
    return steps


async def prefetch(info: Info, ids: Sequence[str], steps: Sequence[Step], as_of: dt.date) -> None:
    """Run the steps for `ids` as of `as_of` in one statement and prime the request's loaders."""
    if not ids or not steps:
        return
    parameters = {"ids": list(ids), "asOf": as_of}
    records = await info.context.read("PREFETCH", prefetch_statement(steps), parameters)
    _prime(info, steps, records[0], as_of)


async def found_and_prefetched(
    info: Info,
    type_name: str,
    name: str,
    lookup: RootLookup,
    parameters: Mapping[str, Any],
    as_of: dt.date,
) -> list[Mapping[str, Any]]:
    """The node maps a root field looks up, with what its selection follows from them as of
    `as_of` prefetched in the same statement (one round trip where a lookup, then a prefetch,
    took two); the lookup alone for a selection that follows nothing."""
    steps = planned(info, type_name)
    if not steps:
        records = await info.context.read(name, lookup.alone, parameters)
        return [r["node"] for r in records]
    statement = prefetch_statement(steps, lookup.as_root)
    records = await info.context.read(f"{name}+PREFETCH", statement, {**parameters, "asOf": as_of})
    _prime(info, steps, records[0], as_of)
    roots: list[Mapping[str, Any]] = records[0]["roots"]
    return roots


def _prime(info: Info, steps: Sequence[Step], record: Mapping[str, Any], as_of: dt.date) -> None:
    context = info.context
    for i, step in enumerate(steps):
        statement = RELATIONS[step.relation].statement
        loader = context.batched(step.relation, statement, "items", as_of=as_of)
        loader.prime_many(held(record[f"rows_{i}"], record["inForce"]))


async def prefetch_below(info: Info, type_name: str, ids: Sequence[str], as_of: dt.date) -> None:
    """Prefetch what the root field's own selection follows from its nodes of `type_name`, as of
    `as_of`."""
    await prefetch(info, ids, planned(info, type_name), as_of)
