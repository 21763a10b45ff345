"""ECB+ documents parsed through bilat.nlp (cached) and their mentions as CorefMentions.

make_gold.py (../shared/tools/ecbplus) writes a split's documents and gold mentions under
build/ecbplus/; `parse_docs` parses each document once with spaCy, one line per ECB+ sentence,
and maps spaCy's tokens back onto ECB+'s (`align_tokens`); `make_record` turns a mention row
and its parsed sentence into the CorefMention that bilat.link.coref clusters.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from bilat.link.coref import CorefMention

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools" / "ecbplus"
OUT = REPO / "build" / "ecbplus"
PARSE_VERSION = 1  # bump when the cached parse format changes

# Parsed token as cached: (lemma, universal POS, dependency, head position, entity label)
ParsedToken = tuple[str, str, str, int, str]
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP"})
LIGHT_LEMMAS = frozenset({"be", "have", "do", "say", "-pron-", "get", "go", "make", "take"})
# Parts of speech a mention head may have when the mention holds one.
HEAD_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})
# The splits whose labelled topics the learned parts are fitted on (--fit-topics).
FIT_SPLITS = {"train": ("train",), "train+dev": ("train", "dev")}
# The topics of each split that a fit (or a text source) uses; None: all of them.
TopicChoice = Mapping[str, frozenset[str] | None]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def make_gold(split: str) -> None:
    """Write build/ecbplus/<split>.{gold,mentions,docs}.jsonl unless they are there."""
    if (OUT / f"{split}.mentions.jsonl").is_file():
        return
    script = TOOLS / "make_gold.py"
    subprocess.run(
        [sys.executable, str(script), "--split", split, "--out-dir", str(OUT)],
        check=True,
        capture_output=True,
    )


def read_topics(split: str) -> list[str]:
    """The split's topic numbers, as strings, in numeric order."""
    make_gold(split)
    topics = {str(d["topic"]) for d in read_jsonl(OUT / f"{split}.docs.jsonl")}
    return sorted(topics, key=int)


def select_quarters(topics: Sequence[str], quarters: int, rotation: int = 0) -> list[str]:
    """The topics kept by a fit on `quarters` quarters of them (1-4): the n-th in numeric
    order is kept when (n + rotation) mod 4 < quarters, so a larger share only adds topics
    to a smaller one of the same rotation (nested), and the four rotations spread the loss."""
    if not 1 <= quarters <= 4 or not 0 <= rotation <= 3:
        raise ValueError(f"quarters must be 1-4 and rotation 0-3, not {quarters}, {rotation}")
    ordered = sorted(topics, key=int)
    return [t for n, t in enumerate(ordered) if (n + rotation) % 4 < quarters]


def choose_fit_topics(fit: str, quarters: int = 4, rotation: int = 0) -> dict[str, frozenset[str]]:
    """{split: topics} the learned parts are fitted on: a share of train's topics (see
    `select_quarters`), and with fit "train+dev" every dev topic as well."""
    if fit not in FIT_SPLITS:
        raise ValueError(f"unknown fit topics {fit!r}: one of {', '.join(FIT_SPLITS)}")
    chosen = {"train": frozenset(select_quarters(read_topics("train"), quarters, rotation))}
    for split in FIT_SPLITS[fit][1:]:
        chosen[split] = frozenset(read_topics(split))
    return chosen


def check_fit(split: str, fit: str) -> None:
    """Refuse to score a split whose own labels the fit would use (train scores itself, as
    it always has: that run is a fit check, not a result)."""
    if split != "train" and split in FIT_SPLITS.get(fit, ()):
        raise ValueError(f"--fit-topics {fit} includes {split}: {split} cannot be in its own fit")


def topic_of(doc_id: str) -> str:
    """The topic of an ECB+ document id ("12_3ecbplus" -> "12")."""
    return doc_id.split("_", 1)[0]


def parse_docs(split: str) -> dict[str, list[list[ParsedToken]]]:
    """Parse every document of the split once; later runs read build/ecbplus/<split>.parsed."""
    cache = OUT / f"{split}.parsed.v{PARSE_VERSION}.json"
    if cache.is_file():
        cached: dict[str, list[list[ParsedToken]]] = json.loads(cache.read_text())
        return cached
    from bilat.models import Article
    from bilat.nlp import Parser

    parser = Parser()
    parsed: dict[str, list[list[ParsedToken]]] = {}
    for doc in read_jsonl(OUT / f"{split}.docs.jsonl"):
        sentences: list[list[str]] = doc["sentences"]
        # One line per ECB+ sentence: bilat's newline rule keeps spaCy inside each line, so
        # every head lands in the same ECB+ sentence as its dependant.
        text = "\n".join(" ".join(words) for words in sentences)
        pd = parser.parse(Article(id=doc["doc_id"], text=text, language="en"))
        parsed[doc["doc_id"]] = align_tokens(sentences, pd.tokens)
    cache.write_text(json.dumps(parsed))
    return parsed


def align_tokens(sentences: list[list[str]], tokens: Sequence[Any]) -> list[list[ParsedToken]]:
    """Map spaCy tokens back onto the ECB+ tokens (spaCy may split one into several)."""
    spans: list[tuple[int, int, int, int]] = []  # (start, end, sentence, position)
    offset = 0
    for s, words in enumerate(sentences):
        for n, word in enumerate(words):
            spans.append((offset, offset + len(word), s, n))
            offset += len(word) + 1
        # the joining "\n" replaces the last word's space: offsets stay in step
    owner: dict[int, int] = {}  # spaCy token index -> index in spans
    k = 0
    for t in tokens:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if k < len(spans) and spans[k][0] <= t.start < spans[k][1]:
            owner[t.i] = k
    by_span: dict[int, list[Any]] = {}
    for t in tokens:
        if t.i in owner:
            by_span.setdefault(owner[t.i], []).append(t)
    out: list[list[ParsedToken]] = [[] for _ in sentences]
    for k, (_, _, s, n) in enumerate(spans):
        parts = by_span.get(k, [])
        # the part whose head lies outside the word stands for it ("U.S.-based" -> "base")
        main = next((t for t in parts if owner.get(t.head, -1) != k), parts[-1] if parts else None)
        if main is None:
            out[s].append((sentences[s][n].lower(), "X", "dep", n, ""))
            continue
        head_k = owner.get(main.head, k)
        head_n = spans[head_k][3] if spans[head_k][2] == s else n
        out[s].append((main.lemma.lower(), main.pos, main.dep, head_n, main.ent_type))
    return out


def find_head(words: list[ParsedToken], positions: list[int], content: bool = True) -> int:
    """The mention word whose syntactic head lies outside the mention ("checked ... into").

    With `content`, a content word is preferred: where the word outside is a preposition or
    a symbol ("on suspicion", "Oscars ®"), the last content word of the mention stands for
    it, since "on" would join every other prepositional mention and no "suspicion". Trigger
    rates are learned without it: "custody" in "in custody" heads no event of its own, and
    counting it as one adds spurious predicted mentions (dev, predicted: 65.71 -> 65.03).
    """
    inside = set(positions)
    outside = [p for p in positions if words[p][3] not in inside or words[p][3] == p]
    preferred = [p for p in outside if words[p][1] in HEAD_POS]
    kept = [p for p in positions if words[p][1] in HEAD_POS] if content else []
    return (preferred or kept or outside or positions)[-1]


def lemmas_where(words: list[ParsedToken], labels: frozenset[str]) -> frozenset[str]:
    return frozenset(w[0] for w in words if w[4] in labels and w[1] not in {"PUNCT", "DET"})


def content_lemmas(words: Iterable[ParsedToken], skip: set[int] | None = None) -> frozenset[str]:
    return frozenset(
        w[0]
        for n, w in enumerate(words)
        if w[1] in CONTENT_POS and w[0] not in LIGHT_LEMMAS and (skip is None or n not in skip)
    )


def find_dependants(words: list[ParsedToken], head: int) -> list[ParsedToken]:
    """The head's children, and the objects of its prepositions ("fell on Monday")."""
    children = [n for n, w in enumerate(words) if w[3] == head and n != head]
    found = list(children)
    for c in children:
        if words[c][2] in {"prep", "agent"}:
            found.extend(n for n, w in enumerate(words) if w[3] == c and n != c)
    return [words[n] for n in sorted(found)]


def read_doc_terms(parsed: dict[str, list[list[ParsedToken]]]) -> dict[str, frozenset[str]]:
    return {
        doc: frozenset(
            w[0] for s in sentences for w in s if w[1] in {"NOUN", "PROPN"} and len(w[0]) > 2
        )
        for doc, sentences in parsed.items()
    }


def make_record(
    r: dict[str, Any], words: list[ParsedToken], head: int, terms: frozenset[str]
) -> CorefMention:
    """One CorefMention from a mention row (make_gold's fields) and its parsed sentence."""
    positions: list[int] = r["token_numbers"]
    return CorefMention(
        id=r["mention_id"],
        doc=r["doc_id"],
        topic=str(r["topic"]),
        subtopic=r["subtopic"],
        sentence=r["sentence_id"],
        lemma=words[head][0],
        text=r.get("text", ""),
        pos=words[head][1],
        context=content_lemmas(words, set(positions)),
        times=lemmas_where(words, TIME_LABELS),
        places=lemmas_where(words, PLACE_LABELS),
        participants=lemmas_where(words, PARTICIPANT_LABELS),
        doc_terms=terms,
        dependants=content_lemmas(find_dependants(words, head)),
    )


def iter_records(split: str, topics: frozenset[str] | None = None) -> Iterator[CorefMention]:
    """One CorefMention for each gold mention of the split (of `topics` only, when given),
    with its sentence's arguments."""
    parsed = parse_docs(split)
    doc_terms = read_doc_terms(parsed)
    for r in read_jsonl(OUT / f"{split}.mentions.jsonl"):
        if topics is not None and str(r["topic"]) not in topics:
            continue
        words = parsed[r["doc_id"]][r["sentence_id"]]
        head = find_head(words, r["token_numbers"])
        yield make_record(r, words, head, doc_terms[r["doc_id"]])


def read_selected() -> dict[str, set[int]]:
    """ECB+'s own list of the sentences annotated for coreference, by document."""
    found: dict[str, set[int]] = {}
    with (SHARED / "eval-data" / "ecbplus" / "ECBplus_coreference_sentences.csv").open() as f:
        for row in csv.DictReader(f):
            found.setdefault(f"{row['Topic']}_{row['File']}", set()).add(
                int(row["Sentence Number"])
            )
    return found
