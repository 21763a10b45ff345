"""Dates of undated articles lent by linked coverage: agreement, coarsening, provenance, as-of."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from sqlalchemy import create_engine, update

from bilat.models import ActorRef, Article, Mention, Span
from bilat.store import MentionFilter, Store, write_mentions
from bilat.store.export import iter_mention_records, mention_record
from bilat.store.history import Learned
from bilat.store.records import (
    Dating,
    find_agreed_date,
    find_linked_dating,
    read_own_dating,
)
from bilat.store.schema import articles

SENT = "Norway sent Iceland two rescue boats."
UNDATED = Article(id="u", text=SENT, outlet="Fjord Blog", published=None)
DATED = Article(id="d", text=SENT, outlet="North Wire", published=dt.date(2025, 9, 21))
LATE = Article(id="late", text=SENT, outlet="Arctic Daily", published=dt.date(2025, 10, 10))


def make(
    doc_id: str,
    date: str | None = None,
    date_text: str | None = None,
    event_id: str | None = "ev-boats",
    historical: bool = False,
) -> Mention:
    return Mention(
        id=f"m-{doc_id}",
        doc_id=doc_id,
        event_id=event_id,
        event="AID",
        actor=[ActorRef(text="Norway", country="NOR")],
        recipient=[ActorRef(text="Iceland", country="ISL")],
        date=date,
        date_text=date_text,
        historical=historical,
        event_text=SENT,
        text_info=Span(start=0, end=len(SENT)),
        confidence=0.8,
        coder="test",
    )


def learn(*docs: tuple[str, dt.date | None]) -> dict[str, Learned]:
    at = dt.datetime(2025, 9, 25, 8)
    return {d: Learned(d, None, published, at) for d, published in docs}


KNOWN = learn(("u", None), ("d", dt.date(2025, 9, 21)), ("late", dt.date(2025, 10, 10)))


def test_agreed_date_is_the_most_specific_shared_part() -> None:
    assert find_agreed_date(["2025-09", "2025-09-21"]) == "2025-09-21"
    assert find_agreed_date(["2025-09-14", "2025-09-21"]) == "2025-09"
    assert find_agreed_date(["2025-07", "2025-09-21"]) == "2025"
    assert find_agreed_date(["2024-12-30", "2025-01-02"]) is None  # a contradiction, no mean
    assert find_agreed_date([]) is None


def test_own_dating_tells_text_from_publication_date() -> None:
    assert read_own_dating(make("d", "2025-09-21")) == Dating("2025-09-21", "published", "d")
    assert read_own_dating(make("d", "2025-09", "in September")) == Dating("2025-09", "text", "d")
    assert read_own_dating(make("u")) == Dating()


def test_undated_article_takes_the_month_of_its_coverage() -> None:
    undated = make("u")
    found = find_linked_dating(undated, [undated, make("d", "2025-09-21")], KNOWN)
    assert found == Dating("2025-09", "linked", "d")  # the day stays unknown
    # words beat a publication date, and the most precise lender is named
    coverage = [make("d", "2025-09-21"), make("late", "2025-08-29", "August 29")]
    assert find_linked_dating(undated, coverage, KNOWN) == Dating("2025-08", "linked", "late")


@pytest.mark.parametrize(
    ("mention", "coverage"),
    [
        # its article has a publication date of its own
        (make("d"), [make("late", "2025-10-10")]),
        # the only dated report is its own article's
        (make("u"), [make("u", "2025-09", "September", event_id="ev-boats")]),
        # background keeps its own logic
        (make("u", historical=True), [make("d", "2025-09-21")]),
        # a lender in another event, or a background lender
        (make("u"), [make("d", "2025-09-21", event_id="ev-other")]),
        (make("u"), [make("d", "2019", "in 2019", historical=True)]),
        # reports that disagree on the year lend nothing
        (make("u"), [make("d", "2024-12", "December"), make("late", "2025-01", "January")]),
    ],
)
def test_no_date_is_lent(mention: Mention, coverage: list[Mention]) -> None:
    assert find_linked_dating(mention, coverage, KNOWN) == Dating()


def test_a_copy_lends_no_publication_date_and_unknown_articles_lend_nothing() -> None:
    undated = make("u")
    lender = [make("d", "2025-09-21")]
    assert find_linked_dating(undated, lender, KNOWN, {"d": "u"}) == Dating()
    assert find_linked_dating(undated, lender, learn(("u", None))) == Dating()


@pytest.fixture
def covered(store: Store) -> Store:
    for article in (UNDATED, DATED, LATE):
        store.add_article(article)
    store.replace_mentions("u", [make("u")])
    store.replace_mentions("d", [make("d", "2025-09-21")])
    store.replace_mentions("late", [make("late", "2025-08-29", "August 29")])
    engine = create_engine(store.url)
    with engine.begin() as conn:
        for doc_id in ("u", "d", "late"):
            at = dt.datetime(2025, 9, 25, 8) if doc_id == "u" else dt.datetime(2025, 10, 11)
            conn.execute(update(articles).where(articles.c.id == doc_id).values(ingested_at=at))
    engine.dispose()
    return store


def test_export_gives_linked_dates_with_provenance(covered: Store) -> None:
    records = {r["doc_id"]: r for r in iter_mention_records(covered)}
    assert (records["u"]["date"], records["u"]["date_source"]) == ("2025-08", "linked")
    assert records["u"]["date_from"] == "late"
    assert records["u"]["date_text"] is None  # the article still says nothing
    assert (records["d"]["date_source"], records["d"]["date_from"]) == ("published", "d")
    assert records["late"]["date_source"] == "text"
    out = io.StringIO()
    write_mentions(covered, "jsonl", out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == list(records.values())
    out = io.StringIO()
    write_mentions(covered, "csv", out)
    row = next(r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["doc_id"] == "u")
    assert (row["date"], row["date_source"], row["date_from"]) == ("2025-08", "linked", "late")


def test_as_of_lends_only_coverage_known_then(covered: Store) -> None:
    then = MentionFilter(as_of=dt.date(2025, 9, 30))  # "late" was not out yet
    records = {r["doc_id"]: r for r in iter_mention_records(covered, then)}
    assert set(records) == {"u", "d"}
    assert (records["u"]["date"], records["u"]["date_from"]) == ("2025-09", "d")
    ingested = MentionFilter(as_of=dt.date(2025, 9, 30), as_of_basis="ingested")
    records = {r["doc_id"]: r for r in iter_mention_records(covered, ingested)}
    assert records["u"]["date"] is None and records["u"]["date_source"] is None


def test_mention_record_without_a_dating_keeps_the_mentions_own_date() -> None:
    record = mention_record(make("u"))
    assert (record["date"], record["date_source"], record["date_from"]) == (None, None, None)


def test_since_and_until_see_the_lent_date_of_an_undated_article(covered: Store) -> None:
    august = MentionFilter(since=dt.date(2025, 8, 1), until=dt.date(2025, 8, 31))
    assert {r["doc_id"] for r in iter_mention_records(covered, august)} == {"u", "late"}
    september = MentionFilter(since=dt.date(2025, 9, 1))
    assert {r["doc_id"] for r in iter_mention_records(covered, september)} == {"d"}
    # known on Sep 30, only "d" lent a date, September: the undated report is in
    then = MentionFilter(since=dt.date(2025, 9, 1), as_of=dt.date(2025, 9, 30))
    assert {r["doc_id"] for r in iter_mention_records(covered, then)} == {"u", "d"}
    # the store's own queries read the same rule (store/lent_dates.py)
    assert {m.doc_id for m in covered.iter_mentions(august)} == {"u", "late"}
    assert covered.count_mentions(august) == 2


def test_a_mention_no_report_dates_stays_out_of_bounded_exports(store: Store) -> None:
    store.add_article(UNDATED)
    store.replace_mentions("u", [make("u")])
    assert [r["doc_id"] for r in iter_mention_records(store)] == ["u"]
    bounded = MentionFilter(until=dt.date(2030, 1, 1))
    assert list(iter_mention_records(store, bounded)) == []


def test_a_limit_counts_the_mentions_inside_the_bounds(covered: Store) -> None:
    # in document order "u" comes first: it passes on its lent August date, "d" does not
    august = MentionFilter(since=dt.date(2025, 8, 1), until=dt.date(2025, 8, 31), limit=2)
    assert [r["doc_id"] for r in iter_mention_records(covered, august)] == ["u", "late"]
    september = MentionFilter(since=dt.date(2025, 9, 1), limit=1)
    assert [r["doc_id"] for r in iter_mention_records(covered, september)] == ["d"]
