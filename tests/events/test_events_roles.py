"""Role rules: appositions beside the actor, "from" places nested in a noun's owner phrase,
and demonyms of the added states read through the real resolver (sentences written for
these tests)."""

from __future__ import annotations

import functools

import pytest
from test_events_coder import _parser, code, dyad, only

from bilat.events import get_coder
from bilat.models import Article, Mention
from bilat.resolve import Resolver

pytestmark = pytest.mark.slow


def test_apposition_beside_the_actor_is_not_an_actor() -> None:
    m = only(code("Brazil, a close ally of China, refused to send troops to Angola."))
    assert m.event == "REJECT" and dyad(m) == (["BRA"], ["AGO"])


def test_place_left_inside_the_owner_phrase_is_the_target() -> None:
    m = only(code("Mexico sped up the withdrawal of some marines from Venezuela on Monday."))
    assert m.event == "RETREAT" and dyad(m) == (["MEX"], ["VEN"])


def test_owner_phrase_of_a_visit_still_names_the_visitor() -> None:
    mentions = code("Cuba praised the visit of the president of Russia to Havana.")
    visit = next(m for m in mentions if m.event == "CONSULT")
    assert dyad(visit) == (["RUS"], ["CUB"])


@functools.cache
def _resolver() -> Resolver:
    return Resolver()


def code_resolved(text: str, language: str = "en") -> list[Mention]:
    article = Article(id="r1", text=text, language=language)
    doc = _parser().parse(article)
    return get_coder().code(article, doc, _resolver().find_actors(doc, text))


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Zimbabwean officials accused Kenya of hiding the smugglers.", "ZWE", "KEN"),
        ("Senegalese troops attacked Gambian border posts on Friday.", "SEN", "GMB"),
        ("Moroccan diplomats met Ghanaian ministers in Accra on Tuesday.", "MAR", "GHA"),
    ],
)
def test_added_demonyms_name_their_states(text: str, actor: str, recipient: str) -> None:
    m = only(code_resolved(text))
    assert dyad(m) == ([actor], [recipient])


def test_participle_on_a_verb_of_state_is_no_event() -> None:
    assert code("China has become a major lender for Angola, offering cheap credit.") == []


def test_participle_on_an_act_is_still_coded() -> None:
    mentions = code("China signed the accord on Monday, offering Angola cheap credit.")
    assert any(m.event == "AGREE" and dyad(m) == (["CHN"], ["AGO"]) for m in mentions)


def test_news_outlet_pledge_is_not_filled_from_the_article() -> None:
    text = (
        "Moscow and Havana held talks last week. "
        "The 14ymedio staff is committed to doing honest reporting that shows Cuba’s life in full."
    )
    assert [m.event for m in code_resolved(text)] == ["CONSULT"]


def test_aim_of_a_project_in_a_relative_clause_is_no_event() -> None:
    text = "The school is a joint venture of China and Angola that aims to train Angolan pilots."
    assert code(text) == []


def test_aim_of_a_state_is_still_an_intent() -> None:
    m = only(code("China aims to train Angolan pilots from next year."))
    assert m.event == "AGREE" and dyad(m) == (["CHN"], ["AGO"])


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Angolan opposition leaders agreed to postpone the rally in Luanda.", "AGREE"),
        ("The Angolan teachers union called off its strike on Monday.", "CONCEDE"),
    ],
)
def test_a_text_about_one_state_codes_acts_inside_it(text: str, event: str) -> None:
    # PLOVER codes acts inside one state with that state on both sides
    m = only(code_resolved(text))
    assert m.event == event and dyad(m) == (["AGO"], ["AGO"])


def test_acts_inside_one_state_need_a_text_about_one_state() -> None:
    text = "Angolan opposition leaders agreed to postpone the rally, as Brazil urged calm."
    assert all(dyad(m) != (["AGO"], ["AGO"]) for m in code_resolved(text))
