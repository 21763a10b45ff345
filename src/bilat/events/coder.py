"""Coders: named, versioned implementations that turn a parsed article into Mentions.

`rules.v1` finds triggers from the lexicon, skips negated and requested acts, turns
planned acts into AGREE, assigns actor and recipient (roles.py), and adds the date, the
figures of the trigger's clause, the place, the contexts and the CAMEO/Goldstein codes;
sentences (or stories) with a discard phrase code nothing (discards.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol, runtime_checkable

from bilat.config import EventSettings
from bilat.errors import ConfigError
from bilat.events import cues
from bilat.events.attachment import narrative_date, select_figures
from bilat.events.cancellations import orient_cancelled
from bilat.events.codebook import lookup_cameo
from bilat.events.confidence import is_embedded, score_confidence
from bilat.events.crowds import (
    PROTESTERS_ACTS,
    as_crowd_violence,
    is_by_protesters,
    serves_protest,
)
from bilat.events.dates import DateMention, iter_date_mentions
from bilat.events.discards import load_discards
from bilat.events.figures import extract_figures
from bilat.events.implied_roles import find_backers, find_force_subject, is_show_of_force
from bilat.events.judged import in_opposed_plan, in_question, in_rejected_claim
from bilat.events.learned import LearnedModel, find_fallback, load_model
from bilat.events.negation import (
    denies_claim,
    find_refusal,
    is_absent,
    is_denied_report,
    is_negated,
    is_refusing_party,
)
from bilat.events.non_events import (
    find_charges,
    has_personal_subject,
    is_generic,
    is_market_demand,
    is_natural_force,
    is_question,
    is_sport,
    is_topic,
    is_wished_by_another,
    stance_of,
    trails_speech,
)
from bilat.events.projects import (
    drop_project_acts,
    find_nationals,
    find_project_date,
    find_project_roles,
    find_stand_ins,
    is_description,
    iter_description_triggers,
    orient_to_host,
)
from bilat.events.roles import PlacedSpan, RoleFinder, Roles, place_spans
from bilat.events.spans import find_place, make_parties
from bilat.events.subsumed import better_twin, drop_one_sided_twins, drop_subsumed
from bilat.events.syntax import (
    DepTree,
    is_attributive,
    is_carried_purpose,
    is_condition,
    is_conditional,
    is_intended,
    is_obliged,
    is_opinion,
    is_pledged,
    is_promised,
    is_requested,
    is_sent_to_a_state,
    is_stated_purpose,
    is_use_of_thing,
)
from bilat.events.triggers import Trigger, iter_triggers, select_lexicon
from bilat.models import (
    ActorSpan,
    Article,
    Figure,
    Mention,
    ParsedDoc,
    Sentence,
    Span,
)

# Acts that, when only planned or promised, are coded as AGREE (with this CAMEO code).
INTENT_CAMEO = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "031", "AID": "033"}
INTENT_CAMEO |= {"CONCEDE": "035", "RETREAT": "035"}
# Acts that, when only announced or possible, are threats (PLOVER THREATEN, this CAMEO code).
THREAT_CAMEO = {"ASSAULT": "138", "MOBILIZE": "138", "COERCE": "137", "SANCTION": "131"}
THREAT_CAMEO |= {"PROTEST": "133"}
# Acts whose announcement in the future tense ("will break relations", "would ask") is the
# act itself: a threat or a demand made now. Planned or hoped for, they are no event.
ANNOUNCED_EVENTS = frozenset({"THREATEN", "REQUEST"})
# Verbal acts that an act done for their purpose already says ("recalled its envoy to protest").
SAID_IN_DOING = frozenset({"PROTEST", "ACCUSE", "REJECT"})
# Acts that, promised only under a condition ("unless", "if"), are threats.
CONDITIONAL_THREATS = frozenset({"RETREAT", "CONCEDE", "SANCTION", "COERCE", "ASSAULT"})
PHONE = re.compile(r"\b(?:phone|telephone|tel[eé]fon\w*)\b", re.IGNORECASE)
HISTORICAL_YEARS = 2  # a date this many years before publication makes a sentence history
# Events whose bare plural nouns name a kind of act ("cyber attacks", "sanctions"), not one.
GENERIC_NOUN_EVENTS = frozenset(
    {"ASSAULT", "THREATEN", "PROTEST", "COERCE", "SANCTION", "ACCUSE", "REQUEST", "REJECT"}
)


@runtime_checkable
class Coder(Protocol):
    """An event coder: `spec` ("rules.v1") is recorded on every mention it makes."""

    name: str
    version: str

    @property
    def spec(self) -> str: ...

    def code(
        self, article: Article, doc: ParsedDoc, actors: Sequence[ActorSpan]
    ) -> list[Mention]: ...


class RulesCoder:
    """Lexicon triggers plus dependency rules (English and Spanish); `events` settings may add
    verb dictionaries above the shipped tables (triggers.py) and discard phrases."""

    name = "rules"
    version = "v1"

    def __init__(
        self, events: EventSettings | None = None, learned: LearnedModel | None = None
    ) -> None:
        events = events or EventSettings()
        self.lexicon = select_lexicon(
            events.verb_dictionaries, events.verb_code_events, events.shipped_triggers
        )
        # the learned fallback types sentences the lexicon finds no trigger in; it is one of
        # bilat's shipped tables, so "your dictionaries alone" leaves it out too
        if learned is None and events.learned_fallback and events.shipped_triggers:
            learned = load_model()
        self.learned = learned
        self.discards = load_discards(events.discard_phrases)

    @property
    def spec(self) -> str:
        return f"{self.name}.{self.version}"

    def code(self, article: Article, doc: ParsedDoc, actors: Sequence[ActorSpan]) -> list[Mention]:
        tree = DepTree(doc)
        placed = place_spans(tree, actors)
        finder = RoleFinder(tree, placed)
        language = (doc.language or article.language or "en").split("-")[0].lower()
        stand_ins = {**find_nationals(tree, placed), **find_stand_ins(placed)}
        mentions: list[Mention] = []
        for sent in self.discards.iter_kept(article.text, doc.sentences):
            if is_question(sent.text):
                continue
            found = list(iter_triggers(tree, sent, language, self.lexicon, stand_ins))
            triggers = [t for t in found if _is_told(tree, t)]
            triggers = drop_subsumed(tree, triggers)
            described = list(iter_description_triggers(tree, sent, placed))
            if described:
                ordered = sorted(triggers + described, key=lambda t: t.token)
                triggers = drop_project_acts(tree, placed, ordered)
            if not (found or triggers) and self.learned is not None:
                guess = find_fallback(tree, sent, language, placed, self.learned)
                triggers = [guess] if guess is not None and _is_told(tree, guess) else []
            if triggers:
                mentions.extend(
                    self._code_sentence(article, tree, finder, placed, sent, triggers, language)
                )
        return mentions

    def _code_sentence(
        self,
        article: Article,
        tree: DepTree,
        finder: RoleFinder,
        placed: Sequence[PlacedSpan],
        sent: Sentence,
        triggers: list[Trigger],
        language: str,
    ) -> list[Mention]:
        text = article.text
        dates = list(iter_date_mentions(text, sent.start, sent.end, language, article.published))
        historical = any(_is_historical(d, article.published) for d in dates)
        figures = extract_figures(text, sent.start, sent.end, language)
        best: dict[tuple[str, frozenset[str]], Mention] = {}
        spoken = {t.token: t.rule.event for t in triggers}  # each trigger's event
        acts = set(spoken)
        backers, charges = find_backers(tree, triggers), find_charges(tree, triggers)
        for trigger in triggers:
            i, rule = trigger.token, trigger.rule
            if is_requested(tree, i) or is_stated_purpose(tree, i) or is_obliged(tree, i):
                continue
            if i in charges:
                continue  # "accused Iran of supplying drones": alleged, not reported
            if is_absent(tree, i) or denies_claim(tree, i) or is_denied_report(tree, i):
                continue  # "the talks did not take place", "denied that he would visit"
            if in_rejected_claim(tree, i) or in_question(tree, i) or is_wished_by_another(tree, i):
                continue  # "dismissed US claims of a Russian buildup": no buildup told
            if in_opposed_plan(tree, i):
                continue  # "protested against the plan to allow British mining": no plan told
            if rule.noun and stance_of(tree, i) in acts:
                continue  # "recalled its envoy in protest": the recall is the protest
            # "protesters ransacked the embassy": a crowd's violence is a riot, not an attack
            rule = as_crowd_violence(tree, i, rule)
            trigger = Trigger(i, rule)
            told = trigger  # the act as told: its parties are the refusal's parties
            refused = is_negated(tree, i)
            if refused:
                refusal = find_refusal(tree, i, rule)
                if refusal is None:
                    continue  # "did not meet": a negated act that is no refusal is no event
                rule = replace(rule, event=refusal[0], cameo=refusal[1], mode=None)
                trigger = Trigger(i, rule)
            anchor = tree.tokens[i].start
            when = _nearest_date(dates, anchor)
            if when is None and is_description(trigger):
                when = find_project_date(tree, placed, trigger, text, article.published)
            event, cameo = rule.event, rule.cameo
            by_protesters = event in PROTESTERS_ACTS and is_by_protesters(tree, i)
            if by_protesters:
                # "thousands of demonstrators demanded his resignation": a protest
                event, cameo = "PROTEST", "141"
            elif event in PROTESTERS_ACTS and serves_protest(tree, i, triggers):
                continue  # "rioted, demanding a referendum": the demand is the protest's aim
            # "will not accept": the refusal is stated now, whatever tense it takes
            # a project described as what it will be is the undertaking, not a pledge
            # "gathered to denounce Moscow": the protesters' aim is the protest going on
            intended = not refused and not is_description(trigger) and not by_protesters
            intended = intended and (is_intended(tree, i) or (when is not None and when.future))
            carried = is_carried_purpose(tree, i)
            said = event in SAID_IN_DOING  # "recalled its envoy to protest": said by it
            done = spoken.get(tree.tokens[i].head) in SAID_IN_DOING
            if carried and ((event in THREAT_CAMEO and not said) or (said and done)):
                # "stormed the embassy to arrest him": the aim of a done act is no threat;
                # "summoned the ambassador to protest": the summons is the protest
                continue
            intended = intended and not (carried and said)
            if intended and event in CONDITIONAL_THREATS and is_conditional(tree, i):
                # "will withdraw its force unless ...": a promise under a condition is a threat
                event, cameo = "THREATEN", THREAT_CAMEO.get(event, "130")
            elif intended and event in INTENT_CAMEO:
                event, cameo = "AGREE", INTENT_CAMEO[event]
            elif (
                intended
                and event == "MOBILIZE"
                and (
                    is_pledged(tree, i)
                    or (is_sent_to_a_state(tree, i) and not is_conditional(tree, i))
                )
            ):  # "agreed to send troops to Lithuania", "will send soldiers to Romania"
                event, cameo = "AGREE", "0334"
            elif intended and event in THREAT_CAMEO:
                # "would blockade Paris", "may halt mediation": the act is threatened
                event, cameo = "THREATEN", THREAT_CAMEO[event]
            elif intended and event in ANNOUNCED_EVENTS and is_promised(tree, i):
                pass  # "will cut ties with Ecuador": telling the act is the threat
            elif intended and event != "AGREE":
                continue  # "hoped they would be indicted": a wished-for act is no event
            inside = range(sent.token_start, sent.token_end)
            roles = finder.find(told, inside, backers)
            roles = roles or find_project_roles(tree, placed, told, inside)
            if roles is None:
                continue
            if refused and not is_refusing_party(told.rule, roles.actor):
                continue
            roles = orient_to_host(tree, placed, trigger, event, roles)
            roles = orient_cancelled(tree, placed, trigger, roles)
            solo = roles.how != "split"  # "French and Egyptian warships": two navies
            if cameo == "062" and solo and is_show_of_force(tree, i, roles.actor):
                event, cameo = "MOBILIZE", "150"  # "China held drills around Taiwan"
            if (
                event == "AGREE"
                and when is not None
                and (when.future or (intended and when.before_published is not True))
            ):
                when = None  # a promise is dated when it is made, not when it falls due
            mention = self._make_mention(
                article,
                tree,
                sent,
                trigger,
                event,
                cameo,
                roles,
                when,
                historical,
                figures,
                placed,
                intended and event != told.rule.event,
                is_embedded(tree, i, acts),
            )
            key = (event, frozenset(mention.countries("actor") + mention.countries("recipient")))
            best[key] = better_twin(best.get(key), mention)
        return drop_one_sided_twins(list(best.values()))

    def _make_mention(
        self,
        article: Article,
        tree: DepTree,
        sent: Sentence,
        trigger: Trigger,
        event: str,
        cameo: str,
        roles: Roles,
        when: DateMention | None,
        historical: bool,
        figures: list[Figure],
        placed: Sequence[PlacedSpan],
        converted: bool,
        embedded: bool,
    ) -> Mention:
        tok = tree.tokens[trigger.token]
        code = lookup_cameo(cameo)
        if when is not None and when.value:
            date_value, date_text = when.value, when.text
        elif not historical and article.published is not None:
            language = tree.doc.language or article.language or "en"
            date_value = narrative_date(article.text, sent.start, language, article.published)
            date_text = None
        else:
            date_value, date_text = None, None
        mode = trigger.rule.mode if event == trigger.rule.event else None
        if event == "CONSULT" and PHONE.search(sent.text):
            mode = "phone"
        contexts = cues.find_contexts(sent.text) or list(code.plover_context)
        parties = make_parties(roles.actor, roles.recipient)
        return Mention(
            id=Mention.make_id(article.id, sent.start, sent.end, event, self.spec, trigger.token),
            doc_id=article.id,
            event=event,
            mode=mode,
            context=contexts,
            actor=parties[0],
            recipient=parties[1],
            date=date_value,
            date_text=date_text,
            historical=historical,
            event_loc=find_place(tree, sent, placed, trigger.token),
            figures=select_figures(tree, trigger.token, figures, self.lexicon),
            event_text=sent.text,
            text_info=Span(start=sent.start, end=sent.end),
            trigger=Span(start=tok.start, end=tok.end),
            confidence=score_confidence(roles, trigger, converted, embedded, tree, sent, event),
            coder=self.spec,
            typed_by=trigger.rule.tier,
            cameo=code.code,
            goldstein=code.goldstein,
            quad_code=code.quad_class,
        )


def _is_told(tree: DepTree, trigger: Trigger) -> bool:
    """Whether the trigger reports an act (not an opinion, a description of a noun by a
    participle, or the outlet addressing its readers). Goods described as given ("wheat
    donated by Russia") still are the giving."""
    i = trigger.token
    own_forces = find_force_subject(tree, i, trigger.rule.event)  # "Turkish tanks massed"
    if is_attributive(tree, i) and trigger.rule.event != "AID" and not own_forces:
        return False
    if trigger.rule.noun and trigger.rule.event in GENERIC_NOUN_EVENTS and is_generic(tree, i):
        return False
    if trails_speech(tree, i):
        return False  # "..., the mission said, leaving its bases": no act of the speaker
    if is_sport(tree, i) or is_natural_force(tree, i):
        return False  # "beat India by six wickets", "the storm hit Odesa": no act of states
    if is_condition(tree, i) or (trigger.rule.noun and is_market_demand(tree, i)):
        return False
    if trigger.rule.noun and is_topic(tree, i):
        return False  # "discussed plans for a joint venture": a topic, not a plan made
    if is_use_of_thing(tree, i):
        return False  # "the funds will serve to repair water networks": a use, no one's act
    return not (is_opinion(tree, i) or has_personal_subject(tree, i))


def _is_historical(mention: DateMention, published: date | None) -> bool:
    """'during the Cold War', 'in the 1960s', or a year well before publication."""
    if mention.kind == "period" and mention.before_published is not False:
        return True
    if published is None or not mention.value:
        return False
    return int(mention.value[:4]) <= published.year - HISTORICAL_YEARS


def _nearest_date(dates: list[DateMention], anchor: int) -> DateMention | None:
    dated = [d for d in dates if d.value and d.kind != "duration"]
    if not dated:
        return None
    return min(dated, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))


_REGISTRY: dict[str, Callable[[], Coder]] = {"rules.v1": RulesCoder}


def register_coder(spec: str, factory: Callable[[], Coder]) -> None:
    """Make a coder available to get_coder under a "name.version" spec."""
    _REGISTRY[spec] = factory


def get_coder(spec: str = "rules.v1", events: EventSettings | None = None) -> Coder:
    """The coder registered under `spec` (a rules coder with the verb dictionaries of
    `events`); ConfigError naming the known ones otherwise."""
    factory = _REGISTRY.get(spec.strip())
    if factory is None:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"unknown event coder {spec!r}: use one of {known} (events.coder)")
    if events is not None and isinstance(factory, type) and issubclass(factory, RulesCoder):
        return factory(events)
    return factory()
