"""A portal claim is joined to the procedure whose title it names (seed 000, line 9, and the
titles of seed 004, lines 23 and 25), and each title is lemmatized once however many claims ask."""

from __future__ import annotations

from importers.portal_graph import match_procedure, title_words
from importers.portal_records import match_key

TITLES = {
    "15.4.1": "Получение специального разрешения на право занятия трудовой деятельностью"
    " в Республике Беларусь",
    "15.4.2": "Однократное продление срока действия специального разрешения на право занятия"
    " трудовой деятельностью в Республике Беларусь",
}
# Seed 000, line 9: «заявлений на выдачу специального разрешения … в отношении иностранного
# гражданина или лица без гражданства».
CLAIM = (
    "выдачу специального разрешения на право занятия трудовой деятельностью в Республике Беларусь"
    " в отношении иностранного гражданина или лица без гражданства"
)


def test_a_claim_names_the_procedure_whose_title_words_it_holds() -> None:
    # 15.4.2's «продление срока действия» is not in the claim: only 15.4.1 is named.
    assert match_procedure(match_key(CLAIM), TITLES) == "15.4.1"


def test_a_claim_naming_two_procedures_or_none_is_joined_to_neither() -> None:
    twin = {**TITLES, "99.9.9": TITLES["15.4.1"]}
    assert match_procedure(match_key(CLAIM), twin) is None
    assert match_procedure(match_key("выдачу справки о месте жительства"), TITLES) is None


def test_each_title_is_lemmatized_once_for_any_number_of_claims() -> None:
    title_words.cache_clear()
    for _ in range(50):
        match_procedure(match_key(CLAIM), TITLES)
    assert title_words.cache_info().misses == len(TITLES)
