"""One document model, many formats: a regulation as .docx with real tables, as HTML, as a browser
copy gives the facts of its flattened text.

The sample МВД resolution's text is read into the model (its 21 tables rebuilt as rows of cells),
written as a .docx with real Word tables, as an HTML page and as a browser copy, and each is read
back to the sample's facts.

The Minsk city executive committee's decision (`fixtures/minsk_gorispolkom_8_5_1.txt`) is written
here once more as a model of paragraphs and real tables (merged cells as Word has them: the
form-and-manner cell merged down over the rows below it, a group heading «при …:» spanning two
columns); the .docx (python-docx), the HTML page and the browser copy are generated from that model
and each must read to the fixture's facts.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from importers.base import NBSP, DocumentError, SourceDocument, Span
from importers.formats import sniff_format, to_source
from importers.formats.docx import read_docx
from importers.formats.html import read_html
from importers.model import Document, Paragraph, Table, render, render_with_grid
from importers.mvd_regulations import looks_like_mvd_resolution, parse_mvd_resolution
from importers.regulation_grid import flattened_document
from importers.regulation_records import Apostille, FormCell, ValidityUnit
from lexgraph.importing import build
from tests.importers import model_writers
from tests.importers.test_reading_variants import ORIGINAL, SAMPLE, document_rows, facts

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minsk_gorispolkom_8_5_1.txt"
TEXT = FIXTURE.read_text(encoding="utf-8")
EXPECTED = parse_mvd_resolution(SourceDocument(FIXTURE.name, TEXT))


@dataclass(frozen=True)
class C:
    """A model cell: its paragraphs; `span` grid columns; `merged` continues the one above."""

    paragraphs: tuple[str, ...] = ()
    span: int = 1
    merged: bool = False


Row = tuple[C, ...]
Block = str | tuple[Row, ...]

PARAGRAPHS = TEXT.rstrip("\n").split("\n\n")


def between(first: str, last: str) -> list[str]:
    """The fixture's paragraphs from the one starting `first` to the one starting `last`."""
    start = next(i for i, p in enumerate(PARAGRAPHS) if p.startswith(first))
    stop = next(i for i in range(start, len(PARAGRAPHS)) if PARAGRAPHS[i].startswith(last))
    return PARAGRAPHS[start : stop + 1]


def p(text: str) -> C:
    return C((text,))


SUBMITTED: tuple[Row, ...] = (
    tuple(p(t) for t in between("Наименование документа и", "Необходимость легализации")),
    (
        p("заявление"),
        p(between("заявление должно", "заявление должно")[0]),
        C(tuple(between("в письменной форме:", "в электронной форме"))),
        p("не требуется"),
    ),
    (
        C((between("при согласовании", "при согласовании")[0],), span=2),
        C(merged=True),
        p("не требуется"),
    ),
    (
        p("письменное согласие собственников жилых помещений"),
        C(),
        C(merged=True),
        p("требуется легализация документов (проставление апостиля)"),
    ),
)
ISSUED: tuple[Row, ...] = (
    (p("Наименование документа"), p("Срок действия"), p("Форма представления")),
    (p("согласование режима работы"), p("бессрочно"), p("письменная")),
)
APPEAL: tuple[Row, ...] = (
    tuple(p(t) for t in between("Наименование государственного органа", "Форма подачи")),
    (p("Минский городской исполнительный комитет"), p("электронная или письменная форма")),
)
MODEL: list[Block] = [
    *between("РЕШЕНИЕ", "2. Документы"),
    SUBMITTED,
    *between("3. Сведения", "3. Сведения"),
    ISSUED,
    *between("4. Порядок", "4. Порядок"),
    APPEAL,
]
MODEL = [b for b in MODEL if not (isinstance(b, str) and not b.strip(" \u00a0\n"))]


def to_docx(model: list[Block]) -> bytes:
    word = docx.Document()
    for block in model:
        if isinstance(block, str):
            word.add_paragraph(block)  # soft line breaks: python-docx writes «\n» as <w:br/>
            continue
        columns = sum(c.span for c in block[0])
        table = word.add_table(rows=len(block), cols=columns)
        for r, row in enumerate(block):
            column = 0
            for cell in row:
                target = table.cell(r, column)
                if cell.span > 1:
                    target = target.merge(table.cell(r, column + cell.span - 1))
                if cell.merged:
                    table.cell(r - 1, column).merge(target)
                for n, text in enumerate(cell.paragraphs):
                    if n == 0:
                        target.paragraphs[0].text = text
                    else:
                        target.add_paragraph(text)
                column += cell.span
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def to_html(model: list[Block]) -> bytes:
    parts = ["<!DOCTYPE html><html><head><title>pravo.by</title></head><body><div class='text'>"]
    for block in model:
        if isinstance(block, str):
            parts.append("<p>" + html.escape(block).replace("\n", "<br>") + "</p>\n")
            continue
        parts.append("<table border='1'>\n")
        for r, row in enumerate(block):
            parts.append("<tr>")
            column = 0
            for cell in row:
                if not cell.merged:
                    below = 1
                    while r + below < len(block) and _merged_at(block[r + below], column):
                        below += 1
                    attributes = (f" rowspan='{below}'" if below > 1 else "") + (
                        f" colspan='{cell.span}'" if cell.span > 1 else ""
                    )
                    inner = "".join(f"<p>{html.escape(t)}</p>" for t in cell.paragraphs)
                    parts.append(f"<td{attributes}>{inner}</td>")
                column += cell.span
            parts.append("</tr>\n")
        parts.append("</table>\n")
    parts.append("</div></body></html>")
    return "".join(parts).encode()


def _merged_at(row: Row, column: int) -> bool:
    at = 0
    for cell in row:
        if at == column:
            return cell.merged
        at += cell.span
    return False


def to_browser_copy(model: list[Block]) -> bytes:
    """A table row per line, cells joined by tabs; a cell's later paragraphs on lines of their own
    (as browsers copy them); paragraphs parted by blank lines."""
    chunks: list[str] = []
    for block in model:
        if isinstance(block, str):
            chunks.append(block)
            continue
        rows = ["\t".join("\n".join(c.paragraphs) for c in row if not c.merged) for row in block]
        chunks.append("\n".join(rows))
    return ("\n\n".join(chunks) + "\n").encode()


FORMS = {
    "docx": ("decision.docx", to_docx),
    "html": ("decision.html", to_html),
    "browser": ("decision.txt", to_browser_copy),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_each_format_reads_to_the_facts_of_the_flattened_text(form: str) -> None:
    name, make = FORMS[form]
    raw = make(MODEL)
    assert sniff_format(name, raw) == form
    source = to_source(name, raw)
    assert looks_like_mvd_resolution(source)
    resolution = parse_mvd_resolution(source)
    assert facts(resolution) == facts(EXPECTED)
    rows = [
        (d.name, d.requirements, d.submission.cell, d.apostille, d.condition)
        for d in resolution.regulation("8.5.1").documents
    ]
    assert rows == [
        (d.name, d.requirements, d.submission.cell, d.apostille, d.condition)
        for d in EXPECTED.regulation("8.5.1").documents
    ]


def test_word_tables_keep_rows_cells_and_merges() -> None:
    document = read_docx("decision.docx", to_docx(MODEL))
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert [len(t.rows) for t in tables] == [4, 2, 2]
    last = tables[0].rows[3]
    assert [(c.merged, [p.lines for p in c.paragraphs]) for c in last] == [
        (False, [("письменное согласие собственников жилых помещений",)]),
        (False, [("",)]),
        (True, [("",)]),
        (False, [("требуется легализация документов (проставление апостиля)",)]),
    ]
    assert last[2].origin == "table 1, row 4, cell 3"


def test_the_flattened_rendering_of_the_model_is_the_fixture_text() -> None:
    rendered = render(read_docx("decision.docx", to_docx(MODEL)))
    assert [p for p in rendered.split("\n\n") if p.strip(" \u00a0\n")] == [
        p for p in TEXT.split("\n\n") if p.strip(" \u00a0\n")
    ]


def test_a_docx_that_is_no_word_document_is_refused() -> None:
    with pytest.raises(DocumentError, match=r"^broken\.docx: expected a Word document"):
        to_source("broken.docx", b"PK\x03\x04 not really a zip")


@pytest.fixture(scope="module")
def sample_model() -> Document:
    """The sample's model, built when a test asks (not at import: `make mutate` maps each
    function to the tests that run it, and runs them with the function changed)."""
    return flattened_document(SourceDocument("004_85fdc72f4cf61fef.txt", SAMPLE))


WRITERS = {
    "docx": ("004.docx", model_writers.to_docx),
    "html": ("004.html", model_writers.to_html),
    "browser": ("004.txt", model_writers.to_browser_copy),
}


def test_the_sample_text_becomes_a_model_with_real_tables(sample_model: Document) -> None:
    tables = [b for b in sample_model.blocks if isinstance(b, Table)]
    assert len(tables) == 21  # 8 submitted, 5 requested, 4 issued, 4 appeal tables
    widths = {len({sum(c.columns for c in row) for row in t.rows}) for t in tables}
    assert widths == {1}  # every row of a table spans the same grid
    first = tables[0]
    assert first.rows[1][2].paragraphs[0].lines == ("в письменной форме:",)
    assert [c.merged for c in first.rows[2]] == [False, False, True, False]
    shown = [p.replace(NBSP, " ") for p in render(sample_model).strip().split("\n\n")]
    original = [p.replace(NBSP, " ") for p in SAMPLE.strip().split("\n\n")]
    assert [p for p in shown if p.strip()] == [p for p in original if p.strip()]


@pytest.mark.parametrize("form", list(WRITERS))
def test_the_sample_in_each_format_reads_to_the_samples_facts(
    form: str, sample_model: Document
) -> None:
    name, make = WRITERS[form]
    raw = make(sample_model)
    assert sniff_format(name, raw) == form
    resolution = parse_mvd_resolution(to_source(name, raw))
    for number in [r.procedure_number for r in ORIGINAL.regulations]:
        assert document_rows(resolution.regulation(number)) == document_rows(
            ORIGINAL.regulation(number)
        )
    assert facts(resolution) == facts(ORIGINAL)


PROVENANCE = {"lineStart", "lineEnd", "sourceText", "sourceDocument", "checksum", "lineCount"}


def graph_facts(raw: bytes, name: str) -> tuple[dict[tuple[str, str], object], set[object]]:
    """The graph records of a document without provenance (lines differ by format)."""
    batch, _ = build(to_source(name, raw), "mvd_regulations", {})
    nodes = {
        key: {k: v for k, v in node.properties.items() if k not in PROVENANCE}
        for key, node in batch.nodes.items()
        if node.label != "SourceDocument"
    }
    return nodes, set(batch.edges)


@pytest.mark.parametrize("form", list(WRITERS))
def test_the_sample_in_each_format_gives_the_same_graph(form: str, sample_model: Document) -> None:
    name, make = WRITERS[form]
    assert graph_facts(make(sample_model), "004.txt" if form == "browser" else name) == (
        graph_facts(SAMPLE.encode(), "004.txt")
    )


def test_a_refusal_in_a_docx_names_the_table_row_and_cell() -> None:
    broken = [*MODEL]
    submitted = next(b for b in broken if isinstance(b, tuple) and b is SUBMITTED)
    cut = (*submitted[:3], (*submitted[3][:3], C()))  # the last row loses its apostille
    broken[broken.index(submitted)] = cut
    with pytest.raises(DocumentError) as caught:
        parse_mvd_resolution(to_source("decision.docx", to_docx(broken)))
    assert "expected an apostille cell" in str(caught.value)
    assert "(at table 1, row 4, cell 1 of decision.docx)" in str(caught.value)


# Formats refused with what to do instead, never read as text


@pytest.mark.parametrize(
    ("name", "raw", "found"),
    [
        (
            "resolution.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
            "a PDF",
        ),
        ("resolution", b"%PDF-1.4\n%\xb5\xb5\xb5\xb5\n", "a PDF"),
        ("resolution.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "(.doc)"),
        ("resolution.rtf", b"{\\rtf1\\ansi\\ansicpg1251 \\u1055?\\u1054?}", "an RTF document"),
    ],
)
def test_a_format_not_read_is_refused_with_what_to_do(name: str, raw: bytes, found: str) -> None:
    with pytest.raises(DocumentError) as caught:
        to_source(name, raw)
    message = str(caught.value)
    assert message.startswith(f"{name}: expected a .docx, an HTML page or text")
    assert found in message
    assert ".docx" in message.split("found", 1)[1]


def test_why_a_pdf_is_refused_is_said() -> None:
    with pytest.raises(DocumentError) as caught:
        to_source("resolution.pdf", b"%PDF-1.7\n")
    assert "paragraphs and line breaks" in caught.value.found
    assert "row broken over a page" in caught.value.found


# The page as pravo.by and ЭТАЛОН-online mark an act up (`model_writers.to_pravo_html`): heading in
# `#docTitlePrint`, classes on every paragraph, stamp and signature in layout tables, footnote
# markers in `<sup>`, a table of contents, the site's chrome


def test_the_sample_marked_up_as_pravo_by_serves_it_reads_to_the_samples_facts(
    sample_model: Document,
) -> None:
    raw = model_writers.to_pravo_html(sample_model)
    assert sniff_format("004.html", raw) == "html"
    page = raw.decode()
    assert '<span class="promulgator">' in page
    assert '<p class="underpoint">' in page
    assert "подпункту<sup>1</sup> 10.7.1" in page
    resolution = parse_mvd_resolution(to_source("004.html", raw))
    assert facts(resolution) == facts(ORIGINAL)
    assert graph_facts(raw, "004.html") == graph_facts(SAMPLE.encode(), "004.txt")


def test_the_table_of_contents_of_an_etalon_page_is_left_out() -> None:
    page = (
        '<html><body><div id="userContent"><p class="contentword">ОГЛАВЛЕНИЕ</p>'
        '<p class="contenttext"><a href="#a1">РЕГЛАМЕНТ административной процедуры</a></p>'
        '<p class="titleu">РЕГЛАМЕНТ<br/>административной процедуры</p></div></body></html>'
    )
    document = read_html("toc.html", page)
    assert [b.lines for b in document.blocks if isinstance(b, Paragraph)] == [
        ("РЕГЛАМЕНТ", "административной процедуры")
    ]


# Real tables are read as the file has them: rows and cells, not paragraphs rebuilt into rows


def test_rendering_real_tables_keeps_each_cells_row_and_column() -> None:
    document = read_docx("decision.docx", to_docx(MODEL))
    text, _, grid = render_with_grid(document)
    lines = text.split("\n")
    at = {lines[line - 1]: cell for line, cell in grid.cells.items()}
    # The submitted-documents table is the decision's first: its rows as written in MODEL above.
    assert at["заявление"] == (0, 1, 0)
    assert at["в письменной форме:"] == (0, 1, 2)
    assert at["лично;"] == (0, 1, 2)
    assert at["письменное согласие собственников жилых помещений"] == (0, 3, 0)
    assert at["требуется легализация документов (проставление апостиля)"] == (0, 3, 3)
    assert at["согласование режима работы"] == (1, 1, 0)
    # The condition spans two columns; the form-and-manner cell is merged down over its row and
    # the row below it.
    condition = next(b for b in document.blocks if isinstance(b, Table)).rows[2]
    assert [(c.columns, c.merged) for c in condition] == [(2, False), (1, True), (1, False)]
    assert {cell for cell in grid.merged if cell[0] == 0} == {(0, 2, 2), (0, 3, 2)}
    not_required = [cell for line, cell in grid.cells.items() if lines[line - 1] == "не требуется"]
    assert not_required == [(0, 1, 3), (0, 2, 3)]  # the application's, the condition row's


def with_requirement(requirement: str) -> list[Block]:
    """MODEL with a requirement in the consent row's empty requirements cell."""
    row = (
        p("письменное согласие собственников жилых помещений"),
        p(requirement),
        C(merged=True),
        p("требуется легализация документов (проставление апостиля)"),
    )
    return [(*SUBMITTED[:3], row) if block is SUBMITTED else block for block in MODEL]


@pytest.mark.parametrize("form", ["docx", "html"])
def test_a_requirement_in_words_no_rule_knows_is_read_by_its_column(form: str) -> None:
    # «подписывается всеми собственниками» opens like no requirement the rebuilding knows
    # («должен …», «по форме согласно …»); in a real table its column says what it is.
    name, make = FORMS[form]
    source = to_source(name, make(with_requirement("подписывается всеми собственниками")))
    documents = parse_mvd_resolution(source).regulation("8.5.1").documents
    consent = documents[1]
    assert consent.name == "письменное согласие собственников жилых помещений"
    assert consent.requirements == "подписывается всеми собственниками"
    assert consent.submission.cell is FormCell.MERGED
    assert consent.apostille is Apostille.REQUIRED
    assert [d.name for d in documents] == ["заявление", consent.name]


def test_the_same_table_copied_from_a_browser_has_only_paragraphs_and_is_refused() -> None:
    raw = to_browser_copy(with_requirement("подписывается всеми собственниками"))
    with pytest.raises(DocumentError) as caught:
        parse_mvd_resolution(to_source("decision.txt", raw))
    assert "an apostille cell" in caught.value.expected
    assert "письменное согласие собственников жилых помещений" in caught.value.expected


def test_a_name_cell_of_two_documents_not_listed_after_a_colon_is_refused() -> None:
    row = (
        C(("письменное согласие собственников", "план помещения")),
        C(),
        C(merged=True),
        p("не требуется"),
    )
    model = [(*SUBMITTED[:3], row) if block is SUBMITTED else block for block in MODEL]
    with pytest.raises(DocumentError) as caught:
        parse_mvd_resolution(to_source("decision.docx", to_docx(model)))
    assert caught.value.expected == (
        "one document in the name cell «письменное согласие собственников», or a list after its «:»"
    )
    assert "«план помещения» (at table 1, row 4, cell 1 of decision.docx)" in caught.value.found


def test_a_validity_cell_is_read_by_its_column_and_refused_at_its_entry() -> None:
    issued = (
        ISSUED[0],
        (p("согласование режима работы"), C(("1 год", "до отмены")), p("письменная")),
    )
    model = [issued if block is ISSUED else block for block in MODEL]
    with pytest.raises(DocumentError) as caught:
        parse_mvd_resolution(to_source("decision.docx", to_docx(model)))
    assert caught.value.expected == (
        "a validity entry («3 месяца», «бессрочно») for «согласование режима работы»"
    )
    assert "«до отмены» (at table 2, row 2, cell 2 of decision.docx)" in caught.value.found
    # Read by its columns, the same row with entries of validity only gives them all.
    issued = (
        ISSUED[0],
        (p("согласование режима работы"), C(("1 год", "бессрочно")), p("письменная")),
    )
    model = [issued if block is ISSUED else block for block in MODEL]
    (document,) = (
        parse_mvd_resolution(to_source("decision.docx", to_docx(model)))
        .regulation("8.5.1")
        .issued_documents
    )
    assert [(v.text, v.amount, v.unit) for v in document.validity] == [
        ("1 год", 1, ValidityUnit.YEARS),
        ("бессрочно", None, ValidityUnit.UNLIMITED),
    ]
    assert document.form == "письменная"


# A real table's row that does not fit its columns is refused at that row's first cell; the
# facts of a row that fits span it from its first cell to its last.

CONSENT = "письменное согласие собственников жилых помещений"
LEGALIZED = "требуется легализация документов (проставление апостиля)"


def with_consent_row(*cells: C) -> tuple[Row, ...]:
    """The submitted-documents table with its last row (the owners' consent) made of `cells`."""
    return (*SUBMITTED[:3], cells)


ROW_REFUSALS: list[tuple[str, Block, Block, str, str]] = [
    (
        "a document row without a name",
        SUBMITTED,
        with_consent_row(C(), C(), C(merged=True), p(LEGALIZED)),
        "a document name in the first cell",
        "none (at table 1, row 4, cell 1 (empty) of decision.docx)",
    ),
    (
        "an apostille cell that says neither",
        SUBMITTED,
        with_consent_row(p(CONSENT), C(), C(merged=True), p("по желанию")),
        "an apostille cell («не требуется» or «требуется легализация …»)",
        "«по желанию» (at table 1, row 4, cell 4 of decision.docx)",
    ),
    (
        "an empty apostille cell",
        SUBMITTED,
        with_consent_row(p(CONSENT), C(), C(merged=True), C()),
        "an apostille cell («не требуется» or «требуется легализация …») ending the row "
        f"«{CONSENT}»",
        "an empty cell (at table 1, row 4, cell 1 of decision.docx)",
    ),
    (
        "a requirements cell of two paragraphs",
        SUBMITTED,
        with_consent_row(
            p(CONSENT),
            C(("подписывается собственниками", "заверяется нотариально")),
            C(merged=True),
            p(LEGALIZED),
        ),
        "one paragraph in a requirements cell",
        "«заверяется нотариально» (at table 1, row 4, cell 2 of decision.docx)",
    ),
    (
        "an issued row with two names",
        ISSUED,
        (ISSUED[0], (C(("согласование режима работы", "план")), p("бессрочно"), p("письменная"))),
        "an issued-document row: a name, one or more validity entries, a form",
        "cells of 2, 1 and 1 paragraphs (at table 2, row 2, cell 1 of decision.docx)",
    ),
    (
        "an issued row without validity",
        ISSUED,
        (ISSUED[0], (p("согласование режима работы"), C(), p("письменная"))),
        "an issued-document row: a name, one or more validity entries, a form",
        "cells of 1, 0 and 1 paragraphs (at table 2, row 2, cell 1 of decision.docx)",
    ),
    (
        "an issued row without a form",
        ISSUED,
        (ISSUED[0], (p("согласование режима работы"), p("бессрочно"), C())),
        "an issued-document row: a name, one or more validity entries, a form",
        "cells of 1, 1 and 0 paragraphs (at table 2, row 2, cell 1 of decision.docx)",
    ),
    (
        "an issued row whose form is none",
        ISSUED,
        (ISSUED[0], (p("согласование режима работы"), p("бессрочно"), p("устная"))),
        "a form cell («письменная», «электронная») for «согласование режима работы»",
        "«устная» (at table 2, row 2, cell 3 of decision.docx)",
    ),
    (
        "an appeal row whose form cell has two paragraphs",
        APPEAL,
        (APPEAL[0], (APPEAL[1][0], C(("электронная", "или письменная форма")))),
        "an appeal row of two cells of one paragraph each",
        "cells of 1 and 2 paragraphs (at table 3, row 2, cell 1 of decision.docx)",
    ),
    (
        "an appeal row whose body cell has two paragraphs",
        APPEAL,
        (APPEAL[0], (C(("Минский городской", "исполнительный комитет")), APPEAL[1][1])),
        "an appeal row of two cells of one paragraph each",
        "cells of 2 and 1 paragraphs (at table 3, row 2, cell 1 of decision.docx)",
    ),
]


@pytest.mark.parametrize(
    ("table", "changed", "expected", "found"),
    [case[1:] for case in ROW_REFUSALS],
    ids=[case[0] for case in ROW_REFUSALS],
)
def test_a_real_tables_row_that_does_not_fit_its_columns_is_refused_at_the_row(
    table: Block, changed: Block, expected: str, found: str
) -> None:
    model = [changed if block is table else block for block in MODEL]
    with pytest.raises(DocumentError) as caught:
        parse_mvd_resolution(to_source("decision.docx", to_docx(model)))
    assert (caught.value.expected, caught.value.found) == (expected, found)


def test_a_real_tables_facts_span_their_row_from_first_to_last_cell() -> None:
    regulation = parse_mvd_resolution(to_source("decision.docx", to_docx(MODEL))).regulation(
        "8.5.1"
    )
    (condition,) = regulation.conditions  # «при …:» spans two columns; its row ends «не требуется»
    assert lines_of(condition.span) == [
        "при согласовании режима работы объекта, расположенного в жилом доме:",
        "не требуется",
    ]
    assert lines_of(regulation.documents[1].span) == [CONSENT, LEGALIZED]
    (issued,) = regulation.issued_documents
    assert lines_of(issued.span) == ["согласование режима работы", "бессрочно", "письменная"]
    (appeal,) = regulation.appeal.bodies
    assert lines_of(appeal.span) == [
        "Минский городской исполнительный комитет",
        "электронная или письменная форма",
    ]


def lines_of(span: Span) -> list[str]:
    """The lines of text a span covers, without the blank lines between paragraphs."""
    return [line for line in span.text.split("\n") if line.strip(" \u00a0")]


@pytest.mark.parametrize("form", ["decision.docx", "decision.html"])
@pytest.mark.parametrize(
    ("form_cell", "expected"), [(C(), FormCell.EMPTY), (C(merged=True), FormCell.MERGED)]
)
def test_a_requirements_cell_merged_down_states_the_requirement_of_the_rows_it_covers(
    form: str, form_cell: C, expected: FormCell
) -> None:
    # «копия заявления» lies under the application's requirements cell, merged down over it: the
    # requirement is the copy's too. Its form cell is its own and empty, or merged down as well;
    # the table shows which, whatever the requirements cell does.
    copy_row = (p("копия заявления"), C(merged=True), form_cell, p("не требуется"))
    submitted = (*SUBMITTED[:2], copy_row, *SUBMITTED[2:])
    model = [submitted if block is SUBMITTED else block for block in MODEL]
    writer = to_docx if form.endswith(".docx") else to_html
    regulation = parse_mvd_resolution(to_source(form, writer(model))).regulation("8.5.1")
    application, copy = regulation.documents[:2]
    assert copy.name == "копия заявления"
    assert application.requirements is not None
    assert copy.requirements == application.requirements
    assert copy.requirements.startswith("заявление должно содержать")
    assert copy.submission is not None
    assert copy.submission.cell is expected
