"""Editions and differences in time: `LegalAct.editions`, `SourceDocument.editions` and
`Query.diff` (`lexgraph.graph.edition_reads`).

An edition says when its text held (`effectiveFrom`, `effectiveTo`) and, from the second on, what
it changed: the facts its document stated the day it took effect, compared with those it stated the
day before. `diff` compares the facts of an act's texts (or one document's) on any two days. Both
are the importer's own comparison (`lexgraph.graph.versions.compare`), keyed by stable ids, so a
fact a new edition changed is one changed fact with the fields that differ, not a removal and an
addition.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

import strawberry

from lexgraph.api.context import Info
from lexgraph.api.errors import NotFound
from lexgraph.api.nodes import GraphObject, SourceDocument, load_node
from lexgraph.graph import edition_reads as history
from lexgraph.graph.validity import ActValidity, as_date
from lexgraph.graph.versions import Change, EdgeKey, content
from lexgraph.source_texts import text_by_checksum

Row = Mapping[str, Any]


@strawberry.enum(description="What kind of fact changed.")
class FactKind(Enum):
    NODE = strawberry.enum_value(
        "node", description="A node the text owns (a requirement, a fee, a regulation …)."
    )
    EDGE = strawberry.enum_value(
        "edge", description="A relationship the text states (a citation, a legal basis …)."
    )


@strawberry.type(description="One property of a fact, on each of the two days compared.")
class FieldChange:
    name: str = strawberry.field(description="The property, e.g. `amountBaseUnits`.")
    before: str | None = strawberry.field(
        description="Its value on the first day, as text (lists and numbers as JSON); null: none."
    )
    after: str | None = strawberry.field(
        description="Its value on the second day, as text (lists and numbers as JSON); null: none."
    )


@strawberry.type(description="A fact that differs between two days: added, removed or changed.")
class FactChange:
    kind: FactKind = strawberry.field(description="A node or a relationship.")
    label: str = strawberry.field(
        description="The node label (`Fee`) or the relationship type (`CITES`)."
    )
    graph_id: str | None = strawberry.field(
        description="The node's stable id (`graphId`, the same in every edition); null for a"
        " relationship."
    )
    source: str | None = strawberry.field(
        description="For a relationship: the stable id of the node it starts from."
    )
    target: str | None = strawberry.field(
        description="For a relationship: the stable id of the node it points at."
    )
    key: str | None = strawberry.field(
        description="For a relationship: what tells apart two of one type between the same"
        " nodes (a citation's field and place)."
    )
    fields: list[FieldChange] = strawberry.field(
        description="Added: every property it has; removed: every property it had; changed: the"
        " properties that differ. Positions in the text (lines) and bookkeeping are not content"
        " and are left out."
    )


@strawberry.type(
    description="What the texts of an act (or one source document) state differently on two days:"
    " their own facts (nodes they own, relationships they state) added, removed and changed."
)
class FactDiff:
    of: str = strawberry.field(description="The act or source document compared.")
    from_: dt.date = strawberry.field(name="from", description="The first day.")
    to: dt.date = strawberry.field(description="The second day.")
    documents: list[str] = strawberry.field(
        description="The source documents whose facts were compared (an act's texts)."
    )
    added: list[FactChange] = strawberry.field(
        description="Facts that hold on `to` and did not on `from`."
    )
    removed: list[FactChange] = strawberry.field(
        description="Facts that held on `from` and do not on `to`."
    )
    changed: list[FactChange] = strawberry.field(
        description="Facts that hold on both days with different content."
    )

    @strawberry.field(description="How many facts were added (nodes and relationships).")
    def added_count(self) -> int:
        return len(self.added)

    @strawberry.field(description="How many facts were removed (nodes and relationships).")
    def removed_count(self) -> int:
        return len(self.removed)

    @strawberry.field(description="How many facts changed (nodes and relationships).")
    def changed_count(self) -> int:
        return len(self.changed)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _fields(names: Any, before: Row, after: Row) -> list[FieldChange]:
    return [
        FieldChange(name=name, before=_text(before.get(name)), after=_text(after.get(name)))
        for name in sorted(names)
    ]


def _node(change: Change, names: Any) -> FactChange:
    return FactChange(
        kind=FactKind.NODE,
        label=change.label,
        graph_id=change.id,
        source=None,
        target=None,
        key=None,
        fields=_fields(names, change.before, change.after),
    )


def _edge(key: EdgeKey, before: Row, after: Row, names: Any) -> FactChange:
    source, edge_type, target, edge_key = key
    return FactChange(
        kind=FactKind.EDGE,
        label=edge_type,
        graph_id=None,
        source=source,
        target=target,
        key=edge_key or None,
        fields=_fields(names, before, after),
    )


def fact_diff(of: str, found: history.Difference) -> FactDiff:
    """The GraphQL answer for a `Difference`."""
    diff, old, new = found.diff, found.before.edges, found.after.edges
    added = [_node(c, c.after) for c in diff.added]
    removed = [_node(c, c.before) for c in diff.removed]
    changed = [_node(c, c.fields) for c in diff.changed]
    for key in diff.edges_added:
        after = content(new[key])
        added.append(_edge(key, {}, after, after))
    for key in diff.edges_removed:
        before = content(old[key])
        removed.append(_edge(key, before, {}, before))
    for key in diff.edges_changed:
        before, after = content(old[key]), content(new[key])
        names = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        changed.append(_edge(key, before, after, names))
    return FactDiff(
        of=of,
        from_=found.since,
        to=found.until,
        documents=list(found.documents),
        added=added,
        removed=removed,
        changed=changed,
    )


async def diff(info: Info, of: str, since: dt.date, until: dt.date) -> FactDiff:
    read = info.context.read
    try:
        documents = await history.documents_of(read, of.strip())
    except history.UnknownSubject as error:
        raise NotFound(str(error)) from None
    return fact_diff(of.strip(), await history.difference(read, documents, since, until))


# ---------------------------------------------------------------------------------------------
# Editions


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    iso = getattr(value, "iso_format", None)
    return str(iso()) if callable(iso) else str(value)


@strawberry.type(
    description="An edition (редакция): one text of a source document (of an act) the graph"
    " holds, the days it held, and what it changed from the edition before it."
)
class Edition:
    id: str = strawberry.field(
        description="The version's id: `{source document id}@{first 12 hex of the text's SHA-256}`."
    )
    document_id: str = strawberry.field(description="Id of the source document it is a text of.")
    act_id: str | None = strawberry.field(description="Id of the act it is the text of, if any.")
    checksum: str | None = strawberry.field(description="SHA-256 of the text.")
    file_name: str | None = strawberry.field(description="The file it was imported from, if kept.")
    imported_at: str | None = strawberry.field(description="When it was imported (ISO).")
    valid_from: dt.date | None = strawberry.field(
        description="The day it took effect as the graph records it; null for the first text,"
        " which holds since the act itself."
    )
    valid_to: dt.date | None = strawberry.field(
        description="The day the next text took effect; null while it is the current text."
    )
    effective_from: dt.date | None = strawberry.field(
        description="The first day it held: `validFrom`, or for the first text the act's entry"
        " into force (else its adoption, else its date); null when nothing tells."
    )
    effective_to: dt.date | None = strawberry.field(
        description="The first day it no longer held: the next text's `validFrom`, else the day"
        " the act lost force; null while it holds."
    )
    in_force: bool = strawberry.field(
        description="Whether it is the text that holds on the date it was read as of (`asOf`)."
    )
    previous: strawberry.Private[Edition | None]
    as_of: strawberry.Private[dt.date]

    @strawberry.field(
        description="The text itself (verbatim, Russian), when the server holds a file with this"
        " edition's SHA-256 (the bundled sample corpus): its lines are the ones provenances"
        " count. Null otherwise: the graph keeps facts and their lines, not whole texts."
    )
    def text(self) -> str | None:
        return text_by_checksum(self.checksum)

    @strawberry.field(description="The source document it is a text of.")
    async def document(self, info: Info) -> SourceDocument | None:
        return await load_node(info, SourceDocument, self.document_id, self.as_of)

    @strawberry.field(
        description="What it changed from the edition before it: its document's facts on the day"
        " it took effect, compared with the day before. Null for the first edition (or one whose"
        " day is not recorded)."
    )
    async def changes(self, info: Info) -> FactDiff | None:
        if self.previous is None or self.valid_from is None:
            return None
        before = self.valid_from - dt.timedelta(days=1)
        found = await history.difference(
            info.context.read, [self.document_id], before, self.valid_from
        )
        return fact_diff(self.document_id, found)


def _edition(row: Row, previous: Edition | None, as_of: dt.date) -> Edition:
    act = row.get("act")
    validity = ActValidity.from_node(act) if act else None
    valid_from, valid_to = as_date(row.get("validFrom")), as_date(row.get("validTo"))
    effective_from = valid_from
    if effective_from is None and previous is None and validity is not None:
        effective_from = validity.in_force_since
    effective_to = valid_to
    if effective_to is None and validity is not None:
        effective_to = validity.repealed_on
    return Edition(
        id=str(row["id"]),
        document_id=str(row.get("sourceDocument")),
        act_id=row.get("actId"),
        checksum=row.get("checksum"),
        file_name=row.get("fileName"),
        imported_at=_iso(row.get("importedAt")),
        valid_from=valid_from,
        valid_to=valid_to,
        effective_from=effective_from,
        effective_to=effective_to,
        in_force=(effective_from is None or effective_from <= as_of)
        and (effective_to is None or as_of < effective_to),
        previous=previous,
        as_of=as_of,
    )


async def editions(info: Info, relation: str, parent: GraphObject) -> list[Edition]:
    """The editions of an act (`ACT_EDITIONS`) or a document (`DOCUMENT_EDITIONS`), first to
    last, each knowing the one before it."""
    loader = info.context.batched(relation, history.EDITIONS[relation], "items")
    rows: list[Row] = await loader.load(str(parent.raw["id"]))
    found: list[Edition] = []
    for row in rows:
        found.append(_edition(row, found[-1] if found else None, parent.as_of))
    return found


@strawberry.type
class HistoryQuery:
    """The root field comparing two days; `Query` inherits it."""

    @strawberry.field(
        description="What the texts of an act (or one source document) state differently on two"
        " days: the facts added, removed and changed between the state that held on `from` and"
        " the state that holds on `to`, each with the fields that changed."
    )
    async def diff(
        self,
        info: Info,
        of: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="Graph id of an act whose text the graph holds"
                " (`by/resolution/mvd/2023-05-19/102`) or of a source document"
                " (`source/004_85fdc72f4cf61fef.txt`)."
            ),
        ],
        from_: Annotated[
            dt.date, strawberry.argument(name="from", description="The first day (на дату).")
        ],
        to: Annotated[dt.date, strawberry.argument(description="The second day.")],
    ) -> FactDiff:
        return await diff(info, str(of), from_, to)
