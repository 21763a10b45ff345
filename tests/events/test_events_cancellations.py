"""Cancelled acts, coordinated acts beside a cancellation, and the rows added from the
PETR-2 GSR dev half (sentences written here)."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only

pytestmark = pytest.mark.slow


def test_called_off_visit_is_a_cut_in_relations_not_a_meeting() -> None:
    m = only(code("India called off a planned visit to China."))
    assert (m.event, m.cameo) == ("SANCTION", "160")
    assert dyad(m) == (["IND"], ["CHN"])


def test_calling_off_a_strike_keeps_its_own_code() -> None:
    assert {m.event for m in code("The union called off the strike in Brazil.")} == {"CONCEDE"}


def test_meeting_planned_on_a_cancelled_trip_is_no_meeting() -> None:
    text = "Mexico's minister cancelled a trip to Moscow, where he was to meet Russian officials."
    assert [m.event for m in code(text)] == ["SANCTION"]


def test_act_coordinated_with_a_cancellation_is_kept() -> None:
    found = code("China cancelled talks with India and visited Bangladesh.")
    assert sorted((m.event, *dyad(m)[1]) for m in found) == [
        ("CONSULT", "BGD"),
        ("SANCTION", "IND"),
    ]


def test_acts_beside_the_cancelled_one_are_kept() -> None:
    # a relative clause on the subject tells a deal that did happen
    text = "Mexico, which signed a fishing accord with Cuba in May, cancelled a trip to Brazil."
    assert sorted((m.event, *dyad(m)[1]) for m in code(text)) == [
        ("SANCTION", "BRA"),
        ("SUPPORT", "CUB"),
    ]
    # an adverbial clause is no object of "called off": the strike's end keeps its code
    text = "Angola called off the protests after Brazil agreed to ship fuel to Angola."
    assert sorted(m.event for m in code(text)) == ["AGREE", "CONCEDE"]


def test_subsumed_object_across_conjunction_is_kept() -> None:
    found = code("Russia held talks with Cuba and visited Venezuela.")
    assert sorted((m.event, m.mode or "", *dyad(m)[1]) for m in found) == [
        ("CONSULT", "", "CUB"),
        ("CONSULT", "visit", "VEN"),
    ]


@pytest.mark.parametrize(
    ("text", "event", "cameo", "sides"),
    [
        (
            "Rebels in Venezuela received weapons from the Cuban government.",
            "AID",
            "072",
            "CUB>VEN",
        ),
        ("Brazil advised its citizens against travel to Venezuela.", "SANCTION", "160", "BRA>VEN"),
    ],
)
def test_rows_from_petr2_dev(text: str, event: str, cameo: str, sides: str | None) -> None:
    m = only(code(text))
    assert (m.event, m.cameo) == (event, cameo)
    if sides:
        actor, recipient = sides.split(">")
        assert dyad(m) == ([actor], [recipient])


def test_spanish_visit_put_off_is_a_cut_in_relations() -> None:
    m = only(code("México aplazó la visita de su canciller a Cuba.", language="es"))
    assert (m.event, m.cameo) == ("SANCTION", "160")
    assert dyad(m) == (["MEX"], ["CUB"])
