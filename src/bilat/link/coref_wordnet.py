"""WordNet synonymy of head lemmas for event coreference, read from WordNet's index files.

"Capture" and "arrest", "foil" and "thwart" share a WordNet synset though no lemma rule
joins them and the train topics never pair them. The files are WordNet 3.0's own
`index.noun` and `index.verb` (the `wordnet-base` package installs them under
/usr/share/wordnet); nothing is downloaded, and without them no pair is a synonym.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

# Where Debian's and Ubuntu's wordnet-base package puts the database.
DEFAULT_DIR = Path("/usr/share/wordnet")
PARTS = ("noun", "verb")


def parse_index_line(line: str, part: str) -> tuple[str, frozenset[str]] | None:
    """(lemma, synset keys) of one index line; None for the licence header.

    The fields are: lemma, POS, synset count, pointer count, the pointers, sense count,
    tagged-sense count, then the synset offsets; a key is the part plus the offset, since
    offsets are only unique inside one data file.
    """
    if not line or line.startswith(" "):
        return None
    fields = line.split()
    if len(fields) < 4:
        return None
    count, pointers = int(fields[2]), int(fields[3])
    offsets = fields[6 + pointers : 6 + pointers + count]
    return fields[0].replace("_", " ").lower(), frozenset(part + o for o in offsets)


def read_synsets(directory: Path = DEFAULT_DIR) -> dict[str, frozenset[str]]:
    """{lemma: synset keys} over nouns and verbs; empty when the files are not there."""
    found: dict[str, frozenset[str]] = {}
    for part in PARTS:
        path = directory / f"index.{part}"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                parsed = parse_index_line(line, part)
                if parsed is not None:
                    lemma, keys = parsed
                    found[lemma] = found.get(lemma, frozenset()) | keys
    return found


def pair_synonyms(
    lemma_groups: Iterable[Iterable[str]], synsets: Mapping[str, frozenset[str]]
) -> dict[tuple[str, str], float]:
    """{(a, b) with a < b: 1.0} for distinct lemmas of one group that share a synset."""
    table: dict[tuple[str, str], float] = {}
    for group in lemma_groups:
        lemmas = sorted({lemma for lemma in group if lemma in synsets})
        for i, a in enumerate(lemmas):
            for b in lemmas[i + 1 :]:
                if synsets[a] & synsets[b]:
                    table[(a, b)] = 1.0
    return table
