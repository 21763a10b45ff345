"""Score records and the per-sentence helpers that the gold sets' scoring shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.eval.loaders import country_of
from bilat.models import Mention

NONE = "(none)"


@dataclass(frozen=True, slots=True)
class Score:
    set: str
    measure: str
    value: float | None
    n: int  # how many records (or mentions) the value is over


def top_mention(mentions: Sequence[Mention]) -> Mention | None:
    """The highest-confidence mention (the first one on ties), or None."""
    best: Mention | None = None
    for m in mentions:
        if best is None or m.confidence > best.confidence:
            best = m
    return best


def mention_countries(m: Mention, side: str) -> frozenset[str]:
    refs = m.actor if side == "actor" else m.recipient
    return frozenset(c for r in refs if (c := country_of(r.country)))
