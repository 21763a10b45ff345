"""Acts called off: a meeting or deal cancelled is a cut in relations, never the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bilat.events import cues
from bilat.events.implied_roles import OWNER_DEPS
from bilat.events.spans import TOWARDS, PlacedSpan, Roles, countries_of
from bilat.events.syntax import DepTree

if TYPE_CHECKING:  # triggers.py is imported by subsumed.py, which calls this module
    from bilat.events.triggers import Trigger

# Verbs whose object is an act that will now not happen ("cancelled a planned visit").
CANCELLING = frozenset({"cancel", "postpone", "scrap", "shelve", "abandon", "delay"})
CANCELLING_ES = frozenset({"cancelar", "aplazar", "posponer", "suspender"})
# Particle verbs that cancel: "called off a visit", "put off the talks".
CANCELLING_PARTICLES = frozenset({("call", "off"), ("put", "off")})
# Acts that a cancellation undoes before they happen: coded neither as done nor as intended.
CANCELLED_EVENTS = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID"})
# "called off a visit" is what "cancelled a visit" is: CAMEO 160, reduce relations
CANCEL_EVENT, CANCEL_CAMEO = "SANCTION", "160"
# What a cancelling verb undoes hangs under these: its object ("cancelled a visit"), its
# passive subject ("the visit was cancelled"), a verb complement ("postponed meeting him").
# Its subject, an adverbial clause ("after Russia agreed ...") or a relative clause on the
# subject ("Russia, which signed a deal, cancelled ...") tell acts that did happen.
UNDONE_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass", "xcomp"})
# Phrases on the act called off that name its doer ("a visit by X", "the visit of X", "X's
# visit": the agent prepositions and possessors a noun act's owner takes) and its other
# party ("a visit to Y", "talks with Y": the phrases that point at a noun act's target).
DOER_PREPOSITIONS = cues.AGENT_PREPOSITIONS | {"del"}
OTHER_PREPOSITIONS = TOWARDS


def drop_cancelled(tree: DepTree, triggers: list[Trigger]) -> list[Trigger]:
    """Without the cooperative acts that a cancelling verb of the sentence has as its object
    (or in a clause on its object: "cancelled a trip to Beijing, where he was to meet Chinese
    leaders"); a particle verb ("called off a planned visit") that cancels one is itself the
    act, coded as "cancelled a visit" is (SANCTION 160), not as what "call off" codes alone
    (calling off a strike, CONCEDE)."""
    if not triggers:
        return triggers
    cancelled: dict[int, Trigger] = {}  # token of the cancelling verb -> an act it undoes
    dropped: set[int] = set()
    for verb in _iter_cancelling(tree, triggers):
        inside = _undone(tree, verb)
        for t in triggers:
            if t.token == verb or t.rule.event not in CANCELLED_EVENTS or t.token not in inside:
                continue
            if is_coordinated_clause(tree, t.token, verb):
                continue  # "cancelled talks and visited Korea": the visit took place
            dropped.add(t.token)
            cancelled.setdefault(verb, t)
    out: list[Trigger] = []
    by_token = {t.token: t for t in triggers}
    for verb, act in cancelled.items():
        if _particle(tree, verb) and (verb not in by_token or _is_cooperative(by_token[verb])):
            rule = replace(act.rule, lemma=tree.lemma(verb), noun=False, objects=frozenset())
            rule = replace(rule, event=CANCEL_EVENT, cameo=CANCEL_CAMEO, mode=None)
            by_token[verb] = replace(act, token=verb, rule=replace(rule, reverse=False))
    for token in sorted(by_token):
        if token not in dropped:
            out.append(by_token[token])
    return out


def _undone(tree: DepTree, verb: int) -> set[int]:
    """Tokens of what the cancelling verb undoes: its object or passive subject, with any
    clause on them ("cancelled a trip to Beijing, where he was to meet ...")."""
    inside: set[int] = set()
    for c in tree.children(verb):
        if tree.tokens[c].dep in UNDONE_DEPS:
            inside.update(tree.subtree(c))
    return inside


def _iter_cancelling(tree: DepTree, triggers: list[Trigger]) -> list[int]:
    """Tokens of the cancelling verbs above the triggers: what a verb undoes hangs under it."""
    found: set[int] = set()
    for t in triggers:
        cur = t.token
        while tree.tokens[cur].head != cur:
            cur = tree.tokens[cur].head
            if tree.tokens[cur].pos == "VERB" and (
                tree.lemma(cur) in CANCELLING | CANCELLING_ES or _particle(tree, cur)
            ):
                found.add(cur)
    return sorted(found)


def _particle(tree: DepTree, i: int) -> bool:
    lemma = tree.lemma(i)
    return any(
        tree.tokens[c].dep == "prt" and (lemma, tree.lemma(c)) in CANCELLING_PARTICLES
        for c in tree.children(i)
    )


def _is_cooperative(trigger: Trigger) -> bool:
    """Whether the particle verb's own row is no hostile act ("call off" a strike: CONCEDE)."""
    return trigger.rule.event not in ("SANCTION", "REJECT", "THREATEN")


def is_coordinated_clause(tree: DepTree, i: int, top: int) -> bool:
    """Whether token i reaches `top` through a coordinated predicate ("cancelled talks with
    China and visited Korea": the visit is an act of its own, not the object cancelled)."""
    cur = i
    while cur != top and tree.tokens[cur].head != cur:
        tok = tree.tokens[cur]
        if tok.dep == "conj" and tok.pos in ("VERB", "AUX"):
            return True
        cur = tok.head
    return False


def orient_cancelled(
    tree: DepTree, placed: Sequence[PlacedSpan], trigger: Trigger, roles: Roles
) -> Roles:
    """'A planned visit by Germany's chancellor to China was cancelled': a cancellation whose
    clause names no canceller is the cut in relations of the act's own doer towards its
    other party (DEU->CHN), as "Germany cancelled a visit to China" is."""
    verb = trigger.token
    if trigger.rule.event != CANCEL_EVENT or countries_of(roles.actor):
        return roles
    if not (tree.lemma(verb) in CANCELLING | CANCELLING_ES or _particle(tree, verb)):
        return roles
    for act in tree.children(verb):
        if tree.tokens[act].dep not in UNDONE_DEPS:
            continue
        doer: set[int] = set()
        other: set[int] = set()
        for c in tree.children(act):
            prep = tree.preposition_of(c)
            if tree.tokens[c].dep in OWNER_DEPS or prep in DOER_PREPOSITIONS:
                doer |= tree.subtree(c)
            elif prep in OTHER_PREPOSITIONS:
                other |= tree.subtree(c)
        # "a visit by Japan's prime minister to Peru": the parser may hang "to Peru" on him
        for t in sorted(doer):
            if tree.tokens[t].dep == "prep" and tree.preposition_of(t) in OTHER_PREPOSITIONS:
                other |= tree.subtree(t)
        doer -= other
        actor = tuple(p.span for p in placed if p.head in doer)
        recipient = tuple(p.span for p in placed if p.head in other)
        if countries_of(actor) and countries_of(recipient) - countries_of(actor):
            return Roles(actor, recipient, roles.how)
    return roles
