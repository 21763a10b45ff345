"""The learned event-type fallback: features of parses, the softmax model and its table, the
coder's hook, and the fitting helpers, on sentences and weights written for these tests."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import pytest
from test_events_coder import _parser, find_actors

from bilat.config import EventSettings, load_settings
from bilat.errors import CodingError
from bilat.eval.build_learned import Example, choose_threshold, fit_model, fold_of, plover_of
from bilat.events.coder import RulesCoder
from bilat.events.confidence import CEILING, score_confidence
from bilat.events.confidence import extract_features as confidence_features
from bilat.events.learned import (
    CLASSES,
    LEARNED_TIER,
    NONE,
    LearnedModel,
    extract_features,
    find_fallback,
    find_predicates,
    load_model,
    parse_model,
    render_model,
)
from bilat.events.roles import PlacedSpan, Roles, place_spans
from bilat.events.syntax import DepTree
from bilat.events.triggers import Trigger
from bilat.models import Article, Mention, ParsedDoc, Sentence


def parse(text: str, language: str = "en") -> tuple[Article, ParsedDoc]:
    article = Article(id="l1", text=text, language=language, published=dt.date(2024, 3, 20))
    return article, _parser().parse(article)


def model_for(weights: dict[str, dict[str, float]], threshold: float = 0.5) -> LearnedModel:
    """A model whose rows hold the given weights by class (all others zero)."""
    rows = {
        name: tuple(by_class.get(c, 0.0) for c in CLASSES) for name, by_class in weights.items()
    }
    return LearnedModel(rows, tuple(0.0 for _ in CLASSES), threshold)


# the lexicon has no row for "court" or "woo": only the learned model can type these
COURTING = model_for({"p:court": {"SUPPORT": 4.0}, "p:woo": {"SUPPORT": 4.0}})


def code(text: str, model: LearnedModel | None, fallback: bool = True) -> list[Mention]:
    article, doc = parse(text)
    coder = RulesCoder(EventSettings(learned_fallback=fallback), model)
    return coder.code(article, doc, find_actors(text))


# --------------------------------------------------------------------------- features


def test_features_read_predicate_objects_and_cues() -> None:
    _, doc = parse("Russia would not court Cuba with cheap oil.")
    tree = DepTree(doc)
    feats = extract_features(tree, doc.sentences[0])
    assert {"p:court", "o:cuba", "po:court|cuba", "neg", "modal:would"} <= set(feats)
    assert {"w:oil", "pp:court|with", "po:court|oil"} <= set(feats)
    assert len(feats) == len(set(feats))


def test_predicates_follow_a_speech_verb_into_its_clause() -> None:
    _, doc = parse("The minister said that Russia had wooed Cuba for years.")
    tree = DepTree(doc)
    lemmas = [tree.lemma(i) for i in find_predicates(tree, doc.sentences[0])]
    assert lemmas[:2] == ["say", "woo"]
    assert "reported" in extract_features(tree, doc.sentences[0])


# --------------------------------------------------------------------------- the model


def test_predict_is_the_softmax_of_the_summed_weights() -> None:
    model = model_for({"a": {"AID": 1.0, NONE: 0.5}, "b": {"AID": 1.0}})
    found = model.predict(["a", "b", "a", "unknown"])
    expected = math.exp(2.0) / (math.exp(2.0) + math.exp(0.5) + len(CLASSES) - 2)
    assert found.event == "AID"
    assert found.probability == pytest.approx(expected)
    assert model.predict([]).probability == pytest.approx(1 / len(CLASSES))


def test_table_round_trips_and_names_its_errors() -> None:
    model = LearnedModel(
        {"p:woo": tuple(0.25 if c == "SUPPORT" else 0.0 for c in CLASSES)},
        tuple(-0.5 if c == NONE else 0.0 for c in CLASSES),
        0.55,
        0.3,
        0.77,
    )
    back = parse_model(render_model(model, ["a note"]))
    assert back == model
    with pytest.raises(CodingError, match="class 'HUG'"):
        parse_model("@threshold\t*\t0.5\nbias\tHUG\t1.0\n")
    with pytest.raises(CodingError, match="no bias"):
        parse_model("p:woo\tAID\t1.0\n")
    with pytest.raises(CodingError, match="no number"):
        parse_model("@threshold\t*\t0.5\nbias\tAID\tmany\n")


def test_shipped_model_loads_with_a_threshold() -> None:
    model = load_model()
    assert 0.0 < model.threshold < 1.0
    assert len(model.bias) == len(CLASSES) and model.weights


# --------------------------------------------------------------------------- the hook


COURTED = "Russia courted Cuba with cheap oil."


def court_fallback() -> tuple[DepTree, Sentence, list[PlacedSpan], Trigger]:
    """The parse of COURTED, its placed actors and the fallback's trigger on it."""
    _, doc = parse(COURTED)
    tree = DepTree(doc)
    placed = place_spans(tree, find_actors(COURTED))
    found = find_fallback(tree, doc.sentences[0], "en", placed, COURTING)
    assert found is not None
    return tree, doc.sentences[0], placed, found


def test_fallback_makes_a_learned_trigger_on_the_predicate() -> None:
    tree, sentence, placed, found = court_fallback()
    assert tree.lemma(found.token) == "court"
    assert (found.rule.event, found.rule.tier, found.rule.cameo) == ("SUPPORT", LEARNED_TIER, "050")
    unsure = model_for({"p:court": {"SUPPORT": 0.5}}, threshold=0.5)
    assert find_fallback(tree, sentence, "en", placed, unsure) is None
    assert find_fallback(tree, sentence, "en", [], COURTING) is None  # no state named


def test_coder_codes_a_sentence_without_trigger_by_the_model() -> None:
    text = COURTED
    m = code(text, COURTING)
    assert [(x.event, x.countries("actor"), x.countries("recipient")) for x in m] == [
        ("SUPPORT", ["RUS"], ["CUB"])
    ]
    assert m[0].trigger is not None and text[m[0].trigger.start : m[0].trigger.end] == "courted"
    assert m[0].typed_by == "learned"  # the export says the model, not a rule, typed it
    assert code(text, None, fallback=False) == []


def test_coder_keeps_rule_triggers_over_the_model() -> None:
    # "visited" is a rule trigger: the model, sure of SUPPORT for anything, is not asked
    loud = model_for({"w:visit": {"SUPPORT": 9.0}, "p:visit": {"SUPPORT": 9.0}})
    found = code("Russia's foreign minister visited Cuba.", loud)
    assert [(x.event, x.typed_by) for x in found] == [("CONSULT", "team")]


def test_a_learned_refusal_survives_the_negation_it_was_read_from() -> None:
    # the model saw "would not court" and said REJECT: the negation is the refusal itself
    refusing = model_for({"p:court": {"REJECT": 4.0}, "neg": {"REJECT": 2.0}})
    m = code("Russia would not court Cuba with cheap oil.", refusing)
    assert [(x.event, x.countries("actor"), x.countries("recipient")) for x in m] == [
        ("REJECT", ["RUS"], ["CUB"])
    ]
    # a negated act the model typed as the act goes through the refusal rules: no event
    assert code("Russia did not court Cuba with cheap oil.", COURTING) == []


def test_confidence_sees_the_learned_tier() -> None:
    _tree, _sentence, placed, found = court_fallback()
    roles = Roles((placed[0].span,), (placed[1].span,), "clause")
    assert confidence_features(roles, found, False, False)["tier:learned"] == 1.0
    # however sure the fitted weights are, a learned type is trusted as much as it proved
    sure = dict.fromkeys(("bias", "tier:learned"), 30.0)
    capped = score_confidence(roles, found, False, False, weights=sure)
    assert capped == round(min(CEILING, load_model().precision), 2) < 0.95
    rule = replace(found, rule=replace(found.rule, tier="team"))
    assert score_confidence(roles, rule, False, False, weights=sure) == CEILING


def test_setting_turns_the_fallback_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert EventSettings().learned_fallback is True
    settings = load_settings(environ={"BILAT_EVENTS__LEARNED_FALLBACK": "false"})
    assert settings.events.learned_fallback is False
    assert RulesCoder(settings.events).learned is None
    assert RulesCoder(EventSettings()).learned == load_model()
    # "your dictionaries alone": the shipped model is left out with the shipped tables
    assert RulesCoder(EventSettings(shipped_triggers=False)).learned is None


# --------------------------------------------------------------------------- fitting


def example(record: str, features: tuple[str, ...], label: str, silent: bool = True) -> Example:
    return Example(record, "test", features, label, silent)


def test_fit_learns_separable_classes_the_same_way_twice() -> None:
    data = [example(f"a{k}", ("p:give", f"w:x{k % 3}"), "AID") for k in range(6)]
    data += [example(f"b{k}", ("p:strike", f"w:x{k % 3}"), "ASSAULT") for k in range(6)]
    data += [example(f"c{k}", ("p:rain", f"w:x{k % 3}"), NONE) for k in range(6)]
    model = fit_model(data, penalty=0.3)
    assert model == fit_model(data, penalty=0.3)
    for features, label in (("p:give", "AID"), ("p:strike", "ASSAULT"), ("p:rain", NONE)):
        found = model.predict([features])
        assert found.event == label and found.probability > 0.5


def test_threshold_weighs_right_guesses_against_wrong_ones() -> None:
    data = [example(f"r{k}", (), "AID") for k in range(4)] + [example("n", (), NONE)]
    data.append(example("loud", (), "AID", silent=False))  # coded by the rules: not counted
    # four right guesses at 0.9, one wrong at 0.4: 0.4 costs one, so a higher threshold wins
    predicted = [("AID", 0.9)] * 4 + [("AID", 0.4), ("ACCUSE", 0.99)]
    threshold, precision, notes = choose_threshold(data, predicted)
    assert 0.4 < threshold <= 0.9 and precision == 1.0
    assert len(notes) > 1 and "5 silent" in notes[0]


def test_threshold_wants_two_right_guesses_for_each_wrong_one() -> None:
    data = [example(f"r{k}", (), "AID") for k in range(4)]
    data += [example(f"n{k}", (), NONE) for k in range(2)]
    # at 0.95: one right guess; at 0.5: four right, two wrong. Right-minus-wrong would take
    # 0.5 (gain 2 > 1); at two per wrong guess 0.5 brings nothing (4 - 4) and 0.95 wins.
    predicted = [("AID", 0.95)] + [("AID", 0.5)] * 5
    threshold, precision, _ = choose_threshold(data, predicted)
    assert threshold > 0.5 and precision == 1.0


def test_folds_and_codebook_types_are_fixed() -> None:
    assert fold_of("plover-17") == fold_of("plover-17") and 0 <= fold_of("x") < 5
    assert plover_of("0421") == "CONSULT" and plover_of("010") == NONE


def test_the_refit_writes_the_table_the_coder_reads() -> None:
    from bilat.eval.build_learned import DEFAULT_OUT

    assert DEFAULT_OUT.is_file() and DEFAULT_OUT.parent.parent.name == "events"
