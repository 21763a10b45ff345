"""Reporting verbs told after their act, promised acts under a pledge noun, noun clauses."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only

pytestmark = pytest.mark.slow


def _top(text: str, language: str = "en") -> tuple[str, list[str], list[str]]:
    m = max(code(text, language), key=lambda m: m.confidence)
    return (m.event, *dyad(m))


def test_a_denouncing_verb_after_the_act_attributes_it() -> None:
    text = (
        "La policía de Venezuela detuvo a tres camioneros brasileños en Caracas, "
        "denunció el jueves el Gobierno de Brasil."
    )
    events = [m.event for m in code(text, "es")]
    assert "ACCUSE" not in events
    assert _top(text, "es") == ("COERCE", ["VEN"], ["BRA"])


def test_a_denouncing_verb_before_its_clause_is_still_an_accusation() -> None:
    text = "El Gobierno de Brasil denunció que la policía de Venezuela detuvo a tres camioneros."
    assert "ACCUSE" in {m.event for m in code(text, "es")}


def test_a_denunciation_with_no_other_act_stays_an_accusation() -> None:
    m = only(code("Mexico denounced Venezuela on Thursday over the border dispute."))
    assert m.event == "ACCUSE" and dyad(m) == (["MEX"], ["VEN"])


def test_the_act_a_pledge_noun_names_is_promised_not_done() -> None:
    text = "Brazil's pledge to train 2,000 Angolan soldiers was confirmed on Friday."
    assert {m.event for m in code(text)} == {"AGREE"}


def test_a_pledge_noun_as_subject_is_one_promise_with_the_acts_parties() -> None:
    # the pledge angered Cuba: Cuba is no party of the promise, Angola is
    text = "Brazil's pledge to train Angolan soldiers angered Cuba."
    assert [(m.event, *dyad(m)) for m in code(text)] == [("AGREE", ["BRA"], ["AGO"])]


def test_a_noun_demand_takes_the_state_its_clause_asks() -> None:
    text = "Angola repeated its demand on Monday that Russia return the seized fishing boats."
    assert _top(text) == ("REQUEST", ["AGO"], ["RUS"])
