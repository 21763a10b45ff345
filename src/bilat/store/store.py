"""The Store: articles, mentions, events and failures in one SQL database (SQLite by default)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Connection, Engine, exists, func, select

from bilat.errors import StoreError
from bilat.models import Article, Event, Failure, Mention
from bilat.store import copies, history, records, rows, schema
from bilat.store.decisions_projects import ActorsAndProjects
from bilat.store.engine import create_store_engine, resolve_url, translate_errors
from bilat.store.fts import FullTextSearch, fulltext_for
from bilat.store.lent_dates import find_lent_datings, lend_dates
from bilat.store.migrations import migrate
from bilat.store.queries import (
    AsOfBasis,
    MentionFilter,
    count_mentions_query,
    select_candidate_ids,
    select_event_ids,
    select_mention_ids,
)
from bilat.store.stats import StoreStats, compute_stats
from bilat.store.stats_asof import compute_stats_as_of

T = TypeVar("T")
CHUNK = 500  # rows fetched per query while iterating; no connection is held in between


class Store(ActorsAndProjects):
    """A bilat database. Open with `Store.open(path_or_url)`; use as a context manager."""

    def __init__(self, engine: Engine, fulltext: FullTextSearch) -> None:
        self._engine = engine
        self._fulltext = fulltext
        self._local = threading.local()  # the connection of an open `transaction`, per thread

    @classmethod
    def open(cls, db: str | Path) -> Store:
        """Open (and create or migrate) the database at a path, ':memory:' or an SQLAlchemy URL."""
        url = resolve_url(db)
        engine = create_store_engine(url)
        store = cls(engine, fulltext_for(url.get_backend_name()))
        try:
            with store._begin(f"cannot open {store.url}") as conn:
                migrate(conn, store._fulltext, store.url)
        except StoreError:
            engine.dispose()
            raise
        return store

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @contextmanager
    def _begin(self, doing: str) -> Iterator[Connection]:
        outer: Connection | None = getattr(self._local, "conn", None)
        opened = nullcontext(outer) if outer is not None else self._engine.begin()
        with translate_errors(doing), opened as conn:
            yield conn

    @contextmanager
    def transaction(self, doing: str) -> Iterator[None]:
        """The store calls made inside (in this thread) as one transaction, all or nothing:
        one commit, where each commit to a large SQLite file writes every page it touched."""
        with self._begin(doing) as conn:  # inside another, the outer one's connection
            outer, self._local.conn = getattr(self._local, "conn", None), conn
            try:
                yield
            finally:
                self._local.conn = outer

    def _iter_chunked(
        self, ids: Sequence[str], fetch: Callable[[Connection, Sequence[str]], Mapping[str, T]]
    ) -> Iterator[T]:
        """Records for `ids` in their order, fetched CHUNK at a time in short transactions."""
        for chunk in rows.iter_chunks(ids, CHUNK):
            with self._begin("reading the store") as conn:
                found = fetch(conn, chunk)
            yield from (found[i] for i in chunk if i in found)

    # ------------------------------------------------------------------ articles

    def add_article(self, article: Article) -> bool:
        """Store an article and index it for search; False (and no change) if its id is stored."""
        table = schema.articles
        with self._begin(f"cannot add article {article.id!r}") as conn:
            if conn.execute(select(table.c.id).where(table.c.id == article.id)).first():
                return False
            next_seq = select(func.coalesce(func.max(table.c.seq), 0) + 1).scalar_subquery()
            row = rows.make_article_row(article, dt.datetime.now())
            conn.execute(table.insert().values(**row, seq=next_seq))
            seq = conn.execute(select(table.c.seq).where(table.c.id == article.id)).scalar_one()
            self._fulltext.index(conn, int(seq), article.title, article.text)
        return True

    def has_article(self, article_id: str) -> bool:
        table = schema.articles
        with self._begin("reading the store") as conn:
            query = select(exists().where(table.c.id == article_id))
            return bool(conn.execute(query).scalar())

    def get_article(self, article_id: str) -> Article | None:
        found = self._fetch_articles_by_id(None, [article_id])
        return found.get(article_id)

    def _fetch_articles_by_id(
        self, conn: Connection | None, ids: Sequence[str]
    ) -> dict[str, Article]:
        query = select(schema.articles).where(schema.articles.c.id.in_(ids))
        if conn is None:
            with self._begin("reading the store") as own:
                result = own.execute(query).mappings().all()
        else:
            result = conn.execute(query).mappings().all()
        return {r["id"]: rows.read_article(r) for r in result}

    def iter_articles(self) -> Iterator[Article]:
        """All articles in the order they were added."""
        table = schema.articles
        with self._begin("reading the store") as conn:
            ids = list(conn.execute(select(table.c.id).order_by(table.c.seq)).scalars())
        return self._iter_chunked(ids, self._fetch_articles_by_id)

    def count_articles(self) -> int:
        with self._begin("reading the store") as conn:
            query = select(func.count()).select_from(schema.articles)
            return int(conn.execute(query).scalar_one())

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(article id, snippet) for articles matching a full-text query, best first."""
        if not query.strip():
            raise StoreError("search query is empty: give one or more words")
        with self._begin(f"cannot search for {query!r}") as conn:
            return self._fulltext.search(conn, query, limit)

    # ------------------------------------------------------------------ near-duplicates

    def record_copy(
        self,
        article_id: str,
        signature: str,
        copy_of: str | None = None,
        copy_kind: str | None = None,
    ) -> None:
        """Store an article's near-duplicate signature (JSON; its `bands` go to the band
        index) and the article it copies; a copy of a copy points at the first original."""
        with self._begin(f"cannot record the signature of article {article_id!r}") as conn:
            copies.record_copy(conn, article_id, signature, copy_of, copy_kind)

    def nearby_signatures(
        self,
        published: dt.date | None,
        window_days: int,
        *,
        bands: Sequence[int] | None = None,
        language: str | None = None,
    ) -> list[tuple[str, str]]:
        """(article id, signature) of stored articles published within `window_days` of
        `published`; with no date, of the 200 most recently added articles. Given the new
        article's `bands` (and `language`), only those sharing a band key, in another
        language, or stored without keys (store/copies.py)."""
        with self._begin("reading the store") as conn:
            return copies.nearby_signatures(conn, published, window_days, bands, language)

    def copies_among(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Article id -> (the first original it copies, 'copy' | 'translation')."""
        with self._begin("reading the store") as conn:
            return copies.read_copies(conn, doc_ids)

    def learned_of(self, doc_ids: Sequence[str]) -> dict[str, history.Learned]:
        """When each article was published and ingested, and its outlet (store/history.py)."""
        with self._begin("reading the store") as conn:
            return history.read_learned(conn, doc_ids)

    def outlets_of(self, doc_ids: Sequence[str]) -> dict[str, str | None]:
        table = schema.articles
        found: dict[str, str | None] = {}
        with self._begin("reading the store") as conn:
            for chunk in rows.iter_chunks(doc_ids, CHUNK):
                query = select(table.c.id, table.c.outlet).where(table.c.id.in_(chunk))
                found.update({i: o for i, o in conn.execute(query).all()})
        return found

    # ------------------------------------------------------------------ mentions

    def mentions_for_events(self, event_ids: Sequence[str]) -> list[Mention]:
        """The stored mentions of these events, in document order."""
        with self._begin("reading the store") as conn:
            return records.read_event_mentions(conn, event_ids)

    def replace_mentions(
        self, article_id: str, mentions: Sequence[Mention], *, coder: str | None = None
    ) -> None:
        """Replace the article's mentions made by the coder(s) of `mentions` (and `coder`).

        Mentions by other coders stay. With no mentions and no `coder` nothing is replaced:
        pass `coder` to record that a coder now finds nothing in the article."""
        coders = {m.coder for m in mentions} | ({coder} if coder else set())
        if not coders:
            return
        with self._begin(f"cannot store the mentions of article {article_id!r}") as conn:
            records.replace_mentions(conn, article_id, mentions, coders)

    def mentions_for_article(self, article_id: str) -> list[Mention]:
        """The article's mentions ordered by their offsets."""
        with self._begin("reading the store") as conn:
            return records.read_article_mentions(conn, article_id)

    def iter_mentions(self, flt: MentionFilter | None = None) -> Iterator[Mention]:
        """Matching mentions in document order (article as added, then offset); since/until
        see the dates linked coverage lends (lent_dates.py), as every bounded query does."""
        with self._begin("reading the store") as conn:
            lent = list(find_lent_datings(conn, flt))
            ids = list(conn.execute(select_mention_ids(flt, lent)).scalars())
        return self._iter_chunked(ids, records.fetch_mentions)

    def count_mentions(self, flt: MentionFilter | None = None) -> int:
        """How many mentions iter_mentions(flt) gives."""
        with self._begin("reading the store") as conn:
            lent = list(find_lent_datings(conn, flt))
            return int(conn.execute(count_mentions_query(flt, lent)).scalar_one())

    def iter_dated_mentions(
        self, flt: MentionFilter | None = None
    ) -> Iterator[tuple[Mention, records.Dating | None]]:
        """iter_mentions(flt), each mention with the date linked coverage lends it (None when
        none is lent), lent once per query: a bounded query's own selection found them
        (find_lent_datings), else CHUNK mentions at a time; with `flt.as_of`, only reports
        known then lend (lent_dates.py)."""
        with self._begin("reading the store") as conn:
            lent = find_lent_datings(conn, flt)
            ids = list(conn.execute(select_mention_ids(flt, list(lent))).scalars())
        bounded = flt is not None and flt.is_bounded()
        for chunk in rows.iter_chunks(ids, CHUNK):
            with self._begin("reading the store") as conn:
                found = records.fetch_mentions(conn, chunk)
                batch = [found[i] for i in chunk if i in found]
                if not bounded:
                    as_of, basis = (flt.as_of, flt.as_of_basis) if flt else (None, "published")
                    lent = lend_dates(conn, batch, as_of, basis)
            yield from ((m, lent.get(m.id)) for m in batch)

    # ------------------------------------------------------------------ events

    def upsert_events(self, events: Sequence[Event]) -> None:
        """Insert or update events by id, and point their mentions (mention_ids) at them."""
        with self._begin("cannot store events") as conn:
            records.write_events(conn, events, dt.datetime.now())

    def get_event(self, event_id: str) -> Event | None:
        """The event with its mention ids, articles, outlets and first/last publication dates."""
        with self._begin("reading the store") as conn:
            return records.fetch_events(conn, [event_id]).get(event_id)

    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        """The stored events among `event_ids`, in that order, CHUNK per query."""
        return list(self._iter_chunked(event_ids, records.fetch_events))

    def iter_events(self, flt: MentionFilter | None = None) -> Iterator[Event]:
        """Events (by date) with at least one mention matching `flt`; all events if None.
        A mention passes since/until as in iter_mentions, on a lent date too."""
        with self._begin("reading the store") as conn:
            lent = list(find_lent_datings(conn, flt))
            ids = list(conn.execute(select_event_ids(flt, lent)).scalars())
        return self._iter_chunked(ids, records.fetch_events)

    def candidate_events(
        self,
        event_types: str | Sequence[str],
        countries: Sequence[str],
        around: dt.date | None,
        window_days: int,
        *,
        with_undated: bool = False,
        limit: int | None = None,
        same_countries: bool = False,
    ) -> list[Event]:
        """Stored events of the type(s) sharing a country (`same_countries`: exactly them,
        the linker's dyad: one index range), dated within
        `window_days` of `around` (a partial date counts when any of its days is inside), or
        undated when `around` is None. `with_undated` adds the undated events to a window
        and, with `around` None, asks for every date (the `limit` most recent)."""
        if not countries:
            return []
        query = select_candidate_ids(
            event_types,
            sorted(set(countries)),
            around,
            window_days,
            with_undated=with_undated,
            limit=limit,
            same_countries=same_countries,
        )
        with self._begin("reading the store") as conn:
            ids = list(conn.execute(query).scalars())
            found = records.fetch_events(conn, ids) if ids else {}
        return [found[i] for i in ids if i in found]

    # ------------------------------------------------------------------ failures

    def add_failure(self, failure: Failure) -> None:
        with self._begin(f"cannot record the failure of {failure.item!r}") as conn:
            conn.execute(schema.failures.insert().values(**rows.make_failure_row(failure)))

    def iter_failures(self, stage: str | None = None) -> Iterator[Failure]:
        """Failures in the order they were recorded, optionally of one stage."""
        table = schema.failures
        query = select(table).order_by(table.c.id)
        if stage is not None:
            query = query.where(table.c.stage == stage)
        with self._begin("reading the store") as conn:
            found = [rows.read_failure(r) for r in conn.execute(query).mappings()]
        return iter(found)

    # ------------------------------------------------------------------ stats

    def stats(
        self, top: int = 10, as_of: dt.date | None = None, basis: AsOfBasis = "published"
    ) -> StoreStats:
        """Counts over the store; with `as_of`, over what was known then (stats_asof.py)."""
        with self._begin("reading the store") as conn:
            if as_of is not None:
                return compute_stats_as_of(conn, as_of, basis, top)
            return compute_stats(conn, top)
