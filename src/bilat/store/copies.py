"""Near-duplicate links in the store: signatures, the band index, copies chained to originals.

An article that copies or translates another is stored pointing at the *first* original:
a repost of a repost points where its source points, so an event counts one original and
every copy of it, however long the chain. The kind of the link is "translation" when any
step of the chain crosses languages, else "copy". Stores written before chaining may hold
chains: `read_copies` follows them to the first original (at most MAX_CHAIN steps).

The band index (schema.article_bands, link/dedup.make_bands) makes the search for copies
a lookup: a new article's candidates in its window are the articles sharing a band key,
those of another language (translations are found by their anchors, not their MinHash) and
those stored without keys (before migration 6), which keeps every earlier result.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import cache

from sqlalchemy import Connection, Select, and_, bindparam, exists, func, or_, select, update

from bilat.store import rows, schema

CHUNK = 500
MAX_CHAIN = 20  # links followed to a first original; a cycle (never written) stops here
UNDATED_RECENT = 200  # with no publication date: the most recently added articles


def read_bands(signature: str) -> list[int]:
    """The band keys a signature (JSON) carries; [] when it has none or is not JSON."""
    try:
        data = json.loads(signature)
    except ValueError:
        return []
    found = data.get("bands", []) if isinstance(data, dict) else []
    return [int(k) for k in found if isinstance(k, int)]


def find_first_original(conn: Connection, copy_of: str, kind: str) -> tuple[str, str]:
    """(first original, kind of the whole chain) for a link to `copy_of`."""
    table = schema.articles
    seen = {copy_of}
    for _ in range(MAX_CHAIN):
        query = select(table.c.copy_of, table.c.copy_kind).where(table.c.id == copy_of)
        found = conn.execute(query).first()
        if found is None or found[0] is None or found[0] in seen:
            break
        copy_of, seen = found[0], seen | {found[0]}
        if (found[1] or "copy") == "translation":
            kind = "translation"
    return copy_of, kind


def record_copy(
    conn: Connection,
    article_id: str,
    signature: str,
    copy_of: str | None = None,
    copy_kind: str | None = None,
) -> None:
    """Store the article's signature, its band keys and the first original it copies."""
    table = schema.articles
    if copy_of is not None:
        copy_of, copy_kind = find_first_original(conn, copy_of, copy_kind or "copy")
    conn.execute(
        update(table)
        .where(table.c.id == article_id)
        .values(signature=signature, copy_of=copy_of, copy_kind=copy_kind)
    )
    bands = schema.article_bands
    conn.execute(bands.delete().where(bands.c.article_id == article_id))
    keys = read_bands(signature)
    if keys:
        conn.execute(
            bands.insert(),
            [{"article_id": article_id, "band": n, "key": k} for n, k in enumerate(keys)],
        )


@cache
def build_nearby(dated: bool, banded: bool, with_language: bool) -> Select[str, str]:
    """The query of `nearby_signatures`, built once per shape (building it is what costs;
    SQLAlchemy caches the compiled form): parameters `start`, `end`, `keys`, `language`."""
    table, index = schema.articles, schema.article_bands
    query = select(table.c.id, table.c.signature).where(table.c.signature.is_not(None))
    if dated:
        query = query.where(
            table.c.published >= bindparam("start"), table.c.published <= bindparam("end")
        ).order_by(table.c.id)
    else:
        recent = select(table.c.id).where(table.c.signature.is_not(None))
        recent = recent.order_by(table.c.seq.desc()).limit(UNDATED_RECENT)
        query = query.where(table.c.id.in_(recent.scalar_subquery()))
        query = query.order_by(table.c.seq.desc())
    if not banded:
        return query
    keyed = select(index.c.article_id).where(index.c.key.in_(bindparam("keys", expanding=True)))
    wanted = [table.c.id.in_(keyed), ~exists().where(index.c.article_id == table.c.id)]
    if with_language:
        # a translation: both languages known and different (as dedup.compare asks)
        wanted.append(
            and_(
                table.c.language.is_not(None),
                func.lower(table.c.language) != bindparam("language"),
            )
        )
    return query.where(or_(*wanted))


def nearby_signatures(
    conn: Connection,
    published: dt.date | None,
    window_days: int,
    bands: Sequence[int] | None = None,
    language: str | None = None,
) -> list[tuple[str, str]]:
    """(article id, signature), see Store.nearby_signatures."""
    query = build_nearby(published is not None, bands is not None, bool(language))
    params: dict[str, object] = {"keys": sorted(set(bands or ())), "language": language}
    if published is not None:
        window = dt.timedelta(days=window_days)
        params |= {"start": published - window, "end": published + window}
    return [(i, s) for i, s in conn.execute(query, params).all()]


def read_copies(conn: Connection, doc_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Article id -> (first original, 'copy' | 'translation') for those that copy one."""
    table = schema.articles
    found: dict[str, tuple[str, str]] = {}
    for chunk in rows.iter_chunks(doc_ids, CHUNK):
        query = select(table.c.id, table.c.copy_of, table.c.copy_kind).where(
            table.c.id.in_(chunk), table.c.copy_of.is_not(None)
        )
        found.update({i: (o, k or "copy") for i, o, k in conn.execute(query).all()})
    # links written before chaining: follow them (rare, so one lookup per chained link)
    return {i: find_first_original(conn, original, kind) for i, (original, kind) in found.items()}
