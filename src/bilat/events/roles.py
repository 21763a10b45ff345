"""Who acts and who is acted upon: actor and recipient spans for one trigger."""

from __future__ import annotations

from bilat.events import cues
from bilat.events.antecedents import (
    find_antecedent,
    find_person_side,
    refers_to_party,
)
from bilat.events.coordination import (
    BETWEEN,
    find_venues,
    outside_between,
    shallow_spans,
    with_conjuncts,
)
from bilat.events.implied_roles import (
    find_announcer,
    find_force_subject,
    inverted_subject,
    lies_abroad,
)
from bilat.events.judged import (
    judged_victims,
    object_victim_phrases,
    opposed_plans,
    rejected_claims,
)
from bilat.events.party_fill import (
    ARTICLE_FILL_EVENTS,
    CONFLICT_EVENTS,
    ONE_SIDED_EVENTS,
    SPOKEN_EVENTS,
    SYMMETRIC_EVENTS,
    SideFiller,
)
from bilat.events.spans import (
    FROM,
    STRENGTH,
    PlacedSpan,
    Roles,
    countries_of,
    describes_state,
    find_speakers,
    find_where,
    governing_verb,
    is_aside,
    is_definite,
    is_own_side,
    is_second_object,
    may_stand_alone,
    nested_asides,
    nested_city_phrases,
    nested_places,
    place_spans,
    split_coordinated,
    strip_nested_phrases,
    unique_spans,
)
from bilat.events.syntax import (
    CLAUSE_DEPS,
    RELATIVE_DEPS,
    SUBJECT_DEPS,
    find_subject,
    in_time_phrase,
    receiving_verb,
)
from bilat.events.triggers import Trigger
from bilat.models import ActorSpan

__all__ = ["STRENGTH", "PlacedSpan", "RoleFinder", "Roles", "place_spans"]

OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "attr", "oprd"})
POSSESSOR_DEPS = frozenset({"poss", "nmod:poss", "compound", "amod", "flat", "appos"})
_RELCL_DEPS = frozenset({"relcl", "acl:relcl"})
_SKIP_DEPS = CLAUSE_DEPS | SUBJECT_DEPS | frozenset({"punct", "aux", "auxpass", "neg", "det"})
# Acts where "from X" names the giver ("a loan from Russia"); elsewhere X is the target
# ("withdrew from Panama", "seized arms from the rebels").
FROM_SOURCE_EVENTS = SYMMETRIC_EVENTS | {"AID"}
# Acts whose unnamed doers (a crowd, a bomb) are taken to be of the state where they act.
LOCAL_EVENTS = frozenset({"PROTEST", "ASSAULT"})
# Possessive pronouns that may point back to the speaker: "fired at its territory".
_OWNING_PRONOUNS = frozenset({"its", "their", "su", "sus"})
# Expulsions and deportations: told in the passive, "from X" names who expels.
_EXPULSIONS = frozenset({"166", "1661", "1662", "1663", "174"})


class RoleFinder(SideFiller):
    """Assigns roles for the triggers of one article.

    Direction convention: the source (actor) is the agent of the trigger. "A visited B" and
    "A's delegation arrived in B" are A->B (the visitor acts, CAMEO 042); "B hosted / received /
    welcomed A" is B->A (the host acts, CAMEO 043, as the PLOVER GSR codes it). The subject side
    gives the actor, objects and prepositional objects ("to", "for", "with"; "in" only for a
    state) the recipient; passive voice ("A was received by B": B->A) and `reverse` triggers
    ("Cuba received a loan": the lender acts) swap the sides. Symmetric acts with a coordinated
    subject ("Russia and Cuba signed") split it in text order. When the clause names no one on
    one side, the nearest other country in the sentence fills it, then the article's most
    frequent one, each with less confidence; a text that names one state only codes acts inside
    it with that state on both sides, as PLOVER does.
    """

    def _sides(self, trigger: Trigger) -> tuple[set[int], set[int], set[int], set[int]]:
        """Token sets: subject, agent ("by", "from"), objects, locatives ("in" + state)."""
        tree, i, noun = self.tree, trigger.token, trigger.rule.noun
        self._reported, self._asides, self._sites, self._venues = set(), set(), set(), set()
        self._content: set[int] = set()  # tokens of the act's complement clause ("agreed to ...")
        subject: set[int] = set()
        agent: set[int] = set()
        objects: set[int] = set()
        places: set[int] = set()
        own_forces = find_force_subject(tree, i, trigger.rule.event)  # implied_roles.py
        inverted = [] if noun else inverted_subject(tree, i)  # "atracó en Mariel un buque"
        for s in (
            (find_subject(tree, i) or own_forces or inverted)
            if not noun
            else find_announcer(tree, i)
        ):
            core = tree.subtree(s, RELATIVE_DEPS)
            # "the delegation, headed by Smirnova, met ...": a participle phrase may name it
            subject |= core if self._spans_in(core) else tree.subtree(s, _RELCL_DEPS)
        # "a statement to condemn the Japanese decision": the act's own phrase is no part of
        # its subject; whoever issued the statement is
        subject -= {i}.union(
            *(
                tree.subtree(c)
                for c in tree.children(i)
                if tree.tokens[c].dep not in SUBJECT_DEPS and c not in inverted
            )
        )
        if not noun and not tree.is_passive(i):  # a passive's subject is the patient
            subject = self._without_doers_city(subject)
        issued = (
            tree.tokens[i].dep == "acl" and tree.lemma(tree.tokens[i].head) in cues.ISSUED_TEXTS
        )
        verb = governing_verb(tree, i) if issued else None
        if verb is not None and not self._spans_in(subject):
            issuers = find_subject(tree, verb)
            subject = set().union(*(tree.subtree(s, RELATIVE_DEPS) for s in issuers)) or subject
        # "a Russian diplomat was expelled from Estonia": who expels is the state left
        expelled = not noun and trigger.rule.cameo in _EXPULSIONS and tree.is_passive(i)
        from_source = trigger.rule.event in FROM_SOURCE_EVENTS or expelled
        # "Russia got a warning from NATO": a noun act received comes from the "from" side
        # and goes to whoever received it
        receiver = self._receiver_of(i) if noun else None
        # "condemned the attack on a convoy in Gaza": the parser hangs the attack's "on"
        # phrase on "condemned"; it is the attack's, and whom the attack hit is not accused
        kids = [*tree.children(i), *(object_victim_phrases(tree, i) if noun else ())]
        if noun and tree.lemma(tree.tokens[i].head) in cues.JUDGING_VERBS:
            # "Russia condemned the attack on its embassy": the judge did not do the act
            judge = tree.tokens[i].head
            self._asides |= set().union(*(tree.subtree(s) for s in find_subject(tree, judge)))
        judged = judged_victims(tree, i) if tree.lemma(i) in cues.JUDGING_VERBS else set()
        judged |= rejected_claims(tree, i)  # "rejects reports of a Chinese base": not China
        judged |= opposed_plans(tree, i)  # "protested the plan to allow British mining"
        self._asides |= judged
        for c in kids:
            dep = tree.tokens[c].dep
            if c in judged:
                continue
            if tree.is_content_clause(c) and trigger.rule.event in SPOKEN_EVENTS:
                # "demanded that Hamas renounce ...": the one asked, else the whole clause
                told = set().union(*(tree.subtree(t) for t in tree.kids_with(c, SUBJECT_DEPS)))
                told = told if self._spans_in(told) else tree.subtree(c, RELATIVE_DEPS)
                objects |= told
                self._reported |= told
                continue
            # "met with X, and with Y": the parser hangs the second phrase on the verb
            joined = dep == "conj" and tree.tokens[c].pos == "ADP"
            if (dep in _SKIP_DEPS and not joined) or is_second_object(tree, i, c) or c in inverted:
                continue
            prep = tree.lemma(c) if joined else tree.preposition_of(c)
            if prep in FROM and receiver is not None:
                agent |= tree.subtree(c, RELATIVE_DEPS)
                continue
            if prep in FROM and not from_source:
                prep = "to"  # "withdrew from Panama", "demanded autonomy from Serbia"
            if prep == "in" and "front" in {tree.lemma(k) for k in tree.children(c)}:
                prep = "before"  # "in front of the embassy": where a protest stands
            if prep == "of" and not noun:
                continue  # "accused of interfering in US elections": the charge, no party
            if (
                prep in cues.GRIEVANCE_PREPOSITIONS
                and trigger.rule.event == "THREATEN"
                and not noun
            ):
                continue  # "vowed revenge for the killing in Syria": what it answers, no party
            # "clashes between X and Y": the phrase names both parties, conjuncts and all
            part = tree.subtree(
                c, RELATIVE_DEPS if prep in BETWEEN else RELATIVE_DEPS | CLAUSE_DEPS
            )
            if not noun:
                part = with_conjuncts(tree, part)
            if noun and (dep in POSSESSOR_DEPS or prep in cues.AGENT_PREPOSITIONS):
                # "the withdrawal of forces from Panama": a place the owner came from is
                # the other side, not the owner
                nested = nested_places(tree, part, c, left=not from_source)
                subject |= part - nested
                objects |= nested
            elif (
                prep in cues.PROTEST_SITE_PREPOSITIONS
                and trigger.rule.event == "PROTEST"
                and not (prep == "at" and self._names_state_at(c))
            ):  # "rallied outside the US embassy in Seoul"; "at the embassy", not "at Minsk"
                self._sites |= part - {c}
            elif dep == "agent" or prep in cues.AGENT_PREPOSITIONS:
                agent |= part - nested_city_phrases(tree, part, c, self._cities, self._owners)
            elif dep in OBJECT_DEPS or prep in cues.RECIPIENT_PREPOSITIONS:
                aside = nested_asides(tree, part, c, self._named)
                objects |= part - aside
                self._asides |= aside
            elif prep in cues.LOCATIVE_PREPOSITIONS or (
                prep in cues.ROUTE_PREPOSITIONS and trigger.rule.event in LOCAL_EVENTS
            ):  # "marched through Seoul": the crowd is of the city it crosses
                own = strip_nested_phrases(tree, part, c)
                places |= own
                self._asides |= part - own
            elif dep == "xcomp":
                aside = nested_asides(tree, part, c, self._named)
                objects |= part - aside - {c}
                self._asides |= aside
                self._content |= part
        # two parties of a joint act named as its subject: a place beside them is the venue
        joint = subject if trigger.rule.event in SYMMETRIC_EVENTS else set()
        venues = set() if noun else find_venues(tree, i, self.placed, joint)
        self._asides |= venues
        self._venues = venues
        if receiver is not None and agent:
            objects |= receiver
        helpers = self._help_phrases(objects)  # "exchanged prisoners with UAE mediation"
        self._asides |= helpers
        objects -= venues | judged | helpers
        # "urged its allies to speed up deliveries", "the ambassador was summoned": the
        # other side is foreign, unnamed
        patients = subject if tree.is_passive(i) and not noun else objects
        heads = {t for t in patients if tree.tokens[t].head not in patients}
        self._foreign = any(tree.lemma(t) in cues.FOREIGN_NOUNS for t in objects) or any(
            tree.lemma(t) in cues.ENVOY_NOUNS for t in heads
        )
        return subject, agent, objects, places - venues

    def _without_doers_city(self, subject: set[int]) -> set[int]:
        """'China's ambassador in Havana donated ...': the city a doer named with a country is
        in is where the doer is, no doer ("protesters in Lima" keep theirs: they have no
        other country)."""
        tree = self.tree
        where = set().union(
            *(
                tree.subtree(t)
                for t in subject
                if tree.tokens[t].dep in ("prep", "nmod", "obl")
                and tree.preposition_of(t) in cues.LOCATIVE_PREPOSITIONS
            )
        )
        cities = all(p.span.kind == "place" for p in self.placed if p.head in where)
        if not (where and cities and countries_of(self._spans_in(subject - where))):
            return subject
        self._asides |= where
        return subject - where

    def _receiver_of(self, i: int) -> set[int] | None:
        """Tokens of who received noun act i ("Russia got a warning", "recibió una
        invitación"): the subject of the receiving verb whose object it is, or None."""
        tree, verb = self.tree, receiving_verb(self.tree, i)
        if verb is None:
            return None
        return set().union(*(tree.subtree(s, RELATIVE_DEPS) for s in find_subject(tree, verb)))

    def _speakers_owned(self, objects: set[int], sentence: range, i: int) -> list[ActorSpan]:
        """The states of the speakers of trigger i's sentence when its object is theirs by a
        possessive pronoun ("at its territory", "contra su territorio")."""
        tree = self.tree
        owned = any(
            tree.tokens[t].dep in ("poss", "det")
            and tree.lemma(t) in _OWNING_PRONOUNS
            and not any(
                tree.lemma(k) in ("own", "propio") for k in tree.children(tree.tokens[t].head)
            )
            for t in objects
        )
        if not owned:
            return []
        # a speaker told after the act ("..., Ukraine said") is no antecedent of "its"
        speakers = [
            s for s in self._spans_in(find_speakers(tree, sentence, i)) if self._head_of(s) < i
        ]
        return [s for s in speakers if s.country] if len(countries_of(speakers)) == 1 else []

    def _help_phrases(self, tokens: set[int]) -> set[int]:
        """Tokens of the 'with the mediation of Qatar', 'con mediación de Catar' phrases
        among `tokens`, wherever the parser hangs them: whoever helps is no party."""
        tree, out = self.tree, set()
        for t in tokens:
            if tree.lemma(t) in cues.HELP_NOUNS and tree.preposition_of(t) in ("with", "con"):
                out |= tree.subtree(t)
        return out

    def _names_state_at(self, c: int) -> bool:
        """Whether the phrase at `c` ("at Minsk") is a state or city named by itself."""
        heads = {c, *self.tree.kids_with(c, frozenset({"pobj"}))}
        return any(p.head in heads and p.span.kind in ("state", "place") for p in self.placed)

    def _hosts(self, actor: list[ActorSpan], recipient: list[ActorSpan]) -> bool:
        """Whether the venue of a meeting lies in the state of the actor side only (that side
        hosts, and a host is the recipient of a visit, as the seeds and the PLOVER GSR code)."""
        venue = {p.span.country for p in self.placed if p.head in self._venues and p.span.country}
        return bool(venue) and venue == countries_of(actor) and not venue & countries_of(recipient)

    def _against_own_state(self, actor: list[ActorSpan], event: str) -> bool:
        """'Venezuelan exiles rallied in Madrid against the government in Caracas': people
        of a state who act against it by name act inside it (PLOVER codes VEN->VEN); the
        state itself named again ("France ... Paris") is no target of its own."""
        named_state = any(self._names_the_state(s) for s in actor)
        return event in CONFLICT_EVENTS and bool(actor) and not named_state

    def _verb_subject(self, i: int) -> tuple[set[int], bool]:
        """For a noun trigger: the subject of the nearest governing verb that names an actor."""
        tree, cur = self.tree, i
        for _ in range(3):
            verb = governing_verb(tree, cur)
            if verb is None:
                break
            subjects = find_subject(tree, verb)
            tokens: set[int] = set().union(*(tree.subtree(s, RELATIVE_DEPS) for s in subjects))
            if self._spans_in(tokens):
                return tokens, True
            cur = verb
        return set(), False

    def find(
        self, trigger: Trigger, sentence: range, backers: frozenset[int] = frozenset()
    ) -> Roles | None:
        """Actor and recipient spans for a trigger, or None unless two countries take part
        (one is enough for an agentless passive: "Russia has been accused of ..."). `backers`:
        tokens naming who backs the sentence's subject (implied_roles.find_backers)."""
        tree, rule, i = self.tree, trigger.rule, trigger.token
        if not rule.noun and describes_state(tree, i, cues.STATE_VERBS):
            return None
        subject, agent, objects, places = self._sides(trigger)
        self._backers = backers if rule.event in CONFLICT_EVENTS else frozenset()
        self._asides |= self._backers  # "Backed by Russia, Syrian troops shelled Idlib"
        passive = not rule.noun and tree.is_passive(i)
        own = self._spans_in(subject | objects | agent) + self._spans_in(places, True)
        if rule.noun and not countries_of(own):
            if is_definite(tree, i):
                return None  # "described the visit as": the visit was coded where it was told
            subject, _ = self._verb_subject(i)
        elif rule.noun and not self._spans_in(subject) and in_time_phrase(tree, i):
            # "the Chinese premier left Bonn after a visit to Germany": the clause's subject
            # made the visit
            subject = self._verb_subject(i)[0] or subject
        # "the delegation met", "he met": a party the article named before
        anaphoric = not passive and refers_to_party(tree, subject)
        subj = self._spans_in(subject)
        # "he met X and Y": he is who the text named before, not a neighbour of X or Y
        ante = [] if subj or passive or rule.noun else find_antecedent(tree, self.placed, subject)
        subj = subj or ante
        obj = self._spans_in(objects) + self._spans_in(places, states_only=True)
        # a protest outside a state's embassy is against that state; a square or tower is
        # only where it stands
        obj += [s for s in self._spans_in(self._sites) if s.kind in ("organization", "state")]
        if not rule.noun:  # "flew to Zembla for a summit with Freedonia": Freedonia is no party
            obj = shallow_spans(tree, obj, [self._head_of(s) for s in obj], i, self._reported)
            # "X, at the heart of a row between Y and Z, called on W": Y and Z are no parties
            subj = outside_between(tree, subj, [self._head_of(s) for s in subj], i)
        by = self._spans_in(agent)
        if rule.reverse:
            actor, recipient = (subj, by) if passive else (obj + by, subj)
        else:
            actor, recipient = (by, subj + obj) if passive else (subj or by, obj)
            if passive and not by and rule.cameo == "161":
                # "Algeria's ambassador to France was recalled": by the envoy's own state
                envoys = [s for s in subj if self._is_envoy(s)]
                if envoys:
                    actor, recipient = envoys, [s for s in recipient if s not in envoys]
        how = "antecedent" if ante else "clause"
        doers = agent if passive else subject  # "was stormed by protesters": they act
        if rule.event in LOCAL_EVENTS and doers and not countries_of(actor):
            # "inmates rioted in a prison near Dili", "crowds protested in Moscow": an
            # unnamed crowd or attacker is of the state where it acts (as the PLOVER GSR codes)
            where = subject | objects | places | agent | self._sites  # "... embassy in Seoul"
            actor = actor + find_where(self.tree, self.placed, where)
        # "to prop up the Castro government, long a foe of Washington": the country
        # of an apposition inside the object describes, it does not receive
        recipient = [r for r in recipient if not is_aside(self.tree, self._head_of(r), i)]
        # "Pakistan, a close partner of the US, declined": the apposition describes the actor
        kept = [a for a in actor if not is_aside(self.tree, self._head_of(a), i)]
        actor = kept if countries_of(kept) else actor
        actor, recipient = unique_spans(actor), unique_spans(recipient)
        if rule.event in CONFLICT_EVENTS and countries_of(actor) and not countries_of(recipient):
            # "Israel said Iran fired drones at its territory": "its" is the speaker's
            recipient = recipient + self._speakers_owned(objects, sentence, i)
        if rule.event in SYMMETRIC_EVENTS or rule.mutual:
            if split_coordinated(actor) is not None:
                # "Japan and Australia agreed to share intelligence on China": the two that
                # agree are the parties, not a state the agreed act is about
                recipient = [r for r in recipient if self._head_of(r) not in self._content]
            if not (countries_of(recipient) - countries_of(actor)):
                split = split_coordinated(actor)
            elif not countries_of(actor):
                split = split_coordinated(recipient)  # "a meeting between X and Y"
            else:
                split = None
            if split is not None:
                actor, recipient, how = split[0], split[1], "split"
                if rule.event == "CONSULT" and self._hosts(actor, recipient):
                    # "the Russia-Cuba commission met in Moscow": Cuba's side visits Russia
                    actor, recipient = recipient, actor
        named = list(recipient)
        abroad = lies_abroad(tree, i, recipient)  # "seized a tanker in the Gulf of Oman"
        domestic = [] if abroad else self._domestic(actor, recipient, rule.event)
        recipient = [s for s in recipient if not is_own_side(s, actor)]
        own = [s for s in named if s not in recipient]
        if domestic:
            recipient, how = domestic, "domestic"
        elif own and not recipient and self._against_own_state(actor, rule.event):
            recipient, how = own, "domestic"  # "Venezuelan exiles rallied against Caracas"
        elif countries_of(actor) and not countries_of(recipient):
            # "our newsroom is committed to independent reporting": an outlet's own pledges are
            # no act towards the states its articles are about
            media = all(s.sector == "MED" for s in actor)
            article = rule.event in ARTICLE_FILL_EVENTS and not media
            filled = self._fill(i, sentence, countries_of(actor), article=article)
            if filled is not None:
                recipient, how = filled
        elif (
            countries_of(recipient) and not countries_of(actor) and not passive and not rule.reverse
        ):
            # "President Bush criticized Russia over the war in Georgia": no Georgian act
            persons = find_person_side(self.placed, actor, tree, i)
            filled = (
                None if persons else self._fill(i, sentence, countries_of(recipient), anaphoric)
            )
            if persons and persons[1]:
                actor, how = persons[1], "antecedent"
            elif filled is not None:
                actor, how = filled
        if not (countries_of(actor) or countries_of(recipient)):
            if not (anaphoric and rule.event in SYMMETRIC_EVENTS and len(self.dyad) == 2):
                return self._inside_one_state(actor, recipient, rule)
            # "the two leaders agreed", "the delegations signed": the article's two parties
            actor, recipient, how = [self.dyad[0]], [self.dyad[1]], "article"
        one_sided = not (countries_of(actor) and countries_of(recipient))
        if one_sided and not (passive and not by and rule.event in CONFLICT_EVENTS):
            # "Israel threatened to ban voting": a conflict or concession act told with
            # its actor in the clause is an event even when its target is no state
            # a noun ("a share of demand", "the attacks") needs both sides to be an act
            if rule.event not in ONE_SIDED_EVENTS or how != "clause" or rule.noun:
                return self._inside_one_state(actor, recipient, rule)
            # "a roadside bomb killed a U.S. soldier": a told act on a known target
            told = not rule.noun and bool(subject) and rule.event in CONFLICT_EVENTS
            if not actor and not (told and countries_of(recipient)):
                return self._inside_one_state(actor, recipient, rule)
            if abroad and countries_of(actor):
                return Roles(tuple(actor), tuple(recipient), "one-sided")
            if countries_of(actor) and not may_stand_alone(named):
                return self._inside_one_state(actor, recipient, rule)
            how = "one-sided"
            actor, recipient = self._same_state(actor, recipient, sentence, i)
            if actor and not (countries_of(actor) and countries_of(recipient)):
                # "the Umma party will boycott Algeria's elections": inside the one state
                # named (an unnamed attacker is still not guessed from the target)
                return self._inside_one_state(actor, recipient, rule) or Roles(
                    tuple(actor), tuple(recipient), how
                )
        return Roles(tuple(actor), tuple(recipient), how)
