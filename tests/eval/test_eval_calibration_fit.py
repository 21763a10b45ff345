"""Fitting the confidence model: labels, the logistic fit, folds, choice and the file it
writes, on hand-made examples; and, with ../shared, the training examples themselves."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bilat.config import Settings
from bilat.eval.fit_confidence import (
    Example,
    Fit,
    choose_and_fit,
    collect_examples,
    cross_validate,
    fit_logistic,
    fold_of,
    is_right,
    predict_all,
    render_weights,
)
from bilat.eval.loaders import load_own, load_plover
from bilat.events.confidence import BIAS, parse_weights
from bilat.models import ActorRef, Mention, Span


def mention(event: str, actor: str, recipient: str) -> Mention:
    text = "Russia met Cuba."
    return Mention(
        id="m",
        doc_id="d",
        event=event,
        actor=[ActorRef(text="Russia", country=actor)],
        recipient=[ActorRef(text="Cuba", country=recipient)],
        event_text=text,
        text_info=Span(start=0, end=len(text)),
        confidence=0.5,
        coder="rules.v1",
    )


def test_right_needs_the_type_and_for_states_the_dyad() -> None:
    m = mention("CONSULT", "RUS", "CUB")
    states = (frozenset({"RUS"}), frozenset({"CUB"}))
    assert is_right(m, "CONSULT", *states)
    assert not is_right(m, "AID", *states)
    assert not is_right(m, "CONSULT", frozenset({"CUB"}), frozenset({"RUS"}))  # swapped
    assert is_right(m, "CONSULT", frozenset(), frozenset({"CUB"}))  # not state-to-state
    assert not is_right(m, None, *states)  # a mention on a no-event sentence


def examples(n: int = 200) -> list[Example]:
    """'how:clause' ones are right 4 times in 5, the others once in 5, whatever 'noun' says."""
    out = []
    for k in range(n):
        good = k % 2 == 0
        right = (k % 10 != 0) if good else (k % 10 == 1)
        features = {BIAS: 1.0, "how:clause": float(good), "noun": float(k % 3 == 0)}
        out.append(Example(f"r{k}", features, right, "own-dev" if k % 4 else "plover-dev"))
    return out


def test_logistic_fit_recovers_the_rates() -> None:
    names = [BIAS, "how:clause"]
    x = np.array([[ex.features.get(n, 0.0) for n in names] for ex in examples()])
    y = np.array([float(ex.right) for ex in examples()])
    w = fit_logistic(x, y, penalty=0.01)
    p = predict_all(np.array([[1.0, 1.0], [1.0, 0.0]]), w)
    assert abs(p[0] - 0.8) < 0.02 and abs(p[1] - 0.2) < 0.02
    assert w[1] > 0


def test_folds_are_fixed_by_record_id_and_cover_each_example_once() -> None:
    assert fold_of("plover-123") == fold_of("plover-123")
    assert {fold_of(f"r{k}") for k in range(100)} == set(range(5))
    loss, oof = cross_validate(examples(), [BIAS, "how:clause"], 1.0)
    # the entropy of a 0.8/0.2 rate is 0.50, a constant guess 0.69
    assert 0.45 < loss < 0.55 and len(oof) == 200 and ((oof > 0) & (oof < 1)).all()


def test_choice_prefers_the_informative_fit_and_the_file_reads_back() -> None:
    fit = choose_and_fit(examples())
    assert isinstance(fit, Fit) and fit.weights["how:clause"] > 1.0
    assert any(line.startswith("out of fold, plover-dev") for line in fit.notes)
    text = render_weights(fit, {"own-dev": (150, 80), "plover-dev": (50, 20)})
    assert text.startswith("# Made by `python -m bilat.eval.fit_confidence")
    assert "never a test half" in text
    parsed = parse_weights(text)
    assert parsed[BIAS] == fit.weights[BIAS] and parsed["how:clause"] == fit.weights["how:clause"]


@pytest.mark.slow
def test_training_examples_come_from_the_development_halves_only(shared: Path) -> None:
    by_set = collect_examples(shared, Settings())
    dev = {r.id for r in load_plover(shared, "dev")} | {r.id for r in load_own(half="dev")}
    test = {r.id for r in load_plover(shared, "test")} | {r.id for r in load_own(half="test")}
    found = [ex for f in by_set.values() for ex in f]
    assert by_set["plover-dev"] and by_set["own-dev"]
    assert {ex.record for ex in found} <= dev and not {ex.record for ex in found} & test
    assert 0 < sum(ex.right for ex in found) < len(found)
