"""Issue 4 target on the seed entities: >= 95% resolved to the right actor, no wrong merge."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from bilat.resolve.registry import ActorRegistry, Decision, default_index

SEED_ENTITIES = Path(__file__).parent / "fixtures" / "seed_entities.tsv"
KINDS = {"persons": "person", "organizations": "organization", "places": "place"}
KINDS |= {"projects": "project"}


def read_expected() -> list[tuple[str, str, str, str]]:
    """(article, kind, entity, expected) rows of the fixture, in article order."""
    rows = []
    for line in SEED_ENTITIES.read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("article\t") or not line.strip():
            continue
        article, kind, entity, expected = line.split("\t")
        rows.append((article, kind, entity, expected))
    return rows


def resolve_all(rows: list[tuple[str, str, str, str]]) -> list[Decision]:
    """One registry for the whole seed corpus (new names are learnt across articles); the
    actors already found in an article settle its bare surnames."""
    registry = ActorRegistry(default_index())
    decisions: list[Decision] = []
    context: dict[str, list[str]] = defaultdict(list)
    for article, kind, entity, _ in rows:
        decision = registry.resolve(entity, kind=kind, context=context[article])
        if decision.actor_id is not None:
            context[article].append(decision.actor_id)
        decisions.append(decision)
    return decisions


def score(
    rows: list[tuple[str, str, str, str]], decisions: list[Decision]
) -> tuple[float, list[str], list[str]]:
    """Share right, the wrong answers and the wrong merges (two expected actors, one id)."""
    base = default_index().actors
    by_group: dict[str, set[str | None]] = defaultdict(set)
    expected_of: dict[str | None, set[str]] = defaultdict(set)
    for (_, _, _, expected), decision in zip(rows, decisions, strict=True):
        by_group[expected].add(decision.actor_id)
        expected_of[decision.actor_id].add(expected)
    merges = sorted(
        f"{actor_id}: {sorted(labels)}"
        for actor_id, labels in expected_of.items()
        if len(labels) > 1
    )
    wrong: list[str] = []
    for (_, _, entity, expected), decision in zip(rows, decisions, strict=True):
        got = decision.actor_id
        if expected.startswith("new:"):
            right = got is not None and got not in base and len(by_group[expected]) == 1
        else:
            right = got == expected
        right = right and len(expected_of[got]) == 1
        if not right:
            wrong.append(f"{entity!r}: expected {expected}, got {got} ({decision.method})")
    return 1 - len(wrong) / len(rows), wrong, merges


def test_fixture_covers_every_seed_entity(shared: Path) -> None:
    listed = {(a, e) for a, _, e, _ in read_expected()}
    for line in (shared / "seeds" / "gold.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        for category, names in gold["entities"].items():
            assert category in KINDS
            assert {(gold["id"], n) for n in names} <= listed


def test_seed_entities_resolve_to_their_actor_without_wrong_merges(shared: Path) -> None:
    rows = read_expected()
    share, wrong, merges = score(rows, resolve_all(rows))
    print(f"seed entities: {share:.3f} right of {len(rows)}; wrong merges: {len(merges)}")
    assert merges == []
    assert share >= 0.95, wrong


def test_castros_and_rodriguezes_stay_apart() -> None:
    registry = ActorRegistry(default_index())
    ids = [
        registry.resolve(name, kind="person").actor_id
        for name in ("Raul Castro", "Fidel Castro", "Bruno Rodriguez", "Gustavo Rodriguez")
    ]
    ids.append(registry.resolve("Eduardo Rodriguez", kind="person").actor_id)
    assert len(set(ids)) == 5


def test_score_counts_a_wrong_merge() -> None:
    rows = [("a", "person", "Raul Castro", "x"), ("a", "person", "Fidel Castro", "y")]
    same = Decision("", "person:raul-castro", "exact", 1.0, "")
    share, wrong, merges = score(rows, [same, same])
    assert share == 0.0 and len(wrong) == 2
    assert merges == ["person:raul-castro: ['x', 'y']"]
