"""The eval gate on the sample corpus (examples/, in the repository, so it runs in every clone):
events, cross-article linking (issue 5's pairwise targets) and project timelines must hold
their floors in floors.toml ([floor.sample-corpus])."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.eval.floors import CORPUS_SET, load_thresholds
from bilat.eval.run import evaluate

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_sample_corpus_holds_its_floors() -> None:
    floors = {m: v for (s, m), v in load_thresholds().floors.items() if s == CORPUS_SET}
    assert {"precision", "recall_main", "link_precision", "link_recall"} <= set(floors)
    result = evaluate(EXAMPLES / "corpus", EXAMPLES / "gold.jsonl")
    assert not result.failures, [f.line() for f in result.failures]
    below = {
        measure: (result.summary.get(measure), floor)
        for measure, floor in floors.items()
        if not isinstance(result.summary.get(measure), int | float)
        or result.summary[measure] < floor
    }
    assert below == {}, below
