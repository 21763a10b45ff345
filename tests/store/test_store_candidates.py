"""Linker candidates stay an index lookup; events read back set their copies apart."""

from __future__ import annotations

import datetime as dt

from store_corpus import DAKAR, LIMA, corpus_mentions

from bilat.models import Event
from bilat.store import Store
from bilat.store.queries import UNDATED_LIMIT


def make_event(event_id: str, date: str | None, **update: object) -> Event:
    fields: dict[str, object] = {
        "id": event_id,
        "event": "AGREE",
        "actor_countries": ["CHL"],
        "recipient_countries": ["PER"],
        "date": date,
    }
    fields.update(update)
    return Event.model_validate(fields)


def ids(store: Store, around: dt.date, days: int = 7, **kw: bool) -> list[str]:
    return [e.id for e in store.candidate_events("AGREE", ["PER"], around, days, **kw)]


def test_a_year_long_date_is_found_at_both_ends_of_its_year(filled: Store) -> None:
    filled.upsert_events([make_event("ev-year", "2025"), make_event("ev-day", "2024-12-28")])
    assert ids(filled, dt.date(2025, 12, 30)) == ["ev-year"]
    assert ids(filled, dt.date(2025, 1, 2)) == ["ev-day", "ev-year"]
    assert ids(filled, dt.date(2026, 1, 9)) == []  # the window ends before the year does


def test_undated_events_beside_a_window_are_capped(filled: Store) -> None:
    many = [make_event(f"ev-u{k:03d}", None) for k in range(UNDATED_LIMIT + 5)]
    filled.upsert_events([make_event("ev-day", "2025-03-03"), *many])
    found = ids(filled, dt.date(2025, 3, 3), with_undated=True)
    assert "ev-day" in found and len(found) == UNDATED_LIMIT + 1
    assert found == sorted(found)


def test_events_read_back_count_a_copy_apart(filled: Store) -> None:
    lima, dakar = corpus_mentions()[LIMA.id], corpus_mentions()[DAKAR.id]
    filled.upsert_events([make_event("ev-1", "2025-09-16", mention_ids=[lima[1].id, dakar[0].id])])
    before = filled.get_event("ev-1")
    assert before is not None and (before.source_count, before.copy_doc_ids) == (2, [])
    filled.record_copy(DAKAR.id, "{}", LIMA.id, "copy")
    after = filled.get_event("ev-1")
    assert after is not None
    assert after.copy_doc_ids == [DAKAR.id] and after.source_outlets == [LIMA.outlet]
    assert after.source_count == 1


def test_every_country_asks_for_the_whole_dyad(filled: Store) -> None:
    filled.upsert_events(
        [
            make_event("ev-pair", "2025-03-03"),
            make_event("ev-other", "2025-03-03", recipient_countries=["BOL"]),
        ]
    )
    around = dt.date(2025, 3, 3)
    assert ids(filled, around) == ["ev-pair"]
    chile = filled.candidate_events("AGREE", ["CHL"], around, 1)
    assert [e.id for e in chile] == ["ev-other", "ev-pair"]
    dyad = filled.candidate_events("AGREE", ["CHL", "PER"], around, 1, every_country=True)
    assert [e.id for e in dyad] == ["ev-pair"]
