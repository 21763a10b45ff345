"""`bilat eval-suite`: exit codes, the rendered tables and the JSON file (suite stubbed out)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import bilat.cli.suite as cli_suite
from bilat.cli.main import app
from bilat.eval.calibration import bin_reliability
from bilat.eval.floors import load_thresholds
from bilat.eval.scores import Score
from bilat.eval.suite import SuiteResult

runner = CliRunner()


def flat(output: str) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(output.split())


def canned(precision: float) -> SuiteResult:
    """A seeds-only result: every shipped seeds floor held, precision as given."""
    floors = load_thresholds().floors
    others = [
        Score(s, m, min(1.0, floor + 0.01), 10)
        for (s, m), floor in floors.items()
        if s == "seeds" and m != "precision"
    ]
    return SuiteResult(
        scores=[Score("seeds", "precision", precision, 40), *others],
        confusion={"seeds": Counter({("AID", "AID"): 3, ("AID", "AGREE"): 1})},
        reliability={"seeds": bin_reliability([(0.85, True), (0.3, False)])},
        sets=["seeds"],
        seconds=1.5,
    )


@pytest.fixture
def shared_dir(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    return tmp_path


def use(monkeypatch: pytest.MonkeyPatch, result: SuiteResult) -> list[Any]:
    calls: list[Any] = []

    def fake(settings: Any, shared: Path, sets: Any = None, progress: Any = None) -> SuiteResult:
        calls.append((shared, sets))
        return result

    monkeypatch.setattr(cli_suite, "run_suite", fake)
    return calls


def test_missing_shared_exits_2_with_one_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["eval-suite", "--shared", str(tmp_path / "nowhere")])
    assert res.exit_code == 2
    assert "no such folder" in flat(res.output) and "--shared" in res.output


def test_scores_render_and_json_is_written(
    monkeypatch: pytest.MonkeyPatch, shared_dir: Path, tmp_path: Path
) -> None:
    calls = use(monkeypatch, canned(0.95))
    out = tmp_path / "suite.json"
    args = ["eval-suite", "--shared", str(shared_dir), "--set", "seeds", "--json", str(out)]
    res = runner.invoke(app, [*args, "--check-floors"])
    assert res.exit_code == 0, res.output
    assert calls == [(shared_dir, ["seeds"])]
    for text in ("precision", "0.950", "0.900", "gold → predicted", "[0.8, 0.9)", "floors hold"):
        assert text in flat(res.output)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["violations"] == []
    assert data["scores"][0] == {"set": "seeds", "measure": "precision", "value": 0.95, "n": 40}


def test_a_broken_floor_exits_1_only_with_check_floors(
    monkeypatch: pytest.MonkeyPatch, shared_dir: Path
) -> None:
    use(monkeypatch, canned(0.1))
    res = runner.invoke(app, ["eval-suite", "--shared", str(shared_dir), "--check-floors"])
    assert res.exit_code == 1
    assert "seeds precision: 0.100 is below the floor" in flat(res.output)
    assert runner.invoke(app, ["eval-suite", "--shared", str(shared_dir)]).exit_code == 0


def test_no_gold_set_present_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use(monkeypatch, SuiteResult())
    res = runner.invoke(app, ["eval-suite", "--shared", str(tmp_path)])
    assert res.exit_code == 2 and "none of the gold sets" in flat(res.output)
