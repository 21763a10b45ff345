"""Articles: adding (once), reading back, counting and full-text search."""

from __future__ import annotations

import pytest
from store_corpus import ARTICLES, DAKAR, LIMA, QUITO

from bilat.errors import StoreError
from bilat.models import Article
from bilat.store import Store


def test_add_and_read_back(store: Store) -> None:
    assert store.add_article(LIMA) is True
    assert store.has_article(LIMA.id)
    assert not store.has_article("missing")
    assert store.get_article(LIMA.id) == LIMA
    assert store.get_article("missing") is None


def test_re_adding_an_id_is_a_no_op(store: Store) -> None:
    assert store.add_article(QUITO)
    changed = Article(id=QUITO.id, text="Un texto distinto.", outlet="Otro Diario")
    assert store.add_article(changed) is False
    assert store.get_article(QUITO.id) == QUITO
    assert store.count_articles() == 1
    assert store.search("distinto") == []


def test_iter_articles_keeps_insertion_order(store: Store) -> None:
    for article in (DAKAR, LIMA, QUITO):
        store.add_article(article)
    assert [a.id for a in store.iter_articles()] == [DAKAR.id, LIMA.id, QUITO.id]
    assert store.count_articles() == 3


def test_iter_articles_pages_through_many(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bilat.store.store.CHUNK", 2)
    ids = [f"n{i:02d}" for i in range(7)]
    for i in ids:
        store.add_article(Article(id=i, text=f"Note number {i}."))
    assert [a.id for a in store.iter_articles()] == ids


def test_search_finds_a_word_in_text_and_title(filled: Store) -> None:
    hits = filled.search("vessels")
    assert [h[0] for h in hits] == [LIMA.id]
    assert "[vessels]" in hits[0][1]
    assert [h[0] for h in filled.search("rice AND Mali")] == [DAKAR.id]
    assert [h[0] for h in filled.search("cafetero")] == [QUITO.id]  # the title only


def test_search_ignores_accents_and_respects_limit(filled: Store) -> None:
    assert [h[0] for h in filled.search("cafe")] == [QUITO.id]
    assert len(filled.search("Chile OR Mali OR Quito", limit=2)) == 2
    assert {h[0] for h in filled.search("Chile OR Mali OR Quito")} == {a.id for a in ARTICLES}


@pytest.mark.parametrize("query", ['"open quote', "AND", "vessels NOT"])
def test_unparseable_query_is_one_line_store_error(filled: Store, query: str) -> None:
    with pytest.raises(StoreError) as info:
        filled.search(query)
    assert "FTS5" in str(info.value)
    assert "\n" not in str(info.value)


def test_empty_query_is_store_error(filled: Store) -> None:
    with pytest.raises(StoreError, match="empty"):
        filled.search("   ")


def test_writing_while_iterating_an_in_memory_store() -> None:
    with Store.open(":memory:") as store:
        for article in ARTICLES:
            store.add_article(article)
        for article in store.iter_articles():
            store.add_article(article.model_copy(update={"id": article.id + "-copy"}))
        assert store.count_articles() == 6
