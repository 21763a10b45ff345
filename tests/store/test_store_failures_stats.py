"""Failures as data, and the counts `bilat stats` shows."""

from __future__ import annotations

import datetime as dt

from store_corpus import DAKAR, LIMA, QUITO, corpus_mentions

from bilat.models import Event, Failure
from bilat.store import Store


def test_failures_round_trip_by_stage(store: Store) -> None:
    first = Failure(stage="ingest", item="feed.xml:3", reason="empty entry: nothing to read")
    second = Failure(
        stage="events", item="a-lima", reason="coder crashed", at=dt.datetime(2025, 9, 1, 8, 30)
    )
    store.add_failure(first)
    store.add_failure(second)
    assert list(store.iter_failures()) == [first, second]
    assert list(store.iter_failures("events")) == [second]
    assert list(store.iter_failures("nlp")) == []


def test_a_failure_loses_nothing_else(filled: Store) -> None:
    before = (list(filled.iter_articles()), list(filled.iter_mentions()))
    filled.add_failure(Failure(stage="nlp", item=LIMA.id, reason="model missing"))
    assert (list(filled.iter_articles()), list(filled.iter_mentions())) == before
    assert filled.stats().failures == 1


def test_stats_counts_and_top_dyads(filled: Store) -> None:
    lima = corpus_mentions()[LIMA.id]
    filled.upsert_events(
        [
            Event(id="e1", event="AGREE", mention_ids=[lima[0].id]),
            Event(id="e2", event="AID", mention_ids=[lima[1].id]),
            Event(id="e3", event="AID"),
        ]
    )
    filled.add_failure(Failure(stage="ingest", item="x.bin", reason="binary"))
    filled.add_failure(Failure(stage="ingest", item="y.bin", reason="binary"))
    filled.add_failure(Failure(stage="link", item="z", reason="odd"))
    stats = filled.stats()
    assert (stats.articles, stats.mentions, stats.events, stats.failures) == (3, 6, 3, 3)
    assert stats.by_type == {"AGREE": 2, "AID": 2, "CONSULT": 2}
    assert stats.events_by_type == {"AID": 2, "AGREE": 1}
    assert stats.top_dyads[0] == ("CHL", "PER", 2)
    assert set(stats.top_dyads[1:]) == {
        ("ECU", "COL", 1),
        ("MLI", "SEN", 1),
        ("PER", "CHL", 1),
        ("SEN", "MLI", 1),
    }
    assert filled.stats(top=2).top_dyads == [("CHL", "PER", 2), ("ECU", "COL", 1)]
    assert stats.by_language == {"en": 2, "es": 1}
    assert stats.by_outlet == {"Andes Post": 1, "Quito Ledger": 1, "Sahel Wire": 1}
    assert stats.failures_by_stage == {"ingest": 2, "link": 1}


def test_stats_of_an_empty_store(store: Store) -> None:
    stats = store.stats()
    assert (stats.articles, stats.mentions, stats.events, stats.failures) == (0, 0, 0, 0)
    assert stats.top_dyads == [] and stats.by_type == {} and stats.by_outlet == {}


def test_stats_name_missing_language_and_outlet(store: Store) -> None:
    store.add_article(QUITO.model_copy(update={"language": None, "outlet": None}))
    store.add_article(DAKAR)
    stats = store.stats()
    assert stats.by_language == {"en": 1, "unknown": 1}
    assert stats.by_outlet == {"Sahel Wire": 1, "unknown": 1}
