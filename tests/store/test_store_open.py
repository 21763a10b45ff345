"""Opening stores: files, URLs, memory, migrations, and databases bilat cannot use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from bilat.errors import SchemaTooNew, StoreError
from bilat.store import Store, migrations
from bilat.store.migrations import LATEST, MIGRATIONS, Migration

TABLES = {
    "schema_version",
    "articles",
    "mentions",
    "mention_actors",
    "events",
    "event_countries",
    "failures",
    "articles_fts",
}


def read_tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_open_creates_file_folder_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "bilat.db"
    with Store.open(path) as store:
        assert store.url == f"sqlite:///{path}"
        assert store.count_articles() == 0
    assert read_tables(path) >= TABLES
    with sqlite3.connect(path) as conn:
        versions = conn.execute("SELECT version FROM schema_version").fetchall()
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert versions == [(m.version,) for m in MIGRATIONS]
    assert mode == "wal"


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    Store.open(path).close()
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_memory_and_url_forms(tmp_path: Path) -> None:
    with Store.open(":memory:") as store:
        assert store.url == "sqlite://"
        assert store.count_mentions() == 0
    url = f"sqlite:///{tmp_path / 'by-url.db'}"
    with Store.open(url) as store:
        assert store.url == url
    assert (tmp_path / "by-url.db").is_file()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with store._begin("test") as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_newer_schema_raises_schema_too_new(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (999, '2030-01-01 00:00:00')")
    with pytest.raises(SchemaTooNew) as info:
        Store.open(path)
    message = str(info.value)
    assert "999" in message and str(LATEST) in message and "upgrade bilat" in message
    assert "\n" not in message


def test_corrupt_file_is_a_one_line_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are shopping notes, not a database\n" * 200)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert "not a database" in str(info.value)
    assert "\n" not in str(info.value)


def test_folder_and_bad_url_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="not valid"):
        Store.open("no such scheme://x")


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (slug TEXT)")
    with pytest.raises(StoreError, match="not made by bilat"):
        Store.open(path)


def test_failed_migration_rolls_back_entirely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bilat.db"
    Store.open(path).close()

    def add_then_fail(conn: Connection, _fulltext: object) -> None:
        conn.execute(text("CREATE TABLE rollback_probe (id TEXT PRIMARY KEY)"))
        conn.execute(text("SELECT no_such_function()"))

    broken = Migration(LATEST + 1, "probe", add_then_fail)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    monkeypatch.setattr(migrations, "LATEST", LATEST + 1)
    with pytest.raises(StoreError):
        Store.open(path)
    assert "rollback_probe" not in read_tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == LATEST


def test_pending_lists_migrations_after_a_version() -> None:
    assert [m.version for m in migrations.pending(0)] == [m.version for m in migrations.MIGRATIONS]
    assert migrations.pending(LATEST) == []


def test_unreachable_server_url_is_store_error_without_password() -> None:
    with pytest.raises(StoreError) as info:
        Store.open("postgresql://bilat:secret@127.0.0.1:1/bilat")
    assert "secret" not in str(info.value)
    assert "\n" not in str(info.value)


def test_migration_2_adds_link_columns_to_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:  # make it look like a store from before migration 2
        for table, column in migrations.ADDED_IN_2:
            if column == "copy_of":
                conn.execute("DROP INDEX ix_articles_copy_of")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("DELETE FROM schema_version WHERE version > 1")
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        events = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
        articles = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == LATEST
    assert {"profile", "contradictions"} <= events
    assert {"copy_of", "copy_kind", "signature"} <= articles


def test_migration_3_adds_the_projects_table_to_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:  # a store from before migration 3
        conn.execute("DROP TABLE projects")
        conn.execute("DELETE FROM schema_version WHERE version > 2")
    with Store.open(path) as store:
        assert list(store.iter_projects()) == []
    assert "projects" in read_tables(path)
