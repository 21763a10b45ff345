"""Confidence of a coded mention: how far the rules that made it are to be trusted.

The value starts from the strength of the role rule that found the two sides (roles.py:
a subject and an object of the trigger's own clause are surer than the nearest country of
the sentence or the article's parties) and is lowered for constructions whose type or
sides are often wrong. The steps were measured on the development half of the PLOVER GSR
and the sample corpus (precision per construction), never on the test half:

* a nominal trigger ("the talks", "an offensive") names an act more loosely than a verb;
* an act embedded under another act of the same sentence ("demanded a meeting to
  discuss", "denounced the suppression of unrest") is usually the object or the purpose
  of the reported act, not the news; the governing act is;
* an act converted from what was planned or promised (AGREE from "will visit") has its
  type by rule, not by lexicon;
* an act with only one side a state is no dyad and stays below one half;
* a trigger of the lower tier (the CAMEO verb dictionary, cameo_verbs.tsv) is capped
  below the 0.8 of a trusted mention: its rows were derived, not written for bilat, and
  on the PLOVER development half they are right far less often than the team's rows.

A tight clause (subject and object both named states, of the trigger's own verb) keeps its
strength: this is the construction whose precision stays high on every set.
"""

from __future__ import annotations

from collections.abc import Collection

from bilat.events.roles import Roles
from bilat.events.syntax import DepTree
from bilat.events.triggers import CAMEO_TIER, Trigger

NOUN_PENALTY = 0.1
CONVERTED_PENALTY = 0.1
EMBEDDED_PENALTY = 0.3
ONE_SIDED_CAP = 0.5
DICTIONARY_CAP = 0.6
FLOOR, CEILING = 0.05, 0.95
# How many links up an embedding act is looked for: a clause or two, not the whole tree.
_EMBED_DEPTH = 6
# Coordination makes two acts of one rank ("defended X and insisted Y"): no embedding.
_COORDINATE_DEPS = frozenset({"conj", "cc", "parataxis"})


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


def score_confidence(roles: Roles, trigger: Trigger, converted: bool, embedded: bool) -> float:
    """The mention's confidence in [0.05, 0.95], two decimals."""
    value = roles.strength
    if trigger.rule.noun:
        value -= NOUN_PENALTY
    if converted:
        value -= CONVERTED_PENALTY
    if embedded:
        value -= EMBEDDED_PENALTY
    if trigger.rule.tier == CAMEO_TIER:
        value = min(value, DICTIONARY_CAP)
    actor, recipient = roles.countries()
    if not (actor and recipient):
        value = min(value, ONE_SIDED_CAP)
    return round(max(FLOOR, min(CEILING, value)), 2)
