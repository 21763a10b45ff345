"""Mention -> Event linking: restatements merge, look-alikes stay apart, ids are stable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bilat.link import dates_compatible, link_article, parse_partial
from bilat.models import ActorRef, Article, Event, Figure, Mention, Span

TITLE = "Russia ships wheat to Cuba"
BODY = (
    "\nMoscow shipped 25,000 tonnes of wheat to Cuba on Monday, officials said."
    "\nLater, a Russian envoy met the Cuban trade minister in Havana."
    "\nThe Russian envoy also met Cuban port officials to discuss fuel storage."
)
TEXT = TITLE + BODY


def mention(
    text: str,
    sentence: str,
    event: str,
    date: str | None = None,
    n: int = 0,
    figures: Sequence[Figure] = (),
    historical: bool = False,
    pair: tuple[str, str] = ("RUS", "CUB"),
    names: tuple[str, str] = ("Russia", "Cuba"),
) -> Mention:
    start = text.index(sentence)
    end = start + len(sentence)
    return Mention(
        id=Mention.make_id("doc", start, end, event, "test", n),
        doc_id="doc",
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text=names[0], country=pair[0])],
        recipient=[ActorRef(text=names[1], country=pair[1])],
        date=date,
        historical=historical,
        figures=list(figures),
        event_text=sentence,
        text_info=Span(start=start, end=end),
        confidence=0.8,
        coder="test",
    )


def no_candidates(
    event: str, countries: Sequence[str], around: dt.date | None, w: int
) -> list[Event]:
    return []


def article(text: str = TEXT, published: dt.date | None = dt.date(2025, 3, 4)) -> Article:
    return Article(id="doc", text=text, published=published, outlet="Test Wire")


def sentences() -> list[str]:
    return [TITLE, *[s for s in BODY.split("\n") if s]]


def test_headline_and_lead_are_one_event() -> None:
    s = sentences()
    ms = [mention(TEXT, s[0], "AID"), mention(TEXT, s[1], "AID", "2025-03-03")]
    linked, events = link_article(article(), ms, no_candidates)
    assert len(events) == 1
    assert {m.event_id for m in linked} == {events[0].id}
    assert events[0].date == "2025-03-03"
    assert events[0].actor_countries == ["RUS"] and events[0].recipient_countries == ["CUB"]


def test_two_meetings_in_one_article_stay_apart() -> None:
    s = sentences()
    ms = [
        mention(TEXT, s[2], "CONSULT", "2025-03", names=("Russian envoy", "Cuban trade minister")),
        mention(TEXT, s[3], "CONSULT", "2025-03", names=("Russian envoy", "Cuban port officials")),
    ]
    linked, events = link_article(article(), ms, no_candidates)
    assert len(events) == 2
    assert len({m.event_id for m in linked}) == 2


def test_different_money_figures_are_different_events() -> None:
    text = (
        "Russia lends Cuba money\n"
        "Russia lent Cuba 38 million euros.\n"
        "Russia lent Cuba 50 million euros."
    )
    a = Figure(value=38e6, unit="EUR", text="38 million euros", kind="money")
    b = Figure(value=50e6, unit="EUR", text="50 million euros", kind="money")
    ms = [
        mention(text, "Russia lent Cuba 38 million euros.", "AID", figures=[a]),
        mention(text, "Russia lent Cuba 50 million euros.", "AID", figures=[b]),
    ]
    _, events = link_article(article(text), ms, no_candidates)
    assert len(events) == 2


def test_joins_a_stored_event_with_a_compatible_date() -> None:
    stored = Event(
        id="ev-stored",
        event="AID",
        actor_countries=["RUS"],
        recipient_countries=["CUB"],
        date="2025-03-03",
        mention_ids=["m0"],
    )
    asked: list[tuple[str, tuple[str, ...], dt.date | None]] = []

    def lookup(event: str, countries: Sequence[str], around: dt.date | None, w: int) -> list[Event]:
        asked.append((event, tuple(countries), around))
        return [stored]

    s = sentences()
    linked, events = link_article(article(), [mention(TEXT, s[1], "AID", "2025-03")], lookup)
    assert asked == [("AID", ("CUB", "RUS"), dt.date(2025, 3, 1))]
    assert linked[0].event_id == "ev-stored"
    assert set(events[0].mention_ids) == {"m0", linked[0].id}


def test_look_alike_a_year_apart_founds_a_new_event() -> None:
    stored = Event(
        id="ev-old",
        event="AID",
        actor_countries=["RUS"],
        recipient_countries=["CUB"],
        date="2024-03-03",
    )
    s = sentences()
    linked, _ = link_article(
        article(), [mention(TEXT, s[1], "AID", "2025-03-03")], lambda *a: [stored]
    )
    assert linked[0].event_id != "ev-old"


def test_undated_and_historical_mentions_never_join_stored_events() -> None:
    stored = Event(
        id="ev",
        event="AID",
        actor_countries=["RUS"],
        recipient_countries=["CUB"],
        date="2025-03-03",
    )
    s = sentences()
    for m in (
        mention(TEXT, s[1], "AID"),
        mention(TEXT, s[1], "AID", "2025-03-03", historical=True),
    ):
        linked, _ = link_article(article(), [m], lambda *a: [stored])
        assert linked[0].event_id != "ev"


def test_ids_are_deterministic() -> None:
    s = sentences()
    ms = [mention(TEXT, x, "CONSULT", "2025-03", n=i) for i, x in enumerate(s)]
    first, _ = link_article(article(), ms, no_candidates)
    again, _ = link_article(article(), list(reversed(ms)), no_candidates)
    assert sorted((m.id, m.event_id) for m in first) == sorted((m.id, m.event_id) for m in again)


def test_partial_dates() -> None:
    assert dates_compatible("2025-09", "2025-09-14")
    assert not dates_compatible("2025-09", "2025-10-01")
    assert not dates_compatible(None, "2025")
    assert parse_partial("2025") == dt.date(2025, 1, 1)
    assert parse_partial("2025-09") == dt.date(2025, 9, 1)
    assert parse_partial("garbage") is None


def _with(m: Mention, text: str, trigger: str, **update: object) -> Mention:
    start = text.index(trigger, m.text_info.start)
    return m.model_copy(update={"trigger": Span(start=start, end=start + len(trigger)), **update})


def _events_of(text: str, ms: list[Mention]) -> list[str | None]:
    linked, _ = link_article(article(text), ms, no_candidates)
    order = {m.id: k for k, m in enumerate(ms)}
    return [m.event_id for m in sorted(linked, key=lambda m: order[m.id])]


STORY = (
    "Envoy visits Havana"
    "\nThe Russian envoy met the Cuban minister of trade on Monday."
    "\nOn the eve of the meeting, the envoy met Cuban port officials."
    "\nDuring the meeting, the two sides discussed fuel storage."
    "\nThe envoy also visited a sugar mill and a school."
)


def test_headline_joins_the_first_act_of_its_type_despite_a_publication_date() -> None:
    lines = STORY.split("\n")
    head = _with(mention(STORY, lines[0], "CONSULT", "2025-03-04"), STORY, "visits")
    lead = _with(
        mention(STORY, lines[1], "CONSULT", "2025-03-03", n=1), STORY, "met", date_text="Monday"
    )
    ids = _events_of(STORY, [head, lead])
    assert ids[0] == ids[1]


def test_a_framing_event_noun_refers_back_but_the_eve_of_one_does_not() -> None:
    lines = STORY.split("\n")
    first = _with(mention(STORY, lines[1], "CONSULT"), STORY, "met")
    eve = _with(mention(STORY, lines[2], "CONSULT", n=1), STORY, "met")
    during = _with(mention(STORY, lines[3], "CONSULT", n=2), STORY, "discussed")
    ids = _events_of(STORY, [first, eve, during])
    assert ids[0] != ids[1]
    assert ids[2] == ids[1]  # the latest meeting told before it


def test_a_site_visit_joins_the_trip() -> None:
    lines = STORY.split("\n")
    first = _with(mention(STORY, lines[1], "CONSULT"), STORY, "met")
    site = _with(mention(STORY, lines[4], "CONSULT", n=1), STORY, "visited")
    site = site.model_copy(
        update={"recipient": [ActorRef(text="mill", country="CUB", kind="place")]}
    )
    state = site.model_copy(
        update={"id": "other", "recipient": [ActorRef(text="Cuba", country="CUB", kind="state")]}
    )
    assert len(set(_events_of(STORY, [first, site]))) == 1
    assert len(set(_events_of(STORY, [first, state]))) == 2


SPANISH = "Rusia envió trigo a Cuba\nLos envíos de Moscú, según la agencia, siguen en marcha."


def test_a_copy_joins_its_originals_events_whatever_its_wording() -> None:
    original = [
        Event(id="ev-aid", event="AID", actor_countries=["RUS"], recipient_countries=["CUB"],
              date="2025-03-03"),
        Event(id="ev-old", event="SUPPORT", actor_countries=["RUS"],
              recipient_countries=["CUB"], date="1960"),
        Event(id="ev-talks", event="CONSULT", actor_countries=["RUS"],
              recipient_countries=["CUB"], date="2025-03-03"),
    ]  # fmt: skip
    lines = SPANISH.split("\n")
    ms = [
        mention(SPANISH, lines[0], "AID", "2025-03-03"),
        mention(SPANISH, lines[1], "SUPPORT", "1960", historical=True, n=1),
    ]
    # without the original the Spanish words share nothing with a stored event
    alone, _ = link_article(article(SPANISH), ms, no_candidates)
    assert {m.event_id for m in alone}.isdisjoint({"ev-aid", "ev-old"})
    linked, events = link_article(article(SPANISH), ms, no_candidates, original_events=original)
    assert [m.event_id for m in linked] == ["ev-aid", "ev-old"]  # background included
    assert "ev-talks" not in {e.id for e in events}


def test_a_copy_does_not_join_an_original_event_of_another_date_or_type() -> None:
    original = [
        Event(id="ev-2024", event="AID", actor_countries=["RUS"], recipient_countries=["CUB"],
              date="2024-03-03"),
        Event(id="ev-call", event="CONSULT", actor_countries=["RUS"],
              recipient_countries=["CUB"], date="2025-03-03"),
    ]  # fmt: skip
    m = mention(SPANISH, SPANISH.split("\n")[0], "AID", "2025-03-03")
    linked, _ = link_article(article(SPANISH), [m], no_candidates, original_events=original)
    assert linked[0].event_id not in {"ev-2024", "ev-call"}
