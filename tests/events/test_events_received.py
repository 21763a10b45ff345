"""What a state receives, secures or welcomes comes from the other side: loans, shipments,
calls, warnings and invitations (sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_events_coder import dyad, only
from test_events_roles import code_resolved

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event", "giver", "receiver"),
    [
        ("Zambia secured a $500 million loan from China for the dam.", "AID", "CHN", "ZMB"),
        ("Cuba got 80,000 tonnes of diesel from Venezuela in March.", "AID", "VEN", "CUB"),
        ("Egypt welcomed the first shipment of Indian rice on Friday.", "AID", "IND", "EGY"),
        ("Serbia got a stern warning from the European Union.", "THREATEN", "EUR", "SRB"),
        (
            "The Qatari emir received a phone call from the French president.",
            "CONSULT",
            "FRA",
            "QAT",
        ),
        ("Peru received an invitation from Japan to attend the summit.", "AGREE", "JPN", "PER"),
    ],
)
def test_what_a_state_receives_comes_from_the_other_side(
    text: str, event: str, giver: str, receiver: str
) -> None:
    m = only(code_resolved(text))
    assert m.event == event and dyad(m) == ([giver], [receiver])


def test_a_seized_tanker_released_by_a_state_is_a_release() -> None:
    m = only(code_resolved("The Greek tanker was released by Iran after two months."))
    assert (m.event, m.cameo) == ("RETREAT", "084") and dyad(m) == (["IRN"], ["GRC"])


def test_a_ship_intercepted_by_a_navy_is_coercion_in_spanish() -> None:
    text = "El pesquero chino fue interceptado por la Armada de Argentina."
    m = only(code_resolved(text, "es"))
    assert (m.event, m.cameo) == ("COERCE", "171") and dyad(m)[0] == ["ARG"]
