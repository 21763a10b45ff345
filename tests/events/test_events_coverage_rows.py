"""Rows and cues added from misses on our own coding set's dev half (examples/coding):
object-constrained verbs, joint work, and indirect questions (sentences written here)."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("China extended a new credit line to Cuba on Monday.", "AID"),
        ("Russia deposited 500 million dollars in Cuba's central bank.", "AID"),
        ("India handed over six patrol vehicles to Bangladesh's border force.", "AID"),
        ("Russia sent a package of missiles to Brazil.", "AID"),
        ("Russia halted gas deliveries to Cuba on Friday.", "SANCTION"),
        ("China banned imports of Brazilian beef.", "SANCTION"),
        ("Mexico tightened export controls on steel sold to China.", "SANCTION"),
        ("Venezuela ordered the Mexican ambassador to leave the country.", "SANCTION"),
        ("India moved tanks to its border with China.", "MOBILIZE"),
        ("Brazil dropped its objections to the Angolan bid.", "CONCEDE"),
        ("Russia handed the detained Cuban sailor back to Havana.", "RETREAT"),
        ("Venezuela freed two Mexican engineers held since 2019.", "RETREAT"),
        ("China released three Indian businessmen on Tuesday.", "RETREAT"),
        ("Russian warships left the Cuban port on Sunday.", "RETREAT"),
        ("China voiced support for Venezuela in the dispute.", "SUPPORT"),
        ("Cuba held the United States responsible for the blackout.", "ACCUSE"),
        ("China lashed out at Mexico over the new tariffs.", "ACCUSE"),
        ("India and China traded accusations over the border clash.", "ACCUSE"),
    ],
)
def test_object_constrained_rows_give_their_type(text: str, event: str) -> None:
    assert only(code(text)).event == event


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Cuban engineers are jointly developing a port.",
        "Russian and Cuban warships conducted exercises in the bay.",
    ],
)
def test_joint_work_splits_a_coordinated_subject(text: str) -> None:
    m = only(code(text))
    assert (m.event, dyad(m)) == ("COOPERATE", (["RUS"], ["CUB"]))


def test_exchange_of_fire_is_mutual_assault() -> None:
    m = only(code("Russian and Chinese troops exchanged fire in the valley."))
    assert (m.event, dyad(m)) == ("ASSAULT", (["RUS"], ["CHN"]))


def test_plain_exchange_of_goods_is_not_fire() -> None:
    assert all(m.event != "ASSAULT" for m in code("India exchanged letters with China."))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It is unclear whether Cuba would accept talks with Russia.", "en"),
        ("Nobody knows whether Brazil will send aid to Angola.", "en"),
        ("Se desconoce si México enviará ayuda a Cuba.", "es"),
    ],
)
def test_an_act_in_an_indirect_question_is_not_coded(text: str, language: str) -> None:
    assert code(text, language) == []


def test_a_conditional_si_still_codes_the_threat() -> None:
    m = only(code("Rusia amenazó con cortar el gas si Cuba no paga.", "es"))
    assert m.event == "THREATEN"


def test_holding_a_responsible_dialogue_is_no_accusation() -> None:
    assert all(m.event != "ACCUSE" for m in code("Russia held a responsible dialogue with Cuba."))


def test_spanish_blame_is_an_accusation() -> None:
    m = only(code("Venezuela responsabilizó a México del ataque.", "es"))
    assert (m.event, dyad(m)) == ("ACCUSE", (["VEN"], ["MEX"]))
