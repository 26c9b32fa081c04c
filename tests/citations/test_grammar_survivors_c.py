"""Articles' headings skipped wherever they stand, units shared only backwards and only by a
larger unit, and an unquoted title that stops at its line's end: cases that tell the grammar's
surviving mutants apart."""

from __future__ import annotations

import pytest

from lexgraph.citations import parse_citations
from tests.citations.reading import ids

# -- an article's quoted heading between the units and a code -------------------------------


def test_a_heading_far_into_a_sentence_is_skipped_as_near_its_start() -> None:
    # The heading's length is measured from its own opening quote, not from the start of the
    # text: here the quote opens some 180 characters in, and «ст.62» is still the article.
    text = (
        "Налоговым учетом признается обобщение информации для определения налоговой базы на "
        "основе данных первичных учетных документов, сгруппированных в соответствии с "
        "требованиями ст.62 «Налоговый учет» Общей части Налогового кодекса РБ от 19.12.2002 "
        "№ 166-З"
    )
    assert ids(text) == ["by/code/tax#art_62"]


def test_a_long_heading_of_118_characters_is_still_skipped() -> None:
    # The longest heading skipped: 118 characters, 120 with its quotes. Article 220 is the
    # Labour Code's, not lost before the quoted text.
    heading = (
        "Гарантии работникам, направляемым для профессиональной подготовки, повышения "
        "квалификации, стажировки и переподготовки"
    )
    assert len(f"«{heading}»") == 120
    text = f"статьей 220 «{heading}» Трудового кодекса Республики Беларусь"
    assert ids(text) == ["by/code/labour#art_220"]


def test_a_text_cut_inside_a_quote_keeps_the_reference_before_it() -> None:
    # A snippet cut inside a quoted name: the quote is never closed, so nothing after «пунктом 5»
    # is read (no act is named), and the article of the Tax Code before it is still cited.
    text = (
        "В соответствии со статьей 33 Налогового кодекса Республики Беларусь и пунктом 5 "
        "«Положения о"
    )
    assert ids(text) == ["by/code/tax#art_33"]


# -- units shared between the chains of one phrase -----------------------------------------


def test_a_later_chain_does_not_take_the_annex_of_the_first() -> None:
    # «пункта 3 постановления» is the resolution's own point 3; the annex named in the first
    # chain is the container of point 2 only (larger units are shared backwards, never forwards).
    text = (
        "пункта 2 приложения 1 и пункта 3 постановления Совета Министров Республики Беларусь "
        "от 17 февраля 2012 г. № 156"
    )
    assert ids(text) == [
        "by/cm_resolution/2012-02-17/156#annex_1__point_2",
        "by/cm_resolution/2012-02-17/156#point_3",
    ]


def test_a_section_of_the_general_part_is_not_put_in_the_special_part() -> None:
    # Each section keeps its own part of the code. The Special Part, named for section IV, is
    # no larger unit of section III: the two parts are of one rank.
    text = (
        "раздела III Общей части и раздела IV Особенной части Налогового кодекса "
        "Республики Беларусь"
    )
    assert ids(text) == [
        "by/code/tax#general_part__section_3",
        "by/code/tax#special_part__section_4",
    ]


# -- an unquoted title ends at its line's end ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cited", "title"),
    [
        # A list of acts, one a line. The first item's title has one word, «О рекламе»; the
        # next line is the next act, whose reference starts at its own head word.
        (
            "Закон Республики Беларусь О рекламе\n"
            "Закон Республики Беларусь от 18 июня 1993 г. № 2435-XII «О здравоохранении»",
            "Закон Республики Беларусь от 18 июня 1993 г. № 2435-XII «О здравоохранении»",
            "О здравоохранении",
        ),
        (
            "Закон Республики Беларусь О рекламе\n"
            "Закон Республики Беларусь О бухгалтерском учете и отчетности",
            "Закон Республики Беларусь О бухгалтерском учете и отчетности",
            "О бухгалтерском учете и отчетности",
        ),
    ],
)
def test_a_one_word_title_at_a_lines_end_does_not_run_into_the_next_act(
    text: str, cited: str, title: str
) -> None:
    last = parse_citations(text)[-1]
    assert last.text == cited
    assert last.act is not None
    assert last.act.title == title
