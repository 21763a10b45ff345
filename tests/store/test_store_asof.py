"""--as-of replays and superseded reports, on records built by hand (sentences written here)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, update

from bilat.link.contradictions import find_contradictions
from bilat.models import ActorRef, Article, Contradiction, Event, Figure, Mention, Side, Span
from bilat.store import MentionFilter, Store, write_events, write_mentions
from bilat.store.history import (
    Learned,
    apply_current,
    find_superseded,
    replay_events,
    restrict_contradictions,
)
from bilat.store.schema import articles

EARLY = Article(
    id="d-early",
    text=(
        "Norway shipped water purifiers to Fiji on Monday. "
        "The units will serve up to 4,000 households."
    ),
    outlet="Harbour Times",
    published=dt.date(2025, 3, 4),
)
LATE = Article(
    id="d-late",
    text="Norway's purifiers reached Fiji on Sunday and now serve over 4,000 households.",
    outlet="Island Courier",
    published=dt.date(2025, 3, 9),
)
UNDATED = Article(
    id="d-undated", text="Fiji thanked Norway for the purifiers.", outlet="Reef Radio"
)


def make_mention(
    article: Article,
    event: str,
    actor: str,
    recipient: str,
    date: str | None = None,
    date_text: str | None = None,
    figure: Figure | None = None,
) -> Mention:
    end = len(article.text)
    return Mention(
        id=Mention.make_id(article.id, 0, end, event, "rules.v1", 0),
        doc_id=article.id,
        event=event,
        actor=[ActorRef(text=actor, country=actor)],
        recipient=[ActorRef(text=recipient, country=recipient)],
        date=date,
        date_text=date_text,
        figures=[figure] if figure else [],
        event_text=article.text,
        text_info=Span(start=0, end=end),
        confidence=0.8,
        coder="rules.v1",
    )


def households(qualifier: str) -> Figure:
    return Figure(
        value=4000, unit="households", text=f"{qualifier} 4,000 households", qualifier=qualifier
    )


EARLY_M = make_mention(EARLY, "AID", "NOR", "FJI", "2025-03-03", "on Monday", households("up to"))
LATE_M = make_mention(LATE, "AID", "NOR", "FJI", "2025-03-02", "on Sunday", households("over"))
THANKS_M = make_mention(UNDATED, "CONSULT", "FJI", "NOR")
OUTLETS = {a.id: a.outlet for a in (EARLY, LATE, UNDATED)}


@pytest.fixture
def timeline(store: Store) -> Store:
    """Two reports of one shipment that disagree on its day and figure, and one undated
    article of another event; the event is stored as the linker leaves it."""
    for article, mention in ((EARLY, EARLY_M), (LATE, LATE_M), (UNDATED, THANKS_M)):
        store.add_article(article)
        store.replace_mentions(article.id, [mention])
    both = [EARLY_M, LATE_M]
    store.upsert_events(
        [
            Event(
                id="ev-water",
                event="AID",
                actor_countries=["NOR"],
                recipient_countries=["FJI"],
                date="2025-03-03",
                mention_ids=[m.id for m in both],
                figures=[f for m in both for f in m.figures],
                contradictions=find_contradictions(both, OUTLETS),
            ),
            Event(id="ev-thanks", event="CONSULT", mention_ids=[THANKS_M.id]),
        ]
    )
    return store


def mention_ids(store: Store, flt: MentionFilter | None) -> list[str]:
    return [m.id for m in store.iter_mentions(flt)]


def set_ingested(store: Store, when: dict[str, dt.datetime]) -> None:
    engine = create_engine(store.url)
    with engine.begin() as conn:
        for doc_id, at in when.items():
            conn.execute(update(articles).where(articles.c.id == doc_id).values(ingested_at=at))
    engine.dispose()


def test_as_of_keeps_the_mentions_published_by_the_end_of_the_day(timeline: Store) -> None:
    assert mention_ids(timeline, MentionFilter(as_of=dt.date(2025, 3, 3))) == []
    assert mention_ids(timeline, MentionFilter(as_of=dt.date(2025, 3, 4))) == [EARLY_M.id]
    later = MentionFilter(as_of=dt.date(2025, 3, 9))
    assert mention_ids(timeline, later) == [EARLY_M.id, LATE_M.id]
    assert timeline.count_mentions(later) == 2
    # nothing is deleted: today every report is there
    assert len(mention_ids(timeline, None)) == 3


def test_an_article_without_a_date_counts_from_its_ingest_day(timeline: Store) -> None:
    today = dt.date.today()
    assert THANKS_M.id in mention_ids(timeline, MentionFilter(as_of=today))
    yesterday = today - dt.timedelta(days=1)
    assert THANKS_M.id not in mention_ids(timeline, MentionFilter(as_of=yesterday))
    assert [e.id for e in timeline.iter_events(MentionFilter(as_of=yesterday))] == ["ev-water"]


def test_as_of_ingest_replays_what_bilat_had_stored(timeline: Store) -> None:
    set_ingested(
        timeline,
        {EARLY.id: dt.datetime(2025, 3, 5, 10), LATE.id: dt.datetime(2025, 4, 1, 23, 59)},
    )
    by_ingest = MentionFilter(as_of=dt.date(2025, 3, 20), as_of_basis="ingested")
    assert mention_ids(timeline, by_ingest) == [EARLY_M.id]
    # published by then, but bilat had not read it yet
    assert LATE_M.id in mention_ids(timeline, MentionFilter(as_of=dt.date(2025, 3, 20)))
    end_of_day = MentionFilter(as_of=dt.date(2025, 4, 1), as_of_basis="ingested")
    assert mention_ids(timeline, end_of_day) == [EARLY_M.id, LATE_M.id]
    learned = timeline.learned_of([LATE.id])[LATE.id]
    assert not learned.known_on(dt.date(2025, 3, 31), "ingested")
    assert learned.known_on(dt.date(2025, 3, 31), "published")


def test_replay_recomputes_an_event_from_the_reports_known_then(timeline: Store) -> None:
    day = dt.date(2025, 3, 5)
    events = list(timeline.iter_events(MentionFilter(as_of=day)))
    [event] = replay_events(timeline, events, day, find=find_contradictions)
    assert event.doc_ids == [EARLY.id]
    assert event.mention_ids == [EARLY_M.id]
    assert event.outlets == ["Harbour Times"]
    assert event.first_seen == event.last_seen == dt.date(2025, 3, 4)
    assert event.date == "2025-03-03"
    assert [f.text for f in event.figures] == ["up to 4,000 households"]
    assert event.contradictions == []


def test_a_later_contradicting_report_supersedes_without_deleting(timeline: Store) -> None:
    stored = timeline.get_event("ev-water")
    assert stored is not None
    [event] = replay_events(timeline, [stored], dt.date(2025, 3, 9), find=find_contradictions)
    assert sorted(c.kind for c in event.contradictions) == ["date", "figure"]
    assert event.date == "2025-03-02"  # the latest report's day
    learned = timeline.learned_of(event.doc_ids)
    superseded = {s.kind: s for s in find_superseded(event.contradictions, learned)}
    figure = superseded["figure"]
    assert (figure.value, figure.doc_id, figure.outlet) == (
        "up to 4,000 households",
        EARLY.id,
        "Harbour Times",
    )
    assert figure.published == dt.date(2025, 3, 4)
    assert (figure.current, figure.current_doc_id) == ("over 4,000 households", LATE.id)
    assert (superseded["date"].value, superseded["date"].current) == ("2025-03-03", "2025-03-02")
    current = apply_current(event, list(superseded.values()))
    assert [f.text for f in current.figures] == ["over 4,000 households"]
    assert current.date == "2025-03-02"
    assert superseded["figure"].record()["published"] == "2025-03-04"


def test_replay_without_a_finder_cuts_the_stored_contradictions(timeline: Store) -> None:
    stored = timeline.get_event("ev-water")
    assert stored is not None and len(stored.contradictions) == 2
    [early] = replay_events(timeline, [stored], dt.date(2025, 3, 5))
    assert early.contradictions == []
    [late] = replay_events(timeline, [stored], dt.date(2025, 3, 9))
    assert late.contradictions == stored.contradictions
    assert replay_events(timeline, [stored], dt.date(2025, 3, 1)) == []


def test_restricting_a_contradiction_keeps_the_known_sides() -> None:
    three = Contradiction(
        kind="figure",
        about="households",
        sides=[
            Side(value="up to 4,000 households", doc_ids=["a"], outlets=["A"]),
            Side(value="over 4,000 households", doc_ids=["b", "c"], outlets=["B", "C"]),
            Side(value="4,500 households", doc_ids=["d"], outlets=["D"]),
        ],
    )
    [two] = restrict_contradictions([three], {"a": "A", "c": "C"})
    assert [(s.doc_ids, s.outlets) for s in two.sides] == [(["a"], ["A"]), (["c"], ["C"])]
    assert restrict_contradictions([three], {"b": "B", "c": "C"}) == []


def learned_on(*days: tuple[str, int]) -> dict[str, Learned]:
    at = dt.datetime(2025, 5, 1)
    return {d: Learned(d, d.upper(), dt.date(2025, 3, n), at) for d, n in days}


def test_reports_of_the_same_day_stay_contested() -> None:
    dispute = Contradiction(
        kind="date",
        about="date",
        sides=[Side(value="2025-03-02", doc_ids=["a"]), Side(value="2025-03-03", doc_ids=["b"])],
    )
    assert find_superseded([dispute], learned_on(("a", 9), ("b", 9))) == []
    [one] = find_superseded([dispute], learned_on(("a", 9), ("b", 10)))
    assert (one.value, one.doc_id, one.current) == ("2025-03-02", "a", "2025-03-03")


def test_a_latest_report_stating_both_values_settles_nothing() -> None:
    dispute = Contradiction(
        kind="figure",
        about="tonnes",
        sides=[Side(value="20 tonnes", doc_ids=["a", "b"]), Side(value="30 tonnes", doc_ids=["b"])],
    )
    assert find_superseded([dispute], learned_on(("a", 1), ("b", 5))) == []


def read_jsonl(text: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, text.splitlines())}


def test_export_events_as_of_and_now(timeline: Store, tmp_path: Path) -> None:
    then = io.StringIO()
    flt = MentionFilter(as_of=dt.date(2025, 3, 5))
    assert write_events(timeline, "jsonl", then, flt, find_contradictions) == 1
    early = read_jsonl(then.getvalue())["ev-water"]
    assert (early["doc_ids"], early["source_count"], early["superseded"]) == ([EARLY.id], 1, [])
    now = io.StringIO()
    assert write_events(timeline, "jsonl", now) == 2
    water = read_jsonl(now.getvalue())["ev-water"]
    assert water["date"] == "2025-03-02"
    assert [f["text"] for f in water["figures"]] == ["over 4,000 households"]
    assert len(water["contradictions"]) == 2
    assert sorted(s["value"] for s in water["superseded"]) == [
        "2025-03-03",
        "up to 4,000 households",
    ]
    out = tmp_path / "events.parquet"
    write_events(timeline, "parquet", out)
    rows = {r["id"]: r for r in pq.read_table(out).to_pylist()}
    assert {s["doc_id"] for s in rows["ev-water"]["superseded"]} == {EARLY.id}


def test_export_mentions_as_of(timeline: Store) -> None:
    buf = io.StringIO()
    assert write_mentions(timeline, "jsonl", buf, MentionFilter(as_of=dt.date(2025, 3, 8))) == 1
    assert json.loads(buf.getvalue())["doc_id"] == EARLY.id
