"""The API's closed sets hold every value the importers write, and periods read as law says."""

from __future__ import annotations

from enum import Enum

import pytest

from importers import regulation_records as records
from lexgraph.api import enums
from lexgraph.api.periods import ValidityPeriod
from lexgraph.citations.acts import ACT_KINDS
from lexgraph.graph.impact import KIND_ORDER
from lexgraph.importing import DOCUMENT_TYPES
from lexgraph.russian import plural


def values(enum: type[Enum]) -> set[str]:
    return {enums.stored(member) for member in enum}


@pytest.mark.parametrize(
    ("api", "written"),
    [
        (enums.SubmissionChannel, {v.value for v in records.SubmissionChannel}),
        (enums.SubmissionStated, {v.value for v in records.FormCell}),
        (enums.AppealForm, {v.value for v in records.AppealForm}),
        (enums.AppealKind, {"administrative", "judicial"}),  # importers/mvd_graph.py
        (enums.InformationSourceKind, {v.value for v in records.SourceKind}),
        (enums.ValidityUnit, {v.value for v in records.ValidityUnit}),
        (enums.ActKind, set(ACT_KINDS)),
        (enums.SourceDocumentKind, set(DOCUMENT_TYPES)),
        (enums.ImpactKind, set(KIND_ORDER)),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_every_value_written_is_a_value_of_the_enum(api: type[Enum], written: set[str]) -> None:
    assert values(api) == written


def test_each_value_has_a_russian_label() -> None:
    assert enums.label(enums.SubmissionChannel.IN_PERSON) == "лично"
    assert enums.label(enums.AppealKind.JUDICIAL) == "обжалование в судебном порядке"
    assert enums.label(enums.ActKind.CM_RESOLUTION) == "постановление Совета Министров"


@pytest.mark.parametrize(
    ("count", "word"),
    [
        (1, "год"),
        (2, "года"),
        (4, "года"),
        (5, "лет"),
        (11, "лет"),
        (12, "лет"),
        (14, "лет"),
        (21, "год"),
        (22, "года"),
        (25, "лет"),
        (101, "год"),
        (111, "лет"),
        (0, "лет"),
    ],
)
def test_the_noun_agrees_with_the_number(count: int, word: str) -> None:
    assert plural(count, "год", "года", "лет") == word


@pytest.mark.parametrize(
    ("stored", "amount", "unit", "text"),
    [
        ("1 years", 1, enums.ValidityUnit.YEARS, "1 год"),
        ("2 years", 2, enums.ValidityUnit.YEARS, "2 года"),
        ("5 years", 5, enums.ValidityUnit.YEARS, "5 лет"),
        ("1 months", 1, enums.ValidityUnit.MONTHS, "1 месяц"),
        ("3 months", 3, enums.ValidityUnit.MONTHS, "3 месяца"),
        ("6 months", 6, enums.ValidityUnit.MONTHS, "6 месяцев"),
        ("unlimited", None, enums.ValidityUnit.UNLIMITED, "бессрочно"),
    ],
)
def test_a_stored_period_reads_as_amount_unit_and_words(
    stored: str, amount: int | None, unit: enums.ValidityUnit, text: str
) -> None:
    assert ValidityPeriod.parse(stored) == ValidityPeriod(amount=amount, unit=unit, text=text)


@pytest.mark.parametrize("stored", ["years", "two years", "1 decades", "3 unlimited", ""])
def test_a_period_the_importer_does_not_write_is_refused(stored: str) -> None:
    with pytest.raises(ValueError, match="not a stored validity period"):
        ValidityPeriod.parse(stored)
