"""MentionFilter and the portable SQL it becomes (no dialect-specific functions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select, true

from bilat.store.schema import articles, event_countries, events, mention_actors, mentions


@dataclass(frozen=True)
class MentionFilter:
    """Which mentions (or events, through their mentions) to return; None = no restriction.

    `dyad` is directed: (actor country, recipient country), ISO-3. `since`/`until` apply to
    the mention date (a partial date counts as its first day), or to the article's
    publication date when the mention has none. `outlet` matches exactly, ignoring case."""

    dyad: tuple[str, str] | None = None
    event_types: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    doc_id: str | None = None
    coder: str | None = None
    limit: int | None = None


def _has_actor(role: str, country: str) -> ColumnElement[bool]:
    # Uncorrelated IN: one index lookup by country, not one probe per mention (a correlated
    # EXISTS let SQLite pick the country index inside the loop and go quadratic).
    ma = mention_actors.alias()
    return mentions.c.id.in_(
        select(ma.c.mention_id).where(ma.c.role == role, ma.c.country == country)
    )


def build_conditions(flt: MentionFilter | None) -> ColumnElement[bool]:
    """A WHERE clause over `mentions` joined with `articles` (on doc_id)."""
    if flt is None:
        return true()
    conds: list[ColumnElement[bool]] = []
    if flt.dyad is not None:
        actor, recipient = flt.dyad
        conds += [_has_actor("actor", actor.upper()), _has_actor("recipient", recipient.upper())]
    if flt.event_types:
        conds.append(mentions.c.event.in_([t.upper() for t in flt.event_types]))
    when = func.coalesce(mentions.c.date_start, articles.c.published)
    if flt.since is not None:
        conds.append(when >= flt.since)
    if flt.until is not None:
        conds.append(when <= flt.until)
    if flt.outlet is not None:
        conds.append(func.lower(articles.c.outlet) == flt.outlet.lower())
    if flt.doc_id is not None:
        conds.append(mentions.c.doc_id == flt.doc_id)
    if flt.coder is not None:
        conds.append(mentions.c.coder == flt.coder)
    return and_(true(), *conds)


def select_mention_ids(flt: MentionFilter | None) -> Select[str]:
    """Ids of the matching mentions, in document order (article, then offset)."""
    query = (
        select(mentions.c.id)
        .select_from(mentions.join(articles, articles.c.id == mentions.c.doc_id))
        .where(build_conditions(flt))
        .order_by(articles.c.seq, mentions.c.start, mentions.c.end, mentions.c.id)
    )
    if flt is not None and flt.limit is not None:
        query = query.limit(flt.limit)
    return query


def count_mentions_query(flt: MentionFilter | None) -> Select[int]:
    inner = select(mentions.c.id).select_from(
        mentions.join(articles, articles.c.id == mentions.c.doc_id)
    )
    inner = inner.where(build_conditions(flt))
    if flt is not None and flt.limit is not None:
        inner = inner.limit(flt.limit)
    return select(func.count()).select_from(inner.subquery())


def select_event_ids(flt: MentionFilter | None) -> Select[str]:
    """Ids of events with at least one matching mention (all events when flt is None)."""
    query = select(events.c.id).order_by(events.c.date_start.asc().nulls_last(), events.c.id)
    if flt is not None:
        matching = (
            select(mentions.c.id)
            .select_from(mentions.join(articles, articles.c.id == mentions.c.doc_id))
            .where(mentions.c.event_id == events.c.id, build_conditions(flt))
        )
        query = query.where(exists(matching))
        if flt.limit is not None:
            query = query.limit(flt.limit)
    return query


def select_candidate_ids(
    event_types: str | Sequence[str],
    countries: list[str],
    around: dt.date | None,
    window_days: int,
    *,
    with_undated: bool = False,
    limit: int | None = None,
) -> Select[str]:
    """Events of the type(s) sharing a country whose (partial) date overlaps the window.

    `around` None asks for undated events only; `with_undated` adds undated events to a
    dated window, and, with `around` None, events of any date (the most recent `limit`)."""
    types = [event_types] if isinstance(event_types, str) else sorted(set(event_types))
    sharing = select(event_countries.c.event_id).where(event_countries.c.country.in_(countries))
    query = select(events.c.id).where(events.c.event.in_(types), events.c.id.in_(sharing))
    undated = events.c.date.is_(None)
    if around is None:
        if not with_undated:
            query = query.where(undated)
    else:
        window = dt.timedelta(days=window_days)
        in_window = and_(
            events.c.date_start <= around + window, events.c.date_end >= around - window
        )
        query = query.where(or_(in_window, undated) if with_undated else in_window)
    if limit is not None:
        recent = events.c.date_start.desc().nulls_first()
        return query.order_by(recent, events.c.id).limit(limit)
    return query.order_by(events.c.id)
