"""`bilat events` and `bilat export` answer a date window alike, lent dates included."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli.main import app
from bilat.models import ActorRef, Article, Event, Mention, Span
from bilat.store import Store

# A leaflet with no date of any kind, and a bulletin that says the visit was on May 27.
LEAFLET = Article(id="leaflet", text="Ghana's envoy visited Togo.", outlet="Volta Leaflet")
BULLETIN = Article(
    id="bulletin",
    text="On May 27 Ghana's envoy visited Togo.",
    outlet="Accra Bulletin",
    published=dt.date(2025, 5, 29),
)
WINDOW = ["--since", "2025-05-01", "--until", "2025-05-20"]  # only the lent May 1 is inside

runner = CliRunner()


def visit(article: Article, date: str | None, date_text: str | None) -> Mention:
    end = len(article.text)
    return Mention(
        id=f"m-{article.id}",
        doc_id=article.id,
        event="CONSULT",
        mode="visit",
        actor=[ActorRef(text="Ghana's envoy", country="GHA")],
        recipient=[ActorRef(text="Togo", country="TGO")],
        date=date,
        date_text=date_text,
        event_text=article.text,
        text_info=Span(start=0, end=end),
        confidence=0.8,
        coder="rules.v1",
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lent.db"
    found = [visit(LEAFLET, None, None), visit(BULLETIN, "2025-05-27", "On May 27")]
    with Store.open(path) as store:
        for article, mention in zip((LEAFLET, BULLETIN), found, strict=True):
            store.add_article(article)
            store.replace_mentions(article.id, [mention])
        event = Event(
            id="ev-visit",
            event="CONSULT",
            actor_countries=["GHA"],
            recipient_countries=["TGO"],
            mention_ids=[m.id for m in found],
        )
        store.upsert_events([event])
    return path


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_events_and_exports_agree_on_a_window_only_a_lent_date_reaches(db: Path) -> None:
    listed = invoke("events", "--db", str(db), *WINDOW)
    assert "1 events, 1 mentions" in listed
    shown = invoke("events", "--db", str(db), "--mentions", *WINDOW)
    assert "leaflet" in shown and "bullet" not in shown
    [mention] = [
        json.loads(x) for x in invoke("export", "mentions", "--db", str(db), *WINDOW).splitlines()
    ]
    assert (mention["id"], mention["date"], mention["date_from"]) == (
        "m-leaflet",
        "2025-05",
        "bulletin",
    )
    [event] = [
        json.loads(x) for x in invoke("export", "events", "--db", str(db), *WINDOW).splitlines()
    ]
    assert event["id"] == "ev-visit"


def test_a_window_no_date_reaches_is_empty_everywhere(db: Path) -> None:
    april = ["--since", "2025-04-01", "--until", "2025-04-30"]
    assert "0 events, 0 mentions" in invoke("events", "--db", str(db), *april)
    assert invoke("export", "mentions", "--db", str(db), *april) == ""
    assert invoke("export", "events", "--db", str(db), *april) == ""
