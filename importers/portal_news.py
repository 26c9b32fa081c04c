"""Parse news texts on administrative procedures moving to the single portal of e-services.

Such a text says that an act sets the lists of procedures done electronically («установлены перечни
административных процедур, подлежащих осуществлению в электронной форме …»), which procedures are
converted when and by whom, from when applicants can use them, and what acts it was adopted under.
Sentences are read by their wording; the title of each procedure is kept as written and in a
nominative form with a `match_key` for the unified list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from importers.base import DocumentError, SourceDocument
from importers.morphology import nominative
from importers.portal_records import (
    Applicant,
    Body,
    ElectronicAvailability,
    ElectronicProcedureList,
    PersonalApplication,
    PortalNews,
    YearMonth,
    applicants_in,
    bodies_in,
    bullet_text,
    find_list_statements,
    match_key,
    month_year,
    plain,
    portal_name,
    read_acts,
    sentence_bounds,
    without_channel,
    year_range,
)

__all__ = ["looks_like_portal_news", "parse_portal_news"]

_STEP = re.compile(r"(?<!\w)Шаг\s+\d+")
_LIST = re.compile(r"(?i:перече?н\w*)\s+(?:административных\s+)?процедур")
_ELECTRONIC = re.compile(r"электронн\w+\s+(?:форм|вид)", re.IGNORECASE)
_CONVERSION = re.compile(r"(?:перевод|переведен)\w*\s+в\s+электронн\w+\s+форм", re.IGNORECASE)
_APPLICATIONS_FOR = re.compile(r"заявлени\w+\s+на\s+(?P<title>.+?)\.?$")
_WILL_BE = re.compile(
    r"(?:будет|будут)\s+(?:реализован\w*|доступн\w*|переведен\w*|осуществлят\w*)\s+"
    r"(?P<title>.+?)\.?$"
)
_FOLLOW_UP = re.compile(r"\b(?:так|эт|данн|указанн)\w*\s+(?:заявлени|процедур)\w*", re.I)
_CAN = re.compile(r"\b(?:смогут|сможет|можно|могут|может|будет\s+возможн\w*)\b")
_PERSONAL = re.compile(r"возможност\w+\s+личного\s+обращения\s+(?P<rest>.+?)\.?$")
_PLACE = re.compile(r"(?P<who>.*?)\s+в\s+(?P<place>.+?)(?:\s+для\s+.*)?$")
_BY_APPLICATION = re.compile(r"\bпо\s+заявлени\w+\s+(?P<who>.+)$")


@dataclass
class _Claim:
    """An availability claim while its sentences are read; frozen at the end."""

    title_as_written: str
    first_line: int
    last_line: int
    applicants: tuple[Applicant, ...] = ()
    channel: str | None = None
    conversion: tuple[YearMonth, YearMonth] | None = None
    available_from: YearMonth | None = None
    bodies: tuple[Body, ...] = field(default_factory=tuple)


def looks_like_portal_news(doc: SourceDocument) -> bool:
    """A prose text (no «Шаг N» steps) that states a list of procedures done electronically."""
    if len(_STEP.findall(doc.text)) >= 2:
        return False
    for line in doc.lines:
        text = plain(line)
        if _LIST.search(text) and _ELECTRONIC.search(text) and "портал" in doc.text:
            return True
    return False


def _title(doc: SourceDocument) -> tuple[str, int]:
    """The heading: the leading lines up to the first blank one; and the last line it takes."""
    lines = doc.lines
    first = next(number for number, line in enumerate(lines, 1) if line.strip())
    last = first
    while last < len(lines) and lines[last].strip():
        last += 1
    if last == len(lines) or last - first > 3:
        return plain(lines[first - 1]), first
    return " ".join(plain(line) for line in lines[first - 1 : last]), last


def parse_portal_news(doc: SourceDocument) -> PortalNews:
    """Read a portal news text into acts, the lists they set, and availability claims."""
    expected = "a text stating that an act sets a list of procedures done in electronic form"
    if not doc.text.strip():
        raise DocumentError(doc.name, 1, expected, "an empty document")
    raw_lines = doc.lines
    lines = [(number, plain(line)) for number, line in enumerate(raw_lines, 1)]
    reading = read_acts(doc.name, lines, doc.span)
    statements = find_list_statements(lines, reading)
    if not statements:
        for number, text in lines:
            if _LIST.search(text) and _ELECTRONIC.search(text):
                raise DocumentError(
                    doc.name, number, "the act that sets this list of procedures", f"«{text}»"
                )
        first = next(number for number, text in lines if text)
        raise DocumentError(doc.name, first, expected, f"«{lines[first - 1][1][:80]}»")
    title, title_end = _title(doc)
    default_channel = portal_name(title) or next((s.channel for s in statements if s.channel), None)

    claims: list[_Claim] = []
    personal: PersonalApplication | None = None
    last: list[_Claim] = []
    for number, text in lines[title_end:]:
        if bullet_text(raw_lines[number - 1]) is not None:
            continue
        for start, end in sentence_bounds(text):
            sentence = text[start:end]
            found = _read_sentence(doc, number, sentence, raw_lines, last)
            if isinstance(found, PersonalApplication):
                personal = found
                last = []
            elif found is not None:
                new = [c for c in found if not any(c is known for known in claims)]
                claims.extend(new)
                last = found

    acts, relations, facts, final = reading.finish()
    list_act = final[statements[0].act]
    lists = tuple(
        ElectronicProcedureList(final[s.act], s.applicants, s.channel, doc.span(s.line, s.line))
        for s in statements
    )
    availabilities = tuple(
        ElectronicAvailability(
            title=nominative(without_channel(claim.title_as_written)),
            title_as_written=claim.title_as_written,
            match_key=match_key(claim.title_as_written),
            applicants=claim.applicants,
            channel=claim.channel or default_channel,
            conversion_from=claim.conversion[0] if claim.conversion else None,
            conversion_until=claim.conversion[1] if claim.conversion else None,
            available_from=claim.available_from,
            act=list_act,
            bodies=claim.bodies,
            personal_application_retained=True if personal else None,
            span=doc.span(claim.first_line, claim.last_line),
        )
        for claim in claims
    )
    return PortalNews(
        document=doc.name,
        title=title,
        acts=acts,
        act_relations=relations,
        act_facts=facts,
        procedure_lists=lists,
        availabilities=availabilities,
        personal_application=personal,
    )


def _read_sentence(
    doc: SourceDocument, number: int, sentence: str, raw_lines: list[str], last: list[_Claim]
) -> list[_Claim] | PersonalApplication | None:
    """What one sentence says: new claims, more about the previous ones, or personal application."""
    if _CONVERSION.search(sentence) and sentence.rstrip().endswith(":"):
        return _bulleted_claims(doc, number, sentence, raw_lines)
    electronic = _ELECTRONIC.search(sentence)
    wanted = _APPLICATIONS_FOR.search(sentence) if electronic else None
    if wanted:
        before = sentence[: wanted.start("title")]
        return [_Claim(wanted["title"], number, number, conversion=year_range(before))]
    future = _WILL_BE.search(sentence) if electronic else None
    if future:
        before = sentence[: future.start("title")]
        return [_Claim(future["title"], number, number, available_from=month_year(before))]
    if _FOLLOW_UP.search(sentence) and _CAN.search(sentence) and last:
        for claim in last:
            claim.applicants = applicants_in(sentence) or claim.applicants
            claim.channel = portal_name(sentence) or claim.channel
            claim.available_from = month_year(sentence) or claim.available_from
            claim.last_line = number
        return last
    personal = _PERSONAL.search(sentence)
    if personal:
        parts = _PLACE.match(personal["rest"])
        who = parts["who"] if parts else personal["rest"]
        place = nominative(parts["place"], "accs") if parts else None
        return PersonalApplication(applicants_in(who), place, doc.span(number, number))
    return None


def _bulleted_claims(
    doc: SourceDocument, number: int, intro: str, raw_lines: list[str]
) -> list[_Claim]:
    """«… мероприятия по переводу в электронную форму следующих процедур по заявлениям граждан:»
    and the list items after it: one claim per item, with the intro's period, bodies, applicants."""
    by_application = _BY_APPLICATION.search(intro)
    applicants = applicants_in(by_application["who"] if by_application else intro)
    bodies = bodies_in(intro, doc.span(number, number))
    conversion = year_range(intro)
    claims: list[_Claim] = []
    for item_line in range(number + 1, len(raw_lines) + 1):
        item = bullet_text(raw_lines[item_line - 1])
        if item is None:
            if raw_lines[item_line - 1].strip():
                break
            continue
        title = item.rstrip(";.,")
        claims.append(_Claim(title, number, item_line, applicants, None, conversion, None, bodies))
    if not claims:
        raise DocumentError(
            doc.name, number + 1, "the list items of the procedures announced", "no list item"
        )
    return claims
