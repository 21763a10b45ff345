"""Mentions and events in SQL, read back with their articles and copies; the dates they carry."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import BindParameter, Connection, Select, bindparam, delete, or_, select, update

from bilat.errors import StoreError
from bilat.models import Event, Mention
from bilat.store import copies, rows, schema

if TYPE_CHECKING:
    from bilat.store.history import Learned

CHUNK = 500
DateSource = Literal["text", "published", "linked"]


def mark_copies(
    event: Event, joined: Sequence[Mapping[Any, Any]], originals: Mapping[str, str]
) -> Event:
    """The event with its copies (articles whose first original, `originals`, reports it
    too) set apart and the outlets of the other articles: the independent sources."""
    docs = {r["doc_id"] for r in joined}
    found = sorted({d for d in docs if originals.get(d) in docs})
    if not found:
        return event
    outlets = sorted({r["outlet"] for r in joined if r["doc_id"] not in found and r["outlet"]})
    return event.model_copy(update={"copy_doc_ids": found, "source_outlets": outlets})


def replace_mentions(
    conn: Connection, article_id: str, mentions: Sequence[Mention], coders: set[str]
) -> None:
    """Replace the article's mentions by `coders` with `mentions` (Store.replace_mentions)."""
    stray = [m for m in mentions if m.doc_id != article_id]
    if stray:
        raise StoreError(
            f"mention {stray[0].id} belongs to article {stray[0].doc_id!r}, "
            f"not {article_id!r}: pass each article's own mentions"
        )
    table = schema.mentions
    if not conn.execute(
        select(schema.articles.c.id).where(schema.articles.c.id == article_id)
    ).first():
        raise StoreError(f"article {article_id!r} is not in the store: add the article first")
    # The article's mentions by doc_id alone, coders picked here: given both, SQLite may
    # pick the coder index and scan every mention of that coder.
    found = conn.execute(select(table.c.id, table.c.coder).where(table.c.doc_id == article_id))
    old = [i for i, c in found.all() if c in coders]
    for chunk in rows.iter_chunks(old, CHUNK):
        conn.execute(
            delete(schema.mention_actors).where(schema.mention_actors.c.mention_id.in_(chunk))
        )
        conn.execute(delete(table).where(table.c.id.in_(chunk)))
    if mentions:
        conn.execute(table.insert(), [rows.make_mention_row(m) for m in mentions])
        actors = [r for m in mentions for r in rows.make_actor_rows(m)]
        if actors:
            conn.execute(schema.mention_actors.insert(), actors)


def read_article_mentions(conn: Connection, article_id: str) -> list[Mention]:
    """The article's mentions ordered by their offsets."""
    table = schema.mentions
    query = (
        select(table.c.record, table.c.event_id)
        .where(table.c.doc_id == article_id)
        .order_by(table.c.start, table.c.end, table.c.id)
    )
    return [rows.read_mention(r, e) for r, e in conn.execute(query).all()]


def read_event_mentions(conn: Connection, event_ids: Sequence[str]) -> list[Mention]:
    """The stored mentions of these events, in document order."""
    table = schema.mentions
    found: list[Mention] = []
    for chunk in rows.iter_chunks(event_ids, CHUNK):
        query = (
            select(table.c.record, table.c.event_id)
            .where(table.c.event_id.in_(chunk))
            .order_by(table.c.doc_id, table.c.start, table.c.id)
        )
        found.extend(rows.read_mention(r, e) for r, e in conn.execute(query).all())
    return found


def fetch_mentions(conn: Connection, ids: Sequence[str]) -> dict[str, Mention]:
    """The mentions with these ids, by id."""
    table = schema.mentions
    query = select(table.c.id, table.c.record, table.c.event_id).where(table.c.id.in_(ids))
    return {i: rows.read_mention(r, e) for i, r, e in conn.execute(query).all()}


def write_events(conn: Connection, events: Sequence[Event], now: dt.datetime) -> None:
    """Insert or update events by id, and point their mentions (mention_ids) at them."""
    table = schema.events
    for e in events:
        row = rows.make_event_row(e, now)
        if conn.execute(select(table.c.id).where(table.c.id == e.id)).first():
            del row["id"]
            conn.execute(update(table).where(table.c.id == e.id).values(**row))
        else:
            conn.execute(table.insert().values(**row))
        places = schema.event_countries
        conn.execute(delete(places).where(places.c.event_id == e.id))
        country_rows = rows.make_event_country_rows(e)
        if country_rows:
            conn.execute(places.insert(), country_rows)
        # only mentions not pointing here yet: an event joined again would otherwise rewrite
        # the rows of all its earlier mentions, scattered over a large store's pages
        m = schema.mentions
        elsewhere = or_(m.c.event_id.is_(None), m.c.event_id != e.id)
        for chunk in rows.iter_chunks(e.mention_ids, CHUNK):
            conn.execute(update(m).where(m.c.id.in_(chunk), elsewhere).values(event_id=e.id))


@cache
def build_fetch_events() -> tuple[Select[Any], Select[Any]]:
    """The two queries of `fetch_events` (parameter `ids`), built once: the linker reads
    its candidates with them for every cluster, and building a statement costs more than
    SQLite takes to run it."""
    m, a = schema.mentions, schema.articles
    ids: BindParameter[str] = bindparam("ids", expanding=True)
    found = select(schema.events).where(schema.events.c.id.in_(ids))
    joined = (
        select(
            m.c.event_id,
            m.c.id.label("mention_id"),
            m.c.doc_id,
            a.c.outlet,
            a.c.published,
            a.c.copy_of,
        )
        .select_from(m.join(a, a.c.id == m.c.doc_id))
        .where(m.c.event_id.in_(ids))
    )
    return found, joined


def fetch_events(conn: Connection, ids: Sequence[str]) -> dict[str, Event]:
    """The events with their mention ids, articles, outlets, dates and copies."""
    events_query, joined_query = build_fetch_events()
    params = {"ids": list(ids)}
    found = conn.execute(events_query, params)
    joined = conn.execute(joined_query, params)
    by_event: dict[str, list[Mapping[Any, Any]]] = defaultdict(list)
    copying: set[str] = set()
    for r in joined.mappings():
        by_event[r["event_id"]].append(r)
        if r["copy_of"] is not None:
            copying.add(r["doc_id"])
    # the first original of each copy (a link written before chaining may be a chain)
    originals = {d: o for d, (o, _) in copies.read_copies(conn, sorted(copying)).items()}
    return {
        r["id"]: mark_copies(rows.read_event(r, by_event[r["id"]]), by_event[r["id"]], originals)
        for r in found.mappings()
    }


@dataclass(frozen=True)
class Dating:
    """A mention's date and where it came from: `text` (a date expression of its article),
    `published` (its article's publication date, the coder's fallback) or `linked` (other
    articles reporting its event); `doc_id` is the article that fixed it."""

    date: str | None = None
    source: DateSource | None = None
    doc_id: str | None = None


def read_own_dating(m: Mention) -> Dating:
    """The date the mention's own article gives it (a full date with no words for it is the
    publication date the coder fell back on, as link/stages.is_soft reads it)."""
    if not m.date:
        return Dating()
    fallback = len(m.date) == 10 and not m.date_text
    return Dating(m.date, "published" if fallback else "text", m.doc_id)


def find_agreed_date(dates: Iterable[str]) -> str | None:
    """The most specific date all `dates` agree on: the most specific one when each is a
    prefix of another ("2025-09" and "2025-09-21"), else the year-month or year they share;
    None when they disagree on the year. Never a mean: a part they disagree on is dropped."""
    parts = [d.split("-") for d in dates if d]
    agreed: list[str] = []
    for level in range(3):
        values = {p[level] for p in parts if len(p) > level}
        if len(values) != 1:
            break
        agreed.append(values.pop())
    return "-".join(agreed) or None


def is_undated_article(m: Mention, learned: Mapping[str, Learned]) -> bool:
    """Whether the mention is news its own article fixes no date for: no date expression
    resolved and no publication date to fall back on (background keeps its own logic)."""
    known = learned.get(m.doc_id)
    return (
        not m.date
        and not m.historical
        and m.event_id is not None
        and known is not None
        and known.published is None
    )


def find_linked_dating(
    m: Mention,
    coverage: Sequence[Mention],
    learned: Mapping[str, Learned],
    copies_of: Mapping[str, str] | None = None,
) -> Dating:
    """The date other articles reporting m's event agree on, coarsened to the month: an
    article with no date cannot fix the day its own report is about.

    `coverage` are the mentions of m's event; only those of other articles that `learned`
    names (the caller leaves out articles not known yet) and that date the happening
    themselves count. Dates from words beat publication dates, and a copy of m's article
    (`copies_of`: copy -> original) lends no publication date: that says when it was copied.
    Nothing for a mention its own article dates, or when the reports disagree on the year."""
    if not is_undated_article(m, learned):
        return Dating()
    copied = copies_of or {}
    lenders = []
    for x in coverage:
        own = read_own_dating(x)
        if x.event_id != m.event_id or x.doc_id == m.doc_id or x.doc_id not in learned:
            continue
        if own.source is None or x.historical:
            continue
        related = copied.get(x.doc_id) == m.doc_id or copied.get(m.doc_id) == x.doc_id
        if own.source == "published" and related:
            continue
        lenders.append((own, learned[x.doc_id]))
    firm = [(d, k) for d, k in lenders if d.source == "text"] or lenders
    agreed = find_agreed_date(d.date for d, _ in firm if d.date)
    if agreed is None:
        return Dating()
    # the article that states it most precisely, the earliest known among equals
    _, lender = min(firm, key=lambda dk: (-len(dk[0].date or ""), dk[1].order()))
    return Dating(agreed[:7], "linked", lender.doc_id)
