"""MentionFilter and the portable SQL it becomes (no dialect-specific functions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    func,
    or_,
    select,
    true,
    union_all,
)

from bilat.store.rows import make_countries_key
from bilat.store.schema import articles, event_countries, events, mention_actors, mentions

AsOfBasis = Literal["published", "ingested"]


@dataclass(frozen=True)
class MentionFilter:
    """Which mentions (or events, through their mentions) to return; None = no restriction.

    `dyad` is directed: (actor country, recipient country), ISO-3. `since`/`until` apply to
    the mention date (a partial date counts as its first day), or to the article's
    publication date when the mention has none, or, with neither, to the date linked
    coverage lends it (store/lent_dates.py: the Store admits those mentions by id).
    `outlet` matches exactly, ignoring case.

    `as_of` replays what was known at the end of that day: only mentions from articles
    learned by then count. `as_of_basis` says what "learned" means: "published" (the
    article's publication date, its ingest day when it has none: when the world could know)
    or "ingested" (when bilat stored it). See store/history.py."""

    dyad: tuple[str, str] | None = None
    event_types: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    doc_id: str | None = None
    coder: str | None = None
    limit: int | None = None
    as_of: dt.date | None = None
    as_of_basis: AsOfBasis = "published"

    def is_bounded(self) -> bool:
        """Whether since or until is set: only then can a lent date admit a mention."""
        return self.since is not None or self.until is not None

    def in_bounds(self, day: dt.date) -> bool:
        """Whether `day` lies within since/until (either may be open)."""
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )


def _has_actor(role: str, country: str) -> ColumnElement[bool]:
    # Uncorrelated IN: one index lookup by country, not one probe per mention (a correlated
    # EXISTS let SQLite pick the country index inside the loop and go quadratic).
    ma = mention_actors.alias()
    return mentions.c.id.in_(
        select(ma.c.mention_id).where(ma.c.role == role, ma.c.country == country)
    )


def known_by(as_of: dt.date, basis: AsOfBasis = "published") -> ColumnElement[bool]:
    """Articles learned by the end of `as_of` (a WHERE clause over `articles`).

    Portable: the ingest time is compared with the next midnight, not cast to a date."""
    next_midnight = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    ingested = articles.c.ingested_at < next_midnight
    if basis == "ingested":
        return ingested
    return or_(
        articles.c.published <= as_of,
        and_(articles.c.published.is_(None), ingested),
    )


def _when() -> ColumnElement[dt.date]:
    """The date since/until compare: the mention's own, else its article's publication date."""
    return func.coalesce(mentions.c.date_start, articles.c.published)


def build_conditions(flt: MentionFilter | None, lent: Sequence[str] = ()) -> ColumnElement[bool]:
    """A WHERE clause over `mentions` joined with `articles` (on doc_id); the mentions
    `lent` (ids, lent_dates.find_lent_datings) pass since/until on the date they are lent."""
    if flt is None:
        return true()
    conds: list[ColumnElement[bool]] = []
    if flt.dyad is not None:
        actor, recipient = flt.dyad
        conds += [_has_actor("actor", actor.upper()), _has_actor("recipient", recipient.upper())]
    if flt.event_types:
        conds.append(mentions.c.event.in_([t.upper() for t in flt.event_types]))
    when = _when()
    bounds = [when >= flt.since] if flt.since is not None else []
    bounds += [when <= flt.until] if flt.until is not None else []
    if bounds and lent:
        # inlined, not bound: the list may pass the database's limit on parameters
        ids: BindParameter[str] = bindparam(
            "lent", list(lent), expanding=True, literal_execute=True
        )
        conds.append(or_(and_(*bounds), mentions.c.id.in_(ids)))
    elif bounds:
        conds.append(and_(*bounds))
    if flt.outlet is not None:
        conds.append(func.lower(articles.c.outlet) == flt.outlet.lower())
    if flt.doc_id is not None:
        conds.append(mentions.c.doc_id == flt.doc_id)
    if flt.coder is not None:
        conds.append(mentions.c.coder == flt.coder)
    if flt.as_of is not None:
        conds.append(known_by(flt.as_of, flt.as_of_basis))
    return and_(true(), *conds)


def select_mention_ids(flt: MentionFilter | None, lent: Sequence[str] = ()) -> Select[str]:
    """Ids of the matching mentions, in document order (article, then offset)."""
    query = (
        select(mentions.c.id)
        .select_from(mentions.join(articles, articles.c.id == mentions.c.doc_id))
        .where(build_conditions(flt, lent))
        .order_by(articles.c.seq, mentions.c.start, mentions.c.end, mentions.c.id)
    )
    if flt is not None and flt.limit is not None:
        query = query.limit(flt.limit)
    return query


def count_mentions_query(flt: MentionFilter | None, lent: Sequence[str] = ()) -> Select[int]:
    inner = select(mentions.c.id).select_from(
        mentions.join(articles, articles.c.id == mentions.c.doc_id)
    )
    inner = inner.where(build_conditions(flt, lent))
    if flt is not None and flt.limit is not None:
        inner = inner.limit(flt.limit)
    return select(func.count()).select_from(inner.subquery())


def select_event_ids(flt: MentionFilter | None, lent: Sequence[str] = ()) -> Select[str]:
    """Ids of events with at least one matching mention (all events when flt is None)."""
    query = select(events.c.id).order_by(events.c.date_start.asc().nulls_last(), events.c.id)
    if flt is not None:
        matching = (
            select(mentions.c.id)
            .select_from(mentions.join(articles, articles.c.id == mentions.c.doc_id))
            .where(mentions.c.event_id == events.c.id, build_conditions(flt, lent))
        )
        query = query.where(exists(matching))
        if flt.limit is not None:
            query = query.limit(flt.limit)
    return query


def select_unanchored_ids(flt: MentionFilter) -> Select[str]:
    """Ids of the mentions `flt` matches but for since/until and its limit that have neither
    a date nor a publication date: those whose date only linked coverage can lend (news of
    a linked event: records.is_undated_article leaves the others undated)."""
    free = replace(flt, since=None, until=None, limit=None)
    lendable = [mentions.c.event_id.is_not(None), mentions.c.historical.is_(False)]
    return (
        select(mentions.c.id)
        .select_from(mentions.join(articles, articles.c.id == mentions.c.doc_id))
        .where(build_conditions(free), _when().is_(None), *lendable)
        .order_by(mentions.c.id)
    )


# A partial date spans at most a year: an event overlapping a window starts at most this
# long before it, which bounds the index range the window query scans.
LONGEST_SPAN = dt.timedelta(days=366)
# Undated events are asked for beside a window: the most recently updated this many.
UNDATED_LIMIT = 100


def select_candidate_ids(
    event_types: str | Sequence[str],
    countries: list[str],
    around: dt.date | None,
    window_days: int,
    *,
    with_undated: bool = False,
    limit: int | None = None,
    same_countries: bool = False,
) -> Select[str]:
    """Events of the type(s) sharing a country (`same_countries`: having exactly them, no
    other) whose (partial) date overlaps the window.

    `around` None asks for undated events only; `with_undated` adds undated events (the
    UNDATED_LIMIT most recently updated) to a dated window, and, with `around` None, asks
    for events of any date (the most recent `limit`).

    Cost stays flat as the store grows: each part is a bounded range of the (event,
    date_start, date_end) index, and the country test is a primary-key probe per event
    found there, never a list of every event of a country. With `same_countries` the
    range is that of one (event, countries) key of its own index: it holds the dyad's
    events only, however many other events the window holds."""
    types = [event_types] if isinstance(event_types, str) else sorted(set(event_types))
    if same_countries:
        shares = [events.c.countries == make_countries_key(countries)]
    else:
        shares = [
            exists().where(
                event_countries.c.event_id == events.c.id,
                event_countries.c.country.in_(countries),
            )
        ]
    base = select(events.c.id).where(events.c.event.in_(types), *shares)
    undated = base.where(events.c.date_start.is_(None))
    if around is None:
        if not with_undated:
            return undated.order_by(events.c.id)
        recent = events.c.date_start.desc().nulls_first()
        query = base.order_by(recent, events.c.id)
        return query.limit(limit) if limit is not None else query
    window = dt.timedelta(days=window_days)
    dated = base.where(
        events.c.date_start <= around + window,
        events.c.date_start >= around - window - LONGEST_SPAN,
        events.c.date_end >= around - window,
    )
    if not with_undated:
        return dated.order_by(events.c.id)
    latest = (
        undated.order_by(events.c.updated_at.desc(), events.c.id).limit(UNDATED_LIMIT).subquery()
    )
    both = union_all(dated, select(latest.c.id)).subquery()
    return select(both.c.id).order_by(both.c.id)
