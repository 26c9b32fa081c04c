"""The records a procedure-regulation resolution is read into: frozen dataclasses with a `Span`.

Text fields hold the source text normalized by `clean` (no-break spaces become spaces); the `span`
of every record keeps the verbatim lines. Reference strings (`LegalReference.text`) are left raw for
the citation grammar to resolve.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from importers.base import Span
from importers.flattened import IgnoredLine
from lexgraph.state_bodies import StateBody


class ActKind(StrEnum):
    MINISTRY_RESOLUTION = "ministry_resolution"
    STATE_COMMITTEE_RESOLUTION = "state_committee_resolution"
    COUNCIL_OF_MINISTERS_RESOLUTION = "council_of_ministers_resolution"
    EXECUTIVE_COMMITTEE_DECISION = "executive_committee_decision"


class Subject(StrEnum):
    """Who a procedure is for, when a special feature (1.3.x) says so."""

    LEGAL_ENTITY = "legal_entity"
    INDIVIDUAL_ENTREPRENEUR = "individual_entrepreneur"
    FOREIGN_ORGANIZATION = "foreign_organization"


class SubmissionChannel(StrEnum):
    IN_PERSON = "in_person"
    POST = "post"
    COURIER = "courier"
    ELECTRONIC = "electronic"


class Apostille(StrEnum):
    """Whether a submitted document must be legalized (apostilled); `NOT_STATED` if the table has no
    such column or the cell is empty."""

    REQUIRED = "required"
    NOT_REQUIRED = "not_required"
    NOT_STATED = "not_stated"


class FormCell(StrEnum):
    """How a row of the submitted-documents table gives its form-and-manner cell.

    The flattened text shows the difference: a cell merged down from the row above is absent (the
    row has one cell fewer), while a cell of the row's own that is empty is a no-break-space line.
    """

    STATED = "stated"
    """The row's own cell states the form («в письменной форме: …»)."""
    MERGED = "merged"
    """No cell of its own: the first row's cell is merged down over this row."""
    EMPTY = "empty"
    """An empty cell of its own: the table states no form for this row."""


class ValidityUnit(StrEnum):
    MONTHS = "months"
    YEARS = "years"
    UNLIMITED = "unlimited"


class SourceKind(StrEnum):
    """Where the authority requests information from: a body, or a register / information system."""

    AUTHORITY = "authority"
    REGISTRY = "registry"


class AppealForm(StrEnum):
    ELECTRONIC = "electronic"
    WRITTEN = "written"


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote defined after a `______` line: its marker (`*`, `**`, `1`) and text."""

    marker: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class LegalReference:
    """A raw reference to a legal act or its part, e.g. «подпунктом 10.20 пункта 10 … Кодекса …».

    `at` is where `text` starts in the span's verbatim text (a preamble's line holds several)."""

    text: str
    span: Span
    at: int = 0


@dataclass(frozen=True, slots=True)
class ApprovedRegulation:
    """One regulation point 1 of the resolution approves: the procedure's number and title."""

    procedure_number: str
    title: str
    span: Span


@dataclass(frozen=True, slots=True)
class UnifiedListReference:
    """The act approving the unified list of procedures whose subpoints number the procedures."""

    text: str
    date: dt.date
    number: str
    footnote: Footnote
    span: Span


@dataclass(frozen=True, slots=True)
class RepealedAct:
    text: str
    date: dt.date
    number: str
    title: str
    span: Span


@dataclass(frozen=True, slots=True)
class Signatory:
    position: str
    rank: str | None
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Registration:
    """«Зарегистрировано в Национальном реестре правовых актов Республики Беларусь … № 8/40012»."""

    number: str
    date: dt.date | None
    span: Span


@dataclass(frozen=True, slots=True)
class AmendingAct:
    """An entry of the «Изменения и дополнения:» block of a consolidated text."""

    text: str
    date: dt.date
    number: str
    register_number: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class AgreedBody:
    """A body the resolution was agreed with (СОГЛАСОВАНО)."""

    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class CompetentAuthority:
    """Point 1.1: the authority that carries out the procedure, as the regulation words it."""

    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class ObtainedInformation:
    """Information a special feature says the authority obtains itself, and from where: «сведения
    в отношении работников … уполномоченный орган получает из … системы «Регистр населения»».

    `source` is the register or body as written (after «из», in the genitive); `source_name` the
    same in the nominative, the name its node has. `uncertain` says why the source's kind or
    name could not be told (several sources joined, neither a register nor a body): the fact is
    kept with the reason, and no source is linked.
    """

    name: str
    source: str
    source_name: str
    source_kind: SourceKind | None
    uncertain: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class SpecialFeature:
    """Point 1.3 or one of its subpoints 1.3.x; `subjects` is filled when the text names them, and
    `obtained` when it names a source the authority obtains information from."""

    number: str
    text: str
    subjects: tuple[Subject, ...]
    span: Span
    obtained: ObtainedInformation | None = None


@dataclass(frozen=True, slots=True)
class Submission:
    """The form-and-manner cell of a submitted document.

    `lines` are the cell's paragraphs verbatim (normalized); `channels` the ways they name;
    `written` whether «в письменной форме» is stated; `electronic` the electronic-form text with the
    systems it names. `inherited` is true when the row does not state the form itself and takes the
    first row's cell; `cell` says why: the cell is merged down over the row, or the row's own cell
    is empty (an inference then: the documents go with the application, the way it is submitted).
    """

    lines: tuple[str, ...]
    channels: tuple[SubmissionChannel, ...]
    written: bool
    electronic: str | None
    notes: tuple[Footnote, ...]
    inherited: bool
    cell: FormCell
    span: Span


@dataclass(frozen=True, slots=True)
class DocumentCondition:
    """A row that heads a group of documents («при регистрации …:»), not a document itself."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class DocumentRequirement:
    """A document or information the applicant submits (one row of the table in point 2 / 2.1).

    `alternatives` are the acceptable documents of one requirement, any of which satisfies it: the
    ones a cell lists after a name ending in «:», or the ones the name joins by «или» when each
    names a document («копия паспорта …, или справка …»). `condition` is the group heading above
    the row («при регистрации …»); `own_condition` is what the name itself says of when the document
    is needed («– при въезде членов семьи», «(в случае …)», «(за исключением …)»).
    """

    name: str
    alternatives: tuple[str, ...]
    requirements: str | None
    submission: Submission
    apostille: Apostille
    condition: str | None
    own_condition: str | None
    notes: tuple[Footnote, ...]
    span: Span

    @property
    def conditions(self) -> tuple[str, ...]:
        """Every condition the document is needed under: the group heading first, then its own."""
        return tuple(c for c in (self.condition, self.own_condition) if c)


@dataclass(frozen=True, slots=True)
class RegulationNote:
    """A paragraph after a table, e.g. «При подаче заявления … вправе потребовать …»."""

    text: str
    reference: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class RequestedInformation:
    """Information the authority requests itself (point 2.2): what, and from which body/system.

    `condition` is what the name says of when it is requested («в случае, если …», «за исключением
    случаев …»); `notes` the footnotes its cells point to.
    """

    name: str
    source: str
    source_kind: SourceKind
    condition: str | None
    notes: tuple[Footnote, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Validity:
    """One validity entry: «3 месяца», «бессрочно», «2 года – в отношении …»."""

    text: str
    amount: int | None
    unit: ValidityUnit
    condition: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class IssuedDocument:
    name: str
    validity: tuple[Validity, ...]
    form: str
    span: Span


@dataclass(frozen=True, slots=True)
class OtherAction:
    """«Иные действия …»: what the authority does after deciding, and the system it records into."""

    text: str
    information_system: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Fee:
    kind: str
    amount: Decimal
    unit: str
    span: Span


@dataclass(frozen=True, slots=True)
class AppealBody:
    name: str
    forms: tuple[AppealForm, ...]
    form_text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Appeal:
    """Administrative complaint `bodies` (an appeal table) and/or `judicial` (stated in 1.3.x)."""

    judicial: bool
    bodies: tuple[AppealBody, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class FormField:
    """A labelled blank of an application form: the text before the blank and the hint under it."""

    label: str
    hint: str | None
    span: Span


class TermUnit(StrEnum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"


@dataclass(frozen=True, slots=True)
class PromisedTerm:
    """A term an application form promises the applicant: «Уведомлен о получении специального
    разрешения … не позднее 10 дней со дня подачи заявления.»

    `text` is the sentence; `what` what is promised («получении специального разрешения …»),
    `bound` the words bounding the term («не позднее»), `counted_from` the day it runs from.
    """

    text: str
    what: str | None
    bound: str
    amount: int
    unit: TermUnit
    counted_from: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class ApplicationForm:
    """An application form given in an annex to a regulation."""

    procedure_number: str
    title: str
    addressee_hint: str | None
    fields: tuple[FormField, ...]
    span: Span
    terms: tuple[PromisedTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class Regulation:
    """One approved procedure regulation."""

    procedure_number: str
    title: str
    competent_authority: CompetentAuthority
    legal_basis: tuple[LegalReference, ...]
    features: tuple[SpecialFeature, ...]
    documents: tuple[DocumentRequirement, ...]
    conditions: tuple[DocumentCondition, ...]
    notes: tuple[RegulationNote, ...]
    requested_information: tuple[RequestedInformation, ...]
    issued_documents: tuple[IssuedDocument, ...]
    other_actions: tuple[OtherAction, ...]
    fee: Fee | None
    fee_benefits: tuple[LegalReference, ...]
    appeal: Appeal
    application_form: ApplicationForm | None
    footnotes: tuple[Footnote, ...]
    span: Span
    title_span: Span | None = None
    """The title paragraph («РЕГЛАМЕНТ административной процедуры … по подпункту N «…»»)."""

    @property
    def subjects(self) -> tuple[Subject, ...]:
        """The subjects the special features name; empty when the regulation does not say."""
        found: list[Subject] = []
        for feature in self.features:
            found.extend(s for s in feature.subjects if s not in found)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class MvdResolution:
    """A resolution (of a ministry, a state committee, the Council of Ministers) or a local
    executive committee's decision approving procedure regulations; named for the first one read."""

    kind: ActKind
    issuer: str
    date: dt.date
    number: str
    title: str
    legal_basis: tuple[LegalReference, ...]
    approved: tuple[ApprovedRegulation, ...]
    unified_list: UnifiedListReference | None
    """Footnote 1 naming the unified list of procedures; not every act carries it."""
    repealed: tuple[RepealedAct, ...]
    entry_into_force: dt.date
    signatory: Signatory
    agreed_with: tuple[AgreedBody, ...]
    regulations: tuple[Regulation, ...]
    span: Span
    ignored: tuple[IgnoredLine, ...] = ()
    """Residue left out of the reading (page footers, page numbers after the end)."""
    body: StateBody | None = None
    """The issuer in the table of state bodies (`issuer` is its name in the nominative)."""
    registration: Registration | None = None
    amendments: tuple[AmendingAct, ...] = ()
    wrapper: tuple[str, ...] = ()
    """Lines of a publisher's header above the act (ЭТАЛОН-online), left out of the reading."""
    heading_span: Span | None = None
    """The heading naming the issuer («ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА …»)."""

    def regulation(self, procedure_number: str) -> Regulation:
        """The regulation of `procedure_number`, e.g. "15.4.1"."""
        for regulation in self.regulations:
            if regulation.procedure_number == procedure_number:
                return regulation
        raise KeyError(procedure_number)
