"""What one paragraph's citations teach the paragraphs after it (`CitationContext.learn`).

An importer reads a document paragraph by paragraph and carries the context along:
``context = context.learn(parse_citations(paragraph, context=context))``. Only acts and annexes
cited in full are learnt, so that a later mention by title, short name or annex name resolves to
them; what the text leaves unresolved, the citing document itself and the unified list's
procedures teach nothing.
"""

from __future__ import annotations

import pytest

from lexgraph.citations import (
    ActRef,
    AnnexRef,
    CitationContext,
    KnownAct,
    KnownAnnex,
    parse_citations,
)

RESOLUTION = "by/resolution/mvd/2021-06-30/175"

# One sentence with every kind of reference a learner must pass over, before the one it learns:
# a procedure of the unified list, the citing resolution itself, and a law named by its title
# alone before it is cited in full (so it stays unresolved here).
MIXED = (
    "Справка выдается по подпункту 15.4.1 единого перечня в порядке, установленном пунктом 3 "
    "настоящего постановления, статьей 21 Закона Республики Беларусь «О лицензировании» и "
    "Законом Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании» "
    "(далее – Закон)."
)

APPROVED = (
    "в пункте 10 Положения о порядке представления документов, утвержденного постановлением "
    "Совета Министров Республики Беларусь от 27 февраля 2023 г. № 154;"
)
ANNEX = AnnexRef(
    "regulation",
    "Положение о порядке представления документов",
    "poryadke_predstavleniya_dokumentov",
)


def test_only_the_act_cited_in_full_is_learnt() -> None:
    context = CitationContext(document_id=RESOLUTION)
    citations = parse_citations(MIXED, context=context)
    assert [c.kind for c in citations] == ["procedure", "provision", "provision", "act"]
    learned = context.learn(citations)
    assert learned.acts == (
        KnownAct("by/law/2022-10-14/213-z", "law", "О лицензировании", ("Закон",)),
    )
    assert learned.annexes == ()
    assert learned.document_id == RESOLUTION


def test_the_next_paragraph_finds_the_learnt_act_by_its_title_and_short_name() -> None:
    context = CitationContext(document_id=RESOLUTION)
    context = context.learn(parse_citations(MIXED, context=context))
    later = parse_citations(
        "по статье 5 Закона Республики Беларусь «О лицензировании» и статье 7 Закона",
        context=context,
    )
    assert [u.provision_id for c in later for u in c.units] == [
        "by/law/2022-10-14/213-z#art_5",
        "by/law/2022-10-14/213-z#art_7",
    ]


def test_an_approved_annex_is_learnt_with_its_act() -> None:
    learned = CitationContext().learn(parse_citations(APPROVED))
    # The resolution approving the Положение is cited without a title: no act to find by title.
    assert learned.acts == ()
    assert learned.annexes == (
        KnownAnnex(ANNEX, "by/cm_resolution/2023-02-27/154", "cm_resolution"),
    )
    (later,) = parse_citations(
        "в абзаце третьем пункта 49 Положения о порядке представления документов",
        context=learned,
    )
    assert later.units[0].provision_id == (
        "by/cm_resolution/2023-02-27/154#regulation_poryadke_predstavleniya_dokumentov"
        "__point_49__para_3"
    )
    # The act is the one the context knew, with its kind: the annex's mention names no act.
    assert later.act == ActRef(kind="cm_resolution", act_id="by/cm_resolution/2023-02-27/154")


def test_what_is_known_already_is_not_learnt_again() -> None:
    # The same paragraph read twice (a document that repeats a sentence) adds nothing new.
    citations = parse_citations(APPROVED + " " + MIXED)
    once = CitationContext().learn(citations)
    twice = once.learn(citations)
    assert twice.acts == once.acts
    assert twice.annexes == once.annexes
    assert len(twice.acts) == len(twice.annexes) == 1


def test_a_context_learns_nothing_from_a_text_without_full_citations() -> None:
    context = CitationContext(document_id=RESOLUTION)
    text = "по подпункту 15.4.1 и пункту 3 настоящего постановления"
    assert context.learn(parse_citations(text, context=context)) == context


# Acts and an annex cited in full, then the same mentioned by title, number, register number and
# name: within one text the mentions resolve; in another text they must not (nothing was learnt).
CITED_IN_FULL = (
    "Законом Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании», Указом "
    "Президента Республики Беларусь от 3 ноября 2014 г. № 508 (рег. № 1/15375) и пунктом 10 "
    "Положения о порядке представления документов, утвержденного постановлением Совета "
    "Министров Республики Беларусь от 27 февраля 2023 г. № 154"
)
MENTIONED = (
    "статьей 5 Закона Республики Беларусь «О лицензировании», пунктом 2 Указа № 508, пунктом 3 "
    "Указа (рег. № 1/15375) и пунктом 4 Положения о порядке представления документов"
)
MENTIONED_IDS = [
    "by/law/2022-10-14/213-z",
    "by/edict/2014-11-03/508",
    "by/edict/2014-11-03/508",
    "by/cm_resolution/2023-02-27/154",
]


@pytest.mark.parametrize(
    "context",
    [
        None,
        CitationContext(acts=(KnownAct("by/law/2008-10-28/433-z", "law", "Об основах"),)),
    ],
)
def test_what_one_text_learns_stays_with_that_text(context: CitationContext | None) -> None:
    together = parse_citations(f"{CITED_IN_FULL}. {MENTIONED}", context=context)
    assert [c.act_id for c in together[3:]] == MENTIONED_IDS
    parse_citations(CITED_IN_FULL, context=context)
    alone = parse_citations(MENTIONED, context=context)
    assert [(c.act_id, c.resolved) for c in alone] == [(None, False)] * 4


def test_contexts_that_know_different_acts_resolve_apart() -> None:
    # Both know no annexes (the same empty tuple): only the acts tell them apart.
    licensing = CitationContext(
        acts=(KnownAct("by/law/2022-10-14/213-z", "law", "О лицензировании"),)
    )
    procedures = CitationContext(
        acts=(KnownAct("by/law/2008-10-28/433-z", "law", "Об основах административных процедур"),)
    )
    text = "статьей 5 Закона Республики Беларусь «О лицензировании»"
    assert parse_citations(text, context=licensing)[0].act_id == "by/law/2022-10-14/213-z"
    assert parse_citations(text, context=procedures)[0].act_id is None


def test_a_short_name_the_context_knows_gives_its_act_and_kind() -> None:
    # The graph hands over the short names its acts define; a mention by one names no kind of its
    # own («Закона об основах»), so the act's kind comes from what the context knows.
    known = KnownAct("by/law/2008-10-28/433-z", "law", short_names=("Закон об основах",))
    c = parse_citations("согласно статье 15 Закона об основах", context=CitationContext((known,)))[
        0
    ]
    assert c.act is not None
    assert (c.act.act_id, c.act.kind) == ("by/law/2008-10-28/433-z", "law")
    assert c.units[0].provision_id == "by/law/2008-10-28/433-z#art_15"


def test_within_one_text_a_learned_annex_keeps_its_acts_kind() -> None:
    first, later = parse_citations(
        APPROVED + " пункт 4 Положения о порядке представления документов"
    )
    assert later.annex == first.annex
    assert later.act == ActRef(kind="cm_resolution", act_id="by/cm_resolution/2023-02-27/154")


def test_the_citing_act_itself_teaches_nothing() -> None:
    # An importer reads the law against the graph, which already knows it: «настоящего Закона»
    # (no kind of its own) must not make the known law kindless for the mentions after it.
    law = "by/law/2008-10-28/433-z"
    context = CitationContext(
        (KnownAct(law, "law", short_names=("Закон об основах",)),), document_id=law
    )
    own, named = parse_citations(
        "пунктом 3 настоящего Закона и статьей 15 Закона об основах", context=context
    )
    assert own.act is not None
    assert own.act.current
    assert named.act == ActRef(kind="law", short_name="Закон об основах", act_id=law)


def test_an_annex_short_name_defined_again_names_the_annex_defined_last() -> None:
    # «(далее – Положение)» twice: a later «Положения» is the second; the «Инструкция» defined
    # between them keeps its own name.
    text = (
        "Положение о порядке представления документов, утвержденное постановлением Совета "
        "Министров Республики Беларусь от 27 февраля 2023 г. № 154 (далее – Положение). "
        "Инструкция о порядке заполнения бланков, утвержденная постановлением Министерства "
        "финансов Республики Беларусь от 2 марта 2020 г. № 10 (далее – Инструкция). "
        "Положение о порядке учета доходов, утвержденное постановлением Совета Министров "
        "Республики Беларусь от 5 мая 2021 г. № 250 (далее – Положение). "
        "Согласно пункту 3 Положения и пункту 4 Инструкции"
    )
    *_, regulation, instruction = parse_citations(text)
    assert [u.provision_id for u in regulation.units] == [
        "by/cm_resolution/2021-05-05/250#regulation_poryadke_ucheta_dokhodov__point_3"
    ]
    assert [u.provision_id for u in instruction.units] == [
        "by/resolution/minfin/2020-03-02/10#instruction_poryadke_zapolneniya_blankov__point_4"
    ]


def test_an_annex_known_without_its_acts_kind_does_not_unmake_the_kind() -> None:
    # The graph may hand over an approved annex without its act's kind. A mention of the annex
    # names the act with no kind; it must not make the act kindless for the mentions after it.
    law = "by/law/2008-10-28/433-z"
    context = CitationContext(
        (KnownAct(law, "law", short_names=("Закон об основах",)),),
        (KnownAnnex(ANNEX, law),),
    )
    annex, named = parse_citations(
        "пунктом 3 Положения о порядке представления документов и статьей 15 Закона об основах",
        context=context,
    )
    assert annex.act == ActRef(act_id=law)
    assert named.act == ActRef(kind="law", short_name="Закон об основах", act_id=law)
