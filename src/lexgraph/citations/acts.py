"""What acts are called: kinds, issuers, codes and approved annexes (tables only, no parsing).

Each table is small and closed; anything not in it falls back to deterministic transliteration
(see :mod:`lexgraph.citations.ids`).
"""

from __future__ import annotations

from typing import Final

from lexgraph.state_bodies import ministries

#: Act kinds used in act ids.
ACT_KINDS: Final = (
    "law",
    "code",
    "edict",
    "decree",
    "directive",
    "cm_resolution",
    "resolution",
    "decision",
)

#: Lemma of the head word → act kind («постановление» is settled by its issuer).
ACT_HEAD_LEMMAS: dict[str, str] = {
    "закон": "law",
    "указ": "edict",
    "декрет": "decree",
    "директива": "directive",
    "постановление": "resolution",
}

#: Canonical issuers by kind, in the genitive as they follow the head word.
PRESIDENT = "Президента Республики Беларусь"
COUNCIL_OF_MINISTERS = "Совета Министров Республики Беларусь"

#: Ministries: slug, the words after «Министерства» (genitive), abbreviations used in text; from the
#: one table of state bodies.
MINISTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = ministries()

#: Codes cited by title: slug, lemmas of the adjectives before «кодекс», genitive title.
CODES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("tax", ("налоговый",), "Налогового кодекса Республики Беларусь"),
    ("budget", ("бюджетный",), "Бюджетного кодекса Республики Беларусь"),
    ("civil", ("гражданский",), "Гражданского кодекса Республики Беларусь"),
    (
        "civil_procedure",
        ("гражданский", "процессуальный"),
        "Гражданского процессуального кодекса Республики Беларусь",
    ),
    ("labour", ("трудовой",), "Трудового кодекса Республики Беларусь"),
    ("criminal", ("уголовный",), "Уголовного кодекса Республики Беларусь"),
    ("banking", ("банковский",), "Банковского кодекса Республики Беларусь"),
    ("housing", ("жилищный",), "Жилищного кодекса Республики Беларусь"),
    ("land", ("земельный",), "Кодекса Республики Беларусь о земле"),
    ("customs", ("таможенный",), "Таможенного кодекса Евразийского экономического союза"),
    ("electoral", ("избирательный",), "Избирательного кодекса Республики Беларусь"),
    ("water", ("водный",), "Водного кодекса Республики Беларусь"),
    ("forest", ("лесной",), "Лесного кодекса Республики Беларусь"),
)

#: Codes named «Кодекс Республики Беларусь о(б) …»: slug, first words of the tail, genitive title.
CODES_BY_TAIL: tuple[tuple[str, str, str], ...] = (
    (
        "admin_offences",
        "об административных правонарушениях",
        "Кодекса Республики Беларусь об административных правонарушениях",
    ),
    ("marriage_family", "о браке и семье", "Кодекса Республики Беларусь о браке и семье"),
    ("land", "о земле", "Кодекса Республики Беларусь о земле"),
    ("education", "об образовании", "Кодекса Республики Беларусь об образовании"),
    ("culture", "о культуре", "Кодекса Республики Беларусь о культуре"),
    ("subsoil", "о недрах", "Кодекса Республики Беларусь о недрах"),
)

CODE_GENITIVE: dict[str, str] = {slug: title for slug, _, title in CODES} | {
    slug: title for slug, _, title in CODES_BY_TAIL
}

#: Approved annexes: lemma of the head word → (annex kind, nominative head, gender or plural).
ANNEX_HEADS: dict[str, tuple[str, str, str]] = {
    "положение": ("regulation", "Положение", "neut"),
    "правило": ("rules", "Правила", "plur"),
    "правила": ("rules", "Правила", "plur"),
    "инструкция": ("instruction", "Инструкция", "femn"),
    "регламент": ("procedure_regulation", "Регламент", "masc"),
}

#: Annexes with a fixed readable slug: (kind, lemma of the leading adjective) → slug.
ANNEX_SLUGS: dict[tuple[str, str], str] = {
    ("rules", "визовый"): "visa",
}

#: Words left out of fallback annex slugs.
SLUG_STOPWORDS = frozenset(
    {"о", "об", "и", "в", "во", "на", "по", "для", "с", "со", "к", "или", "а", "от", "за", "при"}
    | {"республики", "беларусь"}
)

#: Nouns that, after «настоящий», point at the citing document itself.
SELF_NOUNS = frozenset(
    {"постановление", "регламент", "положение", "правило", "правила", "инструкция", "закон"}
    | {"указ", "декрет", "кодекс", "решение", "приказ", "директива"}
)
