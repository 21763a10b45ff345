"""The export contract: field names, JSON lines, CSV and Parquet, and a round-trip property."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_corpus import DAKAR, LIMA, corpus_mentions

from bilat.errors import StoreError
from bilat.models import ActorRef, Event, Mention, Span
from bilat.store import (
    MentionFilter,
    Store,
    event_record,
    mention_record,
    write_events,
    write_mentions,
)

MENTION_KEYS = [
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
]
EVENT_KEYS = [
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
]


@pytest.fixture
def linked(filled: Store) -> Store:
    lima = corpus_mentions()[LIMA.id]
    filled.upsert_events(
        [
            Event(
                id="ev-vessels",
                event="AID",
                actor_countries=["PER"],
                recipient_countries=["CHL"],
                date="2025-09",
                mention_ids=[lima[1].id],
                figures=lima[1].figures,
            ),
            Event(id="ev-accord", event="AGREE", date="2025-09-16", mention_ids=[lima[0].id]),
        ]
    )
    return filled


def test_mention_record_names_the_contract_fields() -> None:
    aid = corpus_mentions()[LIMA.id][1]
    record = mention_record(aid)
    assert list(record) == MENTION_KEYS
    assert record["actor"] == [
        {"text": "PER", "country": "PER", "sector": "GOV", "actor_id": "state:PER"}
    ]
    assert record["figures"] == [
        {"value": 12_000_000.0, "unit": "USD", "text": "12 million dollars", "qualifier": None}
    ]
    assert record["event_loc"] == {"text": "Lima", "country": "PER"}
    assert record["text_info"] == {"start": aid.text_info.start, "end": aid.text_info.end}
    assert set(record["trigger"]) == {"start", "end"}
    assert mention_record(corpus_mentions()[DAKAR.id][0])["event_loc"] is None


def test_event_record_names_the_contract_fields(linked: Store) -> None:
    event = linked.get_event("ev-vessels")
    assert event is not None
    record = event_record(event, linked.mentions_for_article(LIMA.id)[1:2])
    assert list(record) == EVENT_KEYS
    assert record["mentions"] == [corpus_mentions()[LIMA.id][1].id]
    assert record["first_seen"] == "2025-09-20"
    assert record["source_count"] == 1
    assert record["outlets"] == ["Andes Post"]


def test_jsonl_mentions_to_a_path(linked: Store, tmp_path: Path) -> None:
    out = tmp_path / "mentions.jsonl"
    assert write_mentions(linked, "jsonl", out) == 6
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [list(r) for r in lines] == [MENTION_KEYS] * 6
    assert lines[1]["event_id"] == "ev-vessels"


def test_jsonl_to_stdout_streams_and_filters(
    linked: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert write_mentions(linked, "jsonl", "-", MentionFilter(dyad=("SEN", "MLI"))) == 1
    assert json.loads(capsys.readouterr().out)["doc_id"] == DAKAR.id
    text_out, bytes_out = io.StringIO(), io.BytesIO()
    assert write_events(linked, "jsonl", text_out) == 2
    assert write_events(linked, "jsonl", bytes_out) == 2
    assert bytes_out.getvalue().decode("utf-8") == text_out.getvalue()


def test_csv_reads_back_with_nested_json(linked: Store, tmp_path: Path) -> None:
    out = tmp_path / "mentions.csv"
    assert write_mentions(linked, "csv", out, MentionFilter(doc_id=LIMA.id)) == 3
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == MENTION_KEYS
    aid = corpus_mentions()[LIMA.id][1]
    assert json.loads(rows[1]["text_info"]) == {
        "start": aid.text_info.start,
        "end": aid.text_info.end,
    }
    assert json.loads(rows[1]["actor"])[0]["country"] == "PER"
    assert json.loads(rows[1]["historical"]) is False
    assert rows[1]["cameo"] == "" and float(rows[1]["confidence"]) == 0.8
    assert rows[1]["event_text"] == aid.event_text


def test_csv_events(linked: Store) -> None:
    out = io.StringIO()
    assert write_events(linked, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == EVENT_KEYS
    assert [r["id"] for r in rows] == ["ev-vessels", "ev-accord"]  # by date: 2025-09-01 first
    assert json.loads(rows[0]["figures"])[0]["unit"] == "USD"


def test_parquet_mentions_read_back_nested(linked: Store, tmp_path: Path) -> None:
    out = tmp_path / "mentions.parquet"
    assert write_mentions(linked, "parquet", out) == 6
    table = pq.read_table(out)
    assert table.column_names == MENTION_KEYS
    rows = table.to_pylist()
    records = [mention_record(m) for m in linked.iter_mentions()]
    assert rows == [{k: r[k] for k in table.column_names} for r in records]


def test_parquet_events_read_back(linked: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert write_events(linked, "parquet", out) == 2
    rows = pq.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == ["ev-vessels", "ev-accord"]
    assert str(rows[0]["first_seen"]) == "2025-09-20"
    assert rows[0]["figures"][0]["text"] == "12 million dollars"


def test_parquet_of_nothing_is_a_valid_empty_file(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    assert write_mentions(store, "parquet", out) == 0
    assert pq.read_table(out).num_rows == 0


def test_parquet_needs_a_file(linked: Store) -> None:
    with pytest.raises(StoreError, match="file path"):
        write_mentions(linked, "parquet", "-")
    with pytest.raises(StoreError, match="file path"):
        write_mentions(linked, "parquet", io.StringIO())


def test_unknown_format_and_unwritable_target(linked: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="choose jsonl, csv or parquet"):
        write_mentions(linked, "xml", io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="cannot write"):
        write_mentions(linked, "jsonl", tmp_path / "missing" / "dir" / "x.jsonl")


countries = st.sampled_from(["CHL", "PER", "SEN", "MLI", None])
actors = st.builds(ActorRef, text=st.text(min_size=1, max_size=12), country=countries)


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    start = draw(st.integers(min_value=0, max_value=10_000))
    length = draw(st.integers(min_value=0, max_value=500))
    return Mention(
        id=draw(st.text(min_size=1, max_size=16)),
        doc_id="doc",
        event=draw(st.sampled_from(["AGREE", "AID", "CONSULT", "SANCTION"])),
        actor=draw(st.lists(actors, max_size=3)),
        recipient=draw(st.lists(actors, max_size=3)),
        date=draw(st.sampled_from([None, "2025", "2025-09", "2025-09-16"])),
        event_text=draw(st.text(max_size=40)),
        text_info=Span(start=start, end=start + length),
        confidence=draw(st.floats(min_value=0, max_value=1)),
        coder="rules.v1",
    )


@given(mentions())
def test_mention_record_round_trips_spans_and_countries(m: Mention) -> None:
    record = json.loads(json.dumps(mention_record(m)))
    back = Mention.model_validate(record)
    assert back.text_info == m.text_info
    assert back.countries("actor") == m.countries("actor")
    assert back.countries("recipient") == m.countries("recipient")
    assert back.event == m.event and back.date == m.date and back.id == m.id
