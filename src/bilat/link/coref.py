"""Event coreference over plain mention records: lemma families, arguments and context.

The records are built by whoever holds the text (bench/ecbplus.py for ECB+, the pipeline
for bilat's own mentions); nothing here parses. Clustering is deterministic: mentions are
sorted by id first, and every tie is broken by ids, so shuffled input gives the same
partition and the same cluster ids.

Steps: (1) mentions meet only inside a block (same topic, and same subtopic unless
`use_subtopic` is off); (2) inside a block, documents are grouped by the overlap of their
content lemmas, and mentions meet only inside a document group; (3) mentions are merged by
agglomerative clustering (average linkage, mixed with the best pair) over a pair score
made of head-lemma agreement (same family, or a learned equivalence), shared sentence
context and shared arguments (times, places, participants), the overlap of the heads' own
dependants, and, for heads of unrelated lemmas, a distributional similarity
(link/coref_vectors.py) and WordNet synonymy (link/coref_wordnet.py) weighed by that
context; with penalties when both sides name times, or participants, and none agree; the
weights form a logistic model fitted on labelled pairs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# Reporting and light verbs: "said" in two articles is almost never one event, so these
# need agreeing context or arguments before they merge.
LIGHT_LEMMAS = frozenset(
    "be have do say tell add report make take get go give come put state "
    "announce claim note explain comment confirm".split()
)

# Derivational endings, longest first: "killing" ~ "kill", "arrested" ~ "arrest",
# "explosion" ~ "explode". Stems shorter than MIN_STEM keep their whole lemma.
SUFFIXES = ("ation", "ition", "ment", "sion", "tion", "ings", "ing", "ion", "ed", "al", "e", "s")
MIN_STEM = 4
# Lemmas sharing a beginning this long, and covering this share of the shorter one, are one
# family even when the suffix rules miss ("nominate" ~ "nominee", "drive" ~ "driving").
PREFIX_MIN = 4
PREFIX_SHARE = 0.7


@dataclass(frozen=True, slots=True)
class CorefMention:
    """One event mention as the coreference step sees it (plain data, no parser objects)."""

    id: str
    doc: str
    topic: str
    lemma: str  # lemma of the mention's head word, lower case
    text: str = ""
    subtopic: str = ""
    sentence: int = 0
    pos: str = ""  # universal POS of the head: VERB, NOUN, ...
    context: frozenset[str] = frozenset()  # content lemmas of the sentence, mention excluded
    times: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    participants: frozenset[str] = frozenset()
    doc_terms: frozenset[str] = frozenset()  # content lemmas of the whole document
    dependants: frozenset[str] = frozenset()  # content lemmas of the head's own dependants


# Names of the pair features, in the order pair_features returns them.
FEATURES = (
    "bias",
    "same_lemma",
    "light_lemma",
    "same_family",
    "equivalence",
    "context",
    "arguments",
    "time_conflict",
    "same_doc",
    "same_sentence",
    "doc_similarity",
    "participant_conflict",
    "unrelated",
    "unrelated_context",
    "similarity",
    "own_arguments",
    "synonym",
    "synonym_context",
)


@dataclass(frozen=True)
class CorefSettings:
    """Named weights of the pair score and the thresholds around it.

    The pair score is a logistic model: p = 1 / (1 + exp(-sum(weight * feature))); the
    default weights are those bench/ecbplus.py --wordnet fits on the ECB+ train topics (it
    refits them on every run and prints them), and link_threshold was chosen on the dev
    topics. Equivalences, similarities and synonyms are empty by default: bench/ecbplus.py
    learns or reads them.
    """

    use_subtopic: bool = True  # block on subtopic as well as topic
    doc_threshold: float = 0.0  # documents group when their term overlap reaches this
    link_threshold: float = 0.45  # clusters merge while their average pair probability does
    coverage: float = 1.0  # share of cross pairs that must be scored (1: plain average)
    # share of the best cross pair in the merge score, the rest being the average: one
    # strong pair can then carry two clusters the average alone would keep apart
    best_share: float = 0.3  # chosen on dev: 0.2-0.35 score alike
    use_stems: bool = True  # derivational suffix rules join "arrest" and "arrested"
    equivalences: Mapping[tuple[str, str], float] = field(default_factory=dict)
    # cosine of the two head lemmas' distributional vectors, keyed (a, b) with a < b
    similarities: Mapping[tuple[str, str], float] = field(default_factory=dict)
    # 1.0 for head lemmas sharing a WordNet synset, keyed (a, b) with a < b (coref_wordnet)
    synonyms: Mapping[tuple[str, str], float] = field(default_factory=dict)
    bias: float = -2.363
    same_lemma: float = 3.567  # heads of one lemma (not a light verb)
    light_lemma: float = 1.367  # heads of one light or reporting verb ("said")
    same_family: float = 2.225  # different lemmas, one stem ("shooting" ~ "shoot")
    equivalence: float = 3.086  # times the learned share of coreferent pairs of two lemmas
    context: float = 0.699  # times the Jaccard overlap of the two sentences' lemmas
    arguments: float = 0.008  # times the overlap of times, places and participants
    time_conflict: float = -0.144  # both sentences name times and none is shared
    same_doc: float = 0.317  # one article restating itself
    same_sentence: float = -1.578  # two event mentions of one sentence are rarely one event
    doc_similarity: float = 0.441  # times the Jaccard overlap of the documents' terms
    participant_conflict: float = -0.351  # both name participants and none is shared
    unrelated: float = -1.151  # heads of unrelated lemmas ("crash" and "accident")
    unrelated_context: float = -1.104  # their sentences' overlap (one headline retold)
    # unrelated heads: their distributional similarity times the better of their sentence
    # overlap and their dependants' overlap ("DUI" ~ "driving", one driver named in both)
    similarity: float = 4.129
    own_arguments: float = 1.463  # times the overlap of the heads' own dependants
    # unrelated heads that are WordNet synonyms ("capture" ~ "arrest"), alone and times the
    # better of their sentence overlap and their dependants' overlap
    synonym: float = 2.392
    synonym_context: float = 0.848
    # True: pairs of unrelated heads are not scored at all (faster, but the weights above
    # were fitted with them scored and learned similarities are then ignored)
    related_only: bool = False

    def weights(self) -> tuple[float, ...]:
        return tuple(float(getattr(self, name)) for name in FEATURES)


def stem_of(lemma: str) -> str:
    """Strip one derivational ending, keeping at least MIN_STEM characters."""
    for suffix in SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= MIN_STEM:
            return lemma[: -len(suffix)]
    return lemma


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared items over the smaller set: a short sentence names few arguments."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def related(a: str, b: str, settings: CorefSettings) -> bool:
    """Same lemma family: one stem, or a long shared beginning ("nominate" ~ "nominee")."""
    if a == b:
        return True
    if not settings.use_stems:
        return False
    if stem_of(a) == stem_of(b):
        return True
    shortest = min(len(a), len(b))
    shared = next((k for k in range(shortest) if a[k] != b[k]), shortest)
    return shared >= PREFIX_MIN and shared >= PREFIX_SHARE * shortest


def pair_features(
    a: CorefMention, b: CorefMention, settings: CorefSettings
) -> tuple[float, ...] | None:
    """The features of FEATURES for a pair; None when it is not a candidate."""
    same = a.lemma == b.lemma
    family = not same and related(a.lemma, b.lemma, settings)
    key = (a.lemma, b.lemma) if a.lemma < b.lemma else (b.lemma, a.lemma)
    learned = 0.0 if same or family else settings.equivalences.get(key, 0.0)
    unrelated = not (same or family or learned)
    if unrelated and settings.related_only:
        return None
    similarity = settings.similarities.get(key, 0.0) if unrelated else 0.0
    synonym = settings.synonyms.get(key, 0.0) if unrelated else 0.0
    light = (same or family) and (a.lemma in LIGHT_LEMMAS or b.lemma in LIGHT_LEMMAS)
    same_doc = a.doc == b.doc
    same_sentence = same_doc and a.sentence == b.sentence
    # one sentence shares all its context and arguments with itself: no evidence there
    context = 0.0 if same_sentence else jaccard(a.context, b.context)
    args_a = a.places | a.participants | a.times
    args_b = b.places | b.participants | b.times
    arguments = 0.0 if same_sentence else overlap(args_a, args_b)
    conflict = bool(a.times and b.times and not a.times & b.times and not same_sentence)
    own = 0.0 if same_sentence else overlap(a.dependants, b.dependants)
    people = a.participants and b.participants and not a.participants & b.participants
    return (
        1.0,
        float(same and not light),
        float(light),
        float(family and not light),
        learned,
        0.0 if unrelated else context,
        arguments,
        float(conflict),
        float(same_doc),
        float(same_sentence),
        0.0 if same_doc else jaccard(a.doc_terms, b.doc_terms),
        float(bool(people) and not same_sentence),
        float(unrelated),
        context if unrelated else 0.0,
        similarity * max(context, own) if unrelated else 0.0,
        own,
        synonym,
        synonym * max(context, own),
    )


def score_pair(a: CorefMention, b: CorefMention, settings: CorefSettings) -> float:
    """The probability that two mentions name one event (0 for non-candidates)."""
    features = pair_features(a, b, settings)
    if features is None:
        return 0.0
    z = sum(w * x for w, x in zip(settings.weights(), features, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def group_documents(mentions: Sequence[CorefMention], threshold: float) -> dict[str, int]:
    """Single-link groups of documents whose term overlap reaches the threshold."""
    terms: dict[str, frozenset[str]] = {}
    for m in mentions:
        terms.setdefault(m.doc, m.doc_terms)
    docs = sorted(terms)
    parent = {d: d for d in docs}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for i, d in enumerate(docs):
        for e in docs[i + 1 :]:
            if threshold <= 0.0 or jaccard(terms[d], terms[e]) >= threshold:
                root_d, root_e = find(d), find(e)
                if root_d != root_e:
                    parent[max(root_d, root_e)] = min(root_d, root_e)
    roots = sorted({find(d) for d in docs})
    index = {r: k for k, r in enumerate(roots)}
    return {d: index[find(d)] for d in docs}


def cluster_block(mentions: Sequence[CorefMention], settings: CorefSettings) -> list[list[int]]:
    """Average-linkage agglomerative clustering of one block; returns lists of positions.

    The average runs over all pairs across two clusters (a pair of unrelated heads counts
    as 0) or, with `settings.coverage` below 1, over the scored pairs only, provided they
    are at least that share of all pairs: "kill" and "death" clusters can then meet
    through their learned equivalence without every pair of heads being related. The
    merge score mixes that average with the best cross pair (`settings.best_share`).
    """
    n = len(mentions)
    clusters: dict[int, list[int]] = {i: [i] for i in range(n)}
    # (sum of pair probabilities, number of scored pairs, best pair) between live clusters
    totals: dict[tuple[int, int], tuple[float, int, float]] = {}
    for i in range(n):
        for j in range(i + 1, n):
            s = score_pair(mentions[i], mentions[j], settings)
            if s > 0.0:
                totals[(i, j)] = (s, 1, s)
    share = settings.best_share
    while True:
        best: tuple[float, int, int] | None = None
        for (i, j), (total, scored, top) in totals.items():
            pairs = len(clusters[i]) * len(clusters[j])
            if settings.coverage < 1.0 and scored < settings.coverage * pairs:
                continue
            avg = total / (pairs if settings.coverage >= 1.0 else scored)
            avg = (1.0 - share) * avg + share * top
            # ties go to the smallest ids, so the order of merges never depends on dict order
            if avg >= settings.link_threshold and (
                best is None or avg > best[0] or (avg == best[0] and (i, j) < best[1:])
            ):
                best = (avg, i, j)
        if best is None:
            break
        _, i, j = best
        clusters[i].extend(clusters.pop(j))
        merged: dict[tuple[int, int], tuple[float, int, float]] = {}
        for (p, q), (total, scored, top) in totals.items():
            p, q = (i if p == j else p), (i if q == j else q)
            if p == q:
                continue
            key = (p, q) if p < q else (q, p)
            old_total, old_scored, old_top = merged.get(key, (0.0, 0, 0.0))
            merged[key] = (old_total + total, old_scored + scored, max(old_top, top))
        totals = merged
    return [sorted(c) for _, c in sorted(clusters.items())]


def iter_blocks(
    mentions: Sequence[CorefMention], settings: CorefSettings
) -> Iterable[list[CorefMention]]:
    """Mentions that may corefer: same topic (and subtopic), same document group."""
    blocks: dict[tuple[str, str], list[CorefMention]] = defaultdict(list)
    for m in mentions:
        blocks[(m.topic, m.subtopic if settings.use_subtopic else "")].append(m)
    for key in sorted(blocks):
        block = blocks[key]
        groups = group_documents(block, settings.doc_threshold)
        by_group: dict[int, list[CorefMention]] = defaultdict(list)
        for m in block:
            by_group[groups[m.doc]].append(m)
        for g in sorted(by_group):
            yield by_group[g]


def cluster_mentions(
    mentions: Iterable[CorefMention], settings: CorefSettings | None = None
) -> dict[str, str]:
    """{mention id: cluster id}; a cluster id is the smallest mention id in the cluster."""
    settings = settings or CorefSettings()
    ordered = sorted(mentions, key=lambda m: m.id)
    result: dict[str, str] = {}
    for block in iter_blocks(ordered, settings):
        for positions in cluster_block(block, settings):
            members = [block[p].id for p in positions]
            for member in members:
                result[member] = min(members)
    return result


def cluster_same_lemma(
    mentions: Iterable[CorefMention], use_subtopic: bool = True
) -> dict[str, str]:
    """The baseline: one cluster per head lemma within a topic (and subtopic)."""
    result: dict[str, str] = {}
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for m in mentions:
        groups[(m.topic, m.subtopic if use_subtopic else "", m.lemma)].append(m.id)
    for ids in groups.values():
        for member in ids:
            result[member] = min(ids)
    return result


def learn_equivalences(
    examples: Iterable[tuple[CorefMention, str]],
    min_pairs: int = 3,
    min_precision: float = 0.3,
) -> dict[tuple[str, str], float]:
    """Lemma pairs that corefer often in labelled data: (a, b) -> share of coreferent pairs.

    `examples` are mentions with their gold cluster id; pairs are counted inside one topic
    and subtopic, between different lemmas only. A pair seen fewer than `min_pairs` times
    as coreferent, or coreferent in less than `min_precision` of its meetings, is left out.
    """
    blocks: dict[tuple[str, str], list[tuple[CorefMention, str]]] = defaultdict(list)
    for m, cluster in examples:
        blocks[(m.topic, m.subtopic)].append((m, cluster))
    seen: dict[tuple[str, str], int] = defaultdict(int)
    linked: dict[tuple[str, str], int] = defaultdict(int)
    for block in blocks.values():
        for i, (a, ca) in enumerate(block):
            for b, cb in block[i + 1 :]:
                if a.lemma == b.lemma:
                    continue
                key = (a.lemma, b.lemma) if a.lemma < b.lemma else (b.lemma, a.lemma)
                seen[key] += 1
                linked[key] += ca == cb
    return {
        key: linked[key] / seen[key]
        for key in sorted(seen)
        if linked[key] >= min_pairs and linked[key] / seen[key] >= min_precision
    }
