"""Sides a clause leaves open: the nearest other state, the article's parties, one state's
acts inside it (the base of events/roles.RoleFinder)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from bilat.events import cues
from bilat.events.antecedents import acts_on_named_state
from bilat.events.coordination import conjunct_chain
from bilat.events.spans import (
    PlacedSpan,
    Roles,
    countries_of,
    describes_noun,
    find_speakers,
    is_aside,
)
from bilat.events.syntax import DepTree
from bilat.events.triggers import TriggerRule
from bilat.models import ActorSpan

SYMMETRIC_EVENTS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AGREE"})
# Verbal acts whose target may sit in a complement clause.
SPOKEN_EVENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
CONFLICT_EVENTS = SPOKEN_EVENTS | {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# Acts coded even when only one side is a state ("rebels surrendered", "Israel threatened").
ONE_SIDED_EVENTS = CONFLICT_EVENTS | {"CONCEDE", "RETREAT"}
# Acts whose other side may be filled from the article's parties: cooperation between the
# article's two states is the usual case; a conflict act's target is not guessed that way.
ARTICLE_FILL_EVENTS = SYMMETRIC_EVENTS | {"AID"}
# Acts done to a state from outside it: meeting, thanking or helping a state by name.
_VISITING_EVENTS = frozenset({"CONSULT", "SUPPORT", "AID"})


class SideFiller:
    """The article's placed spans and what fills a side the clause leaves open."""

    def __init__(self, tree: DepTree, placed: Sequence[PlacedSpan]) -> None:
        self.tree = tree
        self.placed = placed
        counts = Counter(p.span.country for p in placed if p.span.country)
        self.by_frequency = [c for c, _ in counts.most_common()]
        first = {c: next(p.span for p in placed if p.span.country == c) for c in counts}
        self.dyad = [first[c] for c in self.by_frequency[:2]]
        self._reported: set[int] = set()  # tokens of the trigger's reported clause
        # tokens of phrases that tell where the trigger's object is or of its own relations
        self._asides: set[int] = set()
        self._sites: set[int] = set()  # tokens of the phrases telling where a protest stands
        self._venues: set[int] = set()  # tokens of the place a joint act was done in
        self._foreign = False  # the trigger's object names other states' people unnamed
        self._cities = {p.head for p in placed if p.span.kind == "place"}
        self._owners = {p.head for p in placed if p.span.country}
        self._named = {p.head for p in placed}
        # tokens naming who backs the clause's subject (implied_roles.find_backers), set
        # per trigger for conflict acts: no other side of them
        self._backers: frozenset[int] = frozenset()

    def _spans_in(self, tokens: set[int], states_only: bool = False) -> list[ActorSpan]:
        return [
            p.span
            for p in self.placed
            if p.head in tokens and (not states_only or p.span.kind == "state")
        ]

    def _inside_one_state(
        self, actor: list[ActorSpan], recipient: list[ActorSpan], rule: TriggerRule
    ) -> Roles | None:
        """'Opposition leaders agreed to postpone the rally in Baku': a text that names one
        state only tells of acts inside it, and PLOVER codes those with that state on both
        sides. A noun (but a protest) or a clause naming no party is no act of its own; a
        state pledging on its own ("Cuba promised new railways") deals with no one."""
        noun = rule.noun and rule.event != "PROTEST"
        # "the government and the rebels signed a truce in Lusaka": the venue is no state of
        # the text's acts, and "NATO" in "discussed NATO expansion" is no state at all
        states = [
            c
            for c in self.by_frequency
            if any(
                p.span.country == c and p.head not in self._venues and p.span.kind != "igo"
                for p in self.placed
            )
        ]
        if len(states) != 1 or noun or not (actor or recipient):
            return None
        abroad = self._deals_abroad(actor, recipient, rule)
        if self._reported and rule.event != "REQUEST" and not abroad:
            return None  # "denied that its officials met anyone": a claim, no target
        if rule.event in ARTICLE_FILL_EVENTS and any(s.kind in ("state", "place") for s in actor):
            return None
        if abroad:
            # the other side is of another state: a named doer stays, of no known state
            told = bool(recipient) or rule.event in ONE_SIDED_EVENTS or rule.event == "REQUEST"
            return Roles(tuple(actor), tuple(recipient), "one-sided") if actor and told else None
        country = states[0]
        state = next(p.span for p in self.placed if p.span.country == country)
        if rule.event in ONE_SIDED_EVENTS and acts_on_named_state(
            actor, recipient, self._names_the_state
        ):
            # "President Bush threatened Russia": no Russian act (antecedents.py)
            return Roles(tuple(actor), tuple(recipient), "one-sided")
        actor = [s if s.country else replace(s, country=country) for s in actor]
        recipient = [s if s.country else replace(s, country=country) for s in recipient]
        return Roles(tuple(actor or [state]), tuple(recipient or [state]), "inside")

    def _deals_abroad(
        self, actor: list[ActorSpan], recipient: list[ActorSpan], rule: TriggerRule
    ) -> bool:
        """Whether the act's other side is of another state than the one the text names:
        its object names other states' people unnamed ("Ukraine urged its allies", "expelled
        the diplomats of seven countries"), it meets, thanks or helps a state by name
        ("George Washington visited France"), or it deals with a state's envoy ("the
        ministry summoned China's envoy")."""
        if self._foreign and not countries_of(recipient):
            return True
        if rule.event in _VISITING_EVENTS and any(self._names_the_state(s) for s in recipient):
            return True
        return any(self._is_envoy(s) for s in [*actor, *recipient])

    def _same_state(
        self, actor: list[ActorSpan], recipient: list[ActorSpan], sentence: range, i: int
    ) -> tuple[list[ActorSpan], list[ActorSpan]]:
        """'Sudan's government lifted the state of emergency', 'Algeria's president
        threatened a curfew in Algiers': when the sentence names the actor's state only, the
        target with no country is taken to be inside it (PLOVER codes such domestic acts
        with that state on both sides)."""
        if self._foreign or any(self._is_envoy(s) for s in [*actor, *recipient]):
            # "urged its allies", "summoned the ambassador": not inside its own state
            return actor, recipient
        states = {p.span.country for p in self.placed if p.head in sentence and p.span.country}
        speakers = find_speakers(self.tree, sentence, i)
        told_by = {p.span.country for p in self.placed if p.head in speakers}
        states -= told_by | {p.span.country for p in self.placed if p.head in self._backers}
        if len(states) != 1 or (told_by - {None} - states):
            # "Russian rockets hit a hospital, Ukrainian officials said": the sentence has
            # two states, and the one that tells is not known to be the target
            return actor, recipient
        country = next(iter(states))
        if countries_of(actor) == states:
            filled = [replace(s, country=country) for s in recipient if not s.country]
            return actor, filled or [actor[0]]
        # a named person or body acting on its own state ("President Dos Santos conceded"), not
        # on it by name ("Bush threatened Russia"); nor an unnamed attacker ("a bomb killed")
        if acts_on_named_state(actor, recipient, self._names_the_state):
            return actor, recipient
        named = [replace(s, country=country) for s in actor if not s.country]
        keep = bool(named) and countries_of(recipient) == states
        return (named, recipient) if keep else (actor, recipient)

    def _domestic(
        self, actor: list[ActorSpan], recipient: list[ActorSpan], event: str
    ) -> list[ActorSpan]:
        """'The Sudanese government lifted a curfew on Sudanese towns': an act inside one
        state, told with distinct actor and recipient spans of that state, keeps them."""
        countries = countries_of(actor)
        if event in SYMMETRIC_EVENTS or len(countries) != 1 or countries_of(recipient) - countries:
            return []
        taken = {(s.start, s.end) for s in actor}
        # "France accused Rwanda by alleging Paris ...": a state or its capital named
        # again is the actor itself, not a domestic target
        return [
            s
            for s in recipient
            if s.country
            and (s.start, s.end) not in taken
            and not self._names_the_state(s)
            and self._head_of(s) not in self._reported  # "denied that X met ...": no target
        ]

    def _is_envoy(self, span: ActorSpan) -> bool:
        """'the Peruvian envoy', 'el embajador chino': a state's envoy deals with others."""
        return self.tree.lemma(self._head_of(span)) in cues.ENVOY_NOUNS

    def _names_the_state(self, span: ActorSpan) -> bool:
        """'Paris', 'France' name the state itself; 'Palestinian' (groups) names people of it."""
        if span.kind == "place":
            return True
        return span.kind == "state" and self.tree.tokens[self._head_of(span)].pos == "PROPN"

    def _fill(
        self, i: int, sentence: range, taken: set[str], article: bool
    ) -> tuple[list[ActorSpan], str] | None:
        """The nearest span of another country in the sentence with the spans coordinated
        with it ("thinks Chile and Peru will agree": both), else the article's first."""
        near = [p for p in self.placed if p.head in sentence and p.span.country not in taken]
        # "questions about the Russian center in Cuba": Cuba was judged no side of the act
        near = [p for p in near if p.head not in self._asides]
        near = [p for p in near if p.span.country and not is_aside(self.tree, p.head, i)]
        speakers = find_speakers(self.tree, sentence, i)
        near = [p for p in near if p.head not in speakers]
        if near:
            # "a visit that Washington follows closely": who describes the act is no party
            best = min(near, key=lambda p: (describes_noun(self.tree, p.head, i), abs(p.head - i)))
            chain = conjunct_chain(self.tree, best.head)
            return [p.span for p in near if p is best or p.head in chain], "nearest"
        if not article:
            return None
        # "signed a truce in Nairobi" with the venue set aside: no party by frequency either
        for country in self.by_frequency:
            spans = [p.span for p in self.placed if p.span.country == country]
            spans = [s for s in spans if self._head_of(s) not in self._venues]
            if country not in taken and spans:
                return [spans[0]], "article"
        return None

    def _head_of(self, span: ActorSpan) -> int:
        return next(p.head for p in self.placed if p.span is span)
