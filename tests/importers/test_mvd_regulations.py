"""The МВД resolution of 19 May 2023 No. 102 and its eight procedure regulations, from the corpus.

Each test states what the source text says (line numbers refer to
`importers/corpus/004_85fdc72f4cf61fef.txt`) and checks the parser reads exactly that.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from importers.base import NBSP, DocumentError, SourceDocument, clean
from importers.mvd_regulations import looks_like_mvd_resolution, parse_mvd_resolution
from importers.regulation_records import (
    ActKind,
    Apostille,
    AppealForm,
    MvdResolution,
    Regulation,
    SourceKind,
    Subject,
    SubmissionChannel,
    ValidityUnit,
)
from importers.regulation_text import strip_markers

CORPUS = Path(__file__).resolve().parents[2] / "importers" / "corpus"
SOURCE = SourceDocument.read(CORPUS / "004_85fdc72f4cf61fef.txt")
LINES = SOURCE.text.split("\n")

NOT_REQUIRED, REQUIRED, NOT_STATED = (
    Apostille.NOT_REQUIRED,
    Apostille.REQUIRED,
    Apostille.NOT_STATED,
)
IN_PERSON, POST, COURIER, ELECTRONIC = (
    SubmissionChannel.IN_PERSON,
    SubmissionChannel.POST,
    SubmissionChannel.COURIER,
    SubmissionChannel.ELECTRONIC,
)
LAW_433 = (
    "Закон Республики Беларусь от 28 октября 2008 г. № 433-З «Об основах административных процедур»"
)
LAW_225 = "Закон Республики Беларусь от 30 декабря 2010 г. № 225-З «О внешней трудовой миграции»"
LAW_213 = "Закон Республики Беларусь от 14 октября 2022 г. № 213-З «О лицензировании»"
EDICT_240 = (
    "Указ Президента Республики Беларусь от 25 июня 2021 г. № 240 «Об административных "
    "процедурах, осуществляемых в отношении субъектов хозяйствования»"
)
RESOLUTION_548 = (
    "постановление Совета Министров Республики Беларусь от 24 сентября 2021 г. № 548 «Об "
    "административных процедурах, осуществляемых в отношении субъектов хозяйствования»"
)
RESOLUTION_154 = (
    "постановление Совета Министров Республики Беларусь от 27 февраля 2023 г. № 154 "
    "«О лицензировании»"
)
MVD_303 = (
    "постановление Министерства внутренних дел Республики Беларусь от 19 декабря 2022 г. № 303 "
    "«О вопросах лицензирования»"
)
DECREE_6 = (
    "Декрета Президента Республики Беларусь от 7 мая 2012 г. № 6 «О стимулировании "
    "предпринимательской деятельности на территории средних, малых городских поселений, "
    "сельской местности»"
)
TAX_CODE_10_20 = (
    "подпунктом 10.20 пункта 10 и пунктом 14 статьи 285 Налогового кодекса Республики Беларусь"
)
DECREE_10 = (
    "подпунктом 4.1 пункта 4 Декрета Президента Республики Беларусь от 6 августа 2009 г. № 10 "
    "«О создании дополнительных условий для осуществления инвестиций в Республике Беларусь»"
)
EDICT_420 = (
    "абзацем третьим подпункта 1.3 пункта 1 Указа Президента Республики Беларусь от 30 августа "
    "2014 г. № 420 «О лицах, прибывших в Республику Беларусь»"
)
EDICT_166 = (
    "частью пятой пункта 59 Положения о специальном правовом режиме Китайско-Белорусского "
    "индустриального парка «Великий камень», утвержденного Указом Президента Республики Беларусь "
    "от 12 мая 2017 г. № 166"
)
MIGRATION_UNIT = (
    "подразделение по гражданству и миграции главного управления внутренних дел Минского "
    "городского исполнительного комитета, управлений внутренних дел областных исполнительных "
    "комитетов"
)
LEGAL_ENTITIES_REGISTER = (
    "Единый государственный регистр юридических лиц и индивидуальных предпринимателей"
)
INSURED_ACCOUNTS = (
    "государственный информационный ресурс «Реестр индивидуальных лицевых счетов застрахованных "
    "лиц в системе индивидуального (персонифицированного) учета в системе государственного "
    "социального страхования»"
)
REAL_ESTATE_REGISTER = (
    "единый государственный регистр недвижимого имущества, прав на него и сделок с ним"
)
PREMISES = (
    "копии документов, подтверждающих наличие на праве собственности или ином законном основании "
    "помещений, необходимых для осуществления лицензируемого вида деятельности"
)
PREMISES_PROOFS = (
    "свидетельство (удостоверение) о государственной регистрации",
    "выписка из регистрационной книги",
    "договор аренды (субаренды)",
    "договор безвозмездного пользования (ссуды)",
    "договор купли-продажи",
    "акт приема-передачи",
)
FEE_PAID_LICENCE = (
    "документ, подтверждающий уплату государственной пошлины (за исключением случаев уплаты "
    "государственной пошлины посредством использования автоматизированной информационной системы "
    "единого расчетного и информационного пространства)"
)
FEE_PAID_LICENCE_CHANGE = (
    "документ, подтверждающий уплату государственной пошлины (за исключением случаев уплаты "
    "государственной пошлины посредством использования автоматизированной информационной системы "
    "единого расчетного и информационного пространства, а также изменения лицензии в связи с "
    "изменением законодательства)"
)
PREMISES_RIGHTS = (
    "информация о существующих на момент выдачи информации правах и ограничениях (обременениях) "
    "прав на капитальное строение (здание, сооружение), изолированное помещение, необходимое для "
    "осуществления лицензируемого вида деятельности"
)
ELECTRONIC_BY_SYSTEMS = (
    "в электронной форме в виде электронного документа с использованием системы межведомственного "
    "электронного документооборота государственных органов Республики Беларусь, национальной "
    "почтовой электронной системы, электронной почты"
)
ARTICLE_15_NOTE = (
    "абзацах втором–седьмом части первой пункта 2 статьи 15 Закона Республики Беларусь "
    "«Об основах административных процедур»"
)


@pytest.fixture(scope="module")
def resolution() -> MvdResolution:
    return parse_mvd_resolution(SOURCE)


def names(regulation: Regulation) -> list[str]:
    return [document.name for document in regulation.documents]


def apostilles(regulation: Regulation) -> list[Apostille]:
    return [document.apostille for document in regulation.documents]


# The resolution itself


def test_the_resolution_is_recognized_and_other_corpus_documents_are_not() -> None:
    assert looks_like_mvd_resolution(SOURCE)
    others = [p for p in sorted(CORPUS.glob("*.txt")) if p.name != SOURCE.name]
    assert others
    for path in others:
        assert not looks_like_mvd_resolution(SourceDocument.read(path))


def test_resolution_heading(resolution: MvdResolution) -> None:
    assert resolution.kind is ActKind.MINISTRY_RESOLUTION
    assert resolution.issuer == "Министерство внутренних дел Республики Беларусь"
    assert (resolution.date, resolution.number) == (date(2023, 5, 19), "102")
    assert resolution.title == "Об утверждении регламентов административных процедур"
    assert resolution.entry_into_force == date(2023, 7, 1)


def test_preamble_legal_basis_is_split_into_raw_references(resolution: MvdResolution) -> None:
    assert [reference.text for reference in resolution.legal_basis] == [
        "абзаца третьего пункта 3 Указа Президента Республики Беларусь от 25 июня 2021 г. № 240 "
        "«Об административных процедурах, осуществляемых в отношении субъектов хозяйствования»",
        "подпункта 9.4 пункта 9 Положения о Министерстве внутренних дел Республики Беларусь, "
        "утвержденного Указом Президента Республики Беларусь от 4 декабря 2007 г. № 611",
    ]
    assert resolution.legal_basis[0].span.line_start == 7


def test_point_1_approves_eight_regulations(resolution: MvdResolution) -> None:
    approved = [(item.procedure_number, item.title) for item in resolution.approved]
    assert [number for number, _ in approved] == [
        "10.7.1",
        "15.2.1",
        "15.2.2",
        "15.2.3",
        "15.21.1",
        "15.21.2",
        "15.4.1",
        "15.4.2",
    ]
    assert approved[0] == (
        "10.7.1",
        "Согласование приглашения иностранного гражданина или лица без гражданства на обучение",
    )
    assert [r.procedure_number for r in resolution.regulations] == [n for n, _ in approved]
    assert [r.title for r in resolution.regulations] == [t for _, t in approved]
    assert resolution.approved[7].span.line_start == 25


def test_footnote_1_names_the_unified_list(resolution: MvdResolution) -> None:
    unified = resolution.unified_list
    assert unified.text == (
        "постановлением Совета Министров Республики Беларусь от 24 сентября 2021 г. № 548"
    )
    assert (unified.date, unified.number) == (date(2021, 9, 24), "548")
    assert unified.footnote.marker == "1"
    assert unified.span.line_start == 29


def test_repealed_act(resolution: MvdResolution) -> None:
    (repealed,) = resolution.repealed
    assert repealed.text == (
        "постановление Министерства внутренних дел Республики Беларусь от 25 января 2022 г. № 18 "
        "«Об утверждении регламентов административных процедур»"
    )
    assert (repealed.date, repealed.number) == (date(2022, 1, 25), "18")
    assert repealed.title == "Об утверждении регламентов административных процедур"


def test_signatory_and_agreed_with(resolution: MvdResolution) -> None:
    signatory = resolution.signatory
    assert (signatory.position, signatory.rank, signatory.name) == (
        "Министр",
        "генерал-лейтенант милиции",
        "И.В.Кубраков",
    )
    assert (signatory.span.line_start, signatory.span.line_end) == (37, 40)
    assert [body.name for body in resolution.agreed_with] == [
        "Министерство экономики Республики Беларусь",
        "Министерство труда и социальной защиты Республики Беларусь",
        "Министерство по налогам и сборам Республики Беларусь",
        "Министерство образования Республики Беларусь",
    ]


# 10.7.1 — invitation to study


def test_10_7_1(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("10.7.1")
    assert regulation.competent_authority.name.startswith(
        "подразделение по гражданству и миграции органов внутренних дел по месту расположения "
        "организации"
    )
    assert [r.text for r in regulation.legal_basis] == [
        LAW_433,
        EDICT_240,
        "постановление Совета Министров Республики Беларусь от 15 июля 2010 г. № 1065 "
        "«Об утверждении Визовых правил Республики Беларусь»",
        RESOLUTION_548,
        "постановление Министерства внутренних дел Республики Беларусь и Министерства образования "
        "Республики Беларусь от 26 февраля 2021 г. № 57/26 «Об установлении формы бланка "
        "приглашения на обучение и порядка его заполнения»",
    ]
    assert regulation.features == ()
    assert names(regulation) == [
        "заявление организации, имеющей право на выдачу приглашений иностранного гражданина или "
        "лица без гражданства на обучение",
        "приглашение на обучение",
        "документы, подтверждающие статус членов семьи иностранного гражданина или лица без "
        "гражданства, – при въезде членов семьи",
    ]
    assert apostilles(regulation) == [NOT_REQUIRED, NOT_REQUIRED, REQUIRED]
    application = regulation.documents[0]
    assert application.requirements == (
        "заявление должно содержать сведения, предусмотренные в части первой пункта 5 статьи 14 "
        "Закона Республики Беларусь «Об основах административных процедур»"
    )
    assert application.submission.lines == (
        "в письменной форме:",
        "в ходе приема заинтересованного лица;",
        "нарочным (курьером);",
        "по почте",
    )
    assert application.submission.channels == (IN_PERSON, COURIER, POST)
    assert application.submission.written
    assert application.submission.electronic is None
    # The family-status row has an empty requirements cell and the merged form cell.
    family = regulation.documents[2]
    assert family.requirements is None
    assert family.submission.inherited
    assert family.submission.channels == (IN_PERSON, COURIER, POST)
    assert [note.reference for note in regulation.notes] == [ARTICLE_15_NOTE]
    assert regulation.requested_information == ()
    (issued,) = regulation.issued_documents
    assert issued.name == "приглашение на обучение с проставленной записью о его согласовании"
    assert [(v.text, v.amount, v.unit) for v in issued.validity] == [
        ("3 месяца", 3, ValidityUnit.MONTHS)
    ]
    assert issued.form == "письменная"
    (action,) = regulation.other_actions
    assert action.information_system == "Гражданство и миграция"
    assert regulation.fee is None
    assert regulation.fee_benefits == ()
    assert not regulation.appeal.judicial
    (body,) = regulation.appeal.bodies
    assert body.name == MIGRATION_UNIT
    assert body.forms == (AppealForm.ELECTRONIC, AppealForm.WRITTEN)
    assert regulation.application_form is None


# 15.2.1 — licence for employment abroad


def test_15_2_1(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("15.2.1")
    assert regulation.competent_authority.name == "Министерство внутренних дел"
    assert [r.text for r in regulation.legal_basis] == [
        LAW_433,
        LAW_225,
        LAW_213,
        EDICT_240,
        RESOLUTION_548,
        RESOLUTION_154,
        MVD_303,
    ]
    assert [f.number for f in regulation.features] == [f"1.3.{n}" for n in range(1, 8)]
    assert (
        regulation.features[1]
        .text.split("\n")[1]
        .startswith(
            "оценку соответствия возможностей соискателя лицензии долицензионным требованиям"
        )
    )
    assert regulation.subjects == (Subject.LEGAL_ENTITY, Subject.INDIVIDUAL_ENTREPRENEUR)
    assert names(regulation) == [
        "заявление о предоставлении лицензии",
        FEE_PAID_LICENCE,
        "копии учредительных либо иных организационно-распорядительных документов юридического "
        "лица, определяющих статус обособленного подразделения этого юридического лица, в котором "
        "соискатель лицензии намерен осуществлять лицензируемый вид деятельности",
        PREMISES,
        "сведения о работниках соискателя лицензии",
        "копии документов, подтверждающих наличие в штате специалиста, ответственного за работу по "
        "трудоустройству за пределами Республики Беларусь, для которого эта работа не является "
        "работой по совместительству, имеющего стаж работы по лицензируемому виду деятельности, в "
        "области содействия занятости населения в Республике Беларусь или туризма не менее одного "
        "года",
        "копии дипломов (их дубликатов) о высшем образовании соискателя лицензии – индивидуального "
        "предпринимателя, руководителя соискателя лицензии – юридического лица",
        "договор о трудоустройстве",
        "копии выданных уполномоченным органом документов, подтверждающих юридический статус "
        "иностранного нанимателя",
    ]
    assert apostilles(regulation) == [NOT_REQUIRED] * 8 + [REQUIRED]
    premises = regulation.documents[3]
    assert premises.alternatives == PREMISES_PROOFS
    assert (premises.span.line_start, premises.span.line_end) == (256, 272)
    application = regulation.documents[0]
    assert application.requirements is not None
    assert application.requirements.startswith("по форме согласно приложению 1 к Положению")
    assert application.submission.channels == (IN_PERSON, POST, ELECTRONIC)
    assert application.submission.electronic == ELECTRONIC_BY_SYSTEMS
    (signature,) = application.submission.notes
    assert signature.marker == "*"
    assert signature.text.startswith(
        "Электронный документ должен быть подписан электронной цифровой"
    )
    assert all(d.submission.inherited for d in regulation.documents[1:])
    assert [(r.source, r.source_kind) for r in regulation.requested_information] == [
        (LEGAL_ENTITIES_REGISTER, SourceKind.REGISTRY),
        (INSURED_ACCOUNTS, SourceKind.REGISTRY),
        (REAL_ESTATE_REGISTER, SourceKind.REGISTRY),
        ("Министерство образования", SourceKind.AUTHORITY),
    ]
    assert regulation.requested_information[0].name == "сведения в отношении соискателя лицензии"
    assert regulation.issued_documents == ()
    (action,) = regulation.other_actions
    assert action.information_system == "Единый реестр лицензий"
    assert regulation.fee is not None
    assert (regulation.fee.kind, regulation.fee.amount) == ("государственная пошлина", Decimal(10))
    # Written inline «установлены в абзаце третьем …»; the preposition is dropped.
    assert [b.text for b in regulation.fee_benefits] == [
        f"абзаце третьем части первой подпункта 1.1 пункта 1 {DECREE_6}"
    ]
    assert regulation.appeal.judicial
    assert regulation.appeal.bodies == ()
    assert regulation.appeal.span.line_start == 214


# 15.2.2 — change of that licence


def test_15_2_2(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("15.2.2")
    assert [r.text for r in regulation.legal_basis] == [
        LAW_433,
        LAW_213,
        EDICT_240,
        RESOLUTION_548,
        RESOLUTION_154,
    ]
    assert len(regulation.features) == 6
    assert regulation.subjects == ()
    assert names(regulation) == [
        "заявление об изменении лицензии",
        FEE_PAID_LICENCE_CHANGE,
        "копии учредительных либо иных организационно-распорядительных документов лицензиата – "
        "юридического лица (юридического лица, к которому перешла лицензия), определяющих статус "
        "обособленного подразделения этого юридического лица, в котором лицензиат (юридическое "
        "лицо, к которому перешла лицензия) намерен начать (продолжить, прекратить) осуществлять "
        "лицензируемый вид деятельности (при изменении лицензии в связи с изменением перечня "
        "обособленных подразделений, в том числе их наименования и (или) места нахождения, либо "
        "реорганизации лицензиата – юридического лица)",
        "копия передаточного акта, разделительного баланса, учредительных документов, при слиянии, "
        "присоединении иной документ или его копия, из которых очевидным образом следует факт "
        "реорганизации лицензиата – юридического лица и переход лицензии к иному юридическому лицу "
        "в результате такой реорганизации (при обращении за изменением лицензии в связи с "
        "реорганизацией лицензиата – юридического лица)",
        PREMISES,
        "сведения о работниках юридического лица, к которому перешла лицензия",
        "копии документов, подтверждающих наличие в штате специалиста, ответственного за работу по "
        "трудоустройству за пределами Республики Беларусь, для которого эта работа не является "
        "работой по совместительству, имеющего стаж работы по лицензируемому виду деятельности, в "
        "области содействия занятости населения в Республике Беларусь или туризма не менее одного "
        "года",
        "копии дипломов (их дубликатов) о высшем образовании руководителя юридического лица, к "
        "которому перешла лицензия",
        "договор о трудоустройстве",
        "копии выданных уполномоченным органом документов, подтверждающих юридический статус "
        "иностранного нанимателя",
    ]
    assert apostilles(regulation) == [NOT_REQUIRED] * 9 + [REQUIRED]
    assert regulation.documents[4].alternatives == PREMISES_PROOFS
    # «**» (defined after the 2.2 table) marks the documents not needed in the cases of
    # point 8 of the licensing Regulation; it is attached to the six marked rows.
    marked = [[n.marker for n in d.notes] for d in regulation.documents]
    assert marked == [[]] * 4 + [["**"]] * 6
    assert regulation.documents[4].notes[0].text.startswith("За исключением изменения лицензии")
    assert [(r.source, [n.marker for n in r.notes]) for r in regulation.requested_information] == [
        (LEGAL_ENTITIES_REGISTER, []),
        (INSURED_ACCOUNTS, []),
        (REAL_ESTATE_REGISTER, ["**"]),
    ]
    assert [f.marker for f in regulation.footnotes] == ["*", "**"]
    assert regulation.fee is not None
    assert regulation.fee.amount == Decimal(5)
    assert [b.text for b in regulation.fee_benefits] == [
        f"абзацем третьим части первой подпункта 1.1 пункта 1 {DECREE_6}",
        TAX_CODE_10_20,
    ]
    assert regulation.appeal.judicial


# 15.2.3 — registration of employment contracts


def test_15_2_3(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("15.2.3")
    assert regulation.competent_authority.name == MIGRATION_UNIT
    assert [r.text for r in regulation.legal_basis] == [
        LAW_433,
        LAW_225,
        LAW_213,
        EDICT_240,
        RESOLUTION_548,
        "постановление Совета Министров Республики Беларусь от 8 декабря 2022 г. № 853 «О "
        "документах, представляемых для регистрации договоров о трудоустройстве за пределами "
        "Республики Беларусь»",
    ]
    assert regulation.features == ()
    abroad = "при регистрации договора о трудоустройстве за пределами Республики Беларусь"
    foreign = (
        "при регистрации трудового или гражданско-правового договора с иностранным нанимателем"
    )
    assert [c.text for c in regulation.conditions] == [abroad, foreign]
    assert [(d.name, d.condition) for d in regulation.documents] == [
        ("заявление", None),
        ("договор о трудоустройстве за пределами Республики Беларусь", abroad),
        (
            "проект трудового или гражданско-правового договора, подписанный иностранным "
            "нанимателем",
            abroad,
        ),
        ("проект договора о содействии в трудоустройстве, подписанный лицензиатом", abroad),
        (
            "документы, подтверждающие юридический статус иностранного нанимателя (в случае "
            "заключения договоров о трудоустройстве в период осуществления лицензируемого вида "
            "деятельности)",
            abroad,
        ),
        (
            "трудовой договор с иностранным нанимателем или гражданско-правовой договор с "
            "иностранным нанимателем",
            foreign,
        ),
    ]
    assert apostilles(regulation) == [NOT_REQUIRED] * 4 + [REQUIRED, NOT_REQUIRED]
    assert regulation.documents[0].submission.channels == (IN_PERSON, POST, COURIER)
    assert regulation.requested_information == ()
    (issued,) = regulation.issued_documents
    assert issued.name.endswith("с проставленным штампом о его регистрации")
    assert [(v.amount, v.unit) for v in issued.validity] == [(None, ValidityUnit.UNLIMITED)]
    assert issued.form == "письменная"
    assert regulation.other_actions[0].information_system == "Гражданство и миграция"
    assert regulation.fee is None
    assert not regulation.appeal.judicial
    assert [(b.name, b.forms) for b in regulation.appeal.bodies] == [
        ("Министерство внутренних дел", (AppealForm.ELECTRONIC, AppealForm.WRITTEN))
    ]


# 15.21.1 and 15.21.2 — dating-information licence: three-column tables, no apostille column


def test_15_21_1(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("15.21.1")
    assert [r.text for r in regulation.legal_basis] == [
        LAW_433,
        LAW_225,
        LAW_213,
        EDICT_240,
        RESOLUTION_548,
        RESOLUTION_154,
        MVD_303,
    ]
    assert len(regulation.features) == 7
    assert regulation.subjects == (Subject.LEGAL_ENTITY, Subject.INDIVIDUAL_ENTREPRENEUR)
    assert names(regulation) == [
        "заявление о предоставлении лицензии",
        FEE_PAID_LICENCE,
        "копии учредительных либо иных организационно-распорядительных документов юридического "
        "лица, определяющих статус обособленного подразделения этого юридического лица, в котором "
        "соискатель лицензии намерен осуществлять лицензируемый вид деятельности",
        PREMISES,
        "сведения о работниках соискателя лицензии",
        "копии документов, подтверждающих наличие в штате специалиста, ответственного за работу по "
        "сбору и распространению информации о физических лицах в целях их знакомства, для которого "
        "эта работа не является работой по совместительству, имеющего стаж работы по "
        "лицензируемому виду деятельности, в области содействия занятости населения в Республике "
        "Беларусь или туризма не менее одного года",
        "копии дипломов (их дубликатов) о высшем образовании соискателя лицензии – индивидуального "
        "предпринимателя, руководителя соискателя лицензии – юридического лица",
        "соглашение (договор) с иностранным партнером о сборе и распространении информации о "
        "физических лицах в целях их знакомства",
    ]
    assert apostilles(regulation) == [NOT_STATED] * 8
    assert regulation.documents[3].alternatives == PREMISES_PROOFS
    assert regulation.documents[4].requirements is not None
    assert "абзаце третьем пункта 51 Положения" in regulation.documents[4].requirements
    assert regulation.documents[0].submission.electronic == ELECTRONIC_BY_SYSTEMS
    assert [r.source for r in regulation.requested_information] == [
        LEGAL_ENTITIES_REGISTER,
        INSURED_ACCOUNTS,
        REAL_ESTATE_REGISTER,
    ]
    assert regulation.requested_information[2].name == PREMISES_RIGHTS
    assert regulation.other_actions[0].information_system == "Единый реестр лицензий"
    assert regulation.fee is not None
    assert regulation.fee.amount == Decimal(10)
    assert [b.text for b in regulation.fee_benefits] == [
        f"абзацем третьим части первой подпункта 1.1 пункта 1 {DECREE_6}"
    ]
    assert regulation.appeal.judicial


def test_15_21_2(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("15.21.2")
    assert [r.text for r in regulation.legal_basis] == [
        LAW_433,
        LAW_213,
        EDICT_240,
        RESOLUTION_548,
        RESOLUTION_154,
    ]
    assert len(regulation.features) == 6
    assert len(regulation.documents) == 9
    assert names(regulation)[0] == "заявление об изменении лицензии"
    assert names(regulation)[1] == FEE_PAID_LICENCE_CHANGE
    assert names(regulation)[3].startswith("копия передаточного акта, разделительного баланса")
    assert names(regulation)[4] == PREMISES
    assert names(regulation)[8] == (
        "соглашение (договор) с иностранным партнером о сборе и распространении информации о "
        "физических лицах в целях их знакомства"
    )
    assert apostilles(regulation) == [NOT_STATED] * 9
    assert [[n.marker for n in d.notes] for d in regulation.documents] == [[]] * 4 + [["**"]] * 5
    assert [r.source for r in regulation.requested_information] == [
        LEGAL_ENTITIES_REGISTER,
        INSURED_ACCOUNTS,
        REAL_ESTATE_REGISTER,
    ]
    assert regulation.requested_information[0].name == "сведения в отношении лицензиата"
    assert regulation.fee is not None
    assert regulation.fee.amount == Decimal(5)
    assert [b.text for b in regulation.fee_benefits] == [
        f"абзацем третьим части первой подпункта 1.1 пункта 1 {DECREE_6}",
        TAX_CODE_10_20,
    ]
    assert regulation.appeal.judicial


# 15.4.1 and 15.4.2 — special permit to work in Belarus, with application forms in annexes


def test_15_4_1(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("15.4.1")
    assert regulation.competent_authority.name == MIGRATION_UNIT
    assert len(regulation.legal_basis) == 5
    assert regulation.legal_basis[4].text.startswith(
        "постановление Министерства труда и социальной защиты Республики Беларусь "
        "от 28 июня 2016 г. № 30"
    )
    (feature,) = regulation.features
    assert feature.number == "1.3"
    assert feature.text == (
        "дополнительные основания для отказа в осуществлении административной процедуры по "
        "сравнению с Законом Республики Беларусь «Об основах административных процедур» определены "
        "в статье 29 Закона Республики Беларусь «О внешней трудовой миграции»"
    )
    assert names(regulation) == [
        "заявление о выдаче специального разрешения на право занятия трудовой деятельностью в "
        "Республике Беларусь",
        "документ об уплате государственной пошлины за выдачу специального разрешения на право "
        "занятия трудовой деятельностью в Республике Беларусь, за исключением оплаты посредством "
        "использования автоматизированной информационной системы единого расчетного и "
        "информационного пространства",
        "копия паспорта или иного документа, его заменяющего, предназначенного для выезда за "
        "границу, или справка о подтверждении личности иностранного гражданина или лица без "
        "гражданства – для иностранных граждан и лиц без гражданства, не имеющих документов для "
        "выезда за границу",
    ]
    assert apostilles(regulation) == [NOT_STATED] * 3
    assert regulation.documents[0].requirements == "по форме согласно приложению"
    assert regulation.documents[0].submission.channels == (IN_PERSON, POST, COURIER)
    (requested,) = regulation.requested_information
    assert requested.name.startswith(
        "заключение о возможности осуществления иностранным гражданином"
    )
    assert requested.source == (
        "комитет по труду, занятости и социальной защите областного (Минского городского) "
        "исполнительного комитета по месту нахождения свободного рабочего места (вакансии)"
    )
    assert requested.source_kind is SourceKind.AUTHORITY
    (permit,) = regulation.issued_documents
    assert (
        permit.name
        == "специальное разрешение на право занятия трудовой деятельностью в Республике Беларусь"
    )
    assert [(v.amount, v.unit, v.condition) for v in permit.validity] == [
        (2, ValidityUnit.YEARS, "в отношении высококвалифицированных работников"),
        (1, ValidityUnit.YEARS, "в отношении иных работников"),
    ]
    assert permit.form == "письменная"
    assert regulation.other_actions[0].information_system == "Гражданство и миграция"
    assert regulation.fee is not None
    assert regulation.fee.amount == Decimal(5)
    assert [b.text for b in regulation.fee_benefits] == [
        "подпунктом 10.29 пункта 10 статьи 285 Налогового кодекса Республики Беларусь",
        DECREE_10,
        EDICT_420,
        EDICT_166,
    ]
    assert not regulation.appeal.judicial
    assert [b.name for b in regulation.appeal.bodies] == ["Министерство внутренних дел"]


def test_15_4_1_application_form(resolution: MvdResolution) -> None:
    form = resolution.regulation("15.4.1").application_form
    assert form is not None
    assert form.title == (
        "ЗАЯВЛЕНИЕ о выдаче специального разрешения на право занятия трудовой деятельностью в "
        "Республике Беларусь"
    )
    assert form.addressee_hint is not None
    assert form.addressee_hint.startswith("наименование подразделения по гражданству и миграции")
    fields = {field.label: field.hint for field in form.fields}
    hint = fields["Наниматель Республики Беларусь"]
    assert hint is not None
    assert hint.startswith("фамилия, собственное имя, отчество (если таковое имеется)")
    assert hint.endswith("регистре юридических лиц и индивидуальных предпринимателей")
    assert fields["для работы в качестве"] is not None
    assert fields["Сведения о наличии свободного рабочего места (вакансии) направлены"] == (
        "указать дату"
    )
    assert fields["Место осуществления трудовой деятельности"] is None
    assert fields["Приложение на … листах:"] == "указать документы, прилагаемые к заявлению"
    assert [f.hint for f in form.fields if not f.label] == ["подпись", "инициалы, фамилия", "дата"]
    assert len(form.fields) == 15


def test_15_4_2(resolution: MvdResolution) -> None:
    regulation = resolution.regulation("15.4.2")
    assert [r.text for r in regulation.legal_basis] == [LAW_433, LAW_225, EDICT_240, RESOLUTION_548]
    (feature,) = regulation.features
    assert feature.text.endswith(
        "в части второй статьи 30 Закона Республики Беларусь «О внешней трудовой миграции»"
    )
    assert names(regulation)[2].endswith("(далее – паспорт)")
    assert names(regulation)[3] == (
        "бланк специального разрешения на право занятия трудовой деятельностью в Республике "
        "Беларусь"
    )
    assert len(regulation.documents) == 4
    assert apostilles(regulation) == [NOT_STATED] * 4
    assert regulation.requested_information == ()
    (permit,) = regulation.issued_documents
    assert [(v.amount, v.unit) for v in permit.validity] == [
        (2, ValidityUnit.YEARS),
        (1, ValidityUnit.YEARS),
    ]
    assert regulation.fee is not None
    assert regulation.fee.amount == Decimal(3)
    assert [b.text for b in regulation.fee_benefits] == [DECREE_10, EDICT_420, EDICT_166]
    assert [b.name for b in regulation.appeal.bodies] == ["Министерство внутренних дел"]
    form = regulation.application_form
    assert form is not None
    assert form.procedure_number == "15.4.2"
    assert form.title.startswith("ЗАЯВЛЕНИЕ об однократном продлении срока действия")
    assert len(form.fields) == 11


# Every record points back at the text it was read from


def test_spans_hold_the_text_of_their_records(resolution: MvdResolution) -> None:
    for regulation in resolution.regulations:
        for document in regulation.documents:
            verbatim = strip_markers(clean(document.span.text))
            assert document.name in verbatim
            assert all(alternative in verbatim for alternative in document.alternatives)
            assert document.span.text == "\n".join(
                LINES[document.span.line_start - 1 : document.span.line_end]
            )
        for item in regulation.requested_information:
            assert item.source in strip_markers(clean(item.span.text))
        for reference in (*regulation.legal_basis, *regulation.fee_benefits):
            assert reference.text in clean(reference.span.text)
        assert NBSP in regulation.span.text


# Malformed variants of the real text: each fails loudly, at the line where the shape breaks


def variant(lines: list[str]) -> SourceDocument:
    return SourceDocument("variant.txt", "\n".join(lines))


def edited(line: int, old: str, new: str) -> list[str]:
    lines = list(LINES)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    return lines


def blanked(first: int, last: int, starts_with: str) -> list[str]:
    """The source with lines `first`..`last` emptied (line numbers stay as in the corpus)."""
    lines = list(LINES)
    assert clean(lines[first - 1]).startswith(starts_with)
    lines[first - 1 : last] = [""] * (last - first + 1)
    return lines


def parse_error(lines: list[str]) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse_mvd_resolution(variant(lines))
    return caught.value


def test_a_regulation_without_its_documents_point() -> None:
    lines = blanked(88, 129, "2. Документы и (или) сведения")
    lines[129] = lines[129].replace("3.", "2.", 1)  # «3. Сведения о справке …» renumbered
    lines[149] = lines[149].replace("4.", "3.", 1)
    error = parse_error(lines)
    assert error.line == 130
    assert "point 2 «Документы" in error.expected


def test_a_regulation_whose_points_skip_a_number() -> None:
    error = parse_error(blanked(88, 129, "2. Документы и (или) сведения"))
    assert (error.line, error.expected) == (130, "point 2")


def test_points_out_of_order() -> None:
    fee = LINES[1111:1123]  # «4. Вид и размер платы …» and its benefits, lines 1112–1123
    appeal = LINES[1123:1137]  # «5. Порядок подачи (отзыва) административной жалобы:» …
    assert clean(fee[0]).startswith("4. Вид и размер платы")
    assert clean(appeal[0]).startswith("5. Порядок подачи")
    swapped = [
        appeal[0].replace("5.", "4.", 1),
        *appeal[1:],
        fee[0].replace("4.", "5.", 1),
        *fee[1:],
    ]
    lines = [*LINES[:1111], *swapped, *LINES[1137:]]
    error = parse_error(lines)
    assert error.line == 1112 + len(appeal)
    assert error.expected == "a point that may follow the appeal point"


def test_a_table_cut_off_mid_row() -> None:
    # 15.2.1: the text ends after the name cell «договор о трудоустройстве» (line 292).
    lines = LINES[:292]
    assert clean(lines[-1]) == "договор о трудоустройстве"
    error = parse_error(lines)
    assert error.line == 292
    assert error.expected.startswith("an apostille cell")


def test_a_requested_information_table_cut_off() -> None:
    # 15.2.1, point 2.2: the last row loses its source cell «Министерство образования».
    error = parse_error(blanked(334, 334, "Министерство образования"))
    assert error.line == 332
    assert error.expected.startswith("the source cell of the row")


def test_a_duplicated_procedure_number() -> None:
    lines = edited(356, "15.2.2", "15.2.1")
    error = parse_error(lines)
    assert error.line == 348
    assert error.found == "procedure 15.2.1 again (first at line 166)"


def test_a_regulation_not_approved_in_point_1() -> None:
    error = parse_error(blanked(15, 15, "Регламент административной процедуры"))
    assert error.line == 348
    assert error.expected.startswith("the regulation of 15.2.3")


def test_a_footnote_marker_without_its_footnote() -> None:
    error = parse_error(blanked(526, 526, "** За исключением"))
    assert error.line == 436
    assert error.expected == "a footnote «**» defined after a «______» line"


def test_a_regulation_without_its_legal_basis() -> None:
    error = parse_error(blanked(362, 372, "1.2. нормативные правовые акты"))
    assert error.line == 374
    assert "1.2" in error.expected


def test_a_regulation_approved_by_another_resolution() -> None:
    error = parse_error(edited(353, "№ 102", "№ 103"))
    assert error.line == 350
    assert error.expected.startswith("the approval stamp")


def test_a_regulation_without_any_appeal() -> None:
    error = parse_error(blanked(1124, 1134, "5. Порядок подачи (отзыва)"))
    assert error.line == 1019
    assert error.found == "neither"


def test_a_document_that_is_not_an_mvd_resolution() -> None:
    other = SourceDocument.read(CORPUS / "001_3ce2819cda9fc273.txt")
    with pytest.raises(DocumentError):
        parse_mvd_resolution(other)
