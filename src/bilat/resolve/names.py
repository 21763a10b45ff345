"""Name normalisation: the keys aliases and article tokens are compared by, and inflection.

Two strings name the same thing when their keys agree: accents and case are dropped,
hyphens split words ("Díaz-Canel" == "Diaz Canel"), curly apostrophes become straight and a
possessive "'s" is not part of the name. Case still matters in two ways, kept apart from
the key as a per-word style: an acronym of up to four letters ("US", "UN", "WHO") matches
only in capitals, and a capitalised name ("Turkey", "Chad") never matches an all-lowercase
word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

CaseStyle = Literal["upper", "title", "lower"]

# Hyphen-like characters that join the parts of one name; the em dash separates clauses.
HYPHENS = frozenset("-‐‑–")
# "_" joins the words of a name in dictionary-style copy ("Dol_Amroth"): cut there too
_HYPHEN_SPLIT = re.compile(r"[\-‐‑–_]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_EDGE_PUNCT = ',;:()[]"“”«»!?'
_POSSESSIVE = ("'s", "'")
MAX_ACRONYM = 4


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, straight-apostrophe form of a word."""
    text = text.translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def strip_accents(text: str) -> str:
    """The word with its accents removed, case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def split_possessive(word: str) -> tuple[str, int]:
    """("Putin's") -> ("Putin", 2): the word without a possessive ending and its length."""
    plain = word.translate(_APOSTROPHES)
    if len(plain) > 2 and plain.lower().endswith("'s"):
        return word[:-2], 2
    return word, 0


def split_alias(alias: str) -> list[str]:
    """Cut an alias into word pieces the way the tokenizer cuts text: on spaces, hyphens and "_",
    with edge punctuation and a possessive "'s" as pieces of their own."""
    pieces: list[str] = []
    for chunk in alias.split():
        for part in _HYPHEN_SPLIT.split(chunk):
            if not part:
                continue
            lead: list[str] = []
            while part and part[0] in _EDGE_PUNCT:
                lead.append(part[0])
                part = part[1:]
            trail: list[str] = []
            while part and part[-1] in _EDGE_PUNCT:
                trail.insert(0, part[-1])
                part = part[:-1]
            pieces.extend(lead)
            if part:
                word, cut = split_possessive(part)
                pieces.append(word)
                if cut:
                    pieces.append("'s")
            pieces.extend(trail)
    return pieces


def alias_key(alias: str) -> tuple[str, ...]:
    """The key of a whole alias: its folded pieces."""
    return tuple(fold(p) for p in split_alias(alias))


def case_style(piece: str) -> CaseStyle:
    """How a word of an alias must be written in the text to match it."""
    letters = [c for c in piece if c.isalpha()]
    if not letters:
        return "lower"
    if len(letters) >= 2 and len(letters) <= MAX_ACRONYM and all(c.isupper() for c in letters):
        return "upper"
    return "title" if letters[0].isupper() else "lower"


def accepts_case(style: CaseStyle, written: str) -> bool:
    """Whether a word as written in the text satisfies an alias word's case style."""
    if style == "lower":
        return True
    letters = [c for c in written if c.isalpha()]
    if style == "upper":
        return all(c.isupper() for c in letters)
    return any(c.isupper() for c in letters)


def slug(text: str) -> str:
    """A stable identifier fragment: "Santiago de Cuba" -> "santiago-de-cuba"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# --------------------------------------------------------------------------- inflection

_EN_PREPOSITIONS = frozenset({"of", "in", "for", "to", "at"})
_ES_PREPOSITIONS = frozenset({"de", "del", "para", "en", "a"})
_ES_STRESSED = str.maketrans("áéíóú", "aeiou")


def pluralize_word(word: str, language: str) -> str:
    """The regular plural of one noun."""
    if language == "es":
        lower = word.lower()
        if lower[-1:] in "aeiouáéó":
            return word + "s"
        if lower.endswith("z"):
            return word[:-1] + "ces"
        if lower[-2:] in ("ón", "án", "én", "ín", "és", "ís", "ús"):
            return word[:-2] + word[-2:].translate(_ES_STRESSED) + "es"
        return word + "es"
    lower = word.lower()
    if lower.endswith("man"):
        return word[:-3] + "men"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def pluralize_phrase(phrase: str, language: str) -> str:
    """The regular plural of a noun phrase: English inflects the head (the last word before
    "of"), Spanish every word before the first preposition ("comisiones
    intergubernamentales", "centros de investigación")."""
    words = phrase.split()
    stops = _ES_PREPOSITIONS if language == "es" else _EN_PREPOSITIONS
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in stops), len(words))
    if language == "es":
        head = [pluralize_word(w, "es") for w in words[:cut]]
    else:
        head = [*words[: cut - 1], pluralize_word(words[cut - 1], "en")]
    return " ".join([*head, *words[cut:]])


def inflect_spanish_adjective(word: str) -> list[str]:
    """Gender and number forms of a Spanish demonym given in the masculine singular:
    cubano -> cubana, cubanos, cubanas; francés -> francesa, franceses, francesas;
    alemán -> alemana, ...; iraní -> iraníes; canadiense -> canadienses; belga -> belgas."""
    if word.endswith("o"):
        stem = word[:-1]
        return [word, stem + "a", stem + "os", stem + "as"]
    if word[-2:] in ("és", "án", "ín", "ón", "ís"):
        stem = word[:-2] + word[-2:].translate(_ES_STRESSED)
        return [word, stem + "a", stem + "es", stem + "as"]
    if word[-1:] in ("í", "ú"):
        return [word, word + "es", word + "s"]
    if word[-1:] in ("e", "a"):
        return [word, word + "s"]
    if word[-1:] in ("l", "r"):
        return [word, word + "a", word + "es", word + "as"]
    return [word, word + "es"]
