"""Pronoun subjects take their antecedent's side (sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_events_coder import code, dyad, only

pytestmark = pytest.mark.slow

LATER = "Later, he met with a Russian consul at a Cuban software firm."


def test_pronoun_subject_takes_the_side_of_the_previous_subject() -> None:
    text = "The Russian trade envoy toured a factory in Havana on Monday. " + LATER
    m = only([m for m in code(text) if "he met" in m.event_text])
    assert dyad(m) == (["RUS"], ["CUB"])
    assert [a.text for a in m.actor] == ["Russian"]


def test_antecedent_is_found_past_a_sentence_told_with_a_pronoun() -> None:
    text = (
        "The Chinese envoy landed in Caracas on Sunday. He rested on Monday. "
        "On Tuesday he met with officials of Venezuela."
    )
    m = only([m for m in code(text) if "he met" in m.event_text])
    assert dyad(m) == (["CHN"], ["VEN"])


@pytest.mark.parametrize(
    "first",
    [
        "The weather in the capital was mild on Monday.",  # no party named
        "Chinese engineers toured a port on Monday.",  # plural: not "he"
    ],
)
def test_without_an_antecedent_the_usual_rules_stay(first: str) -> None:
    alone = sorted((m.event, tuple(map(tuple, dyad(m)))) for m in code(LATER))
    after = [m for m in code(f"{first} {LATER}") if "he met" in m.event_text]
    assert sorted((m.event, tuple(map(tuple, dyad(m)))) for m in after) == alone
    assert alone  # the sentence alone is still coded


def test_coordinated_prepositional_objects_share_the_recipient_side() -> None:
    m = only(code("Mexico met with Cuba on Monday, and with Venezuela on Tuesday."))
    assert dyad(m) == (["MEX"], ["CUB", "VEN"])


def test_the_antecedent_beats_the_article_s_most_named_country() -> None:
    # without the antecedent rule the empty side is filled with Venezuela, named most often
    text = (
        "Venezuela and Cuba signed a trade pact in 2019. "
        "The Chinese envoy arrived in Caracas on Sunday. "
        "On Monday he met with a Cuban minister and a Venezuelan general."
    )
    m = only([m for m in code(text) if "he met" in m.event_text])
    assert dyad(m)[0] == ["CHN"]
