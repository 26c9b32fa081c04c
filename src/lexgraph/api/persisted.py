"""Persisted-documents mode: the API runs only the named documents of `queries/`, by hash.

A public endpoint that runs any document a client writes must defend against every document; one
that runs only documents its owners wrote and reviewed needs no such defence. With
`LEXGRAPH_PERSISTED_DOCUMENTS=1` a request names its document by the SHA-256 of the file's text,
in either of the two forms clients send:

- `{"documentId": "sha256:<hex>", "variables": …}` (GraphQL over HTTP's trusted documents;
  GraphQL Code Generator's persisted documents);
- `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}, …}` (Apollo Client
  and urql persisted queries).

A request sending the document's full text is served too when the text is one of them, byte for
byte. `lexgraph persisted-documents` prints the manifest (hash → text) for client builds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lexgraph.api.graphiql import Example, load_examples

HASH_PREFIX = "sha256:"


def document_hash(text: str) -> str:
    """The hex SHA-256 of a document's text (UTF-8), as clients compute it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class DocumentRefused(Exception):
    """A request the persisted-documents mode does not run; `code` goes to `extensions.code`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class PersistedDocuments:
    """The documents a server in persisted mode runs, by hash."""

    by_hash: Mapping[str, Example]

    @classmethod
    def from_examples(cls, examples: Iterable[Example]) -> PersistedDocuments:
        return cls({document_hash(e.query): e for e in examples})

    @classmethod
    def from_folder(cls, folder: Path | None = None) -> PersistedDocuments:
        return cls.from_examples(load_examples(folder))

    def manifest(self) -> dict[str, str]:
        """`sha256:<hex>` → document text, the shape client build tools read and write."""
        return {HASH_PREFIX + h: e.query for h, e in sorted(self.by_hash.items())}

    def admit(self, query: str | None, body: Mapping[str, Any]) -> str:
        """The text of the document the request names, or `DocumentRefused` saying why not."""
        wanted = _requested_hash(body)
        if wanted is None:
            if query is None:
                raise DocumentRefused(
                    "PERSISTED_DOCUMENT_REQUIRED",
                    "this server runs only its persisted documents: send `documentId`"
                    ' ("sha256:<hash>") or `extensions.persistedQuery.sha256Hash`',
                )
            wanted = document_hash(query)
            if wanted not in self.by_hash:
                raise DocumentRefused(
                    "PERSISTED_DOCUMENT_REQUIRED",
                    "this server runs only its persisted documents (the named documents of"
                    " `queries/`), and this text is none of them",
                )
        found = self.by_hash.get(wanted)
        if found is None:
            raise DocumentRefused(
                "PERSISTED_DOCUMENT_NOT_FOUND",
                f"no persisted document has the hash {wanted!r}",
            )
        if query is not None and document_hash(query) != wanted:
            raise DocumentRefused(
                "PERSISTED_DOCUMENT_MISMATCH",
                "the document's text does not match the hash sent with it",
            )
        return found.query


def _requested_hash(body: Mapping[str, Any]) -> str | None:
    document_id = body.get("documentId")
    if document_id is not None:
        if not isinstance(document_id, str):
            raise DocumentRefused("BAD_REQUEST", "`documentId` must be a string")
        return document_id.removeprefix(HASH_PREFIX).lower()
    extensions = body.get("extensions")
    persisted = extensions.get("persistedQuery") if isinstance(extensions, Mapping) else None
    if persisted is None:
        return None
    sha = persisted.get("sha256Hash") if isinstance(persisted, Mapping) else None
    if not isinstance(sha, str):
        raise DocumentRefused(
            "BAD_REQUEST", "`extensions.persistedQuery.sha256Hash` must be a string"
        )
    return sha.lower()
