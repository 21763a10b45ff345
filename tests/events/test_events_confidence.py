"""Confidence: the rule-by-rule steps on hand-built roles, and embedded acts and refused
promises on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_events_coder import code, dyad, only

from bilat.events.confidence import DICTIONARY_CAP, ONE_SIDED_CAP, score_confidence
from bilat.events.roles import STRENGTH, Roles
from bilat.events.triggers import CAMEO_TIER, Trigger, TriggerRule
from bilat.models import ActorSpan


def span(country: str | None, start: int = 0) -> ActorSpan:
    return ActorSpan(start, start + 4, "Name", f"id-{country}", "state", country)


def trigger(noun: bool = False) -> Trigger:
    rule = TriggerRule("en", "meet", noun, frozenset(), "CONSULT", None, "040", False)
    return Trigger(3, rule)


def roles(how: str = "clause", recipient: str | None = "CUB") -> Roles:
    return Roles((span("RUS"),), (span(recipient, 10),), how)


def test_tight_clause_between_two_states_keeps_its_strength() -> None:
    assert score_confidence(roles(), trigger(), False, False) == STRENGTH["clause"]
    assert score_confidence(roles(), trigger(), False, False) >= 0.8


@pytest.mark.parametrize(
    ("noun", "converted", "embedded"),
    [(True, False, False), (False, True, False), (False, False, True)],
)
def test_each_unsure_construction_falls_below_high_confidence(
    noun: bool, converted: bool, embedded: bool
) -> None:
    value = score_confidence(roles(), trigger(noun), converted, embedded)
    assert value < 0.8
    assert value < score_confidence(roles(), trigger(), False, False)


def test_embedded_acts_fall_furthest_and_steps_add_up() -> None:
    embedded = score_confidence(roles(), trigger(), False, True)
    noun = score_confidence(roles(), trigger(True), False, False)
    both = score_confidence(roles(), trigger(True), True, True)
    assert embedded < noun and both < embedded and both >= 0.05


def test_weaker_role_rules_give_lower_confidence() -> None:
    ordered = [score_confidence(roles(how), trigger(), False, False) for how in STRENGTH]
    by_strength = [STRENGTH[how] for how in STRENGTH]
    assert sorted(range(len(ordered)), key=ordered.__getitem__) == sorted(
        range(len(by_strength)), key=by_strength.__getitem__
    )


def test_one_state_side_is_capped_below_one_half() -> None:
    assert score_confidence(roles(recipient=None), trigger(), False, False) == ONE_SIDED_CAP


@pytest.mark.slow
def test_act_embedded_under_the_reported_act_ranks_below_it() -> None:
    mentions = code("Mexico demanded talks with Cuba to discuss the fishing quotas.")
    by_event = {m.event: m for m in mentions}
    assert by_event["REQUEST"].confidence >= 0.8
    assert max(m.confidence for m in mentions) == by_event["REQUEST"].confidence
    assert all(m.confidence < 0.8 for m in mentions if m.event != "REQUEST")


@pytest.mark.slow
def test_coordinated_acts_are_of_one_rank() -> None:
    mentions = code("Russia condemned Cuba and accused Mexico on Monday.")
    assert {m.event for m in mentions} == {"ACCUSE"}
    assert all(m.confidence >= 0.8 for m in mentions)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo", "sides"),
    [
        ("Brazil will not provide loans to Angola next year.", "121", ("BRA", "AGO")),
        ("India will not meet Bangladesh until the border reopens.", "125", ("IND", "BGD")),
        ("Russia will not sign the fishing treaty with Cuba.", "127", ("RUS", "CUB")),
    ],
)
def test_negated_promise_of_cooperation_is_a_refusal(
    text: str, cameo: str, sides: tuple[str, str]
) -> None:
    m = only(code(text))
    assert (m.event, m.cameo) == ("REJECT", cameo)
    assert dyad(m) == ([sides[0]], [sides[1]])


@pytest.mark.slow
def test_negated_past_cooperation_stays_silent() -> None:
    assert code("Brazil did not provide loans to Angola last year.") == []


def test_dictionary_tier_stays_below_high_confidence() -> None:
    team = trigger()
    lower = Trigger(3, replace(team.rule, tier=CAMEO_TIER))
    assert score_confidence(roles(), team, False, False) >= 0.8
    assert score_confidence(roles(), lower, False, False) == DICTIONARY_CAP < 0.8
