"""Fit the learned event-type fallback (events/data/learned_weights.tsv) on development data.

    python -m bilat.eval.build_learned ../shared [--out PATH] [--evaluate]

Training sentences, development material only (never a test half): our own set's dev half
(examples/coding), the PLOVER GSR dev half, the PETR-2 GSR dev half (the first expected CAMEO
code's PLOVER type by codebook.tsv; a record expecting no event is NONE) and the `example`
column of the CAMEO codebook table (eval-data/cameo-codebook, MIT; root 01 statements are
NONE). Each is parsed by the pipeline's parser and turned into `learned.extract_features`.
A multinomial logistic regression with an L2 penalty is fitted by full-batch Adam (numpy, no
randomness: the same data give the same table); the penalty is chosen by grouped 5-fold
cross-validation on log loss, and the probability threshold by the out-of-fold predictions
on the training sentences the rules code nothing in: the threshold whose right guesses most
exceed twice its wrong ones (precise first: a guess must be right two times in three at the
margin to be worth making). `--evaluate` also codes the development sets with fold models
(each record by the model that did not see it) and prints the scores with and without.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bilat.config import Settings
from bilat.errors import CodingError
from bilat.eval.loaders import hash_bucket
from bilat.events.codebook import lookup_cameo
from bilat.events.coder import RulesCoder
from bilat.events.learned import (
    CLASSES,
    NONE,
    WEIGHTS_FILE,
    LearnedModel,
    load_model,
    render_model,
)
from bilat.events.learned import extract_features as sentence_features
from bilat.events.syntax import DepTree
from bilat.models import Article, Mention

CODEBOOK_FILE = "eval-data/cameo-codebook/cameo-codes.utf8.csv"
PENALTIES = (0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(13))  # 0.30 ... 0.90
# What a wrong fallback guess costs, in right ones: 1 would take any threshold whose
# marginal guesses are right half the time; the record is meant to be precise first.
WRONG_COST = 2
FOLDS = 5
MIN_COUNT = 2  # a feature seen once says nothing a fold could check
STEPS, RATE = 300, 0.1
# Weights below this are left out of the table: a tenth of the size, the same guesses (CV).
PRUNE = 0.1
Matrix = npt.NDArray[np.float64]


# The shipped table the coder reads (events/data), which this module refits.
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "events" / "data" / WEIGHTS_FILE


@dataclass(frozen=True, slots=True)
class Example:
    """One training sentence (record): features, gold class, and whether the rules alone
    code no mention in it (the sentences the fallback is for)."""

    record: str
    source: str
    features: tuple[str, ...]
    label: str
    silent: bool


def fold_of(record: str, folds: int = FOLDS) -> int:
    """The record's cross-validation fold: fixed by its id, never by chance."""
    return hash_bucket(record, folds)


def plover_of(code: str) -> str:
    """The PLOVER type of a CAMEO code (its nearest listed ancestor), or NONE."""
    for n in range(len(code), 1, -1):
        try:
            return lookup_cameo(code[:n]).plover_event or NONE
        except CodingError:
            continue
    return NONE


def iter_sources(shared: Path) -> Iterator[tuple[str, Article, str]]:
    """(source, article, gold class) of every training sentence."""
    # imported here: the eval package reads the gold sets; the coder never needs it
    from bilat.eval.loaders import load_own, load_petr2, load_plover
    from bilat.eval.own import own_article
    from bilat.eval.suite import cameo_article, plover_article

    for own in load_own(half="dev"):
        yield "own-dev", own_article(own), own.event or NONE
    for rec in load_plover(shared, "dev"):
        yield "plover-dev", plover_article(rec), rec.event
    for cameo in load_petr2(shared, "dev"):
        label = NONE if cameo.expect_no_events else plover_of(cameo.expected[0].code)
        yield "petr2-dev", cameo_article(cameo), label
    for n, row in enumerate(iter_codebook_examples(shared / CODEBOOK_FILE)):
        code, text = row
        yield (
            "cameo-codebook",
            Article(id=f"cameo-{code}-{n}", text=text, language="en"),
            (plover_of(code)),
        )


def iter_codebook_examples(path: Path) -> Iterator[tuple[str, str]]:
    """(code, example sentence) of the codebook rows that give one."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (row.get("example") or "").strip()
            if text and text != "NA":
                yield row["code"].strip(), text


def collect(shared: Path, settings: Settings, progress: bool = False) -> list[Example]:
    """Parse and featurise every training sentence; code it with the rules alone."""
    from bilat.pipeline import make_stages

    rules = RulesCoder(settings.events.model_copy(update={"learned_fallback": False}))
    stages = make_stages(settings, coder=rules)
    out = []
    for source, article, label in iter_sources(shared):
        doc, actors = stages.analyse(article)
        tree = DepTree(doc)
        features = [f for s in doc.sentences for f in sentence_features(tree, s)]
        silent = not rules.code(article, doc, actors)
        out.append(Example(article.id, source, tuple(dict.fromkeys(features)), label, silent))
        if progress and len(out) % 100 == 0:
            print(f"  {len(out)} sentences parsed")
    return out


def build_matrix(examples: Sequence[Example], vocab: Sequence[str]) -> tuple[Matrix, Matrix]:
    index = {name: k for k, name in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)))
    y = np.zeros((len(examples), len(CLASSES)))
    for row, ex in enumerate(examples):
        for f in ex.features:
            if f in index:
                x[row, index[f]] = 1.0
        y[row, CLASSES.index(ex.label)] = 1.0
    return x, y


def softmax(z: Matrix) -> Matrix:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    out: Matrix = e / e.sum(axis=1, keepdims=True)
    return out


def fit_model(examples: Sequence[Example], penalty: float, threshold: float = 0.5) -> LearnedModel:
    """Multinomial logistic regression, L2 `penalty` on the summed log loss; Adam, fixed
    steps from zero weights (deterministic). Weights are rounded to 2 decimals and those
    under PRUNE dropped."""
    counts = Counter(f for ex in examples for f in ex.features)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    x, y = build_matrix(examples, vocab)
    n = max(len(examples), 1)
    w, b = np.zeros((len(vocab), len(CLASSES))), np.zeros(len(CLASSES))
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, STEPS + 1):
        residual = softmax(x @ w + b) - y
        grads = (x.T @ residual / n + penalty * w / n, residual.mean(axis=0))
        for k, (param, grad) in enumerate(zip((w, b), grads, strict=True)):
            m, v = moments[2 * k], moments[2 * k + 1]
            m[:] = 0.9 * m + 0.1 * grad
            v[:] = 0.999 * v + 0.001 * grad**2
            param -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    kept = np.where(np.abs(w) >= PRUNE, np.around(w, 2), 0.0)
    weights = {
        name: tuple(float(v) for v in row)
        for name, row in zip(vocab, kept, strict=True)
        if row.any()
    }
    return LearnedModel(weights, tuple(float(round(v, 2)) for v in b), threshold, penalty)


def fit_folds(
    examples: Sequence[Example], penalty: float, threshold: float = 0.5
) -> dict[int, LearnedModel]:
    """One model per fold, fitted on the other folds' examples."""
    return {
        k: fit_model([e for e in examples if fold_of(e.record) != k], penalty, threshold)
        for k in range(FOLDS)
    }


def out_of_fold(
    examples: Sequence[Example], models: dict[int, LearnedModel]
) -> list[tuple[str, float]]:
    found = [models[fold_of(e.record)].predict(e.features) for e in examples]
    return [(p.event, p.probability) for p in found]


def log_loss(examples: Sequence[Example], models: dict[int, LearnedModel]) -> float:
    """Mean out-of-fold log loss of the gold class."""
    total = 0.0
    for e in examples:
        model = models[fold_of(e.record)]
        scores = np.array(model.bias, dtype=float)
        for f in set(e.features):
            if f in model.weights:
                scores += np.array(model.weights[f])
        p = softmax(scores[None, :])[0]
        total -= float(np.log(max(p[CLASSES.index(e.label)], 1e-9)))
    return total / max(len(examples), 1)


def choose_threshold(
    examples: Sequence[Example], predicted: Sequence[tuple[str, float]]
) -> tuple[float, float, list[str]]:
    """The threshold with the most right guesses less WRONG_COST times the wrong ones (a wrong
    type, or a type on a sentence with no event) on the training sentences the rules code
    nothing in; the highest on ties (fewer guesses). The development halves' silent sentences
    are mostly no-events (the rules were tuned on them), the codebook's mostly acts the
    lexicon lacks: together they stand for the unseen wording the fallback is for. Returns
    the threshold, the share of its guesses that were right, and a note line per threshold
    tried."""
    pool = [(e, p) for e, p in zip(examples, predicted, strict=True) if e.silent]
    notes, best = [], (float("-inf"), 1.0, 1.0)
    for t in THRESHOLDS:
        taken = [(e, cls) for e, (cls, prob) in pool if cls != NONE and prob >= t]
        right = sum(cls == e.label for e, cls in taken)
        on_none = sum(e.label == NONE for e, _ in taken)
        notes.append(
            f"threshold {t}: {len(taken)} guesses on {len(pool)} silent, {right} right,"
            f" {on_none} on no-event sentences"
        )
        gain = right - WRONG_COST * (len(taken) - right)
        if gain >= best[0]:
            best = (gain, t, round(right / len(taken), 3) if taken else 1.0)
    return best[1], best[2], notes


def evaluate(
    shared: Path, settings: Settings, models: dict[int, LearnedModel] | None
) -> list[tuple[str, str, float | None, int]]:
    """(set, measure, value, n) of the development sets coded with each record's fold
    model (`models` None: the rules alone), scored as `bilat eval-suite` scores them."""
    from bilat.eval.loaders import load_own, load_petr2, load_plover
    from bilat.eval.own import own_article, score_own
    from bilat.eval.suite import (
        cameo_article,
        plover_article,
        score_petr2,
        score_plover,
    )
    from bilat.pipeline import Coded, Stages, code_article, make_stages

    events = settings.events.model_copy(update={"learned_fallback": False})
    base = make_stages(settings, coder=RulesCoder(events))
    by_fold = {
        k: Stages(base.parser, base.resolver, RulesCoder(events, m))
        for k, m in (models or {}).items()
    }

    def code(article: Article) -> list[Mention]:
        stages = by_fold.get(fold_of(article.id), base) if models else base
        coded = code_article(settings, article, stages)
        return coded.mentions if isinstance(coded, Coded) else []

    own = load_own(half="dev")
    plover = load_plover(shared, "dev")
    petr2 = load_petr2(shared, "dev")
    scores = score_own("own-dev", own, {r.id: code(own_article(r)) for r in own})[0]
    scores += score_plover("plover-dev", plover, {r.id: code(plover_article(r)) for r in plover})[0]
    scores += score_petr2(petr2, {r.id: code(cameo_article(r)) for r in petr2}, "petr2-dev")
    return [(s.set, s.measure, s.value, s.n) for s in scores]


def fit_fold_models(shared: Path, settings: Settings) -> dict[int, LearnedModel]:
    """The shipped model's fold models (its penalty and threshold, each fitted without one
    fold): what fit_confidence codes each training record with, so that the learned
    mentions it learns from are out of fold, as on new text."""
    shipped = load_model()
    return fit_folds(collect(shared, settings), shipped.penalty, shipped.threshold)


def describe(examples: Sequence[Example]) -> str:
    by_source = Counter(e.source for e in examples)
    return ", ".join(f"{name} {n}" for name, n in sorted(by_source.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("shared", type=Path, help="the ../shared folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--evaluate", action="store_true", help="score the dev sets by CV")
    args = parser.parse_args(argv)
    settings = Settings()
    examples = collect(args.shared, settings, progress=True)
    trials = {pen: fit_folds(examples, pen) for pen in PENALTIES}
    losses = {pen: log_loss(examples, models) for pen, models in trials.items()}
    penalty = min(PENALTIES, key=lambda pen: (losses[pen], pen))
    threshold, precision, notes = choose_threshold(examples, out_of_fold(examples, trials[penalty]))
    model = replace(fit_model(examples, penalty, threshold), precision=precision)
    note = [
        f"Made by `python -m bilat.eval.build_learned ../shared` on {dt.date.today()}.",
        f"Training sentences (development halves only): {describe(examples)}.",
        "Sources: examples/coding (CC0); PLOVER GSR dev half (CC BY-SA 4.0); PETR-2 GSR dev",
        "half (MIT); CAMEO codebook examples of the icews R package (MIT). Derived weights,",
        "no sentence: this table is CC BY-SA 4.0 as the PLOVER GSR it adapts.",
        f"Multinomial logistic regression over {len(model.weights)} features x"
        f" {len(CLASSES)} classes; {FOLDS}-fold grouped CV log loss:",
        *(f"  l2={pen}: {loss:.4f}" for pen, loss in losses.items()),
        f"Chosen l2={penalty}; threshold {threshold}, precision {precision} (out of fold, on"
        " the rule-silent training sentences):",
        *(f"  {line}" for line in notes),
    ]
    args.out.write_text(render_model(model, note), encoding="utf-8")
    print("\n".join(note))
    print(f"wrote {args.out}")
    if args.evaluate:
        folds = {k: replace(m, threshold=threshold) for k, m in trials[penalty].items()}
        before = evaluate(args.shared, settings, None)
        after = evaluate(args.shared, settings, folds)
        for (name, measure, old, n), (_, _, new, _) in zip(before, after, strict=True):
            print(f"{name:11} {measure:24} rules {old}  +learned (CV) {new}  n {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
