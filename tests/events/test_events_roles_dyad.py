"""Dyad rules read through the real parser and resolver: phrases nested in the object,
stance participles, and crowds of the state where they act (sentences written for these
tests)."""

from __future__ import annotations

import pytest
from test_events_coder import dyad
from test_events_roles import code_resolved

from bilat.models import Mention

pytestmark = pytest.mark.slow


def by_event(mentions: list[Mention], event: str) -> Mention:
    found = [m for m in mentions if m.event == event]
    assert len(found) == 1, [(m.event, dyad(m)) for m in mentions]
    return found[0]


def test_party_of_the_objects_own_talks_is_no_recipient() -> None:
    text = "Chile has agreed to Peruvian mediation in its border talks with Bolivia."
    assert dyad(by_event(code_resolved(text), "AGREE")) == (["CHL"], ["PER"])


def test_place_of_the_target_group_is_no_recipient() -> None:
    text = "Kenya cut off all aid to Somali militias in Ethiopia."
    assert dyad(by_event(code_resolved(text), "SANCTION")) == (["KEN"], ["SOM"])


def test_stance_participle_keeps_its_subject_as_actor() -> None:
    text = "Norway is opposed to Swedish membership of the council."
    assert dyad(by_event(code_resolved(text), "REJECT")) == (["NOR"], ["SWE"])


def test_a_crowd_is_of_the_state_where_it_protests() -> None:
    text = "Hundreds of farmers protested in Lima against the Chilean embassy."
    assert dyad(by_event(code_resolved(text), "PROTEST")) == (["PER"], ["CHL"])


def test_a_crowd_of_a_named_state_keeps_it() -> None:
    text = "Hundreds of Bolivian farmers protested in Lima against the Chilean embassy."
    assert dyad(by_event(code_resolved(text), "PROTEST")) == (["BOL"], ["CHL"])


def test_a_place_set_aside_takes_no_side() -> None:
    mentions = code_resolved("Reporters asked questions about the Chinese embassy in Peru.")
    assert mentions
    assert all("PER" not in m.countries("actor") + m.countries("recipient") for m in mentions)


def test_place_inside_a_promised_act_is_no_recipient() -> None:
    text = "Qatar has promised to help defend the rights of Somalis in their dispute with Kenya."
    assert dyad(by_event(code_resolved(text), "AGREE")) == (["QAT"], ["SOM"])


def test_a_crowd_named_after_by_is_of_the_state_where_it_acts() -> None:
    # the passive tells the act of "protesters stormed ...": the crowd is of Peru
    text = "The Chilean embassy in Lima was stormed by protesters."
    assert dyad(by_event(code_resolved(text), "ASSAULT")) == (["PER"], ["CHL"])
    # with no one after "by", no doer is guessed from the place
    agentless = code_resolved("The Chilean embassy in Lima was attacked.")
    assert all("PER" not in m.countries("actor") for m in agentless)


def test_a_state_named_after_by_is_the_doer() -> None:
    text = "The Chilean embassy was attacked by Bolivia."
    assert dyad(by_event(code_resolved(text), "ASSAULT")) == (["BOL"], ["CHL"])


def test_an_act_told_in_a_statement_is_the_issuers() -> None:
    # the statement's own object is the target, whoever issued it the actor
    (m,) = code_resolved("China issued a statement to condemn the Cuban decision.")
    assert (m.event, dyad(m)) == ("ACCUSE", (["CHN"], ["CUB"]))


def test_a_protest_made_by_an_act_already_done_is_no_threat() -> None:
    found = code_resolved("Mexico recalled its ambassador from Cuba to protest the Cuban remarks.")
    assert "THREATEN" not in {m.event for m in found}
    assert ("PROTEST", (["MEX"], ["CUB"])) in [(m.event, dyad(m)) for m in found]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chile condemned the attack by Peru on a fishing boat in Bolivia.", "en"),
        ("Chile condenó el ataque de Perú contra un barco pesquero en Bolivia.", "es"),
    ],
)
def test_whom_a_condemned_attack_hit_is_its_target_not_the_accused(
    text: str, language: str
) -> None:
    # the parser hangs "on a fishing boat" on "condemned": it is the attack's phrase
    ms = code_resolved(text, language)
    assert dyad(by_event(ms, "ACCUSE")) == (["CHL"], ["PER"])
    assert dyad(by_event(ms, "ASSAULT")) == (["PER"], ["BOL"])


def test_a_rally_staged_against_a_state_stays_a_protest_against_it() -> None:
    text = "Chilean fishermen staged a rally in Santiago against Peru's new quotas."
    assert dyad(by_event(code_resolved(text), "PROTEST")) == (["CHL"], ["PER"])


def test_who_condemns_an_attack_is_never_filled_in_as_the_attacker() -> None:
    text = "Chile condemned the attack on its consulate in Lima."
    assert all(m.countries("actor") != ["CHL"] for m in code_resolved(text) if m.event == "ASSAULT")


def test_exiles_rallying_abroad_against_their_own_capital_protest_at_home() -> None:
    # the rally's city is no target: the phrase names the exiles' own state
    text = "Peruvian exiles rallied in Santiago on Sunday against the government in Lima."
    assert dyad(by_event(code_resolved(text), "PROTEST")) == (["PER"], ["PER"])


@pytest.mark.parametrize(
    "text",
    [
        "The president received the Peruvian envoy on Monday.",
        "The foreign minister met the Chilean ambassador in the capital.",
    ],
)
def test_whoever_meets_a_states_envoy_is_not_of_that_state(text: str) -> None:
    # the text names the envoy's state only: the host is unknown, not a native
    assert [m for m in code_resolved(text) if m.event == "CONSULT"] == []


def test_a_crowd_marching_through_a_city_is_of_its_state() -> None:
    text = "Thousands marched through Seoul to denounce the Japanese decision."
    assert dyad(by_event(code_resolved(text), "PROTEST")) == (["KOR"], ["JPN"])


def test_freeing_people_named_by_their_demonym_is_a_release() -> None:
    m = by_event(code_resolved("Venezuela freed six Chileans on Sunday."), "RETREAT")
    assert m.cameo == "084" and dyad(m) == (["VEN"], ["CHL"])
    # a plural state name is no people: nothing to release
    assert code_resolved("Venezuela freed the United States from its debt.") == []


def test_who_thanks_a_state_by_name_is_no_native_of_it() -> None:
    # the one state named is the one thanked: the thanking government is of another
    ms = code_resolved("The ministry expressed its gratitude for Chile's help.")
    assert all(dyad(m) != (["CHL"], ["CHL"]) for m in ms)


@pytest.mark.parametrize(
    "text",
    [
        "Atracó en Cienfuegos un buque chileno con 100 000 barriles de petróleo.",
        "La ayuda llega después de que atracara en Cienfuegos el lote de trigo donado por Chile.",
    ],
)
def test_an_arrival_verbs_subject_after_it_is_the_giver(text: str) -> None:
    # the parser reads the subject put after "atracó" as its object
    assert dyad(by_event(code_resolved(text, "es"), "AID")) == (["CHL"], ["CUB"])


def test_a_sit_in_at_an_embassy_is_against_its_state_by_the_citys_people() -> None:
    text = "Students staged a sit-in at the Chilean embassy in Lima."
    assert dyad(by_event(code_resolved(text), "PROTEST")) == (["PER"], ["CHL"])


def test_a_protest_against_a_states_goods_is_not_by_that_state() -> None:
    # "in protest" is no place: the farmers are of no state the sentence names
    ms = code_resolved("Farmers blocked roads in protest against Chilean wine imports.")
    assert all(m.countries("actor") != ["CHL"] for m in ms)


@pytest.mark.parametrize(
    ("text", "cameo", "pair"),
    [
        ("A Peruvian diplomat was expelled from Chile on Friday.", "166", (["CHL"], ["PER"])),
        ("Two Chilean journalists were deported from Peru.", "174", (["PER"], ["CHL"])),
        ("Chile's ambassador to Peru was recalled on Monday.", "161", (["CHL"], ["PER"])),
    ],
)
def test_passive_expulsions_and_recalls_without_a_by_phrase(
    text: str, cameo: str, pair: tuple[list[str], list[str]]
) -> None:
    # the state left expels; the state whose envoy comes home recalls him
    m = next(m for m in code_resolved(text) if m.cameo == cameo)
    assert dyad(m) == pair


@pytest.mark.parametrize(
    "text",
    [
        "Peru urged its allies to speed up deliveries of grain.",
        "Chile asked its partners for fuel.",
    ],
)
def test_a_request_to_unnamed_allies_is_not_to_the_own_state(text: str) -> None:
    m = by_event(code_resolved(text), "REQUEST")
    assert m.countries("recipient") == [] and len(m.countries("actor")) == 1


def test_the_city_a_named_doer_is_in_is_no_doer() -> None:
    text = "Chile's ambassador in Lima donated ten ambulances to the Peruvian police."
    assert dyad(by_event(code_resolved(text), "AID")) == (["CHL"], ["PER"])
