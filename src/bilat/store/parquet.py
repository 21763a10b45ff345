"""Parquet export with nested list/struct columns; pyarrow is imported only here.

Columns keep the export contract's names and nesting: `actor` is a list of structs
{text, country, sector, actor_id}, `text_info` a struct {start, end}, and so on. Dates that
may be partial (`date`) stay strings; `first_seen`/`last_seen` are date32.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import IO, Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from bilat.errors import StoreError

ROW_GROUP = 5_000  # records per batch: bounded memory on large exports

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
_ACTOR = pa.struct(
    [
        ("text", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("actor_id", pa.string()),
    ]
)
_FIGURE = pa.struct(
    [
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("text", pa.string()),
        ("qualifier", pa.string()),
    ]
)
_SIDE = pa.struct(
    [
        ("value", pa.string()),
        ("doc_ids", pa.list_(pa.string())),
        ("outlets", pa.list_(pa.string())),
    ]
)
_CONTRADICTION = pa.struct(
    [("kind", pa.string()), ("about", pa.string()), ("sides", pa.list_(_SIDE))]
)
# A value a later report replaced (store/history.py); `published` stays an ISO string.
_SUPERSEDED = pa.struct(
    [
        (name, pa.string())
        for name in (
            "kind",
            "about",
            "value",
            "doc_id",
            "outlet",
            "published",
            "current",
            "current_doc_id",
        )
    ]
)

MENTION_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_id", pa.string()),
        ("event_id", pa.string()),
        ("event", pa.string()),
        ("mode", pa.string()),
        ("context", pa.list_(pa.string())),
        ("actor", pa.list_(_ACTOR)),
        ("recipient", pa.list_(_ACTOR)),
        ("date", pa.string()),
        ("date_text", pa.string()),
        ("historical", pa.bool_()),
        ("event_loc", pa.struct([("text", pa.string()), ("country", pa.string())])),
        ("figures", pa.list_(_FIGURE)),
        ("event_text", pa.string()),
        ("text_info", _SPAN),
        ("trigger", _SPAN),
        ("confidence", pa.float64()),
        ("coder", pa.string()),
        ("typed_by", pa.string()),
        ("cameo", pa.string()),
        ("goldstein", pa.float64()),
        ("quad_code", pa.int64()),
        ("date_source", pa.string()),
        ("date_from", pa.string()),
    ]
)

EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("event", pa.string()),
        ("actor_countries", pa.list_(pa.string())),
        ("recipient_countries", pa.list_(pa.string())),
        ("date", pa.string()),
        ("source_count", pa.int64()),
        ("doc_ids", pa.list_(pa.string())),
        ("outlets", pa.list_(pa.string())),
        ("first_seen", pa.date32()),
        ("last_seen", pa.date32()),
        ("figures", pa.list_(_FIGURE)),
        ("mentions", pa.list_(pa.string())),
        ("copies", pa.int64()),
        ("contradictions", pa.list_(_CONTRADICTION)),
        ("superseded", pa.list_(_SUPERSEDED)),
    ]
)


def _as_event_row(record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    for key in ("first_seen", "last_seen"):
        if row.get(key):
            row[key] = dt.date.fromisoformat(row[key])
    return row


def _check_target(out: Any) -> str | IO[bytes]:
    if isinstance(out, str | Path):
        if str(out) == "-":
            raise StoreError("parquet cannot go to stdout: give a file path, e.g. -o out.parquet")
        return str(out)
    if isinstance(out, io.TextIOBase):
        raise StoreError("parquet needs a file path or a binary stream, not a text stream")
    return out  # type: ignore[no-any-return]


def write_parquet(
    records: Iterable[dict[str, Any]], kind: Literal["mentions", "events"], out: Any
) -> int:
    """Write records to a Parquet file (or binary stream); the number written."""
    target = _check_target(out)
    schema = MENTION_SCHEMA if kind == "mentions" else EVENT_SCHEMA
    convert = _as_event_row if kind == "events" else dict
    it = iter(records)
    n = 0
    try:
        with pq.ParquetWriter(target, schema) as writer:
            while batch := [convert(r) for r in islice(it, ROW_GROUP)]:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(f"cannot write parquet to {out}: {exc}".splitlines()[0]) from exc
    return n
