"""The sample МВД resolution in the forms users hold it: the same facts from each, or a refusal.

Every variant is generated here from the sample text. Its facts are compared, fact by fact, with
the original's reading (documents with position, name, alternatives, requirements, channels,
apostille; requested information; fee; issued documents; appeal) and with what the text says; a
variant that cannot be read the same is refused with the file, the line and both readings.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from importers.base import NBSP, DocumentError, SourceDocument, Span
from importers.flattened import CellMarks, Paragraph, read_layout
from importers.formats import sniff_format, to_source
from importers.mvd_regulations import parse_mvd_resolution
from importers.regulation_records import Apostille, MvdResolution, Regulation, SubmissionChannel
from importers.regulation_tables import (
    SUBMITTED_HEADER,
    or_alternatives,
    own_condition_of,
    read_submitted,
    split_table,
)
from importers.regulation_text import Source
from lexgraph.importing import build, document_type

CORPUS = Path(__file__).resolve().parents[2] / "importers" / "corpus"
SAMPLE = (CORPUS / "004_85fdc72f4cf61fef.txt").read_text(encoding="utf-8")


def read(text: str, name: str = "variant.txt") -> MvdResolution:
    return parse_mvd_resolution(SourceDocument.decode(name, text.encode()))


# Where a fact stands, not what it says: positions inside the verbatim lines differ by form too.
POSITIONS = ("ignored", "at")


def facts(record: Any) -> Any:
    """A record as plain data without its spans (line numbers and verbatim text differ by form)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {
            f.name: facts(getattr(record, f.name))
            for f in dataclasses.fields(record)
            if f.name not in POSITIONS and not isinstance(getattr(record, f.name), Span)
        }
    if isinstance(record, tuple | list):
        return [facts(item) for item in record]
    return record


def document_rows(regulation: Regulation) -> list[tuple[Any, ...]]:
    """The submitted-documents table as the user sees it: one tuple per row, in order."""
    return [
        (
            position,
            d.name,
            d.alternatives,
            d.requirements,
            d.submission.channels,
            d.submission.cell,
            d.apostille,
            d.condition,
        )
        for position, d in enumerate(regulation.documents, start=1)
    ]


ORIGINAL = read(SAMPLE, "004_85fdc72f4cf61fef.txt")


def nbsp_as_spaces(text: str) -> str:
    return text.replace(NBSP, " ")


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def tabs_and_trailing_spaces(text: str) -> str:
    return "\n".join(f"\t{line} \t " if line.strip() else line for line in text.split("\n"))


def doubled_blank_lines(text: str) -> str:
    return re.sub(r"\n\n", "\n\n\n", text)


def nbsp_as_spaces_and_doubled_blank_lines(text: str) -> str:
    return doubled_blank_lines(nbsp_as_spaces(text))


def tabs_after_point_numbers(text: str) -> str:
    """«1.<tab>Утвердить:», as Word writes a list number, instead of «1.<no-break space>…»."""
    return re.sub(r"^(\d+(?:\.\d+)*\.)[\u00a0 ]", "\\1\t", text, flags=re.MULTILINE)


def trailing_residue(text: str) -> str:
    return text + "\n\nСтраница 17 из 17\n\n17\n"


def page_footers_inside(text: str) -> str:
    lines = text.split("\n")
    at = lines.index("РЕГЛАМЕНТ")
    return "\n".join([*lines[:at], "Страница 3 из 17", "", *lines[at:]])


def nbsp_as_spaces_and_a_page_footer_in_a_table(text: str) -> str:
    """A page ending inside procedure 10.7.1's documents table, just before the empty requirement
    cell of line 122: the cell is counted after the footer, and the footer adds none."""
    lines = text.split("\n")
    assert lines[121] == "\u00a0"  # line 122
    return nbsp_as_spaces("\n".join([*lines[:121], "Страница 3 из 17", "", *lines[121:]]))


VARIANTS: dict[str, Callable[[str], str]] = {
    "no-break spaces turned into spaces": nbsp_as_spaces,
    "CRLF line ends": crlf,
    "tabs and trailing spaces": tabs_and_trailing_spaces,
    "doubled blank lines": doubled_blank_lines,
    "tabs after point numbers": tabs_after_point_numbers,
    "no-break spaces as spaces, doubled blank lines": nbsp_as_spaces_and_doubled_blank_lines,
    "«Страница 17 из 17» and a page number after the act": trailing_residue,
    "a page footer inside the text": page_footers_inside,
    "no-break spaces as spaces, a page footer in a table": (
        nbsp_as_spaces_and_a_page_footer_in_a_table
    ),
}


@pytest.fixture(scope="module", params=list(VARIANTS), ids=list(VARIANTS))
def variant(request: pytest.FixtureRequest) -> MvdResolution:
    return read(VARIANTS[request.param](SAMPLE))


def test_the_sample_reads_as_it_always_has() -> None:
    regulation = ORIGINAL.regulation("15.21.1")
    rows = document_rows(regulation)
    assert rows[3][1].startswith(
        "копии документов, подтверждающих наличие на праве собственности или ином законном "
        "основании помещений"
    )
    assert rows[4][1] == "сведения о работниках соискателя лицензии"
    assert rows[3][2] == (
        "свидетельство (удостоверение) о государственной регистрации",
        "выписка из регистрационной книги",
        "договор аренды (субаренды)",
        "договор безвозмездного пользования (ссуды)",
        "договор купли-продажи",
        "акт приема-передачи",
    )
    assert rows[4][3] is not None
    assert rows[4][3].startswith("должны соответствовать требованиям")


@pytest.mark.parametrize("number", [r.procedure_number for r in ORIGINAL.regulations])
def test_each_variant_gives_the_same_document_rows(variant: MvdResolution, number: str) -> None:
    assert document_rows(variant.regulation(number)) == document_rows(ORIGINAL.regulation(number))


@pytest.mark.parametrize("number", [r.procedure_number for r in ORIGINAL.regulations])
def test_each_variant_gives_the_same_other_facts(variant: MvdResolution, number: str) -> None:
    mine, theirs = variant.regulation(number), ORIGINAL.regulation(number)
    assert facts(mine.requested_information) == facts(theirs.requested_information)
    assert facts(mine.fee) == facts(theirs.fee)
    assert facts(mine.issued_documents) == facts(theirs.issued_documents)
    assert facts(mine.appeal) == facts(theirs.appeal)
    assert facts(mine.application_form) == facts(theirs.application_form)
    assert facts(mine) == facts(theirs)


def test_each_variant_gives_the_same_resolution(variant: MvdResolution) -> None:
    assert facts(variant) == facts(ORIGINAL)


def test_residue_is_left_out_and_said_so() -> None:
    resolution = read(trailing_residue(SAMPLE))
    assert [(i.text, i.reason) for i in resolution.ignored] == [
        ("Страница 17 из 17", "a page footer"),
        ("17", "a page number after the end of the text"),
    ]
    assert "Страница" not in str(facts(resolution))
    assert ORIGINAL.ignored == ()


def test_empty_cells_are_counted_from_blank_lines_when_their_marks_are_gone() -> None:
    layout = read_layout(nbsp_as_spaces(SAMPLE).split("\n"))
    original = read_layout(SAMPLE.split("\n"))
    assert (original.marks, layout.marks) == (CellMarks.STATED, CellMarks.INFERRED)
    # Three runs of blank lines in the sample hold an extra blank line between two empty cells
    # (after appeal tables, where no row depends on them): only there is the count uncertain.
    runs = list(zip(empty_runs(original.paragraphs), empty_runs(layout.paragraphs), strict=True))
    assert sum(1 for _, inferred in runs if inferred == ["uncertain"]) == 3
    assert all(mine == theirs for theirs, mine in runs if mine != ["uncertain"])


def empty_runs(paragraphs: Sequence[Paragraph]) -> list[list[str] | None]:
    """After each paragraph with text: the empty cells up to the next one (their lines)."""
    runs: list[list[str] | None] = []
    for paragraph in paragraphs:
        if not paragraph.is_empty:
            runs.append([])
        elif paragraph.uncertain:
            runs[-1] = ["uncertain"]
        elif runs[-1] != ["uncertain"]:
            runs[-1] = [*(runs[-1] or []), "empty"]
    return runs


def collapsed_blank_lines(text: str) -> str:
    """No-break spaces gone and every run of blank lines cut to one: no empty cell is countable."""
    return re.sub(r"\n(?:[ \t]*\n)+", "\n\n", nbsp_as_spaces(text))


def one_more_blank_line_in_15_21_1(text: str) -> str:
    """No-break spaces gone and one blank line added where 15.21.1's rows have empty cells."""
    spaced = nbsp_as_spaces(text)
    lines = spaced.split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("административной процедуры"))
    start = next(i for i in range(title, len(lines)) if "по подпункту 15.21.1" in lines[i])
    at = lines.index("акт приема-передачи", start)
    return "\n".join([*lines[: at + 1], "", *lines[at + 1 :]])


REFUSALS: list[tuple[str, Callable[[str], str], int, str]] = [
    (
        "blank lines collapsed: whether a row's form cell is merged or empty",
        collapsed_blank_lines,
        104,
        "expected one reading of the table, found two: (1) the row «приглашение на обучение» "
        "lies under the form cell merged down from line 94; (2) the row has an empty form cell",
    ),
]


@pytest.mark.parametrize(
    ("make", "line", "message"),
    [(make, line, message) for _, make, line, message in REFUSALS],
    ids=[name for name, *_ in REFUSALS],
)
def test_refusals_name_the_file_the_line_and_both_readings(
    make: Callable[[str], str], line: int, message: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        read(make(SAMPLE))
    assert (caught.value.document, caught.value.line) == ("variant.txt", line)
    assert message in str(caught.value)
    # and what to do about it
    assert caught.value.found.endswith(
        "Restore the empty cells' no-break-space lines (or import the .docx)"
    )


def test_an_uncertain_count_of_empty_cells_is_refused_where_it_decides_a_row() -> None:
    with pytest.raises(DocumentError, match="found two: \\(1\\) the blank lines here held"):
        read(one_more_blank_line_in_15_21_1(SAMPLE))


def test_submission_channels_and_apostilles_stay_typed() -> None:
    first = ORIGINAL.regulation("10.7.1").documents[0]
    assert SubmissionChannel.IN_PERSON in first.submission.channels
    assert first.apostille in tuple(Apostille)


TABLE = """Наименование документа и (или) сведений

Требования, предъявляемые к документу и (или) сведениям

Форма и порядок представления документа и (или) сведений

заявление

по форме согласно приложению

в письменной форме:

лично

копии документов, подтверждающих наличие помещения:

договор аренды

акт приема-передачи
{cells}
сведения о работниках

должны соответствовать требованиям
"""


def submitted(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    source = Source(SourceDocument("table.txt", text))
    table = split_table(source, source.paragraphs, SUBMITTED_HEADER, len(source.lines))
    rows = read_submitted(source, table, {}).documents
    return [(d.name, d.alternatives, d.requirements) for d in rows]


def test_a_list_in_a_name_cell_ends_at_the_empty_cells_after_it() -> None:
    marked = TABLE.format(cells=f"\n{NBSP}\n\n{NBSP}\n")
    assert submitted(marked) == [
        ("заявление", (), "по форме согласно приложению"),
        (
            "копии документов, подтверждающих наличие помещения",
            ("договор аренды", "акт приема-передачи"),
            None,
        ),
        ("сведения о работниках", (), "должны соответствовать требованиям"),
    ]
    counted = TABLE.format(cells="\n \n\n \n")  # the no-break spaces became spaces
    assert submitted(counted) == submitted(marked)


def test_a_list_whose_end_no_empty_cell_marks_is_refused_with_both_readings() -> None:
    with pytest.raises(DocumentError) as caught:
        submitted(TABLE.format(cells=""))
    assert caught.value.line == 19  # «акт приема-передачи»: listed, or a row of its own
    assert "(1) one more document listed under «копии документов" in str(caught.value)
    assert "(2) the name of a document row of its own" in str(caught.value)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_each_variant_is_recognized_as_a_regulation_resolution(name: str) -> None:
    document = to_source("variant.txt", VARIANTS[name](SAMPLE).encode())
    assert sniff_format("variant.txt", VARIANTS[name](SAMPLE).encode()) == "txt"
    assert document_type(document) == "mvd_regulations"


def test_the_import_report_says_what_was_left_out() -> None:
    document = SourceDocument.decode("residue.txt", trailing_residue(SAMPLE).encode())
    batch, _ = build(document, "mvd_regulations", {})
    lines = len(SAMPLE.split("\n"))
    assert batch.ignored == [
        f"line {lines + 2} left out, a page footer: «Страница 17 из 17»",
        f"line {lines + 4} left out, a page number after the end of the text: «17»",
    ]


LISTED_THEN_REQUIRED = """Наименование документа и (или) сведений

Требования, предъявляемые к документу и (или) сведениям

Форма и порядок представления документа и (или) сведений

заявление

по форме согласно приложению

в письменной форме:

лично

копии документов, подтверждающих наличие помещения:

договор аренды

должны соответствовать требованиям
{cells}
сведения о работниках

по форме согласно приложению
"""


def test_a_requirement_right_after_a_list_is_the_lists_own_when_empty_cells_are_marked() -> None:
    # No empty cell between «договор аренды» and the requirement: the name cell's list ended
    # there, and the requirement is its row's; the row's own form cell is the empty one after it.
    assert submitted(LISTED_THEN_REQUIRED.format(cells=f"\n{NBSP}\n")) == [
        ("заявление", (), "по форме согласно приложению"),
        (
            "копии документов, подтверждающих наличие помещения",
            ("договор аренды",),
            "должны соответствовать требованиям",
        ),
        ("сведения о работниках", (), "по форме согласно приложению"),
    ]


def test_a_requirement_right_after_a_list_whose_end_no_mark_shows_is_refused() -> None:
    with pytest.raises(DocumentError) as caught:
        submitted(LISTED_THEN_REQUIRED.format(cells=""))
    assert caught.value.line == 17  # «договор аренды»: listed, or a row of its own
    assert caught.value.found.startswith(
        "two: (1) «договор аренды» is the last document listed under «копии документов, "
        "подтверждающих наличие помещения:» and the requirement at line 19 is that row's; "
        "(2) «договор аренды» is a document row of its own with that requirement."
    )


@pytest.mark.parametrize(
    ("name", "condition", "documents"),
    [
        (
            "документы, подтверждающие статус членов семьи, – при въезде членов семьи",
            "при въезде членов семьи",
            (),
        ),
        (  # the comma before the bracket is the name's punctuation, not the certificate's
            "паспорт или свидетельство о рождении, (при наличии)",
            "при наличии",
            ("паспорт", "свидетельство о рождении"),
        ),
    ],
)
def test_a_names_own_condition_and_the_documents_it_joins_by_or(
    name: str, condition: str, documents: tuple[str, ...]
) -> None:
    own, rest = own_condition_of(name)
    assert (own, or_alternatives(rest)) == (condition, documents)
