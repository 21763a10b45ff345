"""Negated and absent acts (negation.py), refusals, and sports results (non_events.is_sport)."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only

pytestmark = pytest.mark.slow


def test_a_denied_report_of_a_visit_is_no_event() -> None:
    # a denial of a claim refuses nothing; the visit it denies did not happen
    assert code("Mexican officials denied that the president would visit Brazil.") == []


def test_a_denied_report_of_a_signing_is_no_refusal() -> None:
    assert code("Russia denied that it had signed a deal with Cuba.") == []


def test_denying_with_a_noun_object_stays_a_refusal() -> None:
    m = only(code("Mexico denied the Brazilian request for landing rights."))
    assert m.event == "REJECT" and m.countries("actor") == ["MEX"]


def test_talks_that_did_not_take_place_are_no_meeting() -> None:
    assert code("The talks between India and Bangladesh did not take place on Friday.") == []


def test_talks_that_took_place_are_a_meeting() -> None:
    m = only(code("The talks between India and Bangladesh took place on Friday."))
    assert m.event == "CONSULT"


def test_no_sign_that_talks_would_resume_is_no_promise() -> None:
    text = "There was no sign on Friday that China and India would resume border talks."
    assert code(text) == []


def test_an_agreement_signed_by_none_is_no_event() -> None:
    assert code("Ningún acuerdo entre México y Brasil fue firmado en la cumbre.", "es") == []


def test_signing_no_agreement_is_no_event() -> None:
    assert code("Russia and Cuba signed no agreement at the forum.") == []


def test_a_spanish_negated_signing_is_a_refusal() -> None:
    m = only(code("Venezuela no firmó el acuerdo con Brasil.", "es"))
    assert (m.event, m.cameo) == ("REJECT", "127") and dyad(m) == (["VEN"], ["BRA"])


def test_a_match_result_is_no_assault() -> None:
    assert code("India's cricket team beat Bangladesh by six wickets in the final.") == []


def test_a_team_meeting_in_a_tournament_is_no_consult() -> None:
    assert code("Brazil met Mexico in the quarter-final of the tournament.") == []


def test_bare_beat_of_a_country_is_no_assault() -> None:
    assert code("Angola beat Cuba 2-1 on Sunday.") == []


def test_beating_protesters_is_still_an_assault() -> None:
    m = only(code("Russian police beat Cuban protesters outside the embassy."))
    assert m.event == "ASSAULT" and m.countries("actor") == ["RUS"]


def test_a_baseball_game_is_no_meeting() -> None:
    assert code("Brazil met Mexico in a baseball game on Sunday.") == []


def test_hosting_a_golf_cup_is_no_act_of_states() -> None:
    assert code("Mexico will host the golf cup with Brazil next year.") == []


def test_a_demand_told_in_the_future_tense_is_made_now() -> None:
    # announcing that one will demand something is the demand; a hoped-for one is not
    m = only(
        code("Mexico will demand that Brazil hand over the fugitive banker, its minister said.")
    )
    assert (m.event, m.countries("actor"), m.countries("recipient")) == (
        "REQUEST",
        ["MEX"],
        ["BRA"],
    )


def test_a_warning_told_as_a_mere_possibility_is_no_threat() -> None:
    assert code("Venezuela could warn Brazil against diverting the border river.") == []


def test_the_charge_of_an_accusation_is_no_reported_act() -> None:
    # the accusation is coded; what it alleges is the accuser's claim, not a reported act
    m = only(code("Brazil accused China of selling arms to Venezuela."))
    assert (m.event, dyad(m)) == ("ACCUSE", (["BRA"], ["CHN"]))
    m = only(code("Mexico blamed Venezuela for shelling a Brazil border post."))
    assert (m.event, dyad(m)) == ("ACCUSE", (["MEX"], ["VEN"]))


def test_an_act_reported_beside_an_accusation_is_still_coded() -> None:
    found = code("Russia shelled a Cuban ship and China accused Moscow of piracy.")
    assert {m.event for m in found} == {"ASSAULT", "ACCUSE"}
