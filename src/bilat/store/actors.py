"""Read side of actors in the store: who the stored mentions name, and with whom, where."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, func, or_, select

from bilat.store import schema


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor (its id, or the text when the resolver gave none) and its mention count."""

    key: str
    kind: str
    country: str | None
    mentions: int
    texts: tuple[str, ...]


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
        ActorCount(k, actor_kind, c, sum(texts.values()), tuple(t for t, _ in texts.most_common()))
        for (k, c), (actor_kind, texts) in merged.items()
        if kind is None or actor_kind == kind
    ]
    return sorted(found, key=lambda a: (-a.mentions, a.key))


def read_activity(conn: Connection, actor_id: str | None, texts: list[str]) -> ActorActivity:
    """Mentions naming the actor (by id, or by one of `texts` when unresolved): the names
    used, event types, the other side's actors and countries, and the outlets."""
    t, m, a = schema.mention_actors, schema.mentions, schema.articles
    wanted: list[ColumnElement[bool]] = [t.c.text.in_(texts)] if texts else []
    if actor_id is not None:
        wanted.append(t.c.actor_id == actor_id)
    activity = ActorActivity()
    if not wanted:
        return activity
    own = conn.execute(
        select(t.c.mention_id, t.c.role, t.c.text, m.c.event, a.c.outlet)
        .join(m, m.c.id == t.c.mention_id)
        .join(a, a.c.id == m.c.doc_id)
        .where(or_(*wanted))
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
