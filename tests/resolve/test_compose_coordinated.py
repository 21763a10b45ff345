"""Agent nouns joined to a composed one share its country ("Russian troops and police"), and
demonym peoples still compose after their move to peoples.py (sentences written here)."""

from __future__ import annotations

import functools

import pytest

from bilat.models import ActorSpan, Article
from bilat.nlp import Parser
from bilat.resolve import Resolver

pytestmark = pytest.mark.slow


@functools.cache
def _stages() -> tuple[Parser, Resolver]:
    return Parser(), Resolver()


def find(text: str) -> dict[str, tuple[str | None, str | None]]:
    parser, resolver = _stages()
    doc = parser.parse(Article(id="k1", text=text, language="en"))
    spans: list[ActorSpan] = resolver.find_actors(doc, text)
    return {s.text: (s.country, s.sector) for s in spans}


def test_a_joined_agent_noun_shares_the_country() -> None:
    spans = find("Russian troops and police sealed the border.")
    assert spans["Russian troops"] == ("RUS", "MIL")
    assert spans["police"] == ("RUS", "COP")
    assert find("Cuban doctors and teachers arrived in Venezuela.")["teachers"] == ("CUB", "EDU")


def test_a_joined_agent_with_its_own_state_keeps_that_state() -> None:
    spans = find("The Russian embassy and ministries of Cuba exchanged notes.")
    assert spans["ministries of Cuba"] == ("CUB", "GOV")
    assert spans["Russian embassy"] == ("RUS", "GOV")


def test_a_joined_name_is_not_made_an_agent() -> None:
    spans = find("Russian troops and Cuba signed nothing.")
    assert spans["Cuba"] == ("CUB", None)


def test_people_of_a_state_are_still_composed() -> None:
    spans = find("The Hungarians of southern Slovakia voted on Sunday.")
    assert [c for c, _ in spans.values()] == ["SVK"]


def test_adjectives_joined_by_and_do_not_part_a_state_from_its_agent_noun() -> None:
    spans = find("Cuba's tired and angry ministers walked out of the talks.")
    assert spans["Cuba's tired and angry ministers"] == ("CUB", "GOV")
    # a noun after "and" is another party, not one more adjective
    assert find("Cuba's troops and ministers left.")["Cuba's troops"] == ("CUB", "MIL")
