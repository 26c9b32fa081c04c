"""Every reference of the sample corpus, verbatim, with its expected structure."""

from __future__ import annotations

import pytest

from lexgraph.citations import CitationContext, parse_citations

from .corpus_gold import GOLD, Row
from .metrics import CORPUS, predicted_rows, score


def test_gold_table_is_large_and_verbatim() -> None:
    assert len(GOLD) >= 150
    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    for name, start, end, text, *_ in GOLD:
        assert texts[name][start:end] == text


@pytest.mark.parametrize("row", GOLD, ids=lambda r: f"{r[0][:3]}@{r[1]}")
def test_reference_alone(row: Row) -> None:
    """Each reference parsed on its own, with the acts of the corpus known to the context."""
    _, _, _, text, kind, act_id, e_ids, procedure = row
    found = parse_citations(text, context=_KNOWN)
    assert len(found) == 1
    c = found[0]
    assert (c.kind, c.act_id, tuple(u.e_id for u in c.units), c.procedure) == (
        kind,
        act_id,
        e_ids,
        procedure,
    )
    assert c.span == (0, len(text))


def test_precision_and_recall_on_corpus() -> None:
    s = score()
    missing = set(GOLD) - set(predicted_rows())
    assert not missing
    assert (s.precision, s.recall) == (1.0, 1.0)


def _known_context() -> CitationContext:
    context = CitationContext(document_id="by/resolution/mvd/2023-05-19/102")
    for path in sorted(CORPUS.glob("*.txt")):
        context = context.learn(parse_citations(path.read_text(encoding="utf-8")))
    return context


_KNOWN = _known_context()
