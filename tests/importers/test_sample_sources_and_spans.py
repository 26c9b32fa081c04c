"""What the sample's reading added: the sources its special features name, the term its forms
promise, and each statement at its own lines.

Every expected value is written from the text (`importers/corpus/004_85fdc72f4cf61fef.txt`, line
numbers as in the file), not from the reader's output:

* 15.2.1 1.3.5 (line 210), 15.2.2 1.3.4 (382), 15.21.1 1.3.5 (718), 15.21.2 1.3.4 (876): «сведения в
  отношении работников соискателя лицензии (лицензиата) – … уполномоченный орган получает из
  государственной централизованной автоматизированной информационной системы «Регистр
  населения»»; 15.2.1 1.3.6 (212), 15.2.2 1.3.5 (384), 15.21.1 1.3.6 (720), 15.21.2 1.3.5 (878):
  «сведения о наличии (отсутствии) … судимости, а также фактов привлечения … к административной
  ответственности …, уполномоченный орган получает из единой государственной системы регистрации и
  учета правонарушений». 10.7.1, 15.2.3, 15.4.1 and 15.4.2 name no such source.
* The forms of 15.4.1 (line 1322) and 15.4.2 (line 1631): «Уведомлен о получении специального
  разрешения на право занятия трудовой деятельностью в Республике Беларусь не позднее 10 (7) дней
  со дня подачи заявления.»
* The act's heading is line 1, its preamble line 7 (two references), point 1 approves the eight
  regulations at lines 11, 13, … 25 in order; 10.7.1's title is lines 69–70, its authority line 74,
  its legal basis lines 78, 80, 82, 84, 86; 15.2.1's title 173–174, authority 178; 15.4.1's title
  1019–1020, authority 1024, legal basis 1028–1036 every second line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.base import SourceDocument, Span, align, clean, locate
from importers.graph_common import slug
from importers.mvd_graph import build_mvd_resolution
from importers.mvd_regulations import parse_mvd_resolution
from importers.regulation_annex import read_application_form
from importers.regulation_records import MvdResolution, SourceKind, TermUnit
from importers.regulation_sources import obtained_information
from importers.regulation_text import Source
from lexgraph.graph.records import EdgeRecord, GraphBatch

SOURCE = SourceDocument.read(
    Path(__file__).resolve().parents[2] / "importers" / "corpus" / "004_85fdc72f4cf61fef.txt"
)
ACT = "by/resolution/mvd/2023-05-19/102"
POPULATION = (
    "государственная централизованная автоматизированная информационная система «Регистр населения»"
)
POPULATION_AS_WRITTEN = (
    "государственной централизованной автоматизированной информационной системы «Регистр населения»"
)
OFFENCES = "единая государственная система регистрации и учета правонарушений"
OFFENCES_AS_WRITTEN = "единой государственной системы регистрации и учета правонарушений"
WORKERS = (
    "сведения в отношении работников соискателя лицензии – юридического лица, индивидуального "
    "предпринимателя"
)
WORKERS_OF_LICENSEE = (
    "сведения в отношении работников лицензиата – юридического лица, индивидуального "
    "предпринимателя"
)

# Per regulation: (feature, line, what is obtained (its start), source as written, its nominative).
OBTAINED = {
    "15.2.1": [
        ("1.3.5", 210, WORKERS, POPULATION_AS_WRITTEN, POPULATION),
        (
            "1.3.6",
            212,
            "сведения о наличии (отсутствии) у соискателя лицензии – индивидуального "
            "предпринимателя, учредителей",
            OFFENCES_AS_WRITTEN,
            OFFENCES,
        ),
    ],
    "15.2.2": [
        ("1.3.4", 382, WORKERS_OF_LICENSEE, POPULATION_AS_WRITTEN, POPULATION),
        (
            "1.3.5",
            384,
            "сведения о наличии (отсутствии) у учредителей",
            OFFENCES_AS_WRITTEN,
            OFFENCES,
        ),
    ],
    "15.21.1": [
        ("1.3.5", 718, WORKERS, POPULATION_AS_WRITTEN, POPULATION),
        (
            "1.3.6",
            720,
            "сведения о наличии (отсутствии) у соискателя лицензии – индивидуального "
            "предпринимателя, учредителей",
            OFFENCES_AS_WRITTEN,
            OFFENCES,
        ),
    ],
    "15.21.2": [
        ("1.3.4", 876, WORKERS_OF_LICENSEE, POPULATION_AS_WRITTEN, POPULATION),
        (
            "1.3.5",
            878,
            "сведения о наличии (отсутствии) у учредителей",
            OFFENCES_AS_WRITTEN,
            OFFENCES,
        ),
    ],
    "10.7.1": [],
    "15.2.3": [],
    "15.4.1": [],
    "15.4.2": [],
}
# Rows of each regulation's table of point 2.2 (information requested), counted in the text: the
# features' sources are numbered after them.
TABLE_ROWS = {"15.2.1": 4, "15.2.2": 3, "15.21.1": 3, "15.21.2": 3}

PERMIT = (
    "получение специального разрешения на право занятия трудовой деятельностью в Республике "
    "Беларусь"
)


@pytest.fixture(scope="module")
def resolution() -> MvdResolution:
    return parse_mvd_resolution(SOURCE)


@pytest.fixture(scope="module")
def batch(resolution: MvdResolution) -> GraphBatch:
    return build_mvd_resolution(resolution, checksum="-", line_count=len(SOURCE.lines))


def regulation_id(number: str) -> str:
    return f"{ACT}#procedure_regulation_{number}"


def edges(batch: GraphBatch, edge_type: str, source: str) -> list[EdgeRecord]:
    found = [e for e in batch.edges.values() if e.type == edge_type and e.source_id == source]
    return sorted(
        found, key=lambda e: (e.properties["lineStart"], e.properties.get("charStart", 0))
    )


def lines(edge: EdgeRecord) -> tuple[int, int]:
    return edge.properties["lineStart"], edge.properties["lineEnd"]


# The sources special features name


@pytest.mark.parametrize("number", list(OBTAINED))
def test_the_sources_the_features_name(resolution: MvdResolution, number: str) -> None:
    features = resolution.regulation(number).features
    found = [(f.number, f.span.line_start, f.obtained) for f in features if f.obtained is not None]
    assert [(n, line) for n, line, _ in found] == [(n, line) for n, line, *_ in OBTAINED[number]]
    for (_, _, obtained), (_, _, what, as_written, name) in zip(
        found, OBTAINED[number], strict=True
    ):
        assert obtained is not None
        assert obtained.name.startswith(what)
        assert (obtained.source, obtained.source_name) == (as_written, name)
        assert obtained.source_kind is SourceKind.REGISTRY
        assert obtained.uncertain is None


def test_a_whole_feature_up_to_the_authority_is_what_is_obtained(
    resolution: MvdResolution,
) -> None:
    feature = resolution.regulation("15.2.2").features[4]
    assert feature.obtained is not None
    assert feature.obtained.name == (
        "сведения о наличии (отсутствии) у учредителей, руководителя, руководителя обособленного "
        "подразделения юридического лица, к которому перешла лицензия, работников юридического "
        "лица, к которому перешла лицензия, неснятой или непогашенной судимости, а также фактов "
        "привлечения их к административной ответственности за нарушение порядка и условий "
        "трудоустройства за пределами Республики Беларусь либо за незаконную предпринимательскую "
        "деятельность, связанную с трудоустройством за пределами Республики Беларусь, если не "
        "истек срок, по окончании которого они считаются не подвергавшимися административному "
        "взысканию"
    )


@pytest.mark.parametrize("number", [n for n, rows in OBTAINED.items() if rows])
def test_each_source_is_requested_information_from_its_registry(
    batch: GraphBatch, number: str
) -> None:
    regulation = regulation_id(number)
    for offset, (feature, line, what, as_written, name) in enumerate(OBTAINED[number], start=1):
        node_id = f"{regulation}__requested_subpoint_{feature}"
        node = batch.nodes[("RequestedInformation", node_id)].properties
        assert node["position"] == TABLE_ROWS[number] + offset
        assert node["subpoint"] == feature
        assert node["sourceKind"] == "registry"
        assert node["name"].startswith(what)
        assert (node["lineStart"], node["lineEnd"]) == (line, line)
        assert node["sourceText"] == SOURCE.lines[line - 1]
        requests = batch.edges[(regulation, "REQUESTS", node_id, "")]
        assert (requests.properties["position"], lines(requests)) == (
            node["position"],
            (line, line),
        )
        registry = f"registry/{slug(name)}"
        source = batch.edges[(node_id, "REQUESTED_FROM", registry, "")]
        assert source.properties["text"] == as_written
        assert lines(source) == (line, line)
        assert batch.nodes[("Registry", registry)].properties == {"name": name}


def test_one_registry_node_for_the_population_register(batch: GraphBatch) -> None:
    registry = f"registry/{slug(POPULATION)}"
    requested = sorted(
        e.source_id
        for e in batch.edges.values()
        if e.type == "REQUESTED_FROM" and e.target_id == registry
    )
    assert requested == [
        f"{regulation_id('15.2.1')}__requested_subpoint_1.3.5",
        f"{regulation_id('15.2.2')}__requested_subpoint_1.3.4",
        f"{regulation_id('15.21.1')}__requested_subpoint_1.3.5",
        f"{regulation_id('15.21.2')}__requested_subpoint_1.3.4",
    ]


SPAN = Span("feature.txt", 1, 1, "")


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (
            "сведения о месте жительства уполномоченный орган запрашивает у Министерства "
            "образования",
            SourceKind.AUTHORITY,
            "Министерство образования",
        ),
        (
            "сведения о регистрации уполномоченный орган получает из единого государственного "
            "регистра юридических лиц и индивидуальных предпринимателей",
            SourceKind.REGISTRY,
            "единый государственный регистр юридических лиц и индивидуальных предпринимателей",
        ),
        (
            "сведения о судимости уполномоченный орган получает из органов внутренних дел",
            SourceKind.AUTHORITY,
            "органы внутренних дел",
        ),
    ],
)
def test_a_source_in_any_case_is_named_in_the_nominative(
    text: str, kind: SourceKind, name: str
) -> None:
    obtained = obtained_information(text, SPAN)
    assert obtained is not None
    assert (obtained.source_kind, obtained.source_name, obtained.uncertain) == (kind, name, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "сведения о лицензиях уполномоченный орган получает из Министерства образования и "
            "Министерства здравоохранения",
            "names several sources",
        ),
        (
            "сведения о трудоустройстве уполномоченный орган получает из личного дела работника",
            "names neither a register or information system nor a body",
        ),
    ],
)
def test_a_source_that_cannot_be_told_is_kept_uncertain(text: str, reason: str) -> None:
    obtained = obtained_information(text, SPAN)
    assert obtained is not None
    assert obtained.source_kind is None
    assert obtained.uncertain is not None
    assert reason in obtained.uncertain


def test_an_uncertain_source_is_linked_to_nothing(resolution: MvdResolution) -> None:
    text = SOURCE.text.replace(
        "получает из\xa0государственной централизованной автоматизированной информационной "
        "системы «Регистр населения»;",
        "получает из\xa0личного дела работника;",
        1,
    )
    batch = build_mvd_resolution(
        parse_mvd_resolution(SourceDocument("004.txt", text)), checksum="-", line_count=1
    )
    node_id = f"{regulation_id('15.2.1')}__requested_subpoint_1.3.5"
    node = batch.nodes[("RequestedInformation", node_id)].properties
    assert "sourceKind" not in node
    assert "личного дела работника" in node["uncertainty"]
    assert not [
        e for e in batch.edges.values() if e.type == "REQUESTED_FROM" and e.source_id == node_id
    ]


def test_a_feature_naming_no_source_gives_none() -> None:
    assert (
        obtained_information(
            "обжалование административного решения осуществляется в судебном порядке", SPAN
        )
        is None
    )


# The term a form promises


@pytest.mark.parametrize(("number", "line", "days"), [("15.4.1", 1322, 10), ("15.4.2", 1631, 7)])
def test_the_term_the_form_promises(
    resolution: MvdResolution, batch: GraphBatch, number: str, line: int, days: int
) -> None:
    form = resolution.regulation(number).application_form
    assert form is not None
    (term,) = form.terms
    assert term.text == (
        "Уведомлен о получении специального разрешения на право занятия трудовой деятельностью "
        f"в Республике Беларусь не позднее {days} дней со дня подачи заявления."
    )
    assert (term.what, term.bound, term.amount, term.unit, term.counted_from) == (
        PERMIT,
        "не позднее",
        days,
        TermUnit.DAYS,
        "со дня подачи заявления",
    )
    assert (term.span.line_start, term.span.line_end) == (line, line)
    form_id = f"{regulation_id(number)}__form"
    term_id = f"{form_id}__term_1"
    node = batch.nodes[("Term", term_id)].properties
    assert (node["amount"], node["unit"], node["bound"], node["countedFrom"]) == (
        days,
        "days",
        "не позднее",
        "со дня подачи заявления",
    )
    assert (node["lineStart"], node["lineEnd"], node["sourceText"]) == (
        line,
        line,
        SOURCE.lines[line - 1],
    )
    assert lines(batch.edges[(form_id, "PROMISES", term_id, "")]) == (line, line)


def test_no_other_form_promises_a_term(batch: GraphBatch) -> None:
    assert sorted(node_id for label, node_id in batch.nodes if label == "Term") == [
        f"{regulation_id('15.4.1')}__form__term_1",
        f"{regulation_id('15.4.2')}__form__term_1",
    ]


def form_of(text: str) -> Source:
    return Source(SourceDocument("form.txt", text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Уведомлена о выдаче разрешения в течение 15 рабочих дней со дня подачи заявления.",
            (
                "выдача разрешения",
                "в течение",
                15,
                TermUnit.WORKING_DAYS,
                "со дня подачи заявления",
            ),
        ),
        (
            "Проинформирован о рассмотрении заявления не позднее 1 месяца.",
            ("рассмотрение заявления", "не позднее", 1, TermUnit.MONTHS, None),
        ),
        # The applicant's own undertaking is no term the authority promises.
        ("Обязуюсь в течение 3 дней уведомить подразделение о смене места нахождения.", None),
    ],
)
def test_what_a_form_sentence_promises(sentence: str, expected: tuple[object, ...] | None) -> None:
    text = (
        "Приложение\n\nк Регламенту административной процедуры по подпункту 1.1.1\n\nФорма\n\n"
        f"ЗАЯВЛЕНИЕ о выдаче\n\nФамилия ____________\n\n{sentence}\n"
    )
    source = form_of(text)
    form = read_application_form(source, source.paragraphs, "1.1.1")
    found = [(t.what, t.bound, t.amount, t.unit, t.counted_from) for t in form.terms]
    assert found == ([expected] if expected is not None else [])


# Each statement at its own lines


def test_the_act_states_its_issuer_in_its_heading(batch: GraphBatch) -> None:
    (issued_by,) = edges(batch, "ISSUED_BY", ACT)
    assert lines(issued_by) == (1, 1)
    assert clean(issued_by.properties["sourceText"]) == (
        "ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ БЕЛАРУСЬ"
    )


def test_each_reference_of_the_preamble_at_its_place_in_the_line(batch: GraphBatch) -> None:
    based_on = edges(batch, "BASED_ON", ACT)
    assert [lines(e) for e in based_on] == [(7, 7), (7, 7)]
    line = SOURCE.lines[6]
    assert [clean(line[e.properties["charStart"] : e.properties["charEnd"]]) for e in based_on] == [
        "абзаца третьего пункта 3 Указа Президента Республики Беларусь от 25 июня 2021 г. № 240 "
        "«Об административных процедурах, осуществляемых в отношении субъектов хозяйствования»",
        "подпункта 9.4 пункта 9 Положения о Министерстве внутренних дел Республики Беларусь, "
        "утвержденного Указом Президента Республики Беларусь от 4 декабря 2007 г. № 611",
    ]
    assert all(e.properties["sourceText"] == line for e in based_on)


def test_point_1_approves_each_regulation_at_its_own_line(batch: GraphBatch) -> None:
    numbers = ["10.7.1", "15.2.1", "15.2.2", "15.2.3", "15.21.1", "15.21.2", "15.4.1", "15.4.2"]
    approves = edges(batch, "APPROVES", ACT)
    assert [(e.target_id, lines(e)) for e in approves] == [
        (regulation_id(number), (line, line))
        for number, line in zip(numbers, range(11, 27, 2), strict=True)
    ]


@pytest.mark.parametrize(
    ("number", "title", "authority", "basis"),
    [
        ("10.7.1", (69, 70), 74, [78, 80, 82, 84, 86]),
        ("15.2.1", (173, 174), 178, [182, 184, 186, 188, 190, 192, 194]),
        ("15.4.1", (1019, 1020), 1024, [1028, 1030, 1032, 1034, 1036]),
    ],
)
def test_title_authority_and_legal_basis_at_their_own_lines(
    batch: GraphBatch, number: str, title: tuple[int, int], authority: int, basis: list[int]
) -> None:
    regulation = regulation_id(number)
    (regulates,) = edges(batch, "REGULATES", regulation)
    assert lines(regulates) == title
    assert clean(regulates.properties["sourceText"]).startswith(
        "РЕГЛАМЕНТ административной процедуры, осуществляемой в отношении"
    )
    (handled_by,) = edges(batch, "HANDLED_BY", f"procedure/{number}")
    assert lines(handled_by) == (authority, authority)
    governed_by = edges(batch, "GOVERNED_BY", regulation)
    assert [lines(e) for e in governed_by] == [(line, line) for line in basis]
    for edge in governed_by:
        text = edge.properties["sourceText"]
        # The act cited is the whole entry but the «;» (the last one's «.») closing it.
        cited = clean(text[edge.properties["charStart"] : edge.properties["charEnd"]])
        assert cited == clean(text)[:-1]


def test_a_clean_text_maps_back_to_its_verbatim_lines() -> None:
    verbatim = "1.3.5.\xa0сведения в\xa0 отношении\n работников;"
    assert locate(verbatim, "сведения в отношении работников") == (7, 40)
    positions = align(verbatim, "сведения в отношении работников")
    assert verbatim[positions[11] : positions[19] + 1] == "отношении"
