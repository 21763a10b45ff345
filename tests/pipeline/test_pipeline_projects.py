"""Pipeline wiring of projects and places: evidence found, stored, merged across articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.models import ActorRef, Article, Mention, Place, Span
from bilat.pipeline import Coded, code_article, locate_mentions, run
from bilat.resolve.geo import Geocoder
from bilat.store import Store

pytestmark = pytest.mark.slow

HUB_NEWS = (
    "Cayo Digital gets its first loan\n\n"
    "Russia lent Cuba 12 million euros on Tuesday to build the first data centre of Cayo "
    "Digital, officials said.\n"
)
HUB_STALLED = (
    "Island tech city on hold\n\n"
    "Work on Digital Cayo has stalled, Cuban officials said on Friday, after Russia failed to "
    "ship the servers it promised.\n"
)


def article(doc: str, text: str, published: dt.date, outlet: str) -> Article:
    return Article(id=doc, text=text, published=published, outlet=outlet, language="en")


def test_project_evidence_is_found_and_stored_across_articles(tmp_path: Path) -> None:
    settings = Settings()
    first = article("hub-1", HUB_NEWS, dt.date(2025, 3, 4), "State Wire")
    later = article("hub-2", HUB_STALLED, dt.date(2025, 9, 12), "Island Daily")
    coded = code_article(settings, first)
    assert isinstance(coded, Coded)
    assert {e.project_id for e in coded.projects} == {"project:cayo-digital"}
    with Store.open(tmp_path / "p.db") as store:
        assert run([first, later], store, settings).ok
        (project,) = store.find_projects("digital cayo")
        assert project.id == "project:cayo-digital"
        assert project.name == "Cayo Digital"
        assert store.find_projects("CAYO DIGITAL") == [project]
        assert [s.stage for s in project.steps] == ["funded", "stalled"]
        assert project.stage == "stalled"
        assert [s.outlet for s in project.steps] == ["State Wire", "Island Daily"]
        assert project.last_reported == dt.date(2025, 9, 12)
        assert "Digital Cayo" in project.aliases
        assert store.find_projects("no such project") == []


def mention_at(place: str, country: str | None, pair: tuple[str, str]) -> Mention:
    sentence = f"Officials met in {place}."
    return Mention(
        id=Mention.make_id("d", 0, len(sentence), "CONSULT", "test"),
        doc_id="d",
        event="CONSULT",
        actor=[ActorRef(text="a", country=pair[0])],
        recipient=[ActorRef(text="b", country=pair[1])],
        event_loc=Place(text=place, country=country),
        event_text=sentence,
        text_info=Span(start=0, end=len(sentence)),
        confidence=0.8,
        coder="test",
    )


def test_places_get_coordinates_chosen_by_the_mention_countries() -> None:
    cuban, mexican = locate_mentions(
        [
            mention_at("Cárdenas", None, ("RUS", "CUB")),
            mention_at("Cárdenas", None, ("RUS", "MEX")),
        ],
        Geocoder.load(),
    )
    assert cuban.event_loc is not None and cuban.event_loc.country == "CUB"
    assert mexican.event_loc is not None and mexican.event_loc.country == "MEX"
    assert cuban.event_loc.lat is not None and cuban.event_loc.lat > 22.0
    (unknown,) = locate_mentions([mention_at("Qwxyzville", None, ("RUS", "CUB"))], Geocoder.load())
    assert unknown.event_loc == Place(text="Qwxyzville")


def test_a_project_only_described_takes_its_known_host() -> None:
    text = "Russia offered Cuba a high-tech training center on Monday, officials said."
    coded = code_article(Settings(), article("desc", text, dt.date(2024, 3, 4), "Wire"))
    found = {(p.project_id, p.country) for p in coded.projects}
    assert found == {("project:tech-center-st-petersburg", "CUB")}
