"""Words that tell no act of the news: the market's demand, a kind of act, the outlet
addressing its readers, a question, a sports result, the charge of an accusation."""

from __future__ import annotations

from collections.abc import Sequence

from bilat.events import cues
from bilat.events.crowds import find_doers
from bilat.events.syntax import CLAUSE_DEPS, DepTree, find_subject
from bilat.events.triggers import Trigger


def is_market_demand(tree: DepTree, i: int) -> bool:
    """'weak demand from China', 'la demanda mundial': demand as the market's appetite,
    which no state addresses to another. 'A firm demand', 'its demand' are requests."""
    if tree.lemma(i) not in ("demand", "demanda"):
        return False
    kids = tree.children(i)
    if any(tree.tokens[c].dep in ("poss", "nmod:poss") for c in kids):
        return False
    if tree.lemma(i) == "demand" and any(tree.tokens[c].dep == "det" for c in kids):
        return False  # Spanish puts an article on the market's demand too: "la demanda"
    return any(tree.lemma(c) in cues.MARKET_QUALIFIERS for c in kids)


def is_generic(tree: DepTree, i: int) -> bool:
    """'disinformation and cyber attacks': a plural noun with no determiner, possessor or
    number names a kind of act, not an act that happened; one that names its two parties
    ("clashes between X and Y") is an act."""
    tok = tree.tokens[i]
    if "Number=Plur" not in tok.morph:
        return False
    return not any(
        tree.tokens[c].dep in _SPECIFIER_DEPS or tree.preposition_of(c) in ("between", "entre")
        for c in tree.children(i)
    )


_SPECIFIER_DEPS = frozenset({"det", "poss", "nmod:poss", "nummod"})


def has_personal_subject(tree: DepTree, i: int) -> bool:
    """'We invite you to ...', 'I urge readers': the outlet or a writer addressing its
    readers, not an actor of the news."""
    # a pronoun, not a name that reads like one ("the US" is lemmatised "us")
    return any(
        tree.lemma(s) in cues.PERSONAL_PRONOUNS and tree.tokens[s].pos == "PRON"
        for s in find_subject(tree, i)
    )


def is_question(sent_text: str) -> bool:
    """A question asks about events; it does not report one."""
    return sent_text.rstrip().rstrip("\"'”’»").endswith("?")


def is_sport(tree: DepTree, i: int) -> bool:
    """'the cricket team beat India by six wickets': a trigger whose clause (its subject,
    objects and phrases, not other clauses) uses words only sports reports use."""
    clause = tree.subtree(i, CLAUSE_DEPS)
    return any(
        tree.tokens[t].pos != "VERB"
        and (tree.lemma(t) in cues.SPORT_WORDS or tree.tokens[t].text.lower() in cues.SPORT_WORDS)
        for t in clause
    )


def stance_of(tree: DepTree, i: int) -> int | None:
    """'withdrew its ambassador in protest at the executions', 'en respuesta a': the verb
    whose act a stance noun tells the spirit of, or None."""
    tok = tree.tokens[i]
    if tok.head == i or tree.lemma(i) not in cues.STANCE_NOUNS:
        return None
    if tree.preposition_of(i) not in ("in", "en") or tok.dep not in ("pobj", "obl", "nmod"):
        return None
    verb = tree.tokens[tok.head].head if tok.dep == "pobj" else tok.head
    return verb if tree.tokens[verb].pos in ("VERB", "AUX") else None


def trails_speech(tree: DepTree, i: int) -> bool:
    """'Kenyan troops completed their withdrawal, the AU mission said, leaving their bases':
    a participle the parser hangs on the speech verb goes on telling the reported act, and
    the speaker is not its doer."""
    tok = tree.tokens[i]
    if tok.dep != "advcl" or tok.tag != "VBG" or tok.head == i:
        return False
    return tree.lemma(tok.head) in cues.SPEECH_VERBS


def is_natural_force(tree: DepTree, i: int) -> bool:
    """'The storm hit the port of Odesa', 'el huracán destruyó ...': an act whose subject is
    weather, a quake or a market force is no one's act ("the trip was cancelled by the
    hurricane": nor is one whose passive names such a doer)."""
    by = [c for c in tree.children(i) if tree.preposition_of(c) in ("by", "por")]
    return any(tree.lemma(s) in cues.NATURAL_FORCES for s in [*find_doers(tree, i), *by])


# Prepositions that bring the charge of an accusation: "accused Iran of supplying drones",
# "blamed Poland for pushing migrants back", "acusó a Rusia de bombardear".
_CHARGE_PREPOSITIONS = frozenset({"of", "for", "de", "por"})


def find_charges(tree: DepTree, triggers: Sequence[Trigger]) -> frozenset[int]:
    """Tokens of the charges that the sentence's accusations bring: the act an accuser
    alleges ("accused Iran of supplying drones to Russia") is the accusation's content, not
    an act the news reports (the accusation itself is coded)."""
    out: set[int] = set()
    for t in triggers:
        if t.rule.noun or t.rule.event not in ("ACCUSE", "THREATEN"):
            continue
        # "vowed revenge for the killing of a general": the grievance of a threat
        accusing = t.rule.event == "ACCUSE"
        preps = _CHARGE_PREPOSITIONS if accusing else cues.GRIEVANCE_PREPOSITIONS
        for c in tree.children(t.token):
            if _is_prep(tree, c) and tree.preposition_of(c) in preps:
                out |= tree.subtree(c)
            elif accusing and _is_charge_clause(tree, c):
                # "acusó a Washington de financiar ...", "denunció que Corea del Norte lanzó
                # un misil": the act alleged is the accusation's content
                out |= tree.subtree(c)
    return frozenset(out)


def _is_prep(tree: DepTree, c: int) -> bool:
    return tree.tokens[c].dep == "prep" or (
        tree.tokens[c].dep == "obl" and tree.tokens[c].pos == "NOUN"
    )


def _is_charge_clause(tree: DepTree, c: int) -> bool:
    marks = {tree.lemma(k) for k in tree.children(c) if tree.tokens[k].dep == "mark"}
    if tree.tokens[c].dep in ("xcomp", "advcl") and marks & _CHARGE_PREPOSITIONS:
        return True
    return tree.is_content_clause(c)


def is_wished_by_another(tree: DepTree, i: int) -> bool:
    """'Cuba hopes Russia will invest in its sugar industry': a clause with a subject of its
    own under a verb of hoping or wanting tells someone's wish for another's act, neither a
    promise of the doer nor an act."""
    tok = tree.tokens[i]
    if tok.dep != "ccomp" or tree.lemma(tok.head) not in cues.WISH_HEADS:
        return False
    own = set(find_subject(tree, i))
    return bool(own) and not own & set(find_subject(tree, tok.head))


def is_topic(tree: DepTree, i: int) -> bool:
    """'discussed plans for a joint venture', 'analizaron la ayuda': a noun act that is what
    a meeting talks about is a topic, not an act told as done or promised."""
    tok = tree.tokens[i]
    return tok.dep in ("dobj", "obj") and tree.lemma(tok.head) in cues.TOPIC_VERBS
