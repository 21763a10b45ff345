"""Acts done by protesters or a crowd: damage to property by a crowd is a riot (CAMEO 145),
the same damage by soldiers an assault; a crowd firing weapons still attacks."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only
from test_events_spans_asides import build_tree

from bilat.events.crowds import as_crowd_violence, find_doers
from bilat.events.triggers import TriggerRule

pytestmark = pytest.mark.slow


def test_a_crowd_setting_an_embassy_on_fire_riots() -> None:
    m = only(code("The Russian embassy in Havana was set on fire by an angry Cuban crowd."))
    assert (m.event, m.cameo, m.mode) == ("PROTEST", "145", "riot")
    assert dyad(m) == (["CUB"], ["RUS"])


def test_protesters_tearing_down_a_statue_riot() -> None:
    m = only(code("Angolan protesters tore down a statue of a Russian general on Sunday."))
    assert (m.event, m.cameo) == ("PROTEST", "145") and dyad(m) == (["AGO"], ["RUS"])


def test_soldiers_setting_fire_to_a_school_destroy_property() -> None:
    m = only(code("Russian soldiers set fire to a Cuban school near the port."))
    assert (m.event, m.cameo) == ("ASSAULT", "1712") and dyad(m) == (["RUS"], ["CUB"])


def test_a_crowd_ransacking_an_embassy_riots_and_troops_doing_it_assault() -> None:
    by_mob = only(code("A Mexican mob ransacked the Cuban consulate on Tuesday."))
    by_troops = only(code("Russian troops ransacked the Cuban consulate on Tuesday."))
    assert by_mob.event == "PROTEST" and by_troops.event == "ASSAULT"


def test_setting_up_an_inquiry_keeps_its_investigation_row() -> None:
    m = only(code("Brazil set up an inquiry into Venezuelan gold smuggling."))
    assert (m.event, m.cameo) == ("ACCUSE", "090")


# "The embassy was burned by a crowd": the doer of a passive is its "by" phrase
BURNED = build_tree(
    [
        ("The", "det", 1),
        ("embassy", "nsubjpass", 3),
        ("was", "auxpass", 3),
        ("burned", "ROOT", 3),
        ("by", "agent", 3),
        ("crowd", "pobj", 4),
    ]
)


def _rule(lemma: str, cameo: str, event: str = "ASSAULT") -> TriggerRule:
    return TriggerRule("en", lemma, False, frozenset(), event, None, cameo, False)


def test_the_doer_of_a_passive_is_its_agent() -> None:
    assert find_doers(BURNED, 3) == [5]


def test_only_damage_by_a_crowd_becomes_a_riot() -> None:
    burn = as_crowd_violence(BURNED, 3, _rule("burn", "190"))
    assert (burn.event, burn.cameo, burn.mode) == ("PROTEST", "145", "riot")
    # a crowd that shoots or a verbal act keeps its row
    assert as_crowd_violence(BURNED, 3, _rule("shoot", "193")).event == "ASSAULT"
    assert as_crowd_violence(BURNED, 3, _rule("burn", "111", "ACCUSE")).event == "ACCUSE"
