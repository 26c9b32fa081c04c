"""Hostile input: every document gives a clear error or a correct import, never a crash.

A table of malformed documents (the small ones committed under `tests/malformed/`, the big ones and
the variants of the real МВД resolution generated here), each with the error it must give: the file,
the line when there is one, and what was expected. After a failure the graph is exactly what it
was: its canonical dump is compared with the one taken after importing the sample corpus.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import AsyncDriver
from typer.testing import CliRunner

from importers.base import MAX_LINE_CHARS
from lexgraph.cli import _shown, app
from lexgraph.config import Settings, project_root
from lexgraph.graph.dump import canonical_dump
from lexgraph.importing import MAX_DOCUMENT_BYTES, import_paths, sample_corpus_dir
from tests.graphs import corpus_imported

MALFORMED = project_root() / "tests" / "malformed"
REGULATIONS = sample_corpus_dir() / "004_85fdc72f4cf61fef.txt"
NEWS = sample_corpus_dir() / "000_8633f05b71841d3c.txt"
SPACE = "[ \u00a0]"  # the flattened Word text has no-break spaces where Word had them
UNKNOWN_TYPE = "expected a known document type"
NOT_UTF8 = "expected UTF-8 text, found a byte that is not UTF-8"
CYPHER = "'}) MATCH (n) DETACH DELETE n // {id: $id}"


def regulation_lines() -> list[str]:
    return REGULATIONS.read_text(encoding="utf-8").split("\n")


def line_index(lines: list[str], pattern: str, start: int = 0) -> int:
    """The index of the first line from `start` matching `pattern` (spaces may be no-break)."""
    compiled = re.compile(pattern.replace(" ", SPACE))
    return next(i for i in range(start, len(lines)) if compiled.search(lines[i]))


def first_regulation_points(lines: list[str]) -> tuple[int, int, int]:
    """Where points 2 (documents), 3 (issued document) and 4 (appeal) of regulation 10.7.1 start."""
    start = line_index(lines, "^УТВЕРЖДЕНО$")
    documents = line_index(lines, r"^2\. Документы", start)
    issued = line_index(lines, r"^3\. Сведения о", documents)
    appeal = line_index(lines, r"^4\. Порядок подачи", issued)
    return documents, issued, appeal


def sections_out_of_order(lines: list[str]) -> str:
    documents, issued, appeal = first_regulation_points(lines)
    swapped = lines[:documents] + lines[issued:appeal] + lines[documents:issued] + lines[appeal:]
    return "\n".join(swapped)


def documents_section_missing(lines: list[str]) -> str:
    documents, issued, _ = first_regulation_points(lines)
    return "\n".join(lines[:documents] + lines[issued:])


def regulation_duplicated(lines: list[str]) -> str:
    first = line_index(lines, "^УТВЕРЖДЕНО$")
    second = line_index(lines, "^УТВЕРЖДЕНО$", first + 1)
    return "\n".join(lines[:second] + lines[first:second] + lines[second:])


def last_regulation_missing(lines: list[str]) -> str:
    last = max(i for i, line in enumerate(lines) if line == "УТВЕРЖДЕНО")
    return "\n".join(lines[:last])


def impossible_date(lines: list[str]) -> str:
    at = line_index(lines, "^19 мая 2023 г. № 102$")
    lines[at] = "31 февраля 2023 г. № 102"
    return "\n".join(lines)


def long_line(lines: list[str]) -> str:
    at = line_index(lines, r"^2\. Документы")
    lines[at] += " и" * MAX_LINE_CHARS
    return "\n".join(lines)


def cypher_in_titles(lines: list[str]) -> str:
    """The title of 10.7.1, in point 1 and in the regulation's heading, becomes Cypher."""
    title = re.compile("«Согласование приглашения[^»]*»")
    return "\n".join(title.sub(f"«{CYPHER}»", line) for line in lines)


def nonexistent_units(lines: list[str]) -> str:
    """Requirements cite an article the Law does not have, and a Law that does not exist."""
    reference = "части первой пункта 5 статьи 14 Закона Республики Беларусь «Об основах"
    cited = re.compile(reference.replace(" ", SPACE) + f"{SPACE}административных{SPACE}процедур»")
    text = "\n".join(lines)
    assert len(cited.findall(text)) == 2
    text = cited.sub(
        "части девятой пункта 99 статьи 999 Закона Республики Беларусь «Об основах"
        " административных процедур»",
        text,
        count=1,
    )
    return cited.sub("части первой статьи 1 Закона Республики Беларусь «О небывалом»", text)


@dataclass(frozen=True, slots=True)
class Hostile:
    """One hostile input: how to make it in `folder`, and the error it must give (a regex)."""

    name: str
    make: Callable[[Path], Path]
    error: str


def committed(name: str) -> Callable[[Path], Path]:
    return lambda folder: MALFORMED / name


def derived(name: str, change: Callable[[list[str]], str]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(change(regulation_lines()), encoding="utf-8")
        return path

    return make


def written(name: str, content: Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content())
        return path

    return make


def fifty_megabytes(folder: Path) -> Path:
    path = folder / "fifty_megabytes.txt"
    chunk = REGULATIONS.read_bytes()
    with path.open("wb") as out:
        while out.tell() < 50 * 1024 * 1024:
            out.write(chunk)
    return path


def fifo(folder: Path) -> Path:
    path = folder / "fifo.txt"
    os.mkfifo(path)  # opening it to read would wait for a writer forever
    return path


def mixed_encoding(folder: Path) -> Path:
    """UTF-8 but for line 500 in cp1251, as when two files are pasted together."""
    lines = regulation_lines()
    assert re.search("[а-я]", lines[499])
    raw = [line.encode("utf-8") for line in lines]
    raw[499] = lines[499].encode("cp1251")
    path = folder / "mixed_encoding.txt"
    path.write_bytes(b"\n".join(raw))
    return path


def truncated_mid_character(folder: Path) -> Path:
    raw = REGULATIONS.read_bytes()
    cut = raw.index("РЕГЛАМЕНТ".encode(), 50_000) + 1  # inside the two bytes of «Р»
    path = folder / "truncated_mid_character.txt"
    path.write_bytes(raw[:cut])
    return path


FAILING = [
    Hostile("empty", committed("empty.txt"), "^empty.txt: expected a non-empty document"),
    Hostile(
        "whitespace only",
        committed("whitespace_only.txt"),
        "^whitespace_only.txt: expected a non-empty document, found an empty file",
    ),
    Hostile("binary", committed("binary.bin"), "^binary.bin: expected a UTF-8 text document"),
    Hostile("gzip", committed("gzip_archive.txt.gz"), r"^gzip_archive.txt.gz: .*binary data"),
    Hostile("NUL in text", committed("nul_in_text.txt"), "^nul_in_text.txt: .*binary data"),
    Hostile(
        "pdf",
        committed("pdf_document.pdf"),
        "^pdf_document.pdf: expected a .docx, an HTML page or text .*, found a PDF: its text layer",
    ),
    Hostile(
        "cp1251 without a declaration",
        committed("cp1251_without_declaration.txt"),
        f"^cp1251_without_declaration.txt:1: {NOT_UTF8}",
    ),
    Hostile(
        "KOI8-R without a declaration",
        committed("koi8r_without_declaration.txt"),
        f"^koi8r_without_declaration.txt:1: {NOT_UTF8}",
    ),
    Hostile(
        "UTF-16 with a byte order mark",
        committed("utf16_with_bom.txt"),
        "^utf16_with_bom.txt:1: expected UTF-8 text, found UTF-16 text",
    ),
    Hostile(
        "a multi-byte character cut short",
        committed("truncated_utf8_sequence.txt"),
        f"^truncated_utf8_sequence.txt:3: {NOT_UTF8}",
    ),
    Hostile("overlong UTF-8", committed("overlong_utf8.txt"), f"^overlong_utf8.txt:2: {NOT_UTF8}"),
    Hostile(
        "an encoded surrogate",
        committed("encoded_surrogate.txt"),
        f"^encoded_surrogate.txt:3: {NOT_UTF8}",
    ),
    Hostile("mojibake", committed("mojibake.txt"), f"^mojibake.txt:1: {UNKNOWN_TYPE}"),
    Hostile("unknown type", committed("unknown_type.txt"), f"^unknown_type.txt:1: {UNKNOWN_TYPE}"),
    Hostile(
        "html page", committed("html_error_page.html"), f"^html_error_page.html:1: {UNKNOWN_TYPE}"
    ),
    Hostile(
        "markup and terminal escapes",
        committed("markup_and_escapes.txt"),
        f"^markup_and_escapes.txt:1: {UNKNOWN_TYPE}",
    ),
    Hostile(
        "a resolution's heading only",
        committed("mvd_heading_only.txt"),
        f"^mvd_heading_only.txt:1: {UNKNOWN_TYPE}",
    ),
    Hostile(
        "a resolution cut after the stamp",
        committed("mvd_cut_after_stamp.txt"),
        "^mvd_cut_after_stamp.txt:7: expected the preamble «На основании …, Министерство внутренних"
        " дел Республики Беларусь ПОСТАНОВЛЯЕТ:»",
    ),
    Hostile(
        "an impossible date in a portal text",
        committed("portal_news_impossible_date.txt"),
        "^portal_news_impossible_date.txt: .*ValueError.*day is out of range",
    ),
    Hostile(
        "50 MB",
        fifty_megabytes,
        r"^fifty_megabytes.txt: expected a document of at most 10.0 MB .*, found 50.\d MB",
    ),
    Hostile("a FIFO", fifo, "^fifo.txt: expected a regular file"),
    Hostile("a missing file", lambda folder: folder / "missing.txt", "cannot be read"),
    Hostile(
        "one line of 1 MB",
        written("one_long_line.txt", lambda: b"x" * 1_000_000),
        f"^one_long_line.txt:1: expected lines of at most {MAX_LINE_CHARS} characters",
    ),
    Hostile(
        "a regulation with an extremely long line",
        derived("long_line.txt", long_line),
        rf"^long_line.txt:88: expected lines of at most {MAX_LINE_CHARS} characters",
    ),
    Hostile(
        "a regulation cut inside a character",
        truncated_mid_character,
        rf"^truncated_mid_character.txt:\d+: {NOT_UTF8}",
    ),
    Hostile("one line in cp1251", mixed_encoding, f"^mixed_encoding.txt:500: {NOT_UTF8}"),
    Hostile(
        "regulation sections out of order",
        derived("out_of_order.txt", sections_out_of_order),
        "^out_of_order.txt:88: expected",
    ),
    Hostile(
        "a regulation without its documents section",
        derived("documents_missing.txt", documents_section_missing),
        "^documents_missing.txt:88: expected",
    ),
    Hostile(
        "a procedure number approved twice",
        derived("duplicated.txt", regulation_duplicated),
        "^duplicated.txt:166: expected .*procedure 10.7.1 again",
    ),
    Hostile(
        "a regulation approved but missing",
        derived("regulation_missing.txt", last_regulation_missing),
        "^regulation_missing.txt: expected 8 regulations, as point 1 approves, found 7",
    ),
    Hostile(
        "an impossible date in a resolution",
        derived("impossible_date.txt", impossible_date),
        "^impossible_date.txt:3: expected a date «19 мая 2023 г.», found «31 февраля 2023 г.",
    ),
]


@pytest.fixture(scope="module")
async def corpus_graph(driver: AsyncDriver, settings: Settings) -> list[str]:
    """The sample corpus imported once for the failing inputs; its canonical dump."""
    await corpus_imported(driver, settings.neo4j_database)
    return await canonical_dump(driver, settings.neo4j_database)


def test_the_table_holds_at_least_25_hostile_inputs() -> None:
    assert len(FAILING) + len(IMPORTED) >= 25
    assert len({case.name for case in FAILING + IMPORTED}) == len(FAILING) + len(IMPORTED)


@pytest.mark.parametrize("case", FAILING, ids=lambda case: case.name)
async def test_a_hostile_document_fails_clearly_and_changes_nothing(
    case: Hostile,
    corpus_graph: list[str],
    driver: AsyncDriver,
    settings: Settings,
    tmp_path: Path,
) -> None:
    path = case.make(tmp_path)
    report = await import_paths(driver, settings.neo4j_database, [path])
    if path.parent == tmp_path and path.is_file():
        path.unlink()  # pytest keeps the last runs' folders: not 50 MB each
    (failed,) = report.failed
    assert failed.error is not None
    assert re.search(case.error, failed.error), failed.error
    assert await canonical_dump(driver, settings.neo4j_database) == corpus_graph


async def test_a_failure_does_not_stop_the_documents_after_it(
    corpus_graph: list[str], driver: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    bad = derived("impossible_date.txt", impossible_date)(tmp_path)
    report = await import_paths(driver, settings.neo4j_database, [bad, REGULATIONS])
    assert [document.ok for document in report.documents] == [False, True]
    assert await canonical_dump(driver, settings.neo4j_database) == corpus_graph


async def test_the_size_limit_is_a_setting(driver: AsyncDriver, settings: Settings) -> None:
    report = await import_paths(
        driver, settings.neo4j_database, [REGULATIONS], max_document_bytes=100_000
    )
    (failed,) = report.failed
    assert failed.error is not None
    assert "expected a document of at most 0.1 MB (100000 bytes)" in failed.error
    assert MAX_DOCUMENT_BYTES == 10 * 1024 * 1024


def test_the_command_reports_hostile_text_without_crashing(
    neo4j_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)

    result = CliRunner().invoke(app, ["import", str(MALFORMED / "markup_and_escapes.txt")])

    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert "markup_and_escapes.txt:1: expected a known document type" in result.output
    assert "\x1b" not in result.output


def test_document_text_is_printed_without_markup_or_control_codes() -> None:
    shown = _shown((MALFORMED / "markup_and_escapes.txt").read_text(encoding="utf-8"))
    assert "\x1b" not in shown
    assert "\u202e" not in shown
    assert shown.startswith(r"\[/red] ")


@dataclass(frozen=True, slots=True)
class Imported:
    """A hostile input that is a correct document: it must import, and `check` what it stored."""

    name: str
    make: Callable[[Path], Path]
    check: str
    expected: object


IMPORTED = [
    Imported(
        "Cypher in a regulation's title",
        derived("cypher_in_titles.txt", cypher_in_titles),
        "MATCH (p:Procedure {number: '10.7.1'}) RETURN p.title AS found",
        [CYPHER],
    ),
    Imported(
        "Cypher in a portal text",
        committed("portal_news_cypher_in_titles.txt"),
        "MATCH (f:PortalFact) WHERE f.text CONTAINS 'DETACH DELETE' RETURN count(f) > 0 AS found",
        [True],
    ),
    Imported(
        "references to units and acts that do not exist",
        derived("nonexistent_units.txt", nonexistent_units),
        "MATCH (:DocumentRequirement)-[c:CITES|CITES_UNRESOLVED]->(target)"
        " WHERE c.text CONTAINS 'статьи 999' OR target.text CONTAINS 'О небывалом'"
        " RETURN type(c) + ': ' + coalesce(target.reason, target.id) AS found ORDER BY found",
        [
            "CITES: by/law/2008-10-28/433-z#art_999__point_99__part_9",
            "CITES_UNRESOLVED: cited without date and number;"
            " no known act of this kind has this title",
        ],
    ),
    Imported(
        "a byte order mark and CRLF line ends",
        committed("portal_news_bom_crlf.txt"),
        "MATCH (d:SourceDocument {name: 'portal_news_bom_crlf.txt'}) RETURN d.checksum AS found",
        [hashlib.sha256(NEWS.read_bytes()).hexdigest()],  # the same text once decoded
    ),
]


@pytest.mark.parametrize("case", IMPORTED, ids=lambda case: case.name)
async def test_a_hostile_but_correct_document_imports(
    case: Imported, empty_graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    report = await import_paths(empty_graph, settings.neo4j_database, [case.make(tmp_path)])
    assert not report.failed, report.failed[0].error
    records, _, _ = await empty_graph.execute_query(case.check, database_=settings.neo4j_database)
    assert [record["found"] for record in records] == case.expected


async def test_a_byte_order_mark_and_crlf_give_the_same_graph(
    empty_graph: AsyncDriver, settings: Settings, tmp_path: Path
) -> None:
    report = await import_paths(empty_graph, settings.neo4j_database, [REGULATIONS])
    assert not report.failed
    before = await canonical_dump(empty_graph, settings.neo4j_database)
    windows = tmp_path / REGULATIONS.name
    text = REGULATIONS.read_text(encoding="utf-8").replace("\n", "\r\n")
    windows.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    report = await import_paths(empty_graph, settings.neo4j_database, [windows])
    assert not report.failed
    assert await canonical_dump(empty_graph, settings.neo4j_database) == before
