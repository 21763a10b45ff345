"""The CI eval gate: run every gold set in ../shared and fail when a score drops below its floor.

Runs the whole suite once (about 20 s on 2 cores, measured with `bilat eval-suite`; no timed
assertion here, per CONTRIBUTING); skipped when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.eval.floors import CORPUS_SET, check_floors, load_thresholds
from bilat.eval.suite import SETS, SuiteResult, run_suite

pytestmark = [pytest.mark.shared, pytest.mark.slow]

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="module")
def suite() -> SuiteResult:
    """One run for all the checks below (module scope, so not the per-test `shared` fixture)."""
    if not (SHARED / "seeds" / "gold.jsonl").is_file():
        pytest.skip("../shared is not present (only in the team's workspace)")
    return run_suite(None, SHARED)


def test_no_score_is_below_its_floor(suite: SuiteResult) -> None:
    result = suite
    violations = check_floors(result, load_thresholds().floors)
    assert violations == [], "\n".join(violations)


def test_every_set_ran_and_every_floor_has_a_measure(suite: SuiteResult) -> None:
    result = suite
    assert result.sets == list(SETS)
    measured = {(s.set, s.measure) for s in result.scores}
    suite_floors = {k for k in load_thresholds().floors if k[0] != CORPUS_SET}
    assert suite_floors <= measured
    assert not result.failures, [f.line() for f in result.failures]


def test_result_serialises_with_confusion_and_reliability(
    suite: SuiteResult, tmp_path: Path
) -> None:
    result = suite
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data["confusion"]) == {"seeds", "plover-test"}
    assert set(data["reliability"]) == {"seeds", "plover-test"}
    assert (
        sum(row["n"] for row in data["confusion"]["plover-test"])
        == result.scores[[s.measure for s in result.scores].index("event_type_accuracy")].n
    )
