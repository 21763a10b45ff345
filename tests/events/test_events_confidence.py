"""Confidence: features of hand-built roles and parses, the logistic score, the weights
file, and embedded acts and refused promises on sentences written for these tests."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from test_events_coder import code, dyad, only

from bilat.errors import CodingError
from bilat.events.confidence import (
    CEILING,
    FEATURES,
    FLOOR,
    extract_features,
    is_reported,
    load_weights,
    parse_weights,
    predict,
    record_features,
    score_confidence,
)
from bilat.events.roles import Roles
from bilat.events.syntax import DepTree
from bilat.events.triggers import CAMEO_TIER, Trigger, TriggerRule
from bilat.models import ActorSpan, ParsedDoc, Sentence, Token


def span(country: str | None, start: int = 0, kind: str = "state") -> ActorSpan:
    return ActorSpan(start, start + 4, "Name", f"id-{country}", kind, country)  # type: ignore[arg-type]


def trigger(noun: bool = False, objects: frozenset[str] = frozenset()) -> Trigger:
    rule = TriggerRule("en", "meet", noun, objects, "CONSULT", None, "040", False)
    return Trigger(1, rule)


def roles(how: str = "clause", recipient: str | None = "CUB", kind: str = "state") -> Roles:
    return Roles((span("RUS"),), (span(recipient, 10, kind),), how)


def build_tree(rows: list[tuple[str, str, str, str, int]]) -> DepTree:
    """A DepTree from (text, lemma, pos, dep, head) rows."""
    tokens, offset = [], 0
    for i, (text, lemma, pos, dep, head) in enumerate(rows):
        tokens.append(Token(i, offset, offset + len(text), text, lemma, pos, pos, dep, head))
        offset += len(text) + 1
    return DepTree(ParsedDoc("t", "en", "hand", tuple(tokens), (), ()))


# "Cuba was visited by Russia"
PASSIVE = [
    ("Cuba", "Cuba", "PROPN", "nsubjpass", 2),
    ("was", "be", "AUX", "auxpass", 2),
    ("visited", "visit", "VERB", "ROOT", 2),
    ("by", "by", "ADP", "agent", 2),
    ("Russia", "Russia", "PROPN", "pobj", 3),
]
# "Moscow said Russia met Cuba"
REPORTED = [
    ("Moscow", "Moscow", "PROPN", "nsubj", 1),
    ("said", "say", "VERB", "ROOT", 1),
    ("Russia", "Russia", "PROPN", "nsubj", 3),
    ("met", "meet", "VERB", "ccomp", 1),
    ("Cuba", "Cuba", "PROPN", "dobj", 3),
]


def test_clause_between_two_states_has_its_features() -> None:
    found = extract_features(roles(), trigger(), False, False)
    assert set(found) == {
        "bias",
        "how:clause",
        "both_countries",
        "actor:state",
        "recipient:state",
        "event:CONSULT",
    }
    assert set(found) <= set(FEATURES)


def test_one_sided_person_recipient_and_unsure_constructions() -> None:
    found = extract_features(
        roles("one-sided", None, "person"), trigger(True, frozenset({"talk"})), True, True
    )
    assert {"how:one-sided", "recipient:person", "noun", "objects", "converted", "embedded"} <= set(
        found
    )
    assert "both_countries" not in found and "recipient:state" not in found


def test_converted_event_and_lower_tier_are_features() -> None:
    lower = Trigger(1, replace(trigger().rule, tier=CAMEO_TIER))
    found = extract_features(roles(), lower, True, False, event="AGREE")
    assert {"tier:cameo", "event:AGREE"} <= set(found) and "event:CONSULT" not in found


def test_passive_and_reported_speech_are_read_from_the_parse() -> None:
    passive, reported = build_tree(PASSIVE), build_tree(REPORTED)
    assert passive.is_passive(2) and not reported.is_passive(3)
    assert is_reported(reported, 3) and not is_reported(passive, 2)
    found = extract_features(roles(), Trigger(3, trigger().rule), False, False, reported)
    assert "reported" in found and "passive" not in found


def test_long_sentences_are_marked() -> None:
    short = Sentence(0, 40, "x" * 40, 0, 8)
    long_ = Sentence(0, 400, "x" * 400, 0, 60)
    assert "long" not in extract_features(roles(), trigger(), False, False, sentence=short)
    assert "long" in extract_features(roles(), trigger(), False, False, sentence=long_)


def test_score_is_the_logistic_of_the_weighted_features_within_bounds() -> None:
    weights = {"bias": 0.5, "embedded": -2.0}
    value = score_confidence(roles(), trigger(), False, True, weights=weights)
    assert value == round(1 / (1 + math.exp(1.5)), 2)
    assert score_confidence(roles(), trigger(), False, False, weights={"bias": 9.0}) == CEILING
    assert score_confidence(roles(), trigger(), False, False, weights={"bias": -9.0}) == FLOOR
    assert predict({"bias": 1.0}, {"bias": 0.0}) == 0.5


def test_shipped_weights_rank_the_constructions_as_measured() -> None:
    weights = load_weights()
    assert set(weights) <= set(FEATURES) and "bias" in weights
    tight = score_confidence(roles(), trigger(), False, False)
    assert tight >= 0.8  # a clause between two named states is the trusted construction
    assert score_confidence(roles(), trigger(), False, True) < 0.8
    assert score_confidence(roles("one-sided", None), trigger(), False, False) < tight
    assert score_confidence(roles("nearest"), trigger(), False, False) < tight


def test_weights_file_errors_name_the_line() -> None:
    assert parse_weights("# note\nfeature\tweight\nbias\t0.3\nnoun\t-1\n") == {
        "bias": 0.3,
        "noun": -1.0,
    }
    with pytest.raises(CodingError, match=r":2: unknown feature 'colour'"):
        parse_weights("bias\t1\ncolour\t2\n")
    with pytest.raises(CodingError, match="is no number"):
        parse_weights("bias\tmany\n")
    with pytest.raises(CodingError, match="no 'bias' row"):
        parse_weights("noun\t-1\n")


def test_record_features_collects_only_inside_the_block() -> None:
    tree = build_tree(REPORTED)
    with record_features() as seen:
        score_confidence(roles(), Trigger(3, trigger().rule), False, False, tree, event="AGREE")
    score_confidence(roles(), trigger(), False, False)
    assert len(seen) == 1
    assert (seen[0].trigger_start, seen[0].event) == (tree.tokens[3].start, "AGREE")
    assert "reported" in seen[0].features


@pytest.mark.slow
def test_act_embedded_under_the_reported_act_ranks_below_it() -> None:
    mentions = code("Mexico demanded talks with Cuba to discuss the fishing quotas.")
    by_event = {m.event: m for m in mentions}
    assert by_event["REQUEST"].confidence >= 0.8
    assert max(m.confidence for m in mentions) == by_event["REQUEST"].confidence
    assert all(m.confidence < 0.8 for m in mentions if m.event != "REQUEST")


@pytest.mark.slow
def test_coordinated_acts_are_of_one_rank() -> None:
    mentions = code("Russia condemned Cuba and accused Mexico on Monday.")
    assert {m.event for m in mentions} == {"ACCUSE"}
    assert all(m.confidence >= 0.8 for m in mentions)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "sides"),
    [
        ("Brazil will not provide loans to Angola next year.", "121", ("BRA", "AGO")),
        ("India will not meet Bangladesh until the border reopens.", "125", ("IND", "BGD")),
        ("Russia will not sign the fishing treaty with Cuba.", "127", ("RUS", "CUB")),
    ],
)
def test_negated_promise_of_cooperation_is_a_refusal(
    text: str, cameo: str, sides: tuple[str, str]
) -> None:
    m = only(code(text))
    assert (m.event, m.cameo) == ("REJECT", cameo)
    assert dyad(m) == ([sides[0]], [sides[1]])


@pytest.mark.slow
def test_negated_past_cooperation_stays_silent() -> None:
    assert code("Brazil did not provide loans to Angola last year.") == []
