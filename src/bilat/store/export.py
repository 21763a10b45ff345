"""The export contract: mention and event records, written as JSON lines, CSV or Parquet.

Tools outside the repository read these field names exactly; add fields, never rename.
In CSV every nested field (lists, objects, booleans) is a JSON string and null is empty.
Parquet keeps the nesting as list and struct columns (see parquet.py).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any, Literal, cast

from bilat.errors import StoreError
from bilat.models import ActorRef, Contradiction, Event, Figure, Mention, Span
from bilat.store.history import ContradictionFinder, Superseded, current_events
from bilat.store.queries import MentionFilter
from bilat.store.records import Dating, read_own_dating
from bilat.store.store import CHUNK, Store

ExportFormat = Literal["jsonl", "csv", "parquet"]
Target = str | Path | IO[str] | IO[bytes]

MENTION_FIELDS: tuple[str, ...] = (
    "id",
    "doc_id",
    "event_id",
    "event",
    "mode",
    "context",
    "actor",
    "recipient",
    "date",
    "date_text",
    "historical",
    "event_loc",
    "figures",
    "event_text",
    "text_info",
    "trigger",
    "confidence",
    "coder",
    "typed_by",
    "cameo",
    "goldstein",
    "quad_code",
    "date_source",
    "date_from",
)
EVENT_FIELDS: tuple[str, ...] = (
    "id",
    "event",
    "actor_countries",
    "recipient_countries",
    "date",
    "source_count",
    "doc_ids",
    "outlets",
    "first_seen",
    "last_seen",
    "figures",
    "mentions",
    "copies",
    "contradictions",
    "superseded",
)


def _actor(ref: ActorRef) -> dict[str, Any]:
    return {
        "text": ref.text,
        "country": ref.country,
        "sector": ref.sector,
        "actor_id": ref.actor_id,
    }


def _figure(f: Figure) -> dict[str, Any]:
    return {"value": f.value, "unit": f.unit, "text": f.text, "qualifier": f.qualifier}


def _span(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def mention_record(m: Mention, dating: Dating | None = None) -> dict[str, Any]:
    """One mention as the export contract names its fields (keys in MENTION_FIELDS order).

    `dating` (iter_mention_records finds it) replaces the mention's own date and its source:
    a date lent by linked coverage (store/records.py)."""
    dated = read_own_dating(m) if dating is None or dating.date is None else dating
    loc = (
        None if m.event_loc is None else {"text": m.event_loc.text, "country": m.event_loc.country}
    )
    return {
        "id": m.id,
        "doc_id": m.doc_id,
        "event_id": m.event_id,
        "event": m.event,
        "mode": m.mode,
        "context": list(m.context),
        "actor": [_actor(a) for a in m.actor],
        "recipient": [_actor(r) for r in m.recipient],
        "date": dated.date,
        "date_text": m.date_text,
        "historical": m.historical,
        "event_loc": loc,
        "figures": [_figure(f) for f in m.figures],
        "event_text": m.event_text,
        "text_info": _span(m.text_info),
        "trigger": _span(m.trigger),
        "confidence": m.confidence,
        "coder": m.coder,
        "typed_by": m.typed_by,
        "cameo": m.cameo,
        "goldstein": m.goldstein,
        "quad_code": m.quad_code,
        "date_source": dated.source,
        "date_from": dated.doc_id,
    }


def iter_mention_records(
    store: Store, flt: MentionFilter | None = None
) -> Iterator[dict[str, Any]]:
    """The matching mentions as export records, CHUNK at a time; a mention its own article
    fixes no date for takes the month the other reports of its event agree on
    (records.find_linked_dating). With `flt.as_of` only reports known by then lend one;
    `flt.since`/`until` see the lent date, as in every bounded query (store/lent_dates.py)."""
    for m, dating in store.iter_dated_mentions(flt):
        yield mention_record(m, dating)


def _contradiction(c: Contradiction) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "about": c.about,
        "sides": [
            {"value": s.value, "doc_ids": list(s.doc_ids), "outlets": list(s.outlets)}
            for s in c.sides
        ],
    }


def event_record(
    e: Event,
    mentions: Sequence[Mention] | None = None,
    copies: Mapping[str, str] | None = None,
    outlets: Mapping[str, str | None] | None = None,
    superseded: Sequence[Superseded] = (),
) -> dict[str, Any]:
    """One event for export; `mentions` (when given) supply the mention ids and, if the
    event lacks them, its articles. `copies` maps a copied or translated article to its
    original and `outlets` each article to its outlet: an article whose original reports
    the event too is counted in `copies`, not in `source_count`. `superseded` lists the
    values later reports replaced (store/history.py)."""
    mention_ids = [m.id for m in mentions] if mentions else list(e.mention_ids)
    doc_ids = list(e.doc_ids) or sorted({m.doc_id for m in mentions or ()})
    copied = {d for d in doc_ids if (copies or {}).get(d) in doc_ids}
    originals = [d for d in doc_ids if d not in copied]
    if outlets is not None:
        independent = {o for d in originals if (o := outlets.get(d))}
        source_count = len(independent) or len(originals)
    else:
        source_count = len(e.outlets) or len(doc_ids)
    return {
        "id": e.id,
        "event": e.event,
        "actor_countries": list(e.actor_countries),
        "recipient_countries": list(e.recipient_countries),
        "date": e.date,
        "source_count": source_count,
        "doc_ids": doc_ids,
        "outlets": list(e.outlets),
        "first_seen": e.first_seen.isoformat() if e.first_seen else None,
        "last_seen": e.last_seen.isoformat() if e.last_seen else None,
        "figures": [_figure(f) for f in e.figures],
        "mentions": mention_ids,
        "copies": len(copied),
        "contradictions": [_contradiction(c) for c in e.contradictions],
        "superseded": [s.record() for s in superseded],
    }


def iter_event_records(
    store: Store, flt: MentionFilter | None = None, find: ContradictionFinder | None = None
) -> Iterator[dict[str, Any]]:
    """Event records with their copies, outlets and superseded values looked up CHUNK events
    at a time. With `flt.as_of` each event is replayed from the mentions known then, its
    contradictions found again by `find` (else the stored ones are cut down to them)."""
    events = store.iter_events(flt)
    as_of = flt.as_of if flt is not None else None
    basis = flt.as_of_basis if flt is not None else "published"
    while batch := list(islice(events, CHUNK)):
        shown = current_events(store, batch, as_of, basis, find)
        docs = sorted(shown.learned)
        copies = {d: original for d, (original, _) in store.copies_among(docs).items()}
        outlets = {d: known.outlet for d, known in shown.learned.items()}
        for e, superseded in shown.events:
            yield event_record(e, copies=copies, outlets=outlets, superseded=superseded)


@contextmanager
def open_text(out: Target) -> Iterator[IO[str]]:
    """A text stream for `out`: '-' is stdout, a path is created, a stream is used as is."""
    if isinstance(out, str | Path):
        if str(out) == "-":
            yield sys.stdout
            return
        try:
            with Path(out).open("w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as exc:
            raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from exc
    elif isinstance(out, io.TextIOBase):
        yield cast(IO[str], out)
    else:
        wrapper = io.TextIOWrapper(cast(Any, out), encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()  # the caller's binary stream stays open


def write_jsonl(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict | bool):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(records: Iterable[dict[str, Any]], fields: Sequence[str], stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(fields)
    n = 0
    for record in records:
        writer.writerow([_csv_cell(record.get(f)) for f in fields])
        n += 1
    return n


def _write(
    records: Iterable[dict[str, Any]],
    kind: Literal["mentions", "events"],
    fmt: str,
    out: Target,
) -> int:
    fields = MENTION_FIELDS if kind == "mentions" else EVENT_FIELDS
    if fmt == "parquet":
        from bilat.store.parquet import write_parquet  # pyarrow loads only when asked for

        return write_parquet(records, kind, out)
    if fmt not in ("jsonl", "csv"):
        raise StoreError(f"export format {fmt!r} is unknown: choose jsonl, csv or parquet")
    with open_text(out) as stream:
        if fmt == "jsonl":
            return write_jsonl(records, stream)
        return write_csv(records, fields, stream)


def write_mentions(
    store: Store, fmt: ExportFormat, out: Target, flt: MentionFilter | None = None
) -> int:
    """Write the matching mentions; the number written. `out` '-' means stdout."""
    return _write(iter_mention_records(store, flt), "mentions", fmt, out)


def write_events(
    store: Store,
    fmt: ExportFormat,
    out: Target,
    flt: MentionFilter | None = None,
    find: ContradictionFinder | None = None,
) -> int:
    """Write events with at least one matching mention; the number written. `find` finds
    contradictions again when `flt.as_of` replays the past (see iter_event_records)."""
    return _write(iter_event_records(store, flt, find), "events", fmt, out)
