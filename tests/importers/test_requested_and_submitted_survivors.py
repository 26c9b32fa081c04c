"""The information a regulation's authority requests itself (point 2.2), read row by row.

Seed 004 (`importers/corpus/004_85fdc72f4cf61fef.txt`), procedure 15.2.1's table of lines 316–334:
four rows of (what, from whom), each expected fact written by hand from the text. Then the same
table changed by one row, as a download or an editor leaves it: a source cell left empty, the last
source cell lost, a footnote marker with no footnote, and, in the .docx made from the seed's model,
a source cell of two paragraphs. Each is refused at its line, with what was expected there.

Every case reads its document inside the test (`make mutate` runs, for a function, the tests that
called it; a module-wide reading would count only for the first test).
"""

from __future__ import annotations

import dataclasses

import pytest

from importers.base import NBSP, DocumentError, SourceDocument, clean
from importers.formats import to_source
from importers.model import Document, Paragraph, Table
from importers.mvd_regulations import parse_mvd_resolution
from importers.regulation_grid import flattened_document
from importers.regulation_records import MvdResolution, SourceKind
from tests.importers import model_writers
from tests.importers.test_reading_variants import SAMPLE

NAME = "004_85fdc72f4cf61fef.txt"


def read(text: str) -> MvdResolution:
    return parse_mvd_resolution(SourceDocument(NAME, text))


def with_line(number: int, text: str) -> str:
    """The seed with its line `number` (1-based) replaced by `text`."""
    lines = SAMPLE.split("\n")
    lines[number - 1] = text
    return "\n".join(lines)


def refusal(text: str) -> str:
    with pytest.raises(DocumentError) as refused:
        read(text)
    return str(refused.value)


def test_each_requested_row_of_15_2_1_is_its_name_its_source_and_where_it_stands() -> None:
    # Lines 320–334. Three sources are registers («регистр», «Реестр»); «Министерство
    # образования» is an authority. Only the last name says when the information is needed
    # («в случае, если …», its own condition); no row carries a footnote marker. Each row's span
    # runs from its name's line to its source's line.
    rows = [
        (
            clean(r.name),
            clean(r.source),
            r.source_kind,
            clean(r.condition) if r.condition is not None else None,
            r.notes,
            (r.span.line_start, r.span.line_end),
        )
        for r in read(SAMPLE).regulation("15.2.1").requested_information
    ]
    assert rows == [
        (
            "сведения в отношении соискателя лицензии",
            "Единый государственный регистр юридических лиц и индивидуальных предпринимателей",
            SourceKind.REGISTRY,
            None,
            (),
            (320, 322),
        ),
        (
            "сведения, подтверждающие факт работы в штате специалиста, ответственного за работу по "
            "трудоустройству за пределами Республики Беларусь, для которого эта работа не является "
            "работой по совместительству, имеющего стаж работы по лицензируемому виду "
            "деятельности, в области содействия занятости населения в Республике Беларусь или "
            "туризма не менее одного года, у соискателя лицензии",
            "государственный информационный ресурс «Реестр индивидуальных лицевых счетов "
            "застрахованных лиц в системе индивидуального (персонифицированного) учета в системе "
            "государственного социального страхования»",
            SourceKind.REGISTRY,
            None,
            (),
            (324, 326),
        ),
        (
            "информация о существующих на момент выдачи информации правах и ограничениях "
            "(обременениях) прав на капитальное строение (здание, сооружение), изолированное "
            "помещение, необходимое для осуществления лицензируемого вида деятельности",
            "единый государственный регистр недвижимого имущества, прав на него и сделок с ним",
            SourceKind.REGISTRY,
            None,
            (),
            (328, 330),
        ),
        (
            "информация о возможности трудоустройства за пределами Республики Беларусь в случае, "
            "если заинтересованное лицо изъявит намерение направлять на работу за пределы "
            "Республики Беларусь в период летних каникул граждан Республики Беларусь, иностранных "
            "граждан или лиц без гражданства, постоянно проживающих в Республике Беларусь, "
            "обучающихся в организациях системы образования Республики Беларусь, по студенческим "
            "программам",
            "Министерство образования",
            SourceKind.AUTHORITY,
            "в случае, если заинтересованное лицо изъявит намерение направлять на работу за "
            "пределы Республики Беларусь в период летних каникул граждан Республики Беларусь, "
            "иностранных граждан или лиц без гражданства, постоянно проживающих в Республике "
            "Беларусь, обучающихся в организациях системы образования Республики Беларусь, по "
            "студенческим программам",
            (),
            (332, 334),
        ),
    ]


def test_a_requested_row_whose_source_cell_is_empty_is_refused_at_that_cell() -> None:
    # Line 326 (the Реестр of the second row) left as an empty cell's no-break space: the row has
    # no source, and pairing the cells two by two would give the third row's name as its source.
    assert refusal(with_line(326, NBSP)) == (
        f"{NAME}:326: expected a non-empty cell of the requested-information table, found none"
    )


def test_a_requested_table_that_ends_before_its_last_source_is_refused_at_the_last_row() -> None:
    # «Министерство образования» (line 334) gone, its no-break space left: the empty paragraphs
    # at the table's end are cut off with the one Word puts after a table, and the row of line
    # 332 ends the table without its source.
    assert refusal(with_line(334, NBSP)) == (
        f"{NAME}:332: expected the source cell of the row «информация о возможности "
        "трудоустройства за пределами Республики Белар…», found the end of the table"
    )


def test_a_footnote_marker_in_a_requested_row_with_no_footnote_is_refused() -> None:
    # «***» after the second row's name (line 324): 15.2.1 defines no footnote at all.
    lines = SAMPLE.split("\n")
    text = with_line(324, lines[323] + "***")
    assert refusal(text) == (
        f"{NAME}:324: expected a footnote «***» defined after a «______» line, found the marker "
        "in «сведения, подтверждающие факт работы в штате специалиста, ответственно…» "
        "with no such footnote"
    )


def with_sources(model: Document, row: int, sources: tuple[str, ...]) -> Document:
    """`model` with the source cell of row `row` of its first requested-information table (004's
    procedure 15.2.1) holding `sources`, a paragraph each."""
    target = next(
        b
        for b in model.blocks
        if isinstance(b, Table)
        and len(b.rows[0]) == 2
        and b.rows[0][0].paragraphs[0].lines[0].startswith("Наименование документа и")
    )
    name_cell, source_cell = target.rows[row]
    paragraphs = tuple(Paragraph((text,), source_cell.origin) for text in sources)
    changed = (name_cell, dataclasses.replace(source_cell, paragraphs=paragraphs))
    rows = (*target.rows[:row], changed, *target.rows[row + 1 :])
    table = dataclasses.replace(target, rows=rows)
    blocks = tuple(table if b is target else b for b in model.blocks)
    return dataclasses.replace(model, blocks=blocks)


def test_a_docx_requested_row_with_two_sources_in_one_cell_is_refused_at_that_row() -> None:
    # 004 as a .docx with real tables; in 15.2.1's requested table (table 5) the last row names
    # two bodies, each a paragraph of the source cell. The row is refused as the file has it
    # (row 5, cell 1 of table 5), not read from the flattened paragraphs, where the nine cells
    # would be paired two by two.
    model = flattened_document(SourceDocument(NAME, SAMPLE))
    changed = with_sources(model, 4, ("Министерство образования", "Министерство внутренних дел"))
    with pytest.raises(DocumentError) as refused:
        parse_mvd_resolution(to_source("004.docx", model_writers.to_docx(changed)))
    assert str(refused.value) == (
        "004.docx:330: expected a requested-information row of two cells of one paragraph each, "
        "found cells of 1 and 2 paragraphs (at table 5, row 5, cell 1 of 004.docx)"
    )
