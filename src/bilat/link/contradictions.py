"""Contradictions between the reports of one event: figures, dates and roles that cannot all hold.

A figure is read as the interval of values its qualifier allows (N is the written value):

* no qualifier — exactly N, give or take EXACT_TOLERANCE (0.5%) for rounding
  ("1.64 million" and "1,640,000" agree);
* "up to" (as many as, hasta) — [0, N];
* "at least" (no less than, al menos) — [N, ∞);
* "over" (more than, above, más de) — (N, ∞): "up to 15,000" and "over 15,000" cannot both hold;
* "under" (less than, fewer than, menos de) — [0, N);
* "almost" (nearly, just under, casi) — [N − 5%, N]: "almost 20,000" allows 19,526;
* "about" (around, some, roughly, unos) — [N − 5%, N + 5%].

Two figures of one comparable unit (the same currency, or the same count noun folded to the
singular) agree when their intervals meet. Two articles disagree on a unit when none of the
figures one states agrees with any the other states: an article that gives a batch and the
total beside it does not contradict one that gives only the batch. Only articles are
compared, never the sentences of one article (its figures usually count different things).

Dates: two articles disagree when both state dates in words (not the publication date a
coder fell back on) and the span of days one states does not meet the other's: a partial date
is all of its month or year ("in May" meets "9 May", "in July" does not meet "in September"),
and several dates in one article are read as one range. Roles: one article has X acting on Y and
another Y acting on X, and neither says both; not for JOINT types (AGREE, SUPPORT,
COOPERATE), where both sides act together and the order is the coder's convention.

Each side lists its values as written, the articles that state them and their outlets
(`outlets` maps article id -> outlet; the linker does not know outlets, the pipeline does).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from bilat.models import Contradiction, Figure, Mention, Side

EXACT_TOLERANCE = 0.005
# Types where both sides act together (a signing, a joint project): which one the coder
# names first is a convention, not a claim about who acted.
JOINT = frozenset({"AGREE", "SUPPORT", "COOPERATE"})
APPROXIMATE = 0.05


@dataclass(frozen=True)
class Interval:
    """The values a figure allows; an open end excludes its bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Interval) -> bool:
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        if low > high:
            return False
        # a shared bound counts only when both intervals hold it
        return not (
            (self.low == low and self.low_open)
            or (other.low == low and other.low_open)
            or (self.high == high and self.high_open)
            or (other.high == high and other.high_open)
        )


def interval_of(value: float, qualifier: str | None) -> Interval:
    """The values a figure "qualifier value" allows (the table is in the module docstring)."""
    n = abs(value)
    if qualifier == "up to":
        return Interval(0.0, n)
    if qualifier == "at least":
        return Interval(n, math.inf)
    if qualifier == "over":
        return Interval(n, math.inf, low_open=True)
    if qualifier == "under":
        return Interval(0.0, n, high_open=True)
    if qualifier == "almost":
        return Interval(n * (1 - APPROXIMATE), n)
    if qualifier == "about":
        return Interval(n * (1 - APPROXIMATE), n * (1 + APPROXIMATE))
    return Interval(n * (1 - EXACT_TOLERANCE), n * (1 + EXACT_TOLERANCE))


def fold_unit(figure: Figure) -> str | None:
    """A key for comparable figures: the currency, or the count noun in the singular."""
    unit = (figure.unit or "").strip().lower()
    if not unit:
        return None
    if figure.kind == "money" or figure.kind == "percent":
        return f"{figure.kind}:{unit}"
    if unit.endswith("ies") and len(unit) > 4:
        unit = unit[:-3] + "y"
    elif unit.endswith(("sses", "xes", "ches", "shes")):
        unit = unit[:-2]
    elif unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    return unit


@dataclass(frozen=True)
class Claim:
    """One value one article states about the event."""

    doc_id: str
    text: str
    key: Interval | tuple[str, str]  # what is compared: values, a span of days, a direction


def _sides(claims: Sequence[Claim], outlets: Mapping[str, str | None]) -> list[Side]:
    """Claims grouped by what they say, written values kept, sides in order of their text."""
    by_value: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        by_value[c.text].add(c.doc_id)
    sides = []
    for value in sorted(by_value):
        docs = sorted(by_value[value])
        found = sorted({o for d in docs if (o := outlets.get(d))})
        sides.append(Side(value=value, doc_ids=docs, outlets=found))
    return sides


def _disagreeing(
    by_doc: Mapping[str, list[Claim]], agree: Callable[[Claim, Claim], bool]
) -> list[Claim]:
    """The claims of every pair of articles none of whose claims agree."""
    involved: set[str] = set()
    for a, b in combinations(sorted(by_doc), 2):
        if not any(agree(x, y) for x in by_doc[a] for y in by_doc[b]):
            involved |= {a, b}
    return [c for d in sorted(involved) for c in by_doc[d]]


def _figures_agree(a: Claim, b: Claim) -> bool:
    assert isinstance(a.key, Interval) and isinstance(b.key, Interval)
    return a.key.meets(b.key)


def iter_figure_contradictions(
    mentions: Iterable[Mention], outlets: Mapping[str, str | None]
) -> Iterator[Contradiction]:
    by_unit: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    written: dict[str, str] = {}  # the unit as the first report names it ("residents")
    for m in mentions:
        for f in m.figures:
            unit = fold_unit(f)
            if unit is not None and f.unit:
                written.setdefault(unit, f.unit)
                claim = Claim(m.doc_id, f.text, interval_of(f.value, f.qualifier))
                if claim not in by_unit[unit][m.doc_id]:
                    by_unit[unit][m.doc_id].append(claim)
    for unit in sorted(by_unit):
        claims = _disagreeing(by_unit[unit], _figures_agree)
        if claims:
            yield Contradiction(kind="figure", about=written[unit], sides=_sides(claims, outlets))


def span_of_days(value: str) -> tuple[str, str] | None:
    """The first and last day a (partial) date covers, as ISO strings: "2025-02" ->
    ("2025-02-01", "2025-02-28"); None for a value that is no date."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        month = int(parts[1])
        if len(parts) == 2:
            first = dt.date(year, month, 1)
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            return first.isoformat(), last.isoformat()
        day = dt.date(year, month, int(parts[2])).isoformat()
    except (ValueError, IndexError):
        return None
    return day, day


def _stated_span(m: Mention) -> tuple[str, str] | None:
    """The days a date the text states covers (a publication date stands in for none)."""
    if m.date and m.date_text:
        return span_of_days(m.date)
    return None


def iter_date_contradictions(
    mentions: Iterable[Mention], outlets: Mapping[str, str | None]
) -> Iterator[Contradiction]:
    days: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for m in mentions:
        if m.date and (span := _stated_span(m)) is not None:
            days[m.doc_id][m.date] = span
    by_doc = {}
    for d, found in days.items():
        # an article's dates read as one range: from its first day to its last
        whole = (min(a for a, _ in found.values()), max(b for _, b in found.values()))
        by_doc[d] = [Claim(d, date, whole) for date in sorted(found)]

    def agree(a: Claim, b: Claim) -> bool:
        assert isinstance(a.key, tuple) and isinstance(b.key, tuple)
        return a.key[0] <= b.key[1] and b.key[0] <= a.key[1]

    claims = _disagreeing(by_doc, agree)
    if claims:
        yield Contradiction(kind="date", about="date", sides=_sides(claims, outlets))


def iter_role_contradictions(
    mentions: Iterable[Mention], outlets: Mapping[str, str | None]
) -> Iterator[Contradiction]:
    directions: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        if m.event in JOINT:
            continue
        for a in m.countries("actor"):
            for r in m.countries("recipient"):
                if a != r:
                    directions[m.doc_id].add((a, r))
    disputed: set[frozenset[str]] = set()
    for a, b in combinations(sorted(directions), 2):
        one, other = directions[a], directions[b]
        for x, r in one:
            if (r, x) in other and (r, x) not in one and (x, r) not in other:
                disputed.add(frozenset((x, r)))
    claims = [
        Claim(d, f"{x} -> {r}", (x, r))
        for d in sorted(directions)
        for x, r in sorted(directions[d])
        if frozenset((x, r)) in disputed
    ]
    if claims:
        yield Contradiction(kind="roles", about="roles", sides=_sides(claims, outlets))


def find_contradictions(
    mentions: Iterable[Mention], outlets: Mapping[str, str | None] | None = None
) -> list[Contradiction]:
    """Figures, dates and roles on which the articles reporting one event disagree.

    `mentions` are the event's mentions from every article; background mentions are left
    out (they tell an earlier happening)."""
    current = [m for m in mentions if not m.historical]
    outlets = outlets or {}
    return [
        *iter_figure_contradictions(current, outlets),
        *iter_date_contradictions(current, outlets),
        *iter_role_contradictions(current, outlets),
    ]
