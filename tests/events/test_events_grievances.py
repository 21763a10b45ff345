"""What a protest, a refusal or a threat answers: a protested plan and what it would do are
no event, the owner of a refused proposal is the target, and a vow of revenge is a threat
whose grievance names no party; what one state presses another to do is asked, not done
(sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_events_coder import dyad, only
from test_events_roles import code_resolved

pytestmark = pytest.mark.slow


def test_a_protested_plan_and_what_it_would_do_are_no_event() -> None:
    text = (
        "Thousands of Chileans marched in Santiago against the government's plan "
        "to let a Canadian firm mine copper in the Andes."
    )
    found = code_resolved(text)
    assert [m.event for m in found] == ["PROTEST"]
    assert "CAN" not in dyad(found[0])[1]


def test_a_condemned_decision_to_act_is_no_promise() -> None:
    text = "Beijing condemned the Japanese decision to deploy missiles on Yonaguni."
    m = only(code_resolved(text))
    assert m.event == "ACCUSE" and dyad(m) == (["CHN"], ["JPN"])


def test_the_owner_of_a_refused_proposal_is_the_target() -> None:
    m = only(code_resolved("Ethiopia rejected an Egyptian proposal for talks in Khartoum."))
    assert m.event == "REJECT" and dyad(m) == (["ETH"], ["EGY"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Syria's president vowed revenge against Turkey for the shelling of Idlib.", "en"),
        ("Siria prometió venganza contra Turquía por el bombardeo de Idlib.", "es"),
    ],
)
def test_a_vow_of_revenge_is_a_threat_whose_grievance_names_no_party(
    text: str, language: str
) -> None:
    m = only(code_resolved(text, language))
    assert m.event == "THREATEN" and dyad(m) == (["SYR"], ["TUR"])


@pytest.mark.parametrize(
    "text",
    [
        "Estados Unidos presionó a Honduras para romper con Venezuela.",
        "Colombia exhortó a Nicaragua a liberar a los presos políticos.",
    ],
)
def test_pressing_a_state_to_act_is_a_request_not_its_act(text: str) -> None:
    m = only(code_resolved(text, "es"))
    assert m.event == "REQUEST"


def test_a_protest_told_as_the_spirit_of_a_done_act_is_no_second_act() -> None:
    text = "Ghana recalled its ambassador from Togo in protest at the border closure."
    m = only(code_resolved(text))
    assert m.event == "SANCTION" and dyad(m) == (["GHA"], ["TGO"])


def test_a_visit_in_a_time_phrase_is_made_by_the_clauses_subject() -> None:
    text = "The South Korean president flew home from Hanoi after a visit to Vietnam."
    m = only(code_resolved(text))
    assert m.event == "CONSULT" and dyad(m) == (["KOR"], ["VNM"])


def test_an_international_body_named_in_passing_is_no_state_to_fill_sides_with() -> None:
    text = "The two presidents telephoned each other to discuss NATO enlargement."
    assert all("NATO" not in m.countries("actor") for m in code_resolved(text))


def test_occupying_an_embassy_is_a_violent_protest() -> None:
    # the CAMEO verb dictionary codes OCCUPY * EMBASSY as 145
    m = only(code_resolved("Tamil activists occupied the Sri Lankan embassy in Oslo."))
    assert (m.event, m.cameo) == ("PROTEST", "145") and "LKA" in dyad(m)[1]


def test_what_a_proposal_would_do_is_an_intent() -> None:
    text = "Kazakhstan's proposal to host talks between Kyrgyzstan and Tajikistan was welcomed."
    assert "AGREE" in {m.event for m in code_resolved(text)}
    assert "CONSULT" not in {m.event for m in code_resolved(text)}


def test_an_expected_signing_in_spanish_is_an_intent() -> None:
    text = "Se espera que los cancilleres de India y Brasil firmen un acuerdo comercial."
    m = only(code_resolved(text, "es"))
    assert m.event == "AGREE"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The summit in Lima was postponed by the hurricane.", "en"),
        ("La visita del presidente chileno a Perú fue suspendida por el terremoto.", "es"),
    ],
)
def test_a_meeting_called_off_by_weather_is_no_sanction(text: str, language: str) -> None:
    assert code_resolved(text, language) == []


def test_a_crowd_picketing_a_consulate_abroad_is_of_the_city_it_stands_in() -> None:
    m = only(code_resolved("Activists picketed the Russian consulate in Sydney."))
    assert m.event == "PROTEST" and dyad(m) == (["AUS"], ["RUS"])


def test_two_states_agreeing_are_the_parties_of_the_agreement() -> None:
    found = code_resolved("Egypt and Greece agreed to send firefighting planes to Cyprus.")
    pairs = {(m.event, tuple(dyad(m)[0]), tuple(dyad(m)[1])) for m in found}
    assert ("AGREE", ("EGY",), ("GRC",)) in pairs


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Saudi Arabia said Yemen's rebels fired missiles at its oil terminals.", "en"),
        ("Arabia Saudita dijo que Irán lanzó drones contra su territorio.", "es"),
    ],
)
def test_its_in_a_reported_attack_is_the_speakers(text: str, language: str) -> None:
    found = [m for m in code_resolved(text, language) if m.event == "ASSAULT"]
    assert found and all(dyad(m)[1] == ["SAU"] for m in found)


def test_its_own_territory_is_not_the_speakers() -> None:
    text = "Azerbaijan shelled its own villages by mistake, Armenia said."
    assert all("ARM" not in dyad(m)[1] for m in code_resolved(text))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Cuba acusó a Estados Unidos de financiar a la oposición.", "es"),
        ("Japón denunció que buques chinos entraron en sus aguas.", "es"),
    ],
)
def test_the_act_an_accusation_alleges_is_its_content(text: str, language: str) -> None:
    assert [m.event for m in code_resolved(text, language)] == ["ACCUSE"]
