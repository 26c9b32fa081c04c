"""The one write the API offers: importing a source document, for the bearer of the API token.

The mutation type exists only on a server with `LEXGRAPH_API_TOKEN` set (`build_schema(writes=
True)`); without it the schema has no mutations at all, and introspection shows a read-only API.
The import is the importer's own (`lexgraph.importing.import_document`): the document is routed by
its content, checked as a file would be, and written in one transaction, so a refused document
changes nothing and importing the same text twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

import strawberry

from importers.base import DocumentError
from importers.formats import to_source
from lexgraph.api.amend import AmendmentPreview, amend
from lexgraph.api.context import Info
from lexgraph.api.errors import UserError
from lexgraph.importing import DocumentResult, import_document

# A file name as a ministry publishes it: letters (Cyrillic too), digits, dots, dashes, spaces.
_DOCUMENT_NAME = re.compile(r"[\w][\w .,()+-]{0,199}")


class Unauthenticated(UserError):
    """A write without the API token (or with a wrong one)."""


class DocumentRejected(UserError):
    """A document the importer cannot take; the message says where and what was expected."""


@strawberry.type(description="What importing one source document wrote.")
class ImportedDocument:
    name: str = strawberry.field(description="The document's file name, as sent.")
    document_type: str = strawberry.field(
        description="How it was recognized: `mvd_regulations`, `portal_news`, `portal_guide`."
    )
    source_document_id: str = strawberry.field(
        description="Graph id of its `SourceDocument` (provenance of everything it states)."
    )
    nodes: int = strawberry.field(description="Nodes the document states.")
    edges: int = strawberry.field(description="Relationships the document states.")
    removed_nodes: int = strawberry.field(
        description="Nodes of an earlier import of it that it no longer states, removed."
    )
    removed_edges: int = strawberry.field(
        description="Relationships of an earlier import of it that it no longer states, removed."
    )
    unresolved_citations: int = strawberry.field(
        description="References the citation grammar could not resolve (kept, with reasons)."
    )
    version: str | None = strawberry.field(description="The version this text is.")
    previous_version: str | None = strawberry.field(
        description="The version this text replaced (a new edition), if any."
    )

    @classmethod
    def from_result(cls, name: str, result: DocumentResult) -> ImportedDocument:
        summary = result.summary
        if summary is None or result.document_type is None:
            raise DocumentRejected(result.error or f"{name}: not imported")
        return cls(
            name=name,
            document_type=result.document_type,
            source_document_id=summary.document_id,
            nodes=summary.nodes,
            edges=summary.edges,
            removed_nodes=summary.removed_nodes,
            removed_edges=summary.removed_edges,
            unresolved_citations=result.unresolved,
            version=summary.version,
            previous_version=summary.previous_version,
        )


def _arg(description: str) -> object:
    return strawberry.argument(description=description)


@strawberry.type(description="Writes; only with `Authorization: Bearer <LEXGRAPH_API_TOKEN>`.")
class Mutation:
    @strawberry.mutation(
        description="Import a source document (its text, UTF-8) as `lexgraph import` would:"
        " routed by content, one transaction, idempotent; a new text of a document imported"
        " before becomes its next version."
    )
    async def import_document(
        self,
        info: Info,
        name: Annotated[str, _arg("The file name, e.g. `004_85fdc72f4cf61fef.txt`.")],
        text: Annotated[str, _arg("The document's text.")],
        effective_from: Annotated[
            dt.date | None, _arg("The day a new text of a known document takes effect.")
        ] = None,
    ) -> ImportedDocument:
        context = info.context
        if not context.may_write:
            raise Unauthenticated(
                "writing needs the API token: send `Authorization: Bearer <token>`"
            )
        if not _DOCUMENT_NAME.fullmatch(name):
            raise DocumentRejected(
                "`name` must be a plain file name (letters, digits, `._-`, spaces; no folders),"
                f" of at most 200 characters; got {name[:60]!r}"
            )
        raw = text.encode("utf-8", errors="surrogatepass")
        limit = context.settings.max_document_bytes
        if len(raw) > limit:
            raise DocumentRejected(
                f"{name}: expected a document of at most {limit} bytes"
                f" (LEXGRAPH_MAX_DOCUMENT_MB), found {len(raw)}"
            )
        try:
            document = to_source(name, raw)  # HTML and browser copies too, by name and content
        except DocumentError as error:
            raise DocumentRejected(str(error)) from None
        context.round_trips.append("IMPORT_DOCUMENT")
        result = await import_document(
            context.driver, context.database, document, effective_from=effective_from
        )
        return ImportedDocument.from_result(name, result)

    @strawberry.mutation(
        description="Read an amending act («О внесении изменений …») and apply it to the text in"
        " force, as `lexgraph amend` does: each instruction applied or refused with why, the"
        " facts that change and their impact. A dry run (the default) writes nothing; otherwise"
        " the next edition is written with the act's effects in one transaction when every"
        " instruction applies, else the effects alone, none applied. An act applied before"
        " changes nothing."
    )
    async def amend(
        self,
        info: Info,
        text: Annotated[str, _arg("The amending act's text.")],
        current: Annotated[
            str, _arg("The amended act's text in force (the graph keeps facts, not texts).")
        ],
        current_name: Annotated[
            str, _arg("The file name the text in force was imported under.")
        ] = "current.txt",
        dry_run: Annotated[bool, _arg("Only show; write nothing (the default).")] = True,
        effective_from: Annotated[
            dt.date | None, _arg("The day the changes take effect (default: the act's own).")
        ] = None,
    ) -> AmendmentPreview:
        context = info.context
        if not context.may_write:
            raise Unauthenticated(
                "writing needs the API token: send `Authorization: Bearer <token>`"
            )
        limit = context.settings.max_document_bytes
        for name, value in (("text", text), ("current", current)):
            size = len(value.encode("utf-8", errors="surrogatepass"))
            if size > limit:
                raise DocumentRejected(
                    f"`{name}`: expected at most {limit} bytes (LEXGRAPH_MAX_DOCUMENT_MB),"
                    f" found {size}"
                )
        if not _DOCUMENT_NAME.fullmatch(current_name):
            raise DocumentRejected("`currentName` must be a plain file name (no folders)")
        return await amend(info, text, current, current_name, dry_run, effective_from)
