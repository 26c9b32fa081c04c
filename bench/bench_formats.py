"""Import time of the sample МВД resolution in each form users hold it (a benchmark, not a test).

Usage: .venv/bin/python -m bench.bench_formats [rounds]

Each form is made from the sample the way the tests make it (`tests/importers/`), then read as
`lexgraph import` reads a file: the format told and read into the text the parser reads
(`importers.formats.to_source`), parsed, and built into graph records. Writing the records to
Neo4j is left out: every form gives the same records, so it costs each the same. Rounds alternate
between the forms so that all see the same machine load; the median of each is printed, with the
share of it the format's own reader takes.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from importers.base import DocumentError, SourceDocument
from importers.formats import to_source
from importers.regulation_grid import flattened_document
from lexgraph.importing import build
from tests.importers import model_writers
from tests.importers.test_any_issuer import with_amendments, with_etalon_header
from tests.importers.test_reading_variants import (
    SAMPLE,
    crlf,
    nbsp_as_spaces_and_doubled_blank_lines,
    page_footers_inside,
    tabs_and_trailing_spaces,
    trailing_residue,
)

MODEL = flattened_document(SourceDocument("004.txt", SAMPLE))


def _text(make: Callable[[str], str]) -> Callable[[], bytes]:
    return lambda: make(SAMPLE).encode()


FORMS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "flattened Word text (.txt, the sample)": ("004.txt", _text(lambda t: t)),
    "CRLF, tabs and trailing spaces": (
        "004.txt",
        _text(lambda t: crlf(tabs_and_trailing_spaces(t))),
    ),
    "no-break spaces lost, blank lines doubled": (
        "004.txt",
        _text(nbsp_as_spaces_and_doubled_blank_lines),
    ),
    "page footers and page numbers (printed)": (
        "004.txt",
        _text(lambda t: trailing_residue(page_footers_inside(t))),
    ),
    "ЭТАЛОН-online copy (header, register entry)": ("004.txt", _text(with_etalon_header)),
    "consolidated text («Изменения и дополнения»)": ("004.txt", _text(with_amendments)),
    ".docx with real tables": ("004.docx", lambda: model_writers.to_docx(MODEL)),
    "HTML page (plain markup)": ("004.html", lambda: model_writers.to_html(MODEL)),
    "HTML page as pravo.by / ЭТАЛОН mark it up": (
        "004.html",
        lambda: model_writers.to_pravo_html(MODEL),
    ),
    "browser copy (cells joined by tabs)": (
        "004.txt",
        lambda: model_writers.to_browser_copy(MODEL),
    ),
    "PDF (refused)": ("004.pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
}


def once(name: str, raw: bytes) -> tuple[float, float, str]:
    """Seconds to read the format, seconds in all, and what came of it."""
    started = time.perf_counter()
    try:
        source = to_source(name, raw)
    except DocumentError as error:
        elapsed = time.perf_counter() - started
        return elapsed, elapsed, f"refused: {error.found.split(':')[0]}"
    read = time.perf_counter() - started
    batch, _ = build(source, "mvd_regulations", {})
    total = time.perf_counter() - started
    return read, total, f"{len(batch.nodes)} nodes, {len(batch.edges)} edges"


def main(rounds: int) -> None:
    inputs = {form: (name, make()) for form, (name, make) in FORMS.items()}
    for name, raw in inputs.values():
        once(name, raw)  # warm up: pymorphy3's dictionaries, regular expressions, lxml
    reads: dict[str, list[float]] = {form: [] for form in inputs}
    totals: dict[str, list[float]] = {form: [] for form in inputs}
    outcome: dict[str, str] = {}
    for _ in range(rounds):
        for form, (name, raw) in inputs.items():
            read, total, outcome[form] = once(name, raw)
            reads[form].append(read)
            totals[form].append(total)
    print("| form | bytes | reading the format (ms) | import, records built (ms) | result |")
    print("|---|---|---|---|---|")
    for form, (_, raw) in inputs.items():
        read = statistics.median(reads[form]) * 1000
        total = statistics.median(totals[form]) * 1000
        print(f"| {form} | {len(raw):,} | {read:.1f} | {total:.1f} | {outcome[form]} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
