"""`Query.search` (the full-text index) and `Query.resolveCitations` (the citation grammar)."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from lexgraph.api import paging
from lexgraph.api.context import Info
from lexgraph.api.errors import UserError
from lexgraph.api.nodes import build
from lexgraph.citations import CitationContext, parse_citations
from lexgraph.graph.reads.catalog import KNOWN_ACTS, KNOWN_ACTS_STAMP, SEARCH_TEXT
from lexgraph.graph.reads.nodes import CITABLE_NODES_BY_ID
from lexgraph.node_kinds import node_kind
from lexgraph.search_terms import (
    NoWords,
    SearchTerms,
    first_found,
    found_in_text,
    parse_search,
)
from lexgraph.ways_in import How, canonical_ids, known_acts, named_ids

MAX_CITATION_TEXT = 20_000
SNIPPET_CHARS = 160
WORD = re.compile(r"\w+")


@strawberry.enum(description="How a hit was found.")
class SearchMatch(Enum):
    NUMBER = strawberry.enum_value(
        "number", description="The text is its number (номер процедуры в едином перечне)."
    )
    CITATION = strawberry.enum_value(
        "citation",
        description="The text is a reference to it («ст. 287 НК», «Налоговый кодекс»), read by"
        " the citation grammar, or an abbreviation of its name («НК»).",
    )
    WORDS = strawberry.enum_value(
        "words",
        description="Its texts hold every word of the text (in any form, or a synonym:"
        " госпошлина = государственная пошлина), as a phrase where the text quotes one.",
    )


# The properties search reads, in the order a hit names them (`foundIn`): those of the two
# full-text indexes (schema/migrations/0003_fulltext.cypher, 0009_cell_search.cypher).
FIELDS: tuple[str, ...] = (
    "title",
    "name",
    "label",
    "text",
    "requirements",
    "condition",
    "electronicText",
    "sourceText",
)


@strawberry.type(description="One search hit: exact matches first, then the best by relevance.")
class SearchHit:
    score: float | None = strawberry.field(
        description="Relevance (Lucene score) of a hit found by its words; higher is better."
        " Null for an exact match (`match` NUMBER or CITATION), which comes before them all."
    )
    match: SearchMatch = strawberry.field(description="How it was found.")
    type: str = strawberry.field(description="Its type (`Procedure`, `Provision` …).")
    kind: str = strawberry.field(
        description="What it is, in Russian: «административная процедура», «документ,"
        " представляемый заинтересованным лицом», «плата за процедуру» …"
    )
    graph_id: str = strawberry.field(
        description="Its graph id: the stable one, the same for every edition of a fact."
    )
    title: str | None = strawberry.field(description="Its title, name or label (Russian).")
    found_in: list[str] = strawberry.field(
        description="Where the words were found: its properties (`title`, `name`, `text`,"
        " `requirements` (требования к документу), `condition`, `electronicText`, `sourceText`"
        " (the row of the table as written: the apostille cell, the form of submission …)), or"
        " `number` / `citation` for an exact match."
    )
    procedures: list[str] = strawberry.field(
        description="The numbers of the procedures whose regulation states it (the procedure"
        " a document, a fee or a benefit belongs to); empty for what no regulation states."
    )
    snippet: str | None = strawberry.field(
        description="A passage of where the words were found, around the first (Russian)."
    )
    raw: strawberry.Private[Mapping[str, Any]]
    as_of: strawberry.Private[dt.date]

    @strawberry.field(description="The node itself.")
    def node(self) -> relay.Node:
        return build(self.raw, self.as_of)  # type: ignore[return-value]


def lucene_query(text: str, what: str = "search text") -> str:
    """The user's words as plain terms: no Lucene operators or syntax reach the index."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        raise UserError(f"{what} has no words")
    return " ".join(words)


def _passage(text: str, at: int) -> str:
    """`SNIPPET_CHARS` of `text` around `at`, its runs of spaces and blank lines (a table's empty
    cells) made one space."""
    start = max(0, at - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    passage = " ".join(text[start:end].split())
    return ("…" if start else "") + passage + ("…" if end < len(text) else "")


def found_in(row: Mapping[str, Any], terms: SearchTerms) -> list[str]:
    """The properties of a hit that hold a word (or synonym) of the search."""
    return [
        key for key in FIELDS if isinstance(row.get(key), str) and found_in_text(terms, row[key])
    ]


def snippet(row: Mapping[str, Any], terms: SearchTerms, fields: list[str]) -> str | None:
    """A passage of the first property the words were found in (else of its text)."""
    key = next(
        iter(fields),
        next(
            (k for k in ("text", "sourceText", "name", "title") if isinstance(row.get(k), str)),
            None,
        ),
    )
    text = row.get(key) if key else None
    if not isinstance(text, str) or not text:
        return None
    return _passage(text, first_found(terms, text))


# The labels the full-text indexes cover (schema/migrations/0003_fulltext.cypher and
# 0009_cell_search.cypher).
SEARCHABLE = (
    "LegalAct",
    "Provision",
    "Procedure",
    "Regulation",
    "DocumentRequirement",
    "RequestedInformation",
    "Registry",
    "IssuedDocument",
    "Authority",
    "Form",
    "PortalFact",
    "Fee",
    "Benefit",
)


def _title(row: Mapping[str, Any]) -> str | None:
    title = row.get("title") or row.get("name") or row.get("label")
    return str(title) if title is not None else None


def _exact(row: Mapping[str, Any], match: SearchMatch, as_of: dt.date) -> SearchHit:
    return SearchHit(
        score=None,
        match=match,
        type=row["_label"],
        kind=node_kind(row["_label"]),
        graph_id=str(row.get("currentId") or row["id"]),
        title=_title(row),
        found_in=[match.name.lower()],
        procedures=_procedures(row, []),
        snippet=None,
        raw=row,
        as_of=as_of,
    )


async def exact_ids(info: Info, text: str) -> tuple[SearchMatch, list[str]]:
    """What the text names exactly (`lexgraph.ways_in.named_ids`), the graph's acts known."""
    named = named_ids(text, await citation_context(info))
    match = SearchMatch.NUMBER if named.how is How.NUMBER else SearchMatch.CITATION
    return match, list(named.ids)


async def exact_hits(
    info: Info, text: str, types: list[str] | None, as_of: dt.date
) -> list[SearchHit]:
    """The nodes the text names exactly, of `types`, in the order it names them."""
    match, ids = await exact_ids(info, text)
    if not ids:
        return []
    records = await info.context.read("CITABLE_NODES_BY_ID", CITABLE_NODES_BY_ID, {"ids": ids})
    nodes = {r["id"]: r["node"] for r in records}
    return [
        _exact(nodes[i], match, as_of)
        for i in ids
        if i in nodes and (types is None or nodes[i]["_label"] in types)
    ]


async def search(
    info: Info, text: str, first: int, types: list[str] | None, as_of: dt.date
) -> list[SearchHit]:
    """The best `first` hits for `text` among what holds on `as_of`: an edition of a fact that
    held then, never one superseded before or introduced after (acts, units, procedures,
    authorities and registries hold at every date). What the text names exactly (a procedure's
    number, a reference) comes first; then what holds all its words."""
    paging.check_first(first, paging.largest_page(info), least=1)
    unknown = sorted(set(types or ()) - set(SEARCHABLE))
    if unknown:
        raise UserError(
            f"cannot search {', '.join(unknown)}: the searchable types are {', '.join(SEARCHABLE)}"
        )
    if len(text) > MAX_CITATION_TEXT:
        raise UserError(f"the search text is longer than {MAX_CITATION_TEXT} characters")
    try:
        terms = parse_search(text)
    except NoWords:
        raise UserError("search text has no words") from None
    # The exact match and the full text do not wait for each other: the latency is the longer
    # of the two, not their sum.
    hits, records = await asyncio.gather(
        exact_hits(info, text, types, as_of),
        info.context.read(
            "SEARCH_TEXT",
            SEARCH_TEXT,
            {"query": terms.lucene(), "limit": first, "types": types, "asOf": as_of},
        ),
    )
    seen = {h.graph_id for h in hits}
    for record in records:
        row = record["node"]
        graph_id = str(row.get("currentId") or row["id"])
        if graph_id in seen:
            continue
        fields = found_in(row, terms)
        hits.append(
            SearchHit(
                score=record["score"],
                match=SearchMatch.WORDS,
                type=row["_label"],
                kind=node_kind(row["_label"]),
                graph_id=graph_id,
                title=_title(row),
                found_in=fields,
                procedures=_procedures(row, record["procedures"]),
                snippet=snippet(row, terms, fields),
                raw=row,
                as_of=as_of,
            )
        )
    return hits[:first]


def _procedures(row: Mapping[str, Any], stated_in: list[str]) -> list[str]:
    """A procedure's own number, or the numbers of the procedures whose regulation states it."""
    if row["_label"] == "Procedure":
        return [str(row["number"])]
    return sorted(stated_in, key=_number_key)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


@strawberry.type(description="A unit a citation names (статья, пункт, часть …).")
class CitedUnit:
    e_id: str = strawberry.field(description="Path of the unit, e.g. `art_287__point_6__part_1`.")
    graph_id: str | None = strawberry.field(
        description="Graph id of the unit (`{act id}#{eId}`), when the act is resolved."
    )


@strawberry.type(description="A reference found in a text by the citation grammar.")
class ResolvedCitation:
    start: int = strawberry.field(description="Where it starts in the text (characters).")
    end: int = strawberry.field(description="Where it ends (exclusive).")
    text: str = strawberry.field(description="The reference as written.")
    kind: str = strawberry.field(
        description="`act` (a whole act), `provision` (units of an act) or `procedure`"
        " (a subpoint of the unified list)."
    )
    resolved: bool = strawberry.field(description="Whether the act is identified.")
    reason: str | None = strawberry.field(description="Why it is not resolved.")
    act_id: str | None = strawberry.field(description="Canonical id of the act, if resolved.")
    units: list[CitedUnit] = strawberry.field(description="The units named, in order.")
    procedure_number: str | None = strawberry.field(description="The procedure's number.")
    ids: list[str] = strawberry.field(
        description="Canonical graph ids of what it names: the units, else the act or procedure."
    )
    raw_nodes: strawberry.Private[list[Mapping[str, Any]]]
    as_of: strawberry.Private[dt.date]

    @strawberry.field(description="The nodes of the graph it names, those the graph holds.")
    def nodes(self) -> list[relay.Node]:
        return [build(row, self.as_of) for row in self.raw_nodes]  # type: ignore[misc]


# The known acts are kept per process and read again when the graph's stamp changes (an import),
# or at the latest after this long (what the stamp cannot see, e.g. a restore of another graph
# of the same size).
KNOWN_ACTS_TTL_S = 60.0


@dataclass(frozen=True, slots=True)
class _KnownActs:
    stamp: list[int]
    context: CitationContext
    read_at: float


# By (driver, database): one process may serve several graphs (the tests do).
_known_acts: dict[tuple[int, str], _KnownActs] = {}


def forget_known_acts() -> None:
    """Drop the kept known acts: the next request reads them from the graph."""
    _known_acts.clear()


async def citation_context(info: Info) -> CitationContext:
    """What the grammar may resolve by title or register number alone: the acts the graph
    knows."""
    context = info.context
    key = (id(context.driver), context.database)
    [record] = await context.read("KNOWN_ACTS_STAMP", KNOWN_ACTS_STAMP)
    stamp: list[int] = record["stamp"]
    kept = _known_acts.get(key)
    now = time.monotonic()
    if kept is not None and kept.stamp == stamp and now - kept.read_at < KNOWN_ACTS_TTL_S:
        return kept.context
    records = await context.read("KNOWN_ACTS", KNOWN_ACTS)
    _known_acts[key] = _KnownActs(stamp, known_acts(records), now)
    return _known_acts[key].context


@strawberry.input(description="The act the text belongs to, for references to itself.")
class CitingAct:
    act_id: str = strawberry.field(
        description="Graph id of the citing act, e.g. `by/code/housing`: «пунктом 1 статьи 62"
        " настоящего Кодекса» resolves to `by/code/housing#art_62__point_1`."
    )


async def resolve_citations(
    info: Info, text: str, citing: CitingAct | None, as_of: dt.date
) -> list[ResolvedCitation]:
    if len(text) > MAX_CITATION_TEXT:
        raise UserError(f"the text is longer than {MAX_CITATION_TEXT} characters")
    context = await citation_context(info)
    if citing is not None:
        context = replace(context, document_id=citing.act_id)
    found = parse_citations(text, context=context)
    ids = {c: canonical_ids(c) for c in found}
    wanted = sorted({i for each in ids.values() for i in each})
    nodes: dict[str, Mapping[str, Any]] = {}
    if wanted:
        records = await info.context.read(
            "CITABLE_NODES_BY_ID", CITABLE_NODES_BY_ID, {"ids": wanted}
        )
        nodes = {r["id"]: r["node"] for r in records}
    return [
        ResolvedCitation(
            start=c.span[0],
            end=c.span[1],
            text=c.text,
            kind=c.kind,
            resolved=c.resolved,
            reason=c.reason,
            act_id=c.act_id,
            units=[CitedUnit(e_id=u.e_id, graph_id=u.provision_id) for u in c.units],
            procedure_number=c.procedure,
            ids=ids[c],
            raw_nodes=[nodes[i] for i in ids[c] if i in nodes],
            as_of=as_of,
        )
        for c in found
    ]
