"""The actor decision log (merge/split by hand) and activity of merged actors in the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_corpus import DAKAR, make_mention

from bilat.errors import StoreError
from bilat.store import Store
from bilat.store.migrations import LATEST


def test_decisions_are_logged_in_order_with_numbers(store: Store) -> None:
    merge = store.add_actor_decision("person:b", "person:a", "merge", 1.0, "same man")
    split = store.add_actor_decision("Castro", "person:a", "split", 1.0, "a namesake")
    assert (merge.number, split.number) == (1, 2)
    logged = store.actor_decisions()
    assert [(d.number, d.method, d.name, d.actor_id, d.reason) for d in logged] == [
        (1, "merge", "person:b", "person:a", "same man"),
        (2, "split", "Castro", "person:a", "a namesake"),
    ]
    assert not any(d.undone for d in logged)
    assert logged[0].made_at == merge.made_at


def test_only_known_methods_are_logged(store: Store) -> None:
    with pytest.raises(StoreError, match="not 'ambiguous'"):
        store.add_actor_decision("x", "y", "ambiguous", 0.9, "close")
    assert store.actor_decisions() == []
    tied = store.add_actor_decision("Smirnova", "person:ys", "surname", 0.85, "surname alone")
    assert (tied.method, tied.score) == ("surname", 0.85)
    assert [d.method for d in store.actor_decisions()] == ["surname"]


def test_undo_marks_the_decision_and_keeps_it(store: Store) -> None:
    store.add_actor_decision("person:b", "person:a", "merge", 1.0, "same man")
    store.add_actor_decision("person:c", "person:a", "merge", 1.0, "same man")
    undone = store.undo_actor_decision(1)
    assert undone.undone and undone.number == 1
    assert [d.undone for d in store.actor_decisions()] == [True, False]
    with pytest.raises(StoreError, match="already undone"):
        store.undo_actor_decision(1)
    with pytest.raises(StoreError, match="no actor decision number 9"):
        store.undo_actor_decision(9)


def test_decisions_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    with Store.open(path) as store:
        store.add_actor_decision("person:b", "person:a", "merge", 1.0, "same man")
    with Store.open(path) as store:
        assert [d.name for d in store.actor_decisions()] == ["person:b"]


def test_migration_4_adds_the_table_to_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:  # make it a version-3 store
        conn.execute("DROP TABLE actor_decisions")
        conn.execute("DELETE FROM schema_version WHERE version >= 4")
    with Store.open(path) as store:
        assert store.actor_decisions() == []
        store.add_actor_decision("person:b", "person:a", "merge", 1.0, "same man")
    with sqlite3.connect(path) as conn:
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version")]
    assert 4 in versions and max(versions) == LATEST


def test_activity_of_an_actor_counts_the_ids_merged_into_it(filled: Store) -> None:
    alone = filled.actor_activity("state:SEN", [])
    other = filled.actor_activity("state:ECU", [])
    both = filled.actor_activity("state:SEN", [], ["state:ECU"])
    assert alone.mentions and other.mentions
    assert both.mentions == alone.mentions + other.mentions
    assert set(both.outlets) == set(alone.outlets) | set(other.outlets)


def test_decisions_keep_the_kind_country_and_article_they_were_read_with(store: Store) -> None:
    made = store.add_actor_decision(
        "Anton Baranov",
        "person:ab",
        "new",
        0.0,
        "new actor",
        kind="person",
        country="RUS",
        article_id="a-1",
    )
    merge = store.add_actor_decision("person:b", "person:a", "merge", 1.0, "same man")
    assert (made.kind, made.country, made.article_id) == ("person", "RUS", "a-1")
    first, second = store.actor_decisions()
    assert (first.kind, first.country, first.article_id, first.reason) == (
        "person",
        "RUS",
        "a-1",
        "new actor",
    )
    assert (second.kind, second.country, second.article_id) == (None, None, None)
    assert second.number == merge.number
    undone = store.undo_actor_decision(made.number)
    assert undone.undone and (undone.kind, undone.article_id) == ("person", "a-1")


def test_migration_6_adds_the_decision_columns_and_old_rows_keep_their_reason(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v5.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:  # the table as migration 4 made it, with an old row
        conn.execute("DROP TABLE actor_decisions")
        conn.execute(
            "CREATE TABLE actor_decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT "
            "NULL, actor_id VARCHAR NOT NULL, method VARCHAR NOT NULL, score FLOAT NOT NULL, "
            "reason TEXT NOT NULL, made_at DATETIME NOT NULL, undone BOOLEAN NOT NULL)"
        )
        conn.execute(
            "INSERT INTO actor_decisions (name, actor_id, method, score, reason, made_at, undone)"
            " VALUES ('Anton Baranov', 'person:ab', 'new', 0.0, "
            "'new actor [kind=person country=- article=a-1]', '2025-01-02 03:04:05', 0)"
        )
        conn.execute("DELETE FROM schema_version WHERE version >= 6")
    with Store.open(path) as store:
        (old,) = store.actor_decisions()
        assert old.reason.endswith("[kind=person country=- article=a-1]")
        assert (old.kind, old.article_id) == (None, None)
        new = store.add_actor_decision(
            "Baranov", "person:ab", "surname", 0.85, "surname alone", kind="person"
        )
        assert [d.kind for d in store.actor_decisions()] == [None, "person"] and new.number == 2
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(actor_decisions)")}
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version")]
    assert {"kind", "country", "article_id"} <= columns
    assert 6 in versions and max(versions) == LATEST


def test_activity_leaves_out_names_split_off_the_actor(filled: Store) -> None:
    sentences = ("Senegal gave Mali 40 tonnes of rice.", "Mali thanked Senegal for the gift.")
    mentions = [
        make_mention(DAKAR, sentence, "AID", "SEN", "MLI", n=n, coder="test.v1")
        for n, sentence in enumerate(sentences)
    ]
    # the same id stored under two names; the second is later split off the actor
    named = [
        m.model_copy(
            update={"actor": [m.actor[0].model_copy(update={"text": text, "actor_id": "person:x"})]}
        )
        for m, text in zip(mentions, ("Ana Prueba", "Ana Prueba Gómez"), strict=True)
    ]
    filled.replace_mentions(DAKAR.id, named)
    both = filled.actor_activity("person:x", [])
    assert both.mentions == 2 and set(both.texts) == {"Ana Prueba", "Ana Prueba Gómez"}
    own = filled.actor_activity("person:x", [], exclude_texts=["Ana Prueba Gómez"])
    assert own.mentions == 1 and set(own.texts) == {"Ana Prueba"}
    assert own.counterparts == {"MLI": 1}
