"""A small graph following schema/model.md: three procedures of MVD resolution No. 102 with the
acts and units they cite, written through the project's loader (`load_batch`).

The texts are the sample corpus's (importers/corpus/004_*.txt): the state-duty document of
15.4.1 and 15.4.2 «должен соответствовать требованиям, определенным в частях первой–третьей
пункта 6 статьи 287 Налогового кодекса Республики Беларусь».
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lexgraph.graph.records import EdgeRecord, GraphBatch, NodeRecord

DOCUMENT = "source/004_85fdc72f4cf61fef.txt"
MVD_102 = "by/resolution/mvd/2023-05-19/102"
TAX_CODE = "by/code/tax"
LAW_433 = "by/law/2008-10-28/433-z"
LAW_225 = "by/law/2010-12-30/225-z"
LIST_548 = "by/cm_resolution/2021-09-24/548"
EDICT_240 = "by/edict/2021-06-25/240"
ART_287 = f"{TAX_CODE}#art_287"
POINT_6 = f"{ART_287}__point_6"
PARTS = [f"{POINT_6}__part_{n}" for n in (1, 2, 3)]
SUBPOINT_10_29 = f"{TAX_CODE}#art_285__point_10__subpoint_10.29"
ART_29_LAW_225 = f"{LAW_225}#art_29"
DUTY_REFERENCE = "частях первой–третьей пункта 6 статьи 287 Налогового кодекса Республики Беларусь"
DUTY_REQUIREMENT = "документ должен соответствовать требованиям, определенным в " + DUTY_REFERENCE


def regulation_id(number: str) -> str:
    return f"{MVD_102}#procedure_regulation_{number}"


class _Builder:
    def __init__(self) -> None:
        self.batch = GraphBatch(DOCUMENT)
        self.line = 100
        self.labels: dict[str, str] = {}

    def stated(self, text: str) -> dict[str, Any]:
        self.line += 2
        return {
            "sourceDocument": DOCUMENT,
            "lineStart": self.line,
            "lineEnd": self.line,
            "sourceText": text,
        }

    def node(self, label: str, id: str, /, owned: bool = True, **properties: Any) -> str:
        if owned and "sourceDocument" not in properties:
            properties |= self.stated(
                str(properties.get("name") or properties.get("title") or properties.get("text"))
            )
        self.batch.add_node(NodeRecord(label, id, {"id": id, **properties}, owned))
        self.labels[id] = label
        return id

    def edge(self, type: str, source: str, target: str, key: str = "", **properties: Any) -> None:
        self.batch.add_edge(
            EdgeRecord(
                type, self.labels[source], source, self.labels[target], target, properties, key
            )
        )

    def cite(self, source: str, target: str, text: str, within: str, field: str) -> None:
        start = within.find(text)
        self.edge(
            "CITES",
            source,
            target,
            key=f"{field}:{start}:{target}",
            text=text,
            field=field,
            charStart=start,
            charEnd=start + len(text),
            **self.stated(within),
        )

    def units(self, act: str, *path: tuple[str, str, str]) -> list[str]:
        """Provisions down a path of (unitType, number, eId) with PART_OF up to the act."""
        parent = act
        made = []
        for unit_type, number, e_id in path:
            unit = f"{act}#{e_id}"
            if unit not in self.labels:
                self.node(
                    "Provision",
                    unit,
                    owned=False,
                    actId=act,
                    eId=e_id,
                    unitType=unit_type,
                    number=number,
                    label=f"{unit_type} {number}",
                )
                self.edge("PART_OF", unit, parent)
            made.append(unit)
            parent = unit
        return made


# The current text takes effect on this day; the earlier text required one more document of 15.4.1.
CURRENT_TEXT_FROM = dt.date(2023, 7, 1)


def sample_batch(extra_procedures: int = 0, *, earlier_text: bool = False) -> GraphBatch:
    """The sample graph; `extra_procedures` adds that many more procedures like 15.4.1 (numbered
    90.1.1, 90.1.2 …) to measure round trips at many results. `earlier_text` gives the document's
    earlier edition instead: the same, plus a third document of 15.4.1 the current text dropped
    (load it first, then the current one from `CURRENT_TEXT_FROM`: the loader keeps the dropped
    document, closed, under a versioned id)."""
    b = _Builder()
    b.node(
        "SourceDocument",
        DOCUMENT,
        owned=False,
        name="004_85fdc72f4cf61fef.txt",
        kind="mvd_regulations",
        lineCount=1674,
        checksum=("e" if earlier_text else "c") * 64,
    )
    for slug, name in [
        ("mvd", "Министерство внутренних дел Республики Беларусь"),
        ("pgim", "подразделение по гражданству и миграции"),
        ("komitet-po-trudu", "комитет по труду, занятости и социальной защите"),
        ("mintruda", "Министерство труда и социальной защиты Республики Беларусь"),
    ]:
        b.node("Authority", f"authority/{slug}", owned=False, name=name)
    for slug, name in [
        (
            "ais-grazhdanstvo-i-migratsiya",
            "автоматизированная информационная система «Гражданство и миграция»",
        ),
        ("egr", "Единый государственный регистр юридических лиц и индивидуальных предпринимателей"),
    ]:
        b.node("Registry", f"registry/{slug}", owned=False, name=name)

    b.node(
        "LegalAct",
        MVD_102,
        owned=False,
        kind="resolution",
        issuers=["Министерство внутренних дел Республики Беларусь"],
        number="102",
        date=dt.date(2023, 5, 19),
        title="Об утверждении регламентов административных процедур",
        status="in_force",
        onlyCited=False,
        signedBy="И.В.Кубраков",
        signedByPosition="Министр генерал-лейтенант милиции",
        registerNumber="8/40012",
        registeredOn=dt.date(2023, 6, 1),
    )
    b.edge("ISSUED_BY", MVD_102, "authority/mvd")
    b.edge("AGREED_WITH", MVD_102, "authority/mintruda")
    b.node(
        "LegalAct",
        TAX_CODE,
        owned=False,
        kind="code",
        title="Налоговый кодекс Республики Беларусь",
        onlyCited=True,
    )
    b.node(
        "LegalAct",
        LAW_433,
        owned=False,
        kind="law",
        number="433-З",
        date=dt.date(2008, 10, 28),
        title="Об основах административных процедур",
        onlyCited=True,
    )
    b.node(
        "LegalAct",
        LAW_225,
        owned=False,
        kind="law",
        number="225-З",
        date=dt.date(2010, 12, 30),
        title="О внешней трудовой миграции",
        onlyCited=True,
    )
    b.node(
        "LegalAct",
        LIST_548,
        owned=False,
        kind="cm_resolution",
        number="548",
        date=dt.date(2021, 9, 24),
        title="Об административных процедурах, осуществляемых в отношении субъектов хозяйствования",
        onlyCited=True,
    )
    b.node(
        "LegalAct",
        EDICT_240,
        owned=False,
        kind="edict",
        number="240",
        date=dt.date(2021, 6, 25),
        title="Об административных процедурах, осуществляемых в отношении субъектов хозяйствования",
        onlyCited=True,
    )
    b.node(
        "LegalAct",
        "by/resolution/mvd/2022-01-25/18",
        owned=False,
        kind="resolution",
        number="18",
        date=dt.date(2022, 1, 25),
        status="repealed",
        onlyCited=True,
        title="Об утверждении регламентов административных процедур",
    )
    b.edge("REPEALS", MVD_102, "by/resolution/mvd/2022-01-25/18", effectiveOn=dt.date(2023, 7, 1))

    b.units(TAX_CODE, ("art", "287", "art_287"), ("point", "6", "art_287__point_6"))
    for n in (1, 2, 3):
        b.units(
            TAX_CODE,
            ("art", "287", "art_287"),
            ("point", "6", "art_287__point_6"),
            ("part", str(n), f"art_287__point_6__part_{n}"),
        )
    b.units(
        TAX_CODE,
        ("art", "285", "art_285"),
        ("point", "10", "art_285__point_10"),
        ("subpoint", "10.29", "art_285__point_10__subpoint_10.29"),
    )
    b.units(LAW_225, ("art", "29", "art_29"))
    basis = b.units(EDICT_240, ("point", "3", "point_3"), ("para", "3", "point_3__para_3"))
    b.edge("BASED_ON", MVD_102, basis[-1], text="абзаца третьего пункта 3 Указа …")

    procedures = [
        (
            "15.4.1",
            "Получение специального разрешения на право занятия трудовой деятельностью"
            " в Республике Беларусь",
            5.0,
            "not_stated",
            ["in_person", "post", "courier"],
        ),
        (
            "15.4.2",
            "Однократное продление срока действия специального разрешения на право"
            " занятия трудовой деятельностью в Республике Беларусь",
            2.0,
            "not_required",
            ["in_person", "post"],
        ),
        (
            "10.7.1",
            "Согласование приглашения иностранного гражданина или лица без гражданства на обучение",
            None,
            "required",
            ["in_person", "electronic"],
        ),
    ]
    procedures += [
        (f"90.1.{n}", f"Процедура для замеров {n}", 1.0, "not_stated", ["post"])
        for n in range(1, extra_procedures + 1)
    ]
    for number, title, fee, apostille, channels in procedures:
        _procedure(b, number, title, fee, apostille, channels)
    if earlier_text:
        _dropped_document(b, regulation_id("15.4.1"))
    return b.batch


def _procedure(
    b: _Builder, number: str, title: str, fee: float | None, apostille: str, channels: list[str]
) -> None:
    procedure = b.node(
        "Procedure",
        f"procedure/{number}",
        number=number,
        title=title,
        subjects=["legal_entity", "individual_entrepreneur"],
    )
    reg = b.node(
        "Regulation",
        regulation_id(number),
        procedureNumber=number,
        title=f"Регламент административной процедуры … по подпункту {number} «{title}»",
        competentAuthorityText="подразделение по гражданству и миграции",
        otherActions="внесение сведений … в автоматизированную информационную систему"
        " «Гражданство и миграция»",
    )
    b.edge("APPROVES", MVD_102, reg)
    b.edge("REGULATES", reg, procedure)
    b.edge("LISTED_IN", procedure, LIST_548)
    b.edge("HANDLED_BY", procedure, "authority/pgim")
    for position, act in enumerate([LAW_433, LAW_225, EDICT_240, LIST_548], start=1):
        b.edge("GOVERNED_BY", reg, act, position=position)

    application = b.node(
        "DocumentRequirement",
        f"{reg}__document_1",
        position=1,
        name="заявление о выдаче специального разрешения",
        requirements="по форме согласно приложению",
        submissionLines=["в письменной форме:", "в ходе приема заинтересованного лица;"],
        channels=channels,
        writtenForm=True,
        apostille=apostille,
    )
    b.edge("REQUIRES", reg, application)
    if number != "10.7.1":
        duty = b.node(
            "DocumentRequirement",
            f"{reg}__document_2",
            position=2,
            name="документ об уплате государственной пошлины",
            requirements=DUTY_REQUIREMENT,
            channels=channels,
            writtenForm=True,
            apostille="not_stated",
        )
        b.edge("REQUIRES", reg, duty)
        for part in PARTS:
            b.cite(duty, part, DUTY_REFERENCE, DUTY_REQUIREMENT, "requirements")
    else:
        copy = b.node(
            "DocumentRequirement",
            f"{reg}__document_2",
            position=2,
            name="копия документа, подтверждающего право на обучение",
            requirements="в соответствии с пунктом 7 Инструкции о неизвестном",
            channels=channels,
            apostille="required",
        )
        b.edge("REQUIRES", reg, copy)
        unresolved = b.node(
            "UnresolvedCitation",
            f"{copy}__unresolved_1",
            text="пунктом 7 Инструкции о неизвестном",
            reason="unknown act",
            charStart=16,
            charEnd=50,
        )
        b.edge("CITES_UNRESOLVED", copy, unresolved)
        fact = b.node(
            "PortalFact",
            f"source/portal__electronic_availability_{number}",
            kind="electronic_availability",
            title=title,
            text="Процедура доступна в электронном виде на едином портале электронных услуг",
        )
        b.node(
            "Portal",
            "portal/portal.gov.by",
            owned=False,
            name="Единый портал",
            url="https://portal.gov.by",
        )
        b.edge("ABOUT", fact, procedure)
        b.edge("ON_PORTAL", fact, "portal/portal.gov.by")

    requested = b.node(
        "RequestedInformation",
        f"{reg}__requested_1",
        position=1,
        name="сведения в отношении соискателя",
        sourceKind="registry" if number == "10.7.1" else "authority",
    )
    b.edge("REQUESTS", reg, requested)
    b.edge(
        "REQUESTED_FROM",
        requested,
        "registry/egr" if number == "10.7.1" else "authority/komitet-po-trudu",
    )
    issued = b.node(
        "IssuedDocument",
        f"{reg}__issued_1",
        name="специальное разрешение на право занятия трудовой деятельностью",
        form="письменная",
        validityText=["2 года – в отношении высококвалифицированных работников"],
        validity=["2 years"],
        validityConditions=["в отношении высококвалифицированных работников"],
    )
    b.edge("ISSUES", reg, issued)
    if number.startswith("15."):
        b.edge("RECORDED_IN", reg, "registry/ais-grazhdanstvo-i-migratsiya")
    if fee is not None:
        fee_id = b.node(
            "Fee",
            f"{reg}__fee",
            kind="государственная пошлина",
            amountBaseUnits=fee,
            unit="базовая величина",
        )
        b.edge("CHARGES", reg, fee_id)
        text = "подпунктом 10.29 пункта 10 статьи 285 Налогового кодекса Республики Беларусь"
        benefit = b.node("Benefit", f"{reg}__benefit_1", position=1, text=text)
        b.edge("HAS_BENEFIT", fee_id, benefit)
        b.cite(benefit, SUBPOINT_10_29, text, text, "text")
    feature_text = (
        "дополнительные основания для отказа … определены в статье 29 Закона Республики Беларусь"
        " «О внешней трудовой миграции»"
    )
    feature = b.node(
        "Provision",
        f"{MVD_102}#regulation_{number}__point_1__subpoint_1.3",
        owned=False,
        actId=MVD_102,
        eId=f"regulation_{number}__point_1__subpoint_1.3",
        unitType="subpoint",
        number="1.3",
        label="подпункт 1.3",
        text=feature_text,
    )
    b.edge("HAS_FEATURE", reg, feature, **b.stated(feature_text))
    b.cite(feature, ART_29_LAW_225, "статье 29 Закона Республики Беларусь", feature_text, "text")
    appeal = b.node(
        "Appeal",
        f"{reg}__appeal_1",
        kind="administrative",
        forms=["electronic", "written"],
        formText="электронная или письменная форма",
    )
    b.edge("HAS_APPEAL", reg, appeal)
    b.edge("HEARS_APPEAL", "authority/mvd", appeal)
    form = b.node(
        "Form",
        f"{reg}__form",
        title="ЗАЯВЛЕНИЕ",
        addresseeHint="наименование уполномоченного органа",
        fields=["Наименование организации", "УНП"],
        fieldHints=[],
    )
    b.edge("HAS_FORM", reg, form)


def _dropped_document(b: _Builder, reg: str) -> None:
    """What the earlier text stated and the current one no longer does: the loader keeps it with
    `validTo` under a versioned id (graph/history.py), never shown as current."""
    old = b.node(
        "DocumentRequirement",
        f"{reg}__document_3",
        position=3,
        name="справка, которую прежняя редакция требовала",
        requirements="в соответствии со статьей 287 Налогового кодекса Республики Беларусь",
        channels=["electronic"],
        apostille="required",
    )
    b.edge("REQUIRES", reg, old)
    b.edge("CITES", old, ART_287, text="статьей 287", field="requirements")
