"""Pairwise precision and recall of alias resolution on the team's alias pair set."""

from __future__ import annotations

from pathlib import Path

from bilat.resolve.registry import ActorRegistry, default_index

PAIRS = Path(__file__).parent / "fixtures" / "alias_pairs.tsv"


def read_pairs() -> list[tuple[str, str, bool, str]]:
    rows = []
    for line in PAIRS.read_text("utf-8").splitlines():
        if line.startswith("#") or line.startswith("left\t") or not line.strip():
            continue
        left, right, same, note = line.split("\t")
        rows.append((left, right, same == "1", note))
    return rows


def judge(left: str, right: str) -> bool:
    """One fresh registry per pair: the left name is resolved (or becomes a new actor) and
    the right one must land on the same actor."""
    registry = ActorRegistry(default_index())
    first = registry.resolve(left)
    second = registry.resolve(right, create=False)
    return first.actor_id is not None and first.actor_id == second.actor_id


def test_pair_set_is_large_with_hard_negatives() -> None:
    rows = read_pairs()
    assert len(rows) >= 300
    assert sum(1 for r in rows if not r[2]) >= 80


def test_pairwise_precision_and_recall() -> None:
    tp = fp = fn = 0
    errors = []
    for left, right, same, note in read_pairs():
        said = judge(left, right)
        tp += said and same
        fp += said and not same
        fn += same and not said
        if said != same:
            errors.append(f"{left!r} ~ {right!r} ({note}): said {said}")
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    print(f"alias pairs: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.99, errors
    assert recall >= 0.90, errors
