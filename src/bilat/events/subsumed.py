"""Triggers that are one act with another of the sentence: the object a verb needed, an act
cancelled, a report told after its act, the act a pledge names, a twin told without target."""

from __future__ import annotations

from bilat.events import cues
from bilat.events.attribution import drop_attributions
from bilat.events.cancellations import drop_cancelled, is_coordinated_clause
from bilat.events.syntax import SUBJECT_DEPS, DepTree, receiving_verb
from bilat.events.triggers import Trigger
from bilat.models import Mention


def drop_subsumed(tree: DepTree, triggers: list[Trigger]) -> list[Trigger]:
    """Without the triggers that are the very word another trigger of the sentence needed
    as its object ("unveiled Cayo Digital, a plan to ...": the plan is what was unveiled,
    one act; "held talks": one meeting; "would help Cuba build a plant": the help is the
    act, the building what it is for); an act a cancelling verb has as its object is one act
    with the cancellation too (cancellations.py: "called off a planned visit"), and a reporting
    verb told after the act it reports is no second act (attribution.py)."""
    kept = []
    for t in triggers:
        lemma = tree.lemma(t.token)
        if any(
            o is not t
            and not o.rule.noun
            and lemma in o.rule.objects
            and t.token in tree.subtree(o.token)
            and not is_coordinated_clause(tree, t.token, o.token)
            for o in triggers
        ):
            continue
        kept.append(t)
    kept = [t for t in kept if not _names_promised_act(tree, t, kept)]
    kept = [t for t in kept if not _receives_act(tree, t, kept)]
    return drop_attributions(tree, drop_cancelled(tree, kept))


def _receives_act(tree: DepTree, t: Trigger, triggers: list[Trigger]) -> bool:
    """Whether `t` is a verb of receiving whose object is a noun act of its own ("received a
    phone call from the Turkish president", "recibió una invitación de China"): the call is
    the event, not a visit hosted."""
    return not t.rule.noun and any(
        o.rule.noun and receiving_verb(tree, o.token) == t.token for o in triggers
    )


def _names_promised_act(tree: DepTree, t: Trigger, triggers: list[Trigger]) -> bool:
    """Whether `t` is a pledge noun, subject of its clause, whose promised act is a trigger
    too ("Germany's pledge to train soldiers angered Russia"): one promise, told by the act
    with its own parties (syntax.is_intended makes it AGREE), not a second AGREE taking the
    clause's object (Russia) for its party."""
    subject = tree.tokens[t.token].dep in SUBJECT_DEPS
    if not t.rule.noun or not subject or tree.lemma(t.token) not in cues.INTENT_HEADS:
        return False
    return any(
        tree.tokens[o.token].dep == "acl" and tree.tokens[o.token].head == t.token
        for o in triggers
        if o is not t
    )


def drop_one_sided_twins(mentions: list[Mention]) -> list[Mention]:
    """Without a sentence's mentions that have no recipient when another of the same event
    by the same actors has one ("launched a bombing and shelling offensive against X", parsed
    as two verbs, the object hung on the second): one act, told with its target once."""
    targeted = {
        (m.event, frozenset(m.countries("actor"))) for m in mentions if m.countries("recipient")
    }
    return [
        m
        for m in mentions
        if m.countries("recipient")
        or not m.countries("actor")
        or (m.event, frozenset(m.countries("actor"))) not in targeted
    ]


def better_twin(kept: Mention | None, other: Mention) -> Mention:
    """Of two mentions of one act in one sentence (same type and states), the surer one,
    with the other's figures when it has none ("finished unloading 25,000 tonnes of wheat,
    the second shipment to reach Havana": one delivery, told by two verbs)."""
    if kept is None:
        return other
    best, rest = (other, kept) if kept.confidence < other.confidence else (kept, other)
    if not best.figures and rest.figures:
        return best.model_copy(update={"figures": rest.figures})
    return best
