"""The words a Russian-speaking lawyer reads on the pages: the graph's closed sets (channels,
apostille, act kinds, statuses, impact kinds …) in plain Russian, dates as acts write them, and
counts with the noun in the right plural form («1 год», «2 года», «6 месяцев»).

One table per set, looked up case-insensitively (the API may send `in_person` or `IN_PERSON`), so
an English switch would be a second table, not a second code path. A value the table does not
know is shown as it is, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re

from lexgraph import russian

CHANNELS = {
    "in_person": "лично",
    "post": "по почте",
    "courier": "нарочным (курьером)",
    "electronic": "в электронной форме",
}
APOSTILLE = {
    "required": "нужна легализация или апостиль",
    "not_required": "легализация и апостиль не нужны",
    "not_stated": "о легализации и апостиле регламент не говорит",
}
ACT_KINDS = {
    "constitution": "Конституция",
    "law": "Закон",
    "code": "Кодекс",
    "edict": "Указ Президента",
    "decree": "Декрет Президента",
    "directive": "Директива Президента",
    "cm_resolution": "Постановление Совета Министров",
    "resolution": "Постановление",
    "decision": "Решение",
    "order": "Приказ",
    "disposal": "Распоряжение",
    "declaration": "Декларация",
}
STATUSES = {
    "in_force": "действует",
    "repealed": "утратил силу",
    "unknown": "не известен",
}
APPEAL_KINDS = {
    "administrative": "административная жалоба",
    "judicial": "обжалование в судебном порядке",
}
APPEAL_FORMS = {"electronic": "в электронной форме", "written": "в письменной форме"}
SUBJECTS = {
    "legal_entity": "юридические лица",
    "individual_entrepreneur": "индивидуальные предприниматели",
    "foreign_organization": "иностранные организации",
}
SOURCE_KINDS = {"registry": "из государственного реестра (регистра)", "authority": "от органа"}
IMPACT_KINDS = {
    "procedure": "Административные процедуры",
    "regulation": "Регламенты",
    "requirement": "Требования (документы и сведения)",
    "issued_document": "Выдаваемые документы",
    "fee": "Платы",
    "benefit": "Льготы по плате",
    "act": "Акты",
    "provision": "Структурные единицы актов",
    "portal_fact": "Сведения портала",
    "other": "Прочее",
}
#: Edges of an impact chain, as the change travels along them (from the changed unit outwards).
RELATIONS = {
    "CITES": "ссылается на",
    "GOVERNED_BY": "принят на основании",
    "BASED_ON": "издан на основании",
    "REQUIRES": "требует",
    "REQUESTS": "запрашивает",
    "REGULATES": "регулирует",
    "APPROVES": "утверждает",
    "PART_OF": "входит в",
    "HAS_FEATURE": "содержит особенность",
    "ISSUES": "выдает",
    "CHARGES": "взимает",
    "HAS_BENEFIT": "предусматривает льготу",
    "HAS_APPEAL": "предусматривает обжалование",
    "LISTED_IN": "включена в",
    "REPEALS": "отменяет",
    "AMENDED_BY": "изменен",
    "ABOUT": "сообщает о",
    "UNDER": "относится к",
}
#: Validity units, each with its three plural forms: one, few, many.
_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def word(table: dict[str, str], value: str | None) -> str:
    """The Russian word for `value` in `table`; the value itself when the table lacks it."""
    if value is None:
        return ""
    return table.get(value.lower(), value)


def plural(count: int, forms: tuple[str, str, str]) -> str:
    """The noun agreeing with `count`, (one, few, many): the language's rule, kept once in
    `lexgraph.russian`."""
    return russian.plural(count, *forms)


def date(value: str | dt.date | None) -> str:
    """«19 мая 2023 г.», as acts write dates; text that is no ISO date is shown as it is."""
    if value is None or value == "":
        return ""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year} г."


def base_units(amount: float | None) -> str:
    """«1 базовая величина», «2 базовые величины», «0,5 базовой величины»."""
    if amount is None:
        return ""
    if amount == int(amount):
        whole = int(amount)
        noun = plural(whole, ("базовая величина", "базовые величины", "базовых величин"))
        return f"{whole} {noun}"
    return f"{str(amount).replace('.', ',')} базовой величины"


_REGULATION_SEGMENT = re.compile(r"^procedure_regulation_(\d+(?:\.\d+)+)$")


def unit_caption(label: str | None) -> str:
    """A unit's label as a reader reads it: the graph names an approved regulation by its eId
    segment (`procedure_regulation_15.4.1`), a reader by its title's head."""
    if not label:
        return ""
    found = _REGULATION_SEGMENT.match(label)
    if found is None:
        return label
    return f"Регламент административной процедуры по подпункту {found.group(1)}"
