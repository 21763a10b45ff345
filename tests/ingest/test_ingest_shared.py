"""The seed corpus in ../shared: ids kept and every gold evidence span lands exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.ingest import iter_articles
from bilat.models import Article

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not present"),
]


def test_seed_jsonl_ids_kept_and_gold_offsets_exact() -> None:
    articles = {
        r.id: r for r in iter_articles([SEEDS / "articles.jsonl"]) if isinstance(r, Article)
    }
    checked = 0
    with (SEEDS / "gold.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            gold = json.loads(line)
            article = articles[gold["id"]]
            for event in gold["events"]:
                span = event.get("evidence_span")
                if span:
                    assert article.text[span["start"] : span["end"]] == event["evidence"]
                    checked += 1
    assert checked > 0


def test_seed_folder_reads_every_text_file() -> None:
    results = list(iter_articles([SEEDS]))
    texts = [r for r in results if isinstance(r, Article) and r.source.endswith(".txt")]
    assert len(texts) == len(list(SEEDS.glob("*.txt")))
    assert all(article.language == "en" for article in texts)
