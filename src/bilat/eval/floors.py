"""Pinned score floors and issue targets (floors.toml), and the check behind the eval gate."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from bilat.errors import EvalError
from bilat.eval.suite import SuiteResult

Key = tuple[str, str]  # (set, measure)
# `bilat eval examples/corpus examples/gold.jsonl`: floored by tests/eval/test_eval_gate_corpus.py,
# not by `bilat eval-suite` (whose sets are eval.suite.SETS)
CORPUS_SET = "sample-corpus"


@dataclass(frozen=True)
class Thresholds:
    floors: dict[Key, float] = field(default_factory=dict)
    targets: dict[Key, float] = field(default_factory=dict)


def parse_thresholds(text: str, origin: str = "floors.toml") -> Thresholds:
    """Read `[floor.<set>]` and `[target.<set>]` tables of `measure = number`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EvalError(f"{origin}: not valid TOML ({exc})") from exc
    found: dict[str, dict[Key, float]] = {"floor": {}, "target": {}}
    for kind, table in data.items():
        if kind not in found or not isinstance(table, dict):
            raise EvalError(
                f"{origin}: unknown table [{kind}]; use [floor.<set>] or [target.<set>]"
            )
        for set_name, measures in table.items():
            for measure, value in measures.items():
                if not isinstance(value, int | float) or isinstance(value, bool):
                    raise EvalError(f"{origin}: {kind}.{set_name}.{measure} must be a number")
                found[kind][(set_name, measure)] = float(value)
    return Thresholds(found["floor"], found["target"])


def load_thresholds(path: Path | None = None) -> Thresholds:
    """The floors and targets shipped in the package, or those of `path`."""
    if path is not None:
        try:
            return parse_thresholds(path.read_text(encoding="utf-8"), str(path))
        except OSError as exc:
            raise EvalError(f"{path}: cannot be read ({exc})") from exc
    text = resources.files("bilat.eval").joinpath("floors.toml").read_text(encoding="utf-8")
    return parse_thresholds(text)


def check_floors(result: SuiteResult, floors: Mapping[Key, float]) -> list[str]:
    """One line per floor broken by a set that was run; a measure with no value breaks it."""
    violations = []
    for (set_name, measure), floor in sorted(floors.items()):
        if set_name not in result.sets:
            continue
        value = result.value(set_name, measure)
        if value is None or value < floor:
            shown = "no value" if value is None else f"{value:.3f}"
            violations.append(f"{set_name} {measure}: {shown} is below the floor {floor:.3f}")
    return violations
