"""Every date-bounded query reads a lent date: mentions, counts, events and both exports."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import create_engine, update

from bilat.models import ActorRef, Article, Event, Mention, Span
from bilat.store import MentionFilter, Store, lent_dates, write_events, write_mentions
from bilat.store.export import iter_mention_records
from bilat.store.queries import select_unanchored_ids
from bilat.store.records import Dating
from bilat.store.schema import articles

# Three reports of one grain shipment: a blog with no date at all, a wire that gives the
# day in words, and a weekly whose only date is its publication day.
SENT = "Finland shipped Estonia forty tonnes of seed grain."
BLOG = Article(id="blog", text=SENT, outlet="Baltic Notes", published=None)
WIRE = Article(id="wire", text=SENT, outlet="Gulf Wire", published=dt.date(2025, 3, 20))
WEEKLY = Article(id="weekly", text=SENT, outlet="Tallinn Weekly", published=dt.date(2025, 4, 2))

MARCH_START = MentionFilter(since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 10))


def grain(
    doc_id: str, date: str | None = None, date_text: str | None = None, n: int = 0
) -> Mention:
    return Mention(
        id=f"m-{doc_id}-{n}",
        doc_id=doc_id,
        event_id="ev-grain",
        event="AID",
        actor=[ActorRef(text="Finland", country="FIN")],
        recipient=[ActorRef(text="Estonia", country="EST")],
        date=date,
        date_text=date_text,
        event_text=SENT,
        text_info=Span(start=0, end=len(SENT)),
        confidence=0.8,
        coder="test",
    )


def build(store: Store, blog_mentions: int = 1) -> Store:
    """The three reports; the wire's "on March 18" lends the blog March (first day March 1),
    so only the lent date puts the blog inside March 1-10, where no report dates itself."""
    for article in (BLOG, WIRE, WEEKLY):
        store.add_article(article)
    blog = [grain("blog", n=i) for i in range(blog_mentions)]
    store.replace_mentions("blog", blog)
    store.replace_mentions("wire", [grain("wire", "2025-03-18", "on March 18")])
    store.replace_mentions("weekly", [grain("weekly", "2025-04-02")])
    ids = [m.id for m in blog] + ["m-wire-0", "m-weekly-0"]
    store.upsert_events(
        [
            Event(
                id="ev-grain",
                event="AID",
                actor_countries=["FIN"],
                recipient_countries=["EST"],
                mention_ids=ids,
            )
        ]
    )
    engine = create_engine(store.url)
    with engine.begin() as conn:  # the blog was read on March 25, the others later
        for doc_id, day in (("blog", 25), ("wire", 28), ("weekly", 30)):
            at = dt.datetime(2025, 3 if doc_id != "weekly" else 4, day, 8)
            conn.execute(update(articles).where(articles.c.id == doc_id).values(ingested_at=at))
    engine.dispose()
    return store


@pytest.fixture
def grain_store(store: Store) -> Store:
    return build(store)


def test_mentions_and_counts_see_the_lent_date(grain_store: Store) -> None:
    assert [m.doc_id for m in grain_store.iter_mentions(MARCH_START)] == ["blog"]
    assert grain_store.count_mentions(MARCH_START) == 1
    late_march = MentionFilter(since=dt.date(2025, 3, 15), until=dt.date(2025, 3, 31))
    assert [m.doc_id for m in grain_store.iter_mentions(late_march)] == ["wire"]
    assert grain_store.count_mentions(late_march) == 1
    # unbounded queries are untouched: every mention, the blog's still without a date
    assert grain_store.count_mentions() == 3
    assert grain_store.count_mentions(MentionFilter(dyad=("FIN", "EST"))) == 3


def test_events_see_the_lent_date(grain_store: Store) -> None:
    assert [e.id for e in grain_store.iter_events(MARCH_START)] == ["ev-grain"]
    april = MentionFilter(since=dt.date(2025, 4, 1))
    assert [e.id for e in grain_store.iter_events(april)] == ["ev-grain"]  # the weekly
    february = MentionFilter(until=dt.date(2025, 2, 28))
    assert list(grain_store.iter_events(february)) == []


def test_both_exports_answer_alike(grain_store: Store) -> None:
    out = io.StringIO()
    assert write_mentions(grain_store, "jsonl", out, MARCH_START) == 1
    record = json.loads(out.getvalue())
    assert (record["doc_id"], record["date"], record["date_from"]) == ("blog", "2025-03", "wire")
    out = io.StringIO()
    assert write_events(grain_store, "jsonl", out, MARCH_START) == 1
    assert json.loads(out.getvalue())["id"] == "ev-grain"


def test_other_filters_still_apply_to_lent_mentions(grain_store: Store) -> None:
    assert (
        list(
            grain_store.iter_mentions(MentionFilter(dyad=("EST", "FIN"), since=dt.date(2025, 3, 1)))
        )
        == []
    )
    outlet = MentionFilter(
        since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 10), outlet="gulf wire"
    )
    assert grain_store.count_mentions(outlet) == 0


def test_as_of_lends_only_what_was_known(grain_store: Store) -> None:
    # by publication: the wire (March 20) is out on March 21 and lends March
    known = MentionFilter(
        since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 10), as_of=dt.date(2025, 3, 26)
    )
    assert [m.doc_id for m in grain_store.iter_mentions(known)] == ["blog"]
    # by ingest on March 26 only the blog was stored: nothing lends it a date
    stored = MentionFilter(
        since=dt.date(2025, 3, 1),
        until=dt.date(2025, 3, 10),
        as_of=dt.date(2025, 3, 26),
        as_of_basis="ingested",
    )
    assert grain_store.count_mentions(stored) == 0
    assert list(grain_store.iter_events(stored)) == []


def test_a_limit_counts_lent_and_dated_mentions_alike(grain_store: Store) -> None:
    march = MentionFilter(since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 31), limit=1)
    assert [m.doc_id for m in grain_store.iter_mentions(march)] == ["blog"]  # document order
    assert grain_store.count_mentions(march) == 1
    assert (
        grain_store.count_mentions(
            MentionFilter(since=dt.date(2025, 3, 1), until=dt.date(2025, 3, 31))
        )
        == 2
    )


def test_more_lent_mentions_than_one_chunk(store: Store) -> None:
    build(store, blog_mentions=620)
    assert store.count_mentions(MARCH_START) == 620
    records = list(iter_mention_records(store, MARCH_START))
    assert len(records) == 620 and {r["date"] for r in records} == {"2025-03"}


def test_an_export_lends_each_mention_its_date_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the bounded selection found the lent dates already: the export writes those, it does
    # not lend them again (nor does an unbounded export lend one twice)
    build(store, blog_mentions=3)
    lent: Counter[str] = Counter()
    real = lent_dates.find_linked_dating

    def counting(m: Mention, *args: Any) -> Dating:
        lent[m.id] += 1
        return real(m, *args)

    monkeypatch.setattr(lent_dates, "find_linked_dating", counting)
    assert {r["date"] for r in iter_mention_records(store, MARCH_START)} == {"2025-03"}
    assert lent == {f"m-blog-{i}": 1 for i in range(3)}
    lent.clear()
    assert len(list(iter_mention_records(store))) == 5
    assert lent == {f"m-blog-{i}": 1 for i in range(3)}


def test_only_mentions_that_can_be_lent_a_date_are_scanned(grain_store: Store) -> None:
    old = grain("blog", n=1).model_copy(update={"historical": True})
    loose = grain("blog", n=2).model_copy(update={"event_id": None})
    grain_store.replace_mentions("blog", [grain("blog"), old, loose])
    engine = create_engine(grain_store.url)
    with engine.connect() as conn:
        scanned = list(conn.execute(select_unanchored_ids(MARCH_START)).scalars())
    engine.dispose()
    assert scanned == ["m-blog-0"]
    assert [m.id for m in grain_store.iter_mentions(MARCH_START)] == ["m-blog-0"]
