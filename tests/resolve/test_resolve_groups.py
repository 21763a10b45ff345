"""Names of several states ("the Baltic states", "las dos Coreas") and the adjectives that
name such a group before an agent noun (sentences written here)."""

from __future__ import annotations

import functools

import pycountry
import pytest

from bilat.models import ActorSpan, Article
from bilat.nlp import Parser
from bilat.resolve import Gazetteer, Resolver
from bilat.resolve.tables import iter_groups

BALTIC = ("EST", "LVA", "LTU")


def test_every_group_names_two_or_more_real_states() -> None:
    for group in iter_groups():
        assert len(set(group.members)) >= 2, group
        assert all(pycountry.countries.get(alpha_3=c) for c in group.members), group


def test_groups_that_depend_on_the_speaker_are_not_listed() -> None:
    gaz = Gazetteer.load()
    assert not any(e.members for e in gaz.lookup("Gulf states"))
    assert not any(e.members for e in gaz.lookup("West"))


def test_the_gazetteer_gives_a_group_name_its_members_in_both_languages() -> None:
    gaz = Gazetteer.load()
    (en,) = [e for e in gaz.lookup("Baltic states", "en") if e.members]
    (es,) = [e for e in gaz.lookup("países bálticos", "es") if e.members]
    assert [c for c, _ in en.members] == [c for c, _ in es.members] == list(BALTIC)
    assert {c for c, _ in gaz.lookup("dos Coreas", "es")[0].members} == {"KOR", "PRK"}


@functools.cache
def _stages() -> tuple[Parser, Resolver]:
    return Parser(), Resolver()


def _spans(text: str, language: str = "en") -> dict[str, ActorSpan]:
    parser, resolver = _stages()
    doc = parser.parse(Article(id="g1", text=text, language=language))
    return {s.text: s for s in resolver.find_actors(doc, text)}


@pytest.mark.slow
def test_a_group_name_is_one_span_with_every_member() -> None:
    spans = _spans("Moscow warned the Baltic states about the new base.")
    group = spans["Baltic states"]
    assert [c for c, _ in group.members] == list(BALTIC)
    assert group.country == "EST" and group.via == "group"


@pytest.mark.slow
def test_an_agent_noun_gives_each_member_its_sector() -> None:
    spans = _spans("The Baltic defence ministers flew to Brussels.")
    assert spans["Baltic defence ministers"].members == tuple((c, "GOV") for c in BALTIC)
    es = _spans("Los cancilleres nórdicos viajaron a Kiev.", "es")
    assert {s for _, s in es["cancilleres nórdicos"].members} == {"GOV"}
    assert len(es["cancilleres nórdicos"].members) == 5


@pytest.mark.slow
def test_a_group_adjective_without_an_agent_noun_names_no_one() -> None:
    assert not [s for s in _spans("Russia's Baltic Fleet sailed west.").values() if s.members]
    assert not [s for s in _spans("Grain moved through Baltic ports.").values() if s.members]


@pytest.mark.slow
def test_korea_alone_is_not_the_two_koreas() -> None:
    assert not any(s.members for s in _spans("Korea opened a new embassy.").values())
    two = _spans("The two Koreas reopened a hotline.")["two Koreas"]
    assert {c for c, _ in two.members} == {"KOR", "PRK"}


@pytest.mark.slow
def test_a_single_state_name_is_unchanged() -> None:
    spans = _spans("Estonia's prime minister visited Japan.")
    minister = spans["Estonia's prime minister"]
    assert (minister.country, minister.sector, minister.members) == ("EST", "GOV", ())
    assert spans["Japan"].members == ()
