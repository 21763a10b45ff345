"""Evaluation: gold loaders, the seeds' matching rule (`metrics`), and `bilat eval` (`run`)."""

from __future__ import annotations

from bilat.eval.metrics import Tally, score

__all__ = ["Tally", "score"]
