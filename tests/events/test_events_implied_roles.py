"""Roles the clause implies (events/implied_roles.py): targets outside the doer's state, acts
announced as the announcer's own, verbless sentences; and passive cancellations, crowd
damage and thanks (sentences written for these tests)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import pytest

from bilat.config import Settings
from bilat.events.implied_roles import is_regional
from bilat.models import Article, Mention
from bilat.parsed import ActorSpan
from bilat.pipeline import Coded, Stages, code_article, stages_for

pytestmark = pytest.mark.slow


@functools.cache
def _stages() -> Stages:
    return stages_for(Settings())


def code(text: str) -> list[Mention]:
    """One sentence through the whole pipeline: the shipped resolver names the parties."""
    coded = code_article(Settings(), Article(id="t", text=text, language="en"), _stages())
    assert isinstance(coded, Coded)
    return coded.mentions


def only(mentions: Sequence[Mention]) -> Mention:
    assert len(mentions) == 1, [(m.event, dyad(m)) for m in mentions]
    return mentions[0]


def dyad(m: Mention) -> tuple[list[str], list[str]]:
    return m.countries("actor"), m.countries("recipient")


def test_seizing_a_ship_at_sea_has_no_target_of_the_doers_own_state() -> None:
    # the gulf names no state and the doer is not its own target
    m = only(code("Venezuela seized an oil tanker in the Gulf of Paria on Sunday."))
    assert (m.event, dyad(m)) == ("COERCE", (["VEN"], []))
    # its own waters are a place, not a target
    m = only(code("Libya detained a fishing boat in Libyan waters."))
    assert dyad(m) == (["LBY"], [])


def test_seizing_a_ship_with_a_named_flag_targets_the_flag_state() -> None:
    m = only(code("Venezuela seized a Guyanese tanker off its coast."))
    assert (m.event, dyad(m)) == ("COERCE", (["VEN"], ["GUY"]))


def test_domestic_acts_on_land_keep_the_one_state_rule() -> None:
    m = only(code("Kenya's government lifted the curfew."))
    assert dyad(m) == (["KEN"], ["KEN"])


def test_official_of_a_region_does_not_take_the_doers_country() -> None:
    m = only(code("Belarus accused the Nordic defence minister Lena Hallberg of spying."))
    assert (m.event, dyad(m)) == ("ACCUSE", (["BLR"], []))
    # the same with no actor span on the title: the object's adjective tells
    m = only(code("Belarus accused Western diplomats of spying."))
    assert (m.event, dyad(m)) == ("ACCUSE", (["BLR"], []))


@pytest.mark.parametrize(
    ("text", "regional"),
    [
        ("the Baltic foreign minister", True),
        ("Arab envoys", True),
        ("the foreign minister", False),
        ("Baltimore officials", False),
    ],
)
def test_is_regional_reads_the_first_word_of_the_title(text: str, regional: bool) -> None:
    span = ActorSpan(0, len(text), text, "x", "person", None)
    assert is_regional(span) is regional


def test_verbless_sentence_with_massed_forces_names_their_state() -> None:
    m = only(code("Egyptian tanks massed along the border with Libya."))
    assert (m.event, dyad(m)) == ("MOBILIZE", (["EGY"], ["LBY"]))


def test_verbless_victims_are_not_made_the_doers() -> None:
    # a passive with its auxiliary left out: the "by" phrase names who killed
    m = only(code("Two Kenyan soldiers killed near the border by Somali gunmen."))
    assert (m.event, dyad(m)) == ("ASSAULT", (["SOM"], ["KEN"]))


def test_passive_cancellation_is_the_visitors_cut_towards_the_host() -> None:
    m = only(code("A planned visit by Japan's prime minister to Peru was cancelled."))
    assert (m.event, m.cameo, dyad(m)) == ("SANCTION", "160", (["JPN"], ["PER"]))
    m = only(code("The Danish queen's planned visit to Chile was called off."))
    assert (m.event, dyad(m)) == ("SANCTION", (["DNK"], ["CHL"]))


def test_a_named_canceller_keeps_the_act() -> None:
    m = only(code("Peru cancelled a planned visit by Japan's prime minister."))
    assert dyad(m) == (["PER"], ["JPN"])


# --------------------------------------------------------------------------- announced


def test_announced_suspension_is_the_announcers_act() -> None:
    m = only(code("Chile announced the suspension of aid to Bolivia."))
    assert (m.event, m.cameo, dyad(m)) == ("SANCTION", "162", (["CHL"], ["BOL"]))


def test_other_party_nested_in_the_of_phrase_receives() -> None:
    m = only(code("Chile announced the suspension of all flights with Bolivia."))
    assert dyad(m) == (["CHL"], ["BOL"])


def test_a_judged_act_is_not_the_judges_own() -> None:
    # "denounced" judges someone else's suspension: the accusation is Bolivia's act, and the
    # suspension is not made Bolivia's by the announcer rule
    found = code("Bolivia denounced the suspension of aid to Peru.")
    sanctions = [m for m in found if m.event == "SANCTION"]
    assert all(m.confidence < 0.5 for m in sanctions)
    assert any(m.event == "ACCUSE" and dyad(m)[0] == ["BOL"] for m in found)


def test_a_noun_that_names_its_own_owner_keeps_it() -> None:
    # Bolivia suspends: Chile, who only announced it, is not made the one who suspends
    found = code("Chile announced Bolivia's suspension of aid to Peru.")
    assert not any(m.event == "SANCTION" and "CHL" in dyad(m)[0] for m in found)


def test_thanks_for_a_state_are_praise() -> None:
    m = only(code("Peru's president expressed gratitude to Japan for the loan."))
    assert (m.event, m.cameo, dyad(m)) == ("SUPPORT", "051", (["PER"], ["JPN"]))


def test_property_wrecked_by_protesters_is_a_riot() -> None:
    m = only(code("The Danish embassy was demolished by Pakistani protesters."))
    assert (m.event, m.cameo, m.mode) == ("PROTEST", "145", "riot")


def test_property_wrecked_by_troops_stays_coercion() -> None:
    m = only(code("Ethiopian troops demolished an Eritrean village."))
    assert (m.event, m.cameo, dyad(m)) == ("COERCE", "171", (["ETH"], ["ERI"]))


def test_a_participle_phrase_with_by_is_done_to_the_clause_subject() -> None:
    found = code("Condemned by Norway over whaling, Iceland defended its new quota.")
    accused = [dyad(m) for m in found if m.event == "ACCUSE"]
    assert accused == [(["NOR"], ["ISL"])]


def test_money_received_is_aid_from_the_giver() -> None:
    m = only(code("Honduras received money from Taiwan to rebuild its bridges."))
    assert (m.event, dyad(m)) == ("AID", (["TWN"], ["HND"]))


def by_trigger(mentions: Sequence[Mention], word: str) -> Mention:
    (m,) = [m for m in mentions if m.trigger_text() == word]
    return m


def test_a_backer_named_in_a_participle_phrase_is_no_target_of_the_clause() -> None:
    # the backer backs the subject; the act falls inside the subject's own state
    found = code("Backed by Belarus, Armenian police arrested two activists in Yerevan on Friday.")
    assert dyad(by_trigger(found, "Backed")) == (["BLR"], ["ARM"])
    assert dyad(by_trigger(found, "arrested")) == (["ARM"], ["ARM"])
    found = code("Supported by Iran, Syrian forces bombed rebel positions near Aleppo.")
    assert dyad(by_trigger(found, "bombed")) == (["SYR"], ["SYR"])


def test_a_critic_named_in_a_participle_phrase_can_still_be_the_target() -> None:
    found = code("Condemned by Norway, Belarus expelled two diplomats on Monday.")
    assert dyad(by_trigger(found, "expelled")) == (["BLR"], ["NOR"])
    found = code("Rebuked by Ghana, Togo recalled its ambassador the next day.")
    assert dyad(by_trigger(found, "recalled")) == (["TGO"], ["GHA"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hundreds of students gathered outside the Chinese embassy in Manila.",
            (["PHL"], ["CHN"]),
        ),
        (
            "Dozens of activists demonstrated in front of the Iranian consulate in Berlin.",
            (["DEU"], ["IRN"]),
        ),
        (
            "Cientos de personas protestaron frente a la embajada de Francia en Dakar.",
            (["SEN"], ["FRA"]),
        ),
    ],
)
def test_a_protest_outside_an_embassy_is_against_its_state(
    text: str, expected: tuple[list[str], list[str]]
) -> None:
    # the crowd is of the city it stands in, the embassy's state is whom it protests
    m = only(code_es(text) if text.startswith("Cientos") else code(text))
    assert (m.event, dyad(m)) == ("PROTEST", expected)


def code_es(text: str) -> list[Mention]:
    coded = code_article(Settings(), Article(id="t", text=text, language="es"), _stages())
    assert isinstance(coded, Coded)
    return coded.mentions
