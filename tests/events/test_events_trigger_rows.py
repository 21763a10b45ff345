"""Trigger rows for joint works, evacuations, seizures and naval deployments (triggers.tsv)."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only

pytestmark = pytest.mark.slow


def test_completing_works_together_is_cooperation_in_text_order() -> None:
    m = only(code("Chinese and Angolan crews completed the second stage of the railway."))
    assert (m.event, m.cameo) == ("COOPERATE", "061") and dyad(m) == (["CHN"], ["AGO"])


def test_building_works_in_another_state_is_cooperation() -> None:
    m = only(code("Russia is developing a nuclear plant in Bangladesh."))
    assert m.event == "COOPERATE" and dyad(m) == (["RUS"], ["BGD"])


def test_a_state_building_at_home_deals_with_no_one() -> None:
    assert code("India is developing a new port near Chennai.") == []


def test_helping_a_state_build_is_cooperation_not_aid() -> None:
    m = only(code("Chinese firms are helping Venezuela build refineries."))
    assert m.event == "COOPERATE" and dyad(m) == (["CHN"], ["VEN"])


def test_helping_with_goods_is_no_joint_work() -> None:
    assert all(m.event != "COOPERATE" for m in code("Russia helped Cuba with fuel."))


def test_evacuating_diplomats_is_a_retreat_from_that_state() -> None:
    m = only(code("India evacuated its diplomats from Bangladesh on Sunday."))
    assert m.event == "RETREAT" and dyad(m) == (["IND"], ["BGD"])


def test_holding_a_foreign_plane_is_a_seizure() -> None:
    m = only(code("México retuvo un buque de Venezuela en el puerto de Veracruz.", "es"))
    assert (m.event, m.mode) == ("COERCE", "seize") and dyad(m) == (["MEX"], ["VEN"])


def test_sending_an_aircraft_carrier_is_a_mobilization() -> None:
    mentions = code("Russia dispatched an aircraft carrier toward Venezuela.")
    assert any(m.event == "MOBILIZE" and dyad(m) == (["RUS"], ["VEN"]) for m in mentions)


def test_freeing_an_official_of_another_state_is_a_release() -> None:
    mentions = code("Russia released a Ukrainian mayor on Friday.")
    assert any(m.event == "RETREAT" and m.cameo == "084" for m in mentions)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Brazil resumed diplomatic relations with Venezuela on Monday.", "en"),
        ("Brasil reanudó las relaciones diplomáticas con Venezuela el lunes.", "es"),
    ],
)
def test_resuming_relations_is_restoring_them(text: str, language: str) -> None:
    m = only(code(text, language))
    assert (m.event, m.cameo) == ("SUPPORT", "054") and dyad(m) == (["BRA"], ["VEN"])


def test_applying_to_join_is_a_request_to_be_let_in() -> None:
    # the applicant asks; whom it asks is named in the joining clause
    m = only(code("Cuba applied to join the bank that Russia and China founded."))
    assert m.event == "REQUEST" and m.countries("actor") == ["CUB"]
    assert code("The Cuban firm applied for a licence.") == []


def test_pledging_to_send_troops_is_a_promise_not_a_threat() -> None:
    # the force is promised to the other side: one AGREE, no THREATEN
    ms = code("Brazil agreed to send troops to Angola.")
    assert [(m.event, dyad(m)) for m in ms] == [("AGREE", (["BRA"], ["AGO"]))]
    threat = only(code("Russia would send troops to Cuba if the island was attacked."))
    assert threat.event == "THREATEN"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Brazil extended its sanctions against Venezuela for another year.", "en"),
        ("Brasil prorrogó las sanciones contra Venezuela por un año.", "es"),
    ],
)
def test_extending_sanctions_imposes_them_anew(text: str, language: str) -> None:
    m = only(code(text, language))
    assert (m.event, m.cameo) == ("SANCTION", "163") and dyad(m) == (["BRA"], ["VEN"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("China held naval drills around India on Monday.", "en"),
        ("China realizó maniobras navales cerca de la India.", "es"),
    ],
)
def test_one_states_drills_near_another_are_a_show_of_force(text: str, language: str) -> None:
    m = only(code(text, language))
    assert (m.event, m.cameo) == ("MOBILIZE", "150") and dyad(m) == (["CHN"], ["IND"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russia and Cuba held joint naval drills on Monday.", "en"),
        ("Russian and Cuban warships held naval drills on Monday.", "en"),
        ("India held naval drills with Bangladesh on Monday.", "en"),
        ("Brasil y Venezuela realizaron ejercicios militares conjuntos.", "es"),
    ],
)
def test_drills_held_together_are_cooperation(text: str, language: str) -> None:
    m = only(code(text, language))
    assert (m.event, m.cameo) == ("COOPERATE", "062")


@pytest.mark.parametrize(
    "text",
    [
        "Brasil retiró a su embajador en Venezuela tras las declaraciones.",
        "Brasil llamó a consultas a su embajador en Venezuela.",
    ],
)
def test_withdrawing_an_ambassador_is_recalling_him(text: str) -> None:
    m = only(code(text, "es"))
    assert (m.event, m.cameo) == ("SANCTION", "161") and dyad(m) == (["BRA"], ["VEN"])


def test_closing_a_border_in_spanish_restricts_movement() -> None:
    m = only(code("Venezuela cerró su frontera con Brasil.", "es"))
    assert (m.event, m.cameo) == ("COERCE", "191") and dyad(m) == (["VEN"], ["BRA"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russian engineers repaired a Cuban power plant.", "en"),
        ("Russian specialists are installing solar panels at a Cuban sugar mill.", "en"),
        ("Un técnico ruso reparó una central eléctrica cubana.", "es"),
    ],
)
def test_technical_work_in_the_other_state_is_cooperation(text: str, language: str) -> None:
    m = only(code(text, language))
    assert (m.event, m.cameo) == ("COOPERATE", "061") and dyad(m) == (["RUS"], ["CUB"])


def test_what_funds_serve_for_is_no_ones_act() -> None:
    text = "Los fondos servirán para instalar paneles y para reparar redes de agua en Cuba."
    assert code(text, "es") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Cuban and Angolan ministers co-chaired the session of the commission.", "en"),
        ("Los ministros de Cuba y Angola copresidieron la sesión de la comisión.", "es"),
    ],
)
def test_co_chairing_a_session_is_a_meeting(text: str, language: str) -> None:
    m = only(code(text, language))
    assert m.event == "CONSULT" and dyad(m) == (["CUB"], ["AGO"])


@pytest.mark.parametrize(
    ("text", "language", "cameo"),
    [
        ("Cuba charged that Russia was behind the delay.", "en", "112"),
        ("Brazil voiced its displeasure at the Venezuelan decision.", "en", "110"),
        ("México expresó su malestar por la decisión de Venezuela.", "es", "110"),
    ],
)
def test_charges_and_stated_displeasure_are_accusations(
    text: str, language: str, cameo: str
) -> None:
    m = only(code(text, language))
    assert (m.event, m.cameo) == ("ACCUSE", cameo)


def test_seeking_mediation_is_a_request_not_the_mediation() -> None:
    m = only(code("Venezuela sought mediation from Brazil to end the dispute."))
    assert m.event == "REQUEST" and dyad(m) == (["VEN"], ["BRA"])


def test_a_spanish_ir_verb_the_model_lemmatises_as_er_still_triggers() -> None:
    # "reprimieron" gets the lemma "reprimer": the row for "reprimir" is tried second
    m = only(code("La policía cubana reprimió a los manifestantes en La Habana.", "es"))
    assert (m.event, m.cameo) == ("COERCE", "170")


@pytest.mark.parametrize(
    ("text", "event", "cameo"),
    [
        ("Brazil postponed its trip to Angola because of the storm.", "SANCTION", "160"),
        ("China approved a $1.5 billion loan to Angola.", "AID", "071"),
        ("China suspended lending to Angola on Monday.", "SANCTION", "162"),
    ],
)
def test_trips_loans_and_lending_rows(text: str, event: str, cameo: str) -> None:
    m = only(code(text))
    assert (m.event, m.cameo) == (event, cameo) and m.countries("recipient") == ["AGO"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A Russian warship docked in Havana on Wednesday.", "en"),
        ("The Russian frigate made a call at Havana in June.", "en"),
        ("La fragata rusa atracó en el puerto de La Habana.", "es"),
        ("La fragata rusa hizo escala en La Habana.", "es"),
    ],
)
def test_a_navys_port_call_is_a_visit(text: str, language: str) -> None:
    m = only(code(text, language))
    assert (m.event, m.mode) == ("CONSULT", "visit") and dyad(m) == (["RUS"], ["CUB"])


def test_a_ship_with_goods_docking_stays_aid() -> None:
    m = only(code("A Russian ship carrying wheat docked in Havana."))
    assert m.event == "AID" and dyad(m) == (["RUS"], ["CUB"])


@pytest.mark.parametrize(
    ("text", "event", "pair"),
    [
        (
            "Cuba y Rusia celebraron en La Habana la sesión de la comisión.",
            "CONSULT",
            (["RUS"], ["CUB"]),
        ),
        ("Brasil estableció relaciones diplomáticas con China.", "SUPPORT", (["BRA"], ["CHN"])),
    ],
)
def test_spanish_sessions_held_and_relations_established(
    text: str, event: str, pair: tuple[list[str], list[str]]
) -> None:
    # the session's venue is Cuba's capital: the Russian side visits
    m = only(code(text, "es"))
    assert m.event == event and dyad(m) == pair


@pytest.mark.parametrize(
    ("text", "language", "cameo"),
    [
        ("The United States tightened its embargo on Cuba.", "en", "163"),
        ("Estados Unidos endureció el bloqueo contra Cuba.", "es", "163"),
        ("Venezuela reduced oil shipments to Cuba.", "en", "162"),
    ],
)
def test_tightened_embargoes_and_reduced_shipments(text: str, language: str, cameo: str) -> None:
    m = only(code(text, language))
    assert (m.event, m.cameo) == ("SANCTION", cameo) and m.countries("recipient") == ["CUB"]


def test_plans_discussed_are_a_topic_not_a_plan() -> None:
    ms = code("Cuban and Russian officials discussed plans for a joint venture.")
    assert [m.event for m in ms] == ["CONSULT"]
