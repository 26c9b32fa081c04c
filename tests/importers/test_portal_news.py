"""The news text on CM resolution No. 529 (corpus 000): acts, lists, availability claims."""

from datetime import date
from pathlib import Path

import pytest

from importers.base import DocumentError, SourceDocument
from importers.portal_news import looks_like_portal_news, parse_portal_news
from importers.portal_records import (
    ActFactKind,
    ActKind,
    ActRelationKind,
    ActRole,
    Applicant,
    PortalNews,
    YearMonth,
    match_key,
)

CORPUS = Path(__file__).parents[2] / "importers" / "corpus"
NEWS = SourceDocument.read(CORPUS / "000_8633f05b71841d3c.txt")
GUIDE = SourceDocument.read(CORPUS / "001_3ce2819cda9fc273.txt")
RESOLUTION = SourceDocument.read(CORPUS / "004_85fdc72f4cf61fef.txt")
PORTAL = "единый портал электронных услуг"


@pytest.fixture(scope="module")
def news() -> PortalNews:
    return parse_portal_news(NEWS)


def test_routing_picks_only_the_news_text() -> None:
    assert looks_like_portal_news(NEWS)
    assert not looks_like_portal_news(GUIDE)
    assert not looks_like_portal_news(RESOLUTION)


def test_title_has_no_markup(news: PortalNews) -> None:
    assert news.title == "Административные процедуры – через единый портал электронных услуг"
    assert all("bookmark" not in act.raw for act in news.acts)


def test_resolution_529_establishes_the_lists(news: PortalNews) -> None:
    resolution = news.acts[0]
    assert resolution.kind is ActKind.COUNCIL_OF_MINISTERS_RESOLUTION
    assert resolution.issuer == "Совет Министров Республики Беларусь"
    assert (resolution.date, resolution.number) == (date(2017, 7, 14), "529")
    assert resolution.raw == "постановлением Совета Министров от 14 июля 2017 года № 529"
    assert resolution.roles == (ActRole.ESTABLISHES_E_PROCEDURE_LIST,)
    assert resolution.span.line_start == 4
    assert "[bookmark: _GoBack]" in resolution.span.text  # the span stays verbatim

    lists = news.procedure_lists
    assert [lst.applicants for lst in lists] == [
        (Applicant.CITIZEN,),
        (Applicant.LEGAL_ENTITY, Applicant.INDIVIDUAL_ENTREPRENEUR),
    ]
    assert all(lst.act is resolution and lst.channel == PORTAL for lst in lists)


def test_the_law_it_was_adopted_under_amends_the_basic_law(news: PortalNews) -> None:
    resolution, amending, basic = news.acts
    assert (amending.kind, amending.issuer) == (ActKind.LAW, None)
    assert (amending.date, amending.number) == (date(2017, 1, 9), None)
    assert amending.title == (
        'О внесении дополнений и изменений в Закон Республики Беларусь "Об основах административных'
        ' процедур"'
    )
    assert amending.roles == (ActRole.LEGAL_BASIS, ActRole.AMENDS)
    assert basic.title == "Об основах административных процедур"
    assert basic.roles == (ActRole.AMENDED,)
    assert {(r.subject, r.kind, r.object) for r in news.act_relations} == {
        (resolution, ActRelationKind.ADOPTED_UNDER, amending),
        (amending, ActRelationKind.AMENDS, basic),
    }


def test_resolution_529_entered_into_force_on_15_july_2017(news: PortalNews) -> None:
    (fact,) = news.act_facts
    assert fact.act.number == "529"
    assert fact.kind is ActFactKind.ENTERS_INTO_FORCE
    assert fact.date == date(2017, 7, 15)
    assert fact.span.line_start == 11


def test_four_procedures_are_claimed(news: PortalNews) -> None:
    titles = [claim.title for claim in news.availabilities]
    assert titles == [
        "регистрация иностранного гражданина или лица без гражданства, временно пребывающих в"
        " Беларуси",
        "выдача гражданину Республики Беларусь и иностранному гражданину или лицу без гражданства,"
        " постоянно проживающим в Республике Беларусь, документа о приглашении иностранного"
        " гражданина или лица без гражданства в Республику Беларусь",
        "выдача специального разрешения на право занятия трудовой деятельностью в Республике"
        " Беларусь в отношении иностранного гражданина или лица без гражданства",
        "согласование приглашений иностранных граждан и лиц без гражданства на обучение",
    ]
    assert all(claim.act is news.acts[0] for claim in news.availabilities)
    assert all(claim.channel == PORTAL for claim in news.availabilities)
    assert all(claim.personal_application_retained for claim in news.availabilities)


def test_mvd_and_nces_convert_the_listed_procedures_in_2017_2018(news: PortalNews) -> None:
    registration, invitation = news.availabilities[:2]
    for claim in (registration, invitation):
        assert claim.applicants == (Applicant.CITIZEN,)
        assert (claim.conversion_from, claim.conversion_until) == (YearMonth(2017), YearMonth(2018))
        assert claim.available_from is None
        assert [(b.name, b.abbreviation) for b in claim.bodies] == [
            ("Министерство внутренних дел", "МВД"),
            ("Национальный центр электронных услуг", "НЦЭУ"),
        ]
    assert (registration.span.line_start, registration.span.line_end) == (6, 7)
    assert (invitation.span.line_start, invitation.span.line_end) == (6, 8)


def test_special_permit_from_january_2018_for_businesses(news: PortalNews) -> None:
    permit = news.availabilities[2]
    assert permit.title_as_written.startswith("выдачу специального разрешения")
    assert permit.applicants == (Applicant.LEGAL_ENTITY, Applicant.INDIVIDUAL_ENTREPRENEUR)
    assert permit.conversion_from == YearMonth(2017)
    assert permit.available_from == YearMonth(2018, 1)
    assert str(permit.available_from) == "2018-01"
    assert permit.bodies == ()
    assert permit.span.line_start == permit.span.line_end == 9


def test_study_invitations_agreed_electronically_in_2019(news: PortalNews) -> None:
    study = news.availabilities[3]
    assert study.title_as_written == (
        "согласование в электронной форме приглашений иностранных граждан и лиц без гражданства"
        " на обучение"
    )
    assert study.available_from == YearMonth(2019)
    assert study.applicants == ()  # the sentence names none


def test_match_keys_meet_the_unified_list_wording(news: PortalNews) -> None:
    permit, study = news.availabilities[2:]
    assert permit.match_key == match_key(
        "Выдача специального разрешения на право занятия трудовой деятельностью в Республике"
        " Беларусь в отношении иностранного гражданина или лица без гражданства"
    )
    assert study.match_key == match_key(
        "Согласование приглашения иностранного гражданина или лица без гражданства на обучение"
    )


def test_personal_application_remains_possible(news: PortalNews) -> None:
    personal = news.personal_application
    assert personal is not None
    assert personal.applicants == (
        Applicant.CITIZEN,
        Applicant.LEGAL_ENTITY,
        Applicant.INDIVIDUAL_ENTREPRENEUR,
    )
    assert personal.place == "подразделения по гражданству и миграции органов внутренних дел"
    assert personal.span.line_start == 10


@pytest.mark.parametrize("text", ["", "\n  \n"])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(DocumentError, match=r"empty.txt:1: expected .*found an empty document"):
        parse_portal_news(SourceDocument("empty.txt", text))


def test_unrelated_text_names_its_first_line() -> None:
    doc = SourceDocument("weather.txt", "\nПогода\n\nЗавтра в Минске без осадков.")
    with pytest.raises(DocumentError) as error:
        parse_portal_news(doc)
    assert error.value.line == 2
    assert "list of procedures done in electronic form" in error.value.expected
    assert error.value.found == "«Погода»"


def test_a_list_without_its_act_names_the_line() -> None:
    doc = SourceDocument(
        "no-act.txt",
        "Новости\n\nУтверждены перечни административных процедур в электронной форме.",
    )
    with pytest.raises(DocumentError, match=r"no-act.txt:3: expected the act that sets"):
        parse_portal_news(doc)


def test_pinpoint_units_read_ordinals_with_the_citation_grammar() -> None:
    from importers.base import Span
    from importers.portal_records import read_citation

    text = "абзац пятнадцатый пункта 2 статьи 5"
    c = read_citation(text, [], Span("news.txt", 1, 1, text))
    assert (c.paragraph, c.point, c.article) == ("15", "2", "5")
