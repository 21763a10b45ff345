"""Calibration measures on hand-made (confidence, correct) pairs."""

from __future__ import annotations

from bilat.eval.calibration import bin_reliability, calibration_error, precision_above


def test_confidence_that_matches_precision_has_no_calibration_error() -> None:
    pairs = [(0.25, True), (0.25, False), (0.25, False), (0.25, False)]
    pairs += [(0.95, True)] * 19 + [(0.95, False)]
    assert calibration_error(pairs) == 0.0
    assert precision_above(pairs) == (0.95, 20)


def test_overconfidence_is_weighted_by_bin_size() -> None:
    # half the mentions say 0.9 and are all wrong; the other half say 0.1 and are all wrong
    pairs = [(0.9, False)] * 5 + [(0.1, False)] * 5
    assert calibration_error(pairs) == round(0.5 * 0.9 + 0.5 * 0.1, 3)
    bins = bin_reliability(pairs)
    assert [b.count for b in bins] == [5, 0, 0, 5]


def test_no_pairs_has_no_error() -> None:
    assert calibration_error([]) is None
