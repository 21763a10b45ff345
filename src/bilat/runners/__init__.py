"""Runners execute the per-article work: locally (default, in-process or a process pool)."""

from __future__ import annotations

from bilat.runners.local import iter_mapped

__all__ = ["iter_mapped"]
