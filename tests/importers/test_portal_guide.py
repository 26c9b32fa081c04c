"""The portal how-to (corpus 001): steps, sign-in ways, payment, unique identifier facts."""

from datetime import date
from pathlib import Path

import pytest

from importers.base import DocumentError, SourceDocument
from importers.portal_guide import looks_like_portal_guide, parse_portal_guide
from importers.portal_records import (
    ActKind,
    ActRelationKind,
    ActRole,
    Applicant,
    PaymentChannel,
    PortalGuide,
    RegistrationKind,
    SignInKind,
    StepKind,
)

CORPUS = Path(__file__).parents[2] / "importers" / "corpus"
GUIDE = SourceDocument.read(CORPUS / "001_3ce2819cda9fc273.txt")
NEWS = SourceDocument.read(CORPUS / "000_8633f05b71841d3c.txt")
RESOLUTION = SourceDocument.read(CORPUS / "004_85fdc72f4cf61fef.txt")


@pytest.fixture(scope="module")
def guide() -> PortalGuide:
    return parse_portal_guide(GUIDE)


def test_routing_picks_only_the_guide() -> None:
    assert looks_like_portal_guide(GUIDE)
    assert not looks_like_portal_guide(NEWS)
    assert not looks_like_portal_guide(RESOLUTION)


def test_title_and_portal(guide: PortalGuide) -> None:
    assert guide.title == (
        "ПОРЯДОК ОБРАЩЕНИЯ ЗА ОСУЩЕСТВЛЕНИЕМ АДМИНИСТРАТИВНЫХ ПРОЦЕДУР В ЭЛЕКТРОННОЙ ФОРМЕ"
    )
    assert guide.portal is not None
    assert guide.portal.name == "единый портал электронных услуг"
    assert guide.portal.url == "https://portal.gov.by/"
    assert guide.portal.span.line_start == 7


def test_five_steps_with_their_titles(guide: PortalGuide) -> None:
    assert [(s.ordinal, s.title, s.kind) for s in guide.steps] == [
        (1, "Регистрация на едином портале электронных услуг", StepKind.REGISTRATION),
        (2, "Авторизация на портале", StepKind.AUTHORIZATION),
        (
            3,
            "Заполнение электронного заявления об осуществлении электронной процедуры",
            StepKind.APPLICATION,
        ),
        (4, "Оплата процедуры", StepKind.PAYMENT),
        (5, "Получение электронного решения", StepKind.DECISION),
    ]
    assert [(s.span.line_start, s.span.line_end) for s in guide.steps] == [
        (5, 16),
        (18, 46),
        (46, 50),  # step 3 starts mid-line, after the last sentence of step 2
        (52, 58),
        (60, 66),
    ]
    step3 = guide.steps[2]
    assert step3.text.startswith("Электронное заявление об осуществлении электронной процедуры")
    assert guide.steps[1].text.endswith("Получение идентификатора не является обязательным.")
    assert all("**" not in s.title and "#" not in s.title for s in guide.steps)


def test_registration_by_email_or_digital_signature(guide: PortalGuide) -> None:
    assert [(m.kind, m.span.line_start) for m in guide.registration_methods] == [
        (RegistrationKind.EMAIL, 9),
        (RegistrationKind.DIGITAL_SIGNATURE, 10),
    ]


def test_sign_in_by_password_signature_or_unique_identifier(guide: PortalGuide) -> None:
    assert [(m.kind, m.registration, m.persons) for m in guide.sign_in_methods] == [
        (SignInKind.LOGIN_PASSWORD, RegistrationKind.EMAIL, ()),
        (SignInKind.DIGITAL_SIGNATURE, RegistrationKind.DIGITAL_SIGNATURE, ()),
        (SignInKind.UNIQUE_IDENTIFIER, None, (Applicant.CITIZEN,)),
    ]
    assert [m.span.line_start for m in guide.sign_in_methods] == [20, 20, 22]


def test_payment_by_a_30_digit_order_code(guide: PortalGuide) -> None:
    payment = guide.payment
    assert payment is not None
    assert payment.order_code_digits == 30
    assert payment.order_code_text == "30-значный код - номер заказа"
    assert payment.channels == (PaymentChannel.BANK, PaymentChannel.ERIP)
    assert payment.channels_are_examples
    assert payment.receipt_attached
    assert (payment.span.line_start, payment.span.line_end) == (54, 58)


def test_unique_identifier_definition_cites_regulation_approved_by_637(guide: PortalGuide) -> None:
    facts = guide.unique_identifier
    assert facts is not None
    assert facts.definition is not None
    definition = facts.definition
    assert definition.term == "Уникальный идентификатор"
    assert definition.text.startswith("средство идентификации гражданина при осуществлении")
    assert definition.text.endswith("установлена такая форма их осуществления")
    citation = definition.citation
    assert citation is not None
    assert citation.raw == (
        "абзац 5 п.2 Положения о порядке получения уникального идентификатора, утвержденного"
        " постановлением Совета Министров Республики Беларусь от 22.08.2017 № 637"
    )
    assert (citation.paragraph, citation.point) == ("5", "2")
    assert citation.act is not None
    assert citation.act.title == "Положение о порядке получения уникального идентификатора"
    assert citation.act.roles == (ActRole.DEFINITION_SOURCE,)
    assert citation.act in guide.acts

    regulation, resolution_637, _resolution_271 = guide.acts
    assert (resolution_637.kind, resolution_637.date, resolution_637.number) == (
        ActKind.COUNCIL_OF_MINISTERS_RESOLUTION,
        date(2017, 8, 22),
        "637",
    )
    assert resolution_637.raw.endswith("№ 637")  # the link markup does not leak
    assert [(r.subject, r.kind, r.object) for r in guide.act_relations] == [
        (regulation, ActRelationKind.APPROVED_BY, resolution_637)
    ]


def test_unique_identifier_uses_persons_places(guide: PortalGuide) -> None:
    facts = guide.unique_identifier
    assert facts is not None
    assert [c.text for c in facts.capabilities] == [
        "войти в персональный электронный кабинет на едином портале электронных услуг",
        "подача (отзыв) заявлений об осуществлении административных процедур",
        "получение административных решений (уведомлений о принятых административных решениях)",
        "подача (отзыв) административных жалоб в электронной форме",
    ]
    assert facts.capabilities[1].as_written.startswith("подачу (отзыв)")
    assert facts.eligible_persons == (
        Applicant.BELARUSIAN_CITIZEN,
        Applicant.FOREIGN_CITIZEN,
        Applicant.STATELESS_PERSON,
    )
    assert [p.name for p in facts.issuing_places] == [
        "служба «Одно окно»",
        "Национальный центр электронных услуг",
        "иные государственные организации, уполномоченные Советом Министров Республики Беларусь"
        " на выдачу уникального идентификатора",
    ]
    assert facts.required_documents == ("документ, удостоверяющий личность",)
    assert facts.forms == (
        "заявление о выдаче уникального идентификатора установленной формы",
        "извещение о выдаче уникального идентификатора установленной формы",
    )
    assert facts.optional is True


def test_the_e_procedure_list_is_set_by_resolution_271(guide: PortalGuide) -> None:
    (listed,) = guide.procedure_lists
    assert (listed.act.date, listed.act.number) == (date(2020, 5, 6), "271")
    assert listed.act.roles == (ActRole.ESTABLISHES_E_PROCEDURE_LIST,)
    assert listed.act.raw == (
        "постановлением Совета Министров Республики Беларусь от 6 мая 2020 г. № 271"
    )
    assert listed.channel == "единый портал электронных услуг"
    assert listed.span.line_start == 66


def test_empty_text_is_an_error() -> None:
    with pytest.raises(DocumentError, match=r"empty.md:1: expected .*found an empty document"):
        parse_portal_guide(SourceDocument("empty.md", " \n"))


def test_unrelated_text_names_its_first_line() -> None:
    doc = SourceDocument("recipe.md", "\n# Борщ\n\nСварить свёклу.")
    with pytest.raises(DocumentError) as error:
        parse_portal_guide(doc)
    assert error.value.line == 2
    assert error.value.expected == "step 1 of an electronic procedure («Шаг 1: …»)"
    assert error.value.found == "«Борщ»"


def test_a_skipped_step_names_its_line() -> None:
    doc = SourceDocument("gap.md", "## Шаг 1: Регистрация\n\nТекст.\n\n## Шаг 3: Оплата\n")
    with pytest.raises(DocumentError, match=r"gap.md:5: expected step 2 \(«Шаг 2»\), found Шаг 3"):
        parse_portal_guide(doc)


def test_registration_count_must_match_its_list() -> None:
    doc = SourceDocument(
        "count.md",
        "## Шаг 1: Регистрация на портале\n\nМожно двумя способами:\n\n"
        "- через электронную почту;\n\n## Шаг 2: Авторизация\n",
    )
    with pytest.raises(DocumentError, match=r"count.md:3: expected 2 list items"):
        parse_portal_guide(doc)
