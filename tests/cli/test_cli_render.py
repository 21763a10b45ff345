"""The events table: independent sources with copies apart, and a contested marker."""

from __future__ import annotations

from rich.console import Console

from bilat.cli.render import describe_event, describe_sources, render_events
from bilat.models import Contradiction, Event, Side


def make_event(**update: object) -> Event:
    fields: dict[str, object] = {
        "id": "ev-1",
        "event": "AID",
        "doc_ids": ["a", "b", "c"],
        "outlets": ["Wire", "Ledger"],
    }
    fields.update(update)
    return Event.model_validate(fields)


def test_sources_are_independent_outlets_with_copies_apart() -> None:
    assert describe_sources(make_event()) == "2"
    copied = make_event(copy_doc_ids=["c"], source_outlets=["Wire"])
    assert describe_sources(copied) == "1 (+1 copy)"
    # no outlets known: the articles that are not copies
    assert make_event(outlets=[], copy_doc_ids=["b", "c"]).source_count == 1


def test_an_event_with_contradictions_is_marked_contested() -> None:
    assert "contested" not in describe_event(make_event()).plain
    clash = Contradiction(
        kind="figure", about="residents", sides=[Side(value="up to 15,000"), Side(value="over")]
    )
    dates = Contradiction(kind="date", about="date")
    marked = describe_event(make_event(contradictions=[clash, dates])).plain
    assert marked == "ev-1\ncontested: date, figure (residents)"
    console = Console(width=200, record=True)
    console.print(render_events([(make_event(contradictions=[clash]), [])]))
    assert "contested" in console.export_text()
