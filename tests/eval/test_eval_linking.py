"""Pairwise link scores: predicted pairs come from shared event ids of matched main events."""

from __future__ import annotations

from typing import Any

from bilat.eval.linking import score_links

TEXT = "Russia sent wheat to Cuba."


def gold_record(same: list[str], not_same: list[str] | None = None) -> dict[str, Any]:
    event = {
        "type": "AID",
        "source_country": "RUS",
        "target_country": "CUB",
        "evidence": TEXT,
        "evidence_span": {"start": 0, "end": len(TEXT)},
        "main": True,
    }
    return {"events": [event], "same_event_as": same, "not_same_event_as": not_same or []}


def prediction(doc: str, event_id: str) -> dict[str, Any]:
    return {
        "id": f"m-{doc}",
        "doc_id": doc,
        "event_id": event_id,
        "event": "AID",
        "actor": [{"country": "RUS"}],
        "recipient": [{"country": "CUB"}],
        "text_info": {"start": 0, "end": len(TEXT)},
    }


def test_pairs_precision_recall_and_lookalikes() -> None:
    gold = {
        "a": gold_record(["b"], ["c"]),
        "b": gold_record(["a"]),
        "c": gold_record([], ["a"]),
        "d": gold_record(["e"]),
        "e": gold_record(["d"]),
    }
    articles = {doc: {"text": TEXT} for doc in gold}
    mentions = [
        prediction("a", "ev1"),
        prediction("b", "ev1"),
        prediction("c", "ev1"),  # a look-alike merged: a false link
        prediction("d", "ev2"),
        prediction("e", "ev3"),  # a missed pair
    ]
    links = score_links(articles, gold, mentions)
    assert links.positive == {("a", "b"), ("d", "e")}
    assert links.found == {("a", "b")}
    assert links.false_links == {("a", "c"), ("b", "c")}
    assert links.lookalikes_merged == {("a", "c")}
    summary = links.summary()
    assert summary["link_precision"] == round(1 / 3, 3)
    assert summary["link_recall"] == 0.5
    assert summary["link_lookalikes_merged"] == 1


def test_no_pairs_gives_no_ratio() -> None:
    gold = {"a": gold_record([])}
    links = score_links({"a": {"text": TEXT}}, gold, [prediction("a", "ev1")])
    assert links.summary()["link_precision"] is None
    assert links.summary()["link_recall"] is None
