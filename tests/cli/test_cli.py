"""The `bilat` command end to end: ingest, bad input, queries, show, export, stats, eval."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli.main import app
from bilat.store import Store

pytestmark = pytest.mark.slow

ARTICLE_EN = """---
id: t-aid
outlet: Test Wire
published: 2025-03-04
language: en
---
Russia sends wheat to Cuba

Russia donated 25,000 tonnes of wheat to Cuba on Monday, the Cuban foreign ministry said.
The Russian ambassador met Cuban trade officials in Havana on Tuesday.
"""
ARTICLE_ES = """---
id: t-es
outlet: Diario de Prueba
published: 2025-03-05
language: es
---
Rusia y Cuba firman un acuerdo

Rusia y Cuba firmaron el pasado lunes un acuerdo de cooperación en energía.
"""

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "aid.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (corpus / "acuerdo.txt").write_text(ARTICLE_ES, encoding="utf-8")
    path = root / "t.db"
    code, _, err = invoke("ingest", str(corpus), "--db", str(path))
    assert code == 0, err
    assert "2 stored" in err
    return path


def test_reingest_is_a_no_op(db: Path) -> None:
    before = Store.open(db).stats()
    corpus = db.parent / "corpus"
    code, _, err = invoke("ingest", str(corpus), "--db", str(db))
    assert code == 0
    assert "0 stored, 2 already stored" in err
    after = Store.open(db).stats()
    assert (after.articles, after.mentions, after.events) == (
        before.articles,
        before.mentions,
        before.events,
    )


def test_bad_inputs_fail_one_by_one_and_keep_the_store(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.bin").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (bad / "empty.txt").write_text("")
    big = bad / "huge.txt"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    (bad / "latin1.txt").write_bytes(
        "Cuba y Rusia firmaron un acuerdo en La Habana, año".encode("latin-1")
    )
    (bad / "lines.jsonl").write_text(
        '{"id": "ok-1", "text": "Russia met Cuba in Moscow on Monday.", "language": "en"}\n'
        "{not json\n",
        encoding="utf-8",
    )
    (bad / "broken.html").write_text("<html><body><div><<<</div", encoding="utf-8")
    copy_db = tmp_path / "copy.db"
    copy_db.write_bytes(db.read_bytes())
    before = Store.open(copy_db).stats()
    code, _, err = invoke("ingest", str(bad), "--db", str(copy_db))
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("failed")]
    names = " ".join(lines)
    for item in (
        "binary.bin",
        "empty.txt",
        "huge.txt",
        "latin1.txt",
        "lines.jsonl:2",
        "broken.html",
    ):
        assert item in names, (item, err)
    assert len(lines) == 6
    after = Store.open(copy_db).stats()
    assert after.articles == before.articles + 1  # the good JSONL line
    assert after.failures == before.failures + 6
    code, out, _ = invoke("failures", "--db", str(copy_db))
    assert code == 0 and "huge.txt" in out and "over the" in out


def test_events_filters(db: Path) -> None:
    code, out, _ = invoke("events", "--db", str(db), "--dyad", "RUS-CUB", "--type", "AID")
    assert code == 0
    assert "AID" in out and "wheat" in out
    code, out, _ = invoke("events", "--db", str(db), "--dyad", "CUB-RUS", "--type", "AID")
    assert code == 0 and "0 events" in out


def test_bad_options_exit_2(db: Path) -> None:
    assert invoke("events", "--db", str(db), "--dyad", "Russia")[0] == 2
    assert invoke("events", "--db", str(db), "--type", "HUG")[0] == 2
    assert invoke("show", "no-such-id", "--db", str(db))[0] == 2
    assert invoke("export", "things", "--db", str(db))[0] == 2


def test_show_highlights_the_article(db: Path) -> None:
    code, out, _ = invoke("show", "t-aid", "--db", str(db))
    assert code == 0
    assert "Russia sends wheat to Cuba" in out and "Test Wire" in out


def test_export_mentions_jsonl_contract(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "m.jsonl"
    code, _, err = invoke(
        "export", "mentions", "--format", "jsonl", "-o", str(target), "--db", str(db)
    )
    assert code == 0, err
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert records
    required = {
        "id",
        "doc_id",
        "event_id",
        "event",
        "mode",
        "context",
        "actor",
        "recipient",
        "date",
        "event_loc",
        "figures",
        "event_text",
        "text_info",
        "confidence",
        "coder",
        "typed_by",
        "cameo",
        "goldstein",
        "quad_code",
    }
    store = Store.open(db)
    for r in records:
        assert required <= set(r)
        text = store.get_article(r["doc_id"]).text  # type: ignore[union-attr]
        assert text[r["text_info"]["start"] : r["text_info"]["end"]] == r["event_text"]
        for a in r["actor"] + r["recipient"]:
            assert {"text", "country", "sector"} <= set(a)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_other_formats(db: Path, tmp_path: Path, fmt: str) -> None:
    for what in ("mentions", "events"):
        target = tmp_path / f"{what}.{fmt}"
        code, _, err = invoke("export", what, "--format", fmt, "-o", str(target), "--db", str(db))
        assert code == 0, err
        assert target.stat().st_size > 0


def test_stats_summary(db: Path) -> None:
    code, out, _ = invoke("stats", "--db", str(db))
    assert code == 0
    assert "articles" in out and "RUS → CUB" in out


def test_search(db: Path) -> None:
    code, out, _ = invoke("search", "wheat", "--db", str(db))
    assert code == 0 and "t-aid" in out


def test_eval_on_own_gold(db: Path, tmp_path: Path) -> None:
    text = ARTICLE_EN.split("---\n", 2)[2]
    sentence = (
        "Russia donated 25,000 tonnes of wheat to Cuba on Monday, the Cuban foreign ministry said."
    )
    start = text.index(sentence)
    articles = tmp_path / "a.jsonl"
    articles.write_text(
        json.dumps(
            {
                "id": "g1",
                "text": text,
                "published": "2025-03-04",
                "language": "en",
                "outlet": "Test Wire",
            }
        )
        + "\n"
    )
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "events": [
                    {
                        "type": "AID",
                        "source_country": "RUS",
                        "target_country": "CUB",
                        "date": "2025-03-03",
                        "figures": [{"value": 25000, "unit": "tonnes"}],
                        "main": True,
                        "evidence_span": {"start": start, "end": start + len(sentence)},
                    }
                ],
            }
        )
        + "\n"
    )
    code, out, err = invoke("eval", str(articles), str(gold), "--json")
    assert code == 0, err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["recall_main"] == 1.0
    assert summary["dates"] == 1.0 and summary["figures"] == 1.0
    assert "project_gold" not in summary  # no project gold given or beside the articles
    projects = tmp_path / "p.jsonl"
    projects.write_text(
        json.dumps(
            {
                "name": "Havana Grain Terminal",
                "aliases": [],
                "sponsor": ["RUS"],
                "host": ["CUB"],
                "stage": "proposed",
                "steps": [{"article": "g1", "stage": "proposed", "date": "2025-03"}],
            }
        )
        + "\n"
    )
    code, out, err = invoke("eval", str(articles), str(gold), "--json", "--projects", str(projects))
    assert code == 0, err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["project_gold"] == 1 and summary["project_found"] == 0.0
    code, _, err = invoke("eval", str(articles), str(gold), "--projects", str(tmp_path / "none"))
    assert code != 0 and "no such file" in err


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("bilat ")


def test_db_from_environment(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAT_STORE__DB", str(db))
    monkeypatch.chdir(db.parent)
    code, out, _ = invoke("stats")
    assert code == 0 and "articles" in out
    assert os.environ["BILAT_STORE__DB"] == str(db)
