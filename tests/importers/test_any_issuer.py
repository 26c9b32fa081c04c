"""Acts approving regulations of any state body, in the wrappers publishers put around them.

Variants of the sample МВД resolution are generated here (another issuer's heading, preamble and
stamps; ЭТАЛОН-online's header and register entry; a consolidated text's «Изменения и дополнения:»
block; a resolution approving one regulation): each gives the sample's facts, under that issuer's
ids. Two small regulations of other bodies (`fixtures/`) are read from their own text.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from importers.base import DocumentError, SourceDocument
from importers.mvd_graph import build_mvd_resolution
from importers.mvd_regulations import looks_like_mvd_resolution, parse_mvd_resolution
from importers.regulation_records import (
    ActKind,
    Apostille,
    FormCell,
    MvdResolution,
    SourceKind,
    SubmissionChannel,
)
from lexgraph.importing import document_type
from lexgraph.state_bodies import STATE_BODIES, BodyKind, StateBody, body_by_genitive
from tests.importers.test_reading_variants import ORIGINAL, SAMPLE, facts, read

FIXTURES = Path(__file__).resolve().parent / "fixtures"
S = "[ \u00a0]"  # the sample has no-break spaces where Word had them
MVD = "Министерство внутренних дел Республики Беларусь"


def as_issued_by(body: StateBody, text: str = SAMPLE) -> str:
    """The sample with another issuer's heading, preamble, stamps and act word."""
    heading, stamp = body.act_word
    text = re.sub(
        rf"^ПОСТАНОВЛЕНИЕ{S}МИНИСТЕРСТВА ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ БЕЛАРУСЬ$",
        f"{heading} {body.genitive.upper()}",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    text = re.sub(
        rf", Министерство{S}внутренних{S}дел Республики{S}Беларусь ПОСТАНОВЛЯЕТ:$",
        f", {body.nominative} {body.decides}",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    text = re.sub(
        r"^Постановление\nМинистерства внутренних дел\nРеспублики Беларусь$",
        f"{stamp}\n{body.genitive}",
        text,
        flags=re.MULTILINE,
    )
    word = "решение" if heading == "РЕШЕНИЕ" else "постановление"
    return re.sub(rf"Настоящее{S}постановление", f"Настоящее {word}", text)


ETALON_HEADER = (
    "Документ предоставлен ИПС «ЭТАЛОН-ONLINE»\n\n"
    "Национальный центр правовой информации Республики Беларусь\n\n"
    "Зарегистрировано в Национальном реестре правовых актов Республики Беларусь "
    "1 июня 2023 г. № 8/40012\n\n"
)
AMENDMENTS = (
    "Изменения и дополнения:\n\n"
    "Постановление Министерства внутренних дел Республики Беларусь от 5 января 2024 г. № 3 "
    "(зарегистрировано в Национальном реестре - № 8/41111 от 10.01.2024 г.) <W22441111>;\n\n"
    "Постановление Министерства внутренних дел Республики Беларусь от 20 мая 2025 г. № 90 "
    "(зарегистрировано в Национальном реестре - № 8/43210 от 28.05.2025 г.) <W22543210>\n\n"
)


def with_etalon_header(text: str = SAMPLE) -> str:
    return ETALON_HEADER + text


def with_amendments(text: str = SAMPLE) -> str:
    title = "Об утверждении регламентов административных процедур\n\n"
    return text.replace(title, title + AMENDMENTS, 1)


def approving_one(number: str, text: str = SAMPLE) -> str:
    """The sample cut to a resolution approving the regulation of `number` alone."""
    lines = text.split("\n")
    stamps = [i for i, line in enumerate(lines) if line == "УТВЕРЖДЕНО"]
    blocks = list(zip(stamps, [*stamps[1:], len(lines)], strict=True))
    title = re.compile(rf"подпункту{S}{re.escape(number)} «")
    kept = next(
        (start, stop)
        for start, stop in blocks
        if any(title.search(line) for line in lines[start:stop])
    )
    head = lines[: stamps[0]]
    at = head.index("1.\u00a0Утвердить:")
    item = next(
        i
        for i in range(at, len(head))
        if re.search(rf"подпункту(?:1 |{S}){re.escape(number)} «", head[i])
    )
    approval = head[item].removeprefix("Регламент").rstrip(";").rstrip()
    if not approval.endswith("."):
        approval += "."
    end = next(i for i in range(item, len(head)) if head[i].startswith("____"))
    head = [*head[:at], f"1. Утвердить Регламент{approval}", "", *head[end:]]
    return "\n".join([*head, *lines[kept[0] : kept[1]]])


def reading(resolution: MvdResolution) -> object:
    """The act's facts but what publishers add around it (header, register entry, amendments)."""
    found = facts(resolution)
    assert isinstance(found, dict)
    return {k: v for k, v in found.items() if k not in ("wrapper", "registration", "amendments")}


def test_the_table_of_state_bodies_has_one_slug_and_name_per_body() -> None:
    slugs = [body.slug for body in STATE_BODIES]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z_]+", slug) for slug in slugs)
    assert body_by_genitive("МИНИСТЕРСТВА ПО ЧРЕЗВЫЧАЙНЫМ СИТУАЦИЯМ РЕСПУБЛИКИ БЕЛАРУСЬ") == next(
        b for b in STATE_BODIES if b.slug == "mchs"
    )
    kinds = {body.kind for body in STATE_BODIES}
    assert kinds == set(BodyKind)


ISSUERS = ["mchs", "minzdrav", "gosstandart", "sovmin", "minskiy_gorispolkom"]
ACT_IDS = {
    "mchs": "by/resolution/mchs/2023-05-19/102",
    "minzdrav": "by/resolution/minzdrav/2023-05-19/102",
    "gosstandart": "by/resolution/gosstandart/2023-05-19/102",
    "sovmin": "by/cm_resolution/2023-05-19/102",
    "minskiy_gorispolkom": "by/decision/minskiy_gorispolkom/2023-05-19/102",
}


def body(slug: str) -> StateBody:
    return next(b for b in STATE_BODIES if b.slug == slug)


@pytest.mark.parametrize("slug", ISSUERS)
def test_another_issuer_gives_the_same_regulations_under_its_own_ids(slug: str) -> None:
    text = as_issued_by(body(slug))
    document = SourceDocument.decode("other.txt", text.encode())
    assert looks_like_mvd_resolution(document)
    assert document_type(document) == "mvd_regulations"
    resolution = parse_mvd_resolution(document)
    assert resolution.body == body(slug)
    assert resolution.issuer == body(slug).nominative
    assert facts(resolution.regulations) == facts(ORIGINAL.regulations)
    assert (resolution.date, resolution.number, resolution.title) == (
        ORIGINAL.date,
        ORIGINAL.number,
        ORIGINAL.title,
    )
    batch = build_mvd_resolution(resolution, checksum="0", line_count=1)
    act = batch.nodes[("LegalAct", ACT_IDS[slug])]
    assert act.properties["issuers"] == [body(slug).nominative]
    assert act.properties["signedBy"] == "И.В.Кубраков"


def test_the_mvd_keeps_its_act_id_and_gets_its_signatory() -> None:
    batch = build_mvd_resolution(ORIGINAL, checksum="0", line_count=1)
    act = batch.nodes[("LegalAct", "by/resolution/mvd/2023-05-19/102")].properties
    assert (act["kind"], act["signedBy"], act["signedByPosition"]) == (
        "resolution",
        "И.В.Кубраков",
        "Министр генерал-лейтенант милиции",
    )
    assert ORIGINAL.kind is ActKind.MINISTRY_RESOLUTION


def test_an_etalon_header_and_register_entry_are_read_off_the_act() -> None:
    resolution = read(with_etalon_header())
    assert reading(resolution) == reading(ORIGINAL)
    assert resolution.registration is not None
    assert (resolution.registration.number, resolution.registration.date) == (
        "8/40012",
        date(2023, 6, 1),
    )
    assert resolution.wrapper == (
        "Документ предоставлен ИПС «ЭТАЛОН-ONLINE»",
        "Национальный центр правовой информации Республики Беларусь",
    )
    document = SourceDocument.decode("etalon.txt", with_etalon_header().encode())
    assert document_type(document) == "mvd_regulations"
    batch = build_mvd_resolution(resolution, checksum="0", line_count=1)
    act = batch.nodes[("LegalAct", "by/resolution/mvd/2023-05-19/102")].properties
    assert (act["registerNumber"], act["registeredOn"]) == ("8/40012", date(2023, 6, 1))


def test_the_register_entry_under_the_date_is_read_too() -> None:
    text = SAMPLE.replace(
        "19 мая 2023 г. № 102\n",
        "19 мая 2023 г. № 102\n\nЗарегистрировано в Национальном реестре правовых актов "
        "Республики Беларусь 1 июня 2023 г. N 8/40012\n",
        1,
    )
    resolution = read(text)
    assert resolution.registration is not None
    assert resolution.registration.number == "8/40012"
    assert reading(resolution) == reading(ORIGINAL)


def test_amendments_are_kept_as_facts() -> None:
    resolution = read(with_etalon_header(with_amendments()))
    assert reading(resolution) == reading(ORIGINAL)
    assert [(a.date, a.number, a.register_number) for a in resolution.amendments] == [
        (date(2024, 1, 5), "3", "8/41111"),
        (date(2025, 5, 20), "90", "8/43210"),
    ]
    batch = build_mvd_resolution(resolution, checksum="0", line_count=1)
    amended = sorted(
        (edge.target_id, edge.properties["number"])
        for edge in batch.edges.values()
        if edge.type == "AMENDED_BY"
    )
    assert amended == [
        ("by/resolution/mvd/2024-01-05/3", "3"),
        ("by/resolution/mvd/2025-05-20/90", "90"),
    ]
    assert batch.nodes[("LegalAct", "by/resolution/mvd/2024-01-05/3")].properties[
        "registerNumber"
    ] == ("8/41111")


@pytest.mark.parametrize("number", ["10.7.1", "15.4.1", "15.21.1"])
def test_a_resolution_approving_one_regulation(number: str) -> None:
    resolution = read(approving_one(number))
    assert [r.procedure_number for r in resolution.regulations] == [number]
    assert [a.procedure_number for a in resolution.approved] == [number]
    assert facts(resolution.regulations[0]) == facts(ORIGINAL.regulation(number))
    assert facts(resolution.signatory) == facts(ORIGINAL.signatory)


REFUSALS = [
    (
        "an unknown body's heading",
        lambda: SAMPLE.replace(
            "ПОСТАНОВЛЕНИЕ\u00a0МИНИСТЕРСТВА ВНУТРЕННИХ ДЕЛ", "ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА ЧУДЕС", 1
        ),
        1,
        "expected the act's heading «ПОСТАНОВЛЕНИЕ <a state body in the genitive>»",
    ),
    (
        "a preamble naming another body than the heading",
        lambda: as_issued_by(body("mchs")).replace(
            "Министерство по чрезвычайным ситуациям Республики Беларусь ПОСТАНОВЛЯЕТ:",
            "Министерство внутренних дел Республики Беларусь ПОСТАНОВЛЯЕТ:",
        ),
        7,
        "expected the preamble «На основании …, Министерство по чрезвычайным ситуациям",
    ),
    (
        "a stamp of another body than the heading",
        lambda: as_issued_by(body("mchs")).replace(
            "Постановление\nМинистерства по чрезвычайным ситуациям Республики Беларусь",
            "Постановление\nМинистерства внутренних дел Республики Беларусь",
            1,
        ),
        64,
        "expected the approval stamp «Постановление Министерства по чрезвычайным ситуациям",
    ),
    (
        "text above the heading that is no publisher's header",
        lambda: "Проект\n\n" + SAMPLE,
        1,
        "found «Проект»",
    ),
    (
        "a broken «Изменения и дополнения:» entry",
        lambda: with_amendments().replace("от 20 мая 2025 г. № 90", "от 20 мая № 90"),
        11,
        "expected an amending act «Постановление … от 5 января 2024 г. № 3",
    ),
    (
        "two register numbers",
        lambda: with_etalon_header(
            SAMPLE.replace(
                "19 мая 2023 г. № 102\n",
                "19 мая 2023 г. № 102\n\nЗарегистрировано в Национальном реестре правовых "
                "актов Республики Беларусь № 8/99999\n",
                1,
            )
        ),
        11,
        "expected the register number 8/40012 given at line 5, found 8/99999",
    ),
]


@pytest.mark.parametrize(
    ("make", "line", "message"),
    [(make, line, message) for _, make, line, message in REFUSALS],
    ids=[name for name, *_ in REFUSALS],
)
def test_refusals_name_the_file_the_line_and_what_was_expected(
    make: object, line: int, message: str
) -> None:
    assert callable(make)
    with pytest.raises(DocumentError) as caught:
        read(make())
    assert (caught.value.document, caught.value.line) == ("variant.txt", line)
    assert message in str(caught.value)


def fixture(name: str) -> MvdResolution:
    return parse_mvd_resolution(SourceDocument.read(FIXTURES / name))


def test_a_state_committee_resolution_approving_one_regulation() -> None:
    resolution = fixture("gosstandart_22_9_1.txt")
    assert resolution.kind is ActKind.STATE_COMMITTEE_RESOLUTION
    assert (resolution.date, resolution.number) == (date(2024, 3, 14), "21")
    assert (resolution.signatory.position, resolution.signatory.name) == (
        "Председатель",
        "А.Б.Петров",
    )
    regulation = resolution.regulation("22.9.1")
    assert regulation.title == "Получение свидетельства о поверке средства измерений"
    written = (SubmissionChannel.IN_PERSON, SubmissionChannel.POST)
    assert [
        (d.name, d.alternatives, d.requirements, d.submission.channels, d.submission.cell)
        for d in regulation.documents
    ] == [
        (
            "заявление",
            (),
            "по форме согласно приложению к настоящему Регламенту",
            written,
            "stated",
        ),
        ("средство измерений", (), "должно быть исправным и укомплектованным", written, "empty"),
        (
            "паспорт средства измерений или иной документ, его заменяющий",
            ("паспорт средства измерений", "иной документ, его заменяющий"),
            None,
            written,
            FormCell.EMPTY,
        ),
        (
            "копии документов, подтверждающих право на средство измерений",
            ("договор купли-продажи", "договор аренды"),
            None,
            written,
            FormCell.EMPTY,
        ),
    ]
    assert [(r.source, r.source_kind) for r in regulation.requested_information] == [
        (
            "Единый государственный регистр юридических лиц и индивидуальных предпринимателей",
            SourceKind.REGISTRY,
        )
    ]
    assert regulation.fee is not None
    assert regulation.fee.amount == Decimal("1.5")
    assert [(i.name, i.validity[0].amount) for i in regulation.issued_documents] == [
        ("свидетельство о поверке средства измерений", 1)
    ]
    assert [b.name for b in regulation.appeal.bodies] == [
        "Государственный комитет по стандартизации Республики Беларусь"
    ]
    batch = build_mvd_resolution(resolution, checksum="0", line_count=1)
    assert ("LegalAct", "by/resolution/gosstandart/2024-03-14/21") in batch.nodes


def test_a_city_executive_committee_decision() -> None:
    resolution = fixture("minsk_gorispolkom_8_5_1.txt")
    assert resolution.kind is ActKind.EXECUTIVE_COMMITTEE_DECISION
    assert resolution.entry_into_force == date(2024, 2, 15)
    regulation = resolution.regulation("8.5.1")
    assert regulation.competent_authority.name == "администрация района г. Минска"
    assert [(d.name, d.apostille, d.condition) for d in regulation.documents] == [
        ("заявление", Apostille.NOT_REQUIRED, None),
        (
            "письменное согласие собственников жилых помещений",
            Apostille.REQUIRED,
            "при согласовании режима работы объекта, расположенного в жилом доме",
        ),
    ]
    assert [c.text for c in regulation.conditions] == [
        "при согласовании режима работы объекта, расположенного в жилом доме"
    ]
    assert SubmissionChannel.ELECTRONIC in regulation.documents[0].submission.channels
    assert regulation.fee is None
    batch = build_mvd_resolution(resolution, checksum="0", line_count=1)
    act = batch.nodes[("LegalAct", "by/decision/minskiy_gorispolkom/2024-02-02/300")]
    assert (act.properties["kind"], act.properties["signedBy"]) == ("decision", "В.Е.Кухарев")
    assert MVD not in str(facts(resolution))


def test_an_act_without_the_footnote_on_the_unified_list() -> None:
    text = (FIXTURES / "gosstandart_22_9_1.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("______"))
    without = "\n".join([*lines[:start], *lines[start + 4 :]]).replace("подпункту1 ", "подпункту ")
    resolution = parse_mvd_resolution(SourceDocument("no_footnote.txt", without))
    assert resolution.unified_list is None
    assert facts(resolution.regulations) == facts(fixture("gosstandart_22_9_1.txt").regulations)
    batch = build_mvd_resolution(resolution, checksum="0", line_count=1)
    assert not [e for e in batch.edges.values() if e.type == "LISTED_IN"]
