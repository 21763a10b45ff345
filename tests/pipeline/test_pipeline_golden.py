"""End to end on the sample corpus: what bilat extracts is compared with a golden file.

`pytest --update-golden` rewrites tests/golden/corpus_mentions.jsonl; review the diff."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilat.models import Mention
from bilat.pipeline import ingest
from bilat.store import Store

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "examples" / "corpus"
GOLDEN = REPO / "tests" / "golden" / "corpus_mentions.jsonl"


def _place(m: Mention) -> list[Any] | None:
    loc = m.event_loc
    if loc is None:
        return None
    where = None if loc.lat is None or loc.lon is None else [round(loc.lat, 2), round(loc.lon, 2)]
    return [loc.text, loc.country, where]


def summarise(m: Mention) -> dict[str, Any]:
    """The fields a reviewer reads in a diff: what, who, when, how much, where in the text."""
    return {
        "doc": m.doc_id,
        "span": [m.text_info.start, m.text_info.end],
        "event": m.event,
        "mode": m.mode,
        "actor": m.countries("actor"),
        "recipient": m.countries("recipient"),
        "date": m.date,
        "historical": m.historical,
        "figures": [[f.value, f.unit, f.qualifier] for f in m.figures],
        "place": _place(m),
        "cameo": m.cameo,
        "evidence": m.event_text[:80],
    }


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store.open(tmp_path_factory.mktemp("golden") / "corpus.db")
    report = ingest([CORPUS], store)
    assert report.ok, [f.line() for f in report.failures]
    return store


def test_corpus_matches_golden(corpus_store: Store, update_golden: bool) -> None:
    rows = sorted(
        (summarise(m) for m in corpus_store.iter_mentions()),
        key=lambda r: (r["doc"], r["span"], r["event"]),
    )
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if update_golden:
        GOLDEN.write_text(text, encoding="utf-8")
        pytest.skip("golden file written; review the diff and commit it")
    assert GOLDEN.exists(), f"{GOLDEN} is missing: run pytest --update-golden"
    assert text == GOLDEN.read_text(encoding="utf-8"), "run pytest --update-golden, review the diff"


def test_every_evidence_span_is_exact(corpus_store: Store) -> None:
    for article in corpus_store.iter_articles():
        for m in corpus_store.mentions_for_article(article.id):
            assert article.text[m.text_info.start : m.text_info.end] == m.event_text
            for f in m.figures:
                if f.span is not None:
                    assert article.text[f.span.start : f.span.end] == f.text


def test_every_article_of_the_corpus_is_stored(corpus_store: Store) -> None:
    files = [p for p in CORPUS.rglob("*.txt")]
    assert corpus_store.count_articles() == len(files) >= 12


def test_two_workers_store_the_same(corpus_store: Store, tmp_path: Path) -> None:
    other = Store.open(tmp_path / "two.db")
    ingest([CORPUS], other, workers=2)
    key = lambda m: (m.id, m.event_id, m.event)  # noqa: E731
    assert sorted(map(key, other.iter_mentions())) == sorted(map(key, corpus_store.iter_mentions()))
