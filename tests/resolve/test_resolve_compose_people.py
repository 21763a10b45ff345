"""Peoples and their states: "ethnic" names no state, "Bosnian Croats" and "the
Hungarians of southern Slovakia" belong to where they live (sentences written for these
tests, read through the real parser and resolver)."""

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


def find(text: str) -> dict[str, ActorSpan]:
    parser, resolver = _stages()
    doc = parser.parse(Article(id="c1", text=text, language="en"))
    return {s.text: s for s in resolver.find_actors(doc, text)}


def test_ethnic_people_names_no_state() -> None:
    spans = find("Ethnic Hungarians marched through the town on Sunday.")
    assert spans["Hungarians"].country is None
    assert spans["Hungarians"].kind == "group"


def test_people_of_a_state_named_after_it_belongs_to_that_state() -> None:
    spans = find("The Hungarians of southern Slovakia demanded more schools.")
    people = spans["Hungarians of southern Slovakia"]
    assert (people.country, people.kind) == ("SVK", "group")


def test_people_after_a_demonym_belongs_to_the_first_state() -> None:
    spans = find("Bosnian Croats boycotted the vote.")
    assert spans["Bosnian Croats"].country == "BIH"


def test_coordinated_peoples_keep_their_own_states() -> None:
    spans = find("Russians and Cubans celebrated the anniversary together.")
    assert (spans["Russians"].country, spans["Cubans"].country) == ("RUS", "CUB")


def test_demonym_before_an_agent_noun_still_composes() -> None:
    spans = find("Slovak ministers met Hungarian diplomats.")
    assert spans["Slovak ministers"].country == "SVK"
    assert spans["Hungarian diplomats"].country == "HUN"


@pytest.mark.parametrize(
    "text", ["An anti-Chile activist spoke on the radio.", "Pro-Bolivia groups held a rally."]
)
def test_state_after_anti_or_pro_gives_no_country(text: str) -> None:
    assert all(s.country is None for s in find(text).values())
