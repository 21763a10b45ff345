"""Event-mention detection for coreference: learned rates, back-offs and gold alignment."""

from __future__ import annotations

from bilat.link.coref import stem_of
from bilat.link.coref_triggers import (
    EventRates,
    align_heads,
    find_event_heads,
    learn_event_rates,
)

# "The ferry sank after the storm ; the party said rescuers arrived" as (lemma, POS, dep)
SENTENCE = [
    ("the", "DET", "det"),
    ("ferry", "NOUN", "nsubj"),
    ("sink", "VERB", "ROOT"),
    ("after", "ADP", "prep"),
    ("the", "DET", "det"),
    ("storm", "NOUN", "pobj"),
    (";", "PUNCT", "punct"),
    ("the", "DET", "det"),
    ("party", "NOUN", "nsubj"),
    ("say", "VERB", "conj"),
    ("rescuer", "NOUN", "nsubj"),
    ("arrive", "VERB", "ccomp"),
]


def test_rates_count_how_often_a_lemma_heads_a_mention() -> None:
    # "storm" heads a mention in two of three sentences, "ferry" never, "sink" always
    labelled = [(SENTENCE, [2, 5]), (SENTENCE, [2, 5]), (SENTENCE, [2])]
    rates = learn_event_rates(labelled, threshold=0.5, min_seen=3)
    assert rates.rates[("storm", "NOUN")] == 2 / 3
    assert rates.rates[("ferry", "NOUN")] == 0.0
    assert rates.rates[("sink", "VERB")] == 1.0
    assert ("the", "DET") not in rates.rates  # determiners are never candidates
    assert find_event_heads(SENTENCE, rates) == [2, 5]
    stricter = EventRates(rates.rates, threshold=0.9, stems=rates.stems)
    assert find_event_heads(SENTENCE, stricter) == [2]
    # seen fewer than min_seen times: no rate of its own
    assert ("storm", "NOUN") not in learn_event_rates(labelled[:2], min_seen=3).rates


def test_unseen_words_back_off_to_stem_then_to_rules() -> None:
    words = [
        ("explosion", "NOUN", "nsubj"),  # action ending
        ("harbour", "NOUN", "pobj"),  # plain noun
        ("be", "AUX", "aux"),
        ("evacuate", "VERB", "ROOT"),  # unseen verb
        ("sinking", "NOUN", "dobj"),  # its stem "sink" was learned as a verb
        ("ferry", "PROPN", "pobj"),  # proper nouns share the nouns' rate
    ]
    rates = EventRates({("ferry", "NOUN"): 0.0}, threshold=0.5, stems={"sink": 0.9})
    assert find_event_heads(words, rates) == [0, 3, 4]
    low = EventRates({}, threshold=0.5, stems={"sink": 0.1, stem_of("evacuate"): 0.1})
    assert find_event_heads(words, low) == [0]


def test_align_heads_gives_each_gold_mention_one_head() -> None:
    gold = [("d1", 0, [2, 3], "g1"), ("d1", 1, [0], "g2"), ("d2", 0, [2], "g3")]
    predicted = [("d1", 0, 3), ("d1", 0, 2), ("d1", 0, 5), ("d2", 0, 2), ("d2", 1, 0)]
    aligned = align_heads(predicted, gold)
    # the first head in sentence order takes "g1"; the second head of that span stays free
    assert aligned == {("d1", 0, 2): "g1", ("d2", 0, 2): "g3"}
