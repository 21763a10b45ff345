"""Wire-style rows and filters: joint work, strikes on facilities, protests, conditions."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only

pytestmark = pytest.mark.slow


def test_carrying_out_air_strikes_is_an_assault_by_the_subject() -> None:
    m = only(code("India carried out air strikes on militant camps inside Bangladesh on Monday."))
    assert m.event == "ASSAULT" and dyad(m) == (["IND"], ["BGD"])


def test_missiles_striking_facilities_is_an_assault() -> None:
    m = only(code("Russian drones struck an oil facility in Cuba overnight."))
    assert m.event == "ASSAULT" and dyad(m) == (["RUS"], ["CUB"])


def test_sending_warplanes_toward_a_state_is_a_mobilization() -> None:
    m = only(code("China sent twenty warplanes towards India on Friday."))
    assert m.event == "MOBILIZE" and dyad(m) == (["CHN"], ["IND"])


def test_reopening_airspace_is_a_concession() -> None:
    m = only(code("Venezuela reopened its airspace to Brazil on Sunday."))
    assert (m.event, m.cameo) == ("CONCEDE", "081") and dyad(m) == (["VEN"], ["BRA"])


def test_withdrawing_an_objection_is_a_concession_not_a_retreat() -> None:
    m = only(code("Brazil withdrew its objection to the Venezuelan loan."))
    assert m.event == "CONCEDE" and m.countries("actor") == ["BRA"]


def test_burning_an_effigy_outside_an_embassy_is_a_protest() -> None:
    m = only(code("Cuban students burned an effigy outside the Russian embassy."))
    assert m.event == "PROTEST" and dyad(m) == (["CUB"], ["RUS"])


def test_staging_a_sit_in_is_a_protest_despite_the_split_word() -> None:
    m = only(code("Angolan teachers staged a sit-in outside the Chinese embassy."))
    assert m.event == "PROTEST" and dyad(m) == (["AGO"], ["CHN"])


def test_protesters_gathering_outside_an_embassy_protest_now() -> None:
    text = "Hundreds of Angolan protesters gathered outside the Chinese embassy to denounce China."
    m = only(code(text))
    assert m.event == "PROTEST" and dyad(m) == (["AGO"], ["CHN"])


def test_joint_production_is_cooperation_in_text_order() -> None:
    m = only(code("Russian and Angolan firms began joint production of trucks."))
    assert m.event == "COOPERATE" and dyad(m) == (["RUS"], ["AGO"])


def test_a_condition_put_on_a_threat_is_no_act_of_its_own() -> None:
    text = "Moscow said it would respond if Cuba allowed American ships into the port."
    assert all(m.event != "CONCEDE" for m in code(text))


def test_the_same_act_told_as_fact_is_coded() -> None:
    m = only(code("Cuba allowed Russian ships into the port of Havana."))
    assert m.event == "CONCEDE" and m.countries("actor") == ["CUB"]


def test_market_demand_is_no_request() -> None:
    text = "Brazilian iron ore exports fell as weak demand from China hit prices."
    assert all(m.event != "REQUEST" for m in code(text))


def test_a_firm_demand_made_by_a_state_is_still_a_request() -> None:
    m = only(code("Mexico made a firm demand for compensation from the United States."))
    assert m.event == "REQUEST" and dyad(m) == (["MEX"], ["USA"])


def test_soldiers_leaving_a_state_is_a_retreat() -> None:
    m = only(code("The last Russian soldiers left Angola on Friday, Moscow said."))
    assert m.event == "RETREAT" and dyad(m) == (["RUS"], ["AGO"])


def test_a_promised_retaliation_is_a_threat() -> None:
    m = only(code("Moscow would retaliate against Cuba, the Kremlin said."))
    assert m.event == "THREATEN" and dyad(m) == (["RUS"], ["CUB"])


def test_retaliating_with_tariffs_is_a_sanction() -> None:
    m = only(code("China retaliated with tariffs on Brazil."))
    assert m.event == "SANCTION" and dyad(m) == (["CHN"], ["BRA"])


def test_withdrawing_an_objection_is_no_sanction_even_near_diplomats() -> None:
    text = "India withdrew its objection to the loan for Bangladesh, diplomats said."
    m = only(code(text))
    assert m.event == "CONCEDE" and dyad(m) == (["IND"], ["BGD"])


def test_rallying_in_front_of_an_embassy_in_spanish_is_a_protest() -> None:
    text = "Cientos de estudiantes de Cuba se manifestaron frente a la embajada de México."
    m = only(code(text, "es"))
    assert m.event == "PROTEST" and dyad(m) == (["CUB"], ["MEX"])


def test_gathering_in_front_of_a_consulate_in_spanish_is_a_protest() -> None:
    text = "Decenas de venezolanos se concentraron ante el consulado de Brasil el lunes."
    assert {m.event for m in code(text, "es")} == {"PROTEST"}


def test_making_an_appeal_in_spanish_is_a_request() -> None:
    text = "Venezuela hizo un llamamiento a Brasil para que reabra la frontera."
    m = max(code(text, "es"), key=lambda m: m.confidence)
    assert m.event == "REQUEST" and dyad(m) == (["VEN"], ["BRA"])


def test_handing_back_soldiers_in_spanish_is_a_release() -> None:
    m = only(code("Venezuela devolvió a Brasil a seis soldados detenidos en la frontera.", "es"))
    assert (m.event, m.mode) == ("RETREAT", "release") and dyad(m) == (["VEN"], ["BRA"])


def test_exchanging_intelligence_in_spanish_is_cooperation() -> None:
    text = "Las policías de México y Brasil intercambiaron información de inteligencia."
    m = only(code(text, "es"))
    assert m.event == "COOPERATE" and dyad(m) == (["MEX"], ["BRA"])


def test_easing_export_controls_is_a_concession() -> None:
    m = only(code("China eased export controls on graphite sold to Indian firms."))
    assert m.event == "CONCEDE" and m.countries("actor") == ["CHN"]
