"""ActorRegistry on a small hand-built index: steps, decisions, merge, split and undo."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bilat.resolve.nameindex import ActorInfo, NameIndex
from bilat.resolve.registry import ActorRegistry, Decision, read_note


def make_index() -> NameIndex:
    index = NameIndex()
    for actor_id, kind, country, names in (
        ("person:ana-prueba", "person", "CUB", ("Ana Prueba Gómez", "Ana Prueba")),
        ("person:luis-prueba", "person", "CUB", ("Luis Prueba",)),
        ("person:ivan-ejemplov", "person", "RUS", ("Ivan Ejemplov",)),
        ("organization:mintest", "organization", "CUB", ("Ministry of Testing", "MINTEST")),
        ("organization:fondo", "organization", "RUS", ("Fund for Sample Studies",)),
    ):
        index.add_actor(ActorInfo(actor_id, kind, country, names[0]))
        for name in names:
            index.add_alias(actor_id, name)
    index.add_surname("person:ivan-ejemplov", "Ejemplov")
    index.add_surname("person:ana-prueba", "Prueba")
    index.add_surname("person:luis-prueba", "Prueba")
    return index


@pytest.fixture
def registry() -> ActorRegistry:
    return ActorRegistry(make_index())


def test_steps_name_how_each_name_was_found(registry: ActorRegistry) -> None:
    cases = {
        "Ana Prueba": ("person:ana-prueba", "exact"),
        "Minister Ana Prueba": ("person:ana-prueba", "person"),
        "Testing Ministry": ("organization:mintest", "loose"),
        "Ministerio de Testing": ("organization:mintest", "loose"),
        "Ejemplov": ("person:ivan-ejemplov", "surname"),
        "Ivan Ejemplow": ("person:ivan-ejemplov", "person"),
        "FSS": ("organization:fondo", "acronym"),
    }
    for name, (actor_id, method) in cases.items():
        decision = registry.resolve(name, create=False)
        assert (decision.actor_id, decision.method) == (actor_id, method), name
    assert [d.name for d in registry.decisions()] == list(cases)


def test_given_names_keep_namesakes_apart(registry: ActorRegistry) -> None:
    assert registry.resolve("Luis Prueba", kind="person").actor_id == "person:luis-prueba"
    new = registry.resolve("Pedro Prueba", kind="person")
    assert new.method == "new" and new.actor_id not in ("person:ana-prueba", "person:luis-prueba")


def test_a_shared_surname_is_settled_by_the_article(registry: ActorRegistry) -> None:
    alone = registry.resolve("Prueba", kind="person", create=False)
    assert alone.actor_id is None and alone.method == "ambiguous"
    settled = registry.resolve("Prueba", kind="person", context=["person:luis-prueba"])
    assert settled.actor_id == "person:luis-prueba"


def test_country_and_kind_must_agree(registry: ActorRegistry) -> None:
    assert registry.resolve("Ivan Ejemplov", country="CUB", create=False).actor_id is None
    assert registry.resolve("Ministry of Testing", kind="person", create=False).actor_id is None


def test_a_new_name_is_learnt_with_its_acronym(registry: ActorRegistry) -> None:
    first = registry.resolve("Office of Quiet Affairs (OQA)", kind="organization", country="CUB")
    assert first.method == "new" and first.actor_id is not None
    again = registry.resolve("OQA", kind="organization", create=False)
    assert again.actor_id == first.actor_id
    assert registry.info(first.actor_id) is not None


def test_merge_redirects_and_undo_takes_it_apart(registry: ActorRegistry) -> None:
    new = registry.resolve("Ana P. Gomes Office", kind="organization", country="CUB")
    assert new.actor_id is not None
    merged = registry.merge("organization:mintest", new.actor_id, "same body, renamed")
    assert (merged.method, merged.reason) == ("merge", "same body, renamed")
    assert registry.canonical(new.actor_id) == "organization:mintest"
    again = registry.resolve("Ana P. Gomes Office", kind="organization", create=False)
    assert again.actor_id == "organization:mintest"
    position = registry.decisions().index(merged)
    undone = registry.undo(position)
    assert undone.method == "undo"
    assert registry.canonical(new.actor_id) == new.actor_id


def test_split_detaches_a_name_and_undo_of_a_tie_splits(registry: ActorRegistry) -> None:
    tied = registry.resolve("Minister Ana Prueba", kind="person")
    assert tied.actor_id == "person:ana-prueba"
    split = registry.undo(len(registry.decisions()) - 1)
    assert split.method == "split" and "person:ana-prueba" in split.reason
    later = registry.resolve("Minister Ana Prueba", kind="person", create=False)
    assert later.actor_id == split.actor_id != "person:ana-prueba"
    assert registry.resolve("Ana Prueba", create=False).actor_id == "person:ana-prueba"


def test_undo_of_a_decision_tied_to_nothing_fails(registry: ActorRegistry) -> None:
    registry.resolve("Nobody Known At All Corp", create=False)
    with pytest.raises(ValueError):
        registry.undo(0)


def test_merge_chains_resolve_to_the_last_keeper(registry: ActorRegistry) -> None:
    registry.merge("person:luis-prueba", "person:ana-prueba")
    registry.merge("person:ivan-ejemplov", "person:luis-prueba")
    assert registry.canonical("person:ana-prueba") == "person:ivan-ejemplov"


def test_replay_applies_stored_merges_and_splits_in_order() -> None:
    stored = [
        Decision("person:luis-prueba", "person:ana-prueba", "merge", 1.0, "same person"),
        Decision("Ivan Ejemplov", "person:ivan-ejemplov", "split", 1.0, "a namesake"),
    ]
    fresh = ActorRegistry(make_index())
    fresh.replay(stored)
    assert fresh.resolve("Luis Prueba", create=False).actor_id == "person:ana-prueba"
    detached = fresh.resolve("Ivan Ejemplov", kind="person", create=False).actor_id
    assert detached is not None and detached != "person:ivan-ejemplov"
    # Replaying again in another registry gives the same ids: later runs agree.
    other = ActorRegistry(make_index())
    other.replay(stored)
    assert other.resolve("Ivan Ejemplov", kind="person", create=False).actor_id == detached


def test_replay_refuses_what_it_cannot_learn_from(registry: ActorRegistry) -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        registry.replay([Decision("x", "person:ana-prueba", "ambiguous", 0.9, "close")])


def test_old_packed_notes_are_read_into_fields() -> None:
    old = Decision(
        "Olga Inventada",
        "person:x",
        "new",
        0.0,
        "new actor (no known actor has this name) [kind=person country=- article=a 1]",
    )
    read = read_note(old)
    assert (read.kind, read.country, read.article_id) == ("person", None, "a 1")
    assert read.reason == "new actor (no known actor has this name)"
    plain = Decision("x", "person:x", "merge", 1.0, "merged by hand")
    assert read_note(plain) == plain


def test_old_packed_notes_still_replay() -> None:
    old = Decision(
        "Olga Inventada",
        "person:olga-inventada",
        "new",
        0.0,
        "new actor (no known actor has this name) [kind=person country=RUS article=a1]",
    )
    later = ActorRegistry(make_index())
    later.replay([old])
    info = later.info("person:olga-inventada")
    assert info is not None and (info.kind, info.country) == ("person", "RUS")


def test_replayed_new_actors_and_ties_resolve_as_in_the_run_that_made_them(
    registry: ActorRegistry,
) -> None:
    made = registry.resolve("Olga Inventada", kind="person", country="RUS")
    tied = registry.resolve("Inventada", kind="person", context=[made.actor_id or ""])
    assert made.method == "new" and tied.method == "surname"
    assert tied.actor_id == made.actor_id
    log = [
        replace(d, kind="person", country=c, article_id="a1")
        for d, c in ((made, "RUS"), (tied, None))
    ]
    later = ActorRegistry(make_index())
    later.replay(log)
    info = later.info(made.actor_id or "")
    assert info is not None and (info.kind, info.country) == ("person", "RUS")
    again = later.resolve("Inventada", kind="person", create=False)
    assert (again.actor_id, again.method) == (made.actor_id, "exact")


def test_owner_follows_merges_and_gives_split_names_their_new_actor(
    registry: ActorRegistry,
) -> None:
    split = registry.split("Ana Prueba Gómez", "person:ana-prueba")
    registry.merge("person:luis-prueba", "person:ivan-ejemplov")
    assert registry.owner("person:ana-prueba", "Ana Prueba Gomez") == split.actor_id
    assert registry.owner("person:ana-prueba", "Ana Prueba") == "person:ana-prueba"
    assert registry.owner("person:ivan-ejemplov", "Ivan Ejemplov") == "person:luis-prueba"


def test_merged_into_explains_direct_and_chained_merges(registry: ActorRegistry) -> None:
    registry.merge("person:luis-prueba", "person:ana-prueba", "one person, two spellings")
    registry.merge("person:ivan-ejemplov", "person:luis-prueba", "renamed")
    why = registry.merged_into("person:ivan-ejemplov")
    assert [(d.name, d.reason) for d in why] == [
        ("person:ana-prueba", "one person, two spellings"),
        ("person:luis-prueba", "renamed"),
    ]
    assert registry.merged_into("organization:mintest") == []


def test_a_full_name_joins_the_bare_surname_seen_before_it(registry: ActorRegistry) -> None:
    bare = registry.resolve("Smirnovska", kind="person")
    full = registry.resolve("Yulia Smirnovska", kind="person")
    assert bare.method == "new" and bare.actor_id is not None
    assert (full.actor_id, full.method) == (bare.actor_id, "surname")
    assert "surname seen alone" in full.reason
    # the tie is made again on a replay, and its undo splits the full name off
    later = ActorRegistry(make_index())
    later.replay([replace(d, kind="person") for d in (bare, full)])
    assert later.lookup("Yulia Smirnovska", "person").actor_id == bare.actor_id
    undone = registry.undo(len(registry.log) - 1)
    assert undone.method == "split" and undone.actor_id != bare.actor_id
    assert registry.lookup("Yulia Smirnovska", "person").actor_id == undone.actor_id


def test_a_second_first_name_does_not_join_a_completed_surname(registry: ActorRegistry) -> None:
    bare = registry.resolve("Smirnovska", kind="person")
    registry.resolve("Yulia Smirnovska", kind="person")
    other = registry.resolve("Olga Smirnovska", kind="person")
    assert other.method == "new" and other.actor_id != bare.actor_id


def test_a_bare_surname_is_not_joined_across_countries_or_kinds(registry: ActorRegistry) -> None:
    registry.resolve("Smirnovska", kind="person", country="RUS")
    registry.resolve("Kovalenkova", kind="organization")
    assert registry.resolve("Yulia Smirnovska", kind="person", country="UKR").method == "new"
    assert registry.resolve("Yulia Kovalenkova", kind="person").method == "new"


def test_a_bare_surname_that_full_names_already_share_stays_apart() -> None:
    # a bare "Castro" or "Rodríguez" beside several known full names is nobody in particular
    index = make_index()
    for actor_id, name in (("person:fidel", "Fidel Castrova"), ("person:raul", "Raúl Castrova")):
        index.add_actor(ActorInfo(actor_id, "person", "CUB", name))
        index.add_alias(actor_id, name)
    registry = ActorRegistry(index)
    bare = registry.resolve("Castrova", kind="person", country="CUB")
    assert bare.method == "ambiguous" and bare.actor_id is None
    # even when the bare name was learnt before them, a further full name is not tied to it
    registry.learnt.add_actor(ActorInfo("person:bare", "person", "CUB", "Castrova"))
    registry.learnt.add_alias("person:bare", "Castrova")
    full = registry.resolve("Ramón Castrova", kind="person", country="CUB")
    assert full.actor_id != "person:bare"
