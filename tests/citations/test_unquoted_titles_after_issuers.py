"""An act's unquoted title after its issuer, and a law's one-word title before a Latin «N»: cases
that tell this stop's rules from their near misses."""

from __future__ import annotations

from tests.citations.reading import ids


def test_a_ministrys_act_with_a_capital_o_title_is_read_to_its_date_and_number() -> None:
    # «О порядке учета» opens with a capital «О»: the Ministry of Finance's resolution's title.
    text = "постановлением Министерства финансов О порядке учета от 1 марта 2020 г. № 5"
    assert ids(text) == ["by/resolution/minfin/2020-03-01/5"]


def test_a_lower_case_o_after_a_ministry_opens_no_title() -> None:
    # «о применении которого …» goes on the sentence: the date and number that follow are the
    # letter's, and no order of the Ministry of Finance is made up from them.
    text = (
        "приказом Министерства финансов о применении которого говорится в письме"
        " от 1 марта 2020 г. № 5"
    )
    assert ids(text) == []


def test_a_laws_one_word_title_before_its_number_typed_with_a_latin_n() -> None:
    text = "статьи 5 Закона Республики Беларусь О рекламе N 225-З от 10 мая 2007 г."
    assert ids(text) == ["by/law/2007-05-10/225-z#art_5"]
