"""The learned model's agreement as evidence for a rule-found type: the features, the model
that judges them, and the fit that compares sets with and without them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_events_confidence import REPORTED, build_tree, roles, trigger

from bilat.eval.fit_confidence import FEATURE_SETS, Example, choose_and_fit
from bilat.events.confidence import (
    AGREEMENT,
    BIAS,
    extract_features,
    find_agreement,
    judge_agreement_with,
    load_weights,
    score_confidence,
)
from bilat.events.learned import CLASSES, LEARNED_TIER, LearnedModel
from bilat.events.triggers import Trigger
from bilat.models import Sentence

# "Moscow said Russia met Cuba": the rules' CONSULT trigger is token 3, "met"
TREE = build_tree(REPORTED)
SENTENCE = Sentence(0, 27, "Moscow said Russia met Cuba", 0, 5)
MET = Trigger(3, trigger().rule)


def model_for(weights: dict[str, dict[str, float]]) -> LearnedModel:
    rows = {name: tuple(by.get(c, 0.0) for c in CLASSES) for name, by in weights.items()}
    return LearnedModel(rows, tuple(0.0 for _ in CLASSES), 0.5)


AGREEING = model_for({"p:meet": {"CONSULT": 5.0}})
DOUBTING = model_for({"p:meet": {"NONE": 5.0}})
RIVAL = model_for({"p:meet": {"ACCUSE": 5.0}})


def test_agreement_reads_the_models_view_of_the_rule_type() -> None:
    agree = find_agreement(TREE, SENTENCE, "CONSULT", AGREEING)
    assert agree["learned:agree"] == 1.0 and agree["learned:none"] == 0.0
    assert agree["learned:p"] > 0.8 and agree["learned:rival"] < 0.1
    doubt = find_agreement(TREE, SENTENCE, "CONSULT", DOUBTING)
    assert doubt["learned:agree"] == 0.0 and doubt["learned:none"] == 1.0
    assert doubt["learned:p"] < 0.1
    rival = find_agreement(TREE, SENTENCE, "CONSULT", RIVAL)
    assert rival["learned:rival"] > 0.8 and rival["learned:none"] == 0.0
    assert set(agree) == set(AGREEMENT)


def test_agreement_needs_the_parse_and_skips_learned_triggers() -> None:
    with judge_agreement_with(AGREEING):
        found = extract_features(roles(), MET, False, False, TREE, SENTENCE)
        assert found["learned:agree"] == 1.0
        assert not set(AGREEMENT) & set(extract_features(roles(), MET, False, False, TREE))
        learned = Trigger(3, replace(MET.rule, tier=LEARNED_TIER))
        features = extract_features(roles(), learned, False, False, TREE, SENTENCE)
        assert not set(AGREEMENT) & set(features)


def test_the_judge_is_the_shipped_model_outside_the_block() -> None:
    with judge_agreement_with(DOUBTING):
        inside = extract_features(roles(), MET, False, False, TREE, SENTENCE)
    with judge_agreement_with(AGREEING):
        agreeing = extract_features(roles(), MET, False, False, TREE, SENTENCE)
    outside = extract_features(roles(), MET, False, False, TREE, SENTENCE)
    assert inside.get("learned:agree", 0.0) == 0.0 and agreeing["learned:agree"] == 1.0
    assert "learned:p" in outside  # the shipped model judges, whatever it says


def test_agreement_raises_the_confidence_the_shipped_weights_give() -> None:
    weights = load_weights()
    assert weights.get("learned:p", 0.0) > 0.0  # fitted: a type the model shares is likelier
    with judge_agreement_with(AGREEING):
        agreed = score_confidence(roles("nearest"), MET, False, False, TREE, SENTENCE)
    with judge_agreement_with(RIVAL):
        disputed = score_confidence(roles("nearest"), MET, False, False, TREE, SENTENCE)
    assert agreed > disputed


def test_fit_reports_the_set_without_agreement_beside_the_chosen_one() -> None:
    assert {"no-agreement", "no-event-types-no-agreement"} <= set(FEATURE_SETS)
    assert not set(AGREEMENT) & set(FEATURE_SETS["no-agreement"])
    # rightness follows the model's agreement only: the chosen set must hold it
    data = []
    for k in range(200):
        p = (k % 10) / 10
        right = (k * 7919) % 100 < 100 * p
        data.append(Example(f"r{k}", {BIAS: 1.0, "learned:p": p}, right, "plover-dev"))
    fit = choose_and_fit(data)
    assert "learned:p" in fit.names and fit.weights["learned:p"] > 0
    assert any(line.startswith("without agreement") for line in fit.notes)


@pytest.mark.parametrize("event", ["CONSULT", "AID"])
def test_agreement_probability_is_the_models_probability(event: str) -> None:
    probs = AGREEING.probabilities(["p:meet", "p:say"])
    assert sum(probs.values()) == pytest.approx(1.0)
    found = find_agreement(TREE, SENTENCE, event, AGREEING)
    assert found["learned:p"] == pytest.approx(probs[event], abs=1e-3)
