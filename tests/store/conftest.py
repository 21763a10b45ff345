"""Fixtures for the store tests: an empty store and one filled with store_corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_corpus import ARTICLES, corpus_mentions

from bilat.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "bilat.db") as s:
        yield s


@pytest.fixture
def filled(store: Store) -> Store:
    """A store holding the three articles and their mentions (no events)."""
    for article in ARTICLES:
        store.add_article(article)
    for doc_id, mentions in corpus_mentions().items():
        store.replace_mentions(doc_id, mentions)
    return store
