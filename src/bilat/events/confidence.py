"""Confidence of a coded mention: a small logistic model over facts the coder already knows.

The value is the probability, by a logistic regression, that the mention's PLOVER type (and,
for a state-to-state mention, its directed dyad) agrees with a human coder's. Its features
are what the rules saw while coding: how the two sides were found (roles.py: a subject and
an object of the trigger's own clause, a split coordinated subject, the nearest country of
the sentence, the article's parties...), the trigger (noun or verb, tier of the lexicon
or the learned fallback, with or without an object list, direction), the construction
(passive, reported speech, an act embedded under another act, a plan converted into AGREE),
the sides (states, persons, groups; both named countries; one country on both sides), the
event type, the sentence's length, and whether the learned model (learned.py) reading the
same sentence agrees with a rule-found type (its probability of the type, whether the type
is its first guess, whether that guess is no event). The weights are package data
(data/confidence_weights.tsv), fitted by `python -m bilat.eval.fit_confidence ../shared` on
the PLOVER GSR development half and our own set's development half only; the file's header
says how and when.

`record_features` lets the fitting script see the features of every mention scored while it
is active: the coder itself is unchanged by it.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bilat.errors import CodingError
from bilat.events import cues
from bilat.events.learned import CLASSES, LEARNED_TIER, NONE, LearnedModel, load_model
from bilat.events.learned import extract_features as sentence_features
from bilat.events.roles import STRENGTH, Roles
from bilat.events.syntax import DepTree
from bilat.events.triggers import CAMEO_TIER, USER_TIER, Trigger
from bilat.models import PLOVER_EVENTS, ActorSpan, Sentence

WEIGHTS_FILE = "confidence_weights.tsv"
FLOOR, CEILING = 0.05, 0.95
BIAS = "bias"
# How many links up an embedding act is looked for: a clause or two, not the whole tree.
_EMBED_DEPTH = 6
# Coordination makes two acts of one rank ("defended X and insisted Y"): no embedding.
_COORDINATE_DEPS = frozenset({"conj", "cc", "parataxis"})
# How far up a speech verb is looked for ("X said that Y had agreed to ..."): one clause.
_SPEECH_DEPTH = 3
LONG_SENTENCE = 40  # tokens: longer sentences hold more acts and more parties to confuse
GROUP_KINDS = frozenset({"organization", "group", "igo"})

FEATURES: tuple[str, ...] = (
    BIAS,
    *(f"how:{how}" for how in STRENGTH),
    "noun",
    "objects",
    "tier:cameo",
    "tier:user",
    "tier:learned",
    "reverse",
    "mutual",
    "converted",
    "embedded",
    "passive",
    "reported",
    "long",
    "both_countries",
    "same_country",
    "compound",
    "actor:state",
    "actor:person",
    "actor:group",
    "recipient:state",
    "recipient:person",
    "recipient:group",
    "demonym",
    *(f"event:{e}" for e in sorted(PLOVER_EVENTS)),
)
# The learned model's view of a rule-found type: its probability, whether it is the model's
# first guess, whether that guess is no event. Two coders that disagree are wrong more often.
AGREEMENT: tuple[str, ...] = ("learned:p", "learned:agree", "learned:none", "learned:rival")
FEATURES += AGREEMENT


@dataclass(frozen=True, slots=True)
class Observed:
    """The features of one scored mention, for the fitting script: its trigger's character
    offset identifies the mention the coder kept."""

    trigger_start: int
    event: str
    features: dict[str, float]


_RECORDED: ContextVar[list[Observed] | None] = ContextVar("confidence_features", default=None)
# The learned model that judges agreement, when it must not be the shipped one: the fitting
# script sets each record's fold model, which did not see that record.
_JUDGE: ContextVar[LearnedModel | None] = ContextVar("agreement_model", default=None)


def is_embedded(tree: DepTree, i: int, others: Collection[int]) -> bool:
    """Whether token i hangs, within a few links, under another trigger of its sentence.

    Coordinated verbs are of one rank: a `conj` link is climbed but its head does not
    count, so "met and signed" embeds neither act."""
    cur = i
    for _ in range(_EMBED_DEPTH):
        tok = tree.tokens[cur]
        if tok.head == cur:
            return False
        coordinate = tok.dep in _COORDINATE_DEPS
        cur = tok.head
        if not coordinate and cur != i and cur in others:
            return True
    return False


def is_reported(tree: DepTree, i: int) -> bool:
    """Whether token i is told in the clause of a speech verb ("Moscow said it would ...")."""
    cur = i
    for _ in range(_SPEECH_DEPTH):
        tok = tree.tokens[cur]
        if tok.head == cur:
            return False
        cur = tok.head
        if tree.lemma(cur) in cues.SPEECH_VERBS and tree.tokens[cur].pos in ("VERB", "AUX"):
            return True
    return False


def find_agreement(
    tree: DepTree, sentence: Sentence, event: str, model: LearnedModel
) -> dict[str, float]:
    """The agreement features (AGREEMENT) of a rule-found `event` in `sentence`."""
    probs = model.probabilities(sentence_features(tree, sentence))
    first = max(CLASSES, key=lambda cls: probs[cls])
    return {
        "learned:p": round(probs.get(event, 0.0), 3),
        "learned:agree": float(first == event),
        "learned:none": float(first == NONE),
        "learned:rival": round(max(p for cls, p in probs.items() if cls not in (event, NONE)), 3),
    }


def _side_features(name: str, side: tuple[ActorSpan, ...]) -> dict[str, float]:
    kinds = {s.kind for s in side}
    return {
        f"{name}:state": float(bool(side) and kinds == {"state"}),
        f"{name}:person": float("person" in kinds),
        f"{name}:group": float(bool(kinds & GROUP_KINDS)),
    }


def extract_features(
    roles: Roles,
    trigger: Trigger,
    converted: bool,
    embedded: bool,
    tree: DepTree | None = None,
    sentence: Sentence | None = None,
    event: str | None = None,
) -> dict[str, float]:
    """The mention's features (names of FEATURES, 0/1 values); without the tree, the
    constructions read from it (passive, reported speech) count as absent."""
    rule = trigger.rule
    actor, recipient = roles.countries()
    values = {
        BIAS: 1.0,
        f"how:{roles.how}": 1.0,
        "noun": float(rule.noun),
        "objects": float(bool(rule.objects)),
        "tier:cameo": float(rule.tier == CAMEO_TIER),
        "tier:user": float(rule.tier == USER_TIER),
        "tier:learned": float(rule.tier == LEARNED_TIER),
        "reverse": float(rule.reverse),
        "mutual": float(rule.mutual),
        "converted": float(converted),
        "embedded": float(embedded),
        "both_countries": float(bool(actor and recipient)),
        "same_country": float(bool(actor) and actor == recipient),
        "compound": float(len(roles.actor) > 1 or len(roles.recipient) > 1),
        "demonym": float(any(s.via == "demonym" for s in roles.actor + roles.recipient)),
        f"event:{event or rule.event}": 1.0,
        **_side_features("actor", roles.actor),
        **_side_features("recipient", roles.recipient),
    }
    if tree is not None:
        values["passive"] = float(tree.is_passive(trigger.token))
        values["reported"] = float(is_reported(tree, trigger.token))
    if sentence is not None:
        values["long"] = float(sentence.token_end - sentence.token_start > LONG_SENTENCE)
    if tree is not None and sentence is not None and rule.tier != LEARNED_TIER:
        # a learned mention's type is the model's own first guess: agreement says nothing
        judge = _JUDGE.get() or load_model()
        values |= find_agreement(tree, sentence, event or rule.event, judge)
    return {k: v for k, v in values.items() if v and k in _KNOWN}


_KNOWN = frozenset(FEATURES)


def parse_weights(text: str, source: str = WEIGHTS_FILE) -> dict[str, float]:
    """Weights from `feature<TAB>weight` lines ('#' lines are the file's note); CodingError
    naming the line when a feature is unknown or a weight is no number."""
    weights: dict[str, float] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
            continue
        name, _, raw = line.partition("\t")
        try:
            weight = float(raw)
        except ValueError:
            raise CodingError(f"{source}:{n}: weight {raw!r} of {name!r} is no number") from None
        if name not in _KNOWN:
            raise CodingError(f"{source}:{n}: unknown feature {name!r}; known: see FEATURES")
        weights[name] = weight
    if BIAS not in weights:
        raise CodingError(f"{source}: no {BIAS!r} row; refit with bilat.eval.fit_confidence")
    return weights


@cache
def load_weights() -> dict[str, float]:
    """The shipped weights (package data)."""
    text = resources.files("bilat.events").joinpath("data", WEIGHTS_FILE).read_text("utf-8")
    return parse_weights(text)


def predict(features: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The logistic model's probability for these features."""
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def score_confidence(
    roles: Roles,
    trigger: Trigger,
    converted: bool,
    embedded: bool,
    tree: DepTree | None = None,
    sentence: Sentence | None = None,
    event: str | None = None,
    weights: Mapping[str, float] | None = None,
) -> float:
    """The mention's confidence in [0.05, 0.95], two decimals: the fitted probability
    that its type (and dyad) are right; for a learned trigger, at most the learned model's
    out-of-fold precision."""
    features = extract_features(roles, trigger, converted, embedded, tree, sentence, event)
    recorded = _RECORDED.get()
    if recorded is not None:
        start = tree.tokens[trigger.token].start if tree is not None else trigger.token
        recorded.append(Observed(start, event or trigger.rule.event, features))
    value = predict(features, load_weights() if weights is None else weights)
    if trigger.rule.tier == LEARNED_TIER:
        # a learned mention is no likelier right than its type: the shipped model's guesses
        # were right this often out of fold
        value = min(value, load_model().precision)
    return round(max(FLOOR, min(CEILING, value)), 2)


@contextmanager
def judge_agreement_with(model: LearnedModel) -> Iterator[None]:
    """Inside the block, agreement is judged by `model` instead of the shipped one."""
    token = _JUDGE.set(model)
    try:
        yield
    finally:
        _JUDGE.reset(token)


@contextmanager
def record_features() -> Iterator[list[Observed]]:
    """Collect the features of every mention scored inside the block (for fitting)."""
    found: list[Observed] = []
    token = _RECORDED.set(found)
    try:
        yield found
    finally:
        _RECORDED.reset(token)
