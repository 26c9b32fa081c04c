"""The cursor's small readers on real spellings: Belarus named short or broken across a line, a
title on the next line, a short name in quotes, a text cut after a hyphen (issue 25:
survivors of `lexgraph.citations.cursor`)."""

from __future__ import annotations

import pytest

from lexgraph.citations import parse_citations
from tests.citations.reading import ids, one

EDICT_510 = "by/edict/2009-10-16/510"
LAW_130 = "by/law/2018-07-17/130-z"


# -- Belarus named after an issuer or a code ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "act_id"),
    [
        # «Беларуси» alone, as commentaries and the press write it.
        ("Указом Президента Беларуси от 16 октября 2009 г. № 510", EDICT_510),
        ("статьи 22 ТК Беларуси", "by/code/labour#art_22"),
        # «Беларусь» broken by a line's hyphen, as a PDF's text keeps it: the reference goes on
        # after «русь» to the date and number, or to the rest of the code's name.
        (
            "статьи 14 Закона Республики Бела-\nрусь от 28 октября 2008 г. № 433-З",
            "by/law/2008-10-28/433-z#art_14",
        ),
        (
            "статьи 2.13 Процессуально-исполнительного кодекса Республики Бела-\nрусь об "
            "административных правонарушениях",
            "by/code/admin_procedure#art_2.13",
        ),
        # The same after the President or the Council of Ministers: not a republic abroad.
        ("Указом Президента Республики Бела-\nрусь от 16 октября 2009 г. № 510", EDICT_510),
        (
            "постановлением Совета Министров Республики Бела-\nрусь от 14 июля 2017 г. № 529",
            "by/cm_resolution/2017-07-14/529",
        ),
        # «Респ. Беларусь», as lists of sources abbreviate it.
        ("Указом Президента Респ. Беларусь от 16.10.2009 № 510", EDICT_510),
        ("статьи 5 Закона Респ. Беларусь от 17.07.2018 № 130-З", f"{LAW_130}#art_5"),
        ("ст. 22 ТК Респ. Беларусь", "by/code/labour#art_22"),
    ],
)
def test_belarus_named_short_or_broken_across_a_line_is_read_whole(text: str, act_id: str) -> None:
    assert ids(text) == [act_id]
    assert one(text).text == text


# -- a title on the next line ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "rest", "title"),
    [
        # The title on the next line, indented by a tab or by three spaces.
        ("\n\t«О нормативных правовых актах»", " установлено", "О нормативных правовых актах"),
        ("\n   «О нормативных правовых актах»", " установлено", "О нормативных правовых актах"),
        # The text ends on the next line's indent: no title, and nothing read past the end.
        ("\n\t", "", None),
    ],
)
def test_a_title_on_the_next_line_after_its_indent(
    after: str, rest: str, title: str | None
) -> None:
    head = "Законом Республики Беларусь от 17 июля 2018 г. № 130-З"
    c = one(head + after + rest)
    assert c.act is not None
    assert (c.act_id, c.act.title) == (LAW_130, title)
    assert c.text == (head + after if title else head)


# -- a short name in quotes --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["«Закон»", '"Закон"'])
def test_a_short_name_written_in_quotes_is_the_name_without_them(name: str) -> None:
    # «(далее – «Закон»)»: the quotes mark the name, they are not part of it.
    first, later = parse_citations(
        "Законом Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании» "
        f"(далее – {name}). В соответствии со статьей 5 Закона"
    )
    assert first.defines == "Закон"
    assert [u.provision_id for u in later.units] == ["by/law/2022-10-14/213-z#art_5"]


# -- a text cut after a hyphen -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Cut inside «НК-2019»: a glued hyphen may as well start a name («ИК-15»), so no code is
        # cited.
        "согласно статье 5 НК-",
        # Cut inside «Бела-русь», at a page's end: a law named with no date, number or title.
        "статьи 5 Закона Республики Бела-",
    ],
)
def test_a_text_cut_after_a_hyphen_yields_nothing(text: str) -> None:
    # Nothing is read past the text's end.
    assert parse_citations(text) == []
