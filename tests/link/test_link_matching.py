"""Cross-article matching: same happenings join across outlets; look-alikes stay apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bilat.link import group_of, link_article
from bilat.link.matching import (
    choose_event,
    mention_names,
    profile_event,
    profile_mentions,
    veto,
)
from bilat.link.stages import mention_stages
from bilat.models import ActorRef, Article, Event, Mention, Span


def make(
    doc: str,
    sentence: str,
    event: str,
    date: str | None,
    date_text: str | None = "on Friday",
    pair: tuple[str, str] = ("RUS", "CUB"),
) -> tuple[Article, Mention]:
    article = Article(id=doc, text=sentence, outlet=f"Outlet {doc}")
    mention = Mention(
        id=Mention.make_id(doc, 0, len(sentence), event, "test"),
        doc_id=doc,
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text="Russia", country=pair[0], kind="state")],
        recipient=[ActorRef(text="Cuba", country=pair[1], kind="state")],
        date=date,
        date_text=date_text if date else None,
        event_text=sentence,
        text_info=Span(start=0, end=len(sentence)),
        confidence=0.8,
        coder="test",
    )
    return article, mention


class MemoryStore:
    """Events by id, answering the linker's lookups by type group (as the pipeline does)."""

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}

    def lookup(
        self, event: str, countries: Sequence[str], around: dt.date | None, w: int
    ) -> list[Event]:
        return [e for e in self.events.values() if e.event in group_of(event)]

    def add(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        linked, events = link_article(article, mentions, self.lookup)
        self.events.update((e.id, e) for e in events)
        return linked


def event_of(store: MemoryStore, doc: str, sentence: str, event: str, date: str | None) -> str:
    article, mention = make(doc, sentence, event, date)
    linked = store.add(article, [mention])
    return str(linked[0].event_id)


def test_same_visit_joins_even_when_one_report_has_no_date() -> None:
    store = MemoryStore()
    first = event_of(
        store,
        "a",
        "A delegation of Kazan city led by Marat Ilyasov presented the Volga training "
        "centre project to Cuban communications officials.",
        "CONSULT",
        None,
    )
    second = event_of(
        store,
        "b",
        "Cuban communications officials received a Kazan city delegation, led by Marat "
        "Ilyasov, which presented its Volga training centre project.",
        "CONSULT",
        "2025-09-12",
    )
    assert first == second


def test_unrelated_undated_report_stays_apart() -> None:
    store = MemoryStore()
    first = event_of(store, "a", "Russia and Cuba held talks on sugar exports.", "CONSULT", None)
    second = event_of(
        store, "b", "A Russian naval squadron visited Havana harbour.", "CONSULT", "2025-09-12"
    )
    assert first != second


def test_two_wheat_donations_a_year_apart_stay_apart() -> None:
    store = MemoryStore()
    sentence = "A ship with 25,000 tonnes of Russian wheat docked at Mariel on Friday."
    first = event_of(store, "a", sentence, "AID", "2023-03-10")
    second = event_of(store, "b", sentence, "AID", "2024-03-15")
    assert first != second


def test_first_batch_and_new_round_one_day_apart_stay_apart() -> None:
    store = MemoryStore()
    first = event_of(
        store,
        "a",
        "The first batch of Chinese rice for Cuba arrived at Santiago port on Monday.",
        "AID",
        "2024-05-06",
    )
    second = event_of(
        store,
        "b",
        "China announced a new round of rice aid for Cuba at Santiago port on Tuesday.",
        "AID",
        "2024-05-07",
    )
    assert first != second


def test_statement_and_signing_of_the_deal_stay_apart() -> None:
    store = MemoryStore()
    first = event_of(
        store,
        "a",
        "Minister Petrov told reporters that Moscow would lend Havana money for the "
        "Nickel Bay refinery and that the loan deal would be signed within days.",
        "AGREE",
        "2023-09-26",
    )
    second = event_of(
        store,
        "b",
        "Minister Petrov and his Cuban counterpart signed the loan deal for the Nickel "
        "Bay refinery in Havana.",
        "SUPPORT",
        "2023-09-29",
    )
    assert first != second


def test_signing_reported_twice_joins_across_types() -> None:
    store = MemoryStore()
    first = event_of(
        store,
        "a",
        "Russia and Cuba signed the Nickel Bay refinery loan agreement in Havana.",
        "SUPPORT",
        "2023-09-29",
    )
    second = event_of(
        store,
        "b",
        "The Nickel Bay refinery loan agreement between Russia and Cuba was signed in Havana.",
        "AGREE",
        "2023-09-29",
    )
    assert first == second


def test_different_country_pairs_never_join() -> None:
    store = MemoryStore()
    article, mention = make("a", "Lavrov met Maduro in Caracas.", "CONSULT", "2023-04-18")
    store.add(article, [mention])
    other, m2 = make(
        "b", "Lavrov met Maduro in Caracas.", "CONSULT", "2023-04-18", pair=("RUS", "VEN")
    )
    assert store.add(other, [m2])[0].event_id not in store.events or len(store.events) == 2


def test_stages_read_from_the_evidence() -> None:
    _, plan = make("a", "The deal would be signed next week.", "AGREE", None)
    _, signing = make("b", "They signed the deal.", "SUPPORT", None)
    assert "signed" not in mention_stages(plan) and "promised" in mention_stages(plan)
    assert "signed" in mention_stages(signing)


def test_publication_date_is_soft_and_a_stated_date_wins() -> None:
    _, soft = make("a", "Russia sent flour to Cuba.", "AID", "2024-03-20", date_text=None)
    _, firm = make("a", "The flour arrived on Monday.", "AID", "2024-03-18")
    profile = profile_mentions([soft, firm])
    assert (profile.date, profile.soft) == ("2024-03-18", False)
    assert profile_mentions([soft]).soft


def test_choice_is_deterministic_by_id() -> None:
    _, m = make("a", "Russia sent flour to Cuba.", "AID", "2024-03-18")
    twins = [
        Event(id=i, event="AID", actor_countries=["RUS"], recipient_countries=["CUB"],
              date="2024-03-18")
        for i in ("ev-b", "ev-a")
    ]  # fmt: skip
    chosen = choose_event(profile_mentions([m]), twins, 7)
    assert chosen is not None and chosen.id == "ev-a"


def test_undated_spanish_report_joins_the_english_one() -> None:
    store = MemoryStore()
    pair = ("RUS", "USA")
    article, first = make(
        "a",
        "Moscow's foreign ministry accused the Americans of strangling the Cuban economy "
        "with new sanctions on shipping.",
        "ACCUSE",
        "2024-02-15",
        pair=pair,
    )
    stored = store.add(article, [first])[0].event_id
    other, second = make(
        "b",
        "La cancillería de Moscú acusó a los estadounidenses de asfixiar la economía cubana "
        "con nuevas sanciones al transporte marítimo.",
        "ACCUSE",
        None,
        pair=pair,
    )
    assert store.add(other, [second])[0].event_id == stored
    unrelated, third = make(
        "c",
        "El ministro ruso criticó un informe de prensa sobre la pesca en el Caribe.",
        "ACCUSE",
        None,
        pair=pair,
    )
    assert store.add(unrelated, [third])[0].event_id != stored


def test_year_only_background_does_not_absorb_a_dated_signing() -> None:
    store = MemoryStore()
    background = event_of(
        store, "a", "In 2019 the two governments signed a customs accord.", "SUPPORT", "2019"
    )
    article, signing = make(
        "b",
        "At the closing session the delegations signed papers on railway repairs.",
        "SUPPORT",
        "2019-10-22",
        date_text=None,  # the publication date: soft
    )
    assert store.add(article, [signing])[0].event_id != background


def test_publication_dates_join_when_the_reports_share_content() -> None:
    store = MemoryStore()
    article, first = make(
        "a",
        "Russia and Cuba launched the Playa Azul housing plan for young engineers.",
        "AGREE",
        "2025-07-08",
        date_text=None,
    )
    stored = store.add(article, [first])[0].event_id
    other, second = make(
        "b",
        "The Playa Azul plan, homes for young engineers, was launched by the two governments.",
        "AGREE",
        "2025-07-09",
        date_text=None,
    )
    assert store.add(other, [second])[0].event_id == stored
    third_article, third = make(
        "c", "Officials praised a fishing school in Cienfuegos.", "AGREE", "2025-07-09", None
    )
    assert store.add(third_article, [third])[0].event_id != stored


def test_a_new_round_headline_is_kept_apart_even_when_the_body_recalls_the_first() -> None:
    pair = ("CHN", "CUB")
    _, batch = make(
        "a", "The first batch of Chinese rice reached Santiago port.", "AID", "2024-01-16",
        pair=pair,
    )  # fmt: skip
    stored = Event(
        id="ev-batch",
        event="AID",
        actor_countries=["CHN"],
        recipient_countries=["CUB"],
        date="2024-01-16",
        stages=sorted(mention_stages(batch)),
    )
    _, headline = make("b", "China announces a new donation for Cuban water works", "AID",
                       "2024-01-18", date_text=None, pair=pair)  # fmt: skip
    _, recall = make("b", "It comes after the first rice batch docked at Santiago.", "AID",
                     "2024-01-17", pair=pair)  # fmt: skip
    draft = profile_mentions([headline, recall])
    assert "first" in draft.stages and "later" in draft.lead
    assert veto(draft, profile_event(stored), 7) == "first batch vs a later round"


def test_a_capital_standing_for_its_state_is_no_name() -> None:
    _, m = make("a", "Havana welcomed the Volga fund.", "CONSULT", "2024-01-16")
    m = m.model_copy(
        update={
            "actor": [ActorRef(text="Havana", country="CUB", kind="place",
                               actor_id="place:cub-capital")],
            "recipient": [ActorRef(text="Volga Fund", country="RUS", kind="organization",
                                   actor_id="org:volga-fund")],
        }
    )  # fmt: skip
    names = mention_names(m)
    assert "org:volga-fund" in names and "volga" in names
    assert not {"havana", "place:cub-capital"} & names


def _with_project(mention: Mention) -> Mention:
    project = ActorRef(text="Puerto Sur", country="CUB", kind="project", actor_id="project:ps")
    return mention.model_copy(update={"recipient": [*mention.recipient, project]})


def test_two_reports_naming_one_project_join_though_one_is_undated() -> None:
    store = MemoryStore()
    a = make("a", "The port would house up to 4,000 workers.", "COOPERATE", None)
    b = make(
        "b",
        "The logistics hub will employ over 4,000 people.",
        "COOPERATE",
        "2025-09-21",
        date_text=None,
    )
    first = store.add(a[0], [_with_project(a[1])])[0].event_id
    second = store.add(b[0], [_with_project(b[1])])[0].event_id
    assert first == second
    # without the project the two share too few words and no date: they stay apart
    # (the project is given to both as a party, as the resolver would name it)
    other = MemoryStore()
    assert other.add(a[0], [a[1]])[0].event_id != other.add(b[0], [b[1]])[0].event_id


def test_one_project_does_not_join_another_type_or_a_far_date() -> None:
    store = MemoryStore()
    a = make("a", "Puerto Sur will be a port for 4,000 workers.", "COOPERATE", "2025-07-08")
    b = make("b", "Russia pledged to finish Puerto Sur.", "AGREE", "2025-07-08")
    c = make("c", "Puerto Sur will be a port.", "COOPERATE", "2026-11-02")
    ids = [store.add(x[0], [_with_project(x[1])])[0].event_id for x in (a, b, c)]
    assert len(set(ids)) == 3
