"""settle_spans and relabel_mentions: open names tied through the registry in article order."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bilat.models import ActorRef, ActorSpan, Mention, Span
from bilat.resolve.actors import latest_sector, leader_surnames, load_leaders
from bilat.resolve.nameindex import ActorInfo, NameIndex
from bilat.resolve.newnames import (
    build_registry,
    kind_of,
    relabel_mentions,
    replayed,
    settle_spans,
)
from bilat.resolve.registry import ActorRegistry


def make_registry() -> ActorRegistry:
    index = NameIndex()
    index.add_actor(ActorInfo("CUB", "state", "CUB", "Cuba"))
    index.add_alias("CUB", "Cuba")
    return ActorRegistry(index)


def span(text: str, kind: str, via: str = "ner", actor_id: str | None = None) -> ActorSpan:
    return ActorSpan(
        start=0,
        end=len(text),
        text=text,
        actor_id=actor_id or f"ner:{text.lower().replace(' ', '-')}",
        kind=kind,  # type: ignore[arg-type]
        country=None,
        via=via,
    )


def test_open_names_become_actors_and_later_forms_join_them() -> None:
    registry = make_registry()
    first = settle_spans(
        registry,
        [span("Cuba", "state", "alias", "CUB"), span("Nadia Pruebova", "person")],
        "d1",
    )
    person = first.ids["ner:nadia-pruebova"]
    assert [(d.name, d.method) for d in first.decisions] == [("Nadia Pruebova", "new")]
    made = first.decisions[0]
    assert (made.kind, made.country, made.article_id) == ("person", None, "d1")
    assert "[" not in made.reason  # nothing packed in the reason any more
    later = settle_spans(
        registry, [span("Pruebova", "person"), span("Nadia Prúebova", "person")], "d2"
    )
    assert later.ids == {"ner:pruebova": person, "ner:nadia-prúebova": person}
    # the surname is a tie worth keeping; the accented full name is the same normal form
    assert [(d.name, d.method) for d in later.decisions] == [("Pruebova", "surname")]


def test_spans_the_gazetteer_settled_are_left_alone() -> None:
    settled = settle_spans(make_registry(), [span("Cuba", "state", "alias", "CUB")], "d1")
    assert settled.ids == {} and settled.decisions == []


def test_a_person_taken_for_an_organisation_joins_the_person() -> None:
    registry = make_registry()
    made = settle_spans(registry, [span("Nadia Pruebova", "person")], "d1")
    again = span("Nadia Pruebova", "organization", actor_id="ner:x")
    assert kind_of(registry, again) == "person"
    assert settle_spans(registry, [again], "d2").ids == {"ner:x": made.ids["ner:nadia-pruebova"]}
    assert kind_of(registry, span("Ministry of Samples", "organization")) == "organization"


def test_replaying_the_kept_decisions_rebuilds_the_actors() -> None:
    registry = ActorRegistry()
    settled = settle_spans(registry, [span("Nadia Pruebova", "person")], "d1")
    again = build_registry((d, False) for d in settled.decisions)
    found = again.lookup("Nadia Pruebova", "person")
    assert (found.actor_id, found.method) == (settled.ids["ner:nadia-pruebova"], "exact")


def test_an_undone_tie_keeps_the_name_off_the_actor_and_an_undone_actor_is_gone() -> None:
    registry = ActorRegistry()
    made = settle_spans(registry, [span("Nadia Pruebova", "person")], "d1")
    tied = settle_spans(registry, [span("Pruebova", "person")], "d2")
    person = made.ids["ner:nadia-pruebova"]
    (new,), (tie,) = made.decisions, tied.decisions
    assert replayed((tie, False)) == tie and replayed((new, True)) is None
    assert replayed((tie, True)) == replace(tie, method="split", reason=f"undone: {tie.reason}")
    again = build_registry([(new, False), (tie, True)])
    found = again.lookup("Pruebova", "person")
    assert found.actor_id is not None and found.actor_id != person
    gone = build_registry([(new, True)])
    assert gone.lookup("Nadia Pruebova", "person").actor_id is None


def mention_with(ref: ActorRef) -> Mention:
    return Mention(
        id=Mention.make_id("d", 0, 10, "CONSULT", "test"),
        doc_id="d",
        event="CONSULT",
        actor=[ref],
        recipient=[ActorRef(text="Cuba", country="CUB", actor_id="CUB", kind="state")],
        event_text="x" * 10,
        text_info=Span(start=0, end=10, text="x" * 10),
        confidence=0.9,
        coder="test",
    )


def test_relabel_gives_mentions_the_canonical_id_and_the_actor_country() -> None:
    registry = make_registry()
    registry.learnt.add_actor(ActorInfo("person:np", "person", "RUS", "Nadia Pruebova"))
    settled = settle_spans(registry, [], "d")
    settled.ids["ner:np"] = "person:np"
    ref = ActorRef(text="Nadia Pruebova", actor_id="ner:np", kind="person")
    (m,) = relabel_mentions([mention_with(ref)], settled, registry, dt.date(2024, 1, 1))
    assert (m.actor[0].actor_id, m.actor[0].country) == ("person:np", "RUS")
    assert m.recipient[0].actor_id == "CUB"


def test_leaders_default_to_their_latest_office_and_share_surnames() -> None:
    leaders = load_leaders()
    obama = next(a for a in leaders.values() if a.name == "Barack Obama")
    assert (obama.country, obama.sector, latest_sector(obama)) == ("USA", "GOV", "GOV")
    assert obama.actor_id in leader_surnames()["obama"]
    # curated persons are not repeated as leaders (their roles are attached instead)
    assert not any(a.name == "Vladimir Putin" for a in leaders.values())
