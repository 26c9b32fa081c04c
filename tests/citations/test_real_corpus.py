"""The grammar on real strings from public Belarusian legal texts (see ``real_corpus.py``)."""

from __future__ import annotations

import pytest

import lexgraph.citations as citations

from .real_corpus import CASES, Case
from .real_sources import SOURCES
from .score import parser_for, score, score_case

PARSE = parser_for(citations)


def test_corpus_is_large_sourced_and_has_traps() -> None:
    assert len(CASES) >= 300
    assert all(c.source in SOURCES for c in CASES)
    assert sum(1 for c in CASES if not c.expected) >= 30
    assert len({c.text for c in CASES}) == len(CASES)


def test_targets() -> None:
    total = score(PARSE)["all"]
    assert total.recall >= 0.95, total.misses
    assert total.precision >= 0.99, total.misses
    assert total.unit_rate >= 0.90
    assert total.wrong_provisions == []


@pytest.mark.parametrize("case", [c for c in CASES if not c.expected], ids=lambda c: c.text[:40])
def test_trap_yields_nothing(case: Case) -> None:
    assert PARSE(case) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.category}:{c.text[:40]}")
def test_no_wrong_provision(case: Case) -> None:
    assert score_case(case, PARSE(case)).wrong_provisions == []
