"""Within one article: a demonstrative naming what an earlier sentence named ("this
institute") tells the same happening; a description ("this country") does not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bilat.link import link_article
from bilat.link.clusters import _Draft, names_back
from bilat.models import ActorRef, Article, Event, Mention, Span

PLAN = (
    "Peru and Chile intend to build a Marine Research Institute of the Pacific in Arica."
    "\nThe design for this institute was shown to Chilean officials by a Peruvian team."
    "\nThe Andean country also promised Chile a fishing fair."
    "\nThis country will open the fair next spring, officials said."
)
LINES = PLAN.split("\n")
INSTITUTE = ActorRef(text="Marine Research Institute of the Pacific", country="CHL")
ANDEAN = ActorRef(text="Andean country", country="PER")


def make_mention(
    line: int,
    n: int,
    event: str = "AGREE",
    recipient: ActorRef = INSTITUTE,
    actor: ActorRef = ANDEAN,
) -> Mention:
    sentence = LINES[line]
    start = PLAN.index(sentence)
    return Mention(
        id=Mention.make_id("plan", start, start + len(sentence), event, "test", n),
        doc_id="plan",
        event=event,  # type: ignore[arg-type]
        actor=[actor],
        recipient=[recipient],
        event_text=sentence,
        text_info=Span(start=start, end=start + len(sentence)),
        confidence=0.8,
        coder="test",
    )


def no_candidates(
    event: str, countries: Sequence[str], around: dt.date | None, w: int
) -> list[Event]:
    return []


def events_of(ms: list[Mention]) -> list[str | None]:
    article = Article(id="plan", text=PLAN, published=None, outlet="Test Wire")
    linked, _ = link_article(article, ms, no_candidates)
    by_id = {m.id: m.event_id for m in linked}
    return [by_id[m.id] for m in ms]


def test_a_demonstrative_naming_the_leads_project_joins_its_event() -> None:
    chilean = ActorRef(text="Chilean officials", country="CHL")
    ids = events_of([make_mention(0, 0), make_mention(1, 1, recipient=chilean)])
    assert ids[0] == ids[1]


def test_a_demonstrative_description_or_another_type_stays_apart() -> None:
    lead = make_mention(0, 0)
    fair = ActorRef(text="Chile", country="CHL")
    # "This country" points back at "Andean country", a description, not a name
    ids = events_of([lead, make_mention(3, 1, recipient=fair)])
    assert ids[0] != ids[1]
    # a CONSULT naming the institute is not the plan to build it
    ids = events_of([lead, make_mention(1, 1, event="CONSULT")])
    assert ids[0] != ids[1]


def test_names_back_needs_a_proper_name_of_the_draft() -> None:
    lead = make_mention(0, 0)
    other = make_mention(1, 1)
    draft = _Draft("ev", [lead], frozenset())
    assert names_back(draft, other)
    described = _Draft("ev", [make_mention(0, 0, recipient=ANDEAN)], frozenset())
    assert not names_back(described, other)
    assert not names_back(draft, make_mention(3, 1))
