"""A place's name the NER model takes for a person's, possessive and all (resolver.py)."""

from __future__ import annotations

import pytest
from resolve_docs import build_doc

from bilat.resolve import Resolver


@pytest.mark.parametrize(
    ("text", "entity", "place", "country"),
    [
        ("Havana's new harbour opened to Russian ships.", "Havana's", "Havana", "CUB"),
        ("Later Angola’s coast drew Chinese boats.", "Angola’s", "Angola", "AGO"),
        ("Havana' harbour opened.", "Havana'", "Havana", "CUB"),
    ],
)
def test_a_possessive_person_span_over_a_known_place_is_the_place(
    resolver: Resolver, text: str, entity: str, place: str, country: str
) -> None:
    spans = resolver.find_actors(build_doc(text, entities=[(entity, "PERSON")]), text)
    first = next(s for s in spans if s.text.startswith(place))
    # the place, alone or with the agent noun after it ("Havana's new mayor"), not a
    # person of no country named by the NER model
    assert (first.country, first.via != "ner") == (country, True), first


def test_a_person_named_after_a_place_stays_a_person(resolver: Resolver) -> None:
    # more words than the place: a name of its own, and not of the place's country
    text = "Havana Brown's new film opened in Moscow."
    spans = resolver.find_actors(build_doc(text, entities=[("Havana Brown's", "PERSON")]), text)
    person = next(s for s in spans if s.kind == "person")
    assert person.text.startswith("Havana Brown") and person.country is None
