"""Date expressions in a sentence (English, Spanish), resolved against the publication date.

Each pattern is one row of a table: a regex whose named groups (`y`, `mon`, `mnum`, `d`,
`wd`, `dir`, `n`, `unit`) a shared resolver reads. Matches from all rows are collected and
the leftmost-longest ones kept, so "el lunes 2 de noviembre" wins over "el lunes".

Choices worth knowing:
* A year-less date ("on December 28", "en septiembre") takes the year that puts it on or
  before publication, allowing `GRACE_DAYS` after it: news reports the past, and an
  article of January 3 that says "on December 28" means last year's. Words of intent
  before it in the same clause ("will", "firmará", "scheduled for") turn the choice forward.
* "Monday", "on Monday", "el lunes" and also "last Monday", "el lunes pasado" mean the
  most recent such day on or before publication, so an article published on a Monday
  that says "last Monday" points at that same day: wire copy is often dated the day the
  desk files it, and a week-old "last Monday" is rarer in news than a same-day one.
  "next Monday" / "el próximo lunes" is strictly after publication.
* "last week" gives the month (YYYY-MM) of publication minus seven days; periods and
  decades ("the Cold War", "los años 90") and durations ("for three years") get no value.
* Without a publication date only expressions that carry their own year get a value.
* The span excludes a leading bare preposition (on, in, en, during, durante).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, cast

DateKind = Literal["absolute", "relative", "weekday", "duration", "period"]
GRACE_DAYS = 14


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: absolute offsets into the article text and its resolved value."""

    start: int
    end: int
    text: str
    value: str | None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when the text does not fix it
    kind: DateKind
    future: bool
    before_published: bool | None


@dataclass(frozen=True, slots=True)
class _Res:
    value: str | None
    direction: int  # what the words themselves say: -1 past, 0 unsaid, +1 future


@dataclass(frozen=True, slots=True)
class _Ctx:
    published: date | None
    future_cue: bool
    language: str


_Resolver = Callable[[re.Match[str], _Ctx], _Res | None]

_ES_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
_ES_MONTHS_LIST = _ES_MONTHS.split()
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9},
    **{"sept": 9, "oct": 10, "nov": 11, "dec": 12, "setiembre": 9},
    **{m: i + 1 for i, m in enumerate(_ES_MONTHS_LIST)},
}
WEEKDAYS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.day_name)},
    **{d: i for i, d in enumerate("lunes martes miércoles jueves viernes sábado domingo".split())},
    "miercoles": 2,
    "sabado": 5,
}
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve "
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce"
)
SMALL_NUMBERS: dict[str, int] = {w: i % 12 + 1 for i, w in enumerate(_NUMBER_WORDS.split())}
SMALL_NUMBERS.update(dict.fromkeys(["a", "an", "un", "una"], 1))
# Direction words -> how a weekday or a year-less month is chosen.
DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(["last", "past", "this past", "pasado", "pasada"], "prev"),
    **dict.fromkeys(["next", "coming", "this coming", "próximo", "proximo", "que viene"], "next"),
    **dict.fromkeys(["this", "este", "esta", "this year", "of this year", "de este año"], "this"),
    **dict.fromkeys(["last year", "of last year", "del año pasado"], "last_year"),
    **dict.fromkeys(
        ["next year", "of next year", "del próximo año", "del año que viene"], "next_year"
    ),
}


def _alt(words: list[str], title_case: bool = False) -> str:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?-i:{body})" if title_case else f"(?:{body})"


_EN_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_EN_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
EN_WEEKDAY = _alt(list(calendar.day_name), title_case=True)
ES_WEEKDAY = "(?-i:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"
# Pieces the pattern tables below name as <KEY>.
MACROS: dict[str, str] = {
    "EN_MONTH": _alt(_EN_MONTHS, title_case=True),
    "EN_MONTH_ANY": rf"(?P<mon>{_alt([*_EN_MONTHS, *_EN_ABBREVIATIONS], title_case=True)})\b\.?",
    "EN_WEEKDAY": EN_WEEKDAY,
    "EN_WD_PREFIX": rf"(?:{EN_WEEKDAY},?\s+)?",
    "ES_MONTH": _alt([*_ES_MONTHS_LIST, "setiembre"]),
    "ES_WEEKDAY": ES_WEEKDAY,
    "ES_WD_PREFIX": rf"(?:(?:el\s+)?(?:(?:pasado|próximo)\s+)?{ES_WEEKDAY},?\s+)?",
    "DAY": r"(?P<d>\d{1,2})(?:st|nd|rd|th|\.?º|ro)?\b",
    "YEAR": r"(?P<y>1[5-9]\d\d|20\d\d)(?![\d%/-])",
    "NUM": rf"(?:\d{{1,3}}|{_alt(list(SMALL_NUMBERS))})",
    "PART_EN": r"(?:(?:early|late|mid-?|the (?:end|beginning|start|middle) of)\s*)?",
    "PART_ES": r"(?:a\s+)?(?:principios|finales|mediados|comienzos|inicios|fines)\s+de\s+",
    "UNITS_EN": r"(?:days?|weeks?|months?|years?|decades?)",
    "UNITS_ES": r"(?:días|semanas|meses|años|décadas|siglos)",
}
FUTURE_CUE = re.compile(
    r"\b(?:due|set|scheduled|expected|slated|planned|going) (?:to|for)\b|\bwill\b|\bshall\b"
    r"|\w'll\b|\bupcoming\b|\bto be \w+ed\b|\b\w+(?:rá|rán)\b|\bva[n]? a\b|\bse prevé\b"
    r"|\b(?:previst|programad)[oa]s? para\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\b(?:that|said|que|dijo)\b", re.IGNORECASE)
LEADING_PREP = re.compile(r"^(?:on|in|en|during|durante)\s+", re.IGNORECASE)


# --------------------------------------------------------------------------- arithmetic


def _month_shift(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + ("" if day is None else f"-{day:02d}")


def _bounds(value: str) -> tuple[date, date]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], _days_in(*parts))
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _infer_year(month: int, day: int | None, published: date, mode: str) -> int:
    """The year for a year-less date: near-or-before publication, or forward for intent."""
    year = published.year
    if mode == "next":
        end = date(year, month, day or _days_in(year, month))
        return year + 1 if end < published else year
    start = date(year, month, day or 1)
    grace = 0 if mode == "prev" else GRACE_DAYS
    return year - 1 if start > published + timedelta(days=grace) else year


# --------------------------------------------------------------------------- resolvers


def _valid(year: int, month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= _days_in(year, month))


def _resolve_absolute(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    g = m.groupdict()
    month = MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else None
    if g.get("mnum"):
        month = int(g["mnum"])
    day = int(g["d"]) if g.get("d") else (1 if g.get("first") else None)
    mode = DIRECTIONS.get((g.get("dir") or "").lower(), "next" if ctx.future_cue else "near")
    if g.get("y"):
        year = int(g["y"])
    elif month is None or ctx.published is None:
        return _Res(None, 0) if month is not None else None
    else:
        year = _infer_year(month, day, ctx.published, mode)
    if month is not None and not _valid(year, month, day):
        return None
    return _Res(_fmt(year, month, day), 0)


def _resolve_numeric(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if ctx.language == "es" or a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a  # US order, unambiguous because the day is over 12
    else:
        return None  # 03/04/2025 in English: no way to tell, so no guess
    return _Res(_fmt(year, month, day), 0) if _valid(year, month, day) else None


def _resolve_month(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    month = MONTHS[m["mon"].lower()]
    mode = DIRECTIONS[" ".join(m["dir"].lower().split())]
    direction = {"prev": -1, "last_year": -1, "next": 1, "next_year": 1}.get(mode, 0)
    pub = ctx.published
    if pub is None:
        return _Res(None, direction)
    year = {"this": pub.year, "last_year": pub.year - 1, "next_year": pub.year + 1}.get(mode)
    if mode == "prev":
        year = pub.year if month < pub.month else pub.year - 1
    elif mode == "next":
        year = pub.year if month > pub.month else pub.year + 1
    return _Res(_fmt(year or pub.year, month), direction)


def _resolve_weekday(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    wd = WEEKDAYS[m["wd"].lower()]
    words = " ".join((m.group("dir") or m.groupdict().get("dir2") or "").lower().split())
    mode = DIRECTIONS.get(words, "forward" if ctx.future_cue else "prev")
    direction = {"next": 1, "forward": 1}.get(mode, 0)
    if ctx.published is None:
        return _Res(None, direction)
    pub = ctx.published
    if mode in ("next", "forward"):
        ahead = (wd - pub.weekday()) % 7
        day = pub + timedelta(days=ahead or (7 if mode == "next" else 0))
    else:
        day = pub - timedelta(days=(pub.weekday() - wd) % 7)
    return _Res(day.isoformat(), direction)


def _shift(published: date, unit: str, amount: int) -> str:
    if unit in ("day", "days", "días", "dias"):
        return (published + timedelta(days=amount)).isoformat()
    if unit.startswith(("week", "seman")):
        moved = published + timedelta(days=7 * amount)
        return _fmt(moved.year, moved.month)
    if unit.startswith(("month", "mes")):
        return _fmt(*_month_shift(published, amount))
    return _fmt(published.year + amount)


def _fixed_shift(unit: str, amount: int, direction: int) -> _Resolver:
    def resolve(m: re.Match[str], ctx: _Ctx) -> _Res:
        value = None if ctx.published is None else _shift(ctx.published, unit, amount)
        return _Res(value, direction)

    return resolve


def _resolve_ago(m: re.Match[str], ctx: _Ctx) -> _Res:
    raw = m["n"].lower()
    count = int(raw) if raw.isdigit() else SMALL_NUMBERS[raw]
    value = None if ctx.published is None else _shift(ctx.published, m["unit"].lower(), -count)
    return _Res(value, -1)


def _resolve_decade(m: re.Match[str], ctx: _Ctx) -> _Res:
    raw = m.groupdict().get("dec") or m["dec2"]
    decade = int(raw) if len(raw) == 4 else 1900 + int(raw)
    if ctx.published is None:
        return _Res(None, 0)
    return _Res(
        None, -1 if decade + 9 < ctx.published.year else (1 if decade > ctx.published.year else 0)
    )


def _resolve_past(m: re.Match[str], ctx: _Ctx) -> _Res:
    return _Res(None, -1)


def _resolve_span(m: re.Match[str], ctx: _Ctx) -> _Res:
    word = (m.groupdict().get("dir") or m.groupdict().get("dir2") or "").lower()
    ahead = word in ("next", "coming", "próximos", "próximas", "proximos", "proximas")
    return _Res(None, 1 if ahead else (-1 if word else 0))


# --------------------------------------------------------------------------- pattern tables

# One row a pattern: kind, how to resolve it, regex. Lines that start with spaces continue
# the regex above. A resolver is a name from RESOLVERS or "unit:shift:direction" for a
# fixed expression. <NAME> stands for a piece from MACROS. Fixed expressions come first so
# that, at equal length, they beat the generic rows below them.
TABLES: dict[str, str] = {
    "en": r"""
absolute absolute      <EN_WD_PREFIX>(?:the\s+)?<EN_MONTH_ANY>\s+<DAY>(?:,?\s+<YEAR>)?
absolute absolute      <EN_WD_PREFIX>(?:the\s+)?<DAY>\s+(?:of\s+)?<EN_MONTH_ANY>(?:,?\s+<YEAR>)?
absolute absolute      <PART_EN><EN_MONTH_ANY>,?\s+<YEAR>
absolute absolute      (?:(?:in|since|until|by|during|from|through)\s+<PART_EN>
                       |early\s+|late\s+|mid-)
                       (?P<mon><EN_MONTH>)\b(?!['’]s|\s*\d)
absolute absolute      (?:(?:in|since|until|by|during|from|through|before|after)\s+
                       (?:the year\s+|early\s+|late\s+|mid-)?|early\s+|late\s+|mid-)<YEAR>
relative month         (?P<dir>last|next|this|this past|this coming)\s+
                       (?P<mon><EN_MONTH>)\b(?!\s*\d)
relative month         (?:in\s+)?(?P<mon><EN_MONTH>)\s+(?P<dir>(?:of\s+)?(?:last|this|next)\s+year)
weekday  weekday       (?:(?P<dir>last|next|this|this past|this coming|past|coming)\s+)?
                       (?P<wd><EN_WEEKDAY>)
relative ago           (?P<n><NUM>)\s+(?P<unit><UNITS_EN>)\s+ago
period   decade        (?:the\s+)?(?:early\s+|late\s+|mid-)?(?P<dec>1[5-9]\d0|20\d0)['’]?s
period   decade        the\s+(?:early\s+|late\s+|mid-)?['’]?(?P<dec2>[2-9]0)['’]?s
period   past          (?<!new )(?:the\s+)?(?-i:Cold War)
                       |(?:the\s+)?Soviet (?:era|times|period|years)
                       |(?:the\s+)?(?-i:Second World War|First World War|Special Period)
                       |World War (?:II|I)\b|(?:the\s+)?(?:Cuban\s+)?(?-i:Missile Crisis)
duration span          (?:for|over)\s+(?:the\s+)?(?:(?P<dir>past|last|next|coming)\s+)?
                       (?:<NUM>|few|several)\s+<UNITS_EN>
duration span          in\s+the\s+(?P<dir>past|last|next|coming)\s+(?:<NUM>\s+|few\s+|several\s+)?
                       <UNITS_EN>
duration span          for\s+(?:decades|years|centuries|months)
""",
    "es": r"""
absolute absolute      <ES_WD_PREFIX>(?:el\s+)?(?:(?P<dir>pasado|próximo|proximo)\s+)?
                       (?:(?P<first>primero)|<DAY>)\s+de\s+(?P<mon><ES_MONTH>)
                       (?:\s+(?:de|del)\s+<YEAR>)?
absolute absolute      (?:<PART_ES>)?(?P<mon><ES_MONTH>)(?:\s+(?:de|del))?\s+<YEAR>
absolute absolute      (?:(?:en|desde|hasta|durante)\s+(?:el\s+mes\s+de\s+)?(?:<PART_ES>)?
                       |<PART_ES>)
                       (?P<mon><ES_MONTH>)(?!\s+(?:de\s+|del\s+)?\d)
absolute absolute      (?:en|desde|hasta|durante|(?:en\s+)?el\s+año|del\s+año)\s+<YEAR>
relative month         (?:(?:en|el)\s+)?(?P<dir>pasado|próximo|proximo)\s+(?:mes\s+de\s+)?
                       (?P<mon><ES_MONTH>)(?!\s+de\s+\d)
relative month         (?:en\s+)?(?:el\s+mes\s+de\s+)?(?P<mon><ES_MONTH>)\s+(?P<dir>pasado
                       |próximo|proximo|que viene|de este año|del año pasado|del próximo año
                       |del año que viene)
weekday  weekday       (?:(?:el|este)\s+)?(?:(?P<dir>pasado|próximo|proximo)\s+)?
                       (?P<wd><ES_WEEKDAY>)
                       (?:\s+(?P<dir2>pasado|próximo|proximo|que viene))?
relative ago           hace\s+(?P<n><NUM>)\s+(?P<unit><UNITS_ES>)
period   decade        (?:los\s+)?años\s+(?P<dec>(?:19)?[2-9]0)
                       |(?:la\s+)?década\s+de\s+(?:los\s+)?(?:años\s+)?(?P<dec2>1[5-9]\d0|20\d0|[2-9]0)
period   past          (?:la\s+)?(?<!nueva )(?-i:Guerra Fr[íi]a)|(?:la\s+)?(?:época|era) soviética
                       |(?:los\s+)?tiempos (?:soviéticos|de la URSS)
                       |(?:la\s+)?(?-i:(?:Segunda|Primera) Guerra Mundial)
                       |(?:el\s+)?(?-i:Per[íi]odo Especial)
                       |(?:la\s+)?Crisis de (?:Octubre|los Misiles)
duration span          (?:durante|en)\s+(?:los|las)\s+(?P<dir>últimos|últimas|próximos|próximas)\s+
                       (?:<NUM>\s+)?<UNITS_ES>|durante\s+(?:<NUM>\s+)?<UNITS_ES>
duration past          desde\s+hace\s+<NUM>\s+<UNITS_ES>
""",
}
COMMON_TABLE = r"""
relative day:-2:-1     the day before yesterday|anteayer|antier|antes de ayer
relative day:-1:-1     yesterday|ayer
relative day:0:0       today|tonight|this (?:morning|afternoon|evening)
                       |hoy|esta (?:mañana|tarde|noche)
relative day:1:1       tomorrow|(?<!la )(?<!esta )(?<!una )(?<!cada )(?<!por )mañana
relative day:2:1       pasado mañana
relative week:-1:-1    (?:last|the past|the previous) week
                       |la (?:semana pasada|pasada semana|semana anterior)
relative week:0:0      this week|esta semana
relative week:1:1      (?:next|the coming) week
                       |la (?:próxima semana|semana próxima|semana que viene)
relative month:0:-1    earlier this month|a (?:principios|comienzos|inicios) de(?: este)? mes
relative month:0:1     later this month
relative month:-1:-1   (?:last|the previous) month|d?el (?:mes pasado|pasado mes|mes anterior)
relative month:0:0     this month|este mes
relative month:1:1     (?:next|the coming) month|d?el (?:próximo mes|mes próximo|mes que viene)
relative year:0:-1     earlier this year|a (?:principios|comienzos|inicios) de(?:l| este) año
                       |en lo que va del? año
relative year:0:1      later this year
relative year:-1:-1    last year|d?el (?:año pasado|pasado año|año anterior)
relative year:0:0      this year|este año
relative year:1:1      (?:next|the coming) year|d?el (?:próximo año|año próximo|año que viene)
relative month:0:-1    recently|(?:in )?recent (?:days|weeks)|(?:in|over) the (?:last|past)
                       \s(?:few )?days|recientemente|(?:en )?(?:los )?últimos días
                       |(?:en )?días (?:recientes|pasados)
                       |(?:en )?las últimas semanas|días atrás
absolute absolute      (?<![\d-])(?P<y>\d{4})-(?P<mnum>\d{1,2})-(?P<d>\d{1,2})(?![\d-])
absolute numeric       (?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})(?![\d/])
"""
RESOLVERS: dict[str, _Resolver] = {
    fn.__name__.removeprefix("_resolve_"): fn
    for fn in (
        *(_resolve_absolute, _resolve_numeric, _resolve_month, _resolve_weekday),
        *(_resolve_ago, _resolve_decade, _resolve_span, _resolve_past),
    )
}


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: DateKind
    pattern: re.Pattern[str]
    resolve: _Resolver


def _parse_table(table: str) -> list[_Rule]:
    rows: list[list[str]] = []
    for line in table.strip("\n").splitlines():
        if not line.strip():
            continue
        if line.startswith(" "):
            rows[-1][2] += line.strip()
        else:
            rows.append(line.split(maxsplit=2))
    rules = []
    for kind, how, src in rows:
        regex = re.sub(r"<([A-Z_]+)>", lambda m: MACROS[m[1]], src)
        if ":" in how:
            unit, shift, direction = how.split(":")
            resolve = _fixed_shift(unit, int(shift), int(direction))
        else:
            resolve = RESOLVERS[how]
        pattern = re.compile(rf"(?<!\w)(?:{regex})(?!\w)", re.IGNORECASE)
        rules.append(_Rule(cast(DateKind, kind), pattern, resolve))
    return rules


RULES: dict[str, list[_Rule]] = {
    lang: _parse_table(COMMON_TABLE + table) for lang, table in TABLES.items()
}


def _rules_for(language: str) -> tuple[str, list[_Rule]]:
    lang = (language or "en").replace("_", "-").split("-")[0].lower()
    return (lang, RULES[lang]) if lang in RULES else ("en", RULES["en"])


def _has_future_cue(sentence: str, position: int) -> bool:
    """Words of intent between the start of the clause and the date ("will meet on Friday")."""
    before = sentence[:position]
    breaks = list(CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return FUTURE_CUE.search(clause) is not None


def _direction_of(res: _Res, published: date | None) -> tuple[bool, bool | None]:
    """(future, before_published) from what the words say and where the value falls."""
    if res.direction:
        return res.direction > 0, res.direction < 0
    if res.value is None or published is None:
        return False, None
    first, last = _bounds(res.value)
    if last < published:
        return False, True
    return first > published, (False if first > published else None)


def iter_date_mentions(
    text: str, start: int, end: int, language: str, published: date | None
) -> Iterator[DateMention]:
    """Date expressions in text[start:end] (one sentence), in order, resolved to values."""
    sentence = text[start:end]
    lang, rules = _rules_for(language)
    found = [
        (m.start(), m.start() - m.end(), index, m)
        for index, rule in enumerate(rules)
        for m in rule.pattern.finditer(sentence)
    ]
    found.sort(key=lambda row: row[:3])
    taken_until = 0
    for first, _, index, m in found:
        if first < taken_until:
            continue
        rule = rules[index]
        res = rule.resolve(m, _Ctx(published, _has_future_cue(sentence, first), lang))
        if res is None:
            continue
        taken_until = m.end()
        prep = None if rule.kind == "duration" else LEADING_PREP.match(m.group())
        lo = start + first + (prep.end() if prep else 0)
        hi = start + m.end()
        future, before = _direction_of(res, published)
        yield DateMention(lo, hi, text[lo:hi], res.value, rule.kind, future, before)


def resolve_date_expression(expr: str, published: date | None, language: str) -> str | None:
    """The value of the first date expression in `expr`, or None when it has none or is vague."""
    for mention in iter_date_mentions(expr, 0, len(expr), language, published):
        return mention.value
    return None
