"""Score records and the per-sentence helpers that the gold sets' scoring shares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bilat.eval.calibration import precision_above
from bilat.eval.loaders import country_of
from bilat.eval.metrics import ratio as rate
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


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One gold sentence as the sentence-level scores read it: its PLOVER type (None: it
    states no event) and, for a state-to-state record, the gold actor and recipient
    countries (ISO-3 sets; None otherwise)."""

    id: str
    event: str | None
    dyad: tuple[frozenset[str], frozenset[str]] | None


def score_sentences(
    name: str,
    gold: Sequence[GoldSentence],
    predicted: Mapping[str, Sequence[Mention]],
    *,
    no_event: bool = False,
) -> tuple[list[Score], Counter[tuple[str, str]], list[tuple[float, bool]]]:
    """(scores, confusion gold -> predicted, calibration pairs) of one set of sentences.

    - event_type_accuracy: over the sentences that state an event, the prediction is the
      highest-confidence mention of the sentence (first on ties); right when its type
      equals the gold type; no mention is wrong.
    - majority_baseline: share of the most frequent gold type among the same sentences.
    - directed_dyad_accuracy: over state-to-state sentences only; right when the
      prediction's actor countries equal the gold actor countries and its recipient
      countries the gold recipient countries (non-state actors ignored on both sides).
      Swapped sides are wrong.
    - with `no_event`, no_event_precision and no_event_recall over the sentences that
      state none (silent = no mention), as for PETR-2.
    - high_conf_precision: among all mentions with confidence >= 0.8, the share whose type
      equals the sentence's gold type (a mention on a no-event sentence is wrong).
    """
    confusion: Counter[tuple[str, str]] = Counter()
    pairs: list[tuple[float, bool]] = []
    right = dyad_right = dyad_total = silent = quiet_right = 0
    events = [g for g in gold if g.event]
    for g in gold:
        mentions = predicted.get(g.id, ())
        pairs.extend((m.confidence, m.event == g.event) for m in mentions)
        top = top_mention(mentions)
        confusion[(g.event or NONE, top.event if top else NONE)] += 1
        silent += top is None
        quiet_right += top is None and g.event is None
        if g.event is None:
            continue
        right += top is not None and top.event == g.event
        if g.dyad is not None:
            dyad_total += 1
            dyad_right += top is not None and (
                (mention_countries(top, "actor"), mention_countries(top, "recipient")) == g.dyad
            )
    majority = Counter(g.event for g in events).most_common(1)
    high, n_high = precision_above(pairs)
    scores = [
        Score(name, "event_type_accuracy", rate(right, len(events)), len(events)),
        Score(
            name,
            "majority_baseline",
            rate(majority[0][1] if majority else 0, len(events)),
            len(events),
        ),
        Score(name, "directed_dyad_accuracy", rate(dyad_right, dyad_total), dyad_total),
    ]
    if no_event:
        expect_none = len(gold) - len(events)
        scores += [
            Score(name, "no_event_precision", rate(quiet_right, silent), silent),
            Score(name, "no_event_recall", rate(quiet_right, expect_none), expect_none),
        ]
    scores.append(Score(name, "high_conf_precision", high, n_high))
    return scores, confusion, pairs
