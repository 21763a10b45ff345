"""Opening a database: paths and URLs to engines, SQLite settings, one-line errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from bilat.errors import StoreError

BUSY_TIMEOUT_MS = 10_000  # a second writer (CLI beside the API) waits rather than fails
MEMORY = ":memory:"


def resolve_url(db: str | Path) -> URL:
    """An SQLAlchemy URL for a path, ':memory:' or a URL string; creates a file's folder."""
    if isinstance(db, str) and "://" in db:
        try:
            return make_url(db)
        except ArgumentError as exc:
            raise StoreError(f"database URL {db!r} is not valid: {exc}") from None
    if str(db) == MEMORY:
        return URL.create("sqlite")  # renders as sqlite:// (in memory)
    path = Path(db).expanduser()
    if path.is_dir():
        raise StoreError(f"database {path} is a folder: give a file path such as {path}/bilat.db")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for database {path}: {exc.strerror}") from None
    return URL.create("sqlite", database=str(path))


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The sqlite3 module's own transaction handling skips BEGIN before DDL, which would
    # leave a half-applied migration behind; SQLAlchemy's "begin" event emits it instead.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # Safe with WAL (a crash can lose the last commit, never corrupt) and far fewer fsyncs.
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def create_store_engine(url: URL) -> Engine:
    """An engine; for SQLite with WAL, foreign keys and a busy timeout on every connection."""
    if url.get_backend_name() != "sqlite":
        try:
            return create_engine(url, pool_pre_ping=True)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open {url.render_as_string()}: {one_line(exc)}") from None
    if url.database in (None, "", MEMORY):
        # One shared connection: every new connection to :memory: would be a new database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def one_line(exc: BaseException) -> str:
    """The driver's message without SQLAlchemy's SQL echo and background links."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def translate_errors(doing: str) -> Iterator[None]:
    """Turn database errors into a StoreError that says what was being done."""
    try:
        yield
    except (SQLAlchemyError, sqlite3.Error) as exc:
        reason = one_line(exc)
        hint = ""
        if "not a database" in reason or "malformed" in reason:
            hint = ": the file is not a bilat (SQLite) database; give another --db path"
        raise StoreError(f"{doing}: {reason}{hint}") from exc
