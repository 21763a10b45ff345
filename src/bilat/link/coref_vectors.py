"""Distributional lemma similarity for event coreference: PPMI co-occurrence vectors + SVD.

Different words for one event ("DUI" and "driving", "foil" and "thwart") share their
neighbours in the articles that report it, even when no lemma rule joins them. The vectors
are learnt from unlabelled, lemmatised sentences (for ECB+: the train documents plus the
documents being clustered, never their gold labels); nothing is downloaded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

Vectors = Mapping[str, npt.NDArray[np.float64]]


def count_cooccurrences(
    sentences: Iterable[Sequence[str]], window: int
) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Lemma counts and counts of (lemma, neighbour) pairs at most `window` words apart."""
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for words in sentences:
        counts.update(words)
        for i, word in enumerate(words):
            for other in words[max(0, i - window) : i]:
                if other != word:
                    pairs[(word, other)] += 1
                    pairs[(other, word)] += 1
    return counts, pairs


def build_vectors(
    sentences: Iterable[Sequence[str]],
    targets: Iterable[str],
    window: int = 5,
    min_count: int = 2,
    dims: int = 100,
    smoothing: float = 0.75,
) -> dict[str, npt.NDArray[np.float64]]:
    """Unit vectors for the target lemmas: PPMI rows over neighbours, reduced by SVD.

    Neighbours seen fewer than `min_count` times are dropped (their PMI is noise); the
    context distribution is raised to `smoothing`, which keeps rare neighbours from
    dominating; `dims` of 0 keeps the raw PPMI rows.
    """
    counts, pairs = count_cooccurrences(sentences, window)
    rows = sorted({t for t in targets if counts[t] > 0})
    contexts = sorted(c for c, n in counts.items() if n >= min_count)
    if not rows or not contexts:
        return {}
    row_index = {t: k for k, t in enumerate(rows)}
    col_index = {c: k for k, c in enumerate(contexts)}
    matrix = np.zeros((len(rows), len(contexts)))
    for (word, other), n in pairs.items():
        r, c = row_index.get(word), col_index.get(other)
        if r is not None and c is not None:
            matrix[r, c] = n
    weights = np.array([counts[c] for c in contexts], dtype=float) ** smoothing
    context_p = weights / weights.sum()
    total = float(sum(n for (w, o), n in pairs.items() if o in col_index))
    row_p = matrix.sum(axis=1, keepdims=True) / max(total, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((matrix / max(total, 1.0)) / (row_p * context_p[None, :]))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0.0), pmi, 0.0)
    if 0 < dims < min(ppmi.shape):
        u, s, _ = np.linalg.svd(ppmi, full_matrices=False)
        # square-root weighting of the singular values: less dominated by the first axes
        ppmi = u[:, :dims] * np.sqrt(s[:dims])[None, :]
    norms = np.linalg.norm(ppmi, axis=1)
    return {t: ppmi[k] / norms[k] for k, t in enumerate(rows) if norms[k] > 0.0}


def cosine(a: str, b: str, vectors: Vectors) -> float:
    """Cosine of two lemmas' unit vectors; 0 when either is unknown."""
    va, vb = vectors.get(a), vectors.get(b)
    if va is None or vb is None:
        return 0.0
    return float(va @ vb)


def pair_similarities(
    lemma_groups: Iterable[Iterable[str]], vectors: Vectors, floor: float = 0.0
) -> dict[tuple[str, str], float]:
    """{(a, b) with a < b: cosine} for distinct lemmas that meet in one group, above `floor`."""
    table: dict[tuple[str, str], float] = {}
    for group in lemma_groups:
        lemmas = sorted(set(group))
        for i, a in enumerate(lemmas):
            for b in lemmas[i + 1 :]:
                if (a, b) not in table:
                    table[(a, b)] = cosine(a, b, vectors)
    return {key: value for key, value in table.items() if value > floor}
