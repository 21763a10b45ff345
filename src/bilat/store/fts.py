"""Full-text search over articles: the one place with SQL that only SQLite speaks (FTS5).

A backend is a small object with `create`, `index` and `search`; `fulltext_for` picks it
from the dialect. A PostgreSQL backend (a tsvector column with a GIN index and
`websearch_to_tsquery`) slots in beside `Fts5Search` without touching the Store.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from bilat.errors import StoreError


class FullTextSearch(Protocol):
    """What the Store needs from a full-text index over article titles and texts."""

    def create(self, conn: Connection) -> None: ...

    def index(self, conn: Connection, seq: int, title: str | None, body: str) -> None: ...

    def search(self, conn: Connection, query: str, limit: int) -> list[tuple[str, str]]: ...


class Fts5Search:
    """An external-content FTS5 table over articles(title, text), keyed by articles.seq.

    External content keeps one copy of each text (in `articles`) while `snippet()` still
    works; articles are never updated or deleted, so no triggers are needed."""

    name = "fts5"

    def create(self, conn: Connection) -> None:
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                "title, text, content='articles', content_rowid='seq', "
                "tokenize='unicode61 remove_diacritics 2')"
            )
        )

    def index(self, conn: Connection, seq: int, title: str | None, body: str) -> None:
        conn.execute(
            text("INSERT INTO articles_fts(rowid, title, text) VALUES (:seq, :title, :body)"),
            {"seq": seq, "title": title or "", "body": body},
        )

    def search(self, conn: Connection, query: str, limit: int) -> list[tuple[str, str]]:
        sql = text(
            "SELECT a.id, snippet(articles_fts, -1, '[', ']', '…', 16) "
            "FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH :query ORDER BY rank LIMIT :limit"
        )
        try:
            rows = conn.execute(sql, {"query": query, "limit": limit}).all()
        except DBAPIError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else "unknown error"
            raise StoreError(
                f"search query {query!r} is not valid FTS5 ({reason}): quote phrases with "
                'double quotes, e.g. "joint venture", and join words with AND / OR / NOT'
            ) from None
        return [(str(r[0]), str(r[1])) for r in rows]


class NoSearch:
    """Databases without a full-text backend yet: storing works, searching says why not."""

    name = "none"

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    def create(self, conn: Connection) -> None:
        return None

    def index(self, conn: Connection, seq: int, title: str | None, body: str) -> None:
        return None

    def search(self, conn: Connection, query: str, limit: int) -> list[tuple[str, str]]:
        raise StoreError(
            f"full-text search is not available on {self.dialect} yet: use a SQLite store"
        )


def fulltext_for(dialect: str) -> FullTextSearch:
    """The full-text backend for a SQLAlchemy dialect name."""
    if dialect == "sqlite":
        return Fts5Search()
    return NoSearch(dialect)
