"""Parse how-to guides on doing an administrative procedure through the single portal of e-services.

Such a guide walks through numbered steps («Шаг 1: Регистрация …» … «Шаг 5: Получение электронного
решения»), usually as headings but sometimes inline in a paragraph. From the steps it reads the
portal, the ways to register and sign in, the payment, and what the guide says about the unique
identifier (its definition and the act it cites, what it allows, who may get one and where).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from importers.base import DocumentError, SourceDocument
from importers.morphology import nominative
from importers.portal_records import (
    URL,
    ActReading,
    ActReference,
    ActRole,
    Capability,
    Definition,
    ElectronicProcedureList,
    IssuingPlace,
    Payment,
    PaymentChannel,
    Portal,
    PortalGuide,
    ProcedureStep,
    RegistrationKind,
    RegistrationMethod,
    SignInKind,
    SignInMethod,
    StepKind,
    UniqueIdentifierFacts,
    applicants_in,
    bullet_text,
    find_list_statements,
    is_heading,
    plain,
    portal_name,
    read_acts,
    read_citation,
    sentence_bounds,
)

__all__ = ["looks_like_portal_guide", "parse_portal_guide"]

_STEP = re.compile(r"(?:^|(?<=[.!?]\s))Шаг\s+(?P<ordinal>\d+)\s*[:.–—-]?\s*(?P<rest>.*)$")
_STEP_KINDS = (
    (re.compile(r"регистрац", re.I), StepKind.REGISTRATION),
    (re.compile(r"авторизац|вход", re.I), StepKind.AUTHORIZATION),
    (re.compile(r"оплат", re.I), StepKind.PAYMENT),
    (re.compile(r"решени", re.I), StepKind.DECISION),
    (re.compile(r"заявлени|заполнени", re.I), StepKind.APPLICATION),
)
_COUNTS = {"двумя": 2, "тремя": 3, "четырьмя": 4, "пятью": 5}
_WAYS = re.compile(r"(?P<count>\w+)\s+способами\s*:")
_SIGNATURE = r"\bЭЦП\b|электронн\w+\s+цифров\w+\s+подпис\w*"
_REGISTRATION_KINDS = (
    (re.compile(_SIGNATURE, re.I), RegistrationKind.DIGITAL_SIGNATURE),
    (re.compile(r"электронн\w+\s+почт\w*|e-mail", re.I), RegistrationKind.EMAIL),
)
_SIGN_IN_KINDS = (
    (re.compile(r"логин\w*\s+и\s+парол\w*", re.I), SignInKind.LOGIN_PASSWORD),
    (re.compile(_SIGNATURE, re.I), SignInKind.DIGITAL_SIGNATURE),
    (re.compile(r"уникальн\w+\s+идентификатор\w*", re.I), SignInKind.UNIQUE_IDENTIFIER),
)
_SIGN_IN = re.compile(r"авториз|идентифицир|войти|вход", re.I)
_ORDER_CODE = re.compile(
    r"(?P<digits>\d+)\s*-\s*значн\w+\s+код\w*(?:\s*[-–—]\s*[^,.]+?)?(?=\s*,|\s+с\s+помощью|\.|$)"
)
_PAYMENT_CHANNELS = (
    (re.compile(r"интернет-банк\w*", re.I), PaymentChannel.INTERNET_BANKING),
    (re.compile(r"(?<![-\w])банк(?!инг)\w*", re.I), PaymentChannel.BANK),
    (re.compile(r"\bЕРИП\b"), PaymentChannel.ERIP),
    (re.compile(r"почтов\w+\s+(?:отделени|связ)\w*", re.I), PaymentChannel.POST_OFFICE),
)
_DEFINITION = re.compile(r"^(?P<term>[А-ЯЁ][а-яё]+(?:\s+[а-яё]+){0,3})\s+[-–—]\s+(?P<body>.+)$")
_CITED = re.compile(
    r"\s*\((?P<cite>(?:абзац|пункт|подпункт|част|стать|п\.|пп\.|ч\.|ст\.)[^()]*)\)\.?$", re.I
)
_IDENTIFIER = r"(?:уникального\s+)?идентификатора"
_ALLOWS = re.compile(r"идентификатор\w*\s+позволяет\s+(?P<what>.+?)\s*:?$", re.I)
_ELIGIBLE = re.compile(rf"Право\s+на\s+получение\s+{_IDENTIFIER}.*?\s+имеют\s+(?P<who>.+?)\.?$")
_WHERE = re.compile(
    rf"Для\s+получения\s+{_IDENTIFIER}\s+(?:необходимо|следует|нужно)\s+обратиться\s+"
    r"(?P<where>.+?)(?:\s+с\s+(?P<document>документ\w*.*?))?\.?$"
)
_PLACE_SPLIT = re.compile(r"(?:^|,\s*|\s+или\s+|\s+и\s+)в\s+(?=\S)")
_FORM = re.compile(
    rf"(?:заявлени|извещени)\w*\s+о\s+выдаче\s+{_IDENTIFIER}\s+установленной\s+формы"
)
_OPTIONAL = re.compile(rf"Получение\s+{_IDENTIFIER}\s+(?P<not>не\s+)?является\s+обязательным")


@dataclass(frozen=True, slots=True)
class _Step:
    """A step found in the text: its heading and its body as (line, plain text) pieces."""

    ordinal: int
    title: str
    line: int
    pieces: tuple[tuple[int, str], ...]

    @property
    def kind(self) -> StepKind | None:
        return next((kind for pattern, kind in _STEP_KINDS if pattern.search(self.title)), None)


def looks_like_portal_guide(doc: SourceDocument) -> bool:
    """A text with at least two numbered steps («Шаг 1», «Шаг 2») that speaks of the portal."""
    markers = sum(1 for line in doc.lines if _STEP.search(plain(line)))
    return markers >= 2 and "портал" in doc.text


def parse_portal_guide(doc: SourceDocument) -> PortalGuide:
    """Read a portal how-to into its steps and the facts the steps state."""
    if not doc.text.strip():
        raise DocumentError(
            doc.name, 1, "a guide with steps «Шаг 1», «Шаг 2», …", "an empty document"
        )
    lines = [(number, plain(line)) for number, line in enumerate(doc.lines, 1)]
    steps = _steps(doc, lines)
    reading = read_acts(doc.name, lines, doc.span)
    statements = find_list_statements(lines, reading)
    definitions = _definitions(doc, lines, reading)
    registration = _registration_methods(doc, _first(steps, StepKind.REGISTRATION))
    sign_in = _sign_in_methods(doc, _first(steps, StepKind.AUTHORIZATION), registration)
    payment = _payment(doc, _first(steps, StepKind.PAYMENT))
    unique = _unique_identifier(doc, lines, definitions)
    acts, relations, facts, final = reading.finish()
    # Definitions and their citations were read before the roles were final: point them at the
    # final references (same identity, roles set).
    by_key = {(act.raw, act.span.line_start): act for act in final}
    definitions = [_with_final_act(definition, by_key) for definition in definitions]
    if unique and unique.definition:
        unique = replace(unique, definition=_with_final_act(unique.definition, by_key))
    headings = [text for number, text in lines if text and is_heading(doc.lines[number - 1])]
    return PortalGuide(
        document=doc.name,
        title=headings[0] if headings else next(text for _, text in lines if text),
        portal=_portal(doc, lines),
        steps=tuple(
            ProcedureStep(
                step.ordinal,
                step.title,
                step.kind,
                "\n".join(text for _, text in step.pieces if text),
                doc.span(step.line, _last_line(step)),
            )
            for step in steps
        ),
        registration_methods=registration,
        sign_in_methods=sign_in,
        payment=payment,
        unique_identifier=unique,
        definitions=tuple(definitions),
        acts=acts,
        act_relations=relations,
        act_facts=facts,
        procedure_lists=tuple(
            ElectronicProcedureList(final[s.act], s.applicants, s.channel, doc.span(s.line, s.line))
            for s in statements
        ),
    )


def _steps(doc: SourceDocument, lines: list[tuple[int, str]]) -> list[_Step]:
    """The numbered steps, in order; each runs to the next step's marker (which may be mid-line)."""
    markers: list[tuple[int, int, str, str]] = []  # line, ordinal, title, text after the title
    before: dict[int, str] = {}  # text that precedes a marker on its line
    for number, text in lines:
        found = _STEP.search(text)
        if not found:
            continue
        expected = len(markers) + 1
        ordinal = int(found["ordinal"])
        if ordinal != expected:
            raise DocumentError(doc.name, number, f"step {expected} («Шаг {expected}»)", found[0])
        rest = found["rest"].strip()
        if is_heading(doc.lines[number - 1]) or (found.start() == 0 and not rest.endswith(".")):
            title, after = rest.rstrip(".:"), ""
        else:
            bounds = sentence_bounds(rest)
            title = rest[: bounds[0][1]].rstrip(".:") if bounds else rest
            after = rest[bounds[1][0] :] if len(bounds) > 1 else ""
        before[number] = text[: found.start()].strip()
        markers.append((number, ordinal, title, after))
    if not markers:
        first = next((number for number, text in lines if text), 1)
        raise DocumentError(
            doc.name,
            first,
            "step 1 of an electronic procedure («Шаг 1: …»)",
            f"«{lines[first - 1][1][:80]}»",
        )
    steps: list[_Step] = []
    for index, (number, ordinal, title, after) in enumerate(markers):
        stop = markers[index + 1][0] if index + 1 < len(markers) else len(lines) + 1
        pieces = [(number, after)] + [(n, t) for n, t in lines[number : stop - 1]]
        if stop <= len(lines) and before.get(stop):
            pieces.append((stop, before[stop]))
        steps.append(_Step(ordinal, title, number, tuple((n, t) for n, t in pieces if t)))
    return steps


def _last_line(step: _Step) -> int:
    return step.pieces[-1][0] if step.pieces else step.line


def _first(steps: list[_Step], kind: StepKind) -> _Step | None:
    return next((step for step in steps if step.kind is kind), None)


def _portal(doc: SourceDocument, lines: list[tuple[int, str]]) -> Portal | None:
    """The portal's name where first named, and the address given in a line that speaks of it."""
    named = next(((n, name) for n, t in lines if (name := portal_name(t))), None)
    if named is None:
        return None
    for number, text in lines:
        address = URL.search(text)
        if address and "портал" in text.lower():
            return Portal(named[1], address[0], doc.span(number, number))
    return Portal(named[1], None, doc.span(named[0], named[0]))


def _registration_methods(
    doc: SourceDocument, step: _Step | None
) -> tuple[RegistrationMethod, ...]:
    """«Зарегистрироваться … можно двумя способами:» and the list items that follow."""
    if step is None:
        return ()
    intro = next(((n, w) for n, t in step.pieces if (w := _WAYS.search(t))), None)
    if intro is None:
        return ()
    number, ways = intro
    methods: list[RegistrationMethod] = []
    for item_line in range(number + 1, len(doc.lines) + 1):
        item = bullet_text(doc.lines[item_line - 1])
        if item is None:
            if doc.lines[item_line - 1].strip():
                break
            continue
        kind = next((k for pattern, k in _REGISTRATION_KINDS if pattern.search(item)), None)
        methods.append(RegistrationMethod(kind, item, doc.span(item_line, item_line)))
    stated = _COUNTS.get(ways["count"].lower())
    if stated is not None and stated != len(methods):
        raise DocumentError(
            doc.name, number, f"{stated} list items of registration ways", f"{len(methods)}"
        )
    return tuple(methods)


def _sign_in_methods(
    doc: SourceDocument, step: _Step | None, registration: tuple[RegistrationMethod, ...]
) -> tuple[SignInMethod, ...]:
    """The ways to sign in, each from the first sentence of the step that names it.

    «Авторизация зависит от способа регистрации: либо …, либо …» pairs the ways it lists with the
    registration ways, in order.
    """
    if step is None:
        return ()
    methods: list[SignInMethod] = []
    for number, text in step.pieces:
        for start, end in sentence_bounds(text):
            sentence = text[start:end]
            if not _SIGN_IN.search(sentence):
                continue
            named = sorted(
                (found.start(), kind)
                for pattern, kind in _SIGN_IN_KINDS
                if (found := pattern.search(sentence))
            )
            paired = "способа регистрации" in sentence and len(named) == len(registration)
            for position, (_, kind) in enumerate(named):
                if any(method.kind is kind for method in methods):
                    continue
                linked = registration[position].kind if paired else None
                persons = applicants_in(sentence)
                span = doc.span(number, number)
                methods.append(SignInMethod(kind, linked, persons, sentence, span))
    return tuple(methods)


def _payment(doc: SourceDocument, step: _Step | None) -> Payment | None:
    """The order code (its digits) and where it can be paid, from the payment step."""
    if step is None:
        return None
    text = " ".join(text for _, text in step.pieces)
    code = _ORDER_CODE.search(text)
    channels = tuple(
        channel
        for pattern, channel in _PAYMENT_CHANNELS
        if pattern.search(text) and not (channel is PaymentChannel.BANK and "интернет-банк" in text)
    )
    ordered = tuple(sorted(channels, key=lambda c: _channel_position(text, c)))
    used = [n for n, t in step.pieces if re.search(r"значн|банк|ЕРИП|квитанци|оплат", t)]
    lines = used or [step.line]
    return Payment(
        order_code_digits=int(code["digits"]) if code else None,
        order_code_text=code[0].strip() if code else None,
        channels=ordered,
        channels_are_examples=bool(re.search(r"например|любым\s+удобным", text, re.I)),
        receipt_attached=bool(re.search(r"прикрепля\w*.*квитанци", text, re.I)),
        span=doc.span(min(lines), max(lines)),
    )


def _channel_position(text: str, channel: PaymentChannel) -> int:
    found = next((p.search(text) for p, c in _PAYMENT_CHANNELS if c is channel), None)
    return found.start() if found else len(text)


def _definitions(
    doc: SourceDocument, lines: list[tuple[int, str]], reading: ActReading
) -> list[Definition]:
    """«Term - definition (абзац 5 п.2 Положения …)»: lines defining a term, with the act cited."""
    found: list[Definition] = []
    for number, text in lines:
        defined = _DEFINITION.match(text)
        if not defined:
            continue
        body = defined["body"]
        cited = _CITED.search(body)
        citation = None
        span = doc.span(number, number)
        if cited:
            here = reading.in_line(number)
            inside = [i for i in here if reading.matches[i].reference.raw in cited["cite"]]
            citation = read_citation(cited["cite"], [reading.matches[i] for i in inside], span)
            if inside:
                reading.add_role(inside[0], ActRole.DEFINITION_SOURCE)
            body = body[: cited.start()]
        found.append(Definition(defined["term"], body.rstrip(" ."), citation, span))
    return found


def _with_final_act(
    definition: Definition, by_key: dict[tuple[str, int], ActReference]
) -> Definition:
    citation = definition.citation
    if citation is None or citation.act is None:
        return definition
    act = by_key.get((citation.act.raw, citation.act.span.line_start), citation.act)
    return replace(definition, citation=replace(citation, act=act))


def _unique_identifier(
    doc: SourceDocument, lines: list[tuple[int, str]], definitions: list[Definition]
) -> UniqueIdentifierFacts | None:
    """What the guide says about the unique identifier: definition, uses, who, where, forms."""
    definition = next((d for d in definitions if "идентификатор" in d.term.lower()), None)
    used: list[int] = [definition.span.line_start] if definition else []
    capabilities: list[Capability] = []
    eligible: str | None = None
    places: list[IssuingPlace] = []
    documents: list[str] = []
    forms: list[str] = []
    optional: bool | None = None
    for number, text in lines:
        span = doc.span(number, number)
        allows = _ALLOWS.search(text)
        if allows:
            used.append(number)
            what = allows["what"]
            if text.rstrip().endswith(":"):
                what = re.sub(r"\s+и\s+\w+$", "", what)  # «… и осуществить:» governs the items
            capabilities.append(Capability(nominative(what), what, span))
            for item_line in range(number + 1, len(doc.lines) + 1):
                item = bullet_text(doc.lines[item_line - 1])
                if item is None:
                    if doc.lines[item_line - 1].strip():
                        break
                    continue
                item = item.rstrip(";.,")
                used.append(item_line)
                capabilities.append(
                    Capability(nominative(item), item, doc.span(item_line, item_line))
                )
        who = _ELIGIBLE.search(text)
        if who:
            used.append(number)
            eligible = who["who"]
        where = _WHERE.search(text)
        if where:
            used.append(number)
            for place in _PLACE_SPLIT.split(where["where"]):
                if place.strip():
                    places.append(IssuingPlace(nominative(place, "accs"), place, span))
            if where["document"]:
                documents.append(nominative(where["document"], "ablt"))
        for form in _FORM.finditer(text):
            used.append(number)
            forms.append(nominative(form[0]))
        required = _OPTIONAL.search(text)
        if required:
            used.append(number)
            optional = bool(required["not"])
    if not used:
        return None
    return UniqueIdentifierFacts(
        definition=definition,
        capabilities=tuple(capabilities),
        eligible_persons=applicants_in(eligible) if eligible else (),
        eligible_as_written=eligible,
        issuing_places=tuple(places),
        required_documents=tuple(documents),
        forms=tuple(forms),
        optional=optional,
        span=doc.span(min(used), max(used)),
    )
