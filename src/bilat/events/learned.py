"""A learned event-type fallback: a multinomial logistic model over a sentence's parse.

The rules coder is precise but silent wherever its lexicon has no trigger. For such a
sentence this model reads sparse features of the parse (the lemmas of the main predicates,
of their objects and prepositional objects, predicate-object pairs, negation and modal
cues, the bag of content lemmas) and predicts one of the 16 PLOVER types or NONE with a
probability. When the type clears the model's threshold (chosen by cross-validation when it
was fitted), `find_fallback` makes a Trigger on the predicate that speaks most for that type,
marked tier "learned", and the coder's own role, date and figure rules do the rest.

The weights are package data (data/learned_weights.tsv), refitted deterministically by
`python -m bilat.eval.build_learned ../shared` from development halves only.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bilat.errors import CodingError
from bilat.events.codebook import default_cameo
from bilat.events.cues import NEGATORS, SPEECH_VERBS
from bilat.events.spans import PlacedSpan
from bilat.events.syntax import DepTree
from bilat.events.triggers import Trigger, TriggerRule
from bilat.models import PLOVER_EVENTS, Sentence

LEARNED_TIER = "learned"
WEIGHTS_FILE = "learned_weights.tsv"
NONE = "NONE"
CLASSES: tuple[str, ...] = (*sorted(PLOVER_EVENTS), NONE)
THRESHOLD_ROW = "@threshold"  # the table's row holding the fitted probability threshold
PENALTY_ROW = "@l2"  # the penalty it was fitted with, for refitting its fold models
PRECISION_ROW = "@precision"  # the share of its guesses that were right, out of fold
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
PREDICATE_POS = frozenset({"VERB", "NOUN"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "attr", "oprd", "nsubjpass"})
PREP_DEPS = frozenset({"prep", "obl", "nmod", "agent"})
# Links from a predicate to the acts it frames: "agreed to provide", "said it would send".
FRAMED_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl"})
MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "must"})
MODALS_ES = frozenset({"poder", "deber", "ir"})
# Verbs whose subject receives what the act gives ("Cuba received aid from Russia").
RECEIVING = frozenset({"receive", "obtain", "get", "accept", "recibir", "obtener", "aceptar"})
_FRAME_DEPTH = 2
# Types whose wording is negated ("refused", "would not allow"): a negated predicate is the act.
REFUSALS = frozenset({"REJECT"})


@dataclass(frozen=True, slots=True)
class Prediction:
    event: str  # a PLOVER type or NONE
    probability: float


@dataclass(frozen=True)
class LearnedModel:
    """Weights by feature (one per class, in CLASSES order), the classes' biases, the
    probability a type needs to be coded, the L2 penalty of the fit and the precision its
    guesses above the threshold had out of fold (a learned mention's confidence is capped
    there: it is no likelier right than its type)."""

    weights: Mapping[str, Sequence[float]]
    bias: Sequence[float]
    threshold: float
    penalty: float = 0.0
    precision: float = 1.0

    def predict(self, features: Iterable[str]) -> Prediction:
        """The most probable class and its softmax probability."""
        probs = self.probabilities(features)
        best = max(CLASSES, key=lambda cls: probs[cls])
        return Prediction(best, probs[best])

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """The softmax probability of every class (CLASSES order)."""
        scores = list(self.bias)
        for name in set(features):
            row = self.weights.get(name)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {cls: e / total for cls, e in zip(CLASSES, exps, strict=True)}

    def weight(self, feature: str, event: str) -> float:
        row = self.weights.get(feature)
        return row[CLASSES.index(event)] if row is not None else 0.0


def find_predicates(tree: DepTree, sent: Sentence) -> list[int]:
    """The sentence's main predicates: its roots and, a link or two down, the acts they
    frame (the clause of a speech verb, "agreed to provide", coordinated verbs)."""
    inside = range(sent.token_start, sent.token_end)
    frontier = [i for i in inside if tree.tokens[i].head == i]
    found: list[int] = []
    for _ in range(_FRAME_DEPTH + 1):
        nxt: list[int] = []
        for i in frontier:
            if i in found:
                continue
            found.append(i)
            nxt += [c for c in tree.kids_with(i, FRAMED_DEPS) if tree.tokens[c].pos == "VERB"]
        frontier = nxt
    return [i for i in found if tree.tokens[i].pos in PREDICATE_POS]


def _cues(tree: DepTree, i: int) -> list[str]:
    out = []
    for c in tree.children(i):
        tok, lemma = tree.tokens[c], tree.lemma(c)
        if tok.dep == "neg" or (lemma in NEGATORS and tok.dep in ("advmod", "neg")):
            out.append("neg")
        elif tok.dep.startswith("aux") and (lemma in MODALS or lemma in MODALS_ES):
            out.append(f"modal:{lemma}")
    if "Tense=Fut" in tree.tokens[i].morph:
        out.append("modal:future")
    if tree.is_passive(i):
        out.append("passive")
    return out


def extract_features(tree: DepTree, sent: Sentence) -> list[str]:
    """The sentence's feature names (duplicates removed, in a fixed order)."""
    feats: list[str] = []
    for i in range(sent.token_start, sent.token_end):
        tok = tree.tokens[i]
        if tok.pos in CONTENT_POS and tok.lemma.isalpha():
            feats.append(f"w:{tree.lemma(i)}")
    for i in find_predicates(tree, sent):
        pred = tree.lemma(i)
        framed = tree.tokens[i].dep in FRAMED_DEPS
        feats.append(f"p:{pred}")
        if framed and tree.lemma(tree.tokens[i].head) in SPEECH_VERBS:
            feats.append("reported")
        cues = _cues(tree, i)
        feats += cues + [f"p:{pred}|{c}" for c in cues]
        for c in tree.children(i):
            dep, lemma = tree.tokens[c].dep, tree.lemma(c)
            if dep in OBJECT_DEPS:
                feats += [f"o:{lemma}", f"po:{pred}|{lemma}"]
            elif dep in PREP_DEPS:
                prep = tree.preposition_of(c) or lemma
                nouns = [k for k in tree.children(c) if tree.tokens[k].pos in CONTENT_POS]
                noun = tree.lemma(nouns[0]) if dep == "prep" and nouns else lemma
                feats += [f"pp:{pred}|{prep}", f"o:{noun}", f"po:{pred}|{noun}"]
    return list(dict.fromkeys(feats))


def choose_token(tree: DepTree, sent: Sentence, model: LearnedModel, event: str) -> int | None:
    """The predicate that speaks most for `event` (its own lemma's weight), preferring one
    that is no speech verb: the trigger the coder's roles are read from."""
    preds = find_predicates(tree, sent)
    if not preds:
        return None

    def rank(i: int) -> tuple[bool, float]:
        return tree.lemma(i) not in SPEECH_VERBS, model.weight(f"p:{tree.lemma(i)}", event)

    return max(preds, key=rank)


def has_party(placed: Sequence[PlacedSpan], sent: Sentence) -> bool:
    """Whether the sentence names a state party at all (else no act between states)."""
    return any(p.span.country and sent.start <= p.span.start < sent.end for p in placed)


def find_fallback(
    tree: DepTree,
    sent: Sentence,
    language: str,
    placed: Sequence[PlacedSpan],
    model: LearnedModel,
) -> Trigger | None:
    """A learned Trigger for a sentence the rules found none in, or None when the model
    predicts no event or is not sure enough."""
    if not has_party(placed, sent):
        return None
    found = model.predict(extract_features(tree, sent))
    if found.event == NONE or found.probability < model.threshold:
        return None
    i = choose_token(tree, sent, model, found.event)
    if i is None:
        return None
    tok = tree.tokens[i]
    rule_cameo = default_cameo(found.event).code
    rule = TriggerRule(
        language=language,
        lemma=tree.lemma(i),
        noun=tok.pos != "VERB",
        objects=frozenset(),
        event=found.event,
        mode=None,
        cameo=rule_cameo,
        reverse=tree.lemma(i) in RECEIVING,
        notes=f"learned p={found.probability:.2f}",
        tier=LEARNED_TIER,
        # the model read the negation already: "would not give permission" is its REJECT,
        # which the coder's negation rules must not turn into no event
        negated=((frozenset(), found.event, rule_cameo),) if found.event in REFUSALS else (),
    )
    return Trigger(i, rule)


def parse_model(text: str, source: str = WEIGHTS_FILE) -> LearnedModel:
    """A model from `feature<TAB>class<TAB>weight` rows ('#' lines are the note; "bias"
    holds the classes' biases, "@threshold", "@l2" and "@precision" the model's); CodingError
    naming the row when a class is unknown or a weight no number."""
    weights: dict[str, list[float]] = {}
    threshold: float | None = None
    meta = {PENALTY_ROW: 0.0, PRECISION_ROW: 1.0}
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for n, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if row == ["feature", "class", "weight"]:
            continue
        if len(row) != 3:
            raise CodingError(f"{source}: row {n} {row!r} needs feature, class and weight")
        name, cls, raw = row
        try:
            value = float(raw)
        except ValueError:
            raise CodingError(f"{source}: row {n}: weight {raw!r} is no number") from None
        if name == THRESHOLD_ROW:
            threshold = value
            continue
        if name in meta:
            meta[name] = value
            continue
        if cls not in CLASSES:
            raise CodingError(f"{source}: row {n}: class {cls!r} is no PLOVER type or NONE")
        weights.setdefault(name, [0.0] * len(CLASSES))[CLASSES.index(cls)] = value
    bias = weights.pop("bias", None)
    if bias is None or threshold is None:
        raise CodingError(f"{source}: no bias or {THRESHOLD_ROW} row; refit with build_learned")
    rows = {k: tuple(v) for k, v in weights.items()}
    return LearnedModel(rows, tuple(bias), threshold, meta[PENALTY_ROW], meta[PRECISION_ROW])


def render_model(model: LearnedModel, note: Sequence[str]) -> str:
    """The table for `model`: the note as '#' lines, then the rows (zero weights left out)."""
    rows = [f"# {line}" for line in note] + ["feature\tclass\tweight"]
    rows.append(f"{THRESHOLD_ROW}\t*\t{model.threshold}")
    rows.append(f"{PENALTY_ROW}\t*\t{model.penalty}")
    rows.append(f"{PRECISION_ROW}\t*\t{model.precision}")
    table = {"bias": model.bias, **model.weights}
    for name in sorted(table, key=lambda k: (k != "bias", k)):
        for cls, w in zip(CLASSES, table[name], strict=True):
            if w != 0.0:
                rows.append(f"{name}\t{cls}\t{w}")
    return "\n".join(rows) + "\n"


@cache
def load_model() -> LearnedModel:
    """The shipped model (package data)."""
    text = resources.files("bilat.events").joinpath("data", WEIGHTS_FILE).read_text("utf-8")
    return parse_model(text)
