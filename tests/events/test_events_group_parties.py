"""A party named by a group of states codes one actor per member, each with the group's
words as its text (sentences written here)."""

from __future__ import annotations

import functools

import pytest

from bilat.events.coder import RulesCoder
from bilat.models import Article, Mention
from bilat.nlp import Parser
from bilat.resolve import Resolver

pytestmark = pytest.mark.slow


@functools.cache
def _stages() -> tuple[Parser, Resolver, RulesCoder]:
    return Parser(), Resolver(), RulesCoder()


def _code(text: str, language: str = "en") -> list[Mention]:
    parser, resolver, coder = _stages()
    article = Article(id="g2", text=text, language=language)
    doc = parser.parse(article)
    return coder.code(article, doc, resolver.find_actors(doc, text))


def test_a_group_recipient_is_one_actor_per_member() -> None:
    (mention,) = _code("Russia accused the Benelux countries of meddling.")
    assert mention.event == "ACCUSE"
    assert [r.country for r in mention.actor] == ["RUS"]
    assert [(r.country, r.text) for r in mention.recipient] == [
        ("BEL", "Benelux countries"),
        ("NLD", "Benelux countries"),
        ("LUX", "Benelux countries"),
    ]


def test_a_group_actor_keeps_the_agent_sector_for_each_member() -> None:
    (mention,) = _code("Los cancilleres bálticos se reunieron con el ministro ruso.", "es")
    assert mention.event == "CONSULT"
    assert [(r.country, r.sector) for r in mention.actor] == [
        ("EST", "GOV"),
        ("LVA", "GOV"),
        ("LTU", "GOV"),
    ]
    assert [r.country for r in mention.recipient] == ["RUS"]


def test_a_single_state_party_stays_one_actor() -> None:
    (mention,) = _code("Russia accused Latvia of meddling.")
    assert [(r.country, r.text) for r in mention.recipient] == [("LVA", "Latvia")]


def _dyad(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([r.country for r in m.actor], [r.country for r in m.recipient]) for m in _code(text)]


def test_a_member_on_the_other_side_leaves_the_group() -> None:
    # no state acts towards itself: the member named on the other side is taken out
    assert _dyad("Belgium signed a customs pact with the Benelux countries.") == [
        (["BEL"], ["NLD", "LUX"])
    ]
    assert _dyad("The Benelux countries accused Luxembourg of breaking ranks.") == [
        (["BEL", "NLD"], ["LUX"])
    ]
    # the group's first member on the other side no longer silences the event
    assert _dyad("Belgium criticised the Benelux countries.") == [(["BEL"], ["NLD", "LUX"])]
