"""Stages and dates of a happening: cue words, soft publication dates, date spans."""

from __future__ import annotations

import datetime as dt

from bilat.link.stages import (
    SOFT_DATE,
    compatible,
    date_range,
    days_apart,
    mention_stages,
    pick_date,
    stage_veto,
)
from bilat.models import Mention, Span


def make(text: str, date: str | None, date_text: str | None) -> Mention:
    return Mention(
        id=Mention.make_id("d1", 0, len(text), "AID", "test"),
        doc_id="d1",
        event="AID",
        date=date,
        date_text=date_text,
        event_text=text,
        text_info=Span(start=0, end=len(text)),
        confidence=0.8,
        coder="test",
    )


def test_future_passive_signing_is_a_promise() -> None:
    planned = mention_stages(make("The accord would be signed next month.", None, None))
    done = mention_stages(make("The two ministers signed the accord.", None, None))
    assert "promised" in planned and "signed" not in planned
    assert "signed" in done


def test_a_full_date_without_words_is_soft_and_a_stated_one_wins() -> None:
    fallback = make("Aid was shipped to the island.", "2025-03-10", None)
    stated = make("In February the aid was shipped.", "2025-02", "In February")
    assert SOFT_DATE in mention_stages(fallback)
    assert pick_date([fallback]) == ("2025-03-10", True)
    assert pick_date([fallback, stated]) == ("2025-02", False)
    assert pick_date([make("No date here.", None, None)]) == (None, False)


def test_stage_veto_names_the_difference() -> None:
    assert stage_veto(frozenset({"delivered"}), frozenset({"promised"})) == "delivered vs promised"
    assert stage_veto(frozenset({"first"}), frozenset({"later"})) == "first batch vs a later round"
    assert stage_veto(frozenset({"statement"}), frozenset({"signed"})) == "statement vs signing"
    assert stage_veto(frozenset({"delivered"}), frozenset({"delivered", "promised"})) is None


def test_date_spans_and_distances() -> None:
    assert date_range("2024-02", False, 7) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_range("2024", False, 7) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert date_range("2024-12-20", True, 5) == (dt.date(2024, 12, 15), dt.date(2024, 12, 20))
    assert date_range("someday", False, 7) is None
    assert days_apart("2024-12-30", "2025-01-02") == 3
    assert days_apart("2024-12", "2025-01-02") is None
    assert compatible("2025-09", "2025-09-14") and not compatible("2025-09", "2025-10-01")
