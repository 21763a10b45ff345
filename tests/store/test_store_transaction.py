"""Store.transaction: the calls made inside are written together or not at all."""

from __future__ import annotations

import threading

import pytest
from store_corpus import DAKAR, LIMA, corpus_mentions

from bilat.errors import StoreError
from bilat.store import Store


def test_calls_inside_are_written_together(store: Store) -> None:
    with store.transaction("storing Lima"):
        store.add_article(LIMA)
        store.replace_mentions(LIMA.id, corpus_mentions()[LIMA.id])
        # a read inside sees what was written before it in the same transaction
        assert store.has_article(LIMA.id)
        with store.transaction("nested"):  # joins the open transaction
            store.add_article(DAKAR)
    assert store.count_articles() == 2
    assert len(store.mentions_for_article(LIMA.id)) == len(corpus_mentions()[LIMA.id])


def test_an_error_inside_keeps_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="not in the store"), store.transaction("two articles"):
        store.add_article(LIMA)
        # DAKAR was never added: this call fails, and LIMA goes with it
        store.replace_mentions(DAKAR.id, corpus_mentions()[DAKAR.id])
    assert store.count_articles() == 0
    store.add_article(LIMA)  # the store is usable afterwards
    assert store.count_articles() == 1


def test_another_thread_does_not_write_into_an_open_transaction(store: Store) -> None:
    stored: list[bool] = []
    with pytest.raises(RuntimeError), store.transaction("rolled back"):
        store.add_article(LIMA)
        # the other thread opens its own transaction (SQLite lets one writer wait for the
        # other, so it only reads here)
        thread = threading.Thread(target=lambda: stored.append(store.has_article(LIMA.id)))
        thread.start()
        thread.join()
        raise RuntimeError("abandon")
    assert stored == [False] and store.count_articles() == 0
