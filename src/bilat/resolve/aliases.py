"""Alias keys: the normal and loose forms two names of one actor share, and person parts.

normal key: folded words without titles, leading articles or dots, a "Surname, Given" name
turned round ("Castro, Raúl" -> "raul castro"). loose key: the sorted content words after
Spanish words are put into English and variants merged ("Isla de la Juventud", "Isle of
Youth" and "Youth Island" -> "island youth"; "Cayo Digital" == "Digital Cayo"). Person
keys also fold transliteration variants (Sergey, Sergei, Serguéi -> "sergei").
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from bilat.resolve.names import fold

# Words before a person's name that are not part of it (English and Spanish titles).
TITLE_WORDS = frozenset(
    """president presidenta presidente vice vicepresident vicepresidente vicepresidenta prime
    primer primera minister ministro ministra deputy first chief foreign charge charges d
    affaires encargado encargada de negocios business manager ambassador embajador embajadora
    mr mrs ms dr sr sra srta senor senora don dona comrade companero companera general gen
    colonel coronel secretary secretario secretaria chairman chairwoman chair head governor
    gobernador mayor alcalde director directora ceo russian cuban ruso rusa cubano cubana
    premier king queen sir lord el la the former ex acting interim top envoy
    diplomat diplomatico de canciller comandante""".split()
)
STOP_WORDS = frozenset(
    "the of and for on in at to a an de del la las el los y e en para por con da do dos das".split()
)
# Spanish words and English variants -> one English form (written by the bilat team).
LEXICON = {
    "isla": "island",
    "isle": "island",
    "juventud": "youth",
    "comite": "committee",
    "informatizacion": "informatization",
    "computerization": "informatization",
    "computerisation": "informatization",
    "informatisation": "informatization",
    "comunicaciones": "communication",
    "comunicacion": "communication",
    "communications": "communication",
    "ministerio": "ministry",
    "universidad": "university",
    "tecnologica": "technology",
    "tecnologico": "technology",
    "tecnologia": "technology",
    "tecnologias": "technology",
    "technological": "technology",
    "technologies": "technology",
    "tech": "technology",
    "centro": "center",
    "centre": "center",
    "desarrollo": "development",
    "liderazgo": "leadership",
    "avanzado": "advanced",
    "grupo": "group",
    "industrias": "industry",
    "industria": "industry",
    "industries": "industry",
    "biotecnologica": "biotechnology",
    "biotecnologia": "biotechnology",
    "biotechnological": "biotechnology",
    "farmaceutica": "pharmaceutical",
    "farmaceutico": "pharmaceutical",
    "pharmaceuticals": "pharmaceutical",
    "embajada": "embassy",
    "rusa": "russia",
    "ruso": "russia",
    "rusia": "russia",
    "russian": "russia",
    "cubana": "cuba",
    "cubano": "cuba",
    "cuban": "cuba",
    "comision": "commission",
    "intergubernamental": "intergovernmental",
    "relaciones": "relations",
    "exteriores": "foreign",
    "exterior": "foreign",
    "extranjera": "foreign",
    "asuntos": "affairs",
    "comercio": "trade",
    "commerce": "trade",
    "inversion": "investment",
    "empresa": "company",
    "compania": "company",
    "ferrocarriles": "railway",
    "ferrocarril": "railway",
    "railways": "railway",
    "partido": "party",
    "comunista": "communist",
    "asamblea": "assembly",
    "nacional": "national",
    "poder": "power",
    "popular": "people",
    "consejo": "council",
    "estado": "state",
    "fondo": "fund",
    "agencia": "agency",
    "investigacion": "research",
    "energia": "energy",
    "atomica": "atomic",
    "corporacion": "corporation",
    "estatal": "state",
    "movimiento": "movement",
    "alineados": "aligned",
    "no": "non",
    "st": "saint",
    "san": "saint",
    "sankt": "saint",
    "petersburgo": "petersburg",
    "habana": "havana",
    "moscu": "moscow",
    "digitales": "digital",
    "ciencias": "science",
    "sciences": "science",
    "informaticas": "informatics",
    "parque": "park",
    "organizacion": "organization",
    "organisation": "organization",
    "naciones": "nation",
    "unidas": "united",
    "nations": "nation",
    "economica": "economic",
    "euroasiatica": "eurasian",
    "informacion": "information",
}
GIVEN_NAME_VARIANTS = {"alexandr": "alexander", "aleksandr": "alexander", "joseph": "joe"}
_TRANSLIT = (
    ("kh", "j"),
    ("zh", "j"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("ks", "x"),
    ("ph", "f"),
    ("ck", "k"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("ii", "i"),
)
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_SPLIT = re.compile(r"[^a-z0-9]+")
_PAREN = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_PATRONYMIC = ("vich", "vna", "ichna")
_YEAR2 = re.compile(r"^\d{2}$")


@lru_cache(maxsize=200_000)
def name_words(name: str) -> tuple[str, ...]:
    """Folded words of a name: "U.S." -> ("us",), "SIGESTIC'25" -> ("sigestic", "2025")."""
    text = _DOTTED.sub(lambda m: m[0].replace(".", ""), name)
    words = [w for w in _SPLIT.split(fold(text)) if w]
    if len(words) > 1 and _YEAR2.match(words[-1]) and not any(w.isdigit() for w in words[:-1]):
        words[-1] = "20" + words[-1]  # an abbreviated year of an event series ('25)
    return tuple(words)


def split_parenthesis(name: str) -> tuple[str, str | None]:
    """ "Internet Research Agency (IRA)" -> ("Internet Research Agency", "IRA")."""
    m = _PAREN.match(name.strip())
    if m is None:
        return name, None
    return m["outer"].strip(), m["inner"].strip()


def turn_comma(name: str) -> str:
    """ "Castro, Raúl" -> "Raúl Castro" (a name written surname first, as in indexes)."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(1 <= len(p.split()) <= 3 for p in parts):
        return f"{parts[1]} {parts[0]}"
    return name


def strip_titles(words: tuple[str, ...]) -> tuple[str, ...]:
    """Leading title words off a name; at least one word is kept."""
    i = 0
    while i < len(words) - 1 and words[i] in TITLE_WORDS:
        i += 1
    return words[i:]


@lru_cache(maxsize=200_000)
def normal_key(name: str, person: bool = False) -> str:
    """The folded words of a name, titles dropped for persons, leading articles always."""
    words = name_words(turn_comma(name) if person else name)
    if person:
        words = strip_titles(words)
    while len(words) > 1 and words[0] in ("the", "el", "la", "los", "las"):
        words = words[1:]
    return " ".join(words)


def stem(word: str) -> str:
    """One English form of a content word: lexicon first, then a regular plural cut."""
    if word in LEXICON:
        return LEXICON[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def loose_key(name: str) -> str:
    """Sorted content words in one language: word order and function words do not count."""
    words = {stem(w) for w in name_words(name) if w not in STOP_WORDS}
    return " ".join(sorted(words))


@lru_cache(maxsize=200_000)
def translit(word: str) -> str:
    """One spelling of the romanisations of a Russian or Spanish-written name word."""
    for a, b in _TRANSLIT:
        word = word.replace(a, b)
    word = re.sub(r"(.)\1", r"\1", word)
    return GIVEN_NAME_VARIANTS.get(word, word)


@lru_cache(maxsize=200_000)
def person_words(name: str) -> tuple[str, ...]:
    """A person's name words, titles and articles dropped, transliteration folded."""
    return tuple(translit(w) for w in normal_key(name, person=True).split())


def person_key(name: str) -> str:
    return " ".join(person_words(name))


def initials(name: str) -> str:
    """Initials of the content words: "Internet Research Agency" -> "ira"."""
    return "".join(w[0] for w in name_words(name) if w not in STOP_WORDS and not w.isdigit())


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2


def similar_words(a: str, b: str, least: float = 0.85) -> bool:
    """Same word up to a typo: equal, or long enough and close (Arevic ~ Arevich)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= least


def given_names_agree(a: str, b: str) -> bool:
    """Given names of one person: equal after transliteration, or a long name spelt a little
    differently with the same ending (Alexandr ~ Alexander, never Daniel ~ Daniela)."""
    if a == b:
        return True
    return len(a) >= 6 and len(b) >= 6 and a[-1] == b[-1] and similar_words(a, b, 0.85)


def person_score(query: tuple[str, ...], known: tuple[str, ...]) -> float:
    """How surely two full person names (>= 2 words each) are one person: 0 when the given
    names differ (Fidel / Raúl Castro) or a surname of the shorter is not in the longer."""
    if len(query) < 2 or len(known) < 2 or not given_names_agree(query[0], known[0]):
        return 0.0
    short, long = (query, known) if len(query) <= len(known) else (known, query)
    rest = long[1:]
    for word in short[1:]:
        if not any(similar_words(word, other) for other in rest):
            return 0.0
    if (short[-1] == long[-1]) and len(long) > len(short) and not long[-2].endswith(_PATRONYMIC):
        return 0.0  # a maternal surname alone is another person (Walter García)
    if ({"jr", "junior", "hijo"} & set(query)) != ({"jr", "junior", "hijo"} & set(known)):
        return 0.0
    positions = [rest.index(w) for w in short[1:] if w in rest]
    if positions != sorted(positions):
        return 0.0
    exact = len(positions)
    return 0.9 + 0.05 * exact / max(1, len(short) - 1)


def org_score(query: str, known: str) -> float:
    """Overlap of two loose keys, words that differ by a typo counted as shared; numbers
    (years of an event series) must be the same."""
    qa, ka = query.split(), known.split()
    if {w for w in qa if w.isdigit()} != {w for w in ka if w.isdigit()}:
        return 0.0
    shared = sum(1 for w in qa if any(similar_words(w, k, 0.88) for k in ka))
    return 2 * shared / (len(qa) + len(ka)) if qa and ka else 0.0
