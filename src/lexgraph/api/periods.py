"""Validity periods (срок действия) as a value: an amount and a unit, and how a reader says it.

The graph stores each period of an issued document as `"{amount} {unit}"` or `"unlimited"`
(`importers/mvd_graph.py`); a client gets the parts typed, and the Russian words with the form
the number asks for («1 год», «2 года», «5 лет»), never a unit glued to a number in English.
"""

from __future__ import annotations

import strawberry

from lexgraph.api.enums import ValidityUnit, stored
from lexgraph.russian import plural

_FORMS = {
    ValidityUnit.MONTHS: ("месяц", "месяца", "месяцев"),
    ValidityUnit.YEARS: ("год", "года", "лет"),
}


@strawberry.type(
    description="A validity period (срок действия): an amount of a unit, or unlimited."
)
class ValidityPeriod:
    amount: int | None = strawberry.field(
        description="How many units; null when the period is unlimited (бессрочно)."
    )
    unit: ValidityUnit = strawberry.field(description="The unit, or `UNLIMITED`.")
    text: str = strawberry.field(
        description="The period in Russian words, the noun agreeing with the number: «1 год»,"
        " «2 года», «5 лет», «6 месяцев», «бессрочно»."
    )

    @classmethod
    def parse(cls, value: str) -> ValidityPeriod:
        """The period stored as `"{amount} {unit}"` or `"unlimited"`; anything else is a fault
        of the graph and raises, rather than reaching a reader as a guess."""
        if value == stored(ValidityUnit.UNLIMITED):
            return cls(amount=None, unit=ValidityUnit.UNLIMITED, text="бессрочно")
        amount_text, _, unit_text = value.partition(" ")
        unit = next((u for u in ValidityUnit if stored(u) == unit_text), None)
        if unit in (None, ValidityUnit.UNLIMITED) or not amount_text.isdigit():
            raise ValueError(f"not a stored validity period: {value!r}")
        amount = int(amount_text)
        forms = _FORMS[unit]
        return cls(amount=amount, unit=unit, text=f"{amount} {plural(amount, *forms)}")
