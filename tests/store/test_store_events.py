"""Events: upserts, the mention links they set, reading back, filters and linker candidates."""

from __future__ import annotations

import datetime as dt

from store_corpus import DAKAR, LIMA, QUITO, corpus_mentions, make_mention

from bilat.models import Event, Figure
from bilat.store import MentionFilter, Store

ACCORD = Figure(value=2, unit="vessel", text="two research vessels")


def lima_event(**update: object) -> Event:
    agree = corpus_mentions()[LIMA.id][0]
    fields: dict[str, object] = {
        "id": "ev-fishing",
        "event": "AGREE",
        "actor_countries": ["CHL"],
        "recipient_countries": ["PER"],
        "date": "2025-09-16",
        "mention_ids": [agree.id],
        "figures": [ACCORD],
    }
    fields.update(update)
    return Event.model_validate(fields)


def test_upsert_inserts_and_links_mentions(filled: Store) -> None:
    filled.upsert_events([lima_event()])
    event = filled.get_event("ev-fishing")
    assert event is not None
    agree = corpus_mentions()[LIMA.id][0]
    assert event.mention_ids == [agree.id]
    assert event.doc_ids == [LIMA.id]
    assert event.outlets == ["Andes Post"]
    assert event.first_seen == event.last_seen == LIMA.published
    assert event.figures == [ACCORD]
    assert event.source_count == 1
    linked = filled.mentions_for_article(LIMA.id)
    assert [m.event_id for m in linked] == ["ev-fishing", None, None]


def test_upsert_updates_by_id_and_gathers_sources(filled: Store) -> None:
    filled.upsert_events([lima_event()])
    # A second outlet reports the same accord; the linker merges it into the stored event.
    echo = QUITO.model_copy(update={"id": "d-echo", "text": "Chile and Peru agreed on fish."})
    filled.add_article(echo.model_copy(update={"outlet": "Pacific Daily", "published": None}))
    again = make_mention(echo, echo.text, "AGREE", "CHL", "PER", date="2025-09")
    filled.replace_mentions(echo.id, [again])
    merged = lima_event(
        mention_ids=[corpus_mentions()[LIMA.id][0].id, again.id], actor_countries=["CHL", "PER"]
    )
    filled.upsert_events([merged])
    event = filled.get_event("ev-fishing")
    assert event is not None
    assert event.doc_ids == sorted([LIMA.id, "d-echo"])
    assert event.outlets == ["Andes Post", "Pacific Daily"]
    assert event.actor_countries == ["CHL", "PER"]
    assert event.first_seen == LIMA.published  # the echo has no publication date
    assert event.source_count == 2
    assert filled.stats().events == 1


def test_get_event_missing_is_none(filled: Store) -> None:
    assert filled.get_event("nope") is None


def test_iter_events_by_mention_filter(filled: Store) -> None:
    rice = corpus_mentions()[DAKAR.id][0]
    filled.upsert_events(
        [
            lima_event(),
            Event(
                id="ev-rice",
                event="AID",
                actor_countries=["SEN"],
                recipient_countries=["MLI"],
                mention_ids=[rice.id],
            ),
            Event(id="ev-empty", event="REJECT", date="2024-01-01"),
        ]
    )
    # by date, undated last
    assert [e.id for e in filled.iter_events()] == ["ev-empty", "ev-fishing", "ev-rice"]
    assert [e.id for e in filled.iter_events(MentionFilter(outlet="sahel wire"))] == ["ev-rice"]
    assert [e.id for e in filled.iter_events(MentionFilter(dyad=("CHL", "PER")))] == ["ev-fishing"]
    assert [e.id for e in filled.iter_events(MentionFilter(dyad=("PER", "CHL")))] == []
    assert len(list(filled.iter_events(MentionFilter(limit=1)))) == 1


def test_candidate_events_window_type_and_country(filled: Store) -> None:
    filled.upsert_events(
        [
            lima_event(),
            lima_event(id="ev-month", date="2025-10", mention_ids=[]),
            lima_event(id="ev-undated", date=None, mention_ids=[]),
            lima_event(id="ev-aid", event="AID", mention_ids=[]),
        ]
    )

    def ids(event_type: str, countries: list[str], around: dt.date | None, days: int) -> list[str]:
        return [e.id for e in filled.candidate_events(event_type, countries, around, days)]

    assert ids("AGREE", ["PER", "BRA"], dt.date(2025, 9, 20), 7) == ["ev-fishing"]
    assert ids("AGREE", ["CHL"], dt.date(2025, 9, 20), 3) == []
    # A month-only date counts when any of its days falls inside the window.
    assert ids("AGREE", ["CHL"], dt.date(2025, 9, 24), 8) == ["ev-fishing", "ev-month"]
    assert ids("AGREE", ["BRA"], dt.date(2025, 9, 16), 7) == []
    assert ids("AGREE", ["PER"], None, 7) == ["ev-undated"]
    assert ids("AID", ["CHL"], dt.date(2025, 9, 16), 0) == ["ev-aid"]
    assert ids("AGREE", [], dt.date(2025, 9, 16), 7) == []
    found = filled.candidate_events("AGREE", ["CHL"], dt.date(2025, 9, 16), 0)
    assert found[0].mention_ids == [corpus_mentions()[LIMA.id][0].id]


def test_a_mention_belongs_to_the_last_event_that_claims_it(filled: Store) -> None:
    filled.upsert_events([lima_event(), lima_event(id="ev-other")])
    first = filled.get_event("ev-fishing")
    assert first is not None and first.mention_ids == []
    assert filled.mentions_for_article(LIMA.id)[0].event_id == "ev-other"


def test_candidates_follow_country_changes(filled: Store) -> None:
    filled.upsert_events([lima_event()])
    filled.upsert_events([lima_event(actor_countries=["ARG"], recipient_countries=["URY"])])
    assert filled.candidate_events("AGREE", ["CHL", "PER"], dt.date(2025, 9, 16), 1) == []
    assert len(filled.candidate_events("AGREE", ["URY"], dt.date(2025, 9, 16), 1)) == 1


def test_profile_and_contradictions_round_trip(filled: Store) -> None:
    from bilat.models import Contradiction, Side

    clash = Contradiction(
        kind="figure",
        about="residents",
        sides=[Side(value="up to 15,000", doc_ids=["d1"]), Side(value="over 15,000")],
    )
    filled.upsert_events(
        [
            lima_event(
                keywords=["fishing", "vessel"],
                names=["callao"],
                stages=["signed"],
                contradictions=[clash],
            )
        ]
    )
    event = filled.get_event("ev-fishing")
    assert event is not None
    assert (event.keywords, event.names, event.stages) == (
        ["fishing", "vessel"],
        ["callao"],
        ["signed"],
    )
    assert event.contradictions == [clash]


def test_candidates_by_type_group_and_undated(filled: Store) -> None:
    filled.upsert_events([lima_event(), lima_event(id="ev-undated", event="SUPPORT", date=None)])
    around = dt.date(2025, 9, 16)
    only_window = filled.candidate_events(("AGREE", "SUPPORT"), ["CHL"], around, 1)
    assert [e.id for e in only_window] == ["ev-fishing"]
    both = filled.candidate_events(("AGREE", "SUPPORT"), ["CHL"], around, 1, with_undated=True)
    assert sorted(e.id for e in both) == ["ev-fishing", "ev-undated"]
    any_date = filled.candidate_events(
        ("AGREE", "SUPPORT"), ["CHL"], None, 1, with_undated=True, limit=1
    )
    assert [e.id for e in any_date] == ["ev-undated"]  # undated first, then most recent
