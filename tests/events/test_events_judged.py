"""Acts judged by another act: rejected claims and their content (judged.py); sentences
written for these tests."""

from __future__ import annotations

import pytest
from test_events_coder import dyad
from test_events_roles import code_resolved

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Lima rejects reports of a Chilean spy base", "en"),
        ("Peru denied reports that Chile had built a radar station on the border.", "en"),
        ("Peru rejected allegations about Chilean interference in Bolivia.", "en"),
        ("Perú rechazó las informaciones sobre una base espía chilena.", "es"),
    ],
)
def test_what_a_rejected_report_tells_of_is_not_its_target(text: str, language: str) -> None:
    ms = [m for m in code_resolved(text, language) if m.event == "REJECT"]
    assert [dyad(m) for m in ms] == [(["PER"], [])]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Peru dismissed Chilean claims of a Peruvian buildup.", "en"),
        ("Peru rejected the accusations made by Santiago.", "en"),
        ("Perú rechazó las acusaciones de Chile sobre el contrabando.", "es"),
    ],
)
def test_who_makes_a_rejected_claim_is_its_target(text: str, language: str) -> None:
    ms = code_resolved(text, language)
    # and the buildup the claim tells of is no event
    assert [(m.event, dyad(m)) for m in ms] == [("REJECT", (["PER"], ["CHL"]))]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "El ministerio de Perú no respondió a las preguntas sobre las funciones que "
            "tendrá el agregado chileno.",
            "es",
        ),
        ("Reporters asked questions about the visit Chile's president will make to Peru.", "en"),
    ],
)
def test_what_a_question_asks_about_is_no_event(text: str, language: str) -> None:
    assert code_resolved(text, language) == []


def test_an_act_put_after_a_wish_has_not_been_done() -> None:
    text = "Chilean exporters said they would want guarantees before committing capital in Peru."
    assert code_resolved(text) == []


def test_an_accusation_denied_in_an_apposition_was_made() -> None:
    # the parser hangs "accused" on "denied" as its clause; the accusation was still made
    text = "Chile's president accused Peru of harbouring smugglers, a charge Lima denied."
    ms = code_resolved(text)
    assert ("ACCUSE", (["CHL"], ["PER"])) in [(m.event, dyad(m)) for m in ms]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Peru hopes Chile will invest in its copper industry.", "en"),
        ("Perú espera que Chile invierta en su industria del cobre.", "es"),
    ],
)
def test_a_hope_for_anothers_act_is_no_pledge_of_it(text: str, language: str) -> None:
    assert code_resolved(text, language) == []
