"""`bilat stats --as-of`: the store's counts over what was known at the end of a past day.

The same counts as store/stats.py, each restricted to the articles learned by then
(queries.known_by, the test `bilat events --as-of` replays with): their mentions, the events
with at least one of those mentions (the events history.current_events keeps), their dyads,
languages and outlets, and the failures recorded by then. An event's type does not change
in a replay, so events are counted in SQL rather than replayed one by one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, exists, func, select

from bilat.store.queries import AsOfBasis, known_by
from bilat.store.schema import articles, events, failures, mentions
from bilat.store.stats import UNKNOWN, StoreStats, count_top_dyads


def _count(conn: Connection, query: Select[Any]) -> int:
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def _group(conn: Connection, column: Any, query: Select[Any]) -> dict[str, int]:
    """Rows of `query` per value of `column` (a column `query` selects from), most first."""
    n = func.count().label("n")
    grouped = query.with_only_columns(column, n).group_by(column).order_by(n.desc(), column)
    out: dict[str, int] = {}
    for key, count in conn.execute(grouped).all():
        name = key if key else UNKNOWN
        out[name] = out.get(name, 0) + int(count)
    return out


def _known_mentions(known: ColumnElement[bool]) -> Select[Any]:
    joined = mentions.join(articles, articles.c.id == mentions.c.doc_id)
    return select(mentions.c.id).select_from(joined).where(known)


def compute_stats_as_of(
    conn: Connection, as_of: dt.date, basis: AsOfBasis = "published", top: int = 10
) -> StoreStats:
    """The counts of `bilat stats` as they stood at the end of `as_of`."""
    known = known_by(as_of, basis)
    known_articles = select(articles.c.id).where(known)
    known_mentions = _known_mentions(known)
    cited = (
        select(mentions.c.id)
        .select_from(mentions.join(articles, articles.c.id == mentions.c.doc_id))
        .where(mentions.c.event_id == events.c.id, known)
    )
    known_events = select(events.c.id).where(exists(cited))
    next_midnight = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    recorded = select(failures.c.id).where(failures.c.at < next_midnight)
    return StoreStats(
        articles=_count(conn, known_articles),
        mentions=_count(conn, known_mentions),
        events=_count(conn, known_events),
        failures=_count(conn, recorded),
        by_type=_group(conn, mentions.c.event, known_mentions),
        events_by_type=_group(conn, events.c.event, known_events),
        top_dyads=count_top_dyads(conn, top, known),
        by_language=_group(conn, articles.c.language, known_articles),
        by_outlet=_group(conn, articles.c.outlet, known_articles),
        failures_by_stage=_group(conn, failures.c.stage, recorded),
    )
