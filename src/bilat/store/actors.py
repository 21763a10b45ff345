"""Actors in the store: who the stored mentions name, with whom, where; merge/split log."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, update

from bilat.errors import StoreError
from bilat.store import schema

# Merges and splits are made by hand; the others by resolution while reading articles.
DECISION_METHODS = frozenset(
    {"merge", "split", "new", "exact", "person", "loose", "acronym", "surname", "fuzzy"}
)


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor (its id, or the text when the resolver gave none) and its mention count."""

    key: str
    kind: str
    country: str | None
    mentions: int
    texts: tuple[str, ...]
    # (text, mentions) most used first: a name split off an actor takes its own count away
    text_counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A merge ("`name` is `actor_id`", name an actor id) or split ("`name` is not
    `actor_id`") made by hand, or a name tied to an actor (or made a `new` one) while
    reading an article; `number` orders the log and names it for `undo`."""

    number: int
    name: str
    actor_id: str
    method: str
    score: float
    reason: str
    made_at: dt.datetime
    undone: bool = False
    # What the article gave the name (kind, country) and which article: decisions made
    # while reading; None for merges and splits and for rows logged before migration 6.
    kind: str | None = None
    country: str | None = None
    article_id: str | None = None


@dataclass(slots=True)
class ActorActivity:
    """What the stored mentions say about one actor."""

    texts: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    counterparts: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    mentions: int = 0


def kind_of(actor_id: str | None) -> str:
    """ "person:raul-castro" -> person; a bare ISO code is a state; no id: unresolved."""
    if actor_id is None:
        return "unresolved"
    return actor_id.split(":", 1)[0] if ":" in actor_id else "state"


def count_actors(
    conn: Connection, kind: str | None = None, country: str | None = None
) -> list[ActorCount]:
    """Actors of the stored mentions, most mentioned first."""
    t = schema.mention_actors
    key = func.coalesce(t.c.actor_id, t.c.text)
    query = select(
        key.label("key"),
        t.c.actor_id,
        t.c.country,
        t.c.text,
        func.count(func.distinct(t.c.mention_id)).label("n"),
    ).group_by(key, t.c.actor_id, t.c.country, t.c.text)
    if country is not None:
        query = query.where(t.c.country == country.upper())
    merged: dict[tuple[str, str | None], tuple[str, Counter[str]]] = {}
    for row in conn.execute(query).mappings():
        _, texts = merged.setdefault(
            (row["key"], row["country"]), (kind_of(row["actor_id"]), Counter())
        )
        texts[row["text"]] += row["n"]
    found = [
        ActorCount(
            k,
            actor_kind,
            c,
            sum(texts.values()),
            tuple(t for t, _ in texts.most_common()),
            tuple(texts.most_common()),
        )
        for (k, c), (actor_kind, texts) in merged.items()
        if kind is None or actor_kind == kind
    ]
    return sorted(found, key=lambda a: (-a.mentions, a.key))


def read_activity(
    conn: Connection,
    actor_id: str | None,
    texts: list[str],
    merged: Sequence[str] = (),
    exclude_texts: Sequence[str] = (),
) -> ActorActivity:
    """Mentions naming the actor (by id, by an id `merged` into it, or by one of `texts` when
    unresolved): the names used, event types, the other side's actors and countries, and the
    outlets. Mentions written as one of `exclude_texts` are left out: names split off the
    actor after they were stored under its id are another actor's."""
    t, m, a = schema.mention_actors, schema.mentions, schema.articles
    wanted: list[ColumnElement[bool]] = [t.c.text.in_(texts)] if texts else []
    ids = [*([actor_id] if actor_id is not None else []), *merged]
    if ids:
        wanted.append(t.c.actor_id.in_(ids))
    activity = ActorActivity()
    if not wanted:
        return activity
    where = or_(*wanted)
    if exclude_texts:
        where = and_(where, t.c.text.not_in(list(exclude_texts)))
    own = conn.execute(
        select(t.c.mention_id, t.c.role, t.c.text, m.c.event, a.c.outlet)
        .join(m, m.c.id == t.c.mention_id)
        .join(a, a.c.id == m.c.doc_id)
        .where(where)
    ).all()
    sides = {(r.mention_id, r.role) for r in own}
    for row in own:
        activity.texts[row.text] += 1
    for _, event, outlet in {(r.mention_id, r.event, r.outlet) for r in own}:
        activity.mentions += 1
        activity.events[event] += 1
        activity.outlets[outlet or "?"] += 1
    ids = sorted({mid for mid, _ in sides})
    if not ids:
        return activity
    others = conn.execute(
        select(t.c.mention_id, t.c.role, t.c.text, t.c.actor_id, t.c.country).where(
            t.c.mention_id.in_(ids)
        )
    ).all()
    for mention_id, role, text, other_id, other_country in others:
        if (mention_id, role) in sides:
            continue
        activity.counterparts[other_id or text] += 1
        if other_country:
            activity.countries[other_country] += 1
    return activity


def add_decision(
    conn: Connection,
    name: str,
    actor_id: str,
    method: str,
    score: float,
    reason: str,
    *,
    kind: str | None = None,
    country: str | None = None,
    article_id: str | None = None,
) -> StoredDecision:
    """Append a decision to the log; it comes back with its number."""
    if method not in DECISION_METHODS:
        raise StoreError(
            f"an actor decision is one of {', '.join(sorted(DECISION_METHODS))}, not {method!r}"
        )
    made_at = dt.datetime.now().replace(microsecond=0)
    t = schema.actor_decisions
    found = conn.execute(
        t.insert().values(
            name=name,
            actor_id=actor_id,
            method=method,
            score=score,
            reason=reason,
            made_at=made_at,
            undone=False,
            kind=kind,
            country=country,
            article_id=article_id,
        )
    )
    number = int(found.inserted_primary_key[0])  # type: ignore[index]
    return StoredDecision(
        number, name, actor_id, method, score, reason, made_at, False, kind, country, article_id
    )


def read_decisions(conn: Connection) -> list[StoredDecision]:
    """The whole log in the order it was made, undone decisions included."""
    t = schema.actor_decisions
    rows = conn.execute(select(t).order_by(t.c.id)).mappings()
    return [
        StoredDecision(
            r["id"],
            r["name"],
            r["actor_id"],
            r["method"],
            r["score"],
            r["reason"],
            r["made_at"],
            bool(r["undone"]),
            r["kind"],
            r["country"],
            r["article_id"],
        )
        for r in rows
    ]


def undo_decision(conn: Connection, number: int) -> StoredDecision:
    """Mark decision `number` undone (kept in the log); the decision as it now stands."""
    t = schema.actor_decisions
    found = [d for d in read_decisions(conn) if d.number == number]
    if not found:
        raise StoreError(f"no actor decision number {number}: `bilat actors decisions` lists them")
    if found[0].undone:
        raise StoreError(f"actor decision {number} is already undone")
    conn.execute(update(t).where(t.c.id == number).values(undone=True))
    return replace(found[0], undone=True)
