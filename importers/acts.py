"""The act around approved regulations, for any issuer in the table of state bodies.

Read by structure, paragraph by paragraph: a publisher's header (ЭТАЛОН-online) and the register
entry above the act; the heading «ПОСТАНОВЛЕНИЕ <issuer in the genitive>» (or «РЕШЕНИЕ …» of a local
executive committee); date and number; the register entry again, where the publisher puts it; the
title; a consolidated text's «Изменения и дополнения:» block; the preamble «На основании …, <issuer>
ПОСТАНОВЛЯЕТ:»; point 1 approving the regulations; the footnote on the unified list; repeals; entry
into force; the signatory; «СОГЛАСОВАНО». Everything else is a `DocumentError` at its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from importers.base import locate
from importers.regulation_records import (
    AgreedBody,
    AmendingAct,
    ApprovedRegulation,
    Footnote,
    LegalReference,
    Registration,
    RepealedAct,
    Signatory,
    UnifiedListReference,
)
from importers.regulation_tables import is_separator
from importers.regulation_text import (
    SEPARATOR,
    Paragraph,
    Source,
    numeric_date,
    parse_footnote,
    quote,
    strip_list_end,
    word_date,
)
from lexgraph.state_bodies import StateBody, body_by_genitive, body_by_nominative

__all__ = ["ActHead", "heading_body", "is_wrapper"]

_DATE_NUMBER = re.compile(r"^(\d{1,2} \w+ \d{4} г\.) (?:№|N) ?(\S+)$")
_BASIS = re.compile(r"^(?:На основании|В соответствии с) (.+), (.+?) (ПОСТАНОВЛЯЕТ|РЕШИЛ):$")
# The preamble's references are joined by commas; a new one starts at a structural unit or an act
# in the genitive («подпункта 9.4 …»), while «, утвержденного Указом …» continues the previous one.
_BASIS_SPLIT = re.compile(
    r", (?=(?:абзаца|части|пункта|подпункта|статьи|Указа|Декрета|Закона|постановления) )"
)
_SUBJECTS = r"(?:субъектов хозяйствования|граждан|граждан и субъектов хозяйствования)"
_APPROVED_ITEM = re.compile(
    r"^Регламент административной процедуры, осуществляемой в отношении "
    rf"{_SUBJECTS}, по подпункту(\d)? (\d+(?:\.\d+)+) «(.+)» \(прилагается\)[;.]$"
)
_APPROVED_ONE = re.compile(
    r"^1\. Утвердить (Регламент административной процедуры, .+ \(прилагается\)\.)$"
)
_UNIFIED_LIST = re.compile(
    r"утвержденного (постановлением Совета Министров Республики Беларусь от "
    r"\d{1,2} \w+ \d{4} г\. № (\d+))"
)
_REPEAL = re.compile(r"^\d+\. Признать утратившим силу (.+)$")
_ACT_NUMBER = re.compile(r"№ (\S+) «(.+)»")
_IN_FORCE = re.compile(r"^\d+\. Настоящее (?:постановление|решение) вступает в силу (.+)$")
_INITIALS_NAME = re.compile(r"^[А-ЯЁ]\.[А-ЯЁ]\. ?[А-ЯЁ][а-яё-]+$")
_REGISTERED = re.compile(
    r"^Зарегистрировано в Национальном реестре правовых актов Республики Беларусь "
    r"(?:(\d{1,2} \w+ \d{4} г\.|\d{2}\.\d{2}\.\d{4}) )?(?:№|N) ?(\d+/\d+)$"
)
_AMENDMENTS = "Изменения и дополнения:"
_AMENDING = re.compile(
    r"^(.+? от (\d{1,2} \w+ \d{4} г\.) (?:№|N) ?([^\s(;]+))"
    r"(?: \(зарегистрировано в Национальном реестре [-–] (?:№|N) ?(\d+/\d+) от [\d.]+ г\.\))?"
    r"(?: <\w+>)?[;.]?$"
)
# A publisher's header above the act: ЭТАЛОН-online's service lines, pravo.by's.
_WRAPPER = re.compile(
    r"ЭТАЛОН|etalonline|pravo\.by|Национальный центр правовой информации|"
    r"^Документ предоставлен|^Дата (?:сохранения|редакции|актуализации)|^Текст документа|"
    r"^Официальная публикация|^Информационно-поисковая система",
    re.IGNORECASE,
)


def heading_body(text: str) -> StateBody | None:
    """The issuer an act heading names: «ПОСТАНОВЛЕНИЕ МИНИСТЕРСТВА …» → the ministry."""
    for word in ("ПОСТАНОВЛЕНИЕ ", "РЕШЕНИЕ "):
        if text.startswith(word):
            body = body_by_genitive(text.removeprefix(word))
            if body is not None and body.act_word[0] == word.strip():
                return body
    return None


def is_wrapper(text: str) -> bool:
    """A line of a publisher's header (ЭТАЛОН-online, pravo.by) or the register entry."""
    return bool(_WRAPPER.search(text) or _REGISTERED.match(text))


class ActHead:
    """The act up to its first «УТВЕРЖДЕНО», read paragraph by paragraph, in order."""

    def __init__(self, source: Source, paragraphs: Sequence[Paragraph]) -> None:
        self.source = source
        self.cells = [p for p in paragraphs if not p.is_empty]
        self.end_line = paragraphs[-1].line_end if paragraphs else 1
        self.at = 0
        self.registration: Registration | None = None
        self.wrapper: list[str] = []
        self._wrapper()
        heading = self._take(
            "the act's heading «ПОСТАНОВЛЕНИЕ <a state body in the genitive>» (a ministry, a state "
            "committee, the Council of Ministers) or «РЕШЕНИЕ <executive committee>»",
            lambda t: heading_body(t) is not None,
        )
        body = heading_body(heading.text)
        assert body is not None
        self.body = body
        self.heading = heading
        dated = self._take("the date and number «19 мая 2023 г. № 102»", _DATE_NUMBER.match)
        match = _DATE_NUMBER.match(dated.text)
        assert match is not None
        found = word_date(match[1])
        if found is None:
            raise source.error(dated.line_start, "a date «19 мая 2023 г.»", quote(dated.text))
        self.date, self.number = found, match[2]
        self._registration()
        self.title = self._take(
            "the title", lambda t: not t.startswith("На основании") and t != _AMENDMENTS
        ).text
        self.amendments = self._amendments()
        self.basis = self._basis()
        self.approved = self._approved()
        self.unified_list = self._unified_list()
        self.repealed = self._repealed()
        self.entry_into_force = self._entry_into_force()
        self.signatory = self._signatory()
        self.agreed_with = self._agreed_with()

    def _peek(self) -> Paragraph | None:
        return self.cells[self.at] if self.at < len(self.cells) else None

    def _take(self, expected: str, test: Callable[[str], object]) -> Paragraph:
        paragraph = self._peek()
        if paragraph is None or not test(paragraph.text):
            raise self.source.error_at(paragraph, expected, self.end_line)
        self.at += 1
        return paragraph

    def _wrapper(self) -> None:
        while (paragraph := self._peek()) is not None and heading_body(paragraph.text) is None:
            if _REGISTERED.match(paragraph.text):
                self._registration()
            elif _WRAPPER.search(paragraph.text):
                self.wrapper.append(paragraph.text)
                self.at += 1
            else:
                return

    def _registration(self) -> None:
        paragraph = self._peek()
        match = _REGISTERED.match(paragraph.text) if paragraph is not None else None
        if paragraph is None or match is None:
            return
        when = (word_date(match[1]) or numeric_date(match[1])) if match[1] else None
        found = Registration(match[2], when, self.source.span_of(paragraph))
        if self.registration is not None and self.registration.number != found.number:
            raise self.source.error(
                paragraph.line_start,
                f"the register number {self.registration.number} given at line "
                f"{self.registration.span.line_start}",
                found.number,
            )
        self.registration = self.registration or found
        self.at += 1

    def _amendments(self) -> tuple[AmendingAct, ...]:
        paragraph = self._peek()
        if paragraph is None or paragraph.text != _AMENDMENTS:
            return ()
        self.at += 1
        found: list[AmendingAct] = []
        while (entry := self._peek()) is not None and not _BASIS.match(entry.text):
            match = _AMENDING.match(entry.text)
            when = word_date(match[2]) if match is not None else None
            if match is None or when is None:
                raise self.source.error_at(
                    entry,
                    "an amending act «Постановление … от 5 января 2024 г. № 3 (зарегистрировано в "
                    "Национальном реестре - № 8/41111 от 10.01.2024 г.);» or the preamble",
                    self.end_line,
                )
            span = self.source.span_of(entry)
            found.append(AmendingAct(match[1], when, match[3], match[4], span))
            self.at += 1
        if not found:
            raise self.source.error_at(entry, "the acts under «Изменения и дополнения:»", 0)
        return tuple(found)

    def _basis(self) -> tuple[LegalReference, ...]:
        decides = self.body.decides
        paragraph = self._take(
            f"the preamble «На основании …, {self.body.nominative} {decides}»",
            lambda t: (
                (m := _BASIS.match(t)) is not None
                and body_by_nominative(m[2]) == self.body
                and f"{m[3]}:" == decides
            ),
        )
        match = _BASIS.match(paragraph.text)
        assert match is not None
        span = self.source.span_of(paragraph)
        found: list[LegalReference] = []
        at = 0
        for part in _BASIS_SPLIT.split(match[1]):
            start, at = locate(span.text, part, at)
            found.append(LegalReference(part, span, start))
        return tuple(found)

    def _approved(self) -> tuple[ApprovedRegulation, ...]:
        paragraph = self._peek()
        one = _APPROVED_ONE.match(paragraph.text) if paragraph is not None else None
        if paragraph is not None and one is not None:
            # «1. Утвердить Регламент … (прилагается).»: a resolution approving one regulation.
            item = _APPROVED_ITEM.match(one[1])
            if item is None:
                raise self.source.error_at(
                    paragraph, "«1. Утвердить Регламент … (прилагается).»", 0
                )
            self.at += 1
            return (ApprovedRegulation(item[2], item[3], self.source.span_of(paragraph)),)
        self._take("point «1. Утвердить:»", lambda t: t == "1. Утвердить:")
        found: list[ApprovedRegulation] = []
        while (paragraph := self._peek()) is not None and not is_separator(paragraph):
            match = _APPROVED_ITEM.match(paragraph.text)
            if match is None:
                raise self.source.error_at(
                    paragraph, "«Регламент административной процедуры … (прилагается);»", 0
                )
            found.append(ApprovedRegulation(match[2], match[3], self.source.span_of(paragraph)))
            self.at += 1
        if not found:
            raise self.source.error_at(paragraph, "the regulations point 1 approves", self.end_line)
        return tuple(found)

    def _unified_list(self) -> UnifiedListReference | None:
        following = self._peek()
        if following is None or not SEPARATOR.match(following.text):
            return None  # an act without the footnote on the unified list
        self._take("the footnote line «______»", SEPARATOR.match)
        paragraph = self._take("footnote 1 on the unified list", lambda t: t.startswith("1 "))
        marker, text = parse_footnote(self.source, paragraph)
        match = _UNIFIED_LIST.search(text)
        reference = word_date(match[1]) if match else None
        if match is None or reference is None:
            raise self.source.error_at(
                paragraph, "the unified list «утвержденного постановлением Совета Министров …»", 0
            )
        span = self.source.span_of(paragraph)
        return UnifiedListReference(
            match[1], reference, match[2], Footnote(marker, text, span), span
        )

    def _repealed(self) -> tuple[RepealedAct, ...]:
        paragraph = self._peek()
        match = _REPEAL.match(paragraph.text) if paragraph is not None else None
        if paragraph is None or match is None:
            return ()
        self.at += 1
        text = strip_list_end(match[1])
        number = _ACT_NUMBER.search(text)
        when = word_date(text)
        if number is None or when is None:
            raise self.source.error_at(paragraph, "a repealed act «… от D M YYYY г. № N «…»»", 0)
        return (RepealedAct(text, when, number[1], number[2], self.source.span_of(paragraph)),)

    def _entry_into_force(self) -> date:
        paragraph = self._take("«N. Настоящее постановление вступает в силу с …»", _IN_FORCE.match)
        when = word_date(paragraph.text)
        if when is None:
            raise self.source.error_at(paragraph, "a date of entry into force", 0)
        return when

    def _signatory(self) -> Signatory:
        position = self._take("the signatory's position «Министр»", lambda t: bool(t))
        name = self._take("the signatory's name «И.В.Кубраков»", _INITIALS_NAME.match)
        lines = [line for line in position.lines if line]
        return Signatory(
            position=lines[0],
            rank=" ".join(lines[1:]) or None,
            name=name.text,
            span=self.source.span_of(position, name),
        )

    def _agreed_with(self) -> tuple[AgreedBody, ...]:
        if self._peek() is None:
            return ()
        self._take("«СОГЛАСОВАНО»", lambda t: t == "СОГЛАСОВАНО")
        bodies = [AgreedBody(p.text, self.source.span_of(p)) for p in self.cells[self.at :]]
        if not bodies:
            raise self.source.error(self.end_line, "the bodies under «СОГЛАСОВАНО»", "none")
        return tuple(bodies)
