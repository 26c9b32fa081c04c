"""Precision and recall of the parser on the sample corpus against the gold annotations.

Run as a script (``python -m tests.citations.metrics``) to print the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lexgraph.citations import CitationContext, parse_citations

from .corpus_gold import DOCUMENT_IDS, GOLD, Row

CORPUS = Path(__file__).resolve().parents[2] / "importers" / "corpus"


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0


def predicted_rows() -> list[Row]:
    rows: list[Row] = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        context = CitationContext(document_id=DOCUMENT_IDS.get(path.name[:3]))
        for c in parse_citations(text, context=context):
            e_ids = tuple(u.e_id for u in c.units)
            rows.append((path.name, *c.span, c.text, c.kind, c.act_id, e_ids, c.procedure))
    return rows


def score() -> Score:
    """A prediction counts only if span, kind, act id, every eId and procedure all match."""
    predicted = set(predicted_rows())
    gold = set(GOLD)
    return Score(len(predicted & gold), len(predicted), len(gold))


if __name__ == "__main__":
    s = score()
    print(f"gold {s.gold}, predicted {s.predicted}, correct {s.true_positives}")
    print(f"precision {s.precision:.3f}, recall {s.recall:.3f}")
