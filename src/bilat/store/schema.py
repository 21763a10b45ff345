"""The tables of a bilat store, written with SQLAlchemy Core so SQLite and PostgreSQL share them.

Nested parts of a record (actors, figures, the whole Mention) are kept as JSON text so a
record comes back exactly as it went in; the columns that filters, joins and stats need are
kept flat beside it (mention_actors, event_countries, date_start/date_end).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    # A stable integer per article: the FTS5 index refers to articles by it, because SQLite
    # may renumber the implicit rowid of a table keyed by text when it is vacuumed.
    Column("seq", Integer, nullable=False, unique=True),
    Column("url", Text),
    Column("outlet", String),
    Column("title", Text),
    Column("published", Date),
    Column("language", String),
    Column("source", Text),
    Column("content_hash", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    # Near-duplicates (link/dedup.py): the article this one copies, translates or reposts,
    # and the signature later articles are compared with (JSON). Added by migration 2.
    Column("copy_of", String),
    Column("copy_kind", String),  # 'copy' | 'translation'
    Column("signature", Text),
)
Index("ix_articles_outlet", articles.c.outlet)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_content_hash", articles.c.content_hash)
Index("ix_articles_copy_of", articles.c.copy_of)

# The near-duplicate band index (added by migration 5): one key per band of an article's
# MinHash (link/dedup.make_bands), so a new article is compared only with the articles
# sharing a key, not with every article of its publication window.
article_bands = Table(
    "article_bands",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("band", Integer, primary_key=True, autoincrement=False),
    Column("key", BigInteger, nullable=False),
)
Index("ix_article_bands_key", article_bands.c.key)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String, primary_key=True),
    Column("doc_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", String),
    Column("event", String, nullable=False),
    Column("mode", String),
    Column("date", String),  # as coded: YYYY-MM-DD, YYYY-MM or YYYY
    Column("date_start", Date),  # first day of `date`: what since/until compare
    Column("historical", Boolean, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("coder", String, nullable=False),
    Column("cameo", String),
    Column("goldstein", Float),
    Column("quad_code", Integer),
    Column("record", Text, nullable=False),  # the full Mention as JSON
)
Index("ix_mentions_doc", mentions.c.doc_id, mentions.c.start)
Index("ix_mentions_event_id", mentions.c.event_id)
Index("ix_mentions_event", mentions.c.event)
Index("ix_mentions_date_start", mentions.c.date_start)
Index("ix_mentions_coder", mentions.c.coder)

mention_actors = Table(
    "mention_actors",
    metadata,
    Column(
        "mention_id",
        String,
        ForeignKey("mentions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("role", String, primary_key=True),  # 'actor' | 'recipient'
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("country", String),
    Column("sector", String),
    Column("actor_id", String),
)
Index("ix_mention_actors_country", mention_actors.c.country, mention_actors.c.role)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("event", String, nullable=False),
    Column("date", String),
    # The span of days a partial date covers, so the linker's window query can use an index.
    Column("date_start", Date),
    Column("date_end", Date),
    Column("actor_countries", Text, nullable=False),  # JSON list
    Column("recipient_countries", Text, nullable=False),  # JSON list
    Column("figures", Text, nullable=False),  # JSON list of Figure
    Column("updated_at", DateTime, nullable=False),
    # The linker's profile (keywords, names, stages) and the contradictions between its
    # reports, both JSON. Added by migration 2.
    Column("profile", Text),
    Column("contradictions", Text),
    # Every country of the event, sorted and space-separated ("CHN USA"): the linker joins
    # only an event of exactly its cluster's countries, so this key narrows its window query
    # to one dyad through an index. Added by migration 7.
    Column("countries", String),
)
Index("ix_events_event_date", events.c.event, events.c.date_start, events.c.date_end)
Index(
    "ix_events_countries_date",
    events.c.event,
    events.c.countries,
    events.c.date_start,
    events.c.date_end,
)

event_countries = Table(
    "event_countries",
    metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String, primary_key=True),  # 'actor' | 'recipient'
    Column("country", String, primary_key=True),
)
Index("ix_event_countries_country", event_countries.c.country, event_countries.c.event_id)

# Projects (added by migration 3): the record is the Project as JSON (steps, figures,
# aliases); name and stage are columns so that lists can be filtered and sorted cheaply.
projects = Table(
    "projects",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("stage", String),
    Column("first_reported", Date),
    Column("last_reported", Date),
    Column("record", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)
Index("ix_projects_name", projects.c.name)

# Actor decisions (added by migration 4): merges and splits made by hand with `bilat actors
# merge/split`, and the names resolution tied while reading articles. The resolver replays
# them in id order on load; an undone one is kept (with `undone` set) so the log still
# explains what was once decided. kind, country and article_id (added by migration 6) say
# what the article gave the name, so a replay learns it as the run that read it did.
actor_decisions = Table(
    "actor_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),  # merge: the id merged away; split: the name
    Column("actor_id", String, nullable=False),  # merge: the id kept; split: the id left
    Column("method", String, nullable=False),  # 'merge' | 'split' | how a name was tied
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("made_at", DateTime, nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
    Column("kind", String),
    Column("country", String),
    Column("article_id", String),
)
Index("ix_actor_decisions_actor", actor_decisions.c.actor_id)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stage", String, nullable=False),
    Column("item", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)
Index("ix_failures_stage", failures.c.stage)
