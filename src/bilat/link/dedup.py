"""Near-duplicate articles: syndicated copies by MinHash, translations by a signature of facts.

Copies and reposts: word 5-shingles of the folded text, a MinHash of PERMUTATIONS hash
functions (SHA-256 of each shingle, then (a*x + b) mod a Mersenne prime per function), and
the share of equal minima as the estimate of the Jaccard similarity. A new headline and an
added paragraph keep a repost well above COPY_THRESHOLD; two outlets writing the same story
in their own words stay far below it.

Translations (the two articles' languages differ and are both known): the ordered
sequence of the article's anchors, words that a translation keeps —

* numbers, normalised: a "." or "," followed by exactly three digits separates thousands,
  any other separates decimals ("19.526" es = "19,526" en = 19526; "1,64" = "1.64"), and a
  scale word multiplies ("15 thousand", "1.2bn", "700 millones", "mil millones");
* capitalised words, folded to lower case without accents ("Borísov" = "Borisov"); common
  words a language capitalises and another does not simply fail to match;

and the facts of its mentions (dates, countries of the resolved actors). The score is the
longest common subsequence of the two anchor sequences over the shorter one: a translation
keeps its names and figures in their order, while two outlets telling one story in their
own words share a few of them in another order. A translation needs at least
MIN_SHARED_ANCHORS anchors in common order, a score of TRANSLATION_THRESHOLD, and, when
both articles have coded facts, half of the smaller set of facts in common. On the sample
corpus the translation ex-20 of ex-19 keeps 14 anchors in order (score 0.45); the best
independent pair in two languages keeps 5 (0.38).

Copies are looked up, not scanned: the MinHash is cut into BANDS bands of ROWS minima and
each band hashed to a key the store indexes (make_bands). Two articles are compared only
when they share a key (or, for translations, their languages differ). A pair at the copy
threshold (32 of 64 equal minima) shares a key unless every band holds exactly one equal
minimum (about 2 in 10^9 for random positions); with 33 or more it always does.
"""

from __future__ import annotations

import hashlib
import json
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from bilat.models import Article, Mention

PERMUTATIONS = 64
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
COPY_THRESHOLD = 0.5
TRANSLATION_THRESHOLD = 0.35
MIN_SHARED_ANCHORS = 8
MIN_FACTS = 0.5
WINDOW_DAYS = 3  # blocking: stored articles published this many days either side

_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion|bn|mn|mil millones|millones"
    r"|millón|millon|mil))?(?!\w)",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": 1e3,
    "mil": 1e3,
    "million": 1e6,
    "millones": 1e6,
    "millón": 1e6,
    "millon": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "mil millones": 1e9,
}
_ANCHOR = re.compile(_NUMBER.pattern + r"|[^\W\d_][\w'-]{2,}", re.IGNORECASE)


def _seeds() -> list[tuple[int, int]]:
    """The (a, b) of each hash function, the same on every machine."""
    found = []
    for i in range(PERMUTATIONS):
        digest = hashlib.sha256(f"bilat-minhash-{i}".encode()).digest()
        a = int.from_bytes(digest[:8], "big") % (_PRIME - 1) + 1
        b = int.from_bytes(digest[8:16], "big") % _PRIME
        found.append((a, b))
    return found


_HASHES = _seeds()


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def make_minhash(text: str) -> tuple[int, ...]:
    """The MinHash of the text's word 5-shingles (a short text is one shingle)."""
    words = _WORD.findall(fold(text))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    values = [
        int.from_bytes(hashlib.sha256(s.encode("utf-8")).digest()[:8], "big") for s in shingles
    ]
    return tuple(min((a * x + b) % _PRIME for x in values) for a, b in _HASHES)


def make_bands(minhash: Sequence[int]) -> tuple[int, ...]:
    """One signed 64-bit key per band of ROWS minima (the band's number is hashed in, so
    equal minima in different bands give different keys); () for an empty MinHash."""
    if len(minhash) != PERMUTATIONS:
        return ()
    keys = []
    for band in range(BANDS):
        part = minhash[band * ROWS : (band + 1) * ROWS]
        text = f"{band}:" + ",".join(map(str, part))
        digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)


def estimate_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    if not a or len(a) != len(b):
        return 0.0
    same: int = sum(map(operator.eq, a, b))  # map: 2.3x a generator, per candidate pair
    return same / len(a)


def parse_number(digits: str, scale: str | None) -> float:
    """A written number as a value (separator rules in the module docstring)."""
    parts = re.split(r"[.,]", digits)
    whole = parts[0]
    decimals = ""
    for sep_part in parts[1:]:
        if len(sep_part) == 3 and not decimals:
            whole += sep_part
        else:
            decimals = sep_part
    value = float(f"{whole}.{decimals}" if decimals else whole)
    return value * _SCALES.get((scale or "").lower(), 1.0)


def iter_numbers(text: str) -> Iterator[str]:
    for found in _NUMBER.finditer(text):
        yield format_number(parse_number(found.group(1), found.group(2)))


def format_number(value: float) -> str:
    return f"{value:g}" if value < 1e6 else f"{value:.6g}"


def iter_anchors(text: str) -> Iterator[str]:
    """Numbers (normalised) and capitalised words (folded), in text order."""
    for found in _ANCHOR.finditer(text):
        word = found.group(0)
        if found.group(1):
            yield format_number(parse_number(found.group(1), found.group(2)))
        elif word[0].isupper():
            yield fold(word)


@dataclass(frozen=True)
class Signature:
    """What later articles are compared with; stored as JSON on the article."""

    minhash: tuple[int, ...]
    anchors: tuple[str, ...] = ()
    facts: frozenset[str] = frozenset()  # dates and country codes
    language: str | None = None

    @property
    def bands(self) -> tuple[int, ...]:
        return make_bands(self.minhash)

    def to_json(self) -> str:
        """The stored form; `bands` is there for the store's band index, not read back."""
        return json.dumps(
            {
                "minhash": list(self.minhash),
                "bands": list(self.bands),
                "anchors": list(self.anchors),
                "facts": sorted(self.facts),
                "language": self.language,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Signature:
        data = json.loads(text)
        return cls(
            minhash=tuple(data.get("minhash", [])),
            anchors=tuple(data.get("anchors", [])),
            facts=frozenset(data.get("facts", [])),
            language=data.get("language"),
        )


def make_signature(article: Article, mentions: Sequence[Mention] = ()) -> Signature:
    facts = {m.date for m in mentions if m.date}
    facts |= {r.country for m in mentions for r in (*m.actor, *m.recipient) if r.country}
    return Signature(
        minhash=make_minhash(article.text),
        anchors=tuple(iter_anchors(article.text)),
        facts=frozenset(facts),
        language=(article.language or "").lower() or None,
    )


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def count_in_order(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def score_translation(a: Signature, b: Signature) -> tuple[int, float]:
    """(anchors kept in order, that over the shorter sequence); (0, 0.0) when too few are
    shared to be worth the quadratic count."""
    if len(set(a.anchors) & set(b.anchors)) < MIN_SHARED_ANCHORS:
        return 0, 0.0
    kept = count_in_order(a.anchors, b.anchors)
    return kept, kept / min(len(a.anchors), len(b.anchors))


@dataclass(frozen=True)
class CopyMatch:
    original: str
    kind: Literal["copy", "translation"]
    score: float


def compare(new: Signature, old: Signature) -> tuple[Literal["copy", "translation"], float] | None:
    """How `new` copies `old`, with the score; None when it does not."""
    similarity = estimate_jaccard(new.minhash, old.minhash)
    if similarity >= COPY_THRESHOLD:
        return "copy", similarity
    if new.language and old.language and new.language != old.language:
        kept, score = score_translation(new, old)
        facts_agree = not (new.facts and old.facts) or overlap(new.facts, old.facts) >= MIN_FACTS
        if kept >= MIN_SHARED_ANCHORS and score >= TRANSLATION_THRESHOLD and facts_agree:
            return "translation", score
    return None


def find_original(new: Signature, stored: Iterable[tuple[str, Signature]]) -> CopyMatch | None:
    """The stored article `new` copies or translates: the best score (ties: the lowest id).
    The store points a copy of a copy at the first original when it records the link."""
    matches = []
    for article_id, signature in stored:
        found = compare(new, signature)
        if found is not None:
            matches.append(CopyMatch(article_id, *found))
    return min(matches, key=lambda m: (-m.score, m.original), default=None)
