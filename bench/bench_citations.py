"""Throughput of the citation grammar on the sample corpus (a benchmark, not a test).

Usage: .venv/bin/python bench/bench_citations.py [rounds]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from lexgraph.citations import CitationContext, parse_citations

CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"


def main(rounds: int = 20) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    chars = sum(map(len, texts))
    started = time.perf_counter()
    first = sum(len(parse_citations(t, context=CitationContext())) for t in texts)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            parse_citations(t, context=CitationContext())
    warm = (time.perf_counter() - started) / rounds
    print(f"corpus: {len(texts)} documents, {chars} characters, {first} references")
    print(f"first pass (loads pymorphy3): {cold * 1000:.0f} ms")
    rate = f"{first / warm:,.0f} references/s, {chars / warm:,.0f} chars/s"
    print(f"warm pass: {warm * 1000:.1f} ms, {rate}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
