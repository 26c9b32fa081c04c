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
