"""The pages' Russian words: plural forms by hand from Russian grammar, validities as the
regulations write them («2 года», «1 год», seed 004 line 1096 on), dates as acts write them."""

from __future__ import annotations

from enum import Enum

import pytest

from lexgraph.api import enums
from lexgraph.api.effects import EffectKind
from lexgraph.api.nodes import Apostille, Subject
from lexgraph.pages import words

YEARS = ("год", "года", "лет")


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "лет"),
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
        (112, "лет"),
        (1000, "лет"),
    ],
)
def test_plural_forms(count: int, expected: str) -> None:
    assert words.plural(count, YEARS) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1.0, "1 базовая величина"),
        (2.0, "2 базовые величины"),
        (5.0, "5 базовых величин"),
        (10.0, "10 базовых величин"),
        (0.5, "0,5 базовой величины"),
        (None, ""),
    ],
)
def test_base_units(amount: float | None, expected: str) -> None:
    assert words.base_units(amount) == expected


def test_dates_as_acts_write_them() -> None:
    assert words.date("2023-05-19") == "19 мая 2023 г."
    assert words.date("2008-10-28") == "28 октября 2008 г."
    assert words.date("2024") == "2024"  # a year alone is shown as it is
    assert words.date(None) == ""


def test_closed_sets_read_in_any_letter_case() -> None:
    assert words.word(words.CHANNELS, "in_person") == "лично"
    assert words.word(words.CHANNELS, "IN_PERSON") == "лично"
    assert (
        words.word(words.APOSTILLE, "NOT_STATED") == "о легализации и апостиле регламент не говорит"
    )
    assert words.word(words.CHANNELS, "carrier_pigeon") == "carrier_pigeon"


def test_values_shown_as_the_schema_labels_them_take_its_labels() -> None:
    assert words.word(words.CHANNELS, "COURIER") == "нарочным (курьером)"
    assert words.word(words.APPEAL_KINDS, "judicial") == "обжалование в судебном порядке"
    assert words.word(words.STATUSES, "REPEALED") == "утратил силу"


@pytest.mark.parametrize(
    ("table", "closed_set"),
    [
        (words.APOSTILLE, Apostille),
        (words.ACT_KINDS, enums.ActKind),
        (words.APPEAL_FORMS, enums.AppealForm),
        (words.SUBJECTS, Subject),
        (words.EFFECT_KINDS, EffectKind),
        (words.IMPACT_KINDS, enums.ImpactKind),
    ],
    ids=lambda x: x.__name__ if isinstance(x, type) else "",
)
def test_a_sentence_form_is_kept_for_every_value_of_its_set_and_no_other(
    table: dict[str, str], closed_set: type[Enum]
) -> None:
    assert set(table) == {enums.stored(member) for member in closed_set}


def test_a_regulation_named_by_its_segment_is_captioned_by_its_title() -> None:
    assert words.unit_caption("procedure_regulation_15.4.1") == (
        "Регламент административной процедуры по подпункту 15.4.1"
    )
    assert words.unit_caption("пункт 2") == "пункт 2"


def test_an_amending_act_is_named_from_its_id_as_a_lawyer_names_it() -> None:
    assert words.act_caption("by/resolution/mvd/2024-02-26/40") == (
        "Постановление от 26 февраля 2024 г. № 40"
    )
    assert words.act_caption("by/law/2008-10-28/433-З") == "Закон от 28 октября 2008 г. № 433-З"
    # an id of another shape is shown as it is, never half-read
    assert words.act_caption("by/code/tax") == "by/code/tax"
    assert words.act_caption("by/unknown_kind/2024-01-01/1") == "by/unknown_kind/2024-01-01/1"


def test_the_kinds_of_change_read_in_legal_words() -> None:
    assert words.word(words.EFFECT_KINDS, "RESTATE") == "изложение в новой редакции"
    assert words.word(words.EFFECT_KINDS, "repeal") == "признание утратившим силу"


def test_why_an_instruction_was_not_applied_reads_in_russian() -> None:
    assert words.reason("no regulation of procedure 15.9.9 in the text") == (
        "в тексте нет регламента административной процедуры по подпункту 15.9.9"
    )
    assert words.reason("the words «статьи 25» are not found in the regulation of 15.2.2") == (
        "слова «статьи 25» не найдены в регламенте по подпункту 15.2.2"
    )
    assert words.reason("the words «пошлина» are found 3 times in the act") == (
        "слова «пошлина» встречаются в акте несколько раз (3): неясно, какие изменять"
    )
    assert words.reason("repeals a whole act") == (
        "акт признается утратившим силу целиком: это не изменение его текста"
    )
    # a reason the table does not know is shown as stated
    assert words.reason("the new number 8 is taken") == "the new number 8 is taken"
    assert words.reason(None) == ""
