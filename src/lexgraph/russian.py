"""Russian words every reader of the sources needs, kept in one place."""

from __future__ import annotations

# Month names in the genitive, as dates are written: «19 мая 2023 г.».
GENITIVE_MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        (
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
        ),
        start=1,
    )
}

MONTH_NAMES: dict[int, str] = {number: name for name, number in GENITIVE_MONTHS.items()}


def plural(count: int, one: str, few: str, many: str) -> str:
    """The form of a noun that goes with `count`: «1 год», «2 года», «5 лет», «21 год», «11 лет».

    The rule is the language's (CLDR's plural categories for Russian: one, few, many); the forms
    are given, because the dictionary's agreement is not what law writes: pymorphy3 agrees «год»
    with 5 as «годов», while the acts say «5 лет»."""
    last, last_two = abs(count) % 10, abs(count) % 100
    if last == 1 and last_two != 11:
        return one
    if 2 <= last <= 4 and not 12 <= last_two <= 14:
        return few
    return many
