"""The issued-document and appeal tables of flattened text, read fact by fact.

The sample МВД resolution (`importers/corpus/004…`) holds the cases: procedure 10.7.1's issued
document valid «3 месяца» (lines 140–144) and its appeal table (lines 158–160), 15.2.3's document
issued «бессрочно» (line 654), 15.4.1's two terms each with its condition (lines 1102–1104).
Where a case needs another table, one row of 10.7.1's is changed. Every expected fact, line and
refusal is written here by hand from the text.
"""

from __future__ import annotations

import pytest

from importers.base import NBSP, DocumentError
from importers.regulation_records import AppealForm, ValidityUnit
from tests.importers.test_reading_variants import ORIGINAL, SAMPLE, read

INVITATION = "приглашение на обучение с проставленной записью о его согласовании"
MIGRATION_OFFICE = (
    "подразделение по гражданству и миграции главного управления внутренних дел Минского "
    "городского исполнительного комитета, управлений внутренних дел областных исполнительных "
    "комитетов"
)
# 10.7.1's issued row after its name: the validity cell (line 142), the form cell (line 144).
ISSUED_CELLS = "3 месяца\n\nписьменная\n"
# 10.7.1's appeal form cell (line 160).
APPEAL_FORM = "электронная или письменная форма\n"


def refusal(text: str) -> tuple[int | None, str, str]:
    with pytest.raises(DocumentError) as refused:
        read(text)
    return refused.value.line, refused.value.expected, refused.value.found


# The validity entries -------------------------------------------------------------------------


def test_a_term_in_months_is_read_with_its_amount_unit_and_line() -> None:
    # «3 месяца»: months, not years; the entry's own line, not the row's.
    (issued,) = ORIGINAL.regulation("10.7.1").issued_documents
    (validity,) = issued.validity
    assert (validity.text, validity.amount, validity.unit, validity.condition) == (
        "3 месяца",
        3,
        ValidityUnit.MONTHS,
        None,
    )
    assert (validity.span.line_start, validity.span.line_end) == (142, 142)


def test_a_document_valid_without_a_term_keeps_its_line() -> None:
    (issued,) = ORIGINAL.regulation("15.2.3").issued_documents
    (validity,) = issued.validity
    assert (validity.text, validity.amount, validity.unit) == (
        "бессрочно",
        None,
        ValidityUnit.UNLIMITED,
    )
    assert (validity.span.line_start, validity.span.line_end) == (654, 654)


def test_each_term_keeps_the_workers_it_is_for() -> None:
    # Two terms in one validity cell, each «– в отношении …»: the condition after the dash.
    (issued,) = ORIGINAL.regulation("15.4.1").issued_documents
    assert [(v.amount, v.unit, v.condition, v.span.line_start) for v in issued.validity] == [
        (2, ValidityUnit.YEARS, "в отношении высококвалифицированных работников", 1102),
        (1, ValidityUnit.YEARS, "в отношении иных работников", 1104),
    ]


# The issued-document table --------------------------------------------------------------------


def test_a_second_issued_document_is_a_row_of_its_own() -> None:
    # Two documents issued: the second row is read from its own name on, not from the first
    # row's validity again.
    text = SAMPLE.replace(
        ISSUED_CELLS,
        ISSUED_CELLS + "\nсправка о согласовании приглашения\n\nбессрочно\n\nписьменная\n",
        1,
    )
    issued = read(text).regulation("10.7.1").issued_documents
    assert [(i.name, [v.text for v in i.validity], i.form) for i in issued] == [
        (INVITATION, ["3 месяца"], "письменная"),
        ("справка о согласовании приглашения", ["бессрочно"], "письменная"),
    ]


def test_an_issued_document_without_a_form_is_refused_at_its_name() -> None:
    # The form cell emptied (its no-break space on line 144): the validity is the table's last
    # cell, and the refusal names the row's name, not a reading past the table's end.
    text = SAMPLE.replace(ISSUED_CELLS, f"3 месяца\n\n{NBSP}\n", 1)
    assert refusal(text) == (
        140,
        f"a form cell («письменная», «электронная») for «{INVITATION}»",
        "the end of the table",
    )


def test_an_issued_document_without_a_validity_is_refused_at_its_form() -> None:
    # The validity cell emptied (line 142): the cell found in its place is the form, line 144.
    text = SAMPLE.replace("3 месяца\n", f"{NBSP}\n", 1)
    assert refusal(text) == (
        144,
        f"a validity cell («3 месяца», «бессрочно») for «{INVITATION}»",
        "«письменная»",
    )


def test_an_issued_document_of_a_name_alone_is_refused_at_the_table_end() -> None:
    # Validity and form both emptied: nothing follows the name (line 140) in the table.
    text = SAMPLE.replace(ISSUED_CELLS, f"{NBSP}\n\n{NBSP}\n", 1)
    assert refusal(text) == (
        140,
        f"a validity cell («3 месяца», «бессрочно») for «{INVITATION}»",
        "the end of the section",
    )


# The appeal table -----------------------------------------------------------------------------


def test_an_appeal_body_keeps_the_forms_its_cell_names() -> None:
    # «электронная или письменная форма»: both forms, electronic first, and the cell's words.
    body = ORIGINAL.regulation("10.7.1").appeal.bodies[0]
    assert (body.name, body.forms, body.form_text) == (
        MIGRATION_OFFICE,
        (AppealForm.ELECTRONIC, AppealForm.WRITTEN),
        "электронная или письменная форма",
    )
    assert (body.span.line_start, body.span.line_end) == (158, 160)


def test_each_appeal_body_is_paired_with_its_own_form() -> None:
    # Two bodies (rows of lines 158–160 and 162–164): each name with the form cell beside it.
    text = SAMPLE.replace(
        APPEAL_FORM, APPEAL_FORM + "\nМинистерство внутренних дел\n\nписьменная форма\n", 1
    )
    bodies = read(text).regulation("10.7.1").appeal.bodies
    assert [(b.name, b.forms, b.form_text) for b in bodies] == [
        (
            MIGRATION_OFFICE,
            (AppealForm.ELECTRONIC, AppealForm.WRITTEN),
            "электронная или письменная форма",
        ),
        ("Министерство внутренних дел", (AppealForm.WRITTEN,), "письменная форма"),
    ]


def test_an_appeal_body_without_its_form_is_refused_at_that_body() -> None:
    # A second body (line 162) whose form cell is empty: the table ends a cell short, and the
    # refusal names that body and its line, not the first row's form (line 160).
    text = SAMPLE.replace(
        APPEAL_FORM, APPEAL_FORM + f"\nМинистерство внутренних дел\n\n{NBSP}\n", 1
    )
    assert refusal(text) == (
        162,
        "the form cell for «Министерство внутренних дел»",
        "the end of the table",
    )


def test_an_appeal_form_naming_no_form_is_refused() -> None:
    # The form cell (line 160) says neither «электронная» nor «письменная».
    text = SAMPLE.replace(APPEAL_FORM, "в порядке, установленном законодательством\n", 1)
    assert refusal(text) == (
        160,
        "a complaint form («электронная или письменная форма»)",
        "«в порядке, установленном законодательством»",
    )
