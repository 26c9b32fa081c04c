"""`Query.search` (the full-text index) and `Query.resolveCitations` (the citation grammar)."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import strawberry
from strawberry import relay

from lexgraph.api import paging
from lexgraph.api.context import Info
from lexgraph.api.errors import UserError
from lexgraph.api.nodes import build
from lexgraph.citations import Citation, CitationContext, KnownAct, parse_citations
from lexgraph.graph.reads.catalog import KNOWN_ACTS, KNOWN_ACTS_STAMP, SEARCH_TEXT
from lexgraph.graph.reads.nodes import CITABLE_NODES_BY_ID

MAX_CITATION_TEXT = 20_000
SNIPPET_CHARS = 160
WORD = re.compile(r"\w+")


@strawberry.type(description="One search hit, best first.")
class SearchHit:
    score: float = strawberry.field(description="Relevance (Lucene score); higher is better.")
    type: str = strawberry.field(description="Its type (`Procedure`, `Provision` …).")
    graph_id: str = strawberry.field(
        description="Its graph id: the stable one, the same for every edition of a fact."
    )
    title: str | None = strawberry.field(description="Its title, name or label (Russian).")
    snippet: str | None = strawberry.field(
        description="A passage of its text around the first word found (Russian)."
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


def snippet(row: Mapping[str, Any], words: list[str]) -> str | None:
    text: str | None = next(
        (row[k] for k in ("text", "sourceText", "name", "title") if isinstance(row.get(k), str)),
        None,
    )
    if not text:
        return None
    lowered = text.lower()
    # The index stems Russian words; a word's first letters find its other forms in the text.
    found = [i for w in words if (i := lowered.find(w[: max(4, len(w) - 3)])) >= 0]
    at = min(found) if found else 0
    start = max(0, at - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


# The labels the full-text index covers (schema/migrations/0003_fulltext.cypher).
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
)


async def search(
    info: Info, text: str, first: int, types: list[str] | None, as_of: dt.date
) -> list[SearchHit]:
    """The best `first` hits for `text` among what holds on `as_of`: an edition of a fact that
    held then, never one superseded before or introduced after (acts, units, procedures,
    authorities and registries hold at every date)."""
    paging.check_first(first, paging.largest_page(info), least=1)
    unknown = sorted(set(types or ()) - set(SEARCHABLE))
    if unknown:
        raise UserError(
            f"cannot search {', '.join(unknown)}: the searchable types are {', '.join(SEARCHABLE)}"
        )
    query = lucene_query(text)
    records = await info.context.read(
        "SEARCH_TEXT",
        SEARCH_TEXT,
        {"query": query, "limit": first, "types": types, "asOf": as_of},
    )
    words = query.split()
    hits = []
    for record in records:
        row = record["node"]
        hits.append(
            SearchHit(
                score=record["score"],
                type=row["_label"],
                graph_id=str(row.get("currentId") or row["id"]),
                title=row.get("title") or row.get("name") or row.get("label"),
                snippet=snippet(row, words),
                raw=row,
                as_of=as_of,
            )
        )
    return hits


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
    known = tuple(
        KnownAct(
            r["id"],
            r["kind"],
            r["title"],
            (r["shortTitle"],) if r["shortTitle"] else (),
            register=r["register"],  # the National Register's number («8/40012»), if imported
        )
        for r in records
    )
    _known_acts[key] = _KnownActs(stamp, CitationContext(acts=known), now)
    return _known_acts[key].context


def canonical_ids(citation: Citation) -> list[str]:
    if citation.kind == "procedure" and citation.procedure:
        return [f"procedure/{citation.procedure}"]
    units = [u.provision_id for u in citation.units if u.provision_id]
    if units:
        return units
    return [citation.act_id] if citation.act_id else []


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
