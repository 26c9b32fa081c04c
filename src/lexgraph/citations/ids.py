"""Canonical identifiers for acts, provisions and approved annexes.

The rest of the project stores these ids in the graph, so they are stable, ASCII and lowercase.

Act id (ELI-like)
    ``by/{kind}/{yyyy-mm-dd}/{number}`` with kind one of ``law``, ``edict``, ``decree``,
    ``directive``, ``cm_resolution`` (Council of Ministers) and ``declaration``. Acts of other
    bodies name their issuer(s) before the date, joint ones joined by ``+``: kinds
    ``resolution`` (постановление of a ministry, state committee, the National Bank, the Plenum
    of the Supreme Court), ``decision`` (решение of a local council or executive committee, the
    Constitutional Court), ``order`` (приказ) and ``disposal`` (распоряжение):
    ``by/resolution/mvd/2023-05-19/102``, ``by/resolution/mvd+minobr/2021-02-26/57-26``,
    ``by/decision/minskiy_gorispolkom/1998-05-11/474``. Ministry slugs come from
    :data:`~lexgraph.citations.acts.MINISTRIES`, other bodies from
    :data:`~lexgraph.citations.acts.STATE_BODIES`; a local body is its place (the adjective in
    its dictionary form, transliterated) and its kind (``minskiy_gorispolkom``,
    ``voronovskiy_raysovet``); an unknown ministry is transliterated (``min_`` + the words
    after «Министерства»); any other body the tables do not name gives no id, never a second
    one made of its words. Numbers are transliterated and ``/`` becomes ``-``: «433-З» →
    ``433-z``, «57/26» → ``57-26``; Roman numerals stay Latin («1327-XII» → ``1327-xii``).
    Codes are cited by title and get ``by/code/{slug}``: ``by/code/tax`` (Налоговый кодекс);
    the Constitution is ``by/constitution``. An act without date or number (and not a code)
    gets no id of its own: it must be resolved against known acts.

Jurisdiction
    The first segment is the jurisdiction: ``by`` for Belarus, ``ru`` (Russia), ``kz``,
    ``ua``, ``eaeu`` (the Eurasian Economic Union), ``cu`` (the Customs Union). Foreign codes
    and laws get ids in the same shape (``ru/code/criminal``, ``ru/law/1999-07-09/154-fz``);
    other foreign acts and treaties are left unresolved.

Unit eId (Akoma Ntoso style)
    One segment per unit, largest first, joined by ``__``; a segment is ``{type}_{number}``
    with the glossary names ``art`` (статья), ``point`` (пункт), ``subpoint`` (подпункт),
    ``part`` (часть), ``para`` (абзац), ``annex`` (приложение). Parts and paragraphs, counted
    in words in the text, get figures: ``art_287__point_6__part_1``,
    ``point_1__subpoint_1.1__part_1__para_3``. The segments follow the text, larger units
    last in it: «пункта 3 части 1 статьи 7.2» → ``art_7.2__part_1__point_3``. An article with a
    superscript number (23¹, written «23-1» or «23¹») is ``art_23-1``. Chapters (``chapter``),
    sections (``section``) and the general and special parts of a code (``general_part``,
    ``special_part``) are units of their own, but an article within them keeps its plain eId,
    since articles are numbered through the whole act. An unnumbered annex is ``annex``.

Approved annexes
    Units of an approved annex (Положение, Правила, Инструкция, Регламент) start with a segment
    ``{annex kind}_{slug}``, kind one of ``regulation``, ``rules``, ``instruction``,
    ``procedure_regulation``. The slug is taken from :data:`~lexgraph.citations.acts.ANNEX_SLUGS`
    when the annex is well known («Визовые правила» → ``rules_visa``), otherwise it is the first
    four words of the title after the head word, without prepositions, conjunctions and
    «Республики Беларусь», transliterated and joined by ``_``: «Положение о порядке
    представления и перечнях документов …» → ``regulation_poryadke_predstavleniya_perechnyakh_
    dokumentov``. These words follow a preposition, so they keep their form whatever the case of
    the head word, and the slug stays the same in every mention. A leading adjective («Визовых
    правил») is taken in its dictionary form.

Provision id
    ``{act_id}#{eId}``, e.g. ``by/code/tax#art_287__point_6__part_1``.
"""

from __future__ import annotations

import datetime
import re

from .acts import (
    ANNEX_SLUGS,
    COUNCIL_OF_MINISTERS,
    ISSUED_KINDS,
    LOCAL_BODIES,
    LOCAL_COMPACT,
    LOCAL_LEVELS,
    MINISTRIES,
    SLUG_STOPWORDS,
    STATE_BODIES,
)
from .normalize import collapse
from .ordinals import lemma

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ў": "u",
    }
)  # fmt: skip

_MINISTRY_BY_NAME = {name: slug for slug, name, _ in MINISTRIES}
#: The other bodies by their genitive words (lowercase, without «Республики Беларусь»), from the
#: table the grammar reads them with, so that both give a body the same slug.
_BODY_BY_NAME = {collapse(words).lower(): slug for slug, words, _ in STATE_BODIES} | {
    collapse(COUNCIL_OF_MINISTERS.replace("Республики Беларусь", "")).lower(): "cm"
}
#: Local councils and executive committees by the words after the place: «горисполкома»,
#: «районного совета депутатов» → ``gorispolkom``, ``raysovet``.
_LOCAL_BODY_BY_WORDS = {(word,): body for word, body in LOCAL_COMPACT.items()} | {
    (level, *words): slug + body
    for level, slug in LOCAL_LEVELS.items()
    for words, body in LOCAL_BODIES.items()
}


def transliterate(text: str) -> str:
    """Lowercase ASCII transliteration; anything other than ``[a-z0-9.-]`` becomes ``_``."""
    latin = text.lower().translate(_TRANSLIT)
    return re.sub(r"[^a-z0-9.\-]+", "_", latin).strip("_")


_ROMAN = re.compile(r"(?<=-)[XIVХІ]+$")


def number_slug(number: str) -> str:
    """«433-З» → ``433-z``; «57/26» → ``57-26``; «1327-XII» (Latin or Cyrillic) → ``1327-xii``."""
    number = _ROMAN.sub(lambda m: m[0].replace("Х", "X").replace("І", "I"), number)
    return transliterate(number.replace("/", "-"))


def ministry_slug(issuer: str) -> str:
    """Slug of a ministry given by its genitive name («Министерства внутренних дел …» → mvd);
    a ministry the table does not know is ``min_`` and its words transliterated."""
    words = collapse(issuer).replace("Республики Беларусь", "").split()
    tail = " ".join(words[1:])
    return _MINISTRY_BY_NAME.get(tail.lower(), "min_" + transliterate(tail))


def issuer_slug(issuer: str) -> str | None:
    """Slug of a body given by its genitive name, the one the grammar gives it: a ministry
    (:func:`ministry_slug`), a body of :data:`~lexgraph.citations.acts.STATE_BODIES`
    («Государственного комитета по стандартизации» → ``gosstandart``), the Council of Ministers
    (``cm``), a local council or executive committee («Минского городского исполнительного
    комитета» → ``minskiy_gorispolkom``). None for any other body: its words transliterated would
    be a second id beside the one the grammar gives it once the table knows it."""
    name = collapse(issuer).replace("Республики Беларусь", "").strip()
    if name.lower().startswith("министерств"):
        return ministry_slug(name)
    return _BODY_BY_NAME.get(name.lower()) or _local_slug(name.lower().split())


def _local_slug(words: list[str]) -> str | None:
    """«минского горисполкома», «вороновского районного совета депутатов» → the place's
    adjective in its dictionary form and the body, as `issuers.IssuerReader` reads them."""
    body = _LOCAL_BODY_BY_WORDS.get(tuple(words[1:]))
    if body is None or not words[0].endswith("ого"):
        return None
    return f"{transliterate(place_lemma(words[0]))}_{body}"


def place_lemma(adjective: str) -> str:
    """The dictionary form of a place adjective: «Жодинского» → «жодинский» (by its ending, as
    pymorphy3 does not know every small town)."""
    adjective = adjective.lower()
    if adjective.endswith(("ского", "цкого")):
        return adjective[:-3] + "ий"
    return lemma(adjective)


def act_id(
    kind: str | None,
    *,
    date: datetime.date | None = None,
    number: str | None = None,
    issuers: tuple[str, ...] = (),
    code: str | None = None,
    issuer_slugs: tuple[str, ...] = (),
    jurisdiction: str = "by",
) -> str | None:
    """The act id, or ``None`` if the given details do not identify the act on their own (no
    date or number, or an issuer :func:`issuer_slug` does not know)."""
    if kind == "constitution":
        return f"{jurisdiction}/constitution"
    if kind == "code" and code:
        return f"{jurisdiction}/code/{code}"
    if kind is None or kind in ("code", "treaty") or date is None or not number:
        return None
    if jurisdiction != "by" and kind != "law":
        return None
    stem = f"{jurisdiction}/{kind}"
    if kind in ISSUED_KINDS:
        slugs = issuer_slugs or _slugs(issuers)
        if not slugs:
            return None
        stem += "/" + "+".join(slugs)
    return f"{stem}/{date.isoformat()}/{number_slug(number)}"


def _slugs(issuers: tuple[str, ...]) -> tuple[str, ...]:
    """The issuers' slugs; none at all if one of them is a body the tables do not know: no id
    rather than a second one."""
    found = [issuer_slug(i) for i in issuers]
    return () if None in found else tuple(s for s in found if s is not None)


def annex_slug(kind: str, adjective_lemma: str | None, tail: str) -> str:
    """The slug part of an annex segment (without the ``{kind}_`` prefix)."""
    if adjective_lemma and (kind, adjective_lemma) in ANNEX_SLUGS:
        return ANNEX_SLUGS[(kind, adjective_lemma)]
    words = list(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", tail.lower()))
    content = [w for w in words if w not in SLUG_STOPWORDS][:4]
    if adjective_lemma:
        content = [adjective_lemma, *content][:4]
    return transliterate("_".join(content)) or "untitled"


def segment(unit: str, number: str) -> str:
    """One eId segment: ("art", "287") → ``art_287``; an unnumbered unit is its name alone."""
    return f"{unit}_{number}" if number else unit


def e_id(path: tuple[tuple[str, str], ...]) -> str:
    """eId of a unit path given largest first."""
    return "__".join(segment(unit, number) for unit, number in path)


def ancestor_e_ids(path: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """eIds of every proper ancestor of a unit path, largest first."""
    return tuple(e_id(path[:i]) for i in range(1, len(path)))


def provision_id(act: str | None, eid: str) -> str | None:
    """``{act_id}#{eId}``, or ``None`` when the act is not resolved."""
    return f"{act}#{eid}" if act else None
