"""Titles with names coded like states, and groups "in" a state (compose.py): fictional
actors in a hand-built gazetteer, read through the real parser (sentences written here)."""

from __future__ import annotations

import functools

import pytest

from bilat.models import ActorSpan, Article
from bilat.nlp import Parser
from bilat.resolve import Agent, Gazetteer, GazetteerEntry, Resolver

pytestmark = pytest.mark.slow


@functools.cache
def _parser() -> Parser:
    return Parser()


@functools.cache
def _resolver() -> Resolver:
    gaz = Gazetteer()
    for name, code in (("Zembla", "ZEM"), ("Ruritania", "RUR"), ("Graustark", "GRA")):
        gaz.add(GazetteerEntry(code, name, "state", code, None, name, "en", "state"))
    # a user's dictionary may give a person a bare state code, as TABARI dictionaries do
    gaz.add(GazetteerEntry("ZEM", "John Shade", "state", "ZEM", None, "John Shade", "en", "state"))
    gaz.add_agent(Agent("prime minister", "GOV", "person", "en", False))
    gaz.add_agent(Agent("lawmaker", "LEG", "person", "en", False))
    gaz.add_agent(Agent("lawmakers", "LEG", "group", "en", True))
    gaz.add_agent(Agent("embassy", "GOV", "organization", "en", False))
    gaz.add_agent(Agent("officials", "GOV", "group", "en", True))
    gaz.add_agent(Agent("farmers", "AGR", "group", "en", True))
    return Resolver(gaz)


def find(text: str) -> list[ActorSpan]:
    doc = _parser().parse(Article(id="n1", text=text, language="en"))
    return _resolver().find_actors(doc, text)


def test_a_title_and_a_name_coded_as_its_state_are_one_person() -> None:
    spans = find("Zembla Prime Minister John Shade flew to Ruritania on Monday.")
    first = spans[0]
    assert first.text == "Zembla Prime Minister John Shade"
    assert (first.country, first.sector, first.kind) == ("ZEM", "GOV", "person")


def test_a_state_after_a_title_of_another_state_stays_a_state() -> None:
    texts = [s.text for s in find("Zembla Prime Minister Ruritania talks began on Monday.")]
    assert "Zembla Prime Minister Ruritania" not in texts


def test_lawmakers_in_coordinated_states_take_each_state() -> None:
    spans = {s.text: s for s in find("Lawmakers in Zembla and Graustark praised the treaty.")}
    assert (spans["Zembla"].country, spans["Zembla"].sector) == ("ZEM", "LEG")
    assert (spans["Graustark"].country, spans["Graustark"].sector) == ("GRA", "LEG")


def test_lawmakers_in_one_state_are_of_it() -> None:
    spans = find("Lawmakers in Ruritania praised the treaty.")
    assert [(s.text, s.country, s.sector) for s in spans] == [
        ("Lawmakers in Ruritania", "RUR", "LEG")
    ]


def test_people_of_two_kinds_in_states_are_each_kind_of_each_state() -> None:
    spans = {s.text: s for s in find("Lawmakers and officials in Zembla and Graustark met.")}
    assert spans["Lawmakers"].members == (("ZEM", "LEG"), ("GRA", "LEG"))
    assert (spans["Zembla"].country, spans["Zembla"].sector) == ("ZEM", "GOV")
    spans = {s.text: s for s in find("Farmers and lawmakers in Ruritania rallied on Sunday.")}
    assert (spans["Farmers"].country, spans["Farmers"].sector) == ("RUR", "AGR")
    # a single person before "and" is no people of a kind
    spans = {s.text: s for s in find("The prime minister and lawmakers in Ruritania met.")}
    assert all(s.sector != "GOV" or s.country != "RUR" for s in spans.values())


def test_a_single_body_in_a_state_is_not_made_of_it() -> None:
    spans = find("The embassy in Ruritania closed its doors.")
    assert all(s.sector is None for s in spans if s.country == "RUR")
