"""Envoys and the aims of done acts: summoning an ambassador is a complaint to his state,
who deals with an envoy is of another state, and the purpose of an act already done is
neither a threat nor a word of the act's own (sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_events_coder import dyad, only
from test_events_roles import code_resolved

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "language", "actor", "recipient"),
    [
        ("Estonia summoned the Russian ambassador over the overflight.", "en", "EST", "RUS"),
        ("Oslo summoned the Iranian chargé d'affaires on Friday.", "en", "NOR", "IRN"),
        ("La cancillería peruana convocó al embajador boliviano.", "es", "PER", "BOL"),
        ("Uruguay citó al encargado de negocios de Venezuela.", "es", "URY", "VEN"),
    ],
)
def test_summoning_an_envoy_is_a_complaint_to_his_state(
    text: str, language: str, actor: str, recipient: str
) -> None:
    # the CAMEO codebook's example of 110: an ambassador summoned "to complain"
    m = only(code_resolved(text, language))
    assert (m.event, m.cameo) == ("ACCUSE", "110")
    assert dyad(m) == ([actor], [recipient])


def test_summoning_a_cabinet_or_a_meeting_is_no_complaint() -> None:
    assert code_resolved("The Latvian president summoned his cabinet on Sunday.") == []
    assert code_resolved("La cancillería chilena convocó a una reunión urgente.", "es") == []


def test_an_unnamed_ministry_dealing_with_an_envoy_is_not_of_his_state() -> None:
    m = only(code_resolved("The Foreign Ministry expelled Japan's envoy."))
    assert m.event == "SANCTION" and dyad(m) == ([], ["JPN"])


def test_an_envoy_of_no_named_state_is_not_the_actors_own() -> None:
    m = only(code_resolved("The ambassador was summoned by the Danish foreign ministry."))
    assert m.event == "ACCUSE" and dyad(m) == (["DNK"], [])


def test_diplomats_of_unnamed_countries_are_not_the_expellers_own() -> None:
    text = "El gobierno nicaragüense expulsó a los diplomáticos de cinco países europeos."
    m = only(code_resolved(text, "es"))
    assert m.event == "SANCTION" and dyad(m)[0] == ["NIC"]
    assert "NIC" not in dyad(m)[1]


def test_cutting_supplies_to_a_state_is_a_sanction() -> None:
    m = only(code_resolved("Algeria cut gas deliveries to Spain and Morocco."))
    assert (m.event, m.cameo) == ("SANCTION", "162")
    assert dyad(m) == (["DZA"], ["ESP", "MAR"])


def test_words_of_a_purpose_clause_do_not_make_the_trigger() -> None:
    # "arrive >... mission" is a visit; the mission here is the purpose clause's object
    text = "Rwandan soldiers arrived in Mozambique to lead a regional security mission."
    assert [m.event for m in code_resolved(text)] != ["CONSULT"]


def test_aim_of_a_done_raid_is_no_threat() -> None:
    text = "Bolivian police raided the Brazilian consulate in La Paz to arrest a fugitive."
    assert "THREATEN" not in {m.event for m in code_resolved(text)}


def test_a_summons_to_protest_is_one_complaint() -> None:
    text = "Latvia summoned the Belarusian ambassador on Monday to protest the border incident."
    m = only(code_resolved(text))
    assert m.event == "ACCUSE" and dyad(m) == (["LVA"], ["BLR"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Lithuania declared the Belarusian consul persona non grata.", "en"),
        ("Guatemala declaró persona non grata al embajador nicaragüense.", "es"),
    ],
)
def test_declaring_an_envoy_persona_non_grata_is_an_expulsion(text: str, language: str) -> None:
    m = only(code_resolved(text, language))
    assert (m.event, m.cameo) == ("SANCTION", "166")


def test_a_planned_deployment_to_a_named_state_is_a_promise() -> None:
    m = only(code_resolved("Canada will send 800 soldiers to Latvia next year."))
    assert (m.event, m.cameo) == ("AGREE", "0334") and dyad(m) == (["CAN"], ["LVA"])


def test_a_planned_deployment_near_a_state_is_still_a_threat() -> None:
    m = only(code_resolved("Belarus will deploy more troops near the Lithuanian border."))
    assert m.event == "THREATEN"


def test_intercepting_a_foreign_ship_is_coercion() -> None:
    m = only(code_resolved("Turkish patrol boats intercepted a Greek fishing trawler."))
    assert (m.event, m.cameo) == ("COERCE", "171") and dyad(m) == (["TUR"], ["GRC"])


def test_blocking_a_package_is_a_rejection() -> None:
    m = only(code_resolved("Slovakia blocked the EU loan package for Moldova on Tuesday."))
    assert m.event == "REJECT" and m.countries("actor") == ["SVK"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Russian rockets hit a hospital in Kharkiv, Ukrainian officials said.", "RUS", "UKR"),
        ("Ukrainian drones struck an airport in Pskov overnight.", "UKR", "RUS"),
    ],
)
def test_weapons_hitting_buildings_are_an_assault(text: str, actor: str, recipient: str) -> None:
    m = only(code_resolved(text))
    assert m.event == "ASSAULT" and dyad(m) == ([actor], [recipient])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The earthquake hit a refinery near Izmit, Turkish officials said.", "en"),
        ("El huracán destruyó el puerto de Santiago de Cuba.", "es"),
    ],
)
def test_weather_hitting_a_place_is_no_act(text: str, language: str) -> None:
    assert code_resolved(text, language) == []


def test_the_state_that_tells_of_an_attack_is_not_the_attackers_own() -> None:
    text = "Russian rockets hit a hospital in Zaporizhzhia, Ukrainian officials said."
    m = only(code_resolved(text))
    assert m.event == "ASSAULT" and dyad(m)[0] == ["RUS"] and "RUS" not in dyad(m)[1]
