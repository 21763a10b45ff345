"""Numbered schema migrations, applied in order by `migrate` when a store is opened.

Each migration takes a connection inside the open transaction and brings the database from
version n-1 to n. Never edit a released migration: add the next number. The tables of
migration 1 come from schema.py, so a column added later must also get a migration that
adds it to databases created before it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, func, inspect, select, text, update

from bilat.errors import SchemaTooNew, StoreError
from bilat.store import rows, schema
from bilat.store.fts import FullTextSearch


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    apply: Callable[[Connection, FullTextSearch], None]


def create_initial_tables(conn: Connection, fulltext: FullTextSearch) -> None:
    schema.metadata.create_all(conn)
    fulltext.create(conn)


# Columns added after version 1: (table, column). schema.py declares them too, so a database
# created at version 1 by this bilat already has them and migration 2 skips them.
ADDED_IN_2: tuple[tuple[str, str], ...] = (
    ("articles", "copy_of"),
    ("articles", "copy_kind"),
    ("articles", "signature"),
    ("events", "profile"),
    ("events", "contradictions"),
)


def add_link_columns(conn: Connection, fulltext: FullTextSearch) -> None:
    """Near-duplicate links on articles; linker profile and contradictions on events."""
    for table_name, column_name in ADDED_IN_2:
        present = {c["name"] for c in inspect(conn).get_columns(table_name)}
        if column_name in present:
            continue
        column = schema.metadata.tables[table_name].c[column_name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {column_name} {kind}"))
    index = next(i for i in schema.articles.indexes if i.name == "ix_articles_copy_of")
    index.create(conn, checkfirst=True)


def add_projects(conn: Connection, fulltext: FullTextSearch) -> None:
    """The projects table (a database created at version 1 by this bilat already has it)."""
    schema.projects.create(conn, checkfirst=True)
    for index in schema.projects.indexes:
        index.create(conn, checkfirst=True)


def add_actor_decisions(conn: Connection, fulltext: FullTextSearch) -> None:
    """The actor_decisions table (a database created at version 1 by this bilat has it)."""
    schema.actor_decisions.create(conn, checkfirst=True)
    for index in schema.actor_decisions.indexes:
        index.create(conn, checkfirst=True)


def add_article_bands(conn: Connection, fulltext: FullTextSearch) -> None:
    """The near-duplicate band index. Articles stored before it have no keys: the store
    compares them the old way (every one in the window) until they age out of it."""
    schema.article_bands.create(conn, checkfirst=True)
    for index in schema.article_bands.indexes:
        index.create(conn, checkfirst=True)


# Columns added by migration 6 (schema.py declares them too, so a new database has them).
ADDED_IN_6: tuple[tuple[str, str], ...] = (
    ("actor_decisions", "kind"),
    ("actor_decisions", "country"),
    ("actor_decisions", "article_id"),
)


def add_columns(conn: Connection, columns: tuple[tuple[str, str], ...]) -> None:
    """ALTER TABLE for each (table, column) of schema.py the database lacks."""
    for table_name, column_name in columns:
        present = {c["name"] for c in inspect(conn).get_columns(table_name)}
        if column_name in present:
            continue
        column = schema.metadata.tables[table_name].c[column_name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {column_name} {kind}"))


def add_decision_columns(conn: Connection, fulltext: FullTextSearch) -> None:
    """What a decision made while reading an article needs to be replayed: the kind and
    country the article gave the name, and the article. Rows logged before keep them in
    their reason ("[kind=… country=… article=…]"); the resolver still reads that."""
    add_columns(conn, ADDED_IN_6)


BACKFILL_CHUNK = 5000


def add_event_countries_key(conn: Connection, fulltext: FullTextSearch) -> None:
    """events.countries (every country of the event, one key) and its index, filled in for
    the events already stored; without it the linker's window query probes the countries
    of every event in the window."""
    add_columns(conn, (("events", "countries"),))
    table = schema.events
    query = select(table.c.id, table.c.actor_countries, table.c.recipient_countries).where(
        table.c.countries.is_(None)
    )
    found = conn.execute(query).all()
    for start in range(0, len(found), BACKFILL_CHUNK):
        batch = [
            {"key_id": i, "key": rows.make_countries_key([*json.loads(a), *json.loads(r)])}
            for i, a, r in found[start : start + BACKFILL_CHUNK]
        ]
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("key_id"))
            .values(countries=bindparam("key")),
            batch,
        )
    index = next(i for i in table.indexes if i.name == "ix_events_countries_date")
    index.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1, "articles, mentions, events, failures and the full-text index", create_initial_tables
    ),
    Migration(2, "near-duplicate links, event profiles and contradictions", add_link_columns),
    Migration(3, "projects and their lifecycle", add_projects),
    Migration(4, "actor merge and split decisions", add_actor_decisions),
    Migration(5, "near-duplicate band index", add_article_bands),
    Migration(6, "kind, country and article of actor decisions", add_decision_columns),
    Migration(7, "one countries key per event for the linker's window", add_event_countries_key),
)
LATEST = MIGRATIONS[-1].version


def read_version(conn: Connection) -> int:
    """The version recorded in the database; 0 for a database bilat has not touched."""
    tables = set(inspect(conn).get_table_names())
    if schema.schema_version.name not in tables:
        if schema.articles.name in tables:
            raise StoreError(
                "the database has an articles table but no schema_version: it was not made "
                "by bilat; give a new file with --db"
            )
        return 0
    found = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
    return int(found or 0)


def pending(current: int) -> list[Migration]:
    return [m for m in MIGRATIONS if m.version > current]


def migrate(conn: Connection, fulltext: FullTextSearch, where: str) -> int:
    """Apply the pending migrations on `conn` (the caller's transaction); the new version."""
    current = read_version(conn)
    if current > LATEST:
        raise SchemaTooNew(
            f"{where} has schema version {current} but this bilat knows only up to "
            f"version {LATEST}: upgrade bilat (pip install -U bilat) to open it"
        )
    for migration in pending(current):
        migration.apply(conn, fulltext)
        conn.execute(
            schema.schema_version.insert().values(
                version=migration.version, applied_at=dt.datetime.now()
            )
        )
        current = migration.version
    return current
