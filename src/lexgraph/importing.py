"""`lexgraph import`: source files → parsers → graph records → Neo4j, one transaction per document.

Each file is recognized by its content and routed to its parser under `importers/`. A document that
fails (bad encoding, unknown type, a missing section …) is reported with file, line and what was
expected, and leaves the graph as it was; the other documents still import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import LiteralString

from neo4j import AsyncDriver, RoutingControl
from neo4j.exceptions import ClientError

import importers
from importers.base import DocumentError, SourceDocument, read_bounded
from importers.formats import to_source
from importers.mvd_graph import build_mvd_resolution
from importers.mvd_regulations import looks_like_mvd_resolution, parse_mvd_resolution
from importers.portal_graph import build_portal_guide, build_portal_news, match_procedure
from importers.portal_guide import looks_like_portal_guide, parse_portal_guide
from importers.portal_news import looks_like_portal_news, parse_portal_news
from lexgraph.config import DEFAULT_MAX_DOCUMENT_MB
from lexgraph.graph import first_texts
from lexgraph.graph.editions import EditionRefused
from lexgraph.graph.loader import AfterEdition, LoadSummary, load_batch
from lexgraph.graph.records import GraphBatch

MAX_DOCUMENT_BYTES = int(DEFAULT_MAX_DOCUMENT_MB * 1024 * 1024)
KNOWN_PROCEDURES = "MATCH (p:Procedure) RETURN p.number AS number, p.title AS title"

# Regulations come first: portal texts are matched against the procedures they define.
DOCUMENT_TYPES = ("mvd_regulations", "portal_news", "portal_guide")


def sample_corpus_dir() -> Path:
    """The bundled sample corpus (copies of the source documents the project ships)."""
    return Path(importers.__file__).resolve().parent / "corpus"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    path: str
    document_type: str | None
    summary: LoadSummary | None = None
    nodes_by_label: Mapping[str, int] = field(default_factory=dict)
    edges_by_type: Mapping[str, int] = field(default_factory=dict)
    unresolved: int = 0
    error: str | None = None
    ignored: tuple[str, ...] = ()
    """What the parser left out of the text as residue (page footers …), one line each."""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def version_note(self) -> str | None:
        """What a new text of a document already imported changed, in one line (None when the
        text is new to the graph or the same as before)."""
        summary = self.summary
        if summary is None or summary.diff is None:
            return None
        diff = summary.diff
        return (
            f"{Path(self.path).name}: new version {summary.version} follows"
            f" {summary.previous_version}: {len(diff.changed)} facts changed,"
            f" {len(diff.added)} added, {len(diff.removed)} removed (kept, closed),"
            f" {len(diff.moved)} renumbered"
        )


@dataclass(frozen=True, slots=True)
class ImportReport:
    documents: tuple[DocumentResult, ...]

    @property
    def failed(self) -> tuple[DocumentResult, ...]:
        return tuple(d for d in self.documents if not d.ok)


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the files inside folders named (not hidden), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return found


def document_type(document: SourceDocument) -> str:
    if looks_like_mvd_resolution(document):
        return "mvd_regulations"
    if looks_like_portal_news(document):
        return "portal_news"
    if looks_like_portal_guide(document):
        return "portal_guide"
    first = next((line.strip() for line in document.lines if line.strip()), "")
    raise DocumentError(
        document.name,
        1,
        "a known document type (an act of a state body approving procedure regulations,"
        " or an e-services portal text)",
        f"«{first[:80]}»",
    )


def build(
    document: SourceDocument, kind: str, procedures: Mapping[str, str]
) -> tuple[GraphBatch, int]:
    """Parse and build one document; returns its batch and its unresolved-citation count."""
    checksum = hashlib.sha256(document.text.encode()).hexdigest()
    lines = len(document.lines)
    if kind == "mvd_regulations":
        batch = build_mvd_resolution(
            parse_mvd_resolution(document), checksum=checksum, line_count=lines
        )
    elif kind == "portal_news":
        batch = build_portal_news(
            parse_portal_news(document), procedures, checksum=checksum, line_count=lines
        )
    else:
        batch = build_portal_guide(
            parse_portal_guide(document), checksum=checksum, line_count=lines
        )
    unresolved = sum(1 for label, _ in batch.nodes if label == "UnresolvedCitation")
    return batch, unresolved


def stating_act(batch: GraphBatch) -> str | None:
    """The act a document is the text of (not one it merely cites), if it is an act's text."""
    for node in batch.nodes.values():
        if (
            node.label == "LegalAct"
            and node.properties.get("sourceDocument") == batch.document_id
            and node.properties.get("onlyCited") is False
        ):
            return node.id
    return None


async def known_procedures(driver: AsyncDriver, database: str) -> dict[str, str]:
    records, _, _ = await driver.execute_query(
        KNOWN_PROCEDURES, database_=database, routing_=RoutingControl.READ
    )
    return {r["number"]: r["title"] for r in records if r["number"] and r["title"]}


async def import_paths(
    driver: AsyncDriver,
    database: str,
    paths: Iterable[Path],
    *,
    on_document: Callable[[DocumentResult], None] | None = None,
    effective_from: dt.date | None = None,
    max_document_bytes: int | None = MAX_DOCUMENT_BYTES,
    forced_type: str | None = None,
    force: bool = False,
    on_start: Callable[[Path, int, int], None] | None = None,
) -> ImportReport:
    """Import every document under `paths`; failures are reported, never half-written.
    `on_start(path, done, total)` is told each document as it starts (for a progress bar),
    `on_document` each result as it is committed.

    A document imported before with a different text becomes a new version that takes effect on
    `effective_from` (default: today); the old text's facts are kept, closed on that day."""
    read: list[tuple[Path, SourceDocument | None, str | None, str | None]] = []
    for path in discover(paths):
        try:
            source = to_source(path.name, read_bounded(path, max_document_bytes))
            recognized = forced_type or document_type(source)
            if recognized not in DOCUMENT_TYPES:
                raise DocumentError(
                    path.name, None, f"a type among {', '.join(DOCUMENT_TYPES)}", f"«{recognized}»"
                )
            read.append((path, source, recognized, None))
        except DocumentError as error:
            read.append((path, None, None, str(error)))
        except OSError as error:
            read.append((path, None, None, f"{path}: cannot be read ({error.strerror})"))
        except Exception as error:  # a bug in a recognizer must not stop the other documents
            read.append((path, None, None, str(_unexpected(path, error))))

    def order(item: tuple[Path, SourceDocument | None, str | None, str | None]) -> int:
        kind = item[2]
        return DOCUMENT_TYPES.index(kind) if kind in DOCUMENT_TYPES else -1

    results: list[DocumentResult] = []
    for index, (path, parsed, kind, problem) in enumerate(sorted(read, key=order)):
        if on_start is not None:
            on_start(path, index, len(read))
        if parsed is None or kind is None:
            result = DocumentResult(str(path), None, error=problem)
        else:
            result = await _import_one(
                driver, database, path, parsed, kind, effective_from, force=force
            )
        results.append(result)
        if on_document is not None:
            on_document(result)
    await link_portal_claims(driver, database)
    return ImportReport(tuple(results))


async def import_document(
    driver: AsyncDriver,
    database: str,
    document: SourceDocument,
    *,
    path: Path | None = None,
    effective_from: dt.date | None = None,
    after: AfterEdition | None = None,
) -> DocumentResult:
    """Import one document already read (e.g. a new text under the name of the document it
    replaces, as `lexgraph diff --apply` does); `after` writes more in its transaction (the
    effects of the amending act that made the text)."""
    try:
        kind = document_type(document)
    except DocumentError as error:
        return DocumentResult(str(path or document.name), None, error=str(error))
    result = await _import_one(
        driver, database, path or Path(document.name), document, kind, effective_from, after=after
    )
    await link_portal_claims(driver, database)
    return result


def _unexpected(path: Path, error: Exception) -> DocumentError:
    return DocumentError(
        path.name,
        None,
        "a document the importer can read",
        f"an unexpected {type(error).__name__} in the parser ({error}); please report it",
    )


async def _import_one(
    driver: AsyncDriver,
    database: str,
    path: Path,
    document: SourceDocument,
    kind: str,
    effective_from: dt.date | None = None,
    *,
    force: bool = False,
    after: AfterEdition | None = None,
) -> DocumentResult:
    try:
        batch, unresolved = build(document, kind, {})
        known = await _known_as(driver, database, batch)
        if known is not None and known != batch.document_id:
            # The same text, or another text of the same act, under another file name: an
            # edition of the document the graph already has, never a second document.
            renamed = SourceDocument(known.removeprefix("source/"), document.text)
            batch, unresolved = build(renamed, kind, {})
    except DocumentError as error:
        return DocumentResult(str(path), kind, error=str(error))
    except Exception as error:  # a parser bug fails this document only, never the whole import
        return DocumentResult(str(path), kind, error=str(_unexpected(path, error)))
    try:
        summary = await load_batch(
            driver,
            batch,
            database,
            stated_in=stating_act(batch),
            effective_from=effective_from,
            force=force,
            file_name=path.name,
            after=after,
        )
    except EditionRefused as error:
        return DocumentResult(str(path), kind, error=f"{path.name}: {error}")
    except ClientError as error:  # refused by Neo4j: the transaction rolled back, nothing written
        found = f"{error.code}: {error.message}"
        return DocumentResult(str(path), kind, error=f"{path.name}: Neo4j refused it ({found})")
    return DocumentResult(
        str(path),
        kind,
        summary=summary,
        nodes_by_label=batch.count_by_label(),
        edges_by_type=batch.count_by_type(),
        unresolved=unresolved,
        ignored=tuple(batch.ignored),
    )


# A text is known by its checksum (any edition of any document), else by the act it is the
# text of; never by its file name alone.
KNOWN_AS: LiteralString = """
CALL () {
  MATCH (v:Version {checksum: $checksum}) RETURN v.sourceDocument AS document, 0 AS rank
  UNION
  MATCH (v:Version {actId: $act}) RETURN v.sourceDocument AS document, 1 AS rank
}
RETURN document ORDER BY rank, document LIMIT 1
"""


async def _known_as(driver: AsyncDriver, database: str, batch: GraphBatch) -> str | None:
    """The document the graph already holds this text as: the one with the same text, else the
    one of the same act. None when the text is new to the graph."""
    records, _, _ = await driver.execute_query(
        KNOWN_AS,
        checksum=first_texts.checksum(batch),
        act=stating_act(batch) or "",
        database_=database,
        routing_=RoutingControl.READ,
    )
    return str(records[0]["document"]) if records else None


ELECTRONIC_CLAIMS: LiteralString = """
MATCH (f:PortalFact {kind: 'electronic_availability'}) WHERE f.matchKey IS NOT NULL
RETURN elementId(f) AS fact, f.matchKey AS matchKey
"""

# A claim `ABOUT` the procedure its title names: derived from the claims and the procedures in
# the graph after every import, so it does not matter which was imported first. The edge carries
# the claim's own provenance and time.
LINK_CLAIMS: LiteralString = """
CALL () {
  MATCH (f:PortalFact)-[r:ABOUT]->(p:Procedure)
  WHERE NOT [elementId(f), p.id] IN [link IN $links | [link.fact, link.procedure]]
  DELETE r
}
UNWIND $links AS link
MATCH (f) WHERE elementId(f) = link.fact
MATCH (p:Procedure {id: link.procedure})
MERGE (f)-[r:ABOUT {key: ''}]->(p)
SET r = {key: '', matchedBy: 'title', sourceDocument: f.sourceDocument,
         lineStart: f.lineStart, lineEnd: f.lineEnd, sourceText: f.sourceText,
         version: f.version, validFrom: f.validFrom, validTo: f.validTo,
         supersededBy: f.supersededBy}
"""


async def link_portal_claims(driver: AsyncDriver, database: str) -> int:
    """Join every portal claim to the procedure whose title it names; returns the links."""
    procedures = await known_procedures(driver, database)
    records, _, _ = await driver.execute_query(
        ELECTRONIC_CLAIMS, database_=database, routing_=RoutingControl.READ
    )
    links = [
        {"fact": r["fact"], "procedure": f"procedure/{number}"}
        for r in records
        if (number := match_procedure(r["matchKey"], procedures)) is not None
    ]
    await driver.execute_query(LINK_CLAIMS, links=links, database_=database)
    return len(links)
