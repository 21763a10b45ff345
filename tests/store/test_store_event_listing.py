"""Events as `bilat events` lists them: read in batches, in the order their mentions match."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.models import ActorRef, Article, Event, Mention, Span
from bilat.store import MentionFilter, Store
from bilat.store.history import list_current_events

# Three short reports written for this test: two of one fishing accord, one of a patrol.
TEXTS = {
    "a": "Chile and Peru signed a fishing accord.",
    "b": "Peru patrolled waters near Chile.",
    "c": "The fishing accord between Chile and Peru was signed in Lima.",
}


def report(doc_id: str, event_id: str | None, event: str = "AGREE") -> Mention:
    text = TEXTS[doc_id]
    return Mention(
        id=f"m-{doc_id}",
        doc_id=doc_id,
        event_id=event_id,
        event=event,
        actor=[ActorRef(text="Chile", country="CHL")],
        recipient=[ActorRef(text="Peru", country="PER")],
        event_text=text,
        text_info=Span(start=0, end=len(text)),
        confidence=0.8,
        coder="test",
    )


@pytest.fixture
def reports(store: Store) -> Store:
    found = {"a": report("a", "ev-accord"), "b": report("b", None, "MOBILIZE")}
    found["c"] = report("c", "ev-accord")
    for doc_id, mention in found.items():
        store.add_article(Article(id=doc_id, text=TEXTS[doc_id], published=dt.date(2025, 2, 3)))
        store.replace_mentions(doc_id, [mention])
    accord = Event(
        id="ev-accord",
        event="AGREE",
        actor_countries=["CHL"],
        recipient_countries=["PER"],
        mention_ids=["m-a", "m-c"],
    )
    store.upsert_events([accord])
    return store


def test_get_events_keeps_the_order_asked_and_skips_unknown_ids(reports: Store) -> None:
    assert [e.id for e in reports.get_events(["nothing", "ev-accord"])] == ["ev-accord"]
    assert reports.get_events([]) == []


def test_listing_groups_mentions_by_event_and_counts_before_the_limit(
    reports: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def one_at_a_time(event_id: str) -> None:
        raise AssertionError("events are read in batches, not one query each")

    monkeypatch.setattr(reports, "get_event", one_at_a_time)
    listing = list_current_events(reports, MentionFilter(), limit=5)
    # the unlinked patrol mention counts as an event of its own but has none to show
    assert (listing.matched_events, listing.matched_mentions) == (2, 3)
    [(event, superseded, found)] = listing.events
    assert event.id == "ev-accord" and superseded == []
    assert [m.id for m in found] == ["m-a", "m-c"]
    accords = list_current_events(reports, MentionFilter(event_types=("AGREE",)), limit=5)
    assert (accords.matched_events, accords.matched_mentions) == (1, 2)


def test_the_limit_cuts_the_events_in_the_order_they_first_match(reports: Store) -> None:
    # the patrol's own key comes second: a limit of one keeps the accord only
    assert [e.id for e, _, _ in list_current_events(reports, MentionFilter(), 1).events] == [
        "ev-accord"
    ]
    patrols = MentionFilter(event_types=("MOBILIZE",))
    assert list_current_events(reports, patrols, limit=1).events == []
