"""Scoring of our own coding set (examples/coding, in the repo): records to scores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from bilat.eval.loaders import OwnRecord
from bilat.eval.scores import GoldSentence, Score, score_sentences
from bilat.models import Article, Mention


def score_own(
    name: str, records: Sequence[OwnRecord], predicted: Mapping[str, Sequence[Mention]]
) -> tuple[list[Score], Counter[tuple[str, str]], list[tuple[float, bool]]]:
    """(scores, confusion gold -> predicted, calibration pairs) for our own set.

    Dev half ("own-dev", for work) and test half ("own-test", reported): event_type_accuracy,
    majority_baseline, directed_dyad_accuracy and high_conf_precision as for PLOVER, over the
    sentences that state an event (a mention on a no-event sentence counts as wrong for
    high_conf_precision), and no_event_precision / no_event_recall as for PETR-2 (silent = no
    mention). One implementation: scores.score_sentences.
    """
    gold = [
        GoldSentence(r.id, r.event, (r.actor, r.recipient) if r.state_to_state else None)
        for r in records
    ]
    return score_sentences(name, gold, predicted, no_event=True)


def own_article(rec: OwnRecord) -> Article:
    return Article(id=rec.id, text=rec.text, published=rec.published, language=rec.language)
