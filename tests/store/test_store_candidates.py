"""Linker candidates stay an index lookup; events read back set their copies apart."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from store_corpus import DAKAR, LIMA, corpus_mentions

from bilat.models import Event
from bilat.store import Store
from bilat.store.migrations import LATEST
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


def test_one_shared_country_makes_a_candidate(filled: Store) -> None:
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
    either = filled.candidate_events("AGREE", ["BOL", "PER"], around, 1)
    assert [e.id for e in either] == ["ev-other", "ev-pair"]


def same(store: Store, countries: list[str], around: dt.date | None, **kw: object) -> list[str]:
    found = store.candidate_events(
        ("AGREE", "SUPPORT"), countries, around, 7, same_countries=True, **kw
    )
    return [e.id for e in found]


def test_same_countries_asks_for_exactly_the_dyad(filled: Store) -> None:
    filled.upsert_events(
        [
            make_event("ev-pair", "2025-03-03"),
            make_event(
                "ev-reversed", "2025-03-04", actor_countries=["PER"], recipient_countries=["CHL"]
            ),
            make_event("ev-month", "2025-03", event="SUPPORT"),
            make_event("ev-three", "2025-03-03", recipient_countries=["PER", "BOL"]),
            make_event("ev-one", "2025-03-03", recipient_countries=["CHL"]),
            make_event("ev-undated", None),
            make_event("ev-far", "2025-06-03"),
        ]
    )
    around = dt.date(2025, 3, 3)
    # one side named on both, or the sides swapped, is still the same set of countries
    assert same(filled, ["PER", "CHL"], around) == ["ev-month", "ev-pair", "ev-reversed"]
    assert same(filled, ["CHL", "PER"], around, with_undated=True) == [
        "ev-month",
        "ev-pair",
        "ev-reversed",
        "ev-undated",
    ]
    assert same(filled, ["BOL", "CHL", "PER"], around) == ["ev-three"]
    assert same(filled, ["CHL"], around) == ["ev-one"]
    # any date, most recent first
    assert same(filled, ["CHL", "PER"], None, with_undated=True, limit=2) == [
        "ev-undated",
        "ev-far",
    ]
    shared = filled.candidate_events(("AGREE", "SUPPORT"), ["CHL"], around, 7)
    assert len(shared) == 5  # the superset the country probes give: every event naming CHL


def test_an_event_moving_to_other_countries_leaves_its_old_key(filled: Store) -> None:
    filled.upsert_events([make_event("ev-1", "2025-03-03")])
    filled.upsert_events([make_event("ev-1", "2025-03-03", recipient_countries=["BOL"])])
    assert same(filled, ["CHL", "PER"], dt.date(2025, 3, 3)) == []
    assert same(filled, ["BOL", "CHL"], dt.date(2025, 3, 3)) == ["ev-1"]


def test_migration_7_keys_the_events_stored_before_it(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    with Store.open(path) as store:
        store.upsert_events(
            [make_event("ev-1", "2025-03-03"), make_event("ev-2", "2025", actor_countries=["BOL"])]
        )
    with sqlite3.connect(path) as conn:  # make it a version-6 store: no key, no index
        conn.execute("DROP INDEX ix_events_countries_date")
        conn.execute("ALTER TABLE events DROP COLUMN countries")
        conn.execute("DELETE FROM schema_version WHERE version >= 7")
    with Store.open(path) as store:
        assert same(store, ["PER", "CHL"], dt.date(2025, 3, 3)) == ["ev-1"]
        assert same(store, ["PER", "BOL"], dt.date(2025, 3, 3)) == ["ev-2"]
    with sqlite3.connect(path) as conn:
        keys = conn.execute("SELECT id, countries FROM events ORDER BY id").fetchall()
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(events)")}
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version")]
    assert keys == [("ev-1", "CHL PER"), ("ev-2", "BOL PER")]
    assert "ix_events_countries_date" in indexes
    assert 7 in versions and max(versions) == LATEST
