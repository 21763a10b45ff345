"""Rows for acts round 4 of our own set found missing: sit-ins and air strikes in Spanish,
alert levels, approved accessions, money received, bans on officials, revoked accords."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from test_events_coder import dyad, only

from bilat.config import Settings
from bilat.models import Article, Failure, Mention
from bilat.pipeline import Stages, code_article, stages_for

pytestmark = pytest.mark.slow


@functools.cache
def _stages() -> Stages:
    return stages_for(Settings())


def code(text: str, language: str = "en") -> list[Mention]:
    """The mentions the whole pipeline (parser, resolver, coder) finds in one text."""
    article = Article(id="u1", text=text, language=language, published=dt.date(2024, 3, 20))
    coded = code_article(Settings(), article, _stages())
    assert not isinstance(coded, Failure), coded
    return list(coded.mentions)


def test_a_spanish_sit_in_before_an_embassy_is_a_protest() -> None:
    text = "Jubilados chilenos realizaron una sentada frente a la embajada de Argentina."
    m = only(code(text, "es"))
    assert m.event == "PROTEST" and dyad(m) == (["CHL"], ["ARG"])


def test_launching_air_strikes_in_spanish_is_an_assault() -> None:
    text = "Fuerzas israelíes lanzaron ataques aéreos contra el sur de Líbano el domingo."
    m = only(code(text, "es"))
    assert m.event == "ASSAULT" and dyad(m) == (["ISR"], ["LBN"])


def test_raising_the_alert_level_of_troops_is_a_mobilization() -> None:
    text = "Venezuela elevó la alerta de sus batallones ante Guyana tras el incidente del domingo."
    m = only(code(text, "es"))
    assert m.event == "MOBILIZE" and dyad(m) == (["VEN"], ["GUY"])


def test_approving_a_states_accession_is_a_concession_not_a_signature() -> None:
    m = only(code("Hungary's parliament approved Finland's accession to the alliance on Monday."))
    assert (m.event, m.cameo) == ("CONCEDE", "080") and dyad(m) == (["HUN"], ["FIN"])


def test_ratifying_a_plain_treaty_stays_a_signature() -> None:
    m = only(code("Hungary ratified the border treaty with Finland on Monday."))
    assert m.event == "SUPPORT"


def test_money_received_from_a_state_is_aid_from_the_giver() -> None:
    m = only(code("Angola received 40 million dollars in budget support from China on Friday."))
    assert m.event == "AID" and dyad(m) == (["CHN"], ["AGO"])


def test_a_state_receiving_a_visitor_is_still_a_host() -> None:
    m = only(code("Angola received the Chinese foreign minister on Friday."))
    assert m.event == "CONSULT" and dyad(m) == (["AGO"], ["CHN"])


def test_travel_bans_on_officials_are_a_sanction_not_coercion() -> None:
    text = "Mexico and Chile imposed travel bans on four Nicaraguan officials on Monday."
    m = only(code(text))
    assert m.event == "SANCTION" and (set(m.countries("actor")), dyad(m)[1]) == (
        {"MEX", "CHL"},
        ["NIC"],
    )


def test_a_curfew_stays_coercion() -> None:
    m = only(code("Ecuador imposed a curfew on Colombian migrants in the border towns."))
    assert m.event == "COERCE"


def test_revoking_an_accord_and_ordering_troops_out_is_a_sanction() -> None:
    text = "Mali revoked its defence agreement with France and ordered French soldiers to leave."
    mentions = code(text)
    assert mentions and all(m.event == "SANCTION" for m in mentions)
    assert all(dyad(m) == (["MLI"], ["FRA"]) for m in mentions)


def test_ordering_troops_to_the_border_stays_a_mobilization() -> None:
    m = only(code("Mali ordered more troops to its border with Niger."))
    assert m.event == "MOBILIZE"


def test_flying_tents_and_blankets_to_a_state_is_aid() -> None:
    m = only(code("Spain flew tents and blankets to flood-hit Libya on Sunday."))
    assert m.event == "AID" and dyad(m) == (["ESP"], ["LBY"])


def test_a_spanish_accusation_before_a_forum_keeps_the_accused_of_its_clause() -> None:
    text = "Guyana denunció ante la ONU que soldados venezolanos cruzaron el río Cuyuní."
    m = only(code(text, "es"))
    assert m.event == "ACCUSE" and m.countries("actor") == ["GUY"]
    assert "VEN" in m.countries("recipient")


def test_a_government_reporting_a_donation_is_not_its_giver() -> None:
    text = (
        "China entregó a Angola 5.000 toneladas de arroz el lunes. "
        "El Gobierno angoleño informó del donativo en un comunicado."
    )
    mentions = code(text, "es")
    assert [(m.event, dyad(m)) for m in mentions] == [("AID", (["CHN"], ["AGO"]))]


def test_a_received_visitor_is_no_aid_because_a_joined_verb_names_money() -> None:
    text = (
        "Xi Jinping received the Angolan president in Beijing and promised Angola 50 million"
        " dollars."
    )
    assert all(m.event != "AID" or m.countries("actor") != ["AGO"] for m in code(text))


def test_two_states_crews_finishing_a_pipeline_cooperate_in_text_order() -> None:
    text = "Russian and Turkish crews finished building the second section of the pipeline."
    m = only(code(text))
    assert (m.event, m.cameo) == ("COOPERATE", "061") and dyad(m) == (["RUS"], ["TUR"])


def test_finishing_a_pipeline_section_in_spanish_is_cooperation() -> None:
    text = "Ingenieros bolivianos y brasileños terminaron el último tramo del gasoducto."
    m = only(code(text, "es"))
    assert m.event == "COOPERATE" and dyad(m) == (["BOL"], ["BRA"])


def test_a_party_elsewhere_in_a_warning_s_clause_stays_no_target() -> None:
    text = "Moscow warned Helsinki that it would take steps over a defence deal with Washington."
    m = only(code(text))
    assert m.event == "THREATEN" and dyad(m) == (["RUS"], ["FIN"])
