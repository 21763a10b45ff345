"""Acts judged by another act: "condemned the attack by Peru on a boat", "rejected reports of a
Chinese base". The judged act keeps its own sides (whom it hit is no party of the judging),
the judge never did it, and what a rejected claim says happened is no event."""

from __future__ import annotations

from collections.abc import Callable

from bilat.events import cues
from bilat.events.syntax import DepTree


def object_victim_phrases(tree: DepTree, noun: int) -> list[int]:
    """'condemned the attack by Israel on a convoy', 'condenó el ataque contra un convoy':
    the parser hangs the phrase telling whom a verb's object act was done to on the verb;
    these are the heads of such phrases after object noun `noun` (none for a name)."""
    tok = tree.tokens[noun]
    if tok.dep not in ("dobj", "obj") or tok.pos != "NOUN":
        return []
    return [
        c
        for c in tree.children(tok.head)
        if c > noun and tree.preposition_of(c) in cues.VICTIM_PREPOSITIONS
    ]


def judged_victims(tree: DepTree, i: int) -> set[int]:
    """Tokens naming whom the act that verb i judges was done to: "condemned the attack by
    Peru on a fishing boat in Bolivia" accuses Peru, and the boat's phrase (on the object
    noun, or hung on the verb) tells whom the attack hit, not whom the verb accuses."""
    out: set[int] = set()
    for o in tree.children(i):
        if tree.tokens[o].dep not in ("dobj", "obj") or tree.tokens[o].pos != "NOUN":
            continue
        own = [c for c in tree.children(o) if tree.preposition_of(c) in cues.VICTIM_PREPOSITIONS]
        for c in [*own, *object_victim_phrases(tree, o)]:
            out |= tree.subtree(c)
    return out


# Prepositions of what a claim says ("reports of a Chinese base", "informes sobre").
_CONTENT_PREPOSITIONS = frozenset({"of", "about", "on", "over", "regarding", "sobre", "de"})
_CONTENT_CLAUSES = frozenset({"acl", "ccomp", "relcl", "acl:relcl"})
_OWNER_OR_CONTENT = frozenset({"of", "de"})
_PREP_OBJECTS = frozenset({"pobj"})


def claim_content(tree: DepTree, noun: int, nouns: frozenset[str] = cues.CLAIM_NOUNS) -> set[int]:
    """Tokens of what claim noun `noun` says happened: its "of"/"about"/"sobre" phrases and
    its "that" clause ("reports that China had built a base"); who makes the claim ("US
    claims", "the accusations made by Washington") is left out. Empty for other nouns."""
    if tree.lemma(noun) not in nouns:
        return set()
    out: set[int] = set()
    for c in tree.children(noun):
        dep = tree.tokens[c].dep
        made_by = any(tree.tokens[k].dep == "agent" for k in tree.children(c))
        prep = tree.preposition_of(c)
        if prep in _OWNER_OR_CONTENT:
            # "las acusaciones de Perú" are Peru's; "reports of a Chinese base" tell of it
            named = [k for k in (c, *tree.kids_with(c, _PREP_OBJECTS)) if tree.lemma(k) != prep]
            if any(tree.tokens[k].pos == "PROPN" for k in named):
                continue
        if (prep in _CONTENT_PREPOSITIONS and dep not in ("poss", "nmod:poss")) or (
            dep in _CONTENT_CLAUSES and not made_by
        ):
            out |= tree.subtree(c)
    return out


def rejected_claims(tree: DepTree, i: int) -> set[int]:
    """Tokens of what the claims that verb i rejects or denies say: "Havana rejects reports
    of a Chinese spy base" rejects the reports, not China."""
    if tree.lemma(i) not in cues.JUDGING_VERBS | cues.CLAIM_DENIALS:
        return set()
    out: set[int] = set()
    for o in tree.children(i):
        if tree.tokens[o].dep in ("dobj", "obj"):
            out |= claim_content(tree, o)
    return out


def in_rejected_claim(tree: DepTree, i: int) -> bool:
    """'dismissed US claims of a Russian buildup': the buildup a rejected claim tells of is
    no event."""
    return _inside(tree, i, lambda head: rejected_claims(tree, head))


def opposed_plans(tree: DepTree, i: int) -> set[int]:
    """Tokens of the plans that verb i protests or condemns, with what they would do (not
    whose plans they are):
    "Serbs protested against the government's plan to allow mining by a British company"
    tell of a protest, not of a plan made or of a British act."""
    if tree.lemma(i) not in cues.OPPOSING_VERBS:
        return set()
    out: set[int] = set()
    for c in tree.children(i):
        if tree.tokens[c].dep in ("dobj", "obj"):
            nouns = [c]
        elif tree.tokens[c].dep == "prep" and tree.lemma(c) == "against":
            nouns = [t for t in tree.children(c) if tree.tokens[t].dep in _PREP_OBJECTS]
        elif tree.tokens[c].dep == "obl" and tree.preposition_of(c) == "contra":
            nouns = [c]
        else:
            continue
        for n in nouns:
            if tree.tokens[n].pos == "NOUN" and tree.lemma(n) in cues.PLAN_NOUNS:
                # whose plan it is stays ("the government's plan", "a French proposal"):
                # that is what the protest or the refusal targets
                out.add(n)
                for t in tree.children(n):
                    aim = tree.preposition_of(t) in _AIM_PREPOSITIONS
                    if tree.tokens[t].dep in _CONTENT_CLAUSES | {"xcomp"} or aim:
                        out |= tree.subtree(t)
    return out


# Prepositions of what a plan is for: "a proposal for a ceasefire in Lebanon".
_AIM_PREPOSITIONS = frozenset({"for", "on", "about", "para", "sobre"})


def in_opposed_plan(tree: DepTree, i: int) -> bool:
    """'protested against the plan to allow mining': the plan and its acts are no event."""
    return _inside(tree, i, lambda head: opposed_plans(tree, head))


def in_question(tree: DepTree, i: int) -> bool:
    """'no respondió a las preguntas sobre las funciones que tendrá el agregado': what a
    question asks about is not told as having happened."""
    return _inside(tree, i, lambda head: claim_content(tree, head, cues.QUESTION_NOUNS))


def _inside(tree: DepTree, i: int, content: Callable[[int], set[int]]) -> bool:
    """Whether token i lies in the `content` of one of its heads, up to six links up."""
    cur = i
    for _ in range(6):
        head = tree.tokens[cur].head
        if head == cur:
            return False
        if i in content(head):
            return True
        cur = head
    return False
