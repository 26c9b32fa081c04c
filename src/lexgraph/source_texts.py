"""The texts of source documents, for reading a provenance's lines in their document.

The graph keeps facts and the lines that state them, not whole texts. The server holds the texts
it ships (the bundled sample corpus, `importers/corpus/`); a text is given for an edition only
when a file's text, read as the importer reads it, has that edition's SHA-256: a file of another
edition would put every line number off, silently, so it is never shown in its place.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from importers.base import DocumentError, SourceDocument
from lexgraph.importing import sample_corpus_dir

__all__ = ["text_by_checksum"]


def text_by_checksum(checksum: str | None) -> str | None:
    """The text whose SHA-256 is `checksum`, if the server holds it."""
    if not checksum:
        return None
    path = _held_texts().get(checksum)
    if path is None:
        return None
    return _read(path)


@lru_cache(maxsize=1)
def _held_texts() -> dict[str, Path]:
    """SHA-256 → file, over the texts the server ships (read once: they do not change)."""
    held: dict[str, Path] = {}
    for path in sorted(sample_corpus_dir().glob("*.txt")):
        text = _read(path)
        if text is not None:
            held[hashlib.sha256(text.encode()).hexdigest()] = path
    return held


def _read(path: Path) -> str | None:
    try:
        return SourceDocument.read(path).text
    except (DocumentError, OSError):
        return None
