"""Pairwise scores of cross-article linking: do the main events of two articles share an event?

Gold: `same_event_as` lists the articles whose main event is the same happening (positive
pairs); `not_same_event_as` lists look-alikes that must stay apart (negative pairs). A
predicted pair is two gold articles whose main gold events, matched to predictions with the
seeds' rule (metrics.score_article), share an event id. Precision counts every predicted
pair, recall every positive pair; look-alikes merged are counted on their own as well.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bilat.eval.metrics import Record, Tally, score_article

Pair = tuple[str, str]


@dataclass
class LinkScores:
    """Pairs of articles: what gold says and what the linker did."""

    positive: set[Pair] = field(default_factory=set)
    negative: set[Pair] = field(default_factory=set)
    predicted: set[Pair] = field(default_factory=set)

    @property
    def found(self) -> set[Pair]:
        return self.predicted & self.positive

    @property
    def false_links(self) -> set[Pair]:
        return self.predicted - self.positive

    @property
    def missed(self) -> set[Pair]:
        return self.positive - self.predicted

    @property
    def lookalikes_merged(self) -> set[Pair]:
        return self.predicted & self.negative

    def summary(self) -> dict[str, Any]:
        """Numbers for the EvalResult summary (None where there is nothing to divide by)."""
        n_pred, n_pos = len(self.predicted), len(self.positive)
        return {
            "link_pairs_gold": n_pos,
            "link_lookalike_pairs": len(self.negative),
            "link_precision": round(len(self.found) / n_pred, 3) if n_pred else None,
            "link_recall": round(len(self.found) / n_pos, 3) if n_pos else None,
            "link_false_links": len(self.false_links),
            "link_lookalikes_merged": len(self.lookalikes_merged),
        }


def make_pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def gold_pairs(gold: Mapping[str, Record], key: str) -> set[Pair]:
    """Unordered pairs of gold articles named by `key` in either record."""
    return {
        make_pair(doc, str(other))
        for doc, record in gold.items()
        for other in record.get(key) or []
        if str(other) in gold and str(other) != doc
    }


def main_event_ids(
    articles: Mapping[str, Record], gold: Mapping[str, Record], mentions: Iterable[Record]
) -> dict[str, set[str]]:
    """Per gold article, the event ids of the predictions matched to its main gold events."""
    by_doc: dict[str, list[Record]] = defaultdict(list)
    for m in mentions:
        by_doc[str(m.get("doc_id"))].append(m)
    found: dict[str, set[str]] = {}
    for doc, record in gold.items():
        text = str(articles.get(doc, {}).get("text", ""))
        events = record["events"]
        ids = score_article(doc, text, events, by_doc.get(doc, []), Tally())
        found[doc] = {
            str(ids[gi]) for gi, e in enumerate(events) if e.get("main", True) and ids.get(gi)
        }
    return found


def score_links(
    articles: Mapping[str, Record], gold: Mapping[str, Record], mentions: Iterable[Record]
) -> LinkScores:
    """Compare the linker's cross-article pairs with gold's same/not-same pairs."""
    ids = main_event_ids(articles, gold, mentions)
    predicted = {
        make_pair(a, b) for a, b in itertools.combinations(sorted(gold), 2) if ids[a] & ids[b]
    }
    return LinkScores(
        positive=gold_pairs(gold, "same_event_as"),
        negative=gold_pairs(gold, "not_same_event_as"),
        predicted=predicted,
    )
