"""A named person with no country is no proxy for a place (roles.RoleFinder)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from test_events_coder import _parser, dyad

from bilat.events import get_coder
from bilat.models import ActorSpan, Article, Mention

pytestmark = pytest.mark.slow

# name pattern -> (actor id, kind, country): persons the resolver knows no country for
NAMES: dict[str, tuple[str, str, str | None]] = {
    r"Russia": ("RUS", "state", "RUS"),
    r"Georgia": ("GEO", "state", "GEO"),
    r"Cuba": ("CUB", "state", "CUB"),
    r"Havana": ("CUB", "place", "CUB"),
    r"Mexico": ("MEX", "state", "MEX"),
    r"US(?! President)": ("USA", "state", "USA"),
    r"(?<!US President )Hollis": ("person:hollis", "person", None),
    r"US President Hollis": ("person:hollis", "person", "USA"),
}


def code(text: str) -> list[Mention]:
    spans = [
        ActorSpan(m.start(), m.end(), m.group(), actor_id, kind, country)  # type: ignore[arg-type]
        for pattern, (actor_id, kind, country) in NAMES.items()
        for m in re.finditer(rf"\b(?:{pattern})\b", text)
    ]
    article = Article(id="p", text=text, language="en", published=dt.date(2024, 3, 20))
    doc = _parser().parse(article)
    return get_coder().code(article, doc, sorted(spans, key=lambda s: s.start))


def test_a_named_person_does_not_borrow_the_nearest_country() -> None:
    mentions = code("President Hollis criticized Russia over the war in Georgia.")
    assert mentions, "the criticism of Russia is still told"
    for m in mentions:
        assert "GEO" not in m.countries("actor")
        assert m.countries("recipient") == ["RUS"]


def test_a_named_person_does_not_take_the_target_s_own_country() -> None:
    for m in code("President Hollis threatened further action against Russia on television."):
        assert m.countries("actor") != ["RUS"]


def test_a_person_named_with_a_country_elsewhere_in_the_article_takes_it() -> None:
    text = (
        "US President Hollis arrived in Mexico on Monday. "
        "Hollis criticized Russia over the war in Georgia."
    )
    (m,) = [m for m in code(text) if "criticized" in m.event_text]
    assert (m.countries("actor"), m.countries("recipient")) == (["USA"], ["RUS"])


def test_an_unnamed_subject_is_still_filled_from_the_sentence() -> None:
    # no person named: the nearest other country fills the side, as before
    (m,) = code("Officials in Cuba criticized Mexico over the arrests.")
    assert m.countries("recipient") == ["MEX"] and m.countries("actor") == ["CUB"]


def test_a_person_not_signing_is_no_refusal_of_the_state() -> None:
    # a step not reached by a person, not a state's refusal (negation.is_refusing_party)
    assert code("US President Hollis did not sign the treaty with Cuba.") == []


def test_a_state_not_signing_is_a_refusal() -> None:
    (m,) = code("Mexico did not sign the treaty with Cuba.")
    assert (m.event, m.countries("actor"), m.countries("recipient")) == ("REJECT", ["MEX"], ["CUB"])


def test_a_named_person_acting_inside_the_one_state_named_is_of_it() -> None:
    # a curfew in a city, not an act on a state by its name: PLOVER codes it domestic
    (m,) = code("President Hollis threatened to impose a curfew in Havana.")
    assert (m.countries("actor"), m.countries("recipient")) == (["CUB"], ["CUB"])


def test_a_person_visiting_the_one_state_named_is_not_of_it() -> None:
    # a visitor of a state by its name comes from elsewhere: no guess of a native visit;
    # the named visitor stays, of no known state
    for text, state in (
        ("President Hollis visited Mexico on Monday.", "MEX"),
        ("Hollis visited Cuba last week.", "CUB"),
    ):
        assert [dyad(m) for m in code(text)] == [([], [state])]
