"""Who acts and who is acted upon: actor and recipient spans for one trigger.

The subject side gives the actor, objects and prepositional objects ("to", "for", "with";
"in" only for a state) the recipient; passive voice and `reverse` triggers ("hosted",
"received") swap the sides. Symmetric acts with a coordinated subject ("Russia and Cuba
signed") split it in text order. When the clause names no one on one side, the nearest
other country in the sentence fills it, then the article's most frequent one, each with
less confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bilat.events import cues
from bilat.events.syntax import (
    CLAUSE_DEPS,
    RELATIVE_DEPS,
    SUBJECT_DEPS,
    DepTree,
    find_subject,
)
from bilat.events.triggers import Trigger
from bilat.models import ActorSpan

SYMMETRIC_EVENTS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AGREE"})
# Verbal acts whose target may sit in a complement clause.
SPOKEN_EVENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
CONFLICT_EVENTS = SPOKEN_EVENTS | {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "attr", "oprd"})
POSSESSOR_DEPS = frozenset({"poss", "nmod:poss", "compound", "amod", "flat", "appos"})
_RELCL_DEPS = frozenset({"relcl", "acl:relcl"})
_SKIP_DEPS = CLAUSE_DEPS | SUBJECT_DEPS | frozenset({"punct", "aux", "auxpass", "neg", "det"})
STRENGTH = {"clause": 0.85, "split": 0.75, "nearest": 0.6, "article": 0.45}


@dataclass(frozen=True, slots=True)
class PlacedSpan:
    """An ActorSpan with the document index of its head token."""

    span: ActorSpan
    head: int


@dataclass(frozen=True, slots=True)
class Roles:
    actor: tuple[ActorSpan, ...]
    recipient: tuple[ActorSpan, ...]
    how: str  # the weakest rule used: clause, split, nearest or article

    @property
    def strength(self) -> float:
        return STRENGTH[self.how]

    def countries(self) -> tuple[set[str], set[str]]:
        return _countries(self.actor), _countries(self.recipient)


def _countries(spans: Iterable[ActorSpan]) -> set[str]:
    return {s.country for s in spans if s.country}


def place_spans(tree: DepTree, spans: Sequence[ActorSpan]) -> list[PlacedSpan]:
    """Tie each span to its syntactic head token (token offsets are found when missing)."""
    tokens = tree.tokens
    out: list[PlacedSpan] = []
    for span in spans:
        if 0 <= span.token_start < span.token_end <= len(tokens):
            inside = range(span.token_start, span.token_end)
        else:
            inside = range(0)
            hits = [t.i for t in tokens if t.start < span.end and span.start < t.end]
            if hits:
                inside = range(hits[0], hits[-1] + 1)
        if not inside:
            continue
        heads = [i for i in inside if tokens[i].head not in inside or tokens[i].head == i]
        out.append(PlacedSpan(span, heads[0] if heads else inside[-1]))
    return out


class RoleFinder:
    """Assigns roles for the triggers of one article."""

    def __init__(self, tree: DepTree, placed: Sequence[PlacedSpan]) -> None:
        self.tree = tree
        self.placed = placed
        counts = Counter(p.span.country for p in placed if p.span.country)
        self.by_frequency = [c for c, _ in counts.most_common()]
        first = {c: next(p.span for p in placed if p.span.country == c) for c in counts}
        self.dyad = [first[c] for c in self.by_frequency[:2]]

    def _spans_in(self, tokens: set[int], states_only: bool = False) -> list[ActorSpan]:
        return [
            p.span
            for p in self.placed
            if p.head in tokens and (not states_only or p.span.kind == "state")
        ]

    def _sides(self, trigger: Trigger) -> tuple[set[int], set[int], set[int], set[int]]:
        """Token sets: subject, agent ("by", "from"), objects, locatives ("in" + state)."""
        tree, i, noun = self.tree, trigger.token, trigger.rule.noun
        subject: set[int] = set()
        agent: set[int] = set()
        objects: set[int] = set()
        places: set[int] = set()
        for s in find_subject(tree, i) if not noun else []:
            core = tree.subtree(s, RELATIVE_DEPS)
            # "the delegation, headed by Smirnova, met ...": a participle phrase may name it
            subject |= core if self._spans_in(core) else tree.subtree(s, _RELCL_DEPS)
        for c in tree.children(i):
            dep = tree.tokens[c].dep
            if dep == "ccomp" and trigger.rule.event in SPOKEN_EVENTS:
                objects |= tree.subtree(c, RELATIVE_DEPS)  # "denounced what they called X"
                continue
            if dep in _SKIP_DEPS:
                continue
            prep = tree.preposition_of(c)
            part = tree.subtree(c, RELATIVE_DEPS | CLAUSE_DEPS)
            if noun and (dep in POSSESSOR_DEPS or prep in cues.AGENT_PREPOSITIONS):
                subject |= part
            elif dep == "agent" or prep in cues.AGENT_PREPOSITIONS:
                agent |= part
            elif dep in OBJECT_DEPS or prep in cues.RECIPIENT_PREPOSITIONS:
                objects |= part
            elif prep in cues.LOCATIVE_PREPOSITIONS:
                places |= part
            elif dep == "xcomp":
                objects |= part - {c}
        return subject, agent, objects, places

    def _verb_subject(self, i: int) -> tuple[set[int], bool]:
        """For a noun trigger: the subject of the nearest governing verb that names an actor."""
        tree, cur = self.tree, i
        for _ in range(3):
            verb = _governing_verb(tree, cur)
            if verb is None:
                break
            subjects = find_subject(tree, verb)
            tokens: set[int] = set().union(*(tree.subtree(s, RELATIVE_DEPS) for s in subjects))
            if self._spans_in(tokens):
                return tokens, True
            cur = verb
        return set(), False

    def find(self, trigger: Trigger, sentence: range) -> Roles | None:
        """Actor and recipient spans for a trigger, or None unless two countries take part
        (one is enough for an agentless passive: "Russia has been accused of ...")."""
        tree, rule, i = self.tree, trigger.rule, trigger.token
        subject, agent, objects, places = self._sides(trigger)
        passive = not rule.noun and tree.is_passive(i)
        own = self._spans_in(subject | objects | agent) + self._spans_in(places, True)
        if rule.noun and not _countries(own):
            if _is_definite(tree, i):
                return None  # "described the visit as": the visit was coded where it was told
            subject, _ = self._verb_subject(i)
        # "the delegation met", "he met": a party the article named before
        anaphoric = not passive and self._refers_to_party(subject)
        subj = self._spans_in(subject)
        obj = self._spans_in(objects) + self._spans_in(places, states_only=True)
        by = self._spans_in(agent)
        if rule.reverse:
            actor, recipient = (subj, by) if passive else (obj + by, subj)
        else:
            actor, recipient = (by, subj + obj) if passive else (subj or by, obj)
        how = "clause"
        # "to bolster the government of Castro, a rival of the United States": the country
        # of an apposition inside the object describes, it does not receive
        recipient = [r for r in recipient if not self._is_aside(self._head_of(r), i)]
        actor, recipient = _unique(actor), _unique(recipient)
        if rule.event in SYMMETRIC_EVENTS:
            if not (_countries(recipient) - _countries(actor)):
                split = _split_coordinated(actor)
            elif not _countries(actor):
                split = _split_coordinated(recipient)  # "a meeting between X and Y"
            else:
                split = None
            if split is not None:
                actor, recipient, how = split[0], split[1], "split"
        recipient = [s for s in recipient if not s.country or s.country not in _countries(actor)]
        if _countries(actor) and not _countries(recipient):
            filled = self._fill(i, sentence, _countries(actor), article=True)
            if filled is not None:
                recipient, how = [filled[0]], filled[1]
        elif _countries(recipient) and not _countries(actor) and not passive and not rule.reverse:
            filled = self._fill(i, sentence, _countries(recipient), article=anaphoric)
            if filled is not None:
                actor, how = [filled[0]], filled[1]
        if not (_countries(actor) or _countries(recipient)):
            if not (anaphoric and rule.event in SYMMETRIC_EVENTS and len(self.dyad) == 2):
                return None
            # "the two leaders agreed", "the delegations signed": the article's two parties
            actor, recipient, how = [self.dyad[0]], [self.dyad[1]], "article"
        one_sided = not (_countries(actor) and _countries(recipient))
        if one_sided and not (passive and not by and rule.event in CONFLICT_EVENTS):
            return None
        return Roles(tuple(actor), tuple(recipient), how)

    def _refers_to_party(self, subject: set[int]) -> bool:
        """Whether the subject is a pronoun or a noun for a party ('the two sides')."""
        tokens = self.tree.tokens
        heads = [t for t in subject if tokens[t].head not in subject or tokens[t].head == t]
        return any(tokens[t].lemma.lower() in cues.PARTY_WORDS for t in heads)

    def _fill(
        self, i: int, sentence: range, taken: set[str], article: bool
    ) -> tuple[ActorSpan, str] | None:
        """The nearest span of another country in the sentence, else the article's."""
        near = [p for p in self.placed if p.head in sentence and p.span.country not in taken]
        near = [p for p in near if p.span.country and not self._is_aside(p.head, i)]
        if near:
            best = min(near, key=lambda p: abs(p.head - i))
            return best.span, "nearest"
        if not article:
            return None
        for country in self.by_frequency:
            if country not in taken:
                first = next(p.span for p in self.placed if p.span.country == country)
                return first, "article"
        return None

    def _head_of(self, span: ActorSpan) -> int:
        return next(p.head for p in self.placed if p.span is span)

    def _is_aside(self, head: int, i: int) -> bool:
        """'the government of Fidel Castro, a rival of the United States': a country named in
        an apposition or in another coordinated clause takes no part in this act."""
        tree, cur = self.tree, head
        for _ in range(12):
            tok = tree.tokens[cur]
            if cur == i or tok.head == cur:
                return False
            if tok.dep == "appos" or (tok.dep == "conj" and tok.pos in ("VERB", "AUX")):
                return not _dominates(tree, cur, i)
            cur = tok.head
        return False


def _dominates(tree: DepTree, top: int, i: int) -> bool:
    return i in tree.subtree(top)


def _governing_verb(tree: DepTree, i: int) -> int | None:
    cur = i
    for _ in range(6):
        head = tree.tokens[cur].head
        if head == cur:
            return None
        cur = head
        if tree.tokens[cur].pos in ("VERB", "AUX"):
            return cur
    return None


def _is_definite(tree: DepTree, i: int) -> bool:
    return any(
        tree.tokens[c].dep in ("det", "poss") and tree.lemma(c) in _DEFINITE
        for c in tree.children(i)
    )


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
_DEFINITE |= {"el", "la", "los", "las", "este", "esta", "ese", "esa", "su", "sus"}


def _unique(spans: Iterable[ActorSpan]) -> list[ActorSpan]:
    seen: dict[tuple[int, int], ActorSpan] = {}
    for s in spans:
        seen.setdefault((s.start, s.end), s)
    return sorted(seen.values(), key=lambda s: s.start)


def _split_coordinated(
    spans: list[ActorSpan],
) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """'Russia and Cuba signed': the first-named country acts, the others receive."""
    countries = [s.country for s in spans if s.country]
    if len(set(countries)) < 2:
        return None
    first = countries[0]
    return [s for s in spans if s.country == first], [s for s in spans if s.country != first]
