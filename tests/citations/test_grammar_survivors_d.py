"""Treaties' reach, short names («(далее – …)») repeated later and lowercase annex heads: cases
that tell the grammar's surviving mutants of `_treaty`, `_short` and `_annex` apart."""

from __future__ import annotations

import pytest

from lexgraph.citations import parse_citations
from tests.citations.reading import ids

LAW_433 = "by/law/2008-10-28/433-z"
LAW_213 = "by/law/2022-10-14/213-z"
DECISION_500 = "by/decision/minskiy_gorispolkom/2019-03-01/500"
DECISION_900 = "by/decision/minskiy_gorispolkom/2019-04-05/900"
CM_154 = "by/cm_resolution/2023-02-27/154"

# -- international treaties ------------------------------------------------------------------


def test_a_private_agreement_is_no_treaty_though_a_date_comes_sixty_tokens_on() -> None:
    # A private agreement between an employer and a worker: no parties, no sign of a treaty.
    # The claim's «от 14 марта 2019 г.» is the 61st token from the head, out of the treaty's
    # reach, so it cannot make the agreement a dated treaty. (Nearer, it still does: open.)
    text = (
        "Соглашение о возмещении материального ущерба, причиненного нанимателю по вине"
        " работника при исполнении им трудовых обязанностей, было заключено сторонами в простой"
        " письменной форме в период действия заключенного с работником срочного трудового"
        " договора и подписано обеими сторонами в присутствии представителя первичной"
        " профсоюзной организации, однако суд Московского района впоследствии не принял это"
        " соглашение во внимание при рассмотрении искового заявления нанимателя от 14 марта"
        " 2019 г."
    )
    assert parse_citations(text) == []


@pytest.mark.parametrize(("open_", "close"), [("«", "»"), ('"', '"')])
def test_a_protocol_does_not_take_the_date_after_a_quoted_title(open_: str, close: str) -> None:
    # The date follows the amended agreement's quoted title: it is the agreement's (9 December
    # 1994), not the protocol's, which the text does not date. A quote ends the description.
    text = (
        f"Протокол о внесении изменений в Соглашение стран СНГ {open_}О сотрудничестве в"
        f" области охраны труда{close} от 9 декабря 1994 г."
    )
    (c,) = parse_citations(text)
    assert c.act is not None
    assert c.act.kind == "treaty"
    assert c.act.date is None
    assert c.text == "Протокол о внесении изменений в Соглашение стран СНГ"


# -- short names defined by «(далее – …)» ---------------------------------------------------


@pytest.mark.parametrize("first", ["закон", "Закон"])
def test_a_longer_short_name_names_its_own_act(first: str) -> None:
    # Two laws, the first named «закон» (or «Закон»), the second «Закон о лицензировании».
    # «статье 5 закона» is the first law's article; «статье 7 Закона о лицензировании» is the
    # second's: «Закон» before «о …» names another act, and the longer name is that act.
    text = (
        "Закон Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных"
        f" процедур» (далее – {first}) и Закон Республики Беларусь от 14 октября 2022 г. № 213-З"
        " «О лицензировании» (далее – Закон о лицензировании). Согласно статье 5"
        f" {first[0]}акона и статье 7 Закона о лицензировании, лицензия не требуется."
    )
    assert ids(text) == [LAW_433, LAW_213, f"{LAW_433}#art_5", f"{LAW_213}#art_7"]


@pytest.mark.parametrize("sign", ["№", "N"])
def test_a_one_word_short_name_before_a_number_names_another_act(sign: str) -> None:
    # «Решение» names decision 500; «Решение № 2-964/2019 по делу …» is a court's judgment,
    # not decision 500: a number right after the one-word name says another act is meant.
    text = (
        "Решение Минского городского исполнительного комитета от 1 марта 2019 г."
        f" {sign} 500 (далее – Решение) было обжаловано в суд. Решение {sign} 2-964/2019 по делу"
        " о взыскании задолженности оставлено без изменения."
    )
    assert ids(text) == [DECISION_500]


def test_a_short_name_with_its_number_names_its_act() -> None:
    # «Решение» names decision 500, «Решение № 900» decision 900: the one-word name before
    # «№» is passed over, and the longer name defined after it is read.
    text = (
        "Решение Минского городского исполнительного комитета от 1 марта 2019 г. № 500"
        " (далее – Решение) изменено решением Минского городского исполнительного комитета"
        " от 5 апреля 2019 г. № 900 (далее – Решение № 900). Решение № 900 обжаловано."
    )
    assert ids(text) == [DECISION_500, DECISION_900, DECISION_900]


def test_a_unit_of_a_one_word_short_name_before_a_number_is_not_the_named_acts() -> None:
    # «Решение» names decision 500; «Пунктом 2 Решения № 900» is decision 900's point 2, never
    # decision 500's. Decision 900 has no short name of its own, so its point is not cited; the
    # plain «Решения» is still decision 500.
    text = (
        "Решение Минского городского исполнительного комитета от 1 марта 2019 г. № 500"
        " (далее – Решение) изменено решением Минского городского исполнительного комитета"
        " от 5 апреля 2019 г. № 900. Пунктом 2 Решения № 900 установлено иное. Пунктом 3"
        " Решения установлен срок."
    )
    assert ids(text) == [DECISION_500, DECISION_900, f"{DECISION_500}#point_3"]


# -- annexes ----------------------------------------------------------------------------------


def test_a_lowercase_word_is_not_an_annex_short_name() -> None:
    # «Положение» names the Regulation; the lowercase «положения» («the provisions») does not:
    # only «главы 3 Положения» cites it.
    text = (
        "Положение о порядке представления документов, утвержденное постановлением Совета"
        " Министров Республики Беларусь от 27 февраля 2023 г. № 154 (далее – Положение). К этим"
        " отношениям применяются положения главы 3 Положения."
    )
    assert ids(text) == [
        f"{CM_154}#regulation_poryadke_predstavleniya_dokumentov",
        f"{CM_154}#regulation_poryadke_predstavleniya_dokumentov__chapter_3",
    ]
