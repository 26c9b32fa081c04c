"""Application forms given in an annex to a regulation («Приложение … Форма … ЗАЯВЛЕНИЕ …»).

A form is text with blanks (runs of «_») and, under a blank, a hint in parentheses that may run over
several lines, with more blanks between them. A field is a blank with the text before it on its line
(its label) and the hint under it; the hint's lines are gathered by balancing parentheses. A
sentence the applicant signs as told of a term («Уведомлен о получении … не позднее 10 дней со дня
подачи заявления.») is the term the form promises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from importers.base import Span
from importers.morphology import nominative
from importers.regulation_records import ApplicationForm, FormField, PromisedTerm, TermUnit
from importers.regulation_text import Paragraph, Source, quote

_PROCEDURE = re.compile(r"по подпункту (\d+(?:\.\d+)+)")
_TERM = re.compile(
    r"^(?:Уведомлен|Проинформирован|Ознакомлен)\w* об? (?P<what>.+?) "
    r"(?P<bound>не позднее|не позже|в течение|в срок не более) (?P<amount>\d+) "
    r"(?P<unit>(?:рабочих |календарных )?(?:дн(?:я|ей|ь)|месяц(?:а|ев)?))"
    r"(?: (?P<from>(?:со|с) дня .+?|после .+?))?\.?$"
)
_BLANK = re.compile(r"_{3,}")


@dataclass(slots=True)
class _Field:
    label: str
    first: Paragraph
    last: Paragraph
    hint: list[str] = field(default_factory=list)
    hinted: bool = False


def read_application_form(
    source: Source, paragraphs: Sequence[Paragraph], procedure_number: str
) -> ApplicationForm:
    """The annex starting at `paragraphs[0]` («Приложение»); it must be for `procedure_number`."""
    cells = [p for p in paragraphs if not p.is_empty]
    end_line = paragraphs[-1].line_end
    if len(cells) < 4 or not cells[1].text.startswith("к Регламенту"):
        raise source.error_at(
            cells[1] if len(cells) > 1 else None, "«к Регламенту …» under «Приложение»", end_line
        )
    match = _PROCEDURE.search(cells[1].text)
    if match is None or match[1] != procedure_number:
        raise source.error(
            cells[1].line_start,
            f"an annex to the regulation of procedure {procedure_number}",
            quote(cells[1].text),
        )
    if cells[2].text != "Форма":
        raise source.error_at(cells[2], "«Форма»", end_line)
    title_index = next((i for i, p in enumerate(cells) if p.text.startswith("ЗАЯВЛЕНИЕ")), None)
    if title_index is None:
        raise source.error(cells[2].line_start, "the form's title «ЗАЯВЛЕНИЕ …»", "none")
    addressee = " ".join(p.text for p in cells[3:title_index]) or None
    title = cells[title_index]
    return ApplicationForm(
        procedure_number=procedure_number,
        title=title.text,
        addressee_hint=_unwrap(addressee) if addressee else None,
        fields=tuple(_fields(source, cells[title_index + 1 :])),
        span=source.span_of(cells[0], cells[-1]),
        terms=tuple(
            term
            for p in cells[title_index + 1 :]
            if (term := _term(p.text, source.span_of(p))) is not None
        ),
    )


def _term(text: str, span: Span) -> PromisedTerm | None:
    """The term a sentence of the form tells the applicant of: «Уведомлен о получении … не
    позднее 10 дней со дня подачи заявления.» Only what the applicant signs as told is a promise
    (an undertaking «Обязуюсь … в течение 3 дней» is the applicant's, not the authority's)."""
    match = _TERM.match(text)
    if match is None:
        return None
    words = match["unit"]
    unit = TermUnit.MONTHS if "месяц" in words else TermUnit.DAYS
    if words.startswith("рабочих"):
        unit = TermUnit.WORKING_DAYS
    return PromisedTerm(
        text=text,
        what=nominative(match["what"], "loct"),
        bound=match["bound"],
        amount=int(match["amount"]),
        unit=unit,
        counted_from=match["from"],
        span=span,
    )


def _fields(source: Source, cells: Sequence[Paragraph]) -> list[FormField]:
    fields: list[_Field] = []
    # Bare blanks (no words on their line) waiting for their hints: in the signature block two
    # blanks stand side by side and their hints («(подпись)», «(инициалы, фамилия)») follow in the
    # same order. A hint right under a labelled blank is that blank's own.
    bare: list[_Field] = []
    above: _Field | None = None  # the field the previous paragraph belongs to
    hint_of: _Field | None = None
    depth = 0
    for paragraph in cells:
        text = paragraph.text
        is_bare = not _BLANK.sub("", text).strip(" .")
        if depth > 0 and hint_of is not None:
            # Inside a hint: its text continues; bare blank lines between its lines belong to it.
            hint_of.last = paragraph
            if not is_bare:
                hint_of.hint.append(text)
                depth += text.count("(") - text.count(")")
            continue
        if text.startswith("(") and ((above is not None and above.label) or bare):
            hint_of = above if above is not None and above.label else bare.pop(0)
            hint_of.hinted = True
            hint_of.hint.append(text)
            hint_of.last = paragraph
            depth = text.count("(") - text.count(")")
            above = None
            continue
        if is_bare and above is not None and above.label and not above.hinted:
            # A bare blank right under a labelled one continues it onto the next line.
            above.last = paragraph
            continue
        if _BLANK.search(text):
            above = _Field(_label(text), paragraph, paragraph)
            fields.append(above)
            if is_bare:
                bare.append(above)
            continue
        # Static text of the form («Обязуюсь …», «Сведения, изложенные в заявлении, достоверны.»).
        above = None
    return [
        FormField(
            label=f.label,
            hint=_unwrap(" ".join(f.hint)) if f.hint else None,
            span=source.span_of(f.first, f.last),
        )
        for f in fields
    ]


def _label(text: str) -> str:
    """The words around a blank, the blank shown as «…»: «Наниматель Республики Беларусь»."""
    label = " ".join(_BLANK.sub("…", text).split())
    return label.rstrip(" .…").rstrip()


def _unwrap(hint: str) -> str:
    return hint[1:-1] if hint.startswith("(") and hint.endswith(")") else hint
