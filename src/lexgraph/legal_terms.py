"""Legal Russian's abbreviations and synonyms, kept in one list.

The citation grammar reads which code an abbreviation names («ст. 287 НК» → the Tax Code), the
importers name a cited code by its title, and search treats every name of a thing as that thing
(«госпошлина» finds «государственная пошлина», «НК» finds «Налоговый кодекс»). One list, so that
what a reference understands and what search understands cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Code:
    """A Belarusian code: its slug in act ids (`by/code/{slug}`), its title in the nominative
    and the abbreviations lawyers write for it (matched case-sensitively by the grammar: «УК» is
    a code, «ук» in lower case only with a jurisdiction after it)."""

    slug: str
    title: str
    abbreviations: tuple[str, ...] = ()

    @property
    def act_id(self) -> str:
        return f"by/code/{self.slug}"

    @property
    def short_title(self) -> str:
        """The title without the state: «Налоговый кодекс» (as texts most often name it)."""
        return self.title.replace(" Республики Беларусь", "")


_RB = "Республики Беларусь"

CODES: Final[tuple[Code, ...]] = (
    Code("tax", f"Налоговый кодекс {_RB}", ("НК",)),
    Code("budget", f"Бюджетный кодекс {_RB}", ("БК",)),
    Code("civil", f"Гражданский кодекс {_RB}", ("ГК",)),
    Code("civil_procedure", f"Гражданский процессуальный кодекс {_RB}", ("ГПК",)),
    Code("labour", f"Трудовой кодекс {_RB}", ("ТК",)),
    Code("criminal", f"Уголовный кодекс {_RB}", ("УК",)),
    Code("criminal_procedure", f"Уголовно-процессуальный кодекс {_RB}", ("УПК",)),
    Code("penal_enforcement", f"Уголовно-исполнительный кодекс {_RB}", ("УИК",)),
    Code("economic_procedure", f"Хозяйственный процессуальный кодекс {_RB}", ("ХПК",)),
    Code("admin_offences", f"Кодекс {_RB} об административных правонарушениях", ("КоАП",)),
    Code(
        "admin_procedure",
        f"Процессуально-исполнительный кодекс {_RB} об административных правонарушениях",
        ("ПИКоАП",),
    ),
    Code("housing", f"Жилищный кодекс {_RB}", ("ЖК",)),
    Code("marriage_family", f"Кодекс {_RB} о браке и семье", ("КоБС",)),
    Code("land", f"Кодекс {_RB} о земле", ("КоЗ",)),
    Code("banking", f"Банковский кодекс {_RB}"),
    Code("customs", f"Таможенный кодекс {_RB}"),
    Code("electoral", f"Избирательный кодекс {_RB}"),
    Code("water", f"Водный кодекс {_RB}"),
    Code("forest", f"Лесной кодекс {_RB}"),
    Code("education", f"Кодекс {_RB} об образовании"),
    Code("culture", f"Кодекс {_RB} о культуре"),
    Code("subsoil", f"Кодекс {_RB} о недрах"),
    Code("judiciary", f"Кодекс {_RB} о судоустройстве и статусе судей"),
)
CODES_BY_SLUG: Final[dict[str, Code]] = {code.slug: code for code in CODES}

#: Abbreviated codes as lawyers write them: abbreviation → slug.
CODE_ABBREVIATIONS: Final[dict[str, str]] = {
    abbreviation: code.slug for code in CODES for abbreviation in code.abbreviations
}

#: Names that mean one thing in a search, the full name first. «апостиль» and «легализация» are
#: not the same act in law (an apostille replaces consular legalization), but the regulations
#: state them together («требуется легализация документов (проставление апостиля)») and a reader
#: looking for one wants the other.
SYNONYMS: Final[tuple[tuple[str, ...], ...]] = (
    ("государственная пошлина", "госпошлина"),
    ("легализация", "апостиль"),
    ("единое расчетно-информационное пространство", "ЕРИП"),
    ("электронная цифровая подпись", "ЭЦП"),
    ("индивидуальный предприниматель", "ИП"),
    ("Республика Беларусь", "РБ"),
    ("административная процедура", "админпроцедура"),
    ("Министерство внутренних дел", "МВД"),
    *((code.short_title, *code.abbreviations) for code in CODES if code.abbreviations),
)


def code_title(act_id: str) -> str | None:
    """The nominative title of a Belarusian code by its act id (`by/code/tax` → «Налоговый
    кодекс Республики Беларусь»); None for anything else."""
    jurisdiction, _, slug = act_id.partition("/code/")
    code = CODES_BY_SLUG.get(slug) if jurisdiction == "by" else None
    return code.title if code is not None else None


def code_named(text: str) -> Code | None:
    """The code a text is nothing but the abbreviation of («НК», «КоАП»), else None."""
    slug = CODE_ABBREVIATIONS.get(text.strip())
    return CODES_BY_SLUG[slug] if slug is not None else None
