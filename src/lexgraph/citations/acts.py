"""What acts are called: kinds, issuers, codes and approved annexes (tables only, no parsing).

Each table is small and closed; anything not in it falls back to deterministic transliteration
(see :mod:`lexgraph.citations.ids`).
"""

from __future__ import annotations

import re
from typing import Final

from lexgraph import legal_terms
from lexgraph.state_bodies import ministries

#: Act kinds used in act ids.
ACT_KINDS: Final = (
    "constitution",
    "law",
    "code",
    "edict",
    "decree",
    "directive",
    "cm_resolution",
    "resolution",
    "decision",
    "order",
    "disposal",
    "declaration",
    "treaty",
)

#: Kinds whose id names the issuer: ``by/{kind}/{issuer}/{date}/{number}``.
ISSUED_KINDS: Final = frozenset({"resolution", "decision", "order", "disposal"})

#: Lemma of the head word → act kind («постановление» is settled by its issuer).
ACT_HEAD_LEMMAS: dict[str, str] = {
    "закон": "law",
    "указ": "edict",
    "декрет": "decree",
    "директива": "directive",
    "постановление": "resolution",
    "решение": "decision",
    "приказ": "order",
    "распоряжение": "disposal",
    "декларация": "declaration",
}

#: Heads of international treaties; they carry no number, so they stay unresolved.
TREATY_HEAD_LEMMAS = frozenset({"соглашение", "протокол", "конвенция", "договор"})

#: Words that may follow a treaty head and start its description.
TREATY_FOLLOWERS = frozenset({"между", "о", "об", "от", "стран", "государств", "по"})

#: Word beginnings that make a «Соглашение о …», «Протокол о …» international (without them,
#: or a date, or the parties, it may be a private agreement or a record of an offence).
TREATY_MARKERS = (
    "междунар",
    "таможен",
    "евразийск",
    "союз",
    "снг",
    "содружеств",
    "государств",
    "ратифи",
    "иностран",
)

#: Canonical issuers by kind, in the genitive as they follow the head word.
PRESIDENT = "Президента Республики Беларусь"
COUNCIL_OF_MINISTERS = "Совета Министров Республики Беларусь"

#: Ministries: slug, the words after «Министерства» (genitive), abbreviations used in text; from the
#: one table of state bodies (`lexgraph.state_bodies`).
MINISTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = ministries()

#: State bodies other than ministries: slug, genitive words (lowercase), abbreviations.
#: «Республики Беларусь» may follow any of them. The Council of Ministers and the President
#: are read apart (their acts have kinds of their own).
STATE_BODIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("nbrb", "правления национального банка", ()),
    ("nbrb", "национального банка", ("Нацбанка",)),
    ("supreme_court_plenum", "пленума верховного суда", ()),
    ("supreme_court", "верховного суда", ()),
    ("constitutional_court", "конституционного суда", ()),
    ("supreme_economic_court", "высшего хозяйственного суда", ()),
    ("gtk", "государственного таможенного комитета", ("ГТК",)),
    ("goskomimushchestvo", "государственного комитета по имуществу", ("Госкомимущества",)),
    ("gosstandart", "государственного комитета по стандартизации", ("Госстандарта",)),
    ("gknt", "государственного комитета по науке и технологиям", ("ГКНТ",)),
    ("gkse", "государственного комитета судебных экспертиз", ()),
    ("gpk", "государственного пограничного комитета", ("Госпогранкомитета",)),
    ("kgk", "комитета государственного контроля", ("КГК",)),
    ("kgb", "комитета государственной безопасности", ("КГБ",)),
    ("belstat", "национального статистического комитета", ("Белстата",)),
    ("prosecutor_general", "генерального прокурора", ()),
    ("prosecutor_general", "генеральной прокуратуры", ()),
    ("cec", "центральной комиссии по выборам и проведению республиканских референдумов", ()),
    ("prime_minister", "премьер - министра", ()),
    ("chief_sanitary_doctor", "главного государственного санитарного врача", ()),
    ("upd", "управления делами президента", ()),
    ("president", "президента", ()),
    ("minskiy_gorispolkom", "мингорисполкома", ()),
)

#: Local councils and executive committees: level adjective → id part, and the two bodies.
LOCAL_LEVELS: dict[str, str] = {
    "областного": "obl",
    "городского": "gor",
    "районного": "ray",
    "сельского": "sel",
    "поселкового": "pos",
}
LOCAL_BODIES: dict[tuple[str, ...], str] = {
    ("исполнительного", "комитета"): "ispolkom",
    ("совета", "депутатов"): "sovet",
}
#: One-word names of local executive committees: «облисполкома» → obl + ispolkom.
LOCAL_COMPACT: dict[str, str] = {
    "облисполкома": "oblispolkom",
    "горисполкома": "gorispolkom",
    "райисполкома": "rayispolkom",
    "сельисполкома": "selispolkom",
    "облсовета": "oblsovet",
    "горсовета": "gorsovet",
    "райсовета": "raysovet",
    "сельсовета": "selsovet",
}

#: Jurisdictions other than Belarus, by the words that name them after an act or body.
JURISDICTIONS: tuple[tuple[str, str], ...] = (
    ("российской федерации", "ru"),
    ("рф", "ru"),
    ("республики казахстан", "kz"),
    ("рк", "kz"),
    ("украины", "ua"),
    ("евразийского экономического союза", "eaeu"),
    ("еаэс", "eaeu"),
    ("таможенного союза", "cu"),
    ("тс", "cu"),
    ("рсфср", "rsfsr"),
    ("ссср", "su"),
)
#: Words in a body's name that place it outside Belarus (regions of other states).
FOREIGN_WORDS = frozenset({"области", "края", "округа", "рсфср", "ссср"})

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
    ("customs", ("таможенный",), "Таможенного кодекса Республики Беларусь"),
    (
        "criminal_procedure",
        ("уголовно-процессуальный",),
        "Уголовно-процессуального кодекса Республики Беларусь",
    ),
    (
        "penal_enforcement",
        ("уголовно-исполнительный",),
        "Уголовно-исполнительного кодекса Республики Беларусь",
    ),
    (
        "economic_procedure",
        ("хозяйственный", "процессуальный"),
        "Хозяйственного процессуального кодекса Республики Беларусь",
    ),
    ("electoral", ("избирательный",), "Избирательного кодекса Республики Беларусь"),
    ("water", ("водный",), "Водного кодекса Республики Беларусь"),
    ("forest", ("лесной",), "Лесного кодекса Республики Беларусь"),
)

#: Codes whose adjective is followed by a tail: «Процессуально-исполнительный кодекс Республики
#: Беларусь об административных правонарушениях».
CODES_WITH_TAIL: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    (
        "admin_procedure",
        ("процессуально-исполнительный",),
        "об административных правонарушениях",
        "Процессуально-исполнительного кодекса Республики Беларусь об административных"
        " правонарушениях",
    ),
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
    (
        "judiciary",
        "о судоустройстве и статусе судей",
        "Кодекса Республики Беларусь о судоустройстве и статусе судей",
    ),
)

#: Abbreviated codes as lawyers write them (matched case-sensitively): abbreviation → slug,
#: from the one list of legal abbreviations and synonyms (`lexgraph.legal_terms`).
CODE_ABBREVIATIONS: Final[dict[str, str]] = legal_terms.CODE_ABBREVIATIONS
#: An abbreviation followed by a jurisdiction naming another code: «ТК ЕАЭС» is the customs code.
ABBREVIATION_OVERRIDES: dict[tuple[str, str], str] = {
    ("ТК", "eaeu"): "customs",
    ("ТК", "cu"): "customs",
}

#: The largest article number of each code (with some room for articles added later); a
#: larger number is most likely a superscript flattened by copy-paste («2011» for 201¹).
MAX_ARTICLE: dict[str, int] = {
    "tax": 420,
    "budget": 150,
    "civil": 1160,
    "civil_procedure": 580,
    "labour": 480,
    "criminal": 480,
    "criminal_procedure": 580,
    "penal_enforcement": 220,
    "economic_procedure": 420,
    "banking": 300,
    "housing": 300,
    "land": 120,
    "marriage_family": 250,
    "electoral": 150,
    "water": 120,
    "forest": 120,
    "education": 300,
    "culture": 260,
    "subsoil": 120,
    "judiciary": 200,
    "customs": 500,
    "constitution": 146,
}
#: How the articles of Belarusian codes are numbered: plain («205», inserted «361-1») or in two
#: levels («18.14», КоАП). «ст. 264.1 УК» or «ст. 20.6.1 КоАП» with no jurisdiction named is not
#: ours (the Russian code, most likely), so it is left unresolved.
_PLAIN = re.compile(r"\d+(?:-\d+)?")
_TWO_LEVELS = re.compile(r"\d+\.\d+(?:-\d+)?")
ARTICLE_SHAPES: dict[str, re.Pattern[str]] = {
    "criminal": _PLAIN,
    "civil": _PLAIN,
    "labour": _PLAIN,
    "criminal_procedure": _PLAIN,
    "civil_procedure": _PLAIN,
    "admin_offences": _TWO_LEVELS,
    "admin_procedure": _TWO_LEVELS,
}

#: Any act: an article number of four figures or more is taken for a flattened superscript.
MAX_ARTICLE_DEFAULT = 999

CODE_GENITIVE: dict[str, str] = (
    {slug: title for slug, _, title in CODES}
    | {slug: title for slug, _, title in CODES_BY_TAIL}
    | {slug: title for slug, _, _, title in CODES_WITH_TAIL}
)

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
    | {"указ", "декрет", "кодекс", "решение", "приказ", "директива", "распоряжение"}
)
