"""Canonical identifiers for acts, provisions and approved annexes.

The rest of the project stores these ids in the graph, so they are stable, ASCII and lowercase.

Act id (ELI-like)
    ``by/{kind}/{yyyy-mm-dd}/{number}`` with kind one of ``law``, ``code``, ``edict``,
    ``decree``, ``directive``, ``cm_resolution`` (Council of Ministers) and ``resolution``
    (a ministry or state committee), ``decision`` (a local executive committee). A resolution or
    decision names its issuer(s) before the date, joint ones joined
    by ``+``: ``by/resolution/mvd/2023-05-19/102``, ``by/resolution/mvd+minobr/2021-02-26/57-26``.
    Ministry slugs come from :data:`~lexgraph.citations.acts.MINISTRIES`; an unknown issuer is
    transliterated (``min_`` + the words after «Министерства»). Numbers are transliterated and
    ``/`` becomes ``-``: «433-З» → ``433-z``, «57/26» → ``57-26``. Codes are cited by title and
    get ``by/code/{slug}``: ``by/code/tax`` (Налоговый кодекс). An act without date or number
    (and not a code) gets no id of its own: it must be resolved against known acts.

Unit eId (Akoma Ntoso style)
    One segment per unit, largest first, joined by ``__``; a segment is ``{type}_{number}``
    with the glossary names ``art`` (статья), ``point`` (пункт), ``subpoint`` (подпункт),
    ``part`` (часть), ``para`` (абзац), ``annex`` (приложение). Parts and paragraphs, counted
    in words in the text, get figures: ``art_287__point_6__part_1``,
    ``point_1__subpoint_1.1__part_1__para_3``.

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

from lexgraph.state_bodies import body_by_genitive

from .acts import ANNEX_SLUGS, MINISTRIES, SLUG_STOPWORDS
from .normalize import collapse

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


def transliterate(text: str) -> str:
    """Lowercase ASCII transliteration; anything other than ``[a-z0-9.-]`` becomes ``_``."""
    latin = text.lower().translate(_TRANSLIT)
    return re.sub(r"[^a-z0-9.\-]+", "_", latin).strip("_")


def number_slug(number: str) -> str:
    """«433-З» → ``433-z``; «57/26» → ``57-26``."""
    return transliterate(number.replace("/", "-"))


def issuer_slug(issuer: str) -> str:
    """Slug of a ministry given by its genitive name («Министерства внутренних дел …» → mvd).

    Any body of the table of state bodies has its own slug (`lexgraph.state_bodies`)."""
    body = body_by_genitive(issuer)
    if body is not None:
        return body.slug
    words = collapse(issuer).replace("Республики Беларусь", "").split()
    if words and words[0].lower().startswith("министерств"):
        tail = " ".join(words[1:])
        return _MINISTRY_BY_NAME.get(tail.lower(), "min_" + transliterate(tail))
    return transliterate(" ".join(words))


def act_id(
    kind: str | None,
    *,
    date: datetime.date | None = None,
    number: str | None = None,
    issuers: tuple[str, ...] = (),
    code: str | None = None,
) -> str | None:
    """The act id, or ``None`` if the given details do not identify the act on their own."""
    if kind == "code" and code:
        return f"by/code/{code}"
    if kind is None or kind == "code" or date is None or not number:
        return None
    stem = f"by/{kind}"
    if kind in ("resolution", "decision"):
        if not issuers:
            return None
        stem += "/" + "+".join(issuer_slug(i) for i in issuers)
    return f"{stem}/{date.isoformat()}/{number_slug(number)}"


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
    """One eId segment: ("art", "287") → ``art_287``."""
    return f"{unit}_{number}"


def e_id(path: tuple[tuple[str, str], ...]) -> str:
    """eId of a unit path given largest first."""
    return "__".join(segment(unit, number) for unit, number in path)


def ancestor_e_ids(path: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """eIds of every proper ancestor of a unit path, largest first."""
    return tuple(e_id(path[:i]) for i in range(1, len(path)))


def provision_id(act: str | None, eid: str) -> str | None:
    """``{act_id}#{eId}``, or ``None`` when the act is not resolved."""
    return f"{act}#{eid}" if act else None
