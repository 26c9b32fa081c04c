"""What a search text asks for: every word (or a synonym of it), quoted words as a phrase."""

from __future__ import annotations

import re

import pytest

from lexgraph.act_names import acts_named
from lexgraph.citations import CitationContext, KnownAct, parse_citations
from lexgraph.graph.migrations import load_migrations
from lexgraph.legal_terms import CODE_ABBREVIATIONS, CODES, Code, code_named, code_title
from lexgraph.search_terms import NoWords, parse_search, procedure_number
from lexgraph.ways_in import How, named_ids


def test_every_word_is_required() -> None:
    assert parse_search("специальное разрешение").lucene() == (
        '+("специальное") +("разрешение") "специальное разрешение"^2'
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("госпошлина", ("государственная пошлина", "госпошлина")),
        ("государственной пошлины", ("государственная пошлина", "госпошлина")),
        ("апостиля", ("легализация", "апостиль")),
        ("легализации", ("легализация", "апостиль")),
        ("НК", ("налоговый кодекс", "нк")),
        ("Налогового кодекса", ("налоговый кодекс", "нк")),
        ("КоАП", ("кодекс об административных правонарушениях", "коап")),
    ],
)
def test_a_word_and_its_synonyms_are_one_group(text: str, names: tuple[str, ...]) -> None:
    [group] = parse_search(text).groups
    assert group.phrases == names


def test_quoted_words_are_one_phrase() -> None:
    terms = parse_search("«специального разрешения» пошлина")
    assert [g.phrases for g in terms.groups] == [("специального разрешения",), ("пошлина",)]


@pytest.mark.parametrize("text", ['пошлины AND (title:* OR \\"', "a) -b +c ~d^2 /x/"])
def test_no_query_syntax_reaches_lucene(text: str) -> None:
    # Every term is quoted, and holds only words, numbers and the dots, hyphens and slashes
    # inside them: no quote, bracket, operator or wildcard of the text's.
    for group in parse_search(text).groups:
        for phrase in group.phrases:
            assert re.fullmatch(r"[\w./ -]+", phrase), phrase


def test_a_text_without_words_is_refused() -> None:
    with pytest.raises(NoWords):
        parse_search(" «» ... ")


@pytest.mark.parametrize(
    ("text", "number"), [("15.4.1", "15.4.1"), (" 10.7.1 ", "10.7.1"), ("2.1", "2.1")]
)
def test_a_procedure_number(text: str, number: str) -> None:
    assert procedure_number(text) == number


@pytest.mark.parametrize("text", ["15.4.1 пошлина", "287", "8/40012", "15.4.1.2.3"])
def test_not_a_procedure_number(text: str) -> None:
    assert procedure_number(text) is None


@pytest.mark.parametrize("code", CODES, ids=lambda c: c.slug)
def test_every_code_of_the_list_is_read_by_the_grammar_by_its_title(code: Code) -> None:
    # One list: the names search expands to are names the grammar resolves to the same act.
    for name in (code.title, code.short_title):
        [citation] = parse_citations(name)
        assert citation.act_id == code.act_id
    for abbreviation in code.abbreviations:
        assert CODE_ABBREVIATIONS[abbreviation] == code.slug
        [citation] = parse_citations(
            f"ст. 5 {abbreviation}" if code.slug[:5] != "admin" else f"ст. 5.1 {abbreviation}"
        )
        assert citation.act_id == code.act_id


def test_code_titles_and_abbreviations() -> None:
    assert code_title("by/code/tax") == "Налоговый кодекс Республики Беларусь"
    assert code_title("ru/code/tax") is None  # the Russian code is not ours to name
    assert code_title("by/law/2022-10-14/213-z") is None
    named = code_named(" КоАП ")
    assert named is not None
    assert named.title == "Кодекс Республики Беларусь об административных правонарушениях"
    assert code_named("НК РФ") is None


LAW = KnownAct("by/law/2022-10-14/213-z", "law", "О лицензировании")
RESOLUTION = KnownAct("by/cm_resolution/2023-02-27/154", "cm_resolution", "О лицензировании")
MVD = KnownAct("by/resolution/mvd/2022-12-19/303", "resolution", "О вопросах лицензирования")


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Закон о лицензировании", [LAW.act_id]),
        ("закона «О лицензировании»", [LAW.act_id]),
        ("Закон Республики Беларусь О лицензировании", [LAW.act_id]),
        ("постановление о лицензировании", [RESOLUTION.act_id]),
        # No kind named: both acts of that title, none chosen.
        ("О лицензировании", [RESOLUTION.act_id, LAW.act_id]),
        ("постановление о вопросах лицензирования", [MVD.act_id]),
        ("Указ о лицензировании", []),
        ("лицензирование", []),
        ("Закон", []),
    ],
)
def test_acts_by_kind_and_title(text: str, ids: list[str]) -> None:
    assert acts_named(text, [LAW, RESOLUTION, MVD]) == ids


@pytest.mark.parametrize(
    ("text", "how", "ids", "ambiguous"),
    [
        ("15.4.1", How.NUMBER, ("procedure/15.4.1",), False),
        ("НК", How.CITATION, ("by/code/tax",), False),
        ("ст. 287 НК", How.CITATION, ("by/code/tax#art_287",), False),
        (
            "части 1–3 пункта 6 статьи 287 НК",
            How.CITATION,
            tuple(f"by/code/tax#art_287__point_6__part_{n}" for n in (1, 2, 3)),
            False,
        ),
        ("Закон о лицензировании", How.CITATION, (LAW.act_id,), False),
        ("О лицензировании", How.CITATION, (RESOLUTION.act_id, LAW.act_id), True),
        ("лицензирование", How.CITATION, (), False),
        # A list names what each item names, in its order: two acts, both, none chosen.
        (
            "Налоговый кодекс и Закон о лицензировании",
            How.CITATION,
            ("by/code/tax", LAW.act_id),
            False,
        ),
        ("Закон о лицензировании, НК", How.CITATION, (LAW.act_id, "by/code/tax"), False),
        ("15.4.1 и 15.4.2", How.NUMBER, ("procedure/15.4.1", "procedure/15.4.2"), False),
        (
            "НК и О лицензировании",
            How.CITATION,
            ("by/code/tax", RESOLUTION.act_id, LAW.act_id),
            True,
        ),
        # Items that name nothing by themselves: the list is one reference, read whole.
        (
            "пункты 1 и 2 статьи 287 НК",
            How.CITATION,
            ("by/code/tax#art_287__point_1", "by/code/tax#art_287__point_2"),
            False,
        ),
    ],
)
def test_what_words_name(text: str, how: How, ids: tuple[str, ...], ambiguous: bool) -> None:
    named = named_ids(text, CitationContext(acts=(LAW, RESOLUTION, MVD)))
    assert (named.how, named.ids, named.ambiguous) == (how, ids, ambiguous)


def test_the_migrations_copy_of_the_code_titles_is_the_list() -> None:
    # Migration 0009 names the codes of a graph imported before the titles were read; its copy of
    # the list must be the list.
    [migration] = [m for m in load_migrations() if m.name.startswith("0009_")]
    copied = re.findall(r"\['(by/code/\w+)', '([^']+)'\]", migration.statements[-1])
    assert copied == [(code.act_id, code.title) for code in CODES]
