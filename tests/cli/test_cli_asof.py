"""`bilat events/export --as-of`: a store built by hand (no spaCy), replayed on past days."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli.main import app
from bilat.link.contradictions import find_contradictions
from bilat.models import ActorRef, Article, Event, Figure, Mention, Span
from bilat.store import Store

FIRST = Article(
    id="k-first",
    text="Kenya sent 300 tonnes of maize to Somalia.",
    outlet="Rift Gazette",
    published=dt.date(2025, 6, 2),
)
SECOND = Article(
    id="k-second",
    text="Kenya's maize shipment to Somalia weighed 450 tonnes.",
    outlet="Horn Monitor",
    published=dt.date(2025, 6, 6),
)

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def maize(article: Article, tonnes: int) -> Mention:
    end = len(article.text)
    return Mention(
        id=Mention.make_id(article.id, 0, end, "AID", "rules.v1", 0),
        doc_id=article.id,
        event="AID",
        actor=[ActorRef(text="Kenya", country="KEN")],
        recipient=[ActorRef(text="Somalia", country="SOM")],
        figures=[Figure(value=tonnes, unit="tonnes", text=f"{tonnes} tonnes", kind="quantity")],
        event_text=article.text,
        text_info=Span(start=0, end=end),
        confidence=0.8,
        coder="rules.v1",
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "asof.db"
    found = [maize(FIRST, 300), maize(SECOND, 450)]
    outlets = {a.id: a.outlet for a in (FIRST, SECOND)}
    with Store.open(path) as store:
        for article, mention in zip((FIRST, SECOND), found, strict=True):
            store.add_article(article)
            store.replace_mentions(article.id, [mention])
        store.upsert_events(
            [
                Event(
                    id="ev-maize",
                    event="AID",
                    actor_countries=["KEN"],
                    recipient_countries=["SOM"],
                    mention_ids=[m.id for m in found],
                    figures=[f for m in found for f in m.figures],
                    contradictions=find_contradictions(found, outlets),
                )
            ]
        )
    return path


def test_events_as_of_replays_the_first_report_then_the_supersession(db: Path) -> None:
    code, out, err = invoke("events", "--db", str(db), "--as-of", "2025-06-03")
    assert code == 0, err
    assert "1 events, 1 mentions as of 2025-06-03 (published)" in out
    assert "superseded" not in out
    code, out, err = invoke("events", "--db", str(db))
    assert code == 0, err
    assert "'300 tonnes' (Rift Gazette, 2025-06-02) superseded by '450 tonnes'" in out


def test_export_events_as_of(db: Path) -> None:
    code, out, err = invoke("export", "events", "--db", str(db), "--as-of", "2025-06-03")
    assert code == 0, err
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["doc_ids"] == [FIRST.id]
    assert [f["text"] for f in record["figures"]] == ["300 tonnes"]
    assert record["contradictions"] == record["superseded"] == []
    code, out, _ = invoke("export", "events", "--db", str(db), "--as-of-ingest", "2025-06-03")
    assert code == 0 and out == ""  # bilat read both articles only today
    code, out, _ = invoke("export", "events", "--db", str(db))
    [now] = [json.loads(line) for line in out.splitlines()]
    assert [f["text"] for f in now["figures"]] == ["450 tonnes"]
    assert [(s["value"], s["doc_id"]) for s in now["superseded"]] == [("300 tonnes", FIRST.id)]


def test_as_of_and_as_of_ingest_exclude_each_other(db: Path) -> None:
    code, _, err = invoke(
        "events", "--db", str(db), "--as-of", "2025-06-03", "--as-of-ingest", "2025-06-03"
    )
    assert code == 2
    assert "give one" in err


def count_in(out: str, name: str) -> int:
    """The number on the row `name` of the stats table."""
    [row] = [line for line in out.splitlines() if line.strip("│ ").startswith(name + " ")]
    return int(row.strip("│ ").split()[-1])


def test_stats_as_of_counts_what_was_known_then(db: Path) -> None:
    code, out, err = invoke("stats", "--db", str(db), "--as-of", "2025-06-01")
    assert code == 0, err
    assert [count_in(out, n) for n in ("articles", "mentions", "events")] == [0, 0, 0]
    code, out, err = invoke("stats", "--db", str(db), "--as-of", "2025-06-03")
    assert code == 0, err
    assert [count_in(out, n) for n in ("articles", "mentions", "events")] == [1, 1, 1]
    assert "as of 2025-06-03 (published)" in out
    _, out, _ = invoke("stats", "--db", str(db))
    assert [count_in(out, n) for n in ("articles", "mentions", "events")] == [2, 2, 1]
    _, out, _ = invoke("stats", "--db", str(db), "--as-of-ingest", "2025-06-03")
    assert count_in(out, "articles") == 0  # bilat read both articles only today
    code, _, err = invoke(
        "stats", "--db", str(db), "--as-of", "2025-06-03", "--as-of-ingest", "2025-06-03"
    )
    assert code == 2 and "give one" in err
