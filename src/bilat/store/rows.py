"""Conversions between bilat records (Article, Mention, Event, Failure) and table rows."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import TypeAdapter

from bilat.models import Article, Contradiction, Event, Failure, Figure, Mention

_FIGURES = TypeAdapter(list[Figure])
_CONTRADICTIONS = TypeAdapter(list[Contradiction])


def parse_partial_date(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day that YYYY-MM-DD, YYYY-MM or YYYY covers; None if unreadable."""
    if not value:
        return None
    parts = value.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = dt.date(*numbers)
            return day, day
        if len(numbers) == 2:
            year, month = numbers
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if len(numbers) == 1 and len(parts[0]) == 4:
            return dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31)
    except ValueError:
        return None
    return None


def make_article_row(article: Article, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "source": article.source,
        "content_hash": article.content_hash,
        "text": article.text,
        "ingested_at": now,
    }


def read_article(row: Mapping[Any, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
        language=row["language"],
        source=row["source"],
        content_hash=row["content_hash"],
    )


def make_mention_row(m: Mention) -> dict[str, Any]:
    span = parse_partial_date(m.date)
    return {
        "id": m.id,
        "doc_id": m.doc_id,
        "event_id": m.event_id,
        "event": m.event,
        "mode": m.mode,
        "date": m.date,
        "date_start": span[0] if span else None,
        "historical": m.historical,
        "start": m.text_info.start,
        "end": m.text_info.end,
        "confidence": m.confidence,
        "coder": m.coder,
        "cameo": m.cameo,
        "goldstein": m.goldstein,
        "quad_code": m.quad_code,
        "record": m.model_dump_json(),
    }


def make_actor_rows(m: Mention) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for role, refs in (("actor", m.actor), ("recipient", m.recipient)):
        for position, ref in enumerate(refs):
            rows.append(
                {
                    "mention_id": m.id,
                    "role": role,
                    "position": position,
                    "text": ref.text,
                    "country": ref.country,
                    "sector": ref.sector,
                    "actor_id": ref.actor_id,
                }
            )
    return rows


def read_mention(record: str, event_id: str | None) -> Mention:
    """The stored Mention; its event id comes from the column, which the linker updates."""
    mention = Mention.model_validate_json(record)
    if mention.event_id != event_id:
        mention = mention.model_copy(update={"event_id": event_id})
    return mention


def make_event_row(e: Event, now: dt.datetime) -> dict[str, Any]:
    span = parse_partial_date(e.date)
    return {
        "id": e.id,
        "event": e.event,
        "date": e.date,
        "date_start": span[0] if span else None,
        "date_end": span[1] if span else None,
        "actor_countries": json.dumps(sorted(set(e.actor_countries))),
        "recipient_countries": json.dumps(sorted(set(e.recipient_countries))),
        "figures": _FIGURES.dump_json(e.figures).decode("utf-8"),
        "updated_at": now,
        "profile": json.dumps({"keywords": e.keywords, "names": e.names, "stages": e.stages}),
        "contradictions": _CONTRADICTIONS.dump_json(e.contradictions).decode("utf-8"),
        "countries": make_countries_key([*e.actor_countries, *e.recipient_countries]),
    }


def make_countries_key(countries: Iterable[str]) -> str:
    """The events.countries key: the distinct countries, sorted, space-separated."""
    return " ".join(sorted(set(countries)))


def make_event_country_rows(e: Event) -> list[dict[str, Any]]:
    return [
        {"event_id": e.id, "role": role, "country": country}
        for role, countries in (("actor", e.actor_countries), ("recipient", e.recipient_countries))
        for country in sorted(set(countries))
    ]


def read_event(row: Mapping[Any, Any], joined: Sequence[Mapping[Any, Any]]) -> Event:
    """An Event from its row and the rows of its mentions joined with their articles
    (keys: mention_id, doc_id, outlet, published)."""
    published = [r["published"] for r in joined if r["published"] is not None]
    profile = json.loads(row.get("profile") or "{}")
    return Event(
        id=row["id"],
        event=row["event"],
        date=row["date"],
        actor_countries=json.loads(row["actor_countries"]),
        recipient_countries=json.loads(row["recipient_countries"]),
        figures=_FIGURES.validate_json(row["figures"]),
        mention_ids=sorted({r["mention_id"] for r in joined}),
        doc_ids=sorted({r["doc_id"] for r in joined}),
        outlets=sorted({r["outlet"] for r in joined if r["outlet"]}),
        first_seen=min(published) if published else None,
        last_seen=max(published) if published else None,
        keywords=profile.get("keywords", []),
        names=profile.get("names", []),
        stages=profile.get("stages", []),
        contradictions=_CONTRADICTIONS.validate_json(row.get("contradictions") or "[]"),
    )


def make_failure_row(f: Failure) -> dict[str, Any]:
    return {"stage": f.stage, "item": f.item, "reason": f.reason, "at": f.at}


def read_failure(row: Mapping[Any, Any]) -> Failure:
    return Failure(stage=row["stage"], item=row["item"], reason=row["reason"], at=row["at"])


def iter_chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    """Slices of at most `size` items: keeps IN (...) lists under the driver's limits."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
