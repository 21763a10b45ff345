"""Armed groups and movements of one state, and old names of states, read through the real
resolver: the group acts for its home state's side, and a truce signed abroad between a
government and its rebels is an act inside that state (sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_events_coder import dyad, only
from test_events_roles import code_resolved

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Houthi fighters fired a missile at a Greek tanker off Hodeidah.", "YEM", "GRC"),
        ("Hezbollah launched drones at an Israeli army base on Sunday.", "LBN", "ISR"),
        ("Al-Shabaab militants attacked a Kenyan military camp near Lamu.", "SOM", "KEN"),
    ],
)
def test_a_known_armed_group_acts_for_its_home_state(text: str, actor: str, recipient: str) -> None:
    m = only(code_resolved(text))
    assert m.event == "ASSAULT" and dyad(m) == ([actor], [recipient])


def test_zaire_is_the_democratic_republic_of_the_congo() -> None:
    m = only(code_resolved("Uganda accused Zaire of sheltering rebels on its border."))
    assert m.event == "ACCUSE" and dyad(m) == (["UGA"], ["COD"])


def test_a_truce_signed_abroad_by_one_states_parties_is_inside_it() -> None:
    text = "The Mozambican government and RENAMO rebels signed a truce in Rome."
    m = only(code_resolved(text))
    assert m.event == "SUPPORT" and set(m.countries("actor")) | set(m.countries("recipient")) == {
        "MOZ"
    }


def test_recapturing_a_town_is_an_assault() -> None:
    m = only(code_resolved("The Colombian army recaptured the town of Toribio from FARC rebels."))
    assert m.event == "ASSAULT" and dyad(m) == (["COL"], ["COL"])


def test_a_weapons_programme_launched_with_a_partner_is_joint_work() -> None:
    m = only(code_resolved("Serbia launched a joint drone programme with Belarus."))
    assert m.event == "COOPERATE" and dyad(m) == (["SRB"], ["BLR"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ethiopia and Eritrea exchanged prisoners of war in the border town of Zalambessa.", "en"),
        ("Rusia y Ucrania intercambiaron prisioneros con mediación de Catar.", "es"),
    ],
)
def test_a_prisoner_exchange_returns_each_sides_people(text: str, language: str) -> None:
    m = only(code_resolved(text, language))
    assert (m.event, m.cameo) == ("RETREAT", "084")
    assert set(m.countries("actor")) | set(m.countries("recipient")) <= {
        "ETH",
        "ERI",
        "RUS",
        "UKR",
    }


def test_test_firing_a_missile_is_a_show_of_force_not_an_attack() -> None:
    m = only(code_resolved("India test-fired a nuclear-capable missile off its east coast."))
    assert (m.event, m.cameo) == ("MOBILIZE", "150")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Germany resumed development loans to Tanzania on Monday.", "AID"),
        ("Jordanian planes dropped food parcels to civilians in Gaza.", "AID"),
        ("Azerbaijan lifted the closure of the Lachin corridor.", "CONCEDE"),
    ],
)
def test_restarted_giving_and_lifted_closures(text: str, event: str) -> None:
    assert only(code_resolved(text)).event == event


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The African Union urged Sudan to accept the truce.", "AU"),
        ("The Arab League suspended the membership of Syria.", "ARAB"),
        ("The IAEA sent inspectors to Iran on Monday.", "IAEA"),
    ],
)
def test_regional_and_technical_bodies_are_actors_of_their_own(text: str, actor: str) -> None:
    assert only(code_resolved(text)).countries("actor") == [actor]


def test_a_participle_trailing_a_speech_verb_is_not_the_speakers_act() -> None:
    text = (
        "Ugandan troops completed their pullout from South Sudan on Friday, the African "
        "Union said, leaving their camps to local forces."
    )
    assert all("AU" not in m.countries("actor") for m in code_resolved(text))


def test_the_european_community_is_the_eu_body() -> None:
    text = "European Community ministers agreed to lend Hungary 200 million dollars."
    m = only(code_resolved(text))
    assert m.event == "AGREE" and dyad(m) == (["EUR"], ["HUN"])
