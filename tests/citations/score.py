"""Recall, precision and exact units of the citation grammar on the real corpus, by category.

Usage::

    .venv/bin/python -m tests.citations.score              # the grammar of this checkout
    .venv/bin/python -m tests.citations.score --baseline main   # and the grammar at a git revision

A reference is found when a citation of the string has the expected act id (``?`` matches any
unresolved citation). Exact units counts expected unit eIds found on the matched citation; a
wrong provision is a provision id the grammar gave that the text does not name.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .real_corpus import CASES, Case

Found = tuple[str, tuple[str, ...]]
Parser = Callable[[Case], list[Found]]
ROOT = Path(__file__).resolve().parents[2]


def expected_refs(case: Case) -> list[Found]:
    refs: list[Found] = []
    for entry in case.expected:
        act, _, units = entry.partition("#")
        refs.append((act, tuple(units.split())))
    return refs


def parser_for(module: ModuleType) -> Parser:
    """A parser of cases on the citation package ``module`` (this one or a baseline)."""

    def parse(case: Case) -> list[Found]:
        context = module.CitationContext(document_id=case.document)
        found: list[Found] = []
        for c in module.parse_citations(case.text, context=context):
            if c.kind == "procedure":
                found.append((f"procedure:{c.procedure}", ()))
                continue
            act = c.act_id or "?"
            # Every provision id given counts, even under an unresolved act (it must not happen).
            units = tuple(u.e_id for u in c.units if u.provision_id)
            found.append((act, units))
        return found

    return parse


@dataclass
class Tally:
    cases: int = 0
    expected: int = 0
    predicted: int = 0
    found: int = 0
    units: int = 0
    exact_units: int = 0
    wrong_provisions: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.cases += other.cases
        self.expected += other.expected
        self.predicted += other.predicted
        self.found += other.found
        self.units += other.units
        self.exact_units += other.exact_units
        self.wrong_provisions += other.wrong_provisions
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def unit_rate(self) -> float:
        return self.exact_units / self.units if self.units else 1.0


def score_case(case: Case, predicted: list[Found]) -> Tally:
    tally = Tally(cases=1, expected=len(case.expected), predicted=len(predicted))
    free = list(range(len(predicted)))
    for act, units in expected_refs(case):
        if act != "?":
            tally.units += len(units)
        best: int | None = None
        for i in free:
            if predicted[i][0] != act:
                continue
            if best is None or len(set(units) & set(predicted[i][1])) > len(
                set(units) & set(predicted[best][1])
            ):
                best = i
        if best is None:
            tally.misses.append(f"{case.text[:70]!r}: missing {act}#{' '.join(units)}")
            continue
        free.remove(best)
        tally.found += 1
        if act != "?":
            tally.exact_units += len(set(units) & set(predicted[best][1]))
    named = {(a, u) for a, units in expected_refs(case) for u in units}
    for i in free:
        tally.misses.append(f"{case.text[:70]!r}: extra {predicted[i][0]}")
    for act, units in predicted:
        tally.wrong_provisions += [f"{act}#{u}" for u in units if (act, u) not in named]
    return tally


def score(parse: Parser, cases: Iterable[Case] = CASES) -> dict[str, Tally]:
    """Tallies by category, plus ``"all"``."""
    tallies: dict[str, Tally] = {}
    total = Tally()
    for case in cases:
        t = score_case(case, parse(case))
        tallies.setdefault(case.category, Tally()).add(t)
        total.add(t)
    tallies = dict(sorted(tallies.items()))
    tallies["all"] = total
    return tallies


def table(columns: dict[str, dict[str, Tally]]) -> str:
    """A Markdown table: one row per category, recall / precision / exact units per grammar."""
    names = list(columns)
    head = "| category | cases | refs | units |" + "".join(
        f" recall {n} | precision {n} | exact units {n} | wrong ids {n} |" for n in names
    )
    rows = [head, "|" + "---|" * (4 + 4 * len(names))]
    first = columns[names[0]]
    for category, t in first.items():
        cells = [category, str(t.cases), str(t.expected), str(t.units)]
        for n in names:
            s = columns[n][category]
            cells += [
                f"{s.recall:.1%}",
                f"{s.precision:.1%}",
                f"{s.unit_rate:.1%}",
                str(len(s.wrong_provisions)),
            ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def baseline_module(revision: str, into: Path) -> ModuleType:
    """The citation package as it was at ``revision``, importable on its own."""
    package = into / "lexgraph_baseline"
    (package / "citations").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", revision, "src/lexgraph/citations/"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for path in [*listing, "src/lexgraph/russian.py"]:
        source = subprocess.run(
            ["git", "show", f"{revision}:{path}"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        target = package / Path(path).relative_to("src/lexgraph")
        target.write_text(source)
    sys.path.insert(0, str(into))
    return importlib.import_module("lexgraph_baseline.citations")


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--baseline", help="also score the grammar at this git revision")
    args.add_argument("--misses", action="store_true", help="list what was missed or extra")
    options = args.parse_args(argv)
    import lexgraph.citations as current

    columns: dict[str, dict[str, Tally]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if options.baseline:
            columns[f"({options.baseline})"] = score(
                parser_for(baseline_module(options.baseline, Path(tmp)))
            )
        columns["(now)" if options.baseline else ""] = score(parser_for(current))
    print(f"{len(CASES)} strings\n")
    print(table(columns))
    latest: Any = list(columns.values())[-1]["all"]
    if options.misses:
        print("\n".join(["", *latest.misses, "", "wrong provision ids:", *latest.wrong_provisions]))


if __name__ == "__main__":
    main()
