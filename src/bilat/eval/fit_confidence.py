"""Fit the confidence model (events/data/confidence_weights.tsv) on the development halves.

    python -m bilat.eval.fit_confidence ../shared [--out src/bilat/events/data/...tsv]

Codes the PLOVER GSR development half and our own set's development half (never a test
half), records the features of every kept mention (`confidence.record_features`; each record
is coded, and its rule-found types judged for agreement, by a learned model fitted without its
fold, so that the learned model's view is what it would be on new text) and
labels it right when its type equals the sentence's gold type and, for a state-to-state gold
record, its actor and recipient countries equal the gold ones (a mention on a no-event
sentence is wrong). A logistic regression with an L2 penalty (Newton's method, numpy) is
fitted; the penalty and the feature set are chosen by grouped cross-validation (folds by a
hash of the record id, so the mentions of one sentence stay together) on log loss; the best
set without the learned model's agreement is reported beside it. The file written starts with
a note of how it was made and the cross-validated reliability.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bilat.config import Settings
from bilat.eval.build_learned import fit_fold_models, fold_of
from bilat.eval.calibration import bin_reliability, calibration_error, precision_above
from bilat.eval.loaders import load_own, load_plover
from bilat.eval.own import own_article
from bilat.eval.scores import mention_countries
from bilat.eval.suite import plover_article
from bilat.events.coder import RulesCoder
from bilat.events.confidence import (
    AGREEMENT,
    BIAS,
    FEATURES,
    WEIGHTS_FILE,
    judge_agreement_with,
    record_features,
)
from bilat.events.learned import LearnedModel, load_model
from bilat.models import Article, Mention
from bilat.pipeline import Coded, Stages, code_article, stages_for

PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
# Feature sets tried: all, and all but the per-type ones (16 of them, few examples each);
# each with and without the learned model's agreement.
_NO_TYPES = tuple(f for f in FEATURES if not f.startswith("event:"))
FEATURE_SETS = {
    "all": FEATURES,
    "no-event-types": _NO_TYPES,
    "no-agreement": tuple(f for f in FEATURES if f not in AGREEMENT),
    "no-event-types-no-agreement": tuple(f for f in _NO_TYPES if f not in AGREEMENT),
}
FOLDS = 5
Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Example:
    """One kept mention: its record (the CV group), features and whether it is right."""

    record: str
    features: dict[str, float]
    right: bool
    source: str = ""  # the gold set


def is_right(
    m: Mention,
    event: str | None,
    actor: frozenset[str],
    recipient: frozenset[str],
) -> bool:
    """Type equals the gold type and, when both gold sides are states, the dyad too."""
    if event is None or m.event != event:
        return False
    if not (actor and recipient):
        return True
    return mention_countries(m, "actor") == actor and mention_countries(m, "recipient") == recipient


def code_examples(
    settings: Settings,
    article: Article,
    gold: tuple[str | None, frozenset[str], frozenset[str]],
    source: str = "",
    stages: tuple[Stages, LearnedModel] | None = None,
) -> list[Example]:
    """The kept mentions of one gold record, with their features and labels; `stages`: the
    stages to code it with and the learned model that judges agreement (default: the
    settings' stages and the shipped model)."""
    coding, judge = stages or (stages_for(settings), load_model())
    with record_features() as seen, judge_agreement_with(judge):
        coded = code_article(settings, article, coding)
    if not isinstance(coded, Coded):
        return []
    by_trigger = {(o.trigger_start, o.event): o.features for o in seen}
    out = []
    for m in coded.mentions:
        if m.trigger is None or (m.trigger.start, m.event) not in by_trigger:
            continue
        features = by_trigger[(m.trigger.start, m.event)]
        out.append(Example(article.id, features, is_right(m, *gold), source))
    return out


def out_of_fold_stages(
    shared_dir: Path, settings: Settings
) -> Callable[[str], tuple[Stages, LearnedModel]]:
    """The stages to code a record with and the learned model that judges agreement: one
    fitted without the record's fold (the shipped model saw every development record, so its
    mentions, and its agreement with the rules, would look better there than on new text).
    With the learned fallback off, the coder has none and the fold model only judges."""
    base = stages_for(settings)
    models = fit_fold_models(shared_dir, settings)
    by_fold = {
        k: (
            Stages(base.parser, base.resolver, RulesCoder(settings.events, model))
            if settings.events.learned_fallback
            else base,
            model,
        )
        for k, model in models.items()
    }
    return lambda record: by_fold[fold_of(record)]


def collect_examples(shared_dir: Path, settings: Settings) -> dict[str, list[Example]]:
    """Examples of the PLOVER development half and of own-dev, by set."""
    stages = out_of_fold_stages(shared_dir, settings)
    plover = [
        ex
        for rec in load_plover(shared_dir, "dev")
        for ex in code_examples(
            settings,
            plover_article(rec),
            (rec.event, rec.countries("actor"), rec.countries("recipient")),
            "plover-dev",
            stages(rec.id),
        )
    ]
    own = [
        ex
        for rec in load_own(half="dev")
        for ex in code_examples(
            settings,
            own_article(rec),
            (rec.event, rec.actor, rec.recipient),
            "own-dev",
            stages(rec.id),
        )
    ]
    return {"plover-dev": plover, "own-dev": own}


def to_matrix(examples: Sequence[Example], names: Sequence[str]) -> tuple[Matrix, Matrix]:
    x = np.array([[ex.features.get(n, 0.0) for n in names] for ex in examples], dtype=float)
    y = np.array([float(ex.right) for ex in examples], dtype=float)
    return x.reshape(len(examples), len(names)), y


def fit_logistic(x: Matrix, y: Matrix, penalty: float, steps: int = 50) -> Matrix:
    """L2-penalised logistic regression by Newton's method; column 0 (the bias) is free."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 1e-6
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + ridge * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w


def predict_all(x: Matrix, w: Matrix) -> Matrix:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))


def cross_validate(
    examples: Sequence[Example], names: Sequence[str], penalty: float, folds: int = FOLDS
) -> tuple[float, Matrix]:
    """(mean log loss, out-of-fold probabilities) of one penalty and feature set."""
    x, y = to_matrix(examples, names)
    fold = np.array([fold_of(ex.record, folds) for ex in examples])
    out = np.zeros(len(examples))
    for k in range(folds):
        test = fold == k
        if not test.any():
            continue
        w = fit_logistic(x[~test], y[~test], penalty)
        out[test] = predict_all(x[test], w)
    p = np.clip(out, 1e-6, 1 - 1e-6)
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return loss, out


def describe_reliability(pairs: Sequence[tuple[float, bool]]) -> list[str]:
    """Lines for the file's note: precision at >= 0.8, calibration error, the bins."""
    high, n_high = precision_above(pairs)
    lines = [f"  precision >= 0.8: {high} (n {n_high}); ECE {calibration_error(pairs)}"]
    lines += [f"  {b.label}: n {b.count}, precision {b.precision}" for b in bin_reliability(pairs)]
    return lines


def describe_sources(examples: Sequence[Example], pairs: Sequence[tuple[float, bool]]) -> list[str]:
    """describe_reliability of each training set alone."""
    lines = []
    for source in sorted({ex.source for ex in examples} - {""}):
        lines.append(f"out of fold, {source} only:")
        lines += describe_reliability(
            [pair for pair, ex in zip(pairs, examples, strict=True) if ex.source == source]
        )
    return lines


@dataclass(frozen=True, slots=True)
class Fit:
    names: tuple[str, ...]
    weights: dict[str, float]
    chosen: str  # feature set and penalty
    loss: float
    notes: list[str]


def choose_and_fit(examples: Sequence[Example]) -> Fit:
    """The feature set and penalty of least cross-validated log loss, refitted on all."""
    trials = [
        (cross_validate(examples, names, penalty), label, names, penalty)
        for label, names in FEATURE_SETS.items()
        for penalty in PENALTIES
    ]
    notes = [f"cv log loss {label} l2={pen}: {res[0]:.4f}" for res, label, _, pen in trials]
    (loss, oof), label, names, penalty = min(trials, key=lambda t: t[0][0])
    x, y = to_matrix(examples, names)
    w = fit_logistic(x, y, penalty)
    weights = {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}
    pairs = [(round(float(p), 2), ex.right) for p, ex in zip(oof, examples, strict=True)]
    notes.append(f"chosen: {label}, l2={penalty}; out of fold (CV), all training sets:")
    notes += describe_reliability(pairs)
    notes += describe_sources(examples, pairs)
    if any(a in names for a in AGREEMENT):
        # the same table for the best set without agreement: what the feature adds
        (_, plain), label, _, penalty = min(
            (t for t in trials if not set(AGREEMENT) & set(t[2])), key=lambda t: t[0][0]
        )
        notes.append(f"without agreement ({label}, l2={penalty}), out of fold:")
        plain_pairs = [
            (round(float(p), 2), ex.right) for p, ex in zip(plain, examples, strict=True)
        ]
        notes += describe_reliability(plain_pairs) + describe_sources(examples, plain_pairs)
    return Fit(tuple(names), weights, f"{label} l2={penalty}", loss, notes)


def render_weights(fit: Fit, counts: dict[str, tuple[int, int]]) -> str:
    """The weights file: a note of how it was made, then `feature<TAB>weight` rows."""
    sets = ", ".join(f"{name} {n} mentions ({r} right)" for name, (n, r) in counts.items())
    head = [
        f"# Made by `python -m bilat.eval.fit_confidence ../shared` on {dt.date.today()}.",
        f"# Training: {sets}; never a test half.",
        "# Label: type equals the gold type and, for state-to-state gold, the dyad too.",
        f"# Logistic regression (L2, Newton), chosen by {FOLDS}-fold grouped CV on log loss.",
        *(f"# {line}" for line in fit.notes),
        "feature\tweight",
    ]
    rows = [f"{n}\t{w}" for n, w in fit.weights.items() if w != 0.0 or n == BIAS]
    return "\n".join(head + rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the ../shared folder")
    default = Path(__file__).resolve().parents[1] / "events" / "data" / WEIGHTS_FILE
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args(argv)
    by_set = collect_examples(args.shared, Settings())
    examples = [ex for found in by_set.values() for ex in found]
    fit = choose_and_fit(examples)
    counts = {name: (len(f), sum(ex.right for ex in f)) for name, f in by_set.items()}
    args.out.write_text(render_weights(fit, counts), encoding="utf-8")
    print("\n".join(fit.notes))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
