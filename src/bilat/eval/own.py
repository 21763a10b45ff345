"""Scoring of our own coding set (examples/coding, in the repo): records to scores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from bilat.eval.calibration import precision_above
from bilat.eval.loaders import OwnRecord
from bilat.eval.metrics import ratio as rate
from bilat.eval.scores import NONE, Score, mention_countries, top_mention
from bilat.models import Article, Mention


def score_own(
    name: str, records: Sequence[OwnRecord], predicted: Mapping[str, Sequence[Mention]]
) -> tuple[list[Score], Counter[tuple[str, str]], list[tuple[float, bool]]]:
    """(scores, confusion gold -> predicted, calibration pairs) for our own set.

    Dev half ("own-dev", for work) and test half ("own-test", reported): event_type_accuracy,
    majority_baseline, directed_dyad_accuracy and high_conf_precision as for PLOVER, over the
    sentences that state an event (a mention on a no-event sentence counts as wrong for
    high_conf_precision), and no_event_precision / no_event_recall as for PETR-2 (silent = no
    mention).
    """
    confusion: Counter[tuple[str, str]] = Counter()
    pairs: list[tuple[float, bool]] = []
    right = dyad_right = dyad_total = silent = quiet_right = 0
    events = [r for r in records if r.event]
    for rec in records:
        mentions = predicted.get(rec.id, ())
        pairs.extend((m.confidence, m.event == rec.event) for m in mentions)
        top = top_mention(mentions)
        confusion[(rec.event or NONE, top.event if top else NONE)] += 1
        silent += top is None
        quiet_right += top is None and rec.event is None
        if rec.event is None:
            continue
        right += top is not None and top.event == rec.event
        if rec.state_to_state:
            dyad_total += 1
            dyad_right += top is not None and (
                mention_countries(top, "actor") == rec.actor
                and mention_countries(top, "recipient") == rec.recipient
            )
    majority = Counter(r.event for r in events).most_common(1)
    high, n_high = precision_above(pairs)
    expect_none = len(records) - len(events)
    scores = [
        Score(name, "event_type_accuracy", rate(right, len(events)), len(events)),
        Score(
            name,
            "majority_baseline",
            rate(majority[0][1] if majority else 0, len(events)),
            len(events),
        ),
        Score(name, "directed_dyad_accuracy", rate(dyad_right, dyad_total), dyad_total),
        Score(name, "no_event_precision", rate(quiet_right, silent), silent),
        Score(name, "no_event_recall", rate(quiet_right, expect_none), expect_none),
        Score(name, "high_conf_precision", high, n_high),
    ]
    return scores, confusion, pairs


def own_article(rec: OwnRecord) -> Article:
    return Article(id=rec.id, text=rec.text, published=rec.published, language=rec.language)
