"""`bilat eval` scores the mentions as exported: linked dates included, as the reference
scorer sees them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bilat.eval.run import evaluate


@pytest.mark.slow
def test_eval_scores_the_exported_dates_as_the_reference_scorer(
    shared: Path, tmp_path: Path
) -> None:
    seeds = shared / "seeds"
    result = evaluate(seeds / "articles.jsonl", seeds / "gold.jsonl")
    exported = tmp_path / "mentions.jsonl"
    exported.write_text("".join(json.dumps(m) + "\n" for m in result.mentions), "utf-8")
    scorer = shared / "tools" / "score_events.py"
    args = [str(seeds / "articles.jsonl"), str(seeds / "gold.jsonl"), str(exported), "--json"]
    reference = json.loads(
        subprocess.run(
            [sys.executable, str(scorer), *args], capture_output=True, text=True, check=True
        ).stdout
    )
    assert result.summary["dates"] == reference["dates"]
    # the undated seed article's mentions carry the month of the coverage they share
    linked = [m for m in result.mentions if m["date_source"] == "linked"]
    assert linked and all(len(m["date"]) == 7 and m["date_from"] != m["doc_id"] for m in linked)
    undated = {
        a["id"] for a in map(json.loads, (seeds / "articles.jsonl").open()) if not a["published"]
    }
    assert {m["doc_id"] for m in linked} <= undated
