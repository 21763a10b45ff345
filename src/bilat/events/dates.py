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

from bilat.events.date_patterns import (
    CLAUSE_BREAK,
    COMMON_TABLE,
    DIRECTIONS,
    FUTURE_CUE,
    LEADING_PREP,
    MACROS,
    MONTHS,
    PAST_CUE,
    SMALL_NUMBERS,
    TABLES,
    WEEKDAYS,
)

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
    cues = list(FUTURE_CUE.finditer(clause))
    return bool(cues) and PAST_CUE.search(clause, cues[-1].end()) is None


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
