"""ECB+ cross-document event coreference with gold mentions, scored by the shared scorer.

    .venv/bin/python bench/ecbplus.py --split dev            # tune here
    .venv/bin/python bench/ecbplus.py --split test           # report once
    .venv/bin/python bench/ecbplus.py --split test --baseline
    .venv/bin/python bench/ecbplus.py --split test --predicted  # bilat's own mentions
    .venv/bin/python bench/ecbplus.py --split test --fit-topics train+dev  # final protocol
    .venv/bin/python bench/ecbplus.py --split dev --fit-quarters 2 --fit-rotation 1  # curve

Runs ../shared/tools/ecbplus/make_gold.py for the split (and for train, whose clusters give
the lemma equivalences and the pair weights, fitted by logistic regression), parses the
documents with spaCy through bilat.nlp (cached under build/ecbplus/; bench/ecbplus_records.py
holds the parsing and the mention records), learns head-lemma
similarities from the unlabelled text of train and the split, turns each gold
mention into a plain CorefMention, clusters them with bilat.link.coref, writes
{"mention_id", "cluster_id"} a line and scores it with ../shared/tools/ecbplus/score_coref.py
--strict. Prints the scores (and the fitted weights) and writes them as JSON. With
--wordnet DIR, head lemmas sharing a WordNet synset (bilat.link.coref_wordnet) get a pair
feature of their own.

With --predicted the gold mentions are replaced by the words bilat.link.coref_triggers finds
in ECB+'s selected sentences (event-head rates learned on train); a predicted head inside a
gold span takes that mention's id, the rest keep ids of their own, and the scorer runs
without --strict, so missed and spurious mentions both count.

--fit-topics train+dev fits every learned part (pair weights, lemma equivalences, trigger
rates, and the fit's share of the unlabelled text for the similarities) on train's and dev's
topics, thresholds unchanged; it is for --split test and refuses --split dev. --fit-quarters
K with --fit-rotation R fits on a nested share of train's topics (ecbplus_records.
select_quarters) for a learning curve on dev.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from bilat.link.coref import (
    FEATURES,
    CorefMention,
    CorefSettings,
    cluster_mentions,
    cluster_same_lemma,
    iter_blocks,
    learn_equivalences,
    pair_features,
)
from bilat.link.coref_triggers import EventRates, align_heads, find_event_heads, learn_event_rates
from bilat.link.coref_vectors import build_vectors, pair_similarities
from bilat.link.coref_wordnet import pair_synonyms, read_synsets

# loaded by path (tests/link does), this script's folder is not on sys.path: add it so that
# its sibling module imports
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecbplus_records import (
    CONTENT_POS,
    FIT_SPLITS,
    LIGHT_LEMMAS,
    OUT,
    TOOLS,
    TopicChoice,
    check_fit,
    choose_fit_topics,
    find_head,
    iter_records,
    make_gold,
    make_record,
    parse_docs,
    read_doc_terms,
    read_jsonl,
    read_selected,
    topic_of,
)
from ecbplus_records import content_lemmas as content_lemmas  # re-exported (tests/link)
from ecbplus_records import find_dependants as find_dependants  # re-exported (tests/link)
from ecbplus_records import read_topics as read_topics  # re-exported (tests/link)
from ecbplus_records import select_quarters as select_quarters  # re-exported (tests/link)

# a lemma counts as an event word where it headed a train mention this often (chosen on dev)
TRIGGER_THRESHOLD = 0.2
VECTOR_OPTIONS: dict[str, Any] = {"window": 5, "min_count": 2, "dims": 100}
SIMILARITY_FLOOR = 0.0
# chosen on dev: pairs coreferent in at least half of their train meetings, four times
EQUIVALENCE_OPTIONS: dict[str, Any] = {"min_pairs": 4, "min_precision": 0.5}


def learn_rates(threshold: float, fit: TopicChoice | None = None) -> EventRates:
    """Event-head rates of lemmas in the fit topics' selected sentences (gold heads as
    labels); all of train's topics when `fit` is not given."""
    selected = read_selected()
    labelled: list[tuple[list[tuple[str, str, str]], list[int]]] = []
    for split, topics in (fit or {"train": None}).items():
        parsed = parse_docs(split)
        heads: dict[tuple[str, int], list[int]] = {}
        for r in read_jsonl(OUT / f"{split}.mentions.jsonl"):
            words = parsed[r["doc_id"]][r["sentence_id"]]
            key = (r["doc_id"], r["sentence_id"])
            heads.setdefault(key, []).append(find_head(words, r["token_numbers"], content=False))
        labelled.extend(
            ([w[:3] for w in parsed[doc][s]], heads.get((doc, s), []))
            for doc in sorted(parsed)
            if topics is None or topic_of(doc) in topics
            for s in sorted(selected.get(doc, set()))
            if s < len(parsed[doc])
        )
    return learn_event_rates(labelled, threshold=threshold)


def iter_predicted_records(split: str, rates: EventRates) -> Iterator[CorefMention]:
    """Mentions found by coref_triggers in the split's selected sentences, gold ids where
    a predicted head lies inside a gold mention (the rest get ids of their own)."""
    parsed = parse_docs(split)
    doc_terms = read_doc_terms(parsed)
    selected = read_selected()
    docs = {d["doc_id"]: d for d in read_jsonl(OUT / f"{split}.docs.jsonl")}
    found = [
        (doc, s, n)
        for doc in sorted(parsed)
        for s in sorted(selected.get(doc, set()))
        if s < len(parsed[doc])
        for n in find_event_heads([w[:3] for w in parsed[doc][s]], rates)
    ]
    gold = read_jsonl(OUT / f"{split}.mentions.jsonl")
    aligned = align_heads(
        found, ((r["doc_id"], r["sentence_id"], r["token_numbers"], r["mention_id"]) for r in gold)
    )
    for doc, s, n in found:
        row = {
            "mention_id": aligned.get((doc, s, n), f"predicted:{doc}:{s}:{n}"),
            "doc_id": doc,
            "topic": docs[doc]["topic"],
            "subtopic": docs[doc]["subtopic"],
            "sentence_id": s,
            "token_numbers": [n],
        }
        yield make_record(row, parsed[doc][s], n, doc_terms[doc])


def iter_lemma_sentences(split: str, topics: frozenset[str] | None = None) -> Iterator[list[str]]:
    """The content lemmas of every sentence of the split's documents (of `topics`), in order."""
    make_gold(split)
    for doc, sentences in parse_docs(split).items():
        if topics is not None and topic_of(doc) not in topics:
            continue
        for words in sentences:
            yield [w[0] for w in words if w[1] in CONTENT_POS and w[0] not in LIGHT_LEMMAS]


def learn_similarities(
    mentions: Sequence[CorefMention], texts: TopicChoice, settings: CorefSettings
) -> dict[tuple[str, str], float]:
    """Head-lemma similarities from the unlabelled text of `texts` ({split: topics or None}),
    for lemmas of one block."""
    sentences = [s for split, topics in texts.items() for s in iter_lemma_sentences(split, topics)]
    vectors = build_vectors(sentences, {m.lemma for m in mentions}, **VECTOR_OPTIONS)
    ordered = sorted(mentions, key=lambda m: m.id)
    groups = ([m.lemma for m in block] for block in iter_blocks(ordered, settings))
    return pair_similarities(groups, vectors, floor=SIMILARITY_FLOOR)


def learn_synonyms(
    mentions: Sequence[CorefMention], settings: CorefSettings, wordnet: Path | None
) -> dict[tuple[str, str], float]:
    """Head lemmas of one block that share a WordNet synset (none without `wordnet`)."""
    if wordnet is None:
        return {}
    synsets = read_synsets(wordnet)
    ordered = sorted(mentions, key=lambda m: m.id)
    groups = ([m.lemma for m in block] for block in iter_blocks(ordered, settings))
    return pair_synonyms(groups, synsets)


def with_lexicons(
    mentions: Sequence[CorefMention],
    texts: TopicChoice,
    settings: CorefSettings,
    wordnet: Path | None,
) -> CorefSettings:
    """The settings with the similarities and synonyms of these mentions' head lemmas."""
    return replace(
        settings,
        similarities=learn_similarities(mentions, texts, settings),
        synonyms=learn_synonyms(mentions, settings, wordnet),
    )


def write_response(path: Path, clusters: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for mention_id in sorted(clusters):
            row = {"mention_id": mention_id, "cluster_id": clusters[mention_id]}
            f.write(json.dumps(row) + "\n")


def score(split: str, response: Path, strict: bool = True) -> dict[str, Any]:
    """Run the shared scorer (strict: both files name the same mentions); its JSON scores."""
    done = subprocess.run(
        [
            sys.executable,
            str(TOOLS / "score_coref.py"),
            str(OUT / f"{split}.gold.jsonl"),
            str(response),
            *(["--strict"] if strict else []),
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    scores: dict[str, Any] = json.loads(done.stdout)
    return scores


def read_fit(fit: TopicChoice) -> tuple[list[CorefMention], dict[str, str]]:
    """The fit topics' mentions (train's topics 1-35 outside dev, with --fit-topics train+dev
    dev's too; never test) and their gold clusters."""
    mentions: list[CorefMention] = []
    gold: dict[str, str] = {}
    for split, topics in fit.items():
        make_gold(split)
        mentions.extend(iter_records(split, topics))
        gold.update(
            (r["mention_id"], r["cluster_id"]) for r in read_jsonl(OUT / f"{split}.gold.jsonl")
        )
    return mentions, gold


def fit_settings(
    base: CorefSettings,
    folds: int = 2,
    l2: float = 1.0,
    wordnet: Path | None = None,
    fit: TopicChoice | None = None,
) -> CorefSettings:
    """Fit the pair weights by logistic regression on the fit topics' pairs (all of train
    unless `fit` says otherwise; the thresholds stay).

    The equivalence feature of a topic comes from equivalences learned on the other folds,
    so that the weight it gets is the one it earns on unseen topics; the equivalences
    handed on for dev and test are then learned on all the fit topics.
    """
    fit = fit or {"train": None}
    mentions, gold = read_fit(fit)
    base = with_lexicons(mentions, fit, base, wordnet)
    topics = sorted({m.topic for m in mentions}, key=int)
    rows: list[tuple[float, ...]] = []
    labels: list[float] = []
    for k in range(folds):
        held = {t for n, t in enumerate(topics) if n % folds == k}
        known = learn_equivalences(
            ((m, gold[m.id]) for m in mentions if m.topic not in held), **EQUIVALENCE_OPTIONS
        )
        fold_settings = replace(base, equivalences=known)
        fold = sorted((m for m in mentions if m.topic in held), key=lambda m: m.id)
        for block in iter_blocks(fold, fold_settings):
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    features = pair_features(a, b, fold_settings)
                    if features is not None:
                        rows.append(features)
                        labels.append(float(gold[a.id] == gold[b.id]))
    everything = learn_equivalences(((m, gold[m.id]) for m in mentions), **EQUIVALENCE_OPTIONS)
    weights: dict[str, Any] = fit_weights(rows, labels, l2)
    return replace(base, equivalences=everything, **weights)


def fit_weights(rows: list[tuple[float, ...]], labels: list[float], l2: float) -> dict[str, float]:
    """L2-regularised logistic regression by Newton steps; {feature name: weight}."""
    import numpy as np

    x, y = np.array(rows), np.array(labels)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {name: round(float(v), 3) for name, v in zip(FEATURES, w, strict=True)}


def run(
    split: str,
    settings: CorefSettings,
    baseline: bool = False,
    predicted: float | None = None,
    wordnet: Path | None = None,
    fit: TopicChoice | None = None,
) -> dict[str, Any]:
    """Cluster the split's gold mentions, or with `predicted` (a rate threshold) its mentions
    found by coref_triggers (rates learned on `fit`, all of train unless given), and score
    them."""
    make_gold(split)
    fit = fit or {"train": None}
    if predicted is None:
        mentions = list(iter_records(split))
    else:
        mentions = list(iter_predicted_records(split, learn_rates(predicted, fit)))
    if not baseline and split != "train":
        # the split's own text, unlabelled, joins the fit's: its event words are new there
        settings = with_lexicons(mentions, {**fit, split: None}, settings, wordnet)
    start = time.perf_counter()
    if baseline:
        clusters = cluster_same_lemma(mentions, use_subtopic=settings.use_subtopic)
    else:
        clusters = cluster_mentions(mentions, settings)
    elapsed = time.perf_counter() - start
    name = ("baseline" if baseline else "response") + ("" if predicted is None else ".predicted")
    response = OUT / f"{split}.{name}.jsonl"
    write_response(response, clusters)
    scores = score(split, response, strict=predicted is None)
    sizes = Counter(clusters.values())
    system = "same-lemma baseline" if baseline else "bilat.link.coref"
    return {
        "split": split,
        "system": system + (" on predicted mentions" if predicted is not None else ""),
        "mentions": len(mentions),
        "clusters": len(sizes),
        "cluster_seconds": round(elapsed, 2),
        "scores": scores,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--split", choices=["dev", "test", "train"], default="dev")
    ap.add_argument("--baseline", action="store_true", help="same head lemma within a subtopic")
    ap.add_argument("--no-subtopic", action="store_true", help="block on topic only")
    ap.add_argument("--json", type=Path, help="also write the result here")
    ap.add_argument(
        "--predicted",
        action="store_true",
        help="cluster mentions found by bilat.link.coref_triggers instead of the gold ones",
    )
    ap.add_argument(
        "--wordnet",
        type=Path,
        help="folder of WordNet 3.0's index.noun and index.verb (Debian's wordnet-base puts "
        "them in /usr/share/wordnet); without it no head lemmas count as synonyms",
    )
    ap.add_argument(
        "--fit-topics",
        choices=list(FIT_SPLITS),
        default="train",
        help="labelled topics for every learned part (pair weights, lemma equivalences, "
        "trigger rates); train+dev is for --split test only",
    )
    ap.add_argument(
        "--fit-quarters",
        type=int,
        choices=range(1, 5),
        default=4,
        help="fit on this many quarters of train's topics: the n-th by number is kept when "
        "(n + rotation) mod 4 < quarters (a learning curve, scored on dev)",
    )
    ap.add_argument("--fit-rotation", type=int, choices=range(4), default=0)
    a = ap.parse_args(argv)
    try:
        check_fit(a.split, a.fit_topics)
    except ValueError as e:
        raise SystemExit(f"ecbplus.py: {e}") from None
    fit = choose_fit_topics(a.fit_topics, a.fit_quarters, a.fit_rotation)
    settings = CorefSettings(use_subtopic=not a.no_subtopic)
    if not a.baseline:
        settings = fit_settings(settings, wordnet=a.wordnet, fit=fit)
    threshold = TRIGGER_THRESHOLD if a.predicted else None
    result = run(
        a.split, settings, baseline=a.baseline, predicted=threshold, wordnet=a.wordnet, fit=fit
    )
    result["fit_topics"] = {split: sorted(topics, key=int) for split, topics in fit.items()}
    result["weights"] = {name: getattr(settings, name) for name in FEATURES}
    result["link_threshold"] = settings.link_threshold
    result["equivalences"] = len(settings.equivalences)
    result["train_synonym_pairs"] = len(settings.synonyms)
    print(json.dumps(result, indent=2))
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
