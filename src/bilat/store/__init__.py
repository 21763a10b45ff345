"""The store stage: articles, mentions, events and failures in SQL, and their export."""

from __future__ import annotations

from bilat.store.export import event_record, mention_record, write_events, write_mentions
from bilat.store.queries import MentionFilter
from bilat.store.stats import StoreStats
from bilat.store.store import Store

__all__ = [
    "MentionFilter",
    "Store",
    "StoreStats",
    "event_record",
    "mention_record",
    "write_events",
    "write_mentions",
]
