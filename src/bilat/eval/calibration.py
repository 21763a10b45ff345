"""Reliability of confidence: precision per confidence bin, and precision above a threshold.

Input is (confidence, correct) pairs; what "correct" means is the caller's (the suite says
it per gold set). Bins are half-open [low, high) except the last, which includes 1.0.
`calibration_error` is the expected calibration error over the same bins: how far, weighted
by the bins' sizes, the mean confidence of a bin is from its precision (0 when confidence
means what it says).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DEFAULT_EDGES: tuple[float, ...] = (0.0, 0.5, 0.8, 0.9, 1.0)
HIGH_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class Bin:
    """One confidence bin: how many predictions fell in it and how many were right."""

    low: float
    high: float
    count: int
    correct: int
    closed: bool = False  # the last bin includes its upper edge

    @property
    def precision(self) -> float | None:
        return round(self.correct / self.count, 3) if self.count else None

    @property
    def label(self) -> str:
        return f"[{self.low:.1f}, {self.high:.1f}{']' if self.closed else ')'}"


def find_bin(confidence: float, edges: Sequence[float]) -> int:
    """Index of the bin holding `confidence`; values at or past the last edge go last."""
    for k in range(len(edges) - 1):
        if confidence < edges[k + 1]:
            return k
    return len(edges) - 2


def bin_reliability(
    pairs: Iterable[tuple[float, bool]], edges: Sequence[float] = DEFAULT_EDGES
) -> list[Bin]:
    """Count and precision per confidence bin."""
    if len(edges) < 2 or list(edges) != sorted(edges):
        raise ValueError(f"bin edges must be at least two ascending numbers, got {edges}")
    counts = [0] * (len(edges) - 1)
    correct = [0] * (len(edges) - 1)
    for confidence, ok in pairs:
        k = find_bin(confidence, edges)
        counts[k] += 1
        correct[k] += bool(ok)
    last = len(edges) - 2
    return [
        Bin(edges[k], edges[k + 1], counts[k], correct[k], closed=k == last)
        for k in range(len(edges) - 1)
    ]


def precision_above(
    pairs: Iterable[tuple[float, bool]], threshold: float = HIGH_CONFIDENCE
) -> tuple[float | None, int]:
    """(precision, count) among predictions with confidence >= threshold; None when none."""
    kept = [ok for confidence, ok in pairs if confidence >= threshold]
    return (round(sum(kept) / len(kept), 3) if kept else None), len(kept)


def calibration_error(
    pairs: Iterable[tuple[float, bool]], edges: Sequence[float] = DEFAULT_EDGES
) -> float | None:
    """Expected calibration error: sum over bins of share * |mean confidence - precision|."""
    pairs = list(pairs)
    if not pairs:
        return None
    by_bin: dict[int, list[tuple[float, bool]]] = {}
    for confidence, ok in pairs:
        by_bin.setdefault(find_bin(confidence, edges), []).append((confidence, ok))
    total = 0.0
    for members in by_bin.values():
        mean = sum(c for c, _ in members) / len(members)
        share = sum(ok for _, ok in members) / len(members)
        total += len(members) / len(pairs) * abs(mean - share)
    return round(total, 3)
