"""Provision nodes get a type, a number and a Russian label for every unit the grammar names."""

from __future__ import annotations

import pytest

from importers.graph_common import _unit_label
from lexgraph.citations import parse_citations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("главой 12 Трудового кодекса", ("chapter", "12", "глава 12")),
        ("статьей Особенной части КоАП", ("special_part", None, "Особенная часть")),
        (
            "приложение к Указу Президента Республики Беларусь от 25 июня 2021 г. № 240",
            ("annex", None, "приложение"),
        ),
        ("статьи 23-1 Налогового кодекса", ("art", "23-1", "статья 23-1")),
    ],
)
def test_unit_labels(text: str, expected: tuple[str, str | None, str]) -> None:
    [c] = parse_citations(text)
    assert _unit_label(c.units[0].e_id, c) == expected
