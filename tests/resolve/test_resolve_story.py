"""Bare state agent nouns take the story's state (stories written for these tests)."""

from __future__ import annotations

import pytest
from resolve_docs import build_doc

from bilat.events import get_coder
from bilat.models import ActorSpan, Article
from bilat.nlp import Parser
from bilat.resolve import Resolver
from bilat.resolve.found import Found
from bilat.resolve.story import STORY_VIA, choose_country

KENYA = "Kenya announced new curbs on imports on Monday. "


def _article(text: str, language: str = "en") -> Article:
    return Article(id="story", text=text, language=language)


def _story(parser: Parser, resolver: Resolver, text: str, language: str = "en") -> list[ActorSpan]:
    """The spans the story rule added: (text, country, sector) is what the tests read."""
    article = _article(text, language)
    spans = resolver.find_actors(parser.parse(article), text)
    return [s for s in spans if s.via == STORY_VIA]


def _seen(spans: list[ActorSpan]) -> list[tuple[str, str | None, str | None]]:
    return [(s.text, s.country, s.sector) for s in spans]


@pytest.mark.slow
def test_a_later_sentence_s_forces_take_the_state_named_with_that_sector(
    parser: Parser, resolver: Resolver
) -> None:
    text = (
        "Myanmar's army shelled three villages on Monday. Government forces also burned a "
        "market in the north, and the army detained two reporters."
    )
    assert _seen(_story(parser, resolver, text)) == [
        ("Government forces", "MMR", "MIL"),
        ("army", "MMR", "MIL"),
    ]


@pytest.mark.slow
def test_the_second_sentence_is_coded_with_the_story_s_state(
    parser: Parser, resolver: Resolver
) -> None:
    text = (
        "Myanmar's army shelled three villages on Monday. Government forces also detained "
        "two reporters in the north."
    )
    article = _article(text)
    doc = parser.parse(article)
    mentions = get_coder().code(article, doc, resolver.find_actors(doc, text))
    second = [m for m in mentions if m.event_text.startswith("Government forces")]
    assert second and all(m.countries("actor") == ["MMR"] for m in second)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # two armies named: "the army" is either
        "Ethiopia's army and Eritrea's army exchanged artillery fire on Sunday. "
        "The army said four soldiers died.",
        # two states in play and no government named before
        "Armenia accused Azerbaijan of shelling border villages on Tuesday. "
        "The government said it would complain to the United Nations.",
        # a state named only as where something happened
        "Delegates met at a climate summit in Paris on Monday. The government announced "
        "new taxes on fuel.",
        # the state named too many sentences back
        KENYA + "Traders were angry. Prices rose. Shops closed early. Buses were late. "
        "Police blocked roads in the capital.",
    ],
)
def test_no_state_when_the_story_does_not_settle_one(
    parser: Parser, resolver: Resolver, text: str
) -> None:
    assert _story(parser, resolver, text) == []


@pytest.mark.slow
def test_spanish_bodies_take_the_state(parser: Parser, resolver: Resolver) -> None:
    text = (
        "El ejército de Bolivia despejó una carretera bloqueada el martes. Las fuerzas "
        "gubernamentales vigilaron el puente, la policía detuvo a 40 personas y el gobierno "
        "pidió calma. Las fuerzas de seguridad cerraron el aeropuerto."
    )
    assert _seen(_story(parser, resolver, text, "es")) == [
        ("fuerzas gubernamentales", "BOL", "MIL"),
        ("policía", "BOL", "COP"),
        ("gobierno", "BOL", "GOV"),
        ("fuerzas de seguridad", "BOL", "COP"),
    ]


@pytest.mark.slow
def test_each_body_has_its_sector(parser: Parser, resolver: Resolver) -> None:
    text = KENYA + (
        "Police blocked roads in the capital, troops guarded the port, the authorities "
        "closed schools and the ministry said more curbs would follow."
    )
    assert _seen(_story(parser, resolver, text)) == [
        ("Police", "KEN", "COP"),
        ("troops", "KEN", "MIL"),
        ("authorities", "KEN", "GOV"),
        ("ministry", "KEN", "GOV"),
    ]


@pytest.mark.slow
def test_a_bare_named_ministry_takes_the_state(parser: Parser, resolver: Resolver) -> None:
    text = (
        "Japan lodged a protest over the fishing boats on Monday. The Foreign Ministry said "
        "the boats had entered its waters."
    )
    assert _seen(_story(parser, resolver, text)) == [("Foreign Ministry", "JPN", "GOV")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "second",
    [
        "An army convoy reached the port.",  # a noun after it: not the army itself
        "Anti-government forces gathered outside the port.",  # against it
        "An army of volunteers cleaned the port.",  # indefinite
        "Their armies held the port.",  # someone else's
        "Chile's president said the army would guard the border.",  # its own sentence's
        "Kenya's president deployed troops at the port.",  # what the subject moves
    ],
)
def test_phrases_that_say_whose_they_are_are_left_alone(
    parser: Parser, resolver: Resolver, second: str
) -> None:
    assert _story(parser, resolver, KENYA + second) == []


def _found(country: str, sector: str | None, kind: str = "state") -> Found:
    return Found(0, 1, country, kind, country, sector, "alias", "state")  # type: ignore[arg-type]


def test_choose_country_prefers_the_sector_and_refuses_a_tie() -> None:
    doc = build_doc("Kenya and Uganda said .")
    kenya_army, uganda = _found("KEN", "MIL", "group"), _found("UGA", None)
    # the same sector settles it even with another state in play
    assert choose_country([kenya_army, uganda], [kenya_army, uganda], "MIL", doc) == "KEN"
    # no army named: two states in play settle nothing
    assert choose_country([kenya_army, uganda], [kenya_army, uganda], "COP", doc) is None
    # two armies: a tie
    uganda_army = _found("UGA", "MIL", "group")
    assert choose_country([kenya_army, uganda_army], [kenya_army, uganda_army], "MIL", doc) is None
    # one state, named as a state
    assert choose_country([uganda], [uganda], "GOV", doc) == "UGA"


@pytest.mark.slow
def test_the_same_noun_named_before_settles_its_state_over_other_bodies(
    parser: Parser, resolver: Resolver
) -> None:
    # a second government body (Washington, by metonymy) is in play, but "the ministry"
    # reads as the ministry named before
    text = (
        "Angola's foreign ministry said on Monday that China had shipped rice to Luanda. "
        "The ministry also accused Washington of delaying the cargo. "
        "In another statement, the ministry said the port would stay open."
    )
    seen = _seen(_story(parser, resolver, text))
    assert seen and all(country == "AGO" for _, country, _ in seen)
    assert len([s for s in seen if s[0].lower() == "ministry"]) == 2


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Brazil's envoy said Lisbon had sent a second cargo of maize. "
            "Angola's government reported the gift on Monday. "
            "The authorities also accused Washington of raising freight costs.",
            "en",
        ),
        (
            "Según la embajada de Brasil, Lisboa envió un segundo cargamento de maíz. "
            "El Gobierno angoleño informó del donativo el lunes. "
            "Las autoridades acusaron además a Estados Unidos de encarecer el flete.",
            "es",
        ),
    ],
)
def test_a_body_takes_the_state_of_the_body_that_was_the_last_sentence_s_subject(
    parser: Parser, resolver: Resolver, text: str, language: str
) -> None:
    # Brazil's and Portugal's bodies are in play too; the reader carries on the subject
    seen = _seen(_story(parser, resolver, text, language))
    assert [c for t, c, _ in seen if t.lower().endswith(("authorities", "autoridades"))] == ["AGO"]
