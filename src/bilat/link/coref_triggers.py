"""Event-mention detection for coreference without gold mentions: learned head-lemma rates.

A word is predicted to name an event when its lemma (with its coarse part of speech) headed
an annotated event mention in at least `threshold` of its occurrences in labelled
sentences; lemmas seen too rarely there back off to their stem (any part of speech: the
noun "crash" from the verb), then to a rule (verbs that are not auxiliaries and nouns of
action endings name events). Predicted mentions are single head words; they are
aligned to gold mentions by the head falling inside the gold span. Plain data only: the
caller parses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bilat.link.coref import stem_of

# (lemma, universal POS, dependency label) of one word of a parsed sentence
Word = tuple[str, str, str]
CANDIDATE_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass", "cop"})
# A lemma must be seen this often in labelled sentences before its own rate is trusted.
MIN_SEEN = 3
# Noun endings of actions and happenings ("explosion", "shipment", "closure", "shooting").
EVENT_ENDINGS = ("tion", "sion", "ment", "ure", "ing", "al")


@dataclass(frozen=True)
class EventRates:
    """Share of a (lemma, POS group) pair's occurrences that headed a labelled event mention."""

    rates: Mapping[tuple[str, str], float]
    threshold: float = 0.3
    stems: Mapping[str, float] = field(default_factory=dict)  # the same by stem, any POS


def pos_group(pos: str) -> str:
    """Nouns and proper nouns together ("Oscars" is tagged either way)."""
    return "NOUN" if pos in {"NOUN", "PROPN"} else pos


def is_candidate(word: Word) -> bool:
    return word[1] in CANDIDATE_POS and word[2] not in AUXILIARY_DEPS


def learn_event_rates(
    sentences: Iterable[tuple[Sequence[Word], Iterable[int]]],
    threshold: float = 0.3,
    min_seen: int = MIN_SEEN,
) -> EventRates:
    """Rates from labelled sentences: (words, positions of the gold mention heads)."""
    seen: Counter[tuple[str, str]] = Counter()
    heads: Counter[tuple[str, str]] = Counter()
    stem_seen: Counter[str] = Counter()
    stem_heads: Counter[str] = Counter()
    for words, positions in sentences:
        marked = set(positions)
        for n, word in enumerate(words):
            if not is_candidate(word):
                continue
            key = (word[0], pos_group(word[1]))
            seen[key] += 1
            heads[key] += n in marked
            stem_seen[stem_of(word[0])] += 1
            stem_heads[stem_of(word[0])] += n in marked
    return EventRates(
        {key: heads[key] / seen[key] for key in sorted(seen) if seen[key] >= min_seen},
        threshold,
        {k: stem_heads[k] / stem_seen[k] for k in sorted(stem_seen) if stem_seen[k] >= min_seen},
    )


def find_event_heads(words: Sequence[Word], rates: EventRates) -> list[int]:
    """Positions of the words predicted to name events, in sentence order."""
    found: list[int] = []
    for n, word in enumerate(words):
        if not is_candidate(word):
            continue
        rate = rates.rates.get((word[0], pos_group(word[1])), rates.stems.get(stem_of(word[0])))
        if rate is None:
            if word[1] == "VERB" or (word[1] == "NOUN" and word[0].endswith(EVENT_ENDINGS)):
                found.append(n)
        elif rate >= rates.threshold:
            found.append(n)
    return found


def align_heads(
    predicted: Iterable[tuple[str, int, int]], gold: Iterable[tuple[str, int, Sequence[int], str]]
) -> dict[tuple[str, int, int], str]:
    """{(doc, sentence, head): gold mention id} where a predicted head lies in a gold span.

    `predicted` holds (doc, sentence, position); `gold` holds (doc, sentence, positions, id).
    Each gold mention takes at most one predicted head, the first in sentence order, so
    that one gold mention is never counted twice; the other heads stay unaligned.
    """
    owner: dict[tuple[str, int, int], str] = {}
    for doc, sentence, positions, mention_id in gold:
        for p in positions:
            owner.setdefault((doc, sentence, p), mention_id)
    taken: set[str] = set()
    result: dict[tuple[str, int, int], str] = {}
    for key in sorted(predicted):
        found = owner.get(key)
        if found is not None and found not in taken:
            taken.add(found)
            result[key] = found
    return result
