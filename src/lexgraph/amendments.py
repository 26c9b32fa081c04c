"""An amending act applied to the text in force, and its effects written with the edition.

The one path the command line (`lexgraph amend`) and the API (`amend`) take: read the amending
act (`importers.amending`), apply it to the text in force (`importers.amend_apply`), then, to
write, either import the new text as the next edition with the effects in its transaction (every
instruction applied), or record the effects alone as not applied (an instruction refused: an
edition missing one of its changes would be silently wrong).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from neo4j import AsyncDriver, AsyncManagedTransaction

from importers.amend_apply import AppliedText, apply_instructions
from importers.amending import Amendment, parse_amendment
from importers.base import DocumentError, SourceDocument
from lexgraph.graph.effects import EffectsWritten, FactLines, record_effects
from lexgraph.graph.loader import AfterEdition, LoadSummary
from lexgraph.importing import build, document_type

__all__ = ["Amending", "EffectsSink", "read_amendment", "record_unapplied"]


@dataclass(frozen=True, slots=True)
class Amending:
    """An amending act read and applied to a text: the instructions' outcomes and the new text."""

    amendment: Amendment
    result: AppliedText
    current: SourceDocument
    effective: dt.date | None

    @property
    def new_text(self) -> SourceDocument:
        """The new text under the name of the one it amends: the same document, a new edition."""
        return SourceDocument(name=self.current.name, text=self.result.text)

    def fact_lines(self) -> tuple[FactLines, FactLines]:
        """Where each fact stands in the text in force and in the new text (as read by the
        document's own reader), to trace the facts to the instructions."""
        return _fact_lines(self.current), _fact_lines(self.new_text)

    @property
    def writable(self) -> bool:
        """Every instruction applies: the new text may become an edition."""
        return not self.result.refused


def _fact_lines(document: SourceDocument) -> FactLines:
    batch, _ = build(document, document_type(document), {})
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for node in batch.nodes.values():
        first, last = node.properties.get("lineStart"), node.properties.get("lineEnd")
        if node.owned and isinstance(first, int) and isinstance(last, int):
            found[(node.label, node.id)] = (first, last)
    return found


def read_amendment(
    amending: SourceDocument, current: SourceDocument, effective: dt.date | None = None
) -> Amending:
    """Read `amending` and apply it to `current`; `effective` overrides the act's own day."""
    amendment = parse_amendment(amending)
    if amendment.act_id is None or amendment.amended_act_id is None:
        raise DocumentError(
            amending.name, None, "an amending act naming itself and the act it amends", "neither"
        )
    result = apply_instructions(current.text, amendment.instructions)
    return Amending(amendment, result, current, effective or amendment.effective)


@dataclass(slots=True)
class EffectsSink:
    """The `after` of an edition's import that writes the effects in its transaction, and keeps
    what it wrote."""

    amending: Amending
    written: list[EffectsWritten] = field(default_factory=list)

    @property
    def after(self) -> AfterEdition:
        # Read the texts before the transaction opens: nothing waits on a lock while they parse.
        lines = self.amending.fact_lines()

        async def write(tx: AsyncManagedTransaction, summary: LoadSummary) -> None:
            written = await record_effects(
                tx,
                self.amending.amendment,
                self.amending.result,
                self.amending.effective,
                edition=summary.version,
                diff=None if summary.unchanged else summary.diff,
                previous=summary.previous_version,
                lines=lines,
            )
            self.written.append(written)

        return write

    @property
    def result(self) -> EffectsWritten | None:
        return self.written[-1] if self.written else None


async def record_unapplied(
    driver: AsyncDriver, database: str, amending: Amending
) -> EffectsWritten:
    """Record the effects of an act some instruction of which is refused: none applied, each
    with why; no edition. Effects of the act already applied are left as they are."""

    async def work(tx: AsyncManagedTransaction) -> EffectsWritten:
        return await record_effects(
            tx,
            amending.amendment,
            amending.result,
            amending.effective,
            edition=None,
            diff=None,
        )

    async with driver.session(database=database) as session:
        return await session.execute_write(work)
