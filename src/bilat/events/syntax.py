"""Dependency-tree questions the rules ask: subjects, objects, negation, modality, voice.

Labels differ by model: the English model uses ClearNLP labels (dobj, prep/pobj, agent,
neg, auxpass), the Spanish one Universal Dependencies (obj, obl/nmod with a case child,
nsubj:pass, advmod "no"); both sets are listed where they mean the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bilat.events import cues
from bilat.models import ParsedDoc, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "nsubjpass", "nsubj:pass", "csubjpass", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass", "csubjpass"})
PASSIVE_AUX_DEPS = frozenset({"auxpass", "aux:pass"})
# Links that pass a clause's subject down to a subjectless verb ("plans to build", "met and
# signed", "close to agreeing"); ccomp is left out so a speaker never becomes the actor.
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "mark", "case"})
RELATIVE_DEPS = frozenset({"relcl", "acl", "acl:relcl"})
# Children of a trigger that start another clause (with triggers of its own).
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "acl:relcl", "cc"})
PREP_DEPS = frozenset({"prep", "case", "agent", "dative", "mark"})
# Participles that, after "be" and with no "by" agent, name a stance of the subject.
STANCE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "dedicate", "resolve"})
AGENT_DEPS = frozenset({"agent"})
# Auxiliaries of obligation: "must return" is asked of someone, not done ("deberá" is future
# in the Spanish reports, so it stays an intent).
OBLIGATION_AUX = frozenset({"must", "ought"})


@dataclass
class DepTree:
    """Children lists over a ParsedDoc's tokens (document indices)."""

    doc: ParsedDoc
    _children: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._children = [[] for _ in self.doc.tokens]
        for tok in self.doc.tokens:
            if tok.head != tok.i:
                self._children[tok.head].append(tok.i)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.doc.tokens

    def children(self, i: int) -> list[int]:
        return self._children[i]

    def is_content_clause(self, i: int) -> bool:
        """A clause that tells what was said: a verb's complement, or a noun's ("its
        demand that Britain return ...", "su exigencia de que ...")."""
        tok = self.tokens[i]
        marks = (self.lemma(c) for c in self._children[i] if self.tokens[c].dep == "mark")
        return tok.dep == "ccomp" or (tok.dep == "acl" and any(m in ("that", "que") for m in marks))

    def kids_with(self, i: int, deps: frozenset[str]) -> list[int]:
        return [c for c in self._children[i] if self.doc.tokens[c].dep in deps]

    def subtree(self, i: int, prune: frozenset[str] = frozenset()) -> set[int]:
        """Token i and its descendants, not entering children whose label is in `prune`."""
        out = {i}
        stack = [i]
        while stack:
            for c in self._children[stack.pop()]:
                if c not in out and self.doc.tokens[c].dep not in prune:
                    out.add(c)
                    stack.append(c)
        return out

    def lemma(self, i: int) -> str:
        return self.doc.tokens[i].lemma.lower()

    def is_passive(self, i: int) -> bool:
        if self.kids_with(i, PASSIVE_SUBJECT_DEPS | PASSIVE_AUX_DEPS):
            # "Israel is opposed to ...", "is committed to ...": with no agent, a participle
            # of attitude tells the subject's own stance (an adjective), not what was done to it
            return self.lemma(i) not in STANCE_PARTICIPLES or bool(self.kids_with(i, AGENT_DEPS))
        # The Spanish model labels "fue recibido por ..." aux + nsubj, not aux:pass: a
        # participle under "ser" is the periphrastic passive all the same.
        part = "VerbForm=Part" in self.doc.tokens[i].morph
        aux = self.kids_with(i, frozenset({"aux", "cop"}))
        return part and (any(self.lemma(c) == "ser" for c in aux) or is_reduced_passive(self, i))

    def preposition_of(self, i: int) -> str | None:
        """The preposition that introduces token i: its case child (UD) or its prep head."""
        tok = self.doc.tokens[i]
        for c in self._children[i]:
            if self.doc.tokens[c].dep == "case":
                return self.lemma(c)
        if tok.dep == "pobj" or tok.dep == "pcomp":
            return self.lemma(tok.head)
        if tok.dep in ("prep", "agent", "dative"):
            return self.lemma(i)
        return None


def find_subject(tree: DepTree, i: int) -> list[int]:
    """Subject tokens of the clause of token i, passed down through control links."""
    cur = i
    for _ in range(8):
        subjects = [c for c in tree.kids_with(cur, SUBJECT_DEPS) if tree.tokens[c].dep != "expl"]
        if subjects:
            return [_antecedent(tree, s) for s in subjects]
        tok = tree.tokens[cur]
        if tok.head == cur:
            return []
        if tok.dep in RELATIVE_DEPS and tok.pos == "VERB":
            # "a delegation visiting the island": the modified noun does the visiting,
            # unless the participle is passive ("the loan granted by Russia").
            return [] if "VerbForm=Part" in tok.morph and "Tense=Past" in tok.morph else [tok.head]
        if tok.dep not in CONTROL_DEPS:
            return []
        cur = tok.head
    return []


def _antecedent(tree: DepTree, s: int) -> int:
    tok = tree.tokens[s]
    if tok.text.lower() not in cues.RELATIVE_PRONOUNS:
        return s
    verb = tree.tokens[tok.head]
    return verb.head if verb.dep in RELATIVE_DEPS else s


def _has_modal(tree: DepTree, i: int) -> bool:
    tok = tree.tokens[i]
    if "Tense=Fut" in tok.morph or "Mood=Cnd" in tok.morph:
        return True
    for c in tree.children(i):
        child = tree.tokens[c]
        if child.dep.startswith("aux") and (
            child.lemma.lower() in cues.MODAL_AUX or child.text.lower() in cues.MODAL_AUX
        ):
            return True
        if "Tense=Fut" in child.morph and child.dep.startswith("aux"):
            return True
    return False


def is_promised(tree: DepTree, i: int) -> bool:
    """'will provide', 'would not meet', 'proporcionará': the act is told in the future
    (or conditional) tense, not as a plan, a wish or an ability ('was able to provide')."""
    tok = tree.tokens[i]
    if "Tense=Fut" in tok.morph or "Mood=Cnd" in tok.morph:
        return True
    return any(
        tree.tokens[c].dep.startswith("aux") and tree.tokens[c].text.lower() in cues.PROMISE_AUX
        for c in tree.children(i)
    )


def find_governors(tree: DepTree, i: int, limit: int = 4) -> list[int]:
    """Heads above token i through complement links (xcomp, ccomp, pcomp, dobj of a gerund)."""
    out: list[int] = []
    cur = i
    for _ in range(limit):
        tok = tree.tokens[cur]
        if tok.head == cur or tok.dep not in CONTROL_DEPS | {
            "ccomp",
            "dobj",
            "obj",
            "pobj",
            "acl",
            "nmod",
        }:
            break
        cur = tok.head
        out.append(cur)
    return out


def is_requested(tree: DepTree, i: int) -> bool:
    """'urged Cuba to sign', 'invited Putin to visit', 'called for talks', 'demanded a
    meeting': the act is asked for, not done."""
    tok = tree.tokens[i]
    if tok.dep in ("xcomp", "ccomp"):
        return tree.lemma(tok.head) in cues.REQUESTING_HEADS
    if tok.pos not in ("NOUN", "PROPN"):
        return False
    if tok.dep in ("dobj", "obj"):
        # "sought Egyptian mediation": an act sought is asked for (not "sought to expand")
        return tree.lemma(tok.head) in (cues.REQUESTING_HEADS | _SEEKING) - _NAMING_HEADS
    head = tree.tokens[tok.head]
    return (
        tok.dep == "pobj"
        and head.lemma.lower() in ("for", "por")
        and tree.lemma(head.head) in cues.REQUESTING_HEADS
    )


# Requesting verbs that also name or admit their object ("called the talks useful").
_NAMING_HEADS = frozenset({"call", "invite", "allow", "llamar", "invitar", "permitir"})
_SEEKING = frozenset({"seek", "buscar"})


def is_obliged(tree: DepTree, i: int) -> bool:
    """'said Sudan must return the helicopter', 'has to pay': an act someone is told to do
    is no act; the demand is coded from the verb of saying (a `>must` lexicon row)."""
    for c in tree.children(i):
        tok = tree.tokens[c]
        if tok.dep.startswith("aux") and tok.text.lower() in OBLIGATION_AUX:
            return True
    tok = tree.tokens[i]
    # "has to pay", "tiene que pagar": the verb of obligation governs the act
    return (
        tok.dep == "xcomp"
        and tree.lemma(tok.head) in ("have", "tener")
        and any(tree.tokens[c].tag == "TO" or tree.lemma(c) == "que" for c in tree.children(i))
    )


def is_intended(tree: DepTree, i: int) -> bool:
    """Modality: 'will build', 'plans to build', 'close to agreeing', 'prevé construir'."""
    tok = tree.tokens[i]
    if tok.pos in ("NOUN", "PROPN"):
        # "a planned visit", "will pay a visit": the noun takes its verb's modality
        if any(tree.lemma(c) in _PLANNED for c in tree.children(i)):
            return True
        return tok.dep in ("dobj", "obj") and _has_modal(tree, tok.head)
    if _is_headline_future(tree, i):
        return True
    cur = i
    for _ in range(4):
        if _has_modal(tree, cur):
            return True
        tok = tree.tokens[cur]
        if tok.head == cur:
            return False
        if tok.dep == "conj":
            # a coordinated act shares its sibling's auxiliaries, not its meaning:
            # "vowed to strengthen ties and denounced ...": a tensed verb acts now
            if "VerbForm=Fin" in tok.morph:
                return False
            cur = tok.head
            continue
        if tok.dep == "advcl":
            # only a purpose infinitive, "(will have an attaché) to promote ...", is intent
            return is_purpose(tree, cur)
        if tok.dep == "acl" and tree.lemma(tok.head) in cues.INTENT_HEADS:
            return True  # "Germany's pledge to train soldiers": the training is promised
        if tok.dep not in _INTENT_LINKS:
            return False
        cur = tok.head
        if tree.lemma(cur) in cues.INTENT_HEADS:
            return True
    return False


def _is_headline_future(tree: DepTree, i: int) -> bool:
    """'Russia to post an attaché in Havana': a headline's subject + 'to' + infinitive as
    the main verb announces a future act."""
    tok = tree.tokens[i]
    if tok.head != i or "VerbForm=Inf" not in tok.morph:
        return False
    kids = tree.children(i)
    return any(tree.tokens[c].tag == "TO" for c in kids) and bool(tree.kids_with(i, SUBJECT_DEPS))


_PLANNED = frozenset({"plan", "planned", "future", "upcoming", "próximo", "previsto"})
_INTENT_LINKS = frozenset(
    {"xcomp", "pcomp", "prep", "acomp", "mark", "case", "dobj", "obj", "csubj"}
)


def is_purpose(tree: DepTree, i: int) -> bool:
    """'to lead a mission', 'para protestar': a clause with the infinitive marker of aim."""
    return any(tree.tokens[c].tag == "TO" or tree.lemma(c) == "para" for c in tree.children(i))


def is_carried_purpose(tree: DepTree, i: int) -> bool:
    """'summoned the ambassador to protest', 'convocó al embajador para protestar': the
    purpose of an act already done, when it is to say something, is said by doing it."""
    tok = tree.tokens[i]
    if tok.dep != "advcl" or tok.head == i or not is_purpose(tree, i):
        return False
    head = tree.tokens[tok.head]
    return "Tense=Past" in head.morph and "VerbForm=Fin" in head.morph


def is_stated_purpose(tree: DepTree, i: int) -> bool:
    """'a joint project that aims to train specialists': the aim of a thing, told in a
    relative clause, is its description; no party acts or pledges anything there."""
    cur = i
    for _ in range(4):
        tok = tree.tokens[cur]
        if tok.head == cur or tok.dep not in ("xcomp", "conj"):
            return False
        cur = tok.head
        if tree.lemma(cur) in _AIMS:
            return tree.tokens[cur].dep in RELATIVE_DEPS
    return False


_AIMS = frozenset({"aim", "seek", "strive", "buscar", "pretender"})


def is_opinion(tree: DepTree, i: int) -> bool:
    """'observers suggest that the scheme backed by Moscow seems to ...': an act under a
    verb of belief or seeming is someone's reading of events, not a reported event."""
    cur = i
    for _ in range(10):
        if _opens_indirect_question(tree, cur):
            return True
        tok = tree.tokens[cur]
        if tok.head == cur:
            return False
        cur = tok.head
        if tree.lemma(cur) in cues.OPINION_HEADS:
            return True
    return False


def _opens_indirect_question(tree: DepTree, i: int) -> bool:
    """'unclear whether Iran would accept', 'se desconoce si Ecuador enviará': a clause
    opened by "whether" (or by "si" as a complement, not as a condition) asks about the
    act; it does not report it."""
    dep = tree.tokens[i].dep
    for m in tree.kids_with(i, frozenset({"mark"})):
        word = tree.tokens[m].text.lower()
        if word in cues.QUESTION_MARKS or (word == "si" and dep in _COMPLEMENT_DEPS):
            return True
    return False


_COMPLEMENT_DEPS = frozenset({"ccomp", "csubj", "csubj:pass", "nsubj"})


def is_attributive(tree: DepTree, i: int) -> bool:
    """'the plan promoted by Russia', 'accusations, denied by Moscow': a past participle
    that modifies a noun describes that noun; the act it names is told elsewhere or is
    background, so it is no mention of its own."""
    tok = tree.tokens[i]
    return (
        tok.dep in ("acl", "amod")
        and "VerbForm=Part" in tok.morph
        and "Tense=Pres" not in tok.morph
        and tree.tokens[tok.head].pos in ("NOUN", "PROPN")
    )


def is_conditional(tree: DepTree, i: int) -> bool:
    """'will withdraw unless the rebels ...', 'retirará si ...': an adverbial clause of
    the trigger opened by a conditional conjunction."""
    for c in tree.kids_with(i, frozenset({"advcl"})):
        if any(tree.lemma(m) in cues.CONDITIONALS for m in tree.children(c)):
            return True
    return False


def is_condition(tree: DepTree, i: int) -> bool:
    """'would retaliate if Finland allowed NATO to ...': the act an if-clause names is the
    condition put on another act, not an act that took place."""
    tok = tree.tokens[i]
    if tok.dep == "advcl" and any(tree.lemma(m) in cues.CONDITIONALS for m in tree.children(i)):
        return True
    # "would want guarantees before committing capital": done, if at all, after the wish
    if tok.dep == "pcomp" and tree.lemma(tok.head) in ("before", "antes"):
        return _has_modal(tree, tree.tokens[tok.head].head)
    return False


_AUX_DEPS = frozenset({"aux", "auxpass", "aux:pass", "cop"})


def is_reduced_passive(tree: DepTree, i: int) -> bool:
    """Whether participle i, read by the parser as the main verb of its subject, is a passive
    with its auxiliary left out: "Two soldiers killed by gunmen near the border" has no
    finite verb, and its "by" phrase names who killed (no auxiliary, a subject, an agent);
    so is a participle phrase with a "by" phrase on a clause or a noun (below)."""
    kids = [tree.tokens[c].dep for c in tree.children(i)]
    if "agent" not in kids or any(d in _AUX_DEPS for d in kids):
        return False
    if tree.tokens[i].dep in ("advcl", "acl") and tree.tokens[i].tag == "VBN":
        # "Rebuked by Chile, Peru ...", "Peru, criticised by Chile, ...": a participle
        # phrase with a "by" phrase tells what was done to the noun it hangs on
        return True
    return tree.tokens[i].dep == "ROOT" and any(d in ("nsubj", "nsubj:pass") for d in kids)


def is_pledged(tree: DepTree, i: int) -> bool:
    """'agreed to send troops to Lithuania', 'se comprometió a enviar tropas': the act is
    the complement of a pledge to the other side (a promise of protection, no threat)."""
    tok = tree.tokens[i]
    return tok.dep == "xcomp" and tree.lemma(tok.head) in cues.PLEDGING_HEADS


def receiving_verb(tree: DepTree, i: int) -> int | None:
    """The verb of receiving whose object noun act i is ("Russia got a warning from NATO",
    "recibió una invitación de China"), or None: the act comes to that verb's subject."""
    tok = tree.tokens[i]
    if tok.dep in ("dobj", "obj") and tree.lemma(tok.head) in cues.RECEIVING_VERBS:
        return tok.head
    return None


def in_time_phrase(tree: DepTree, i: int) -> bool:
    """'after a three-day visit to Germany', 'durante su visita a Cuba': a noun act that
    tells when the clause's act happened."""
    return tree.tokens[i].dep in ("pobj", "obl", "nmod") and tree.preposition_of(i) in _WHEN


_WHEN = frozenset({"after", "during", "before", "following", "tras", "durante", "antes"})


def is_sent_to_a_state(tree: DepTree, i: int) -> bool:
    """'France will send 2,000 soldiers to Romania', 'enviará tropas a Polonia': a deployment
    planned to a place named as its destination is a promise of protection to it, no threat
    (one 'near' or 'on the border of' a state still is)."""
    for c in tree.children(i):
        tok = tree.tokens[c]
        if tok.dep == "prep" and tree.lemma(c) == "to":
            places = [t for t in tree.children(c) if tree.tokens[t].dep == "pobj"]
        elif tok.dep == "obl" and tree.preposition_of(c) == "a":
            places = [c]
        else:
            continue
        if any(tree.tokens[t].pos == "PROPN" for t in places):
            return True
    return False


def is_use_of_thing(tree: DepTree, i: int) -> bool:
    """'Los fondos servirán para instalar paneles', 'the credit will serve to repair plants':
    the act is the purpose a thing serves, told of no doer (so is each act joined to it)."""
    tok = tree.tokens[i]
    while tok.dep == "conj" and tok.head != tok.i:
        tok = tree.tokens[tok.head]
    return tok.dep in ("advcl", "xcomp", "ccomp", "obl") and tree.lemma(tok.head) in cues.USE_HEADS
