"""Counts over a store: what `bilat stats` shows and the API serves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from bilat.store.schema import articles, events, failures, mention_actors, mentions

UNKNOWN = "unknown"  # the key for articles with no language or outlet


@dataclass(frozen=True)
class StoreStats:
    articles: int
    mentions: int
    events: int
    failures: int
    by_type: dict[str, int]  # mentions per PLOVER type
    events_by_type: dict[str, int]
    top_dyads: list[tuple[str, str, int]]  # (actor country, recipient country, mentions)
    by_language: dict[str, int]
    by_outlet: dict[str, int]
    failures_by_stage: dict[str, int]


def _count(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _group(conn: Connection, column: Any) -> dict[str, int]:
    n = func.count().label("n")
    rows = conn.execute(select(column, n).group_by(column).order_by(n.desc(), column)).all()
    out: dict[str, int] = {}
    for key, count in rows:
        name = key if key else UNKNOWN
        out[name] = out.get(name, 0) + int(count)
    return out


def count_top_dyads(
    conn: Connection, top: int, known: ColumnElement[bool] | None = None
) -> list[tuple[str, str, int]]:
    """Directed country pairs by the number of mentions that code them, most first; with
    `known` (a condition on articles), only the mentions of those articles."""
    a = mention_actors.alias("a")
    r = mention_actors.alias("r")
    n = func.count(func.distinct(a.c.mention_id)).label("n")
    pairs = a.join(r, r.c.mention_id == a.c.mention_id)
    conditions: list[ColumnElement[bool]] = [
        a.c.role == "actor",
        r.c.role == "recipient",
        a.c.country.is_not(None),
        r.c.country.is_not(None),
    ]
    if known is not None:
        pairs = pairs.join(mentions, mentions.c.id == a.c.mention_id).join(
            articles, articles.c.id == mentions.c.doc_id
        )
        conditions.append(known)
    query = (
        select(a.c.country, r.c.country, n)
        .select_from(pairs)
        .where(*conditions)
        .group_by(a.c.country, r.c.country)
        .order_by(n.desc(), a.c.country, r.c.country)
        .limit(top)
    )
    return [(str(x), str(y), int(c)) for x, y, c in conn.execute(query).all()]


def compute_stats(conn: Connection, top: int = 10) -> StoreStats:
    return StoreStats(
        articles=_count(conn, articles),
        mentions=_count(conn, mentions),
        events=_count(conn, events),
        failures=_count(conn, failures),
        by_type=_group(conn, mentions.c.event),
        events_by_type=_group(conn, events.c.event),
        top_dyads=count_top_dyads(conn, top),
        by_language=_group(conn, articles.c.language),
        by_outlet=_group(conn, articles.c.outlet),
        failures_by_stage=_group(conn, failures.c.stage),
    )
