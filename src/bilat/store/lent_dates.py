"""Dates lent by linked coverage: found for a batch of mentions, and read by date bounds.

An article with neither a date in words nor a publication date fixes no date for its news;
records.find_linked_dating lends such a mention the month its event's other reports agree
on. Every date-bounded query (`bilat events`, `bilat export`, the counts) reads that date
through `find_lent_datings`, so the same store answers "what happened in March" alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection

from bilat.models import Mention
from bilat.store import copies, history, records, rows
from bilat.store.queries import AsOfBasis, MentionFilter, select_unanchored_ids
from bilat.store.records import CHUNK, Dating, find_linked_dating, is_undated_article


def lend_dates(
    conn: Connection,
    batch: Sequence[Mention],
    as_of: dt.date | None = None,
    basis: AsOfBasis = "published",
) -> dict[str, Dating]:
    """The date linked coverage lends each mention of `batch` that its own article leaves
    undated, by mention id (records.find_linked_dating); with `as_of` only the reports
    known by the end of that day (`basis` as in MentionFilter) lend one."""
    learned = history.read_learned(conn, [m.doc_id for m in batch])
    undated = [m for m in batch if is_undated_article(m, learned)]
    if not undated:
        return {}
    coverage = records.read_event_mentions(conn, sorted({m.event_id or "" for m in undated}))
    lenders = history.read_learned(conn, [x.doc_id for x in coverage])
    if as_of is not None:
        lenders = {d: k for d, k in lenders.items() if k.known_on(as_of, basis)}
    docs = sorted({x.doc_id for x in coverage})
    copies_of = {d: original for d, (original, _) in copies.read_copies(conn, docs).items()}
    by_event: dict[str, list[Mention]] = {}
    for x in coverage:
        by_event.setdefault(x.event_id or "", []).append(x)
    datings: dict[str, Dating] = {}
    for m in undated:
        # its own article is known whatever the as-of day: the query found the mention
        known = {**lenders, m.doc_id: learned[m.doc_id]}
        found = by_event.get(m.event_id or "", [])
        datings[m.id] = find_linked_dating(m, found, known, copies_of)
    return datings


def find_lent_datings(conn: Connection, flt: MentionFilter | None) -> dict[str, Dating]:
    """The mentions `flt` matches but for its since/until that have neither a date nor a
    publication date, and whose lent date (its first day) lies within since/until, each with
    that dating, by id: what the bounded queries of queries.py admit beside the mentions
    dated by their articles. Empty when `flt` sets no bounds; a mention nothing lends a date
    to stays out. The scan reads only mentions with neither date nor publication date that
    could be lent one (news of a linked event), rare in a fed store. Found once per query:
    its datings are the ones an export of that query writes (Store.iter_dated_mentions)."""
    if flt is None or not flt.is_bounded():
        return {}
    ids = list(conn.execute(select_unanchored_ids(flt)).scalars())
    passing: dict[str, Dating] = {}
    for chunk in rows.iter_chunks(ids, CHUNK):
        found = records.fetch_mentions(conn, chunk)
        batch = [found[i] for i in chunk if i in found]
        datings = lend_dates(conn, batch, flt.as_of, flt.as_of_basis)
        for m in batch:
            dating = datings.get(m.id)
            span = rows.parse_partial_date(dating.date if dating else None)
            if dating is not None and span is not None and flt.in_bounds(span[0]):
                passing[m.id] = dating
    return passing
