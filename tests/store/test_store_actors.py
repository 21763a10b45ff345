"""The actor decision log (merge/split by hand) and activity of merged actors in the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

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
