"""Amending acts: their instructions read (importers/amending.py) and applied to the sample act
(importers/amend_apply.py). Every expected value is written from reading the texts: the sample
resolution importers/corpus/004_*.txt and the amending acts in fixtures/amending/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from importers.amend_apply import AppliedText, apply_instructions
from importers.amending import Amendment, Kind, Target, parse_amendment
from importers.base import NBSP, DocumentError, SourceDocument
from importers.mvd_regulations import parse_mvd_resolution
from importers.regulation_records import MvdResolution
from lexgraph.citations import parse_units

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "importers" / "corpus").glob("004_*.txt"))
FIXTURES = Path(__file__).parent / "fixtures" / "amending"
REG_1541 = (
    "в Регламенте административной процедуры, осуществляемой в отношении субъектов "
    "хозяйствования, по подпункту 15.4.1 «Получение специального разрешения на право занятия "
    "трудовой деятельностью в Республике Беларусь», утвержденном этим постановлением:"
)


def _act(*points: str) -> str:
    head = [
        "ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ БЕЛАРУСЬ",
        "1 марта 2024 г. № 50",
        "О внесении изменений в постановление Министерства внутренних дел Республики Беларусь",
        "На основании подпункта 9.4 пункта 9 Положения о Министерстве внутренних дел Республики "
        "Беларусь, утвержденного Указом Президента Республики Беларусь от 4 декабря 2007 г. № 611, "
        "Министерство внутренних дел Республики Беларусь ПОСТАНОВЛЯЕТ:",
        "1. Внести в постановление Министерства внутренних дел Республики Беларусь от 19 мая "
        "2023 г. № 102 «Об утверждении регламентов административных процедур» следующие "
        "изменения:",
    ]
    return "\n\n".join([*head, *points]) + "\n"


def _read(*points: str) -> Amendment:
    return parse_amendment(SourceDocument("amending.txt", _act(*points)))


# -- reading ---------------------------------------------------------------------------------

READINGS = [
    (
        ["1.1. в пункте 3 слова «с 1 июля 2023 г.» заменить словами «с 1 августа 2023 г.»;"],
        Kind.REPLACE_WORDS,
        Target(None, (("point", "3"),)),
        "с 1 июля 2023 г.",
        "с 1 августа 2023 г.",
    ),
    (
        [
            f"1.1. {REG_1541}",
            "в пункте 4 слова «5 базовых величин» заменить словами «7 базовых величин»;",
        ],
        Kind.REPLACE_WORDS,
        Target("15.4.1", (("point", "4"),)),
        "5 базовых величин",
        "7 базовых величин",
    ),
    (
        [
            "1.1. в подпункте 1.1 пункта 1 Регламента административной процедуры, осуществляемой "
            "в отношении субъектов хозяйствования, по подпункту 15.4.2 «Однократное продление», "
            "утвержденного этим постановлением, слова «по гражданству» исключить;"
        ],
        Kind.DELETE_WORDS,
        Target("15.4.2", (("point", "1"), ("subpoint", "1.1"))),
        "по гражданству",
        None,
    ),
    (
        [
            f"1.1. {REG_1541}",
            "в пункте 2:",
            "в подпункте 2.1:",
            "в графе «Форма» цифры «3» заменить цифрами «4»;",
        ],
        Kind.REPLACE_WORDS,
        Target("15.4.1", (("point", "2"), ("subpoint", "2.1")), column="Форма"),
        "3",
        "4",
    ),
    (
        [f"1.1. {REG_1541}", "в пункте 2:", "позицию «копия паспорта» исключить;"],
        Kind.DELETE,
        Target("15.4.1", (("point", "2"),), row="копия паспорта"),
        None,
        None,
    ),
    (
        # «в пункте 4» after «в пункте 2:» leaves point 2: a point cannot lie inside a point.
        [f"1.1. {REG_1541}", "в пункте 2:", "в пункте 4 слова «а» заменить словами «б»;"],
        Kind.REPLACE_WORDS,
        Target("15.4.1", (("point", "4"),)),
        "а",
        "б",
    ),
    (
        [
            "1.1. в пункте 3 после слов «в силу» дополнить словами «после официального "
            "опубликования и»;"
        ],
        Kind.ADD_WORDS,
        Target(None, (("point", "3"),)),
        "в силу",
        "после официального опубликования и",
    ),
    (
        ["1.1. пункт 2 исключить;"],
        Kind.DELETE,
        Target(None, (("point", "2"),)),
        None,
        None,
    ),
    (
        # Words with quotes inside them: the quotes are balanced, not the first «».
        [
            "1.1. в пункте 2 слова «Об утверждении регламентов административных процедур» "
            "заменить словами «Об административных процедурах»;"
        ],
        Kind.REPLACE_WORDS,
        Target(None, (("point", "2"),)),
        "Об утверждении регламентов административных процедур",
        "Об административных процедурах",
    ),
]


@pytest.mark.parametrize(("points", "kind", "target", "old", "new"), READINGS)
def test_an_instruction_is_read_with_its_target(
    points: list[str], kind: Kind, target: Target, old: str | None, new: str | None
) -> None:
    (instruction,) = _read(*points).instructions
    assert (instruction.kind, instruction.target, instruction.old, instruction.new) == (
        kind,
        target,
        old,
        new,
    )
    assert instruction.problem is None


def test_restating_takes_the_quoted_text_of_the_next_paragraphs() -> None:
    amendment = _read(
        "1.1. пункт 3 изложить в следующей редакции:",
        "«3. Настоящее постановление вступает в силу с 1 сентября 2023 г.»;",
    )
    (instruction,) = amendment.instructions
    assert instruction.kind is Kind.RESTATE
    assert instruction.target == Target(None, (("point", "3"),))
    assert instruction.new == "3. Настоящее постановление вступает в силу с 1 сентября 2023 г."


def test_insertion_names_the_container_and_the_new_unit() -> None:
    amendment = _read(
        f"1.1. {REG_1541}",
        "дополнить подпункт 1.3 пункта 1 подпунктом 1.3.1 следующего содержания:",
        "«1.3.1. текст;»;",
        "в подпункте 1.2 пункта 1:",
        "после абзаца второго дополнить подпункт абзацем следующего содержания:",
        "«Закон;»;",
    )
    first, second = amendment.instructions
    assert first.kind is Kind.INSERT
    assert first.target == Target("15.4.1", (("point", "1"), ("subpoint", "1.3")))
    assert first.unit == (("subpoint", "1.3.1"),)
    assert first.new == "1.3.1. текст;"
    assert second.target == Target("15.4.1", (("point", "1"), ("subpoint", "1.2")))
    assert (second.unit, second.after, second.new) == ((("para", ""),), (("para", "2"),), "Закон;")


def test_renumbering_pairs_each_unit_with_its_new_number() -> None:
    amendment = _read(
        f"1.1. {REG_1541}",
        "в пункте 1:",
        "подпункты 1.3.2–1.3.3 считать соответственно подпунктами 1.3.1–1.3.2;",
    )
    pairs = [(i.target.path, i.unit) for i in amendment.instructions]
    assert pairs == [
        ((("point", "1"), ("subpoint", "1.3.2")), (("subpoint", "1.3.1"),)),
        ((("point", "1"), ("subpoint", "1.3.3")), (("subpoint", "1.3.2"),)),
    ]


def test_what_cannot_be_read_is_kept_with_its_reason() -> None:
    amendment = _read(
        "1.1. приложение 2 к этому Регламенту изложить в новой редакции (прилагается);",
        "1.2. в пункте 2 слова «а» переставить после слов «б»;",
        "2. Признать утратившим силу постановление Министерства внутренних дел Республики "
        "Беларусь от 25 января 2022 г. № 18.",
    )
    problems = [i.problem for i in amendment.instructions]
    assert problems[0] is not None
    assert "прилагается" in problems[0]
    assert problems[1] is not None
    assert "not in the drafting forms read" in problems[1]
    assert problems[2] == "repeals a whole act"


def test_the_heading_date_number_amended_act_and_effective_day() -> None:
    amendment = parse_amendment(SourceDocument.read(FIXTURES / "mvd_2024_035.txt"))
    assert (amendment.date, amendment.number) == (dt.date(2024, 2, 12), "35")
    assert amendment.act_id == "by/resolution/mvd/2024-02-12/35"
    assert amendment.amended_act_id == "by/resolution/mvd/2023-05-19/102"
    assert amendment.effective == dt.date(2024, 3, 1)
    later = parse_amendment(SourceDocument.read(FIXTURES / "mvd_2024_118.txt"))
    assert later.effective is None
    assert later.effective_text == "после его официального опубликования"


def test_a_text_that_is_not_an_amending_act_is_refused() -> None:
    with pytest.raises(DocumentError, match="О внесении изменений"):
        parse_amendment(SourceDocument.read(SAMPLE))


def test_the_grammar_reads_bare_unit_chains() -> None:
    assert parse_units("в подпункте 1.2 пункта 1 слова", 2) == (
        ((("point", "1"), ("subpoint", "1.2")),),
        24,
    )
    found = parse_units("абзацы пятый–седьмой считать")
    assert found is not None
    assert found[0] == ((("para", "5"),), (("para", "6"),), (("para", "7"),))
    assert parse_units("слова «а»") is None


# -- applying the corpus ---------------------------------------------------------------------


def _applied(name: str) -> tuple[Amendment, AppliedText, MvdResolution]:
    amendment = parse_amendment(SourceDocument.read(FIXTURES / name))
    result = apply_instructions(SAMPLE.read_text(encoding="utf-8"), amendment.instructions)
    return amendment, result, parse_mvd_resolution(SourceDocument(SAMPLE.name, result.text))


# (the amending act's unit, kind) → None when applied, else words of the reason. Written from
# reading each instruction against 004.
EXPECTED_035 = [
    ("1.1 абз. 1", Kind.REPLACE_WORDS, None),
    ("1.2 абз. 2", Kind.REPLACE_WORDS, None),
    ("1.2 абз. 3", Kind.REPLACE_WORDS, None),
    ("1.2 абз. 6", Kind.REPLACE_WORDS, None),
    ("1.2 абз. 7", Kind.DELETE, None),
    ("1.2 абз. 8", Kind.DELETE_WORDS, None),
    ("1.2 абз. 9", Kind.ADD_WORDS, None),
    # point 1 of 15.4.1 writes «Законом Республики Беларусь «Об основах …»», not «Закона».
    ("1.2 абз. 10", Kind.REPLACE_WORDS, "are not found in пункт 1"),
    ("1.3 абз. 3", Kind.DELETE, None),
    *[("1.3 абз. 4", Kind.RENUMBER, None)] * 6,
    ("1.3 абз. 5", Kind.INSERT, None),
    ("1.3 абз. 7", Kind.INSERT, None),
    *[("1.3 абз. 8", Kind.RENUMBER, None)] * 4,
    ("1.3 абз. 9", Kind.RESTATE, None),
    # «не требуется» stands in 8 rows of the apostille column of 15.2.1.
    ("1.3 абз. 10", Kind.REPLACE_WORDS, "found 8 times"),
    # point 4 of 15.4.2 names the decree, the edict and the park's regulation «… Президента
    # Республики Беларусь»: three times.
    ("1.4 абз. 2", Kind.REPLACE_WORDS, "found 3 times"),
    ("1.4 абз. 3", Kind.REPLACE_WORDS, None),
    # the application's form cell is merged down over the two rows below it.
    ("1.4 абз. 4", Kind.DELETE, "merged over the row below"),
    ("1.4 абз. 5", Kind.RESTATE, "прилагается"),
    ("1.4 абз. 6", Kind.REPLACE_WORDS, "пункт 7 of the regulation of 15.4.2 does not exist"),
    # point 1 of 15.4.2 writes «лицом без гражданства».
    ("1.4 абз. 7", Kind.REPLACE_WORDS, "are not found"),
]

EXPECTED_118 = [
    ("1.1 абз. 2", Kind.DELETE, None),
    ("1.1 абз. 3", Kind.REPLACE_WORDS, None),
    ("1.1 абз. 4", Kind.RESTATE, None),
    ("1.1 абз. 5", Kind.DELETE, None),
    ("1.1 абз. 6", Kind.REPLACE_WORDS, None),
    (
        "1.1 абз. 7",
        Kind.DELETE,
        "подпункт 1.3.9 пункт 1 of the regulation of 15.2.2 does not exist",
    ),
    ("1.1 абз. 8", Kind.REPLACE_WORDS, None),
    ("1.1 абз. 9", Kind.DELETE_WORDS, "parts are not told apart"),
    # point 2 of 15.21.1 holds two tables with that column (2.1 and 2.2).
    ("1.2 абз. 2", Kind.REPLACE_WORDS, "2 tables in пункт 2"),
    ("1.2 абз. 3", Kind.REPLACE_WORDS, None),
    ("1.2 абз. 4", Kind.REPLACE_WORDS, None),
    ("1.3 абз. 2", Kind.DELETE, None),
    ("1.3 абз. 3", Kind.RESTATE, None),
    ("1.4 абз. 1", Kind.REPLACE_WORDS, "no regulation of procedure 15.9.9"),
    ("2 абз. 1", Kind.REPEAL, None),
    ("3 абз. 1", Kind.REPEAL, "repeals a whole act"),
]


# Table rows: a cell of a row by its column, a whole column, a new row (refused: its cells cannot
# be told apart in the flattened text).
EXPECTED_151 = [
    ("1 абз. 4", Kind.REPLACE_WORDS, None),
    ("1 абз. 5", Kind.INSERT, "a new table row"),
    ("1 абз. 6", Kind.REPLACE_WORDS, None),
    ("1 абз. 7", Kind.REPLACE_WORDS, "the words «в подлиннике» are not found"),
    ("1 абз. 8", Kind.REPLACE_WORDS, None),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("mvd_2024_035.txt", EXPECTED_035),
        ("mvd_2024_118.txt", EXPECTED_118),
        ("mvd_2024_151.txt", EXPECTED_151),
    ],
)
def test_every_instruction_is_applied_or_refused_with_its_reason(
    name: str, expected: list[tuple[str, Kind, str | None]]
) -> None:
    _, result, _ = _applied(name)
    found = [(o.instruction.source, o.instruction.kind, o.reason) for o in result.outcomes]
    assert [(s, k) for s, k, _ in found] == [(s, k) for s, k, _ in expected]
    for (source, _, reason), (_, _, words) in zip(found, expected, strict=True):
        if words is None:
            assert reason is None, (source, reason)
        else:
            assert reason is not None, source
            assert words in reason, (source, reason)


def test_the_corpus_holds_forty_instructions_of_every_kind() -> None:
    instructions = [
        i
        for name in ("mvd_2024_035.txt", "mvd_2024_118.txt")
        for i in parse_amendment(SourceDocument.read(FIXTURES / name)).instructions
    ]
    assert len(instructions) >= 40
    assert {i.kind for i in instructions} == set(Kind)


def test_the_first_amending_act_gives_the_facts_expected() -> None:
    _, result, resolution = _applied("mvd_2024_035.txt")
    assert resolution.entry_into_force == dt.date(2023, 8, 1)
    work = resolution.regulation("15.4.1")
    assert work.fee is not None
    assert work.fee.amount == Decimal("7")
    assert "главного управления по гражданству и миграции Минского" in work.competent_authority.name
    # the passport row deleted: the application and the fee document remain
    assert [d.name[:40] for d in work.documents] == [
        "заявление о выдаче специального разрешен",
        "документ об уплате государственной пошли",
    ]
    assert work.documents[1].requirements == (
        "документ должен соответствовать требованиям, определенным в частях первой–четвертой "
        "пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )
    assert work.requested_information[0].source == (
        "комитет по труду, занятости и социальной защите областного (Минского городского) "
        "исполнительного комитета"
    )
    assert work.other_actions[0].text.endswith(
        "«Гражданство и миграция» в течение одного рабочего дня"
    )
    licence = resolution.regulation("15.2.1")
    assert licence.fee is not None
    assert licence.fee.amount == Decimal("12")
    assert [f.number for f in licence.features] == [f"1.3.{n}" for n in range(1, 8)]
    assert licence.features[0].text.startswith("до принятия административного решения")
    assert licence.features[5].text.startswith("обжалование административного решения")
    assert licence.features[6].text == (
        "административная процедура не осуществляется в отношении иностранных организаций"
    )  # the reader leaves out the list's closing mark, as for every feature
    assert len(licence.legal_basis) == 8
    assert "№ 130-З «О нормативных правовых актах»" in licence.legal_basis[3].text
    extension = resolution.regulation("15.4.2")
    assert extension.fee is not None
    assert extension.fee.amount == Decimal("4")
    assert len(extension.documents) == 4  # the refused deletion left the table as it was
    # the regulations no instruction touched read as before
    before = parse_mvd_resolution(SourceDocument.read(SAMPLE))
    assert resolution.regulation("15.21.2") == before.regulation("15.21.2")
    # point 4 of 15.2.1 restated is the whole point: its second paragraph (the fee benefits)
    # goes with it.
    assert licence.fee_benefits == ()
    # lines: the passport row (4 with its blank line) and 1.3.1 (2) out, point 4's benefits
    # paragraph (2) out, 1.3.7 (2) and the new paragraph of 1.2 (2) in.
    lines = SAMPLE.read_text(encoding="utf-8").count("\n")
    assert result.text.count("\n") == lines - 4 - 2 - 2 + 2 + 2


def test_the_second_amending_act_gives_the_facts_expected() -> None:
    _, _, resolution = _applied("mvd_2024_118.txt")
    change = resolution.regulation("15.2.2")
    assert change.fee is not None
    assert change.fee.amount == Decimal("6")
    assert len(change.documents) == 9  # ten rows, the diplomas' deleted
    assert not any(d.name.startswith("копии дипломов") for d in change.documents)
    assert len(change.legal_basis) == 4  # Закон № 433-З left out
    assert change.legal_basis[0].text.startswith("Закон Республики Беларусь от 14 октября 2022 г.")
    assert change.features[-1].text.endswith("в судебном порядке в течение одного месяца")
    assert "в пункте 11 Положения" in change.features[1].text
    assert "статьи 26 Закона Республики Беларусь «О лицензировании»" in change.features[2].text
    study = resolution.regulation("10.7.1")
    assert len(study.documents) == 2
    assert [b.name for b in study.appeal.bodies] == ["Министерство внутренних дел"]
    dating = resolution.regulation("15.21.1")
    assert dating.fee is not None
    assert dating.fee.amount == Decimal("10.5")
    assert dating.documents[-1].name.startswith("договор с иностранным партнером о сборе")
    assert len(dating.legal_basis) == 6  # the МВД resolution № 303 repealed


def test_whitespace_never_changes_whether_words_are_found() -> None:
    amendment = _read(
        f"1.1. {REG_1541}",
        "в пункте 4 слова «в размере 5 базовых величин» заменить словами "
        "«в размере 7 базовых величин»;",
    )
    text = SAMPLE.read_text(encoding="utf-8")
    assert f"в{NBSP}размере 5 базовых" in text  # the sample holds a no-break space there
    with_nbsp = apply_instructions(text, amendment.instructions)
    with_spaces = apply_instructions(text.replace(NBSP, " "), amendment.instructions)
    assert [o.applied for o in with_nbsp.outcomes] == [True]
    assert [o.applied for o in with_spaces.outcomes] == [True]
    for result in (with_nbsp, with_spaces):
        fee = (
            parse_mvd_resolution(SourceDocument(SAMPLE.name, result.text)).regulation("15.4.1").fee
        )
        assert fee is not None
        assert fee.amount == Decimal("7")


def test_words_inside_a_longer_number_are_not_the_words() -> None:
    # «0 базовых величин» is in «10 базовых величин» of 15.2.1 only as part of a number.
    amendment = _read(
        "1.1. в пункте 4 Регламента административной процедуры, осуществляемой в отношении "
        "субъектов хозяйствования, по подпункту 15.2.1 «Получение лицензии», утвержденного этим "
        "постановлением, слова «0 базовых величин» заменить словами «1 базовой величины»;"
    )
    (outcome,) = apply_instructions(
        SAMPLE.read_text(encoding="utf-8"), amendment.instructions
    ).outcomes
    assert not outcome.applied
    assert outcome.reason is not None
    assert "not found" in outcome.reason


def test_table_rows_change_cell_by_cell_and_a_new_row_is_refused_with_its_text() -> None:
    amendment, result, resolution = _applied("mvd_2024_151.txt")
    work = resolution.regulation("15.4.1")
    # «в позиции «документ об уплате государственной пошлины» в графе «Требования …» слова
    # «частях первой–третьей» заменить словами «частях первой–четвертой»»
    assert work.documents[1].requirements == (
        "документ должен соответствовать требованиям, определенным в частях первой–четвертой "
        "пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
    )
    # «в графе «Форма и порядок представления …» слова «по почте» заменить словами «посредством
    # почтовой связи»»: the cell of the first row, which the rows below share
    assert "посредством почтовой связи;" in work.documents[0].submission.lines
    assert "по почте;" not in work.documents[0].submission.lines
    # «в подпункте 2.2 в графе «Наименование документа и (или) сведений» …»
    assert "по трудовому или гражданско-правовому договору" in work.requested_information[0].name
    # the new row is not added: the table keeps its three rows
    assert len(work.documents) == 3
    row = next(i for i in amendment.instructions if i.kind is Kind.INSERT)
    assert row.target.row == "документ об уплате государственной пошлины"
    assert row.new == "фотография заявителя размером 30 х 40 мм"
    assert not result.outcomes[1].applied
