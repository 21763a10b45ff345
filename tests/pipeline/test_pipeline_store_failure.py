"""store_coded writes an article with its mentions and events all together, or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.errors import StoreError
from bilat.models import ActorRef, Article, Event, Mention, Span
from bilat.pipeline import Coded, store_coded
from bilat.store import Store

DAY = dt.date(2025, 5, 6)


def coded(doc: str, text: str) -> Coded:
    article = Article(id=doc, text=text, published=DAY, outlet="example.org", language="en")
    mention = Mention(
        id=Mention.make_id(doc, 0, len(text), "AID", "rules.v1", 0),
        doc_id=doc,
        event="AID",
        actor=[ActorRef(text="Freedonia", country="FRE")],
        recipient=[ActorRef(text="Sylvania", country="SYL")],
        date=DAY.isoformat(),
        event_text=text,
        text_info=Span(start=0, end=len(text)),
        confidence=0.9,
        coder="rules.v1",
    )
    return Coded(article=article, mentions=[mention])


def test_a_failed_write_keeps_nothing_of_the_article_and_all_stored_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings()
    with Store.open(tmp_path / "bilat.db") as store:
        first = coded("first", "Freedonia shipped grain to Sylvania on Tuesday.")
        assert store_coded(store, first, settings) == (1, 1)

        def fail(events: list[Event]) -> None:
            raise StoreError("disk full while writing events")

        monkeypatch.setattr(store, "upsert_events", fail)
        second = coded("second", "Freedonia sent medicines to Sylvania on Tuesday.")
        with pytest.raises(StoreError, match="disk full"):
            store_coded(store, second, settings)
        # the second article's row and mentions went with the failed event write
        assert not store.has_article("second")
        assert store.mentions_for_article("second") == []
        # what was stored before is intact
        assert store.has_article("first")
        assert len(store.mentions_for_article("first")) == 1
        assert store.count_articles() == 1
