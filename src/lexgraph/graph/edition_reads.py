"""Law in time, read back: the editions of acts and documents, and what differs between two days.

An edition is a `Version` node: one imported text of a document (`schema/model.md`). What a text
states (its document's own facts: the nodes it owns and the edges it states) carries the interval
it holds in; so the state of a document on a day is the set of its facts that hold on that day
(`lexgraph.graph.validity.stated_valid`, the one predicate), and what changed between two days is
the comparison of two such states, by stable id and on content (`lexgraph.graph.versions.compare`,
the importer's own comparison). A fact a later text superseded is stored under
`{stable id}@{12 hex}` with `currentId`, its edges closed with it and their keys suffixed the same
way, so states are keyed by the stable id (and, for edges, the key without the suffix): the two
editions of a fact meet as one changed fact, not as one removed and one added.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import Record

from lexgraph.graph.records import EDGE_TYPES, NODE_LABELS, cypher_label
from lexgraph.graph.validity import acts_in_force, within_interval
from lexgraph.graph.versions import UNSTATED_EDGES, EdgeKey, NodeKey, VersionDiff, compare

Read = Callable[[str, LiteralString, Mapping[str, Any] | None], Awaitable[list[Record]]]
"""Runs one read statement, named for the request's round-trip log (`RequestContext.read`)."""

# The editions of each of `$ids`, first to last: by the day each took effect, the first text
# (no `validFrom`: it holds since the act itself) first; with the act each is the text of.
_EDITION_ITEM: LiteralString = (
    "v {.*, act: head(COLLECT { MATCH (a:LegalAct {id: v.actId}) RETURN a {.*} })}"
)
_EDITION_ORDER: LiteralString = "v.validFrom IS NOT NULL, v.validFrom, v.importedAt, v.id"
ACT_EDITIONS: LiteralString = (
    "UNWIND $ids AS id RETURN id, COLLECT { MATCH (:LegalAct {id: id})<-[:EXPRESSES]-(v:Version)"
    " RETURN " + _EDITION_ITEM + " AS item ORDER BY " + _EDITION_ORDER + " } AS items"
)
DOCUMENT_EDITIONS: LiteralString = (
    "UNWIND $ids AS id RETURN id, COLLECT { MATCH (:SourceDocument {id: id})<-[:VERSION_OF]-"
    "(v:Version) RETURN " + _EDITION_ITEM + " AS item ORDER BY " + _EDITION_ORDER + " } AS items"
)
EDITIONS: Mapping[str, LiteralString] = {
    "ACT_EDITIONS": ACT_EDITIONS,
    "DOCUMENT_EDITIONS": DOCUMENT_EDITIONS,
}

# What `diff(of: …)` names: a source document, or an act and the documents that are its text.
SUBJECT: LiteralString = """
OPTIONAL MATCH (d:SourceDocument {id: $of})
OPTIONAL MATCH (act:LegalAct {id: $of})
RETURN d IS NOT NULL AS document, act IS NOT NULL AS act,
  COLLECT { MATCH (act)<-[:EXPRESSES]-(v:Version) RETURN DISTINCT v.sourceDocument
            ORDER BY v.sourceDocument } AS documents
"""

# Bookkeeping, not statements: provenance (`STATED_IN`) and the unit hierarchy of other acts.
NOT_STATEMENTS = frozenset({"STATED_IN"}) | UNSTATED_EDGES
FACT_LABELS: tuple[LiteralString, ...] = tuple(
    cypher_label(label) for label in sorted(NODE_LABELS - {"SourceDocument"})
)


def _stated_type(edge_type: str) -> LiteralString:
    """A relationship type of the model, safe to name in a statement (never text from a
    document)."""
    if edge_type not in EDGE_TYPES:
        raise ValueError(f"unknown relationship type {edge_type!r}")
    return edge_type


STATED_TYPES: tuple[LiteralString, ...] = tuple(
    _stated_type(t) for t in sorted(EDGE_TYPES - NOT_STATEMENTS)
)


def _facts_of(label: LiteralString) -> LiteralString:
    # A shared node (what documents mention) may carry a document's provenance, but it is not
    # the document's own fact: the importer versions only owned ones (`versions.current_nodes`).
    return (
        "UNWIND $documents AS document MATCH (n:" + label + " {sourceDocument: document}) "
        "WHERE NOT EXISTS { (n)<-[:MENTIONS]-(:SourceDocument) } AND "
        + within_interval("n")
        + " RETURN {label: '"
        + label
        + "', id: coalesce(n.currentId, n.id), properties: properties(n), act: n.statedIn}"
        " AS fact"
    )


def _statements_of(edge_type: LiteralString) -> LiteralString:
    return (
        "UNWIND $documents AS document MATCH (a)-[e:"
        + edge_type
        + " {sourceDocument: document}]->(b) WHERE "
        + within_interval("e")
        + " RETURN {type: '"
        + edge_type
        + "', source: coalesce(a.currentId, a.id), target: coalesce(b.currentId, b.id),"
        " key: coalesce(e.key, ''), properties: properties(e), act: e.statedIn} AS fact"
    )


def _union(parts: tuple[LiteralString, ...]) -> LiteralString:
    statement: LiteralString = ""
    for part in parts:
        statement += (" UNION ALL " if statement else "") + part
    return statement


def _holding(branches: tuple[LiteralString, ...]) -> LiteralString:
    """The facts the branches find within their intervals whose acts are in force on `$asOf`:
    the acts checked once for all (`acts_in_force`), not in each branch (forty subqueries took
    seconds to plan)."""
    return (
        "CALL () { "
        + _union(branches)
        + " } WITH collect(fact) AS found WITH found, "
        + acts_in_force("[fact IN found | fact.act]")
        + " AS inForce UNWIND found AS fact WITH fact"
        " WHERE fact.act IS NULL OR fact.act IN inForce RETURN fact"
    )


# The documents' own facts, and their stated edges, that hold on `$asOf`
# (`lexgraph.graph.validity`): one branch per label or type, each seeking its `sourceDocument`
# index.
FACTS_AS_OF: LiteralString = _holding(tuple(_facts_of(label) for label in FACT_LABELS))
STATEMENTS_AS_OF: LiteralString = _holding(tuple(_statements_of(t) for t in STATED_TYPES))

# The key of an edge a later text closed ends with `@` and the first 12 hex of the text it was
# closed by (`versions.ARCHIVE_EDGES`); the edge it was is the same statement.
_CLOSED_KEY = re.compile(r"@[0-9a-f]{12}$")


def stable_key(key: str) -> str:
    """An edge's key as its first text wrote it."""
    return _CLOSED_KEY.sub("", key)


@dataclass(frozen=True, slots=True)
class State:
    """What documents state on a day: their own facts and stated edges, by stable keys."""

    nodes: Mapping[NodeKey, Mapping[str, Any]]
    edges: Mapping[EdgeKey, Mapping[str, Any]]


async def state_as_of(read: Read, documents: list[str], as_of: dt.date) -> State:
    """The facts `documents` state that hold on `as_of` (two round trips)."""
    parameters = {"documents": documents, "asOf": as_of}
    facts = [r["fact"] for r in await read("FACTS_AS_OF", FACTS_AS_OF, parameters)]
    statements = [r["fact"] for r in await read("STATEMENTS_AS_OF", STATEMENTS_AS_OF, parameters)]
    nodes = {(f["label"], f["id"]): f["properties"] for f in facts}
    edges = {
        (f["source"], f["type"], f["target"], stable_key(f["key"])): f["properties"]
        for f in statements
    }
    return State(nodes, edges)


@dataclass(frozen=True, slots=True)
class Difference:
    """What differs between the state on `since` and the state on `until`, with both states
    (the edges `compare` names by key only are read from them)."""

    since: dt.date
    until: dt.date
    documents: tuple[str, ...]
    diff: VersionDiff
    before: State
    after: State


async def difference(
    read: Read, documents: list[str], since: dt.date, until: dt.date
) -> Difference:
    """The facts of `documents` added, removed and changed from `since` to `until`."""
    before = await state_as_of(read, documents, since)
    after = await state_as_of(read, documents, until)
    diff = compare(before.nodes, after.nodes, before.edges, after.edges)
    return Difference(since, until, tuple(documents), diff, before, after)


class UnknownSubject(Exception):
    """`diff(of: …)` names neither an act with a text in the graph nor a source document."""


async def documents_of(read: Read, of: str) -> list[str]:
    """The source documents whose facts `of` (a source document's or an act's id) stands for."""
    [record] = await read("DIFF_SUBJECT", SUBJECT, {"of": of})
    if record["document"]:
        return [of]
    if record["act"]:
        documents: list[str] = record["documents"]
        if not documents:
            raise UnknownSubject(
                f"the graph holds no text of the act {of!r} (it is only cited, or was loaded"
                " without its editions): nothing states its facts"
            )
        return documents
    raise UnknownSubject(f"no legal act or source document with id {of!r}")
