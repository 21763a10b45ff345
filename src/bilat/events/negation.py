"""Negated, refused and absent acts: which negations are refusals (REJECT) and which say
the act never was ("did not take place", "no sign that", a denied report)."""

from __future__ import annotations

from bilat.events import cues
from bilat.events.syntax import SUBJECT_DEPS, DepTree, find_governors, is_promised
from bilat.events.triggers import TriggerRule, has_object_word
from bilat.models import ActorSpan

# Acts whose negation is a refusal (REJECT), not a non-event.
# ("declined to resign", "will not withdraw": a refusal to yield, CAMEO 124)
REFUSABLE_EVENTS = frozenset({"AGREE", "CONCEDE", "RETREAT"})
# Cooperative acts whose negated promise is a refusal ("will not meet", "would not provide
# aid": PLOVER REJECT of a meeting, of cooperation, of an agreement, with this CAMEO code);
# told as past ("did not meet") they are no event at all.
REFUSED_PROMISE_CAMEO = {"CONSULT": "125", "AID": "121", "COOPERATE": "121", "SUPPORT": "127"}
# Acts whose own negation, in any tense, is the news of a refusal: "Venezuela did not sign the
# agreement" is a rejection of it (CAMEO 127), as a signing is the expected step.
REFUSED_ACT_CAMEO = {"057": "127"}


def find_refusal(tree: DepTree, i: int, rule: TriggerRule) -> tuple[str, str] | None:
    """(PLOVER event, CAMEO code) of what negated trigger i tells: a refusal (REJECT), or
    what the user's verb dictionary codes the negated verb as; None: no event at all."""
    if rule.noun:
        return None
    for objects, event, cameo in rule.negated:
        if not objects or has_object_word(tree, i, objects):
            return event, cameo  # "did n't clash" as the user's dictionary codes it
    refusal = _find_refusal_cameo(tree, i, rule)
    return None if refusal is None else ("REJECT", refusal)


def _find_refusal_cameo(tree: DepTree, i: int, rule: TriggerRule) -> str | None:
    """The CAMEO code of the refusal negated trigger i (matching `rule`) tells, or None
    when the negated act is no refusal."""
    if rule.event in REFUSABLE_EVENTS:
        return "120"  # "will not accept", "failed to reach agreement": a refusal
    if rule.event in REFUSED_PROMISE_CAMEO and is_promised(tree, i):
        return REFUSED_PROMISE_CAMEO[rule.event]
    if rule.cameo in REFUSED_ACT_CAMEO and _is_refused_act(tree, i):
        return REFUSED_ACT_CAMEO[rule.cameo]  # "did not sign": the act refused
    return None


def is_refusing_party(rule: TriggerRule, actor: tuple[ActorSpan, ...]) -> bool:
    """Whether the actor of a refused act (REFUSED_ACT_CAMEO) can refuse it: a state, its
    capital or a body can; a person alone ("the deputy prime minister did not sign the
    contract Havana had hoped to close") tells a step not reached, not a state's refusal."""
    if rule.cameo not in REFUSED_ACT_CAMEO:
        return True
    return any(s.kind != "person" for s in actor)


def _is_refused_act(tree: DepTree, i: int) -> bool:
    """'did not sign', 'no firmó': the act itself is negated, and not as pending ('has not
    yet signed') or under a denial ('denied that it signed' is a claim, not a refusal)."""
    if not _negator_child(tree, i):
        return False
    return not any(tree.lemma(c) in cues.PENDING_ADVERBS for c in tree.children(i))


def is_negated(tree: DepTree, i: int) -> bool:
    """'did not sign', 'no se reunió', 'denied meeting', 'without signing', 'no agreement'."""
    if _negator_child(tree, i):
        return True
    below = i
    for g in find_governors(tree, i):
        lemma = tree.lemma(g)
        # "cancelled talks and visited Korea": a predicate coordinated with the refusal is
        # an act of its own, not what was refused
        joined = tree.tokens[below].dep == "conj" and tree.tokens[below].pos == "VERB"
        # "X accused Y ..., a charge Caracas denied": a clause before the denying verb is a
        # misparsed apposition, not what was denied
        before = tree.tokens[below].dep == "ccomp" and below < g
        below = g
        if lemma in cues.DENYING_HEADS and not (joined or before):
            return True
        if lemma in cues.NEGATING_PREPOSITIONS:
            return True
        if tree.tokens[g].pos in ("VERB", "AUX", "ADJ") and _negator_child(tree, g):
            return True
    return False


def is_absent(tree: DepTree, i: int) -> bool:
    """'no sign that X would resume talks', 'the talks did not take place', 'ningún acuerdo
    fue firmado', 'signed no deal': the act is said not to exist at all. That is no event,
    and no refusal either (nobody is said to refuse)."""
    tok = tree.tokens[i]
    if tok.pos in ("VERB", "AUX") and any(
        _says_none(tree, c) for c in tree.kids_with(i, SUBJECT_DEPS | _OBJECT_DEPS)
    ):
        return True
    if tok.pos in ("NOUN", "PROPN") and tok.dep in SUBJECT_DEPS and tok.head != i:
        verb = tok.head
        if _is_occurrence(tree, verb) and _negator_child(tree, verb):
            return True
    # "there was no sign that ...", "no plans to visit": a noun above the act says none
    return any(
        tree.tokens[g].pos in ("NOUN", "PROPN") and _says_none(tree, g)
        for g in find_governors(tree, i)
    )


_OBJECT_DEPS = frozenset({"dobj", "obj"})


def _says_none(tree: DepTree, i: int) -> bool:
    """Whether noun i carries a determiner of none ('no deal', 'ningún acuerdo')."""
    return any(
        tree.tokens[c].dep == "det"
        and (
            tree.tokens[c].text.lower() in cues.NEGATING_DETERMINERS
            or "PronType=Neg" in tree.tokens[c].morph
        )
        for c in tree.children(i)
    )


def _is_occurrence(tree: DepTree, verb: int) -> bool:
    lemma = tree.lemma(verb)
    if lemma in ("take", "tener"):
        return any(tree.lemma(c) in ("place", "lugar") for c in tree.children(verb))
    return lemma in cues.OCCURRENCE_VERBS


def denies_claim(tree: DepTree, i: int) -> bool:
    """'denied that the minister would visit', 'negó que': a verb of denial with a clause
    after it as its complement denies a report; it refuses nothing and no one."""
    if tree.lemma(i) not in cues.CLAIM_DENIALS:
        return False
    # a clause before the verb is a misparse of an apposition ("X accused Y of harbouring
    # rebels, a charge Caracas denied": the accusation was made), not what is denied
    return any(c > i for c in tree.kids_with(i, frozenset({"ccomp"})))


def is_denied_report(tree: DepTree, i: int) -> bool:
    """'denied that the minister would visit Pakistan': the act under a denied claim did
    not happen and was not refused; it is no event."""
    return any(denies_claim(tree, g) for g in find_governors(tree, i))


def _negator_child(tree: DepTree, i: int) -> bool:
    for c in tree.children(i):
        tok = tree.tokens[c]
        if tok.dep == "neg" or "Polarity=Neg" in tok.morph:
            return True
        if tok.dep in ("advmod", "det") and tok.text.lower() in cues.NEGATORS:
            return True
        # "no longer able to send": the negator hangs on an adverb of the clause
        if tok.dep == "advmod" and any(
            tree.tokens[g].dep == "neg" or tree.tokens[g].text.lower() in cues.NEGATORS
            for g in tree.children(c)
        ):
            return True
    return False
