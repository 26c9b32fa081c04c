"""Throughput of the citation grammar on the sample corpus (a benchmark, not a test).

Usage: .venv/bin/python bench/bench_citations.py [rounds] [--baseline REV]

With ``--baseline`` the grammar at git revision REV is measured too, in the same run and on the
same texts, alternating rounds so that both see the same machine load.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import lexgraph.citations as current

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "importers" / "corpus"


def baseline(revision: str, into: Path) -> ModuleType:
    """The citation package as it was at ``revision``, importable beside the current one."""
    package = into / "lexgraph_baseline"
    (package / "citations").mkdir(parents=True)
    (package / "__init__.py").write_text("")

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout

    for path in [*git("ls-tree", "--name-only", revision, "src/lexgraph/citations/").split(),
                 "src/lexgraph/russian.py"]:  # fmt: skip
        (package / Path(path).relative_to("src/lexgraph")).write_text(
            git("show", f"{revision}:{path}")
        )
    sys.path.insert(0, str(into))
    return importlib.import_module("lexgraph_baseline.citations")


def runner(module: ModuleType, texts: list[str]) -> Callable[[], int]:
    def run() -> int:
        return sum(len(module.parse_citations(t, context=module.CitationContext())) for t in texts)

    return run


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("rounds", nargs="?", type=int, default=20)
    args.add_argument("--baseline", help="also measure the grammar at this git revision")
    options = args.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    chars = sum(map(len, texts))
    with tempfile.TemporaryDirectory() as tmp:
        grammars = {"now": runner(current, texts)}
        if options.baseline:
            grammars[options.baseline] = runner(baseline(options.baseline, Path(tmp)), texts)
        print(f"corpus: {len(texts)} documents, {chars} characters")
        found: dict[str, int] = {}
        spent = dict.fromkeys(grammars, 0.0)
        for name, run in grammars.items():
            started = time.perf_counter()
            found[name] = run()
            first = (time.perf_counter() - started) * 1000
            print(f"{name}: first pass (loads pymorphy3) {first:.0f} ms")
        for _ in range(options.rounds):
            for name, run in grammars.items():
                started = time.perf_counter()
                run()
                spent[name] += time.perf_counter() - started
        for name in grammars:
            warm = spent[name] / options.rounds
            rate = f"{found[name] / warm:,.0f} references/s, {chars / warm:,.0f} chars/s"
            print(f"{name}: {found[name]} references, warm pass {warm * 1000:.1f} ms, {rate}")
        if options.baseline:
            ratio = spent[options.baseline] / spent["now"]
            print(f"speed now / {options.baseline}: {ratio:.2f} (time per text)")


if __name__ == "__main__":
    main()
