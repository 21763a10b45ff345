"""Time in the store: when each report was learned, --as-of replays, superseded reports.

Every stored fact keeps two times. When it happened is the mention's `date` (partial dates
allowed). When it was learned is its article's: `published` (when the world could know,
the ingest day standing in when an article has no date) and `ingested_at` (when bilat
knew). Nothing is deleted as reports come in: a replay `as_of` a day keeps only the
mentions of articles learned by the end of that day and recomputes each event from them
(articles, outlets, first/last seen, date, figures, contradictions).

A later report that contradicts an earlier one supersedes it: for each contradiction the
value the latest report states is current and every value stated only by strictly earlier
reports is kept as `Superseded` (value, article, outlet, publication date), never dropped.
Reports of the same day that disagree stay contested, superseding no one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from bilat.models import Contradiction, Event, Figure, Mention
from bilat.store import rows, schema
from bilat.store.queries import AsOfBasis, MentionFilter

if TYPE_CHECKING:
    from bilat.store.store import Store

# Recomputes an event's contradictions from some of its mentions; the link stage has one
# (link.contradictions.find_contradictions), which the store may not import.
ContradictionFinder = Callable[[Sequence[Mention], Mapping[str, str | None]], list[Contradiction]]

CHUNK = 500


@dataclass(frozen=True)
class Learned:
    """When one article became known: to the world (published) and to bilat (ingested)."""

    doc_id: str
    outlet: str | None
    published: dt.date | None
    ingested_at: dt.datetime

    @property
    def day(self) -> dt.date:
        """The day the world could know it: its publication date, else its ingest day."""
        return self.published or self.ingested_at.date()

    def known_on(self, as_of: dt.date, basis: AsOfBasis = "published") -> bool:
        """Learned by the end of `as_of` (the same test as queries.known_by, in Python)."""
        if basis == "ingested":
            return self.ingested_at.date() <= as_of
        return self.day <= as_of

    def order(self) -> tuple[dt.date, dt.datetime, str]:
        return (self.day, self.ingested_at, self.doc_id)


@dataclass(frozen=True)
class Superseded:
    """A value an earlier report stated that a later, contradicting report replaced."""

    kind: str
    about: str
    value: str
    doc_id: str
    outlet: str | None
    published: dt.date | None
    current: str  # the value the latest report states
    current_doc_id: str

    def record(self) -> dict[str, Any]:
        """The export contract's `superseded` item (docs/export.md)."""
        return {
            "kind": self.kind,
            "about": self.about,
            "value": self.value,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "current": self.current,
            "current_doc_id": self.current_doc_id,
        }


def read_learned(conn: Connection, doc_ids: Sequence[str]) -> dict[str, Learned]:
    """Outlet, publication date and ingest time of each stored article among `doc_ids`."""
    table = schema.articles
    found: dict[str, Learned] = {}
    for chunk in rows.iter_chunks(sorted(set(doc_ids)), CHUNK):
        query = select(table.c.id, table.c.outlet, table.c.published, table.c.ingested_at).where(
            table.c.id.in_(chunk)
        )
        for doc_id, outlet, published, ingested_at in conn.execute(query).all():
            found[doc_id] = Learned(doc_id, outlet, published, ingested_at)
    return found


def find_superseded(
    contradictions: Iterable[Contradiction], learned: Mapping[str, Learned]
) -> list[Superseded]:
    """Values of each contradiction that a strictly later report replaced.

    The latest report (by publication day, then ingest time) fixes the current value; when
    it states two of the disputed values itself it settles nothing and none is superseded."""
    found: list[Superseded] = []
    for c in contradictions:
        docs = {d for s in c.sides for d in s.doc_ids if d in learned}
        if not docs:
            continue
        latest = max((learned[d] for d in docs), key=Learned.order)
        current = [s for s in c.sides if latest.doc_id in s.doc_ids]
        if len(current) != 1:
            continue
        for side in c.sides:
            if side is current[0]:
                continue
            for d in side.doc_ids:
                if d in learned and learned[d].day < latest.day:
                    found.append(
                        Superseded(
                            kind=c.kind,
                            about=c.about,
                            value=side.value,
                            doc_id=d,
                            outlet=learned[d].outlet,
                            published=learned[d].published,
                            current=current[0].value,
                            current_doc_id=latest.doc_id,
                        )
                    )
    return found


def apply_current(event: Event, superseded: Sequence[Superseded]) -> Event:
    """`event` showing current values: a superseded date gives way to the latest report's,
    and superseded figures leave `figures` (they stay in `superseded`)."""
    dates = [s for s in superseded if s.kind == "date"]
    gone = {s.value for s in superseded if s.kind == "figure"}
    if not dates and not gone:
        return event
    figures = [f for f in event.figures if f.text not in gone]
    date = dates[0].current if dates else event.date
    return event.model_copy(update={"date": date, "figures": figures})


def restrict_contradictions(
    contradictions: Iterable[Contradiction], outlets: Mapping[str, str | None]
) -> list[Contradiction]:
    """Stored contradictions as seen by the articles `outlets` names (article -> outlet):
    sides keep those articles, and a contradiction left with one side is gone. Used when no
    ContradictionFinder is given; it can keep two sides that the finder would find agree
    once a third report is left out."""
    found = []
    for c in contradictions:
        sides = []
        for s in c.sides:
            docs = [d for d in s.doc_ids if d in outlets]
            if docs:
                named = sorted({o for d in docs if (o := outlets[d])})
                sides.append(s.model_copy(update={"doc_ids": docs, "outlets": named}))
        if len(sides) > 1:
            found.append(c.model_copy(update={"sides": sides}))
    return found


def _pick_date(mentions: Sequence[Mention], learned: Mapping[str, Learned]) -> str | None:
    # As the linker picks it: the most specific date the text states, else the publication
    # date a coder fell back on (a full date with no words for it); among equally specific
    # dates the latest report's, as supersession would have it.
    firm = [m for m in mentions if m.date and (m.date_text or len(m.date) != 10)]
    dated = firm or [m for m in mentions if m.date]
    if not dated:
        return None

    def rank(m: Mention) -> tuple[int, tuple[dt.date, dt.datetime, str] | tuple[()]]:
        known = learned.get(m.doc_id)
        return (len(m.date or ""), known.order() if known else ())

    return max(dated, key=rank).date


def _unique_figures(mentions: Sequence[Mention]) -> list[Figure]:
    seen: set[tuple[float, str | None, str]] = set()
    unique = []
    for f in (f for m in mentions for f in m.figures):
        if (f.value, f.unit, f.text) not in seen:
            seen.add((f.value, f.unit, f.text))
            unique.append(f)
    return unique


def replay_event(
    event: Event,
    mentions: Sequence[Mention],
    learned: Mapping[str, Learned],
    find: ContradictionFinder | None = None,
) -> Event:
    """`event` as its `mentions` (the ones known then) alone describe it; the linker's
    profile (keywords, names, stages) is kept as stored."""
    docs = sorted({m.doc_id for m in mentions})
    outlets = {d: learned[d].outlet if d in learned else None for d in docs}
    published = [p for d in docs if d in learned and (p := learned[d].published)]
    if find is not None:
        contradictions = find(mentions, outlets)
    else:
        contradictions = restrict_contradictions(event.contradictions, outlets)
    return event.model_copy(
        update={
            "actor_countries": sorted({c for m in mentions for c in m.countries("actor")}),
            "recipient_countries": sorted({c for m in mentions for c in m.countries("recipient")}),
            "date": _pick_date(mentions, learned),
            "mention_ids": sorted({m.id for m in mentions}),
            "doc_ids": docs,
            "outlets": sorted({o for o in outlets.values() if o}),
            "first_seen": min(published) if published else None,
            "last_seen": max(published) if published else None,
            "figures": _unique_figures(mentions),
            "contradictions": contradictions,
        }
    )


def replay_events(
    store: Store,
    events: Sequence[Event],
    as_of: dt.date,
    basis: AsOfBasis = "published",
    find: ContradictionFinder | None = None,
) -> list[Event]:
    """The events as known at the end of `as_of`, in their order; an event none of whose
    articles was learned by then is left out."""
    mentions = store.mentions_for_events([e.id for e in events])
    learned = store.learned_of(sorted({m.doc_id for m in mentions}))
    known: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.event_id and m.doc_id in learned and learned[m.doc_id].known_on(as_of, basis):
            known[m.event_id].append(m)
    return [replay_event(e, known[e.id], learned, find) for e in events if known.get(e.id)]


@dataclass(frozen=True)
class CurrentEvents:
    """Events as a reader sees them: replayed when `as_of` is set, superseded values moved
    aside; `learned` holds the outlet and dates of every article they cite."""

    events: list[tuple[Event, list[Superseded]]]
    learned: dict[str, Learned]


def current_events(
    store: Store,
    events: Sequence[Event],
    as_of: dt.date | None = None,
    basis: AsOfBasis = "published",
    find: ContradictionFinder | None = None,
) -> CurrentEvents:
    """The one way events are shown and exported: replay (with `as_of`), then supersession."""
    if as_of is not None:
        events = replay_events(store, events, as_of, basis, find)
    learned = store.learned_of(sorted({d for e in events for d in e.doc_ids}))
    shown = []
    for e in events:
        superseded = find_superseded(e.contradictions, learned)
        shown.append((apply_current(e, superseded), superseded))
    return CurrentEvents(shown, learned)


@dataclass(frozen=True)
class EventListing:
    """Events as `bilat events` lists them: each current event (current_events) with its
    superseded values and the mentions that matched; how many events (an unlinked mention
    counting as its own) and mentions matched before the limit."""

    events: list[tuple[Event, list[Superseded], list[Mention]]]
    matched_events: int
    matched_mentions: int


def list_current_events(
    store: Store, flt: MentionFilter, limit: int, find: ContradictionFinder | None = None
) -> EventListing:
    """The events of the mentions `flt` matches, in the order of their first matching
    mention, the first `limit` of them, as current_events shows them (replayed with
    `flt.as_of`); the events are read in one query per CHUNK, not one each."""
    found = list(store.iter_mentions(flt))
    by_event: dict[str, list[Mention]] = {}
    for m in found:
        by_event.setdefault(m.event_id or m.id, []).append(m)
    stored = store.get_events(list(by_event)[:limit])
    shown = current_events(store, stored, flt.as_of, flt.as_of_basis, find).events
    listed = [(e, superseded, by_event[e.id]) for e, superseded in shown]
    return EventListing(listed, len(by_event), len(found))
