"""An amending act read into instructions: what to change, where, and into what.

Belarusian acts change by amending acts («О внесении изменений в постановление …»), whose points
say what to change where, in a fixed drafting style:

    1. Внести в постановление Министерства внутренних дел Республики Беларусь от 19 мая 2023 г.
       № 102 «…» следующие изменения:
    1.1. в Регламенте административной процедуры, …, по подпункту 15.4.1 «…», утвержденном этим
         постановлением:
    в пункте 4 слова «5 базовых величин» заменить словами «7 базовых величин»;
    в пункте 2:
    в графе «Требования, …» слова «…» заменить словами «…»;
    позицию «копия паспорта …» исключить;
    пункт 5 изложить в следующей редакции:
    «5. …»;
    дополнить пункт 1 подпунктом 1.4 следующего содержания:
    «1.4. …»;

A paragraph ending in «:» with no operation opens a scope (a regulation, a unit, a column of its
table); the paragraphs after it are read inside it until one names a unit that cannot lie inside
it (a unit of the same or a larger rank: «в пункте 4» after «в пункте 2:»), or a numbered point
of the amending act starts again from its own parent's scope. Units are read by the citation
grammar (`lexgraph.citations.parse_units`), the one way references to units are read.

Parsing is pure: text in, an `Amendment` of `Instruction`s out. An instruction the reader cannot
read is kept with its `problem` (it is then refused, never guessed); a text that is not an
amending act at all is a `DocumentError`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from importers.acts import heading_body
from importers.base import NBSP, DocumentError, SourceDocument, Span, clean
from importers.regulation_text import word_date
from lexgraph.citations import act_id, parse_citations, parse_units

__all__ = [
    "Amendment",
    "Instruction",
    "Kind",
    "Target",
    "looks_like_amendment",
    "parse_amendment",
    "unit_words",
]

UnitPath = tuple[tuple[str, str], ...]


class Kind(StrEnum):
    """What an instruction does (the effect's kind)."""

    REPLACE_WORDS = "replace_words"
    """«слова «A» заменить словами «B»»"""
    DELETE_WORDS = "delete_words"
    """«слова «A» исключить»"""
    ADD_WORDS = "add_words"
    """«после слов «A» дополнить словами «B»», «слова «A» дополнить словами «B»»"""
    RESTATE = "restate"
    """«пункт 7 изложить в следующей редакции: «…»»; «… в новой редакции (прилагается)»"""
    INSERT = "insert"
    """«дополнить пункт 1 подпунктом 1.4 следующего содержания: «…»»"""
    DELETE = "delete"
    """«подпункт 1.3.7 исключить», «позицию «…» исключить»"""
    RENUMBER = "renumber"
    """«абзац третий считать абзацем четвертым»"""
    REPEAL = "repeal"
    """«признать утратившим силу …»"""


@dataclass(frozen=True, slots=True)
class Target:
    """Where an instruction acts, inside the amended act.

    `regulation` is the procedure number of the approved regulation («по подпункту 15.4.1»), or
    None for the act's own text; `path` the unit inside it (largest first, as the citation
    grammar gives it: (("point", "2"), ("subpoint", "2.1"))); `column` a column of the unit's
    table («в графе «…»»), `row` a row of it by the start of its first cell («позицию «…»»).
    """

    regulation: str | None = None
    path: UnitPath = ()
    column: str | None = None
    row: str | None = None

    def within(self, other: Target) -> Target:
        """This target read inside `other` (a scope): its units after the scope's."""
        return Target(
            self.regulation or other.regulation,
            (*other.path, *self.path) if self.regulation is None else self.path,
            self.column or (other.column if not self.path else None),
            self.row or (other.row if not self.path else None),
        )

    def describe(self) -> str:
        parts = [unit_words(self.path)] if self.path else []
        if self.row:
            parts.insert(0, f"позиция «{self.row}»")
        if self.column:
            parts.insert(0, f"графа «{self.column}»")
        if self.regulation:
            parts.append(f"регламента по подпункту {self.regulation}")
        return " ".join(parts) or "акт"


_UNIT_NAMES = {
    "annex": "приложение",
    "point": "пункт",
    "subpoint": "подпункт",
    "part": "часть",
    "para": "абзац",
}
_RANKS = {"annex": 0, "point": 1, "subpoint": 2, "part": 3, "para": 4}


def unit_words(path: UnitPath) -> str:
    """A unit path in words, smallest first: «подпункт 1.2 пункт 1» style kept short."""
    return " ".join(f"{_UNIT_NAMES.get(kind, kind)} {number}" for kind, number in reversed(path))


@dataclass(frozen=True, slots=True)
class Instruction:
    """One change an amending act orders.

    `source` is the amending act's unit it stands in («1.2» and the paragraph, «1.2 абз. 3»);
    `old` the words to find; `new` the new words or the new text (paragraphs joined by blank
    lines, as the flattened text writes them); `unit` the unit an insertion adds or a renumbering
    gives (its path inside `target`'s container); `after` the unit an insertion follows when the
    instruction says so («после абзаца второго»). `problem` says why the instruction could not be
    read; such an instruction is refused.
    """

    source: str
    kind: Kind
    target: Target
    text: str
    span: Span
    old: str | None = None
    new: str | None = None
    unit: UnitPath = ()
    after: UnitPath = ()
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Amendment:
    """An amending act: its heading, date, number, title, the act it amends and its instructions.

    `amended_act_id` is the amended act's id as the citation grammar resolves it; `effective` the
    day the changes take effect when the act says it («вступает в силу с 1 марта 2024 г.»), else
    None with `effective_text` saying what it says («после его официального опубликования»).
    """

    issuer: str
    date: dt.date
    number: str
    title: str
    amended: str
    amended_act_id: str | None
    effective: dt.date | None
    effective_text: str
    instructions: tuple[Instruction, ...]
    span: Span
    act_id: str | None = None

    def unit(self, source: str) -> tuple[Instruction, ...]:
        """The instructions of one unit of the amending act, e.g. "1.2"."""
        return tuple(i for i in self.instructions if i.source.split(" ")[0] == source)


@dataclass(slots=True)
class _Paragraph:
    line_start: int
    line_end: int
    text: str
    raw: list[str] = field(default_factory=list)


_AMEND_TITLE = re.compile(r"^О внесении (?:изменени|дополнени)", re.IGNORECASE)
_DATE_NUMBER = re.compile(r"^(\d{1,2} \w+ \d{4} г\.) (?:№|N) ?(\S+)$")
_DECREES = ("ПОСТАНОВЛЯЕТ:", "РЕШИЛ:")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.\s*")
_INTRO = re.compile(r"^Внести (?:в (.+?) )?(?:следующ\w+ )?(?:изменени\w*|дополнени\w*)", re.I)
_INTRO_TAIL = re.compile(r"(?:следующ\w+ )?(?:изменени\w*|дополнени\w*)(?: и \w+)?:?$")
_IN_FORCE = re.compile(r"^Настоящ\w+ (?:постановление|решение) вступает в силу (.+)$")
_OF_REGULATION = re.compile(r"^к (?:этому|настоящему|указанному) [Рр]егламенту\s*")
_REGULATION = re.compile(r"^(?:в )?[Рр]егламент\w*\b")
_PROCEDURE = re.compile(r"по подпункту\d? (\d+(?:\.\d+)+)")
_APPROVED_BY = re.compile(
    r"^,?\s*утвержденн\w+ (?:этим|настоящим|указанным) постановлением,?\s*", re.IGNORECASE
)
_NEW_UNIT = re.compile(
    r"^(.*?)\s*((?:(?:под)?пункт(?:ом|ами)|абзац(?:ем|ами)|част(?:ью|ями)|приложени(?:ем|ями))"
    r"\b.*)$"
)
_BARE_UNIT = re.compile(r"^(?:пункт|подпункт|часть|абзац|приложение)$")
_COLUMN = re.compile(r"^в графе ")
_ROW = re.compile(r"^в позиции ")
_WORDS = r"(?:слов[ао]?|цифр[уы]?|знак\w*)"
_NEW_WORDS = r"(?:слов(?:ами|ом)|цифр(?:ами|ой)|знак\w*)"
_REPLACE = re.compile(rf"^{_WORDS} («.+») заменить {_NEW_WORDS} («.+»)$")
_DELETE_WORDS = re.compile(rf"^{_WORDS} («.+») исключить$")
_ADD_AFTER = re.compile(rf"^после {_WORDS} («.+») дополнить {_NEW_WORDS} («.+»)$")
_ADD_TO = re.compile(rf"^{_WORDS} («.+») дополнить {_NEW_WORDS} («.+»)$")
_RESTATE = re.compile(r"^изложить в (?:следующей|новой) редакции(.*)$")
_INSERT = re.compile(r"^(?:после (.+?) )?дополнить (.*?)следующего содержания:?$")
_NEW_ROW = re.compile(r"^(.*?)\s*позици(?:ей|ями)\s*$")
_ATTACHED = re.compile(r"^\s*\(прилага\w+\)\s*$")
_ROW_DELETE = re.compile(r"^позици[юи] («.+») исключить$")
_REPEAL = re.compile(r"^признать утратившими? силу (.+)$", re.IGNORECASE)
_CONSIDER = re.compile(r"^считать (?:соответственно )?(.+)$")
_CONTAINERS = re.compile(r"^(?:постановление|Регламент|регламент)\s*")


def looks_like_amendment(document: SourceDocument) -> bool:
    """Whether `document` is an amending act: a state body's heading and a title «О внесении
    изменений …»."""
    paragraphs = _paragraphs(document)[:6]
    return (
        bool(paragraphs)
        and heading_body(paragraphs[0].text) is not None
        and any(_AMEND_TITLE.match(p.text) for p in paragraphs)
    )


def parse_amendment(document: SourceDocument, *, amended_act_id: str | None = None) -> Amendment:
    """Read an amending act into its instructions; `DocumentError` if it is not one.

    `amended_act_id` overrides the amended act's id when the caller knows it (the grammar's id is
    used otherwise)."""
    paragraphs = _paragraphs(document)
    name = document.name
    if not paragraphs:
        raise DocumentError(name, None, "an amending act", "an empty text")
    heading = paragraphs[0]
    body = heading_body(heading.text)
    if body is None:
        raise DocumentError(
            name, heading.line_start, "«ПОСТАНОВЛЕНИЕ <issuer>» of a known body", heading.text
        )
    when = paragraphs[1] if len(paragraphs) > 1 else heading
    date_number = _DATE_NUMBER.match(when.text)
    day = word_date(when.text) if date_number else None
    if date_number is None or day is None:
        raise DocumentError(name, when.line_start, "«<day> <month> <year> г. № <N>»", when.text)
    title = paragraphs[2] if len(paragraphs) > 2 else when
    if not _AMEND_TITLE.match(title.text):
        raise DocumentError(name, title.line_start, "a title «О внесении изменений …»", title.text)
    decree = next((i for i, p in enumerate(paragraphs) if p.text.endswith(_DECREES)), None)
    if decree is None:
        raise DocumentError(name, None, "a preamble ending «ПОСТАНОВЛЯЕТ:»", "none")
    reader = _Reader(document)
    for paragraph in paragraphs[decree + 1 :]:
        if reader.done:
            break
        reader.read(paragraph)
    if reader.amended is None:
        raise DocumentError(name, None, "«Внести в … следующие изменения:»", "no such point")
    amended, amended_id = reader.amended
    last = paragraphs[-1]
    return Amendment(
        issuer=body.nominative,
        date=day,
        number=date_number[2],
        title=title.text,
        amended=amended,
        amended_act_id=amended_act_id or amended_id,
        effective=reader.effective,
        effective_text=reader.effective_text,
        instructions=tuple(reader.instructions),
        span=document.span(heading.line_start, last.line_end),
        act_id=act_id(body.act_kind, date=day, number=date_number[2], issuer_slugs=(body.slug,)),
    )


def _paragraphs(document: SourceDocument) -> list[_Paragraph]:
    """Paragraphs separated by blank lines; a quotation left open goes on over the blank lines
    until its closing quote (a new text of several paragraphs is one instruction's)."""
    found: list[_Paragraph] = []
    current: _Paragraph | None = None
    depth = 0
    for number, line in enumerate(document.lines, start=1):
        blank = not line.strip(" \t" + NBSP)
        if blank and depth <= 0:
            if current is not None:
                found.append(current)
                current = None
            continue
        if current is None:
            current = _Paragraph(number, number, "", [])
        current.line_end = number
        current.raw.append(line)
        depth += line.count("«") - line.count("»")
    if current is not None:
        found.append(current)
    for paragraph in found:
        while paragraph.raw and not paragraph.raw[-1].strip(" \t" + NBSP):
            paragraph.raw.pop()
        paragraph.text = clean(" ".join(paragraph.raw))
    return found


class _Reader:
    """Reads the amending points one paragraph at a time, keeping the scopes they open."""

    def __init__(self, document: SourceDocument) -> None:
        self.document = document
        self.amended: tuple[str, str | None] | None = None
        self.effective: dt.date | None = None
        self.effective_text = "not stated"
        self.instructions: list[Instruction] = []
        self.done = False
        self.scopes: list[Target] = [Target()]
        self.by_number: dict[str, list[Target]] = {"": [Target()]}
        self.number = ""
        self.count = 0
        self.pending: tuple[Kind, Target, UnitPath, UnitPath, str, _Paragraph] | None = None
        # Why the instruction waiting for its new text will be refused, once the text is read.
        self.pending_problem: str | None = None

    # -- one paragraph ---------------------------------------------------------------------
    def read(self, paragraph: _Paragraph) -> None:
        text = paragraph.text
        if self.pending is not None:
            self._new_text(paragraph)
            return
        match = _NUMBER.match(text)
        if match is not None:
            self.number = match[1]
            self.count = 0
            parent = self.number.rpartition(".")[0]
            self.scopes = list(self.by_number.get(parent, [Target()]))
            text = text[match.end() :]
        self.count += 1
        if text in ("", NBSP) or text.startswith("______"):
            return
        if self.amended is None or _INTRO.match(text):
            self._intro(text, paragraph)
            return
        in_force = _IN_FORCE.match(text)
        if in_force is not None:
            self.effective = word_date(in_force[1])
            self.effective_text = (
                in_force[1].rstrip(".") if not in_force[1].endswith(" г.") else in_force[1]
            )
            return
        if text in ("Министр",) or text.startswith(("Министр ", "СОГЛАСОВАНО")):
            self.done = True
            return
        self._instruction(text.rstrip(";").rstrip("."), paragraph)

    def _source(self) -> str:
        return f"{self.number} абз. {self.count}" if self.number else f"абз. {self.count}"

    def _intro(self, text: str, paragraph: _Paragraph) -> None:
        """«Внести в <act> следующие изменения:» (or «… в Регламент …, утвержденный …»)."""
        match = _INTRO.match(text)
        if match is None:
            raise DocumentError(
                self.document.name,
                paragraph.line_start,
                "«Внести в … следующие изменения:»",
                text[:120],
            )
        act_text = _INTRO_TAIL.sub("", text[len("Внести в ") :]).strip().rstrip(",")
        citations = [c for c in parse_citations(act_text) if c.kind == "act" and c.act_id]
        act_id = citations[0].act_id if citations else None
        self.amended = self.amended or (act_text, act_id)
        scope = Target()
        procedure = _PROCEDURE.search(act_text)
        if _REGULATION.match(act_text) and procedure is not None:
            scope = Target(regulation=procedure[1])
        self.scopes = [scope]
        self.by_number[self.number] = [scope]

    # -- instructions ----------------------------------------------------------------------
    def _instruction(self, text: str, paragraph: _Paragraph) -> None:
        span = self.document.span(paragraph.line_start, paragraph.line_end)
        repeal = _REPEAL.match(text)
        if repeal is not None:
            self._repeal(repeal[1], text, span)
            return
        located = _locate(text)
        if isinstance(located, str):
            self._add(Kind.REPLACE_WORDS, Target(), text, span, problem=located)
            return
        target, rest = located
        kept = self._kept(target)
        full = target.within(kept[-1])
        if rest in ("", ":"):
            # «в пункте 2:» — a scope for the paragraphs after it.
            self.scopes = [*kept, full]
            self.by_number[self.number] = list(self.scopes)
            return
        self._operation(full, rest, text, paragraph, span)

    def _operation(
        self, target: Target, rest: str, text: str, paragraph: _Paragraph, span: Span
    ) -> None:
        if (m := _REPLACE.match(rest)) is not None:
            old, new = _quoted_pair(m[1], m[2])
            self._add(Kind.REPLACE_WORDS, target, text, span, old=old, new=new)
        elif (m := _DELETE_WORDS.match(rest)) is not None:
            self._add(Kind.DELETE_WORDS, target, text, span, old=_unquote(m[1]))
        elif (m := _ADD_AFTER.match(rest) or _ADD_TO.match(rest)) is not None:
            old, new = _quoted_pair(m[1], m[2])
            self._add(Kind.ADD_WORDS, target, text, span, old=old, new=new)
        elif (m := _RESTATE.match(rest)) is not None:
            tail = m[1].strip()
            if _ATTACHED.match(tail):
                self._add(
                    Kind.RESTATE,
                    target,
                    text,
                    span,
                    problem="the new text is attached to the amending act (прилагается), "
                    "not given in the instruction",
                )
            elif not target.path and target.row is None and target.regulation is None:
                self._add(Kind.RESTATE, target, text, span, problem="no unit to restate")
            else:
                self._expect_text(Kind.RESTATE, target, (), (), text, paragraph)
        elif (m := _ROW_DELETE.match(rest)) is not None:
            self._add(
                Kind.DELETE, Target(target.regulation, target.path, row=_unquote(m[1])), text, span
            )
        elif rest == "исключить":
            if not target.path and target.row is None:
                self._add(Kind.DELETE, target, text, span, problem="no unit to delete")
            else:
                self._add(Kind.DELETE, target, text, span)
        elif (m := _CONSIDER.match(rest)) is not None:
            self._renumber(target, m[1], text, span)
        elif (m := _INSERT.match(rest)) is not None:
            self._insert(target, m[1], m[2], text, paragraph)
        else:
            self._add(Kind.REPLACE_WORDS, target, text, span, problem=_unread(rest))

    def _insert(
        self, target: Target, after: str | None, what: str, text: str, paragraph: _Paragraph
    ) -> None:
        """«дополнить пункт 1 подпунктом 1.4 следующего содержания:», «после абзаца второго
        дополнить пункт абзацем …», «дополнить Регламент пунктом 6 …»."""
        span = self.document.span(paragraph.line_start, paragraph.line_end)
        row = _NEW_ROW.match(_CONTAINERS.sub("", what).strip())
        if row is not None:
            self._new_row(target, after, row[1], text, paragraph)
            return
        split = _NEW_UNIT.match(_CONTAINERS.sub("", what).strip())
        if split is None:
            self._add(Kind.INSERT, target, text, span, problem=_unread(what))
            return
        container = target
        named = split[1].strip()
        if named and not _BARE_UNIT.match(named):
            found = parse_units(named)
            if found is None or len(found[0]) != 1:
                self._add(Kind.INSERT, target, text, span, problem=_unread(named))
                return
            named_target = Target(path=found[0][0])
            container = named_target.within(self._kept(named_target)[-1])
        new_unit = _new_unit(split[2])
        if new_unit is None:
            self._add(Kind.INSERT, container, text, span, problem=_unread(split[2]))
            return
        after_path: UnitPath = ()
        if after is not None:
            read = parse_units(after)
            if read is None or len(read[0]) != 1:
                self._add(Kind.INSERT, container, text, span, problem=_unread(after))
                return
            after_path = read[0][0]
        self._expect_text(Kind.INSERT, container, new_unit, after_path, text, paragraph)

    def _new_row(
        self, target: Target, after: str | None, named: str, text: str, paragraph: _Paragraph
    ) -> None:
        """«дополнить подпункт 2.1 позицией следующего содержания:», «после позиции «…»
        дополнить пункт 2 позицией …»: a new row of a regulation's table, read with its text and
        refused. An amending act gives a new row as a table of its own, whose cells (the
        document, its requirements, how it is submitted) its flattened text holds as paragraphs
        like any others: which paragraph is which cell cannot be told, and a row put together
        by guess would be a wrong fact."""
        container = target
        named = named.strip()
        if named and not _BARE_UNIT.match(named):
            found = parse_units(named)
            if found is not None and len(found[0]) == 1:
                named_target = Target(path=found[0][0])
                container = named_target.within(self._kept(named_target)[-1])
        if after is not None:
            quoted = _leading_quote(after.removeprefix("позиции").strip())
            if quoted is not None:
                container = Target(container.regulation, container.path, row=_unquote(quoted[0]))
        self.pending_problem = (
            "a new table row: the amending act gives its cells as a table, which its text does"
            " not keep apart from paragraphs; import the consolidated text instead"
        )
        self._expect_text(Kind.INSERT, container, (("row", ""),), (), text, paragraph)

    def _renumber(self, target: Target, into: str, text: str, span: Span) -> None:
        """«абзац третий считать абзацем четвертым»; «подпункты 1.3.2–1.3.4 считать
        соответственно подпунктами 1.3.1–1.3.3»: one instruction per unit, in order."""
        sources = _units_of(text)
        found = parse_units(into)
        if sources is None or found is None:
            self._add(Kind.RENUMBER, target, text, span, problem=_unread(into))
            return
        base = target.path[: len(target.path) - len(sources[0])]
        if len(sources) != len(found[0]):
            self._add(
                Kind.RENUMBER,
                target,
                text,
                span,
                problem=f"{len(sources)} units to renumber but {len(found[0])} new numbers",
            )
            return
        for old, new in zip(sources, found[0], strict=True):
            one = Target(target.regulation, (*base, *old), target.column)
            self._add(Kind.RENUMBER, one, text, span, unit=new)

    def _repeal(self, what: str, text: str, span: Span) -> None:
        """«Признать утратившим силу подпункт 1.3.7 пункта 1 Регламента … по подпункту …»."""
        found = parse_units(what)
        if found is None:
            self._add(Kind.REPEAL, Target(), text, span, problem="repeals a whole act")
            return
        procedure = _PROCEDURE.search(what[found[1] :])
        regulation = procedure[1] if procedure else self.scopes[-1].regulation
        for path in found[0]:
            self._add(Kind.REPEAL, Target(regulation, path), text, span)

    # -- new texts -------------------------------------------------------------------------
    def _expect_text(
        self,
        kind: Kind,
        target: Target,
        unit: UnitPath,
        after: UnitPath,
        text: str,
        paragraph: _Paragraph,
    ) -> None:
        raw = "\n".join(paragraph.raw)
        colon = raw.rfind(":")
        if colon >= 0 and "«" in raw[colon:]:
            # The new text in the same paragraph: «…: «1.4. …»;»
            self._emit_text(kind, target, unit, after, text, paragraph, raw[raw.find("«", colon) :])
            return
        self.pending = (kind, target, unit, after, text, paragraph)

    def _new_text(self, paragraph: _Paragraph) -> None:
        assert self.pending is not None
        kind, target, unit, after, text, head = self.pending
        self.pending = None

        if not paragraph.text.startswith("«"):
            self.pending_problem = None
            span = self.document.span(head.line_start, head.line_end)
            self._add(kind, target, text, span, problem="no new text in quotes after it")
            self.read(paragraph)
            return
        merged = _Paragraph(head.line_start, paragraph.line_end, head.text)
        self._emit_text(kind, target, unit, after, text, merged, "\n".join(paragraph.raw))

    def _emit_text(
        self,
        kind: Kind,
        target: Target,
        unit: UnitPath,
        after: UnitPath,
        text: str,
        paragraph: _Paragraph,
        raw: str,
    ) -> None:
        span = self.document.span(paragraph.line_start, paragraph.line_end)
        problem, self.pending_problem = self.pending_problem, None
        body = raw.strip().rstrip(";.").rstrip()
        if not (body.startswith("«") and body.endswith("»")):
            self._add(
                kind, target, text, span, problem=problem or "the new text is not closed by «»»"
            )
            return
        lines = body[1:-1].split("\n")
        self._add(
            kind,
            target,
            text,
            span,
            new="\n".join(lines).strip("\n"),
            unit=unit,
            after=after,
            problem=problem,
        )

    # -- scopes ----------------------------------------------------------------------------
    def _scope_for(self, target: Target) -> Target:
        """The scope `target` is read in: the innermost open one it can lie inside."""
        return self._kept(target)[-1] if self._kept(target) else Target()

    def _kept(self, target: Target) -> list[Target]:
        if target.regulation is not None:
            return [s for s in self.scopes if not s.path and s.regulation is None] or [Target()]
        kept = list(self.scopes)
        while len(kept) > 1 and not _fits(target, kept[-1]):
            kept.pop()
        return kept

    def _add(
        self,
        kind: Kind,
        target: Target,
        text: str,
        span: Span,
        *,
        old: str | None = None,
        new: str | None = None,
        unit: UnitPath = (),
        after: UnitPath = (),
        problem: str | None = None,
    ) -> None:
        self.instructions.append(
            Instruction(self._source(), kind, target, text, span, old, new, unit, after, problem)
        )


def _fits(target: Target, scope: Target) -> bool:
    """Whether `target` can lie inside `scope`: its first unit is smaller than the scope's last
    (a column or a row lies inside a unit; nothing lies inside a column but words)."""
    if scope.column is not None or scope.row is not None:
        return not target.path and target.column is None and target.row is None
    if not target.path:
        return True
    if not scope.path:
        return True
    outer = _RANKS.get(scope.path[-1][0], 9)
    inner = _RANKS.get(target.path[0][0], 9)
    return inner > outer


def _locate(text: str) -> tuple[Target, str] | str:
    """The target an instruction names at its start, and the rest (the operation)."""
    rest = text
    regulation: str | None = None
    path: UnitPath = ()
    column: str | None = None
    row: str | None = None
    for _ in range(4):
        if rest.startswith("в ") or rest.startswith("во "):
            inner = rest.split(" ", 1)[1]
            if _REGULATION.match(inner):
                found = _regulation(inner)
                if found is None:
                    return "a regulation named without «по подпункту N»"
                regulation, rest = found
                continue
            if _COLUMN.match(rest):
                quoted = _leading_quote(rest[len("в графе ") :])
                if quoted is None:
                    return "a column named without its header in quotes"
                column, rest = _unquote(quoted[0]), quoted[1]
                continue
            if _ROW.match(rest):
                quoted = _leading_quote(rest[len("в позиции ") :])
                if quoted is None:
                    return "a row named without its words in quotes"
                row, rest = _unquote(quoted[0]), quoted[1]
                continue
            units = parse_units(rest, 2)
            if units is None:
                break
            if len(units[0]) != 1:
                return "several units named where one is expected"
            path = units[0][0]
            rest = rest[units[1] :].lstrip(" ,")
            if _REGULATION.match(rest):
                found = _regulation(rest)
                if found is None:
                    return "a regulation named without «по подпункту N»"
                regulation, rest = found
            continue
        units = parse_units(rest)
        if units is not None and not path:
            after = _OF_REGULATION.sub("", rest[units[1] :].lstrip(" ,"))
            if _REGULATION.match(after) and (found := _regulation(after)) is not None:
                regulation, after = found
            if len(units[0]) == 1:
                return Target(regulation, units[0][0], column, row), after
            return Target(regulation, units[0][0], column, row), after
        break
    return Target(regulation, path, column, row), rest.lstrip(" ,")


def _units_of(text: str) -> list[UnitPath] | None:
    """The units a renumbering names before «считать»."""
    head = text.split(" считать", 1)[0]
    start = head.rfind(":") + 1
    head = head[start:].strip()
    for prefix in ("в ",):
        head = head.removeprefix(prefix)
    found = parse_units(head)
    return list(found[0]) if found is not None else None


def _regulation(text: str) -> tuple[str, str] | None:
    """«Регламенте административной процедуры, …, по подпункту 15.4.1 «…», утвержденном этим
    постановлением» → the procedure number and the text after the phrase."""
    procedure = _PROCEDURE.search(text)
    if procedure is None:
        return None
    rest = text[procedure.end() :].lstrip()
    quoted = _leading_quote(rest)
    if quoted is not None:
        rest = quoted[1]
    rest = _APPROVED_BY.sub("", rest)
    return procedure[1], rest.lstrip(" ,")


def _leading_quote(text: str) -> tuple[str, str] | None:
    """A quotation at the start of `text` (nested «» kept) and the text after it."""
    text = text.lstrip()
    if not text.startswith("«"):
        return None
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "«") - (char == "»")
        if depth == 0:
            return text[: index + 1], text[index + 1 :].lstrip()
    return None


def _unquote(quoted: str) -> str:
    quoted = quoted.strip()
    return quoted[1:-1] if quoted.startswith("«") and quoted.endswith("»") else quoted


def _quoted_pair(first: str, second: str) -> tuple[str, str]:
    """«A» and «B» of «слова «A» заменить словами «B»», where a greedy match may have split at an
    inner quote: re-read from the first quote."""
    whole = f"{first} {second}"
    lead = _leading_quote(whole)
    if lead is None:
        return _unquote(first), _unquote(second)
    after = re.sub(rf"^(?:заменить|дополнить) {_NEW_WORDS} ", "", lead[1])
    tail = _leading_quote(after)
    return _unquote(lead[0]), _unquote(tail[0] if tail else after)


def _new_unit(words: str) -> UnitPath | None:
    """The unit an insertion adds: «подпунктом 1.4», «пунктом 8¹», «абзацем» (the next one),
    «абзацем третьим»."""
    words = words.strip()
    if not words:
        return None
    found = parse_units(words)
    if found is not None and not words[found[1] :].strip():
        return found[0][0]  # «подпунктами 1.4 и 1.5»: placed as the first, the text holds both
    bare = {"абзацем": "para", "частью": "part", "пунктом": "point", "подпунктом": "subpoint"}
    kind = bare.get(words)
    return ((kind, ""),) if kind else None


def _unread(words: str) -> str:
    return f"an instruction not in the drafting forms read: «{words[:80]}»"
