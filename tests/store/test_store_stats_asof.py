"""`Store.stats(as_of=...)`: the counts of `bilat stats` over what was known on a past day."""

from __future__ import annotations

import datetime as dt

from store_corpus import DAKAR, LIMA, QUITO, corpus_mentions

from bilat.models import Event, Failure
from bilat.store import MentionFilter, Store
from bilat.store.history import current_events


def link_each_mention(store: Store) -> None:
    """One event per stored mention, so events follow their articles' dates."""
    found = [m for ms in corpus_mentions().values() for m in ms]
    store.upsert_events([Event(id=f"ev-{m.id}", event=m.event, mention_ids=[m.id]) for m in found])


def test_stats_as_of_counts_only_articles_published_by_then(filled: Store) -> None:
    link_each_mention(filled)
    now = filled.stats()
    # QUITO (2025-08-02) and LIMA (2025-09-20) are known on 2025-09-30; DAKAR (10-05) is not
    then = filled.stats(as_of=dt.date(2025, 9, 30))
    mentions = corpus_mentions()
    known = len(mentions[QUITO.id]) + len(mentions[LIMA.id])
    assert (then.articles, then.mentions, then.events) == (2, known, known)
    assert (now.articles, now.mentions) == (3, known + len(mentions[DAKAR.id]))
    assert then.by_outlet == {"Andes Post": 1, "Quito Ledger": 1}
    assert then.by_language == {"en": 1, "es": 1}
    assert sum(then.by_type.values()) == known
    assert sum(then.events_by_type.values()) == known
    assert all(n <= now.by_type[t] for t, n in then.by_type.items())
    before_all = filled.stats(as_of=dt.date(2025, 1, 1))
    assert (before_all.articles, before_all.mentions, before_all.events) == (0, 0, 0)
    assert before_all.top_dyads == [] and before_all.by_type == {}


def test_stats_as_of_events_are_those_current_events_replays(filled: Store) -> None:
    link_each_mention(filled)
    for day in (dt.date(2025, 8, 2), dt.date(2025, 9, 20), dt.date(2025, 10, 5)):
        shown = current_events(filled, list(filled.iter_events()), day).events
        stats = filled.stats(as_of=day)
        assert stats.events == len(shown)
        by_type: dict[str, int] = {}
        for e, _ in shown:
            by_type[e.event] = by_type.get(e.event, 0) + 1
        assert stats.events_by_type == by_type
        assert stats.mentions == filled.count_mentions(MentionFilter(as_of=day))


def test_stats_as_of_dyads_and_failures(filled: Store) -> None:
    filled.add_failure(Failure(stage="nlp", item="x", reason="old", at=dt.datetime(2025, 9, 1)))
    filled.add_failure(Failure(stage="events", item="y", reason="new", at=dt.datetime(2025, 11, 1)))
    then = filled.stats(as_of=dt.date(2025, 9, 30))
    assert (then.failures, then.failures_by_stage) == (1, {"nlp": 1})
    now = filled.stats()
    assert now.failures == 2
    # dyads as of a day count only the mentions known then
    dakar_only = {
        d for d in now.top_dyads if d not in filled.stats(as_of=dt.date(2025, 9, 30)).top_dyads
    }
    assert dakar_only and all({"SEN", "MLI"} & {a, r} for a, r, _ in dakar_only)
    # ingest time: every article was stored today, so nothing was known yesterday
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert filled.stats(as_of=yesterday, basis="ingested").articles == 0
