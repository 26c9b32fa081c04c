"""The words a Russian-speaking lawyer reads on the pages: the graph's closed sets (channels,
apostille, act kinds, statuses, impact kinds …) in plain Russian, dates as acts write them, and
counts with the noun in the right plural form («1 год», «2 года», «6 месяцев»).

One table per set, looked up case-insensitively (the API may send `in_person` or `IN_PERSON`), so
an English switch would be a second table, not a second code path. A value the table does not
know is shown as it is, never dropped. Where a page shows a value as the schema labels it (a
channel, an appeal's kind, an act's status), the table is the enum's labels (`api/enums.py`); the
tables kept here are the forms a sentence or a heading needs («Указ Президента от …», «Платы»),
and `tests/test_page_words.py` holds each to its enum's members, so neither can drift.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import Enum

from lexgraph import russian
from lexgraph.api import enums


def labels(closed_set: type[Enum]) -> dict[str, str]:
    """An enum's Russian labels by the value the graph stores: the schema's own words."""
    return {enums.stored(member): enums.label(member) for member in closed_set}


CHANNELS = labels(enums.SubmissionChannel)
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
    "treaty": "Международный договор",
}
STATUSES = labels(enums.ActStatus)
APPEAL_KINDS = labels(enums.AppealKind)
APPEAL_FORMS = {"electronic": "в электронной форме", "written": "в письменной форме"}
SUBJECTS = {
    "legal_entity": "юридические лица",
    "individual_entrepreneur": "индивидуальные предприниматели",
    "foreign_organization": "иностранные организации",
}
EFFECT_KINDS = {
    "replace_words": "замена слов",
    "delete_words": "исключение слов",
    "add_words": "дополнение словами",
    "restate": "изложение в новой редакции",
    "insert": "дополнение новой структурной единицей",
    "delete": "исключение",
    "renumber": "изменение нумерации",
    "repeal": "признание утратившим силу",
}
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
# Month names in the genitive, as acts write dates, in the order of the months.
_MONTHS = tuple(russian.GENITIVE_MONTHS)


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


_ACT_ID = re.compile(r"^by/([a-z_]+)/(?:[^/]+/)?(\d{4}-\d{2}-\d{2})/([^/#]+)$")


def act_caption(act_id: str) -> str:
    """An act named by its graph id as a lawyer names it: `by/resolution/mvd/2024-02-26/40` →
    «Постановление от 26 февраля 2024 г. № 40». An effect carries only the amending act's id, and
    the act may not be in the graph; an id of another shape is shown as it is."""
    found = _ACT_ID.match(act_id)
    if found is None or found.group(1) not in ACT_KINDS:
        return act_id
    kind, day, number = found.groups()
    return f"{ACT_KINDS[kind]} от {date(day)} № {number}"


def _where(place: str) -> str:
    """`the act` / `the regulation of 15.4.1` (as the applier names them) in Russian."""
    if place.startswith("the regulation of "):
        return f"регламенте по подпункту {place.removeprefix('the regulation of ')}"
    return "акте" if place == "the act" else place


_REASONS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(
            r"not applied: (\d+) other instruction\(s\) of the act are refused, and an edition"
            r" without them would be wrong"
        ),
        lambda m: (
            f"другие изменения этого акта ({m[1]}) применить нельзя, а редакция без них"
            " была бы неверной"
        ),
    ),
    (
        re.compile(r"no regulation of procedure (\S+) in the text"),
        lambda m: f"в тексте нет регламента административной процедуры по подпункту {m[1]}",
    ),
    (
        re.compile(r"repeals a whole act|the whole act loses force: not a change of its text"),
        lambda m: "акт признается утратившим силу целиком: это не изменение его текста",
    ),
    (
        re.compile(r"the words «(.*)» are not found in (.+)"),
        lambda m: f"слова «{m[1]}» не найдены в {_where(m[2])}",
    ),
    (
        re.compile(r"the words «(.*)» are found (\d+) times in (.+)"),
        lambda m: (
            f"слова «{m[1]}» встречаются в {_where(m[3])} несколько раз ({m[2]}): неясно,"
            " какие изменять"
        ),
    ),
    (
        re.compile(r"позиция «(.*)» is not in the table"),
        lambda m: f"позиции «{m[1]}» в таблице нет",
    ),
    (
        re.compile(r"an instruction not in the drafting forms read: «(.*)»"),
        lambda m: f"изменение изложено не в той форме, которую система читает: «{m[1]}»",
    ),
)


def reason(text: str | None) -> str:
    """Why an instruction of an amending act was not applied, in Russian. The applier states its
    reasons in English; those it gives most often are read here, any other is shown as stated,
    never dropped or half-translated."""
    if not text:
        return ""
    for pattern, in_russian in _REASONS:
        found = pattern.fullmatch(text)
        if found is not None:
            return in_russian(found)
    return text
