"""Roles the clause implies rather than states: no domestic target for acts at sea or on
officials of a region, the announcer of an act as its doer, and verbless sentences."""

from __future__ import annotations

from collections.abc import Sequence

from bilat.events import cues
from bilat.events.syntax import RELATIVE_DEPS, DepTree, find_subject, is_reduced_passive
from bilat.events.triggers import Trigger
from bilat.parsed import ActorSpan
from bilat.resolve.found import LOCATIVES
from bilat.resolve.resolver import WATER_WORDS

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubjpass"})


# Words that head a phrase naming open water ("in the Gulf of Oman", "off the coast",
# "in international waters", "en aguas del golfo"): a place no state owns outright. The
# resolver's water bodies, and open water that names no body.
WATER_HEADS = WATER_WORDS | frozenset("seas ocean waters coast aguas océano costa".split())
# Craft whose state is their flag's or owner's, never where they were stopped: "seized a
# tanker" names no target unless the flag is named ("a British tanker").
CRAFT = frozenset(
    "tanker ship vessel boat freighter trawler ferry yacht dhow barge cargo petrolero buque "
    "barco carguero".split()
)
# Adjectives of a region or group of states: "the Baltic foreign minister" is an official of
# one of several states, not of the state acting on him.
REGIONAL = frozenset(
    "baltic nordic scandinavian arab european african asian balkan caucasian gulf western "
    "eastern iberian latin-american andean caribbean".split()
)
# Acts whose doer, named in the "by" phrase of a participle phrase, stands with the noun the
# phrase hangs on ("Backed by Russia, Syrian troops ...").
BACKING_EVENTS = frozenset({"SUPPORT", "AID", "COOPERATE"})
_PLACE_PREPOSITIONS = LOCATIVES | frozenset({"off", "through", "frente", "cerca"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})


def lies_abroad(tree: DepTree, i: int, recipient: Sequence[ActorSpan]) -> bool:
    """Whether the act of trigger i has no domestic target to fill in: it takes place at
    sea or on a ship, or its named target is an official of a region ("Iran seized a tanker
    in the Gulf of Oman", "Russia accused the Baltic foreign minister")."""
    if is_at_sea(tree, i) or has_regional_object(tree, i):
        return True
    return any(is_regional(s) for s in recipient if not s.country)


def is_at_sea(tree: DepTree, i: int) -> bool:
    """Whether the trigger's clause or its object places the act on open water or on a
    craft: a phrase of place headed by a water word, or an object that is a ship."""
    heads = [i]
    for c in tree.children(i):
        if tree.tokens[c].dep in _OBJECT_DEPS:
            heads.append(c)
            if tree.lemma(c) in CRAFT:
                return True
    for h in heads:
        for c in tree.children(h):
            if tree.preposition_of(c) not in _PLACE_PREPOSITIONS:
                continue
            for n in [c, *tree.children(c)]:
                tok = tree.tokens[n]
                words = {tree.lemma(n), tok.text.lower()}
                if tok.pos in ("NOUN", "PROPN") and words & WATER_HEADS:
                    return True
    return False


def is_regional(span: ActorSpan) -> bool:
    """Whether a span with no country is titled by a region's adjective ("the Baltic foreign
    minister", "a Western diplomat", "Arab League envoy")."""
    words = span.text.lower().replace("the ", "", 1).split()
    return bool(words) and words[0] in REGIONAL


def has_regional_object(tree: DepTree, i: int) -> bool:
    """Whether the trigger's object is titled by a region's adjective that no actor span
    covers ("accused Western diplomats of spying")."""
    for c in tree.children(i):
        if tree.tokens[c].dep in _OBJECT_DEPS:
            mods = (m for m in tree.children(c) if tree.tokens[m].dep in ("amod", "compound"))
            if any(tree.tokens[m].text.lower() in REGIONAL for m in mods):
                return True
    return False


# ------------------------------------------------------------------ announced acts

# Verbs whose object noun is the subject's own act, put into force by saying it: who
# announces or orders a suspension suspends. Verbs that judge an act ("denounced the
# sanctions") name someone else's and are left out.
ANNOUNCING = frozenset(
    {"announce", "declare", "order", "decree", "impose", "unveil", "anunciar", "decretar"}
)
_ANNOUNCED_DEPS = frozenset({"dobj", "obj"})
OWNER_DEPS = frozenset({"poss", "nmod:poss"})


def find_announcer(tree: DepTree, i: int) -> list[int]:
    """The subject of the announcing verb whose object is noun trigger i; [] when the noun
    is no such object or names its own owner ("Serbia's suspension of talks")."""
    tok = tree.tokens[i]
    if tok.dep not in _ANNOUNCED_DEPS or tree.lemma(tok.head) not in ANNOUNCING:
        return []
    if tree.kids_with(i, OWNER_DEPS):
        return []
    return tree.kids_with(tok.head, _SUBJECTS)


# --------------------------------------------------------------- verbless sentences

_NOUNS = frozenset({"NOUN", "PROPN"})
# Acts whose object is the doer's own forces ("massed tanks", "withdrew troops"): read as
# active or as passive, a verbless "Turkish tanks massed" names Turkey as the doer.
OWN_FORCE_EVENTS = frozenset({"MOBILIZE", "RETREAT"})
_PASSIVE_MARKS = frozenset({"agent", "auxpass", "aux:pass"})


def is_root_predicate(tree: DepTree, i: int) -> bool:
    """Whether participle i is the predicate of a sentence whose root is a noun: "Turkish
    tanks massed on the border" has no finite verb once "massed" is read as a participle,
    so the tanks do the massing. A "by" phrase keeps the passive reading ("tanks destroyed
    by rebels")."""
    tok = tree.tokens[i]
    head = tree.tokens[tok.head]
    if tok.dep != "acl" or head.dep != "ROOT" or head.pos not in _NOUNS:
        return False
    return not any(tree.tokens[c].dep in _PASSIVE_MARKS for c in tree.children(i))


def find_force_subject(tree: DepTree, i: int, event: str) -> list[int]:
    """The root noun as the subject of participle i when it is the doer's own forces
    ("Turkish tanks massed on the border"); [] otherwise, and always for acts on a victim
    ("three soldiers killed in a raid" names who was killed, not who killed)."""
    if event in OWN_FORCE_EVENTS and is_root_predicate(tree, i):
        return [tree.tokens[i].head]
    return []


def find_backers(tree: DepTree, triggers: Sequence[Trigger]) -> frozenset[int]:
    """Tokens of the "by" phrases of participle phrases that tell of backing: "Backed by
    Russia, Syrian troops shelled Idlib", "Houthi fighters, armed by Iran, ...". Those states
    stand with the clause's subject, so they are no other side of its conflict acts (a
    hostile participle is left alone: "Criticised by Chile, Peru recalled its ambassador"
    still reads Chile as the one the recall is aimed at)."""
    out: set[int] = set()
    for t in triggers:
        if t.rule.event not in BACKING_EVENTS or tree.tokens[t.token].dep not in ("advcl", "acl"):
            continue
        if is_reduced_passive(tree, t.token):
            for c in tree.kids_with(t.token, frozenset({"agent"})):
                out |= tree.subtree(c)
    return frozenset(out)


# ---------------------------------------------------------------- shows of force

EXERCISE_WORDS = frozenset(
    {"exercise", "drill", "maneuver", "manoeuvre", "game", "patrol", "wargame"}
    | {"ejercicio", "maniobra", "simulacro", "patrulla", "patrullaje"}
)
JOINT_WORDS = frozenset(
    {"joint", "jointly", "combined", "together", "bilateral", "trilateral", "multilateral"}
    | {"conjunto", "conjunta", "conjuntamente", "combinado", "combinada", "bilateral"}
)
_PARTNER_WORDS = frozenset({"with", "con", "alongside"})


def is_show_of_force(tree: DepTree, i: int, actor: Sequence[ActorSpan]) -> bool:
    """'China held drills around Taiwan', 'Rusia realizó maniobras cerca de Ucrania': one
    state's exercises or patrols, with no partner ("joint", "with X" on the verb or the
    exercise noun) and a single state as the actor, show force (PLOVER MOBILIZE); held
    together they are cooperation."""
    if len({s.country for s in actor if s.country}) != 1:
        return False
    nouns = [c for c in tree.subtree(i, RELATIVE_DEPS) if tree.lemma(c) in EXERCISE_WORDS]
    if not nouns:
        return False
    kids = [c for h in (i, *nouns) for c in tree.children(h)]
    joint = any(tree.lemma(c) in JOINT_WORDS for c in kids)
    return not joint and not any(tree.preposition_of(c) in _PARTNER_WORDS for c in kids)


def inverted_subject(tree: DepTree, i: int) -> list[int]:
    """'atracó en La Habana el primer lote de arroz': an arrival verb's subject put after it
    is parsed as its object; [] when the verb has a subject or is no arrival verb."""
    if tree.lemma(i) not in cues.ARRIVAL_VERBS or find_subject(tree, i):
        return []
    return [c for c in tree.kids_with(i, frozenset({"obj", "dobj"})) if c > i]
