"""The tables of a flattened regulation rebuilt as Word had them (`importers.regulation_grid`).

Each cell is written here as ``"<origin>[ ×columns][ ↓][ (+more)]: <first words>"``: ``line N``
is the paragraph it starts on, ``×2`` a cell merged across two grid columns, ``↓`` a cell merged
down from the one above (it has no paragraphs and no line of its own, its origin is ``merged``),
``(+3)`` the paragraphs after its first; an empty cell is on the line of its no-break space, or
``empty`` when the text lost that line. The expected grids are read off the text by hand: the
sample resolution (`importers/corpus/004…`, the regulation of procedure 10.7.1, lines 88–160),
small tables made from the Госстандарт regulation (`fixtures/gosstandart_22_9_1.txt`) the way Word
flattens merged cells, and 004's information-requested table of procedure 15.2.1 cut short.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.base import NBSP, DocumentError, SourceDocument
from importers.model import Cell, Table
from importers.regulation_grid import flattened_document
from tests.importers.test_reading_variants import SAMPLE, nbsp_as_spaces

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gosstandart_22_9_1.txt"
GOSSTANDART = FIXTURE.read_text(encoding="utf-8")
# The documents table's header in the Госстандарт regulation: three columns, no apostille.
LAST_HEADER_CELL = "Форма и порядок представления документа и (или) сведений\n\n"


def shown(cell: Cell) -> str:
    words = " ".join(cell.paragraphs[0].lines[0].split()[:2]) if cell.paragraphs else ""
    span = f" ×{cell.columns}" if cell.columns > 1 else ""
    down = " ↓" if cell.merged else ""
    more = f" (+{len(cell.paragraphs) - 1})" if len(cell.paragraphs) > 1 else ""
    return f"{cell.origin}{span}{down}{more}: {words}".rstrip()


def tables(text: str, name: str = "regulation.txt") -> list[list[list[str]]]:
    model = flattened_document(SourceDocument(name, text))
    return [
        [[shown(cell) for cell in row] for row in block.rows]
        for block in model.blocks
        if isinstance(block, Table)
    ]


def with_documents(body: str) -> str:
    """The Госстандарт regulation with its documents table's body replaced by ``body``."""
    start = GOSSTANDART.index(LAST_HEADER_CELL) + len(LAST_HEADER_CELL)
    end = GOSSTANDART.index("2.2. запрашиваемые")
    return GOSSTANDART[:start] + body + GOSSTANDART[end:]


def test_the_documents_table_of_procedure_10_7_1() -> None:
    # The form cell («в письменной форме: … по почте», lines 104–110) is merged down over the
    # two rows below; the third row's requirement cell is empty (the no-break space of line 122).
    assert tables(SAMPLE)[0] == [
        [
            "line 92: Наименование документа",
            "line 94: Требования, предъявляемые",
            "line 96: Форма и",
            "line 98: Необходимость легализации",
        ],
        [
            "line 100: заявление организации,",
            "line 102: заявление должно",
            "line 104 (+3): в письменной",
            "line 112: не требуется",
        ],
        [
            "line 114: приглашение на",
            "line 116: должно соответствовать",
            "merged ↓:",
            "line 118: не требуется",
        ],
        [
            "line 120: документы, подтверждающие",
            "line 122:",
            "merged ↓:",
            "line 124: требуется легализация",
        ],
    ]


def test_a_cell_keeps_each_of_its_paragraphs() -> None:
    model = flattened_document(SourceDocument("004.txt", SAMPLE))
    documents = next(b for b in model.blocks if isinstance(b, Table))
    form = documents.rows[1][2]
    assert [p.origin for p in form.paragraphs] == ["line 104", "line 106", "line 108", "line 110"]
    assert [p.lines for p in documents.rows[2][2].paragraphs] == []


def test_a_name_cell_keeps_the_documents_it_lists() -> None:
    # Procedure 15.2.1 (table on line 222): «копии документов, подтверждающих наличие на праве
    # собственности …» lists seven documents (lines 256–268) in its name cell; its requirement
    # cell is empty (line 270) and the form cell merged down from line 234.
    model = flattened_document(SourceDocument("004.txt", SAMPLE))
    documents = [b for b in model.blocks if isinstance(b, Table)][3]
    assert documents.origin == "line 222"
    row = documents.rows[4]
    assert [shown(cell) for cell in row] == [
        "line 256 (+6): копии документов,",
        "line 270:",
        "merged ↓:",
        "line 272: не требуется",
    ]
    assert [p.origin for p in row[0].paragraphs] == [f"line {n}" for n in range(256, 269, 2)]


def test_an_empty_paragraph_after_an_apostille_stays_in_its_cell() -> None:
    # An apostille cell ending in an empty paragraph (a stray Enter in Word's cell): the next
    # paragraph still starts the next row.
    text = SAMPLE.replace(
        "по почте\n\nне требуется\n\n", f"по почте\n\nне требуется\n\n{NBSP}\n\n", 1
    )
    assert tables(text)[0][1:3] == [
        [
            "line 100: заявление организации,",
            "line 102: заявление должно",
            "line 104 (+3): в письменной",
            "line 112: не требуется",
        ],
        [
            "line 116: приглашение на",
            "line 118: должно соответствовать",
            "merged ↓:",
            "line 120: не требуется",
        ],
    ]


def test_the_issued_and_appeal_tables_end_where_the_text_goes_on() -> None:
    # «Иные действия …» (line 148) follows the issued document's table and is no row of it.
    issued, appeal = tables(SAMPLE)[1:3]
    assert issued == [
        [
            "line 134: Наименование документа",
            "line 136: Срок действия",
            "line 138: Форма представления",
        ],
        ["line 140: приглашение на", "line 142: 3 месяца", "line 144: письменная"],
    ]
    assert appeal == [
        ["line 154: Наименование государственного", "line 156: Форма подачи"],
        ["line 158: подразделение по", "line 160: электронная или"],
    ]


def test_the_text_after_a_table_ends_it_even_without_the_empty_paragraph() -> None:
    # A copy that lost the empty paragraph Word puts after each table (line 146).
    text = SAMPLE.replace("письменная\n\n\u00a0\n\nИные действия", "письменная\n\nИные действия")
    assert text != SAMPLE
    assert tables(text)[1][1:] == [
        ["line 140: приглашение на", "line 142: 3 месяца", "line 144: письменная"],
    ]


def test_an_issued_document_without_a_validity_keeps_its_three_cells() -> None:
    text = SAMPLE.replace("3 месяца\n", f"{NBSP}\n", 1)
    model = flattened_document(SourceDocument("004.txt", text))
    issued = [b for b in model.blocks if isinstance(b, Table)][1]
    name, validity, form = issued.rows[1]
    assert shown(name) == "line 140: приглашение на"
    assert validity.paragraphs == ()
    assert not validity.merged
    # The empty validity cell is the row's own, on the line its no-break space holds.
    assert validity.origin == "line 142"
    assert shown(form) == "line 144: письменная"


def test_an_issued_document_without_a_form_keeps_its_three_cells() -> None:
    text = SAMPLE.replace("3 месяца\n\nписьменная\n", f"3 месяца\n\n{NBSP}\n", 1)
    model = flattened_document(SourceDocument("004.txt", text))
    issued = [b for b in model.blocks if isinstance(b, Table)][1]
    name, validity, form = issued.rows[1]
    assert shown(name) == "line 140: приглашение на"
    assert shown(validity) == "line 142: 3 месяца"
    assert form.paragraphs == ()
    # Line 144's no-break space is the form cell; line 146's is the paragraph after the table.
    assert (form.origin, form.merged) == ("line 144", False)


def test_an_issued_row_above_another_keeps_its_empty_validity_cell() -> None:
    # The first of two documents issued has an empty validity cell (line 142): the second row
    # still starts at its own name.
    text = SAMPLE.replace(
        "3 месяца\n\nписьменная\n",
        f"{NBSP}\n\nписьменная\n\nсправка о согласовании приглашения\n\nбессрочно\n\nписьменная\n",
        1,
    )
    assert tables(text)[1][1:] == [
        ["line 140: приглашение на", "line 142:", "line 144: письменная"],
        ["line 146: справка о", "line 148: бессрочно", "line 150: письменная"],
    ]


def test_an_issued_row_whose_form_lost_its_mark_has_an_empty_cell_of_no_line() -> None:
    # The form cell gone with its no-break space: line 144's no-break space may be the form cell
    # or the paragraph after the table. The row is the same either way; its form cell names no
    # line rather than a wrong one.
    text = SAMPLE.replace("3 месяца\n\nписьменная\n\n", "3 месяца\n\n", 1)
    assert tables(text)[1][1:] == [
        ["line 140: приглашение на", "line 142: 3 месяца", "empty:"],
    ]


def test_an_issued_row_whose_validity_is_no_term_is_refused() -> None:
    # «до 31 декабря» is no validity the reader knows: taken as the form, it would shift
    # «письменная» into a row of its own.
    text = SAMPLE.replace("3 месяца\n", "до 31 декабря\n", 1)
    with pytest.raises(DocumentError) as refused:
        flattened_document(SourceDocument("004.txt", text))
    assert refused.value.line == 142
    assert refused.value.expected.startswith(
        "a validity cell («3 месяца», «бессрочно») or an empty one for «приглашение на"
    )
    assert refused.value.found == "«до 31 декабря»"


def test_an_issued_row_of_a_name_alone_keeps_both_its_empty_cells() -> None:
    # Validity and form both emptied: their no-break spaces on lines 142 and 144, and the one
    # after the table on line 146.
    text = SAMPLE.replace("3 месяца\n\nписьменная\n", f"{NBSP}\n\n{NBSP}\n", 1)
    assert tables(text)[1][1:] == [["line 140: приглашение на", "line 142:", "line 144:"]]


def test_each_issued_document_is_a_row() -> None:
    # Two documents issued, the second valid without a term.
    text = SAMPLE.replace(
        "3 месяца\n\nписьменная\n",
        "3 месяца\n\nписьменная\n\nсправка о согласовании приглашения\n\nбессрочно\n\nписьменная\n",
        1,
    )
    assert tables(text)[1][1:] == [
        ["line 140: приглашение на", "line 142: 3 месяца", "line 144: письменная"],
        ["line 146: справка о", "line 148: бессрочно", "line 150: письменная"],
    ]


def test_a_group_heading_first_spans_the_whole_row() -> None:
    # «при обращении юридического лица:» as one cell merged across the three columns: nothing
    # above it to continue, so the columns it leaves are its own.
    text = with_documents(
        "при обращении юридического лица:\n\n"
        "заявление\n\nпо форме согласно приложению к настоящему Регламенту\n\n"
        "в письменной форме:\n\nлично;\n\nпо почте\n\n"
        f"устав организации\n\n{NBSP}\n\n{NBSP}\n\n{NBSP}\n\n"
    )
    assert tables(text)[0][1:] == [
        ["line 63 ×3: при обращении"],
        ["line 65: заявление", "line 67: по форме", "line 69 (+2): в письменной"],
        ["line 75: устав организации", "line 77:", "line 79:"],
    ]
    model = flattened_document(SourceDocument("regulation.txt", text))
    heading = next(b for b in model.blocks if isinstance(b, Table)).rows[1][0]
    assert heading.merged is False


def test_a_cell_merged_across_is_continued_as_wide_below_it() -> None:
    # The application's requirement («по форме согласно приложению …») is one cell over the
    # requirement and form columns, merged down over the next document's row too.
    text = with_documents(
        "заявление\n\nпо форме согласно приложению к настоящему Регламенту\n\n"
        f"средство измерений\n\nпаспорт средства измерений\n\n{NBSP}\n\n{NBSP}\n\n{NBSP}\n\n"
    )
    assert tables(text)[0][1:] == [
        ["line 63: заявление", "line 65 ×2: по форме"],
        ["line 67: средство измерений", "merged ×2 ↓:"],
        ["line 69: паспорт средства", "line 71:", "line 73:"],
    ]


def test_a_row_without_a_requirement_under_a_wide_cell_widens_its_name() -> None:
    # Below the two-column requirement cell the next document fills the form column but not the
    # requirement's: no cell above starts there to continue, so the name cell takes it.
    text = with_documents(
        "заявление\n\nпо форме согласно приложению к настоящему Регламенту\n\n"
        "средство измерений\n\nв письменной форме:\n\nлично;\n\nпо почте\n\n"
    )
    assert tables(text)[0][1:] == [
        ["line 63: заявление", "line 65 ×2: по форме"],
        ["line 67 ×2: средство измерений", "line 69 (+2): в письменной"],
    ]


def test_a_line_of_em_spaces_in_a_table_is_refused_with_its_file_and_line() -> None:
    # The third row's empty requirement cell of 10.7.1's documents table (line 122) written as an
    # em space: an empty cell or a paragraph of spaces, which would decide the row.
    lines = SAMPLE.split("\n")
    assert lines[121] == NBSP
    lines[121] = "\u2003"
    with pytest.raises(DocumentError) as refused:
        flattened_document(SourceDocument("004.txt", "\n".join(lines)))
    assert str(refused.value) == (
        "004.txt:122: expected text, a blank line or an empty cell's no-break space, found a line"
        " of other blank characters (U+2003): an empty cell or an empty paragraph, the text does"
        " not say which"
    )


def test_a_text_cut_after_a_table_header_is_refused() -> None:
    # A download that stops after the issued document's header (line 138): no row to read. The
    # refusal points at the text's end, the header's last cell (line 138), not at a line before it.
    cut = SAMPLE[: SAMPLE.index("Форма представления\n") + len("Форма представления\n")]
    with pytest.raises(DocumentError) as refused:
        flattened_document(SourceDocument("004.txt", cut))
    assert str(refused.value) == (
        "004.txt:138: expected at least one table row after the header,"
        " found the end of the section"
    )


# The information-requested table of 004's procedure 15.2.1 (lines 316–332), cut to three rows and
# written line by line as the flattening writes it: one cell a line, a blank line between, an
# empty cell as a line holding a no-break space, one more after the table.
REQUESTED_LINES = [
    "2.2. запрашиваемые (получаемые) уполномоченным органом самостоятельно:",  # 1
    "",
    NBSP,  # 3
    "",
    "Наименование документа и (или) сведений",  # 5
    "",
    "Наименование государственного органа, иной организации, у которых запрашиваются "
    "(получаются) документ и (или) сведения",  # 7
    "",
    "сведения в отношении соискателя лицензии",  # 9
    "",
    "Единый государственный регистр юридических лиц и индивидуальных предпринимателей",  # 11
    "",
    "сведения, подтверждающие факт работы в штате специалиста",  # 13
    "",
    NBSP,  # 15: the row's source cell, empty
    "",
    "информация о возможности трудоустройства за пределами Республики Беларусь",  # 17
    "",
    "Министерство образования",  # 19
    "",
    NBSP,  # 21: the paragraph after the table
    "",
    "3. Иные действия, совершаемые уполномоченным органом по исполнению",  # 23
    "",
]
REQUESTED = "\n".join(REQUESTED_LINES)


def test_a_requested_row_without_its_source_keeps_its_empty_cell() -> None:
    # Paired after dropping the empty cell, «сведения, подтверждающие …» would take «информация о
    # возможности …» as its source and «Министерство образования» would be lost.
    assert tables(REQUESTED)[0][1:] == [
        ["line 9: сведения в", "line 11: Единый государственный"],
        ["line 13: сведения, подтверждающие", "line 15:"],
        ["line 17: информация о", "line 19: Министерство образования"],
    ]


def test_the_last_requested_row_without_its_source_ends_in_its_empty_cell() -> None:
    # «Министерство образования» gone, its no-break space left (line 19): the row ends in an
    # empty cell on line 19, and line 21 is still the paragraph after the table.
    text = REQUESTED.replace("Министерство образования", NBSP)
    assert tables(text)[0][-1] == ["line 17: информация о", "line 19:"]


def test_a_requested_row_is_refused_when_the_text_cannot_tell_which_row_lacks_a_cell() -> None:
    # No-break spaces gone and every gap one blank line: the empty cell left no trace, and five
    # cells could be paired five ways.
    lines = [line for n, line in enumerate(REQUESTED_LINES, start=1) if n not in (15, 16)]
    text = "\n".join(line for line in lines if line != NBSP).replace("\n\n\n", "\n\n")
    with pytest.raises(DocumentError) as refused:
        flattened_document(SourceDocument("regulation.txt", text))
    # Lines 15–16 gone, and line 3's no-break space with a blank line: the table's last cell,
    # «Министерство образования», is on line 15.
    assert refused.value.line == 15
    assert refused.value.expected == (
        "two cells to each row (the text has no empty-cell marks to tell which row lacks one)"
    )
    assert refused.value.found == "5 cells, the last «Министерство образования»"


def test_a_requested_row_is_refused_where_the_blank_lines_fit_no_count_of_cells() -> None:
    # The empty cell's no-break space became a space, and a fourth blank line crept in: four
    # blank lines (14–17) after «сведения, подтверждающие …» are one empty cell and a stray blank
    # line, or two empty cells a line short. Both cannot be read; the table is refused there.
    text = REQUESTED.replace(NBSP, " ").replace("\n \n\nинформация", "\n \n\n\nинформация")
    with pytest.raises(DocumentError) as refused:
        flattened_document(SourceDocument("regulation.txt", text))
    assert refused.value.expected == "one reading of the table"
    # The cell, if there is one, stands on line 15: one blank line of spacing after line 13.
    assert refused.value.line == 15
    assert refused.value.found.startswith(
        "two: (1) the blank lines here held an empty table cell (its no-break space became a "
        "space); (2) they are only spacing"
    )
    assert refused.value.found.endswith(
        "Restore the empty cells' no-break-space lines (or import the .docx)"
    )


def test_an_annex_title_ends_a_table() -> None:
    # The appeal table of 10.7.1 followed by an annex's title (line 166) instead of «УТВЕРЖДЕНО»:
    # the title and what follows it are no rows of the table.
    at = SAMPLE.index("УТВЕРЖДЕНО", SAMPLE.index("электронная или письменная форма"))
    text = SAMPLE[:at] + "Приложение" + SAMPLE[at + len("УТВЕРЖДЕНО") :]
    assert tables(text)[2][1:] == [["line 158: подразделение по", "line 160: электронная или"]]


def test_an_issued_table_is_refused_where_its_blank_lines_fit_no_count_of_cells() -> None:
    # No-break spaces gone, and four blank lines (143–146) between «3 месяца» and «письменная»:
    # an empty cell and a stray line, or two empty cells a line short.
    text = nbsp_as_spaces(SAMPLE).replace("3 месяца\n\nписьменная", "3 месяца\n\n\n\n\nписьменная")
    with pytest.raises(DocumentError) as refused:
        flattened_document(SourceDocument("004.txt", text))
    assert (refused.value.line, refused.value.expected) == (144, "one reading of the table")
