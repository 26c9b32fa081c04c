"""A synthetic corpus at national scale, in the shape of the real one, written by the real loader.

Sizes: `S` is the bundled sample corpus itself (imported by the importer); `M` has 10,000
procedures (~5,000 acts, ~200,000 provisions, ~1,000,000 edges); `L` is ten times `M`.

The synthetic documents are ministry resolutions approving procedure regulations (like seed 004)
and portal news texts (like seed 000), built as the importers build theirs: the same labels,
ids, properties, provenance and `CITES` edges down to the exact unit with the `PART_OF` chain up to
the act (`schema/model.md`). The shape follows the sample: a few acts cited by almost every
regulation (Law 433-З, Edict 240, CM resolution 548), citation popularity that falls off like a
power law, unit hierarchies 1–4 deep, ~8% of submitted documents needing an apostille, and
Art. 287 of the Tax Code cited by every fee-paying procedure's proof of payment.

Everything is a function of the seed: each document draws from its own `Random(f"{seed}:{n}")`,
so the same size and seed give the same graph, on every machine. Each document is one
`GraphBatch`; `lexgraph.graph.loader.load_batches` writes them a group per transaction, to the
graph one `load_batch` per document would give.

Usage: `lexgraph synth --size M --seed 1` (or `python -m lexgraph.synthetic M 1`).
"""

from __future__ import annotations

import datetime
import itertools
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncDriver

from lexgraph.citations.acts import MINISTRIES
from lexgraph.citations.ids import act_id
from lexgraph.graph.loader import load_batches
from lexgraph.graph.records import EdgeRecord, GraphBatch, NodeRecord
from lexgraph.russian import MONTH_NAMES


@dataclass(frozen=True, slots=True)
class Size:
    name: str
    procedures: int
    # Acts cited by regulations (besides the approving and the repealed resolutions).
    cited_acts: int
    # Upper bound of article / point numbers in an ordinary cited act (codes have more).
    units_per_act: int
    portal_documents: int


SIZES: dict[str, Size] = {
    "M": Size("M", procedures=10_000, cited_acts=3_400, units_per_act=45, portal_documents=200),
    "L": Size("L", procedures=100_000, cited_acts=34_000, units_per_act=45, portal_documents=2_000),
}

REGULATIONS_PER_DOCUMENT = 8
PORTAL_URL = "https://portal.gov.by/"
PORTAL_ID = "portal/portal.gov.by"

WORDS_ACTION = (
    "Получение",
    "Выдача",
    "Изменение",
    "Продление срока действия",
    "Согласование",
    "Регистрация",
    "Внесение изменений в",
    "Прекращение действия",
)
WORDS_OBJECT = (
    "лицензии на осуществление деятельности",
    "специального разрешения",
    "разрешения на право",
    "свидетельства о государственной регистрации",
    "сертификата соответствия",
    "заключения о соответствии",
    "согласия на размещение",
    "аттестата",
    "удостоверения",
    "справки",
)
WORDS_FIELD = (
    "связанной с трудоустройством за пределами Республики Беларусь",
    "в области промышленной безопасности",
    "по перевозке опасных грузов",
    "в сфере архитектурной и градостроительной деятельности",
    "в области охраны окружающей среды",
    "по оказанию туристических услуг",
    "в области связи",
    "по обороту наркотических средств",
    "в сфере ветеринарии",
    "в области использования атомной энергии",
    "в сфере образования",
    "в отношении иностранного гражданина или лица без гражданства",
    "на осуществление розничной торговли",
    "в области санитарно-эпидемиологического благополучия",
)
DOCUMENT_NAMES = (
    "заявление",
    "копия устава",
    "документ, подтверждающий полномочия представителя",
    "паспорт или иной документ, удостоверяющий личность",
    "копия трудового договора",
    "сведения о наличии помещений",
    "документы, подтверждающие квалификацию работников",
    "копия договора аренды",
    "план мероприятий",
    "заключение экспертизы",
    "документы, подтверждающие статус членов семьи",
    "выписка из торгового реестра страны учреждения",
)
REGISTRY_NAMES = (
    "Единый государственный регистр юридических лиц и индивидуальных предпринимателей",
    "автоматизированная информационная система «Гражданство и миграция»",
    "Единый реестр лицензий",
    "государственный реестр",
    "регистр населения",
    "реестр административных процедур",
    "информационная система",
)
AUTHORITY_KINDS = (
    "главное управление",
    "управление",
    "департамент",
    "инспекция",
    "комитет",
    "отдел",
    "служба",
)
REGIONS = (
    "Минского городского исполнительного комитета",
    "Брестского областного исполнительного комитета",
    "Витебского областного исполнительного комитета",
    "Гомельского областного исполнительного комитета",
    "Гродненского областного исполнительного комитета",
    "Могилевского областного исполнительного комитета",
    "Минского областного исполнительного комитета",
)
KIND_NAMES = {
    "law": "Закона Республики Беларусь",
    "code": "",
    "edict": "Указа Президента Республики Беларусь",
    "decree": "Декрета Президента Республики Беларусь",
    "cm_resolution": "постановления Совета Министров Республики Беларусь",
    "resolution": "постановления",
}
CODE_TITLES = {
    "tax": "Налогового кодекса Республики Беларусь",
    "civil": "Гражданского кодекса Республики Беларусь",
    "labour": "Трудового кодекса Республики Беларусь",
    "housing": "Жилищного кодекса Республики Беларусь",
    "land": "Кодекса Республики Беларусь о земле",
    "budget": "Бюджетного кодекса Республики Беларусь",
    "customs": "Таможенного кодекса",
    "education": "Кодекса Республики Беларусь об образовании",
    "subsoil": "Кодекса Республики Беларусь о недрах",
    "water": "Водного кодекса Республики Беларусь",
    "forest": "Лесного кодекса Республики Беларусь",
    "architecture": "Кодекса Республики Беларусь об архитектурной деятельности",
}
TAX_CODE = "by/code/tax"
ART_287 = "art_287__point_6"
BASICS_LAW = "by/law/2008-10-28/433-z"
EDICT_240 = "by/edict/2021-06-25/240"
UNIFIED_LIST = "by/cm_resolution/2021-09-24/548"


@dataclass(frozen=True, slots=True)
class Act:
    id: str
    kind: str
    number: str | None
    date: datetime.date | None
    title: str
    issuers: tuple[str, ...]
    # Largest article (codes, laws) or point (other acts) number its citations use.
    units: int

    @property
    def style(self) -> str:
        return "art" if self.kind in ("law", "code") else "point"

    def properties(self) -> dict[str, Any]:
        found: dict[str, Any] = {"kind": self.kind, "title": self.title}
        if self.number is not None:
            found["number"] = self.number
        if self.date is not None:
            found["date"] = self.date
        if self.issuers:
            found["issuers"] = list(self.issuers)
        return found

    def reference(self) -> str:
        """The act as a regulation names it («Закона Республики Беларусь от … № … «…»»)."""
        if self.kind == "code":
            return self.title
        assert self.date is not None
        written = f"{self.date.day} {MONTH_NAMES[self.date.month]} {self.date.year} г."
        head = KIND_NAMES[self.kind]
        if self.kind == "resolution":
            head += " Министерства " + self.issuers[0]
        return f"{head} от {written} № {self.number} «{self.title}»"


@dataclass(slots=True)
class World:
    """The shared things every document draws from: acts by popularity, authorities, registries."""

    acts: list[Act]
    cumulative: list[float]
    authorities: list[str]
    registries: list[str]
    procedure_numbers: list[str]
    ministries: list[tuple[str, str]]
    by_id: dict[str, Act] = field(default_factory=dict)

    def pick_acts(self, rng: random.Random, count: int) -> list[Act]:
        return rng.choices(self.acts, cum_weights=self.cumulative, k=count)


def _date(rng: random.Random, first_year: int = 1995, last_year: int = 2024) -> datetime.date:
    return datetime.date(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28))


def _title(rng: random.Random) -> str:
    return f"О {rng.choice(WORDS_OBJECT).split()[0].lower()} {rng.choice(WORDS_FIELD)}"


def _well_known() -> list[Act]:
    """The acts real regulations cite most, first in the popularity order."""
    return [
        Act(
            BASICS_LAW,
            "law",
            "433-З",
            datetime.date(2008, 10, 28),
            "Об основах административных процедур",
            (),
            40,
        ),
        Act(
            EDICT_240,
            "edict",
            "240",
            datetime.date(2021, 6, 25),
            "Об административных процедурах, осуществляемых в отношении субъектов хозяйствования",
            ("Президента Республики Беларусь",),
            12,
        ),
        Act(
            UNIFIED_LIST,
            "cm_resolution",
            "548",
            datetime.date(2021, 9, 24),
            "Об административных процедурах, осуществляемых в отношении субъектов хозяйствования",
            ("Совета Министров Республики Беларусь",),
            10,
        ),
        Act(TAX_CODE, "code", None, None, CODE_TITLES["tax"], (), 400),
    ]


def build_world(size: Size, seed: int) -> World:
    rng = random.Random(f"{seed}:world")
    acts = _well_known()
    seen = {a.id for a in acts}
    for slug, title in CODE_TITLES.items():
        code_id = f"by/code/{slug}"
        if code_id not in seen:
            acts.append(Act(code_id, "code", None, None, title, (), 300))
            seen.add(code_id)
    kinds = ("law", "edict", "decree", "cm_resolution", "resolution")
    weights = (0.14, 0.18, 0.02, 0.30, 0.36)
    ministries = [(slug, name) for slug, name, _ in MINISTRIES]
    while len(acts) < size.cited_acts:
        kind = rng.choices(kinds, weights)[0]
        date = _date(rng)
        number = str(rng.randint(1, 999))
        issuers: tuple[str, ...] = ()
        if kind == "law":
            number += "-З"
        elif kind in ("edict", "decree"):
            issuers = ("Президента Республики Беларусь",)
        elif kind == "cm_resolution":
            issuers = ("Совета Министров Республики Беларусь",)
        else:
            issuers = (rng.choice(ministries)[1] + " Республики Беларусь",)
        found = act_id(
            kind,
            date=date,
            number=number,
            issuers=tuple("Министерства " + i for i in issuers) if kind == "resolution" else (),
        )
        if found is None or found in seen:
            continue
        seen.add(found)
        units = max(3, int(rng.paretovariate(1.5) * size.units_per_act / 3))
        acts.append(Act(found, kind, number, date, _title(rng), issuers, min(units, 500)))
    # Popularity falls off like a power law over a shuffled order, the well-known acts first.
    head, tail = acts[:4], acts[4:]
    rng.shuffle(tail)
    ordered = head + tail
    cumulative = list(
        itertools.accumulate(1.0 / (rank + 2) ** 1.05 for rank in range(len(ordered)))
    )
    authorities = [
        f"{rng.choice(AUTHORITY_KINDS)} {n} {rng.choice(REGIONS)}"
        for n in range(max(20, size.procedures // 20))
    ]
    registries = [
        f"{rng.choice(REGISTRY_NAMES)} № {n}" for n in range(max(10, size.procedures // 30))
    ]
    numbers = _procedure_numbers(size.procedures)
    return World(
        ordered,
        cumulative,
        authorities,
        registries,
        numbers,
        ministries,
        by_id={a.id: a for a in ordered},
    )


def _procedure_numbers(count: int) -> list[str]:
    """Numbers of the unified list: chapter.section.item, chapters of ~20 sections of ~8 items."""
    numbers = []
    for index in range(count):
        chapter, rest = divmod(index, 160)
        section, item = divmod(rest, 8)
        numbers.append(f"{chapter + 1}.{section + 1}.{item + 1}")
    return numbers


# ---------------------------------------------------------------------------------------------
# Documents


@dataclass(slots=True)
class _Writer:
    """Builds one document's batch, with a line counter for provenance."""

    batch: GraphBatch
    rng: random.Random
    world: World
    line: int = 1

    def provenance(self, text: str) -> dict[str, Any]:
        lines = text.count("\n") + 1
        start, self.line = self.line, self.line + lines + 1
        return {
            "sourceDocument": self.batch.document_id,
            "lineStart": start,
            "lineEnd": start + lines - 1,
            "sourceText": text,
        }

    def shared(self, label: str, node_id: str, properties: dict[str, Any]) -> None:
        self.batch.add_node(NodeRecord(label, node_id, properties, owned=False))

    def owned(self, label: str, node_id: str, properties: dict[str, Any]) -> None:
        self.batch.add_node(NodeRecord(label, node_id, properties))

    def edge(
        self,
        edge_type: str,
        source: tuple[str, str],
        target: tuple[str, str],
        properties: dict[str, Any] | None = None,
        key: str = "",
    ) -> None:
        self.batch.add_edge(EdgeRecord(edge_type, *source, *target, properties or {}, key))

    def authority(self, name: str) -> tuple[str, str]:
        node_id = f"authority/{_transliterated(name)}"
        self.shared("Authority", node_id, {"name": name})
        return ("Authority", node_id)

    def registry(self, name: str) -> tuple[str, str]:
        node_id = f"registry/{_transliterated(name)}"
        self.shared("Registry", node_id, {"name": name})
        return ("Registry", node_id)

    def act(self, act: Act) -> tuple[str, str]:
        self.shared("LegalAct", act.id, act.properties())
        return ("LegalAct", act.id)

    def unit_path(self, act: Act, depth: int) -> list[tuple[str, str]]:
        """A unit of `act` `depth` levels deep, low numbers more often (as in real citations)."""
        rng = self.rng
        top = 1 + int(act.units * rng.random() ** 2.2)
        if act.style == "art":
            path = [("art", str(top)), ("point", str(rng.randint(1, 6)))]
        else:
            path = [("point", str(top)), ("subpoint", f"{top}.{rng.randint(1, 8)}")]
        path += [("part", str(rng.randint(1, 4))), ("para", str(rng.randint(2, 7)))]
        return path[:depth]

    def provision_chain(self, act: Act, path: list[tuple[str, str]]) -> str:
        """The cited unit and its ancestors, each `PART_OF` the next larger unit, up to the act."""
        self.act(act)
        parent: tuple[str, str] = ("LegalAct", act.id)
        provision = act.id
        for depth in range(1, len(path) + 1):
            e_id = "__".join(f"{unit}_{number}" for unit, number in path[:depth])
            provision = f"{act.id}#{e_id}"
            unit, number = path[depth - 1]
            self.shared(
                "Provision",
                provision,
                {
                    "actId": act.id,
                    "eId": e_id,
                    "unitType": unit,
                    "number": number,
                    "label": _unit_label(path[:depth]),
                },
            )
            self.edge("PART_OF", ("Provision", provision), parent)
            parent = ("Provision", provision)
        return provision

    def cite(
        self,
        citing: tuple[str, str],
        field_name: str,
        index: int,
        prefix: str,
        act: Act,
        paths: list[list[tuple[str, str]]],
        provenance: dict[str, Any],
        edge_type: str = "CITES",
        extra: dict[str, Any] | None = None,
    ) -> str:
        """Text citing `paths` of `act` (or the act itself when `paths` is empty), and its edges;
        returns the text, with the reference at its end."""
        reference = (_unit_label(paths[0]) + " " if paths else "") + act.reference()
        text = prefix + reference
        properties = {
            **provenance,
            "text": reference,
            "charStart": len(prefix),
            "charEnd": len(text),
            "field": field_name,
            **(extra or {}),
        }
        key = f"{field_name}:{index}"
        if not paths:
            self.edge(edge_type, citing, self.act(act), properties, key)
        for unit_index, path in enumerate(paths):
            target = self.provision_chain(act, path)
            self.edge(edge_type, citing, ("Provision", target), properties, f"{key}:{unit_index}")
        return text

    def unresolved(self, citing: tuple[str, str], key: str, provenance: dict[str, Any]) -> None:
        node_id = f"{citing[1]}__unresolved_{key}"
        text = "постановлением, указанным в части первой настоящего пункта"
        self.owned(
            "UnresolvedCitation",
            node_id,
            {
                **provenance,
                "text": text,
                "reason": "the act is not identified",
                "charStart": 0,
                "charEnd": len(text),
            },
        )
        self.edge("CITES_UNRESOLVED", citing, ("UnresolvedCitation", node_id), provenance, key)


def _sibling_paths(writer: _Writer, act: Act, count: int) -> list[list[tuple[str, str]]]:
    """`count` units cited together («абзацы второй–пятый части первой …»): siblings of one
    parent, or one unit when `count` is 1."""
    path = writer.unit_path(act, writer.rng.randint(1, 4))
    if count == 1:
        return [path]
    unit, number = path[-1]
    if unit == "subpoint":
        stem, _, last = number.rpartition(".")
        numbers = [f"{stem}.{int(last) + n}" for n in range(count)]
    else:
        numbers = [str(int(number) + n) for n in range(count)]
    return [[*path[:-1], (unit, n)] for n in numbers]


def _transliterated(name: str) -> str:
    from lexgraph.citations.ids import transliterate

    return transliterate(name).replace("_", "-")


def _unit_label(path: list[tuple[str, str]]) -> str:
    """«абзац 3 части 1 пункта 6 статьи 287» for a path given largest first."""
    nominative = {"art": "статья", "point": "пункт", "subpoint": "подпункт", "part": "часть"}
    genitive = {"art": "статьи", "point": "пункта", "subpoint": "подпункта", "part": "части"}
    nominative["para"], genitive["para"] = "абзац", "абзаца"
    words = [
        f"{(genitive if position else nominative)[unit]} {number}"
        for position, (unit, number) in enumerate(reversed(path))
    ]
    return " ".join(words)


def regulations_document(world: World, seed: int, index: int, numbers: list[str]) -> GraphBatch:
    """A ministry resolution approving the regulations of the procedures `numbers`."""
    rng = random.Random(f"{seed}:regulations:{index}")
    ministry = world.ministries[index % len(world.ministries)][1]
    date = _date(rng, 2019, 2024)
    number = str(index + 1)
    act = act_id("resolution", date=date, number=number, issuers=("Министерства " + ministry,))
    assert act is not None
    document = f"source/synth_{seed}_regulations_{index:06d}.txt"
    writer = _Writer(GraphBatch(document), rng, world)
    issuer = f"Министерство {ministry} Республики Беларусь"
    head = f"ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА {ministry.upper()}\n{date.isoformat()} № {number}"
    writer.shared(
        "LegalAct",
        act,
        {
            "kind": "resolution",
            "issuers": [issuer],
            "number": number,
            "date": date,
            "adoptedOn": date,
            "title": "Об утверждении регламентов административных процедур",
            "inForceFrom": date + datetime.timedelta(days=30),
            "status": "in_force",
            "onlyCited": False,
            **writer.provenance(head),
        },
    )
    approving = ("LegalAct", act)
    writer.edge("ISSUED_BY", approving, writer.authority(issuer), writer.provenance(issuer))
    for other in rng.sample(world.ministries, rng.randint(0, 4)):
        name = f"Министерство {other[1]} Республики Беларусь"
        writer.edge("AGREED_WITH", approving, writer.authority(name), writer.provenance(name))
    basis = world.acts[1]
    writer.cite(
        approving,
        "legalBasis1",
        0,
        "На основании ",
        basis,
        [[("point", "3"), ("part", "1"), ("para", "3")]],
        writer.provenance("На основании …"),
        edge_type="BASED_ON",
        extra={"position": 1},
    )
    if rng.random() < 0.3:
        old_date = date - datetime.timedelta(days=rng.randint(200, 2000))
        old = act_id(
            "resolution",
            date=old_date,
            number=f"{index + 1}-r",
            issuers=("Министерства " + ministry,),
        )
        assert old is not None
        writer.shared(
            "LegalAct",
            old,
            {
                "kind": "resolution",
                "number": f"{index + 1}-r",
                "date": old_date,
                "status": "repealed",
                "repealedOn": date,
            },
        )
        text = f"Признать утратившим силу постановление от {old_date.isoformat()}"
        writer.edge(
            "REPEALS",
            approving,
            ("LegalAct", old),
            {**writer.provenance(text), "text": text, "effectiveOn": date},
        )
    unified = world.by_id[UNIFIED_LIST]
    for procedure_number in numbers:
        _regulation(writer, act, procedure_number, unified)
    _source_document(writer, "mvd_regulations", seed, index)
    return writer.batch


def _source_document(writer: _Writer, kind: str, seed: int, index: int) -> None:
    document = writer.batch.document_id
    writer.owned(
        "SourceDocument",
        document,
        {
            "name": document.removeprefix("source/"),
            "kind": kind,
            "checksum": f"{seed:08x}{index:056x}",
            "lineCount": writer.line,
            "sourceDocument": document,
        },
    )


def _regulation(writer: _Writer, act: str, number: str, unified: Act) -> None:
    rng, world = writer.rng, writer.world
    title = f"{rng.choice(WORDS_ACTION)} {rng.choice(WORDS_OBJECT)} {rng.choice(WORDS_FIELD)}"
    reg_id = f"{act}#procedure_regulation_{number}"
    procedure = ("Procedure", f"procedure/{number}")
    regulation = ("Regulation", reg_id)
    subjects = rng.choice(
        (
            ["legal_entity", "individual_entrepreneur"],
            ["legal_entity"],
            ["legal_entity", "individual_entrepreneur", "foreign_organization"],
        )
    )
    writer.shared(
        "Procedure", procedure[1], {"number": number, "title": title, "subjects": subjects}
    )
    authority_name = rng.choice(world.authorities)
    body = f"РЕГЛАМЕНТ административной процедуры по подпункту {number} «{title}»\n" + (
        "1. Особенности осуществления административной процедуры:\n" * rng.randint(4, 30)
    )
    span = writer.provenance(body)
    recorded = rng.random() < 0.8
    registry_name = rng.choice(world.registries)
    other = f"внесение сведений в {registry_name}"
    writer.owned(
        "Regulation",
        reg_id,
        {
            "procedureNumber": number,
            "title": f"Регламент административной процедуры по подпункту {number}",
            "procedureTitle": title,
            "competentAuthorityText": authority_name,
            **({"otherActions": [other]} if recorded else {}),
            **span,
        },
    )
    writer.edge("APPROVES", ("LegalAct", act), regulation, span)
    writer.edge("REGULATES", regulation, procedure, span)
    writer.act(unified)
    writer.edge("LISTED_IN", procedure, ("LegalAct", unified.id), {**span, "subpoint": number})
    writer.edge(
        "HANDLED_BY", procedure, writer.authority(authority_name), writer.provenance(authority_name)
    )
    # 1.2: the legal basis, the three acts of every regulation first.
    basis = [world.acts[0], world.acts[1], world.acts[2]]
    basis += [a for a in world.pick_acts(rng, rng.randint(0, 6)) if a not in basis]
    for position, basis_act in enumerate(dict.fromkeys(basis), start=1):
        field_name = f"legalBasis{position}"
        writer.cite(
            regulation,
            field_name,
            0,
            "",
            basis_act,
            [],
            writer.provenance(basis_act.reference()),
            edge_type="GOVERNED_BY",
            extra={"position": position},
        )
    if rng.random() < 0.6:
        paths = [
            [("art", "15"), ("point", "2"), ("part", "1"), ("para", str(p))] for p in range(2, 8)
        ]
        writer.cite(
            regulation,
            "note1",
            0,
            "уполномоченный орган вправе потребовать документы, предусмотренные в ",
            world.acts[0],
            paths,
            writer.provenance("При подаче заявления …"),
        )
    _features(writer, act, number, regulation)
    fee = rng.random() < 0.75
    _documents(writer, reg_id, regulation, fee)
    _requested(writer, reg_id, regulation)
    _results(writer, reg_id, regulation, fee, registry_name if recorded else None, other)


def _features(writer: _Writer, act: str, number: str, regulation: tuple[str, str]) -> None:
    rng = writer.rng
    for k in range(1, rng.choice((0, 1, 2, 3, 3, 4, 5, 6)) + 1):
        e_id = f"procedure_regulation_{number}__point_1__subpoint_1.3.{k}"
        feature = ("Provision", f"{act}#{e_id}")
        cited = writer.world.pick_acts(rng, 1)[0]
        span = writer.provenance("1.3. особенности …")
        text = writer.cite(
            feature,
            "text",
            0,
            "дополнительные основания для отказа определены в ",
            cited,
            _sibling_paths(writer, cited, rng.choice((1, 1, 2, 3, 4))),
            span,
        )
        writer.owned(
            "Provision",
            feature[1],
            {
                "actId": act,
                "eId": e_id,
                "unitType": "subpoint",
                "number": f"1.3.{k}",
                "label": f"подпункт 1.3.{k}",
                "text": text,
                "subjects": ["legal_entity"],
                **span,
            },
        )
        writer.edge("HAS_FEATURE", regulation, feature, span)


def _documents(writer: _Writer, reg_id: str, regulation: tuple[str, str], fee: bool) -> None:
    rng, world = writer.rng, writer.world
    count = max(1, min(15, int(rng.gauss(6.5, 3))))
    for position in range(1, count + 2 if fee else count + 1):
        node = ("DocumentRequirement", f"{reg_id}__document_{position}")
        paying = fee and position == count + 1
        name = "документ, подтверждающий внесение платы" if paying else rng.choice(DOCUMENT_NAMES)
        span = writer.provenance(name + "\nв письменной форме")
        requirements = None
        if paying:
            parts = [[("art", "287"), ("point", "6"), ("part", str(p))] for p in (1, 2, 3)]
            requirements = writer.cite(
                node,
                "requirements",
                0,
                "плата вносится в порядке, установленном в ",
                world.by_id[TAX_CODE],
                parts,
                span,
            )
        elif rng.random() < 0.75:
            cited = world.pick_acts(rng, 1)[0]
            paths = _sibling_paths(writer, cited, rng.choice((1, 1, 2, 3, 4, 5, 6)))
            requirements = writer.cite(
                node,
                "requirements",
                0,
                "должно соответствовать требованиям, установленным ",
                cited,
                paths,
                span,
            )
            if rng.random() < 0.02:
                writer.unresolved(node, "requirements_1", span)
        channels = ["in_person", "post", "courier"]
        if rng.random() < 0.35:
            channels.append("electronic")
        apostille = rng.choices(("required", "not_required", "not_stated"), (0.08, 0.46, 0.46))[0]
        properties: dict[str, Any] = {
            "position": position,
            "name": name,
            "alternatives": [],
            "submissionLines": ["в письменной форме:", "в ходе приема заинтересованного лица;"],
            "channels": channels,
            "writtenForm": True,
            "apostille": apostille,
            "notes": [],
            **span,
        }
        if requirements is not None:
            properties["requirements"] = requirements
        writer.owned(node[0], node[1], properties)
        writer.edge("REQUIRES", regulation, node, {**span, "position": position})


def _requested(writer: _Writer, reg_id: str, regulation: tuple[str, str]) -> None:
    rng, world = writer.rng, writer.world
    for position in range(1, rng.choice((0, 1, 1, 2, 2, 3, 4)) + 1):
        node = ("RequestedInformation", f"{reg_id}__requested_{position}")
        from_registry = rng.random() < 0.6
        source = rng.choice(world.registries if from_registry else world.authorities)
        name = f"сведения из {source}"
        span = writer.provenance(name)
        writer.owned(
            node[0],
            node[1],
            {
                "position": position,
                "name": name,
                "sourceText": source,
                "sourceKind": "registry" if from_registry else "authority",
                **span,
            },
        )
        writer.edge("REQUESTS", regulation, node, {**span, "position": position})
        target = writer.registry(source) if from_registry else writer.authority(source)
        writer.edge("REQUESTED_FROM", node, target, span)


def _results(
    writer: _Writer,
    reg_id: str,
    regulation: tuple[str, str],
    fee: bool,
    registry: str | None,
    other: str,
) -> None:
    rng, world = writer.rng, writer.world
    for position in range(1, rng.choice((0, 1, 1, 1, 2)) + 1):
        node = ("IssuedDocument", f"{reg_id}__issued_{position}")
        name = f"{rng.choice(WORDS_OBJECT)} {rng.choice(WORDS_FIELD)}"
        span = writer.provenance(name + "\n5 лет\nписьменная")
        writer.owned(
            node[0],
            node[1],
            {
                "position": position,
                "name": name,
                "form": "письменная",
                "validityText": ["5 лет"],
                "validity": ["5 years"],
                "validityConditions": [""],
                **span,
            },
        )
        writer.edge("ISSUES", regulation, node, span)
    if registry is not None:
        span = writer.provenance(other)
        writer.edge("RECORDED_IN", regulation, writer.registry(registry), {**span, "text": other})
    if fee:
        node = ("Fee", f"{reg_id}__fee")
        amount = rng.choice((0.5, 1.0, 2.0, 3.0, 5.0, 5.0, 10.0, 10.0, 20.0, 30.0))
        span = writer.provenance(f"государственная пошлина {amount} базовой величины")
        writer.owned(
            node[0],
            node[1],
            {
                "kind": "государственная пошлина",
                "amountBaseUnits": amount,
                "unit": "базовая величина",
                **span,
            },
        )
        writer.edge("CHARGES", regulation, node, span)
        for position in range(1, rng.choice((0, 0, 1, 2, 3, 4)) + 1):
            benefit = ("Benefit", f"{reg_id}__benefit_{position}")
            cited = world.pick_acts(rng, 1)[0]
            span = writer.provenance("Льготы по размеру платы …")
            text = writer.cite(
                benefit, "text", 0, "", cited, [writer.unit_path(cited, rng.randint(2, 4))], span
            )
            writer.owned(benefit[0], benefit[1], {"position": position, "text": text, **span})
            writer.edge("HAS_BENEFIT", node, benefit, span)
    for position in range(1, rng.choice((1, 1, 2)) + 1):
        node = ("Appeal", f"{reg_id}__appeal_{position}")
        judicial = position == 2
        span = writer.provenance("электронная или письменная форма")
        body = rng.choice(world.authorities)
        properties: dict[str, Any] = {
            "kind": "judicial" if judicial else "administrative",
            "forms": [] if judicial else ["electronic", "written"],
            "position": position,
            **span,
        }
        if not judicial:
            properties |= {"formText": "электронная или письменная форма", "bodyName": body}
        writer.owned(node[0], node[1], properties)
        writer.edge("HAS_APPEAL", regulation, node, span)
        if not judicial:
            writer.edge("HEARS_APPEAL", writer.authority(body), node, span)
    if rng.random() < 0.25:
        node = ("Form", f"{reg_id}__form")
        span = writer.provenance("ЗАЯВЛЕНИЕ\n" + "_" * 70 + "\n")
        writer.owned(
            node[0],
            node[1],
            {
                "title": "ЗАЯВЛЕНИЕ о выдаче",
                "fields": ["Наименование", "Дата"],
                "fieldHints": ["", ""],
                **span,
            },
        )
        writer.edge("HAS_FORM", regulation, node, span)


def portal_document(world: World, seed: int, index: int, count: int) -> GraphBatch:
    """A portal news text: procedures that became available electronically."""
    rng = random.Random(f"{seed}:portal:{index}")
    document = f"source/synth_{seed}_portal_{index:06d}.txt"
    writer = _Writer(GraphBatch(document), rng, world)
    writer.shared(
        "Portal", PORTAL_ID, {"name": "Единый портал электронных услуг", "url": PORTAL_URL}
    )
    for n in range(1, count + 1):
        fact = ("PortalFact", f"{document}__electronic_availability_{n}")
        number = rng.choice(world.procedure_numbers)
        title = f"процедура {number} переведена в электронную форму"
        span = writer.provenance(title)
        writer.owned(
            fact[0],
            fact[1],
            {
                "kind": "electronic_availability",
                "title": title,
                "text": title,
                "matchKey": title,
                "applicants": ["legal_entity"],
                "availableFrom": str(rng.randint(2017, 2024)),
                **span,
            },
        )
        writer.edge("ON_PORTAL", fact, ("Portal", PORTAL_ID), span)
        writer.edge(
            "ABOUT", fact, ("Procedure", f"procedure/{number}"), {**span, "matchedBy": "title"}
        )
        writer.edge(
            "UNDER", fact, writer.act(world.by_id[EDICT_240]), {**span, "text": "Указ № 240"}
        )
    _source_document(writer, "portal_news", seed, index)
    return writer.batch


def documents(size: Size, seed: int) -> Iterator[GraphBatch]:
    """Every document of the synthetic corpus, regulations first (portal texts name procedures)."""
    world = build_world(size, seed)
    numbers = world.procedure_numbers
    rng = random.Random(f"{seed}:split")
    start, index = 0, 0
    while start < len(numbers):
        count = max(1, min(30, int(rng.expovariate(1 / REGULATIONS_PER_DOCUMENT)) + 1))
        yield regulations_document(world, seed, index, numbers[start : start + count])
        start += count
        index += 1
    for index in range(size.portal_documents):
        yield portal_document(world, seed, index, 10)


@dataclass(frozen=True, slots=True)
class SynthReport:
    size: str
    seed: int
    documents: int
    # Records written: each document writes its shared nodes and edges again (MERGE).
    nodes_written: int
    edges_written: int
    generate_s: float
    load_s: float

    @property
    def records_per_s(self) -> float:
        return (self.nodes_written + self.edges_written) / self.load_s if self.load_s else 0.0


# Documents written per transaction: enough that the nodes most documents mention (the acts and
# units nearly every regulation cites) are merged once per group rather than once per document.
GROUP_RECORDS = 20_000


async def load(
    driver: AsyncDriver,
    database: str,
    size: Size,
    seed: int,
    *,
    on_document: Callable[[int, GraphBatch], None] | None = None,
) -> SynthReport:
    """Generate the corpus and write it through `load_batches`, a group of documents per
    transaction (the same graph as one `load_batch` per document, in fewer, larger writes)."""
    generate_s = load_s = 0.0
    nodes = edges = count = 0
    batches = documents(size, seed)
    group: list[GraphBatch] = []
    while True:
        began = time.perf_counter()
        batch = next(batches, None)
        generate_s += time.perf_counter() - began
        if batch is not None:
            group.append(batch)
        records = sum(len(b.nodes) + len(b.edges) for b in group)
        if group and (batch is None or records >= GROUP_RECORDS):
            began = time.perf_counter()
            await load_batches(driver, group, database)
            load_s += time.perf_counter() - began
            for written in group:
                count += 1
                nodes += len(written.nodes)
                edges += len(written.edges)
                if on_document is not None:
                    on_document(count, written)
            group = []
        if batch is None:
            break
    return SynthReport(size.name, seed, count, nodes, edges, generate_s, load_s)


def count_only(size: Size, seed: int) -> dict[str, int]:
    """Distinct nodes and edges of the corpus without Neo4j (to check the shape cheaply)."""
    node_ids: dict[str, set[str]] = {}
    edge_keys: dict[str, set[tuple[str, str, str]]] = {}
    for batch in documents(size, seed):
        for label, node_id in batch.nodes:
            node_ids.setdefault(label, set()).add(node_id)
        for source, edge_type, target, key in batch.edges:
            edge_keys.setdefault(edge_type, set()).add((source, target, key))
    counts = {label: len(ids) for label, ids in sorted(node_ids.items())}
    counts |= {edge_type: len(keys) for edge_type, keys in sorted(edge_keys.items())}
    return counts


if __name__ == "__main__":
    chosen = SIZES[sys.argv[1] if len(sys.argv) > 1 else "M"]
    began = time.perf_counter()
    totals = count_only(chosen, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    for name, value in totals.items():
        print(f"{name:24} {value:>10,}")
    nodes = sum(v for k, v in totals.items() if not k.isupper())
    edges = sum(v for k, v in totals.items() if k.isupper())
    print(f"nodes {nodes:,} edges {edges:,} in {time.perf_counter() - began:.1f} s")
