"""The one table of Belarusian state bodies that issue acts: their names in the cases texts use them
in, their id slugs, and the kind of act they adopt.

The citation grammar takes its ministries from here (`lexgraph.citations.acts.MINISTRIES`), and the
regulation reader recognizes an issuer by its heading («ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА …»), its
preamble («…, Министерство … ПОСТАНОВЛЯЕТ:») and its approval stamp («Постановление …»).
Slugs are ASCII, lowercase and stable: they are the issuer segment of act ids
(`by/resolution/mchs/2024-03-01/12`, see `schema/model.md`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["STATE_BODIES", "BodyKind", "StateBody", "body_by_genitive", "body_by_nominative"]

_RB = "Республики Беларусь"


class BodyKind(StrEnum):
    MINISTRY = "ministry"
    STATE_COMMITTEE = "state_committee"
    COUNCIL_OF_MINISTERS = "council_of_ministers"
    EXECUTIVE_COMMITTEE = "executive_committee"


@dataclass(frozen=True, slots=True)
class StateBody:
    slug: str
    kind: BodyKind
    nominative: str
    genitive: str
    abbreviations: tuple[str, ...] = ()

    @property
    def act_kind(self) -> str:
        """The kind of act (as in act ids) the body adopts: a resolution, or a local decision."""
        return {
            BodyKind.COUNCIL_OF_MINISTERS: "cm_resolution",
            BodyKind.EXECUTIVE_COMMITTEE: "decision",
        }.get(self.kind, "resolution")

    @property
    def act_word(self) -> tuple[str, str]:
        """The act's name as its heading writes it and as an approval stamp does."""
        if self.kind is BodyKind.EXECUTIVE_COMMITTEE:
            return "РЕШЕНИЕ", "Решение"
        return "ПОСТАНОВЛЕНИЕ", "Постановление"

    @property
    def decides(self) -> str:
        """The word that closes the preamble: «ПОСТАНОВЛЯЕТ:» or, for a local body, «РЕШИЛ:»."""
        return "РЕШИЛ:" if self.kind is BodyKind.EXECUTIVE_COMMITTEE else "ПОСТАНОВЛЯЕТ:"


#: Ministries: slug, the words after «Министерство»/«Министерства», abbreviations used in text.
_MINISTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("mvd", "внутренних дел", ("МВД",)),
    ("minobr", "образования", ("Минобразования",)),
    ("mintrud", "труда и социальной защиты", ("Минтруда и соцзащиты", "Минтруда")),
    ("minekonomiki", "экономики", ("Минэкономики",)),
    ("mns", "по налогам и сборам", ("МНС",)),
    ("minfin", "финансов", ("Минфина", "Минфин")),
    ("minjust", "юстиции", ("Минюста", "Минюст")),
    ("minzdrav", "здравоохранения", ("Минздрава", "Минздрав")),
    ("mid", "иностранных дел", ("МИД",)),
    ("mchs", "по чрезвычайным ситуациям", ("МЧС",)),
    ("minoborony", "обороны", ("Минобороны",)),
    ("mintrans", "транспорта и коммуникаций", ("Минтранса",)),
    ("minsvyazi", "связи и информатизации", ("Минсвязи",)),
    ("minselkhozprod", "сельского хозяйства и продовольствия", ("Минсельхозпрода",)),
    ("minkultury", "культуры", ("Минкультуры",)),
    ("minsport", "спорта и туризма", ("Минспорта",)),
    ("minprirody", "природных ресурсов и охраны окружающей среды", ("Минприроды",)),
    ("mart", "антимонопольного регулирования и торговли", ("МАРТ",)),
    ("minprom", "промышленности", ("Минпрома",)),
    ("minstroyarkhitektury", "строительства и архитектуры", ("Минстройархитектуры",)),
    ("minenergo", "энергетики", ("Минэнерго",)),
    ("mzhkkh", "жилищно-коммунального хозяйства", ("МЖКХ",)),
    ("mininform", "информации", ("Мининформа",)),
    ("minleskhoz", "лесного хозяйства", ("Минлесхоза",)),
)

#: State committees and committees: slug, nominative, genitive (both without «Республики
#: Беларусь»), abbreviations.
_COMMITTEES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "gosstandart",
        "Государственный комитет по стандартизации",
        "Государственного комитета по стандартизации",
        ("Госстандарт",),
    ),
    (
        "goskomimushchestvo",
        "Государственный комитет по имуществу",
        "Государственного комитета по имуществу",
        ("Госкомимущество",),
    ),
    (
        "gknt",
        "Государственный комитет по науке и технологиям",
        "Государственного комитета по науке и технологиям",
        ("ГКНТ",),
    ),
    (
        "gkse",
        "Государственный комитет судебных экспертиз",
        "Государственного комитета судебных экспертиз",
        ("ГКСЭ",),
    ),
    (
        "gtk",
        "Государственный таможенный комитет",
        "Государственного таможенного комитета",
        ("ГТК",),
    ),
    (
        "gpk",
        "Государственный пограничный комитет",
        "Государственного пограничного комитета",
        ("ГПК",),
    ),
    (
        "kgb",
        "Комитет государственной безопасности",
        "Комитета государственной безопасности",
        ("КГБ",),
    ),
    ("kgk", "Комитет государственного контроля", "Комитета государственного контроля", ("КГК",)),
)

#: Regional executive committees and Minsk's: slug, nominative adjective, genitive adjective. The
#: slug is the one the citation grammar gives any local body (`lexgraph.citations.ids`): its place
#: adjective in dictionary form, transliterated, and its kind.
_EXECUTIVE_COMMITTEES: tuple[tuple[str, str, str], ...] = (
    ("brestskiy_oblispolkom", "Брестский областной", "Брестского областного"),
    ("vitebskiy_oblispolkom", "Витебский областной", "Витебского областного"),
    ("gomelskiy_oblispolkom", "Гомельский областной", "Гомельского областного"),
    ("grodnenskiy_oblispolkom", "Гродненский областной", "Гродненского областного"),
    ("minskiy_oblispolkom", "Минский областной", "Минского областного"),
    ("mogilevskiy_oblispolkom", "Могилевский областной", "Могилевского областного"),
    ("minskiy_gorispolkom", "Минский городской", "Минского городского"),
)

STATE_BODIES: tuple[StateBody, ...] = (
    StateBody(
        "sovmin",
        BodyKind.COUNCIL_OF_MINISTERS,
        f"Совет Министров {_RB}",
        f"Совета Министров {_RB}",
        ("Совмин",),
    ),
    *(
        StateBody(
            slug,
            BodyKind.MINISTRY,
            f"Министерство {tail} {_RB}",
            f"Министерства {tail} {_RB}",
            abbreviations,
        )
        for slug, tail, abbreviations in _MINISTRIES
    ),
    *(
        StateBody(
            slug,
            BodyKind.STATE_COMMITTEE,
            f"{nominative} {_RB}",
            f"{genitive} {_RB}",
            abbreviations,
        )
        for slug, nominative, genitive, abbreviations in _COMMITTEES
    ),
    *(
        StateBody(
            slug,
            BodyKind.EXECUTIVE_COMMITTEE,
            f"{nominative} исполнительный комитет",
            f"{genitive} исполнительного комитета",
        )
        for slug, nominative, genitive in _EXECUTIVE_COMMITTEES
    ),
)

_BY_GENITIVE = {body.genitive.lower(): body for body in STATE_BODIES}
_BY_NOMINATIVE = {body.nominative.lower(): body for body in STATE_BODIES}


def _key(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).lower()


def body_by_genitive(name: str) -> StateBody | None:
    """«Министерства внутренних дел Республики Беларусь» (any letter case) → the МВД."""
    return _BY_GENITIVE.get(_key(name))


def body_by_nominative(name: str) -> StateBody | None:
    """«Министерство по чрезвычайным ситуациям Республики Беларусь» → the МЧС."""
    return _BY_NOMINATIVE.get(_key(name))


def ministries() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The ministries as the citation grammar reads them: slug, words after «Министерства»,
    abbreviations."""
    return _MINISTRIES
