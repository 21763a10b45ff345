"""Near-duplicate links and contradictions in the store and in the events export."""

from __future__ import annotations

import datetime as dt
import io
import json

from store_corpus import DAKAR, LIMA, QUITO, corpus_mentions

from bilat.models import Contradiction, Event, Side
from bilat.store import Store, write_events


def test_signatures_are_found_by_publication_window(filled: Store) -> None:
    filled.record_copy(LIMA.id, '{"minhash": [1]}')
    filled.record_copy(QUITO.id, '{"minhash": [2]}', LIMA.id, "translation")
    near = filled.nearby_signatures(dt.date(2025, 9, 22), 3)
    assert near == [(LIMA.id, '{"minhash": [1]}')]
    assert filled.nearby_signatures(dt.date(2025, 9, 24), 3) == []
    # with no date: the most recently added articles that have a signature
    assert [i for i, _ in filled.nearby_signatures(None, 3)] == [QUITO.id, LIMA.id]
    assert filled.copies_among([LIMA.id, QUITO.id, DAKAR.id]) == {
        QUITO.id: (LIMA.id, "translation")
    }
    assert filled.outlets_of([QUITO.id, "missing"]) == {QUITO.id: "Quito Ledger"}


def test_mentions_of_events_come_back_with_their_event(filled: Store) -> None:
    lima = corpus_mentions()[LIMA.id]
    filled.upsert_events([Event(id="ev-1", event="AID", mention_ids=[lima[1].id])])
    found = filled.mentions_for_events(["ev-1", "ev-none"])
    assert [(m.id, m.event_id) for m in found] == [(lima[1].id, "ev-1")]


def test_export_counts_copies_apart_and_shows_contradictions(filled: Store) -> None:
    lima, dakar = corpus_mentions()[LIMA.id], corpus_mentions()[DAKAR.id]
    contested = Contradiction(
        kind="figure",
        about="tonnes",
        sides=[Side(value="40 tonnes", doc_ids=[DAKAR.id], outlets=["Sahel Wire"])],
    )
    filled.upsert_events(
        [
            Event(
                id="ev-1",
                event="AID",
                mention_ids=[lima[1].id, dakar[0].id],
                contradictions=[contested],
            )
        ]
    )
    out = io.StringIO()
    write_events(filled, "jsonl", out)
    assert json.loads(out.getvalue())["source_count"] == 2
    filled.record_copy(DAKAR.id, "{}", LIMA.id, "copy")
    out = io.StringIO()
    write_events(filled, "jsonl", out)
    record = json.loads(out.getvalue())
    assert (record["source_count"], record["copies"]) == (1, 1)
    assert record["contradictions"] == [
        {
            "kind": "figure",
            "about": "tonnes",
            "sides": [{"value": "40 tonnes", "doc_ids": [DAKAR.id], "outlets": ["Sahel Wire"]}],
        }
    ]
