"""Stages of a happening (promised, delivered, signed, said, first or later round) and dates.

A cue word anywhere in a mention's text marks its stage; two sides at different stages of a
story are kept apart by matching (link/matching.py). A full date with no words for it is the
publication date the coder fell back on: soft, the happening is only known by then.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from bilat.events.date_patterns import EN_MONTHS, ES_MONTHS_LIST, MONTHS
from bilat.link.lexicon import WORD, fold
from bilat.models import Mention

SOFT_DATE = "soft-date"  # a stage-like marker: the date is only the publication date
# Stage cues: (stage, words). A cue word anywhere in a side's evidence marks its stage.
_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "delivered",
        frozenset(
            "arrive arrived arrives arriving docked docks delivered delivers unloaded unloading "
            "handed reached reaches berthed landed received llegó llega llegaron atracó "
            "descargó descargaron entregó entregaron arribó".split()
        ),
    ),
    (
        "promised",
        frozenset(
            "will pledge pledged pledges promise promised promises plan plans planned intend "
            "intends intended announce announced announces prometió anunció anuncia enviará "
            "planea promete".split()
        ),
    ),
    (
        "signed",
        frozenset(
            "sign signed signing signs inked firmó firmaron firma firmado firmada "
            "suscribieron".split()
        ),
    ),
    (
        "statement",
        frozenset("said says told stated declared dijo afirmó declaró aseguró señaló".split()),
    ),
    ("first", frozenset("first primer primera primero initial inicial".split())),
    (
        "later",
        frozenset(
            "second third another next new fresh segundo segunda tercer tercera otra otro "
            "nuevo nueva".split()
        ),
    ),
)


_FUTURE_PASSIVE = frozenset({"be", "ser", "sera", "seria"})  # "would be signed": a plan


def mention_stages(m: Mention) -> set[str]:
    words = [fold(w) for w in WORD.findall(m.event_text)]
    stages = {stage for stage, cues in _CUES if set(words) & cues}
    if "signed" in stages:
        signing = [i for i, w in enumerate(words) if w in _CUES[2][1]]
        if all(i > 0 and words[i - 1] in _FUTURE_PASSIVE for i in signing):
            stages = (stages - {"signed"}) | {"promised"}
    if is_soft(m):
        stages.add(SOFT_DATE)
    return stages


def is_soft(m: Mention) -> bool:
    """The coder fell back on the publication date: a full date with no words for it."""
    return bool(m.date) and len(m.date or "") == 10 and not m.date_text


def pick_date(mentions: Sequence[Mention]) -> tuple[str | None, bool]:
    """The most specific date stated in the text, else the publication date the coder fell
    back on (soft: the happening is only known to be on or before it)."""
    firm = [m.date for m in mentions if m.date and not is_soft(m)]
    if firm:
        return max(firm, key=len), False
    soft = [m.date for m in mentions if m.date]
    return (max(soft, key=len), True) if soft else (None, False)


def stage_veto(a: frozenset[str], b: frozenset[str]) -> str | None:
    """Why two sides are different stages of a story, or None."""
    if ("first" in a and "later" in b and "first" not in b) or (
        "first" in b and "later" in a and "first" not in a
    ):
        return "first batch vs a later round"
    delivered_only = {s for s in (a, b) if "delivered" in s and "promised" not in s}
    promised_only = {s for s in (a, b) if "promised" in s and "delivered" not in s}
    if delivered_only and promised_only:
        return "delivered vs promised"
    said_only = [s for s in (a, b) if "statement" in s and "signed" not in s]
    if said_only and any("signed" in s for s in (a, b)):
        return "statement vs signing"
    return None


def days_apart(a: str, b: str) -> int | None:
    """Days between two full dates; None when either is partial."""
    if len(a) != 10 or len(b) != 10:
        return None
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def date_range(value: str, soft: bool, window_days: int) -> tuple[dt.date, dt.date] | None:
    """The days a date may mean: a partial date its whole span; a soft date the window
    before it (a report tells of what already happened)."""
    start = parse_start(value)
    if start is None:
        return None
    if soft:
        return start - dt.timedelta(days=window_days), start
    if len(value) == 4:
        return start, dt.date(start.year, 12, 31)
    if len(value) == 7:
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - dt.timedelta(days=1)
    return start, start


# Where a sentence passes from one clause to the next: "began in February, under the
# agreement the two sides signed in December" tells two happenings, each with its own date.
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[—–]\s+|\s+--\s+")
# English month names are capitalised: "may" is a verb; Spanish ones are lower case
_NAMES = "|".join([*EN_MONTHS, *ES_MONTHS_LIST, "setiembre"])
_MONTH = re.compile(rf"\b({_NAMES})\b(?:\s+(?:del?\s+)?((?:19|20)\d\d))?")
_YEAR = re.compile(r"\b(?:in|en)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def split_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence, split at commas, semicolons and dashes."""
    bounds = [0, *(b for m in _CLAUSE_BREAK.finditer(text) for b in (m.start(), m.end()))]
    bounds.append(len(text))
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def find_clause_date(text: str, published: dt.date | None) -> str | None:
    """The month (or year) a clause about a done act names: "in February" is the latest
    February up to the publication date; None when it names neither (or no year is known)."""
    found = _MONTH.search(text)
    if found:
        month = MONTHS[found.group(1).casefold()]
        if found.group(2):
            return f"{found.group(2)}-{month:02d}"
        if published is None:
            return None
        return f"{published.year - (month > published.month)}-{month:02d}"
    year = _YEAR.search(text)
    return year.group(1) if year else None


def parse_start(value: str) -> dt.date | None:
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return dt.date(*numbers[:3])
    except (ValueError, TypeError):
        return None
