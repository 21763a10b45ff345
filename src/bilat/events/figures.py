"""Figures a sentence states (money, counts, quantities, percentages) with exact offsets.

A figure is: an optional qualifier ("up to", "más de"), an optional currency sign or code,
a number (digits or spelled out), an optional scale ("million", "mil millones", "bn") and
a tail: a percent sign, a currency word, a unit of measure, or the noun counted. Units are
normalised as follows: currencies to ISO 4217 codes, mass to "tonnes", a few measures to
their symbols (kg, km, MW); a counted noun is kept as written, lower-cased, plural and all
("agreements", "residentes"), so that two texts in one language compare equal.

Separators follow the language: "19.526" is 19526 in Spanish and 19.526 in English;
"19,526" the reverse. When both marks appear the last one is the decimal mark.

Not figures: years ("in 2019"), dates ("25 de septiembre", "Sept. 25"), times, ordinals,
numbers in names ("Sigestic 2025", "G20", "Su-35"), and durations ("three years"; the
dates module reads those).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, cast

from bilat.events.date_patterns import MONTHS
from bilat.models import Figure, Span


def _alt(words: str) -> str:
    """A regex alternation of "|"-separated phrases, longest first."""
    return "(?:" + "|".join(sorted(words.split("|"), key=len, reverse=True)) + ")"


# Qualifier -> phrases, English and Spanish side by side.
QUALIFIERS: dict[str, str] = {
    "up to": r"up to|as many as|hasta",
    "over": r"over|more than|above|in excess of|exceeding|más de|mas de|por encima de|superior a",
    "under": r"under|less than|fewer than|below|menos de|por debajo de",
    "almost": r"almost|nearly|just under|casi",
    "at least": r"at least|no less than|al menos|por lo menos|como mínimo|como minimo",
    "about": r"about|around|some|roughly|approximately|an estimated|close to|unos|unas"
    r"|alrededor de|cerca de|aproximadamente|en torno a|aproximadamente unos",
}
# ISO 4217 code -> written forms after the number ("" marks money of unknown currency).
CURRENCY_WORDS: dict[str, str] = {
    "USD": r"(?:US |U\.S\. )?dollars?|dólar(?:es)?(?: estadounidenses)?|USD|\$",
    "EUR": r"euros?|EUR|€",
    "RUB": r"r(?:o)?ubles?|rublos?|RUB|₽",
    "CNY": r"yuan(?:es)?|renminbi|CNY|RMB",
    "CUP": r"Cuban pesos?|pesos? cubanos?|CUP",
    "GBP": r"pounds? sterling|libras? esterlinas?|GBP|£",
    "": r"pesos?",
}
CURRENCY_SIGNS: dict[str, str] = {
    "US$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₽": "RUB",
    "¥": "CNY",
    **{code: code for code in ("USD", "EUR", "RUB", "CNY", "CUP", "GBP")},
}
QUANTITY_UNITS: dict[str, str] = {
    "tonnes": r"(?:metric )?tonnes?|(?:metric )?tons?|toneladas?(?: métricas)?|t",
    "kg": r"kilo(?:gram(?:me)?)?s?|kilogramos?|kg",
    "km": r"kilomet(?:er|re)s?|kilómetros?|km",
    "MW": r"megawatts?|megavatios?|MW",
    "hectares": r"hectares?|hectáreas?|ha",
    "barrels": r"barrels?|barriles?",
}
# Scale word -> multiplier; "m" and "k" count only after a currency sign ("$5m").
SCALES: list[tuple[str, int]] = [
    (r"mil millones|millardos?", 10**9),
    (r"billones|billón|trillion|trillones", 10**12),
    (r"billions?|bn|bln", 10**9),
    (r"millions?|millones|millón|millon|mn|mln", 10**6),
    (r"thousands?|mil", 10**3),
    (r"m", 10**6),
    (r"k", 10**3),
]
ONES = {
    "en": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty",
    "es": "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince"
    " dieciséis diecisiete dieciocho diecinueve veinte",
}
TENS = {
    "en": "thirty forty fifty sixty seventy eighty ninety",
    "es": "treinta cuarenta cincuenta sesenta setenta ochenta noventa",
}
# Spelled numbers per language ("once" is eleven only in Spanish).
NUMBER_WORDS: dict[str, dict[str, int]] = {
    lang: {
        **{w: i + 1 for i, w in enumerate(ONES[lang].split())},
        **{w: 10 * (i + 3) for i, w in enumerate(TENS[lang].split())},
        **({"dozen": 12, "hundred": 100, "thousand": 1000} if lang == "en" else {}),
        **({"cien": 100, "mil": 1000} if lang == "es" else {}),
    }
    for lang in ONES
}
ARTICLES = {"en": "a|an", "es": "un|una"}
# Words between a number and its noun that are not the noun: "three new agreements".
MODIFIERS = (
    "new|more|other|additional|further|major|key|bilateral|joint|separate|different|large"
    "|important|small|modern|local|foreign|young|nuevos|nuevas|otros|otras|importantes"
    "|grandes|modernos|modernas"
)
STOP_WORDS = set(
    "of and or to the a an in on at for by from with that which who were was is are as than"
    " per into under over about more less its their his her our this these those such them"
    " de del y o en que con por para los las el la se es son fue fueron han ha al ellos"
    " ellas".split()
)
TIME_UNITS = set(
    "second seconds minute minutes hour hours day days week weeks month months year years"
    " decade decades century centuries segundos minutos hora horas día días semana semanas"
    " mes meses año años década décadas siglo siglos".split()
)
DEFINITE_WORDS = set("the these those both los las estos estas ambos ambas".split())
# Words before a number that make it a label, not an amount: "No. 5", "Article 5".
LABEL_WORDS = set("no. nº núm. number número article artículo page página".split())
QUALIFIER_WORDS = {w.lower() for p in QUALIFIERS.values() for w in re.findall(r"\w+", p)}
# Month names that are also ordinary lowercase words or abbreviations in English.
AMBIGUOUS_MONTHS = set("may march mar jan feb apr jun jul aug sep sept oct nov dec".split())

DIGITS = r"\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _scale_alternation(named: bool) -> str:
    return "|".join(f"(?P<s{i}>{_alt(p)})" if named else _alt(p) for i, (p, _) in enumerate(SCALES))


def _compile_core(lang: str) -> re.Pattern[str]:
    qualifiers = "|".join(f"(?P<q{i}>{_alt(p)})" for i, p in enumerate(QUALIFIERS.values()))
    signs = _alt("|".join(re.escape(s) for s in CURRENCY_SIGNS))
    spelled = _alt("|".join(NUMBER_WORDS[lang]))
    joiner = r"(?:\s+|-)(?:and\s+|y\s+)?"
    return re.compile(
        rf"(?:(?<!\w)(?:{qualifiers})\s+)?"
        rf"(?:(?P<sign>{signs})\s?)?"
        rf"(?:(?<![\w/:#])(?<!\w[-.,])(?P<digits>{DIGITS})"
        rf"|(?<!\w)(?P<spelled>{spelled}(?:{joiner}{spelled})*)(?!\w)"
        rf"|(?<!\w)(?P<article>{ARTICLES[lang]})(?=\s+(?:{_scale_alternation(False)})\b))"
        rf"(?:[\s-]?(?:{_scale_alternation(True)})(?!\w))?",
        re.IGNORECASE,
    )


CORE: dict[str, re.Pattern[str]] = {lang: _compile_core(lang) for lang in ONES}
_SEP = r"(?:\s+de\s+|\s+of\s+|[\s-])"
PERCENT = re.compile(r"\s?%|\s+(?:per\s?cent|percent|por\s+ciento)(?!\w)", re.IGNORECASE)
CURRENCY_TAIL = re.compile(
    _SEP
    + "(?:"
    + "|".join(f"(?P<c{i}>{p})" for i, p in enumerate(CURRENCY_WORDS.values()))
    + r")(?!\w)",
    re.IGNORECASE,
)
QUANTITY_TAIL = re.compile(
    _SEP
    + "(?:"
    + "|".join(f"(?P<u{i}>{p})" for i, p in enumerate(QUANTITY_UNITS.values()))
    + r")(?!\w)"
)
_LOWER = "a-záéíóúñü"
NOUN_TAIL = re.compile(
    rf"(?:\s+(?:de|of))?(?P<mods>(?:[\s-]+(?:[A-ZÁÉÍÓÚÑ][\w-]*|(?:{MODIFIERS})(?!\w))){{0,2}}?)"
    rf"[\s-]+(?!(?:{MODIFIERS})(?!\w))(?P<noun>[{_LOWER}]+(?:-[{_LOWER}]+)*)(?![\w-])"
)
# An English plural: ends in -s but not in -ss, -us, -is ("gas" is named for itself).
PLURAL_AHEAD = re.compile(
    rf"(?P<between>(?:[\s-]+[{_LOWER}]+){{0,3}}?)[\s-]+"
    rf"(?!gas\b)(?P<noun>[{_LOWER}]+(?<![siu])s)(?![\w-])"
)
PLURAL_WORD = re.compile(rf"(?!gas\b)[{_LOWER}]+(?<![siu])s")
AFTER_BLOCKERS = re.compile(r"[-/:.]\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|h\b|GMT\b)", re.IGNORECASE)
WORD_AFTER = re.compile(r"\s+(?:de\s+|of\s+)?(?P<word>[^\W\d_]+)\.?(?!\w)")
FigureKind = Literal["money", "count", "quantity", "percent"]


def _which(m: re.Match[str], prefix: str) -> int | None:
    """Index of the numbered group (q0, s3, c1, ...) that matched."""
    for name, value in m.groupdict().items():
        if value is not None and name[0] == prefix and name[1:].isdigit():
            return int(name[1:])
    return None


def parse_number(raw: str, language: str) -> Decimal:
    """Digits as written in `language` ("19.526" is 19526 in es) to a Decimal."""
    s = raw.replace("\u00a0", "").replace("\u202f", "")
    thousands, decimal = (".", ",") if language == "es" else (",", ".")
    if "." in s and "," in s:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if decimal == "." else ".", "")
    elif thousands in s:
        groups = s.split(thousands)
        if all(len(g) == 3 for g in groups[1:]):
            s = "".join(groups)
        else:
            decimal = thousands  # "1.5 millones": one mark, not a thousands group
    return Decimal(s.replace(decimal, "."))


def parse_spelled(raw: str, language: str) -> Decimal:
    """Spelled-out numbers: "twenty-five", "two hundred", "tres mil"."""
    words = NUMBER_WORDS.get(language, NUMBER_WORDS["en"])
    total, current = 0, 0
    for word in re.split(r"[\s-]+", raw.lower()):
        value = words.get(word, 0)
        if value == 1000:
            total, current = total + max(current, 1) * 1000, 0
        elif value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    return Decimal(total + current)


def _word_before(sentence: str, at: int) -> tuple[int, str] | None:
    """The whitespace-separated word before position `at` and where it starts."""
    head = sentence[:at]
    stripped = head.rstrip()
    if stripped == head or not stripped:
        return None
    word = stripped.split()[-1]
    return len(stripped) - len(word), word


def _is_month(word: str) -> bool:
    key = word.rstrip(".").lower()
    return key in MONTHS and (word[:1].isupper() or key not in AMBIGUOUS_MONTHS)


def _is_label(sentence: str, at: int) -> bool:
    """A number right after a month, a label word or a capitalised name: "Sigestic 2025"."""
    before = _word_before(sentence, at)
    if before is None:
        return False
    word_start, word = before
    if _is_month(word) or word.lower() in LABEL_WORDS:
        return True
    if not sentence[:word_start].strip(" \t\n\"'“‘«¿¡("):
        return False  # capitalised because it opens the sentence: "Llegaron 200 médicos"
    lower = word.lower()
    return word.isalpha() and word[:1].isupper() and lower not in STOP_WORDS | QUALIFIER_WORDS


def _has_amount_tail(m: re.Match[str], sentence: str) -> bool:
    """A scale word, a currency, a unit or a percent sign after the number: an amount."""
    end = m.end()
    return _which(m, "s") is not None or any(
        tail.match(sentence, end) for tail in (PERCENT, CURRENCY_TAIL, QUANTITY_TAIL)
    )


def _is_count_noun(tail: re.Match[str]) -> bool:
    noun = tail["noun"]
    return noun not in STOP_WORDS and len(noun) > 1 and not _is_month(noun)


def _plural_head(sentence: str, tail: re.Match[str]) -> re.Match[str] | None:
    """In English the counted noun is plural: "two capital schools", not "capital"."""
    if PLURAL_WORD.fullmatch(tail["noun"]):
        return None
    ahead = PLURAL_AHEAD.match(sentence, tail.end())
    if ahead is None or set(ahead["between"].split()) & STOP_WORDS or ahead["noun"] in STOP_WORDS:
        return None
    return ahead


def _figure_at(m: re.Match[str], sentence: str, language: str) -> tuple[int, Figure] | None:
    """The figure that starts at match `m` and where it ends in `sentence`, or None."""
    sign = CURRENCY_SIGNS.get(m["sign"].upper()) if m["sign"] else None
    scale = _which(m, "s")
    if scale is not None and SCALES[scale][0] in ("m", "k") and sign is None:
        return None
    if m["digits"]:
        after = m.end("digits")
        if scale is None and (
            AFTER_BLOCKERS.match(sentence, after) or sentence[after : after + 1].isalpha()
        ):
            return None  # dates, times, ranges, ordinals and codes: 14/09, 10:30, 1st, 4G
        if (
            sign is None
            and not _has_amount_tail(m, sentence)
            and _is_label(sentence, m.start("digits"))
        ):
            return None  # "Sigestic 2025", but "lend Havana 60 million euros" is an amount
        value = parse_number(m["digits"], language)
    elif m["spelled"]:
        before = _word_before(sentence, m.start("spelled"))
        if before and before[1].lower() in DEFINITE_WORDS:
            return None  # "the two sides", "los dos países": a reference, not an amount
        value = parse_spelled(m["spelled"], language)
    else:
        value = Decimal(1)
    following = WORD_AFTER.match(sentence, m.end())
    if scale is None and following and _is_month(following["word"]):
        return None  # "25 de septiembre", "2 November"
    if scale is not None:
        value *= SCALES[scale][1]
    kind: FigureKind = "count"
    end, unit = m.end(), cast(str | None, None)
    if tail := PERCENT.match(sentence, end):
        end, kind, unit = tail.end(), "percent", "%"
    elif tail := CURRENCY_TAIL.match(sentence, end):
        code = list(CURRENCY_WORDS)[_which(tail, "c") or 0]
        end, kind, unit = tail.end(), "money", sign or code or None
    elif sign is not None:
        kind, unit = "money", sign
    elif tail := QUANTITY_TAIL.match(sentence, end):
        end, kind, unit = tail.end(), "quantity", list(QUANTITY_UNITS)[_which(tail, "u") or 0]
    elif (tail := NOUN_TAIL.match(sentence, end)) and _is_count_noun(tail):
        end, unit = tail.end(), tail["noun"].lower()
        if language == "en" and value > 1 and (plural := _plural_head(sentence, tail)):
            end, unit = plural.end(), plural["noun"]
    elif scale is None:
        return None  # a bare number says nothing we can use
    qualifier_index = _which(m, "q")
    year_like = bool(m["digits"] and re.fullmatch(r"1[89]\d\d|20\d\d", m["digits"]))
    if unit in TIME_UNITS or (year_like and kind == "count"):
        return None
    qualifier = list(QUALIFIERS)[qualifier_index] if qualifier_index is not None else None
    text = sentence[m.start() : end]
    return end, Figure(value=float(value), unit=unit, text=text, qualifier=qualifier, kind=kind)


def extract_figures(text: str, start: int, end: int, language: str) -> list[Figure]:
    """Figures stated in text[start:end] (one sentence), in order, with absolute spans."""
    sentence = text[start:end]
    lang = (language or "en").replace("_", "-").split("-")[0].lower()
    lang = lang if lang in CORE else "en"
    figures: list[Figure] = []
    position = 0
    while (m := CORE[lang].search(sentence, position)) is not None:
        found = _figure_at(m, sentence, lang)
        if found is None:
            position = m.start() + 1
            continue
        stop, figure = found
        span = Span(start=start + m.start(), end=start + stop)
        figures.append(figure.model_copy(update={"span": span}))
        position = stop
    return figures
