"""Records read from e-services portal texts (news items and how-to guides), and shared readers.

The records are plain frozen dataclasses; each keeps the `Span` it was read from. Russian wording
stays verbatim in the data (`raw`, `as_written`, `text`); names and enum values are English.

The second half of this module holds the text readers the two portal parsers share: markup removal,
sentences, dates, acts cited in the text, applicants, bodies, and a procedure title's `match_key`
(the nominative form of a phrase is `importers.morphology`'s).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from importers.base import Span, clean
from importers.morphology import analyzer, nominative
from lexgraph.citations.ordinals import ordinal_value
from lexgraph.russian import GENITIVE_MONTHS

# --- vocabularies ---------------------------------------------------------------------------------


class ActKind(StrEnum):
    """What kind of legal act a reference names (see the glossary)."""

    LAW = "law"
    CODE = "code"
    EDICT = "edict"
    DECREE = "decree"
    DIRECTIVE = "directive"
    COUNCIL_OF_MINISTERS_RESOLUTION = "council_of_ministers_resolution"
    MINISTRY_RESOLUTION = "ministry_resolution"
    RESOLUTION = "resolution"  # «постановление» whose issuer the text does not name
    REGULATION = "regulation"  # «Положение о …», an approved annex


class ActRole(StrEnum):
    """What an act does in the text that mentions it."""

    ESTABLISHES_E_PROCEDURE_LIST = "establishes_e_procedure_list"
    LEGAL_BASIS = "legal_basis"  # another act of the text was adopted under it
    AMENDS = "amends"
    AMENDED = "amended"
    APPROVES = "approves"  # it approves a regulation the text cites
    DEFINITION_SOURCE = "definition_source"
    MENTIONED = "mentioned"


class ActRelationKind(StrEnum):
    """How one cited act relates to another: `subject` <kind> `object`."""

    ADOPTED_UNDER = "adopted_under"  # «принято во исполнение / на основании»
    AMENDS = "amends"  # «О внесении изменений в …»
    APPROVED_BY = "approved_by"  # «…, утвержденного постановлением …»


class ActFactKind(StrEnum):
    """A dated fact the text states about an act."""

    ENTERS_INTO_FORCE = "enters_into_force"


class Applicant(StrEnum):
    """Who applies (or may get something): the persons the texts name."""

    CITIZEN = "citizen"  # «граждане» without a stated citizenship
    BELARUSIAN_CITIZEN = "belarusian_citizen"
    FOREIGN_CITIZEN = "foreign_citizen"
    STATELESS_PERSON = "stateless_person"
    LEGAL_ENTITY = "legal_entity"
    INDIVIDUAL_ENTREPRENEUR = "individual_entrepreneur"


class StepKind(StrEnum):
    """What a step of the electronic procedure does, read from its title."""

    REGISTRATION = "registration"
    AUTHORIZATION = "authorization"
    APPLICATION = "application"
    PAYMENT = "payment"
    DECISION = "decision"


class RegistrationKind(StrEnum):
    """How a user registers on the portal."""

    EMAIL = "email"
    DIGITAL_SIGNATURE = "digital_signature"


class SignInKind(StrEnum):
    """How a user signs in to (is identified by) the portal."""

    LOGIN_PASSWORD = "login_password"
    DIGITAL_SIGNATURE = "digital_signature"
    UNIQUE_IDENTIFIER = "unique_identifier"


class PaymentChannel(StrEnum):
    """Where a procedure can be paid for."""

    BANK = "bank"
    ERIP = "erip"
    INTERNET_BANKING = "internet_banking"
    POST_OFFICE = "post_office"


# --- records --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class YearMonth:
    """A point in time as precise as the text gives it: a year, or a month of a year."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class ActReference:
    """A legal act named in the text: its identity as far as the text gives it, and its roles there.

    `raw` is the reference as written, markup removed (e.g. «постановлением Совета Министров от
    14 июля 2017 года № 529»); `issuer` is the nominative name of the issuing body, None for laws
    and codes.
    """

    kind: ActKind
    issuer: str | None
    date: date | None
    number: str | None
    title: str | None
    raw: str
    roles: tuple[ActRole, ...]
    span: Span

    @property
    def key(self) -> str:
        """A stable identity for merging mentions of the same act: kind, date, number, title."""
        when = self.date.isoformat() if self.date else ""
        return f"{self.kind}|{when}|{self.number or ''}|{self.title or ''}"


@dataclass(frozen=True, slots=True)
class ActRelation:
    """`subject` <kind> `object`, e.g. resolution No. 529 adopted under the Law of 9 January 2017"""

    subject: ActReference
    kind: ActRelationKind
    object: ActReference
    span: Span


@dataclass(frozen=True, slots=True)
class ActFact:
    """A dated fact about an act, e.g. it entered into force on 15 July 2017."""

    act: ActReference
    kind: ActFactKind
    date: date
    span: Span


@dataclass(frozen=True, slots=True)
class Citation:
    """A pinpoint into an act: «абзац 5 п.2 Положения …» → paragraph "5" of point "2" of `act`."""

    raw: str
    article: str | None
    point: str | None
    subpoint: str | None
    part: str | None
    paragraph: str | None
    act: ActReference | None
    span: Span


@dataclass(frozen=True, slots=True)
class Body:
    """A state body or organization named in the text (nominative `name`, `as_written` verbatim)."""

    name: str
    as_written: str
    abbreviation: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class ElectronicProcedureList:
    """An act establishing a list of procedures done electronically, for the applicants named."""

    act: ActReference
    applicants: tuple[Applicant, ...]
    channel: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class PersonalApplication:
    """The statement that applying in person remains possible, for whom and where."""

    applicants: tuple[Applicant, ...]
    place: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class ElectronicAvailability:
    """A claim that a procedure is (or will be) done electronically.

    `title_as_written` is the procedure as the sentence words it; `title` is its nominative form
    with the channel wording («в электронной форме») removed; `match_key` is the lemma key for
    matching the title to procedures of the unified list (compute the same key there with
    `match_key()`).
    `conversion_from`/`conversion_until` are when the conversion work happens, `available_from` when
    applicants can use it; each None when the text does not say.
    """

    title: str
    title_as_written: str
    match_key: str
    applicants: tuple[Applicant, ...]
    channel: str | None
    conversion_from: YearMonth | None
    conversion_until: YearMonth | None
    available_from: YearMonth | None
    act: ActReference | None
    bodies: tuple[Body, ...]
    personal_application_retained: bool | None
    span: Span


@dataclass(frozen=True, slots=True)
class Portal:
    """The single portal of e-services as the text names it, with its address when given."""

    name: str
    url: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    """One numbered step of an electronic procedure («Шаг 4: Оплата процедуры»)."""

    ordinal: int
    title: str
    kind: StepKind | None
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class RegistrationMethod:
    """A way to register on the portal (a bullet of the registration step)."""

    kind: RegistrationKind | None
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class SignInMethod:
    """A way to sign in to the portal; `registration` is the registration way it goes with."""

    kind: SignInKind
    registration: RegistrationKind | None
    persons: tuple[Applicant, ...]
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Payment:
    """How an electronic procedure is paid: the order code and the payment channels named."""

    order_code_digits: int | None
    order_code_text: str | None
    channels: tuple[PaymentChannel, ...]
    channels_are_examples: bool
    receipt_attached: bool
    span: Span


@dataclass(frozen=True, slots=True)
class Definition:
    """«Term - definition (citation)»: a term defined in the text, with the act it cites."""

    term: str
    text: str
    citation: Citation | None
    span: Span


@dataclass(frozen=True, slots=True)
class Capability:
    """Something a means of identification lets its holder do (nominative `text`)."""

    text: str
    as_written: str
    span: Span


@dataclass(frozen=True, slots=True)
class IssuingPlace:
    """Where a thing is issued (nominative `name`)."""

    name: str
    as_written: str
    span: Span


@dataclass(frozen=True, slots=True)
class UniqueIdentifierFacts:
    """What the text says about the unique identifier (уникальный идентификатор)."""

    definition: Definition | None
    capabilities: tuple[Capability, ...]
    eligible_persons: tuple[Applicant, ...]
    eligible_as_written: str | None
    issuing_places: tuple[IssuingPlace, ...]
    required_documents: tuple[str, ...]
    forms: tuple[str, ...]
    optional: bool | None
    span: Span


@dataclass(frozen=True, slots=True)
class PortalNews:
    """A news text on procedures moving to the portal (`parse_portal_news`)."""

    document: str
    title: str
    acts: tuple[ActReference, ...]
    act_relations: tuple[ActRelation, ...]
    act_facts: tuple[ActFact, ...]
    procedure_lists: tuple[ElectronicProcedureList, ...]
    availabilities: tuple[ElectronicAvailability, ...]
    personal_application: PersonalApplication | None


@dataclass(frozen=True, slots=True)
class PortalGuide:
    """A how-to on doing a procedure through the portal (`parse_portal_guide`)."""

    document: str
    title: str
    portal: Portal | None
    steps: tuple[ProcedureStep, ...]
    registration_methods: tuple[RegistrationMethod, ...]
    sign_in_methods: tuple[SignInMethod, ...]
    payment: Payment | None
    unique_identifier: UniqueIdentifierFacts | None
    definitions: tuple[Definition, ...]
    acts: tuple[ActReference, ...]
    act_relations: tuple[ActRelation, ...]
    act_facts: tuple[ActFact, ...]
    procedure_lists: tuple[ElectronicProcedureList, ...]


# --- shared readers: markup, sentences, dates -----------------------------------------------------

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_BULLET = re.compile(r"^\s*[-*+•·–—]\s+")
URL = re.compile(r"https?://[^\s<>()\]]+[^\s<>()\].,;]")


def plain(line: str) -> str:
    """A line without its markup (bookmarks, links, headings, emphasis), spaces normalized."""
    text = _BOOKMARK.sub("", line)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    return clean(text)


def bullet_text(line: str) -> str | None:
    """The text of a list item («· …», «- …»), markup removed; None if the line is not one."""
    if not _BULLET.match(line):
        return None
    return plain(_BULLET.sub("", line, count=1))


def is_heading(line: str) -> bool:
    return bool(_HEADING.match(line))


_ABBREVIATIONS = frozenset({"г", "гг", "п", "пп", "ст", "ч", "т", "см", "им", "абз", "д"})
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[«\"(]?[А-ЯЁA-Z0-9])")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of plain text; no break after «г.», «п.» and such."""
    result: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        before = re.search(r"(?<!\w)(\w+)\.$", text[start : match.start()])
        if before and before.group(1).lower() in _ABBREVIATIONS:
            continue
        result.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        result.append((start, len(text)))
    return result


def sentences(text: str) -> list[str]:
    """The sentences of plain text (see `sentence_bounds`)."""
    return [text[start:end] for start, end in sentence_bounds(text)]


MONTHS = GENITIVE_MONTHS
DATE = r"(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+\d{4})"
_DATE_SUFFIX = r"(?:\s*(?:г\.|года|год)(?!\w))?"


def parse_date(text: str) -> date:
    """«14 июля 2017» or «22.08.2017» as a date."""
    numeric = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if numeric:
        return date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
    day, month, year = text.split()
    return date(int(year), MONTHS[month], int(day))


def month_year(text: str) -> YearMonth | None:
    """The start the text states: «с января 2018 года», «с 2018 года», «в 2019 году»."""
    months = "|".join(MONTHS)
    found = re.search(rf"\bс\s+({months})\s+(\d{{4}})", text)
    if found:
        return YearMonth(int(found[2]), MONTHS[found[1]])
    found = re.search(r"\b[свС]\s+(\d{4})\s+год", text) or re.search(r"\bВ\s+(\d{4})\s+год", text)
    return YearMonth(int(found[1])) if found else None


def year_range(text: str) -> tuple[YearMonth, YearMonth] | None:
    """«в течение 2017 – 2018 годов» → (2017, 2018); «В 2017 году» → (2017, 2017)."""
    found = re.search(r"(\d{4})\s*[–—-]\s*(\d{4})\s+год", text)
    if found:
        return YearMonth(int(found[1])), YearMonth(int(found[2]))
    found = re.search(r"(?i:\bв)\s+(\d{4})\s+год", text)
    if found:
        return YearMonth(int(found[1])), YearMonth(int(found[1]))
    return None


# --- shared readers: morphology (importers.morphology) ---------------------------------------

_morph = analyzer


_CHANNEL_WORDING = re.compile(
    r"\s*(?:в\s+электронн\w+\s+(?:форм\w*|вид\w*)|через\s+един\w+\s+портал\w*\s+электронных\s+услуг)",
    re.IGNORECASE,
)
_KEY_STOPWORDS = frozenset({"и", "или", "а", "также", "либо", "(или)", "и/или"})


def without_channel(text: str) -> str:
    """The text without «в электронной форме» / «через единый портал электронных услуг»."""
    return clean(_CHANNEL_WORDING.sub("", text))


def match_key(title: str) -> str:
    """A key for matching procedure titles across sources: lower-case lemmas, conjunctions dropped.

    Both «согласование приглашений иностранных граждан и лиц без гражданства на обучение» and
    «Согласование приглашения иностранного гражданина или лица без гражданства на обучение» give
    «согласование приглашение иностранный гражданин лицо без гражданство на обучение».
    """
    morph = _morph()
    words = re.findall(r"[\w-]+", without_channel(title).lower().replace("ё", "е"))
    lemmas = [str(morph.parse(word)[0].normal_form).replace("ё", "е") for word in words]
    return " ".join(lemma for lemma in lemmas if lemma not in _KEY_STOPWORDS)


# --- shared readers: applicants and bodies --------------------------------------------------------

_APPLICANTS: tuple[tuple[Applicant, re.Pattern[str]], ...] = (
    (Applicant.BELARUSIAN_CITIZEN, re.compile(r"\bграждан\w*\s+Республики\s+Беларусь")),
    (Applicant.FOREIGN_CITIZEN, re.compile(r"\bиностранн\w+\s+граждан\w*", re.IGNORECASE)),
    (Applicant.STATELESS_PERSON, re.compile(r"\bлиц\w*\s+без\s+гражданства", re.IGNORECASE)),
    (Applicant.LEGAL_ENTITY, re.compile(r"\bюридическ\w+\s+лиц\w*", re.IGNORECASE)),
    (
        Applicant.INDIVIDUAL_ENTREPRENEUR,
        re.compile(r"\bиндивидуальн\w+\s+предпринимател\w*", re.IGNORECASE),
    ),
    (Applicant.CITIZEN, re.compile(r"\bграждан(?:е|ам|ами|ах|ин|ина|ину|ином|ине)?\b", re.I)),
)


def applicants_in(text: str) -> tuple[Applicant, ...]:
    """The persons a phrase names, in order of mention; «граждане» alone is `CITIZEN`."""
    found: list[tuple[int, Applicant]] = []
    taken = [False] * len(text)
    for applicant, pattern in _APPLICANTS:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            found.append((match.start(), applicant))
    ordered: list[Applicant] = []
    for _, applicant in sorted(found):
        if applicant not in ordered:
            ordered.append(applicant)
    return tuple(ordered)


_BODY_HEAD = re.compile(
    r"(?<!\w)(?:Министерств\w*|Национальн\w+\s+центр\w*|Государственн\w+\s+комитет\w*"
    r"|Комитет\w*|Департамент\w*)(?!\w)"
)
KNOWN_ABBREVIATIONS = {
    "министерство внутренних дел": "МВД",
    "национальный центр электронных услуг": "НЦЭУ",
}


def bodies_in(text: str, span: Span) -> tuple[Body, ...]:
    """State bodies named with a capitalized head («Министерством внутренних дел», …)."""
    morph = _morph()
    result: list[Body] = []
    for match in _BODY_HEAD.finditer(text):
        end = match.end()
        for word in re.finditer(r"\s+([а-яё]+)", text[end:]):
            if word.start() != end - match.end():
                break
            parses = morph.parse(word[1])
            if parses[0].tag.POS not in {"NOUN", "ADJF"} or not any(
                "gent" in p.tag for p in parses
            ):
                break
            end = match.end() + word.end()
        as_written = text[match.start() : end]
        name = nominative(as_written)
        result.append(Body(name, as_written, KNOWN_ABBREVIATIONS.get(name.lower()), span))
    return tuple(result)


PORTAL_NAME = re.compile(r"(?i:един\w+)\s+портал\w*\s+электронных\s+услуг")


def portal_name(text: str) -> str | None:
    """The nominative name of the single portal if the text names it («единый портал …»)."""
    found = PORTAL_NAME.search(text)
    return nominative(found[0]) if found else None


# --- shared readers: acts -------------------------------------------------------------------------

_ACT = re.compile(
    r"(?<![\w-])(?P<kind>(?i:постановлени[еяюи]м?|закон[аеуом]?|кодекс[аеуом]?|указ[аеуом]?"
    r"|декрет[аеуом]?|директив[аыеуой]|положени[еяюи]м?))(?!\w)"
    r"(?P<issuer>\s+(?:Совет\w*\s+Министров|Президента|Национальн\w+\s+банк\w*"
    r"|(?:Министерств|Государственн\w+\s+комитет|Комитет)\w*(?:\s+(?!от\b)[а-яё]+)*))?"
    r"(?P<country>\s+Республики\s+Беларусь)?"
    rf"(?:\s+от\s+(?P<date>{DATE}){_DATE_SUFFIX})?"
    r"(?:\s*№\s*(?P<number>\d+(?:/\d+)?(?:-[А-ЯA-Z]+)?))?"
)
_KIND_BY_STEM = (
    ("постановлени", ActKind.RESOLUTION),
    ("закон", ActKind.LAW),
    ("кодекс", ActKind.CODE),
    ("указ", ActKind.EDICT),
    ("декрет", ActKind.DECREE),
    ("директив", ActKind.DIRECTIVE),
    ("положени", ActKind.REGULATION),
)
_QUOTES = {"«": "»", '"': '"'}


@dataclass(frozen=True, slots=True)
class ActMatch:
    """An act reference found in a plain line, with its character offsets there (title included)."""

    reference: ActReference
    start: int
    end: int
    title_start: int | None


def _quoted_title(text: str, start: int) -> tuple[int, int, int] | None:
    """The title opening with the quote at `start`: its (first, stop) offsets, and where it ends.

    Russian typography merges the closing quotes of nested titles («О … в Закон "Об основах …"»):
    when the line ends with quotes still open, the title ends at the last closing quote seen, which
    stays in the title as the close of the inner one.
    """
    opener = text[start]
    closer = _QUOTES[opener]
    depth, last_close = 1, None
    for index in range(start + 1, len(text)):
        char = text[index]
        opens = char == opener and (opener != '"' or index == 0 or text[index - 1] in " («")
        if opens:
            depth += 1
        elif char == closer:
            depth -= 1
            last_close = index
            if depth == 0:
                return start + 1, index, index + 1
    return (start + 1, last_close + 1, last_close + 1) if last_close is not None else None


def _issuer(kind_stem: str, issuer: str, country: bool) -> tuple[ActKind, str | None]:
    kind = next(kind for stem, kind in _KIND_BY_STEM if kind_stem.lower().startswith(stem))
    if not issuer:
        return kind, None
    if issuer.startswith("Совет"):
        return ActKind.COUNCIL_OF_MINISTERS_RESOLUTION, "Совет Министров Республики Беларусь"
    if issuer.startswith("Президент"):
        return kind, "Президент Республики Беларусь"
    name = nominative(issuer) + (" Республики Беларусь" if country else "")
    return (ActKind.MINISTRY_RESOLUTION if kind is ActKind.RESOLUTION else kind), name


def find_acts(text: str, span: Span) -> list[ActMatch]:
    """Act references in a plain line: with a date, a number, a quoted title, or «Положение о …».

    A bare «Постановление» (an anaphor) or «законодательство» is not a reference.
    """
    found: list[ActMatch] = []
    for match in _ACT.finditer(text):
        kind, issuer = _issuer(match["kind"], clean(match["issuer"] or ""), bool(match["country"]))
        end = match.end()
        title: str | None = None
        title_start: int | None = None
        rest = text[end:]
        quote = re.match(r"\s*([«\"])", rest)
        if quote:
            bounds = _quoted_title(text, end + quote.start(1))
            if bounds:
                title_start, stop, end = bounds
                title = text[title_start:stop]
        if kind is ActKind.REGULATION:
            named = re.match(r"\s+(о\s+[^,()]+?)(?=,|\s+утвержд|\)|$)", rest)
            if not named:
                continue
            title = "Положение " + named[1]
            title_start = end + named.start(1)
            end += named.end()
        if not (match["date"] or match["number"] or title):
            continue
        when = parse_date(match["date"]) if match["date"] else None
        raw = text[match.start() : end]
        reference = ActReference(kind, issuer, when, match["number"], title, raw, (), span)
        found.append(ActMatch(reference, match.start(), end, title_start))
    return found


_UNITS = (
    ("article", r"(?:стать\w*|ст\.)"),
    ("subpoint", r"(?:подпункт\w*|пп\.)"),
    ("point", r"(?:пункт\w*|п\.)"),
    ("part", r"(?:част\w*|ч\.)"),
    ("paragraph", r"(?:абзац\w*|абз\.)"),
)


def _unit_number(raw: str) -> str:
    """«пятнадцатого» → ``15``: ordinal words are read by the citation grammar's one reader."""
    value = ordinal_value(raw.lower()) if raw.isalpha() else None
    return str(value) if value is not None else raw


def read_citation(text: str, acts: list[ActMatch], span: Span) -> Citation:
    """A pinpoint citation «абзац 5 п.2 Положения …» with the first act named in it."""
    units: dict[str, str | None] = {}
    for name, pattern in _UNITS:
        found = re.search(rf"(?<!\w){pattern}\s*(\d+(?:\.\d+)*|[а-яё]+)", text, re.IGNORECASE)
        units[name] = _unit_number(found[1]) if found else None
    return Citation(
        raw=text,
        article=units["article"],
        point=units["point"],
        subpoint=units["subpoint"],
        part=units["part"],
        paragraph=units["paragraph"],
        act=acts[0].reference if acts else None,
        span=span,
    )


def with_roles(reference: ActReference, roles: list[ActRole]) -> ActReference:
    """The reference with its roles set (MENTIONED when it has none), in a stable order."""
    ordered = tuple(role for role in ActRole if role in roles) or (ActRole.MENTIONED,)
    return replace(reference, roles=ordered)


# --- shared readers: what the acts of a text do ---------------------------------------------------

_AMENDING_TITLE = re.compile(r"^Об?\s+(?:внесении|изменени)", re.IGNORECASE)
_APPROVED_BY = re.compile(r"^\s*,?\s*утвержденн\w*\s*$", re.IGNORECASE)
_ADOPTED_UNDER = re.compile(
    r"(?:принят\w*|издан\w*)\s+(?:во\s+исполнение|на\s+основании|в\s+соответствии\s+с)\s+",
    re.IGNORECASE,
)
_IN_FORCE = re.compile(rf"вступ\w*\s+в\s+силу\s+(?:с\s+)?(?P<date>{DATE})", re.IGNORECASE)
_ANAPHOR = re.compile(r"^(?P<word>Постановлени\w*|Указ\w*|Декрет\w*|Закон\w*|Документ\w*)(?!\w)")
_RESOLUTIONS = frozenset(
    {ActKind.COUNCIL_OF_MINISTERS_RESOLUTION, ActKind.MINISTRY_RESOLUTION, ActKind.RESOLUTION}
)
_LIST_STATEMENT = re.compile(r"(?i:перече?н\w*)\s+(?:административных\s+)?процедур")
_ELECTRONIC = re.compile(r"электронн\w+\s+(?:форм|вид)", re.IGNORECASE)
_LIST_VERB = re.compile(r"(?:установлен|определен|утвержден|закреплен)\w*", re.IGNORECASE)


@dataclass(slots=True)
class ActReading:
    """The acts of a document and what the text says they do, by index into `matches`.

    A working state for the parsers: roles are collected here, then `finish` freezes the references
    with their roles, and the relations and facts that point to them.
    """

    document: str
    matches: list[ActMatch]
    lines: list[int]
    relations: list[tuple[int, ActRelationKind, int, Span]]
    facts: list[tuple[int, ActFactKind, date, Span]]
    roles: dict[int, list[ActRole]]

    def in_line(self, line: int) -> list[int]:
        return [index for index, number in enumerate(self.lines) if number == line]

    def add_role(self, index: int, role: ActRole) -> None:
        self.roles.setdefault(index, []).append(role)

    def finish(
        self,
    ) -> tuple[
        tuple[ActReference, ...], tuple[ActRelation, ...], tuple[ActFact, ...], list[ActReference]
    ]:
        final = [
            with_roles(match.reference, self.roles.get(index, []))
            for index, match in enumerate(self.matches)
        ]
        relations = tuple(
            ActRelation(final[s], kind, final[o], span) for s, kind, o, span in self.relations
        )
        facts = tuple(ActFact(final[i], kind, when, span) for i, kind, when, span in self.facts)
        return tuple(final), relations, facts, final


def _subject(
    sentence: str, offset: int, verb_at: int, reading: ActReading, line_matches: list[int]
) -> int | None:
    """The act a sentence speaks about.

    A leading anaphor («Постановление принято …») is the last act of that kind mentioned before it;
    otherwise it is the first act named before the verb.
    """
    stripped = sentence.lstrip()
    anaphor = _ANAPHOR.match(stripped)
    lead = offset + len(sentence) - len(stripped)
    before = [i for i in line_matches if lead <= reading.matches[i].start < offset + verb_at]
    if anaphor and not any(reading.matches[i].start == lead for i in line_matches):
        word = anaphor["word"].lower()
        earlier = [
            i
            for i in range(len(reading.matches))
            if i not in line_matches or reading.matches[i].start < lead
        ]
        for index in reversed(earlier):
            kind = reading.matches[index].reference.kind
            if (
                word.startswith("документ")
                or (word.startswith("постановлени") and kind in _RESOLUTIONS)
                or (word.startswith("указ") and kind is ActKind.EDICT)
                or (word.startswith("декрет") and kind is ActKind.DECREE)
                or (word.startswith("закон") and kind is ActKind.LAW)
            ):
                return index
        return None
    return before[0] if before else None


def read_acts(
    document: str, lines: list[tuple[int, str]], span_of: Callable[[int, int], Span]
) -> ActReading:
    """Find the acts of plain `lines` (number, text) and the relations and dates given for them.

    `span_of(first, last)` makes the span of a line range (usually `SourceDocument.span`).
    """
    reading = ActReading(document, [], [], [], [], {})
    for number, text in lines:
        span: Span = span_of(number, number)
        first = len(reading.matches)
        for match in find_acts(text, span):
            reading.matches.append(match)
            reading.lines.append(number)
        here = list(range(first, len(reading.matches)))
        for outer in here:
            outer_match = reading.matches[outer]
            title = outer_match.reference.title or ""
            for inner in here:
                inner_match = reading.matches[inner]
                nested = (
                    outer_match.title_start is not None
                    and outer_match.title_start <= inner_match.start < outer_match.end
                )
                if nested and _AMENDING_TITLE.match(title):
                    reading.relations.append((outer, ActRelationKind.AMENDS, inner, span))
                    reading.add_role(outer, ActRole.AMENDS)
                    reading.add_role(inner, ActRole.AMENDED)
            following = [i for i in here if reading.matches[i].start >= outer_match.end]
            if outer_match.reference.kind is ActKind.REGULATION and following:
                between = text[outer_match.end : reading.matches[following[0]].start]
                if _APPROVED_BY.match(between):
                    reading.relations.append(
                        (outer, ActRelationKind.APPROVED_BY, following[0], span)
                    )
                    reading.add_role(following[0], ActRole.APPROVES)
        for start, end in sentence_bounds(text):
            sentence = text[start:end]
            adopted = _ADOPTED_UNDER.search(sentence)
            if adopted:
                subject = _subject(sentence, start, adopted.start(), reading, here)
                objects = [i for i in here if reading.matches[i].start >= start + adopted.end()]
                if subject is not None and objects and objects[0] != subject:
                    reading.relations.append(
                        (subject, ActRelationKind.ADOPTED_UNDER, objects[0], span)
                    )
                    reading.add_role(objects[0], ActRole.LEGAL_BASIS)
            in_force = _IN_FORCE.search(sentence)
            if in_force:
                subject = _subject(sentence, start, in_force.start(), reading, here)
                if subject is not None:
                    when = parse_date(in_force["date"])
                    reading.facts.append((subject, ActFactKind.ENTERS_INTO_FORCE, when, span))
    return reading


@dataclass(frozen=True, slots=True)
class ListStatement:
    """A sentence stating that a list of electronic procedures is set, before its act is frozen."""

    act: int
    applicants: tuple[Applicant, ...]
    channel: str | None
    line: int


def find_list_statements(lines: list[tuple[int, str]], reading: ActReading) -> list[ListStatement]:
    """Sentences saying a list of procedures done electronically is set by an act.

    The act is the one named in the sentence, else the first one in the same paragraph
    («Соответствующее решение закреплено постановлением …»). «Перечни … в отношении граждан, а также
    в отношении юридических лиц …» gives one list per «в отношении» group. Marks the act's role.
    """
    found: list[ListStatement] = []
    for number, text in lines:
        here = reading.in_line(number)
        for start, end in sentence_bounds(text):
            sentence = text[start:end]
            named = _LIST_STATEMENT.search(sentence)
            if not (named and _ELECTRONIC.search(sentence) and _LIST_VERB.search(sentence)):
                continue
            inside = [i for i in here if start <= reading.matches[i].start < end]
            candidates = inside or here
            if not candidates:
                continue
            act = candidates[0]
            reading.add_role(act, ActRole.ESTABLISHES_E_PROCEDURE_LIST)
            channel = portal_name(sentence)
            words = sentence
            for index in inside:
                words = words.replace(reading.matches[index].reference.raw, " ")
            groups = re.split(r"\bв\s+отношении\s+", words)[1:]
            plural = named[0].lower().startswith("перечни")
            if plural and len(groups) > 1:
                for group in groups:
                    found.append(ListStatement(act, applicants_in(group), channel, number))
            else:
                found.append(ListStatement(act, applicants_in(" ".join(groups)), channel, number))
    return found
