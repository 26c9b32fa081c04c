"""The table of unit words the grammar reads (`lexgraph.citations.units`): every form of «статья»,
«пункт» … with whether it is plural. A form that is singular in one case and plural in another
(«статьи»: of an article, or articles) is read as singular, so «статьи 5» is one article and
only «статьи 5 и 7» (the enumeration) makes several."""

from __future__ import annotations

import pytest

from lexgraph.citations.units import unit_word_table


@pytest.fixture
def table() -> dict[str, tuple[str, bool]]:
    # Built anew: the table is cached for the process, and this test is about how it is built.
    unit_word_table.cache_clear()
    return unit_word_table()


@pytest.mark.parametrize(
    ("form", "read_as"),
    [
        ("статья", ("art", False)),
        ("статьи", ("art", False)),  # genitive singular, or nominative plural
        ("статей", ("art", True)),
        ("статьям", ("art", True)),
        ("части", ("part", False)),
        ("частей", ("part", True)),
        ("главы", ("chapter", False)),
        ("глав", ("chapter", True)),
        ("приложения", ("annex", False)),
        ("приложений", ("annex", True)),
        ("пункта", ("point", False)),
        ("пунктов", ("point", True)),
    ],
)
def test_a_form_is_plural_only_when_no_singular_reads_the_same(
    table: dict[str, tuple[str, bool]], form: str, read_as: tuple[str, bool]
) -> None:
    assert table[form] == read_as
