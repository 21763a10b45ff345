"""Distributional lemma similarity: co-occurrence counts, PPMI + SVD vectors, pair tables."""

from __future__ import annotations

import pytest

from bilat.link.coref_vectors import (
    build_vectors,
    cosine,
    count_cooccurrences,
    pair_similarities,
)

# Two words for one drink-driving arrest share their neighbours; "harvest" keeps other company.
SENTENCES = [
    ["police", "charge", "actor", "dui", "crash", "highway"],
    ["actor", "arrest", "driving", "crash", "highway", "police"],
    ["police", "say", "dui", "actor", "highway", "night"],
    ["driving", "actor", "night", "police", "highway", "charge"],
    ["farmer", "harvest", "wheat", "field", "rain", "village"],
    ["village", "farmer", "field", "harvest", "grain", "rain"],
] * 3


def test_count_cooccurrences_stays_inside_the_window() -> None:
    counts, pairs = count_cooccurrences([["a", "b", "c", "d"]], window=2)
    assert counts["a"] == 1
    assert pairs[("a", "b")] == pairs[("b", "a")] == 1
    assert pairs[("a", "c")] == 1
    assert ("a", "d") not in pairs  # three words apart


@pytest.mark.parametrize("dims", [0, 3])
def test_words_with_shared_neighbours_are_similar(dims: int) -> None:
    vectors = build_vectors(SENTENCES, {"dui", "driving", "harvest"}, window=5, dims=dims)
    assert set(vectors) == {"dui", "driving", "harvest"}
    assert cosine("dui", "driving", vectors) > cosine("dui", "harvest", vectors) + 0.3
    assert cosine("dui", "dui", vectors) == pytest.approx(1.0)


def test_unknown_lemmas_have_no_vector_and_no_similarity() -> None:
    vectors = build_vectors(SENTENCES, {"dui", "tsunami"})
    assert "tsunami" not in vectors
    assert cosine("dui", "tsunami", vectors) == 0.0
    assert build_vectors([], {"dui"}) == {}


def test_pair_similarities_only_within_groups_and_above_the_floor() -> None:
    vectors = build_vectors(SENTENCES, {"dui", "driving", "harvest"}, dims=0)
    table = pair_similarities([["driving", "dui", "dui"], ["harvest"]], vectors)
    assert list(table) == [("driving", "dui")]
    assert table[("driving", "dui")] == pytest.approx(cosine("dui", "driving", vectors))
    assert pair_similarities([["driving", "dui"]], vectors, floor=0.999) == {}
