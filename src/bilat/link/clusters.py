"""Mention -> Event clustering, first version: restatements within an article, and the same
happening across articles when type, country pair and a known date agree.

Deliberately conservative (precision first): across articles two mentions join only when
both dates are known and compatible; look-alike happenings a year apart never meet, and a
mention with no date founds its own event. Deterministic: the same mentions in the same
order always give the same event ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bilat.models import Article, Event, Figure, Mention, stable_id

# (event type, countries, around, window days) -> events already stored
CandidateLookup = Callable[[str, Sequence[str], dt.date | None, int], list[Event]]

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    "a an the of and or to in on at for with by from as is was were be been has have had "
    "that this its it their his her said says will would also after before over into "
    "el la los las de del y o a en con por para un una que se su sus es fue ha han al lo".split()
)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP)


def mention_words(m: Mention) -> frozenset[str]:
    """Content words of the evidence outside the actors' names: two sentences about the same
    delegation share its name, which says nothing about their being one happening."""
    names = set().union(*(content_words(a.text) for a in (*m.actor, *m.recipient)))
    return content_words(m.event_text) - names


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (a headline is short)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when both are known and one is a prefix of the other ("2025-09" ~ "2025-09-14")."""
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def parse_partial(value: str | None) -> dt.date | None:
    """The first day of a partial date: "2025" -> 2025-01-01, "2025-09" -> 2025-09-01."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def pair_of(m: Mention) -> frozenset[str]:
    return frozenset(m.countries("actor")) | frozenset(m.countries("recipient"))


def figures_conflict(a: Sequence[Figure], b: Sequence[Figure]) -> bool:
    """Within one article, a restatement does not change its money figures."""
    money_a = {f.unit: f.value for f in a if f.kind == "money"}
    return any(
        f.kind == "money" and f.unit in money_a and abs(money_a[f.unit] - f.value) > 0.02 * f.value
        for f in b
    )


@dataclass
class _Draft:
    """An event being assembled from one article's mentions."""

    event_id: str
    mentions: list[Mention]
    words: frozenset[str]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    def date(self) -> str | None:
        dated = [m.date for m in self.mentions if m.date]
        return max(dated, key=len) if dated else None


def same_in_article(draft: _Draft, m: Mention, title_end: int) -> bool:
    first = draft.first
    if m.event != first.event or pair_of(m) != pair_of(first) or m.historical != first.historical:
        return False
    d1, d2 = draft.date(), m.date
    if d1 and d2 and not dates_compatible(d1, d2):
        return False
    if any(figures_conflict(x.figures, m.figures) for x in draft.mentions):
        return False
    # A headline restated by the lead shares its key words; two separate meetings of the same
    # delegation in one article usually do not.
    in_title = first.text_info.end <= title_end
    needed = 0.34 if in_title else 0.5
    return overlap(draft.words, mention_words(m)) >= needed


def cluster_article(article: Article, mentions: Sequence[Mention]) -> list[_Draft]:
    title_end = len(article.text.split("\n", 1)[0])
    drafts: list[_Draft] = []
    for m in sorted(mentions, key=lambda x: (x.text_info.start, x.id)):
        for draft in drafts:
            if same_in_article(draft, m, title_end):
                draft.mentions.append(m)
                draft.words = draft.words | mention_words(m)
                break
        else:
            drafts.append(_Draft(stable_id("event", m.id), [m], mention_words(m)))
    return drafts


def matches_stored(draft: _Draft, event: Event) -> bool:
    first = draft.first
    stored_pair = frozenset(event.actor_countries) | frozenset(event.recipient_countries)
    return (
        event.event == first.event
        and stored_pair == pair_of(first)
        and not first.historical
        and dates_compatible(draft.date(), event.date)
    )


def build_event(event_id: str, mentions: Sequence[Mention], base: Event | None) -> Event:
    actor = {c for m in mentions for c in m.countries("actor")}
    recipient = {c for m in mentions for c in m.countries("recipient")}
    dated = [m.date for m in mentions if m.date]
    figures = [f for m in mentions for f in m.figures]
    if base is not None:
        actor |= set(base.actor_countries)
        recipient |= set(base.recipient_countries)
        dated += [base.date] if base.date else []
        figures = [*base.figures, *figures]
    seen: set[tuple[float, str | None, str]] = set()
    unique = []
    for f in figures:
        key = (f.value, f.unit, f.text)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return Event(
        id=event_id,
        event=mentions[0].event if base is None else base.event,
        actor_countries=sorted(actor),
        recipient_countries=sorted(recipient),
        date=max(dated, key=len) if dated else None,
        mention_ids=sorted({m.id for m in mentions} | set(base.mention_ids if base else [])),
        figures=unique,
    )


def link_article(
    article: Article,
    mentions: Sequence[Mention],
    candidates: CandidateLookup,
    window_days: int = 7,
) -> tuple[list[Mention], list[Event]]:
    """Give each mention an event id; return the mentions and the events to upsert."""
    linked: list[Mention] = []
    events: list[Event] = []
    for draft in cluster_article(article, mentions):
        first = draft.first
        base: Event | None = None
        date = draft.date()
        if date and not first.historical:
            found = candidates(
                first.event, sorted(pair_of(first)), parse_partial(date), window_days
            )
            matching = sorted((e for e in found if matches_stored(draft, e)), key=lambda e: e.id)
            base = matching[0] if matching else None
        event_id = base.id if base else draft.event_id
        linked.extend(m.model_copy(update={"event_id": event_id}) for m in draft.mentions)
        events.append(build_event(event_id, draft.mentions, base))
    return linked, events
