"""Hand-made ParsedDoc records for the resolve tests (no spaCy needed)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bilat.models import EntitySpan, ParsedDoc, Sentence, Token

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|EE\.UU\.|St\.|\w+|['’]s\b|[^\w\s]")
DETERMINERS = {"the", "a", "an", "el", "la", "los", "las", "un", "una", "this", "its"}
ADPOSITIONS = {"of", "in", "at", "to", "with", "from", "for", "by", "de", "del", "en", "con"}
CONJUNCTIONS = {"and", "y", "or"}
VERBS = {
    "met",
    "signed",
    "said",
    "visited",
    "agreed",
    "donated",
    "sent",
    "will",
    "build",
    "arrived",
    "praised",
    "called",
    "lend",
    "reunió",
    "visitó",
    "firmó",
    "donó",
    "llegó",
    "recibió",
    "dijo",
    "se",
    "is",
    "was",
    "flew",
    "traveled",
    "hosted",
}


def build_doc(
    text: str,
    language: str = "en",
    entities: Iterable[tuple[str, str]] = (),
    adjectives: Iterable[str] = (),
) -> ParsedDoc:
    """Tokenise `text` with a regex, guess POS from a few word lists (capitalised words are
    PROPN, others NOUN unless listed), one sentence per line, and mark `entities` (surface
    text, label) at their first occurrence."""
    adj = set(adjectives)
    tokens: list[Token] = []
    for i, m in enumerate(_TOKEN.finditer(text)):
        word = m.group()
        low = word.lower()
        if low in DETERMINERS:
            pos = "DET"
        elif low in ADPOSITIONS:
            pos = "ADP"
        elif low in CONJUNCTIONS:
            pos = "CCONJ"
        elif low in VERBS:
            pos = "VERB"
        elif word in adj:
            pos = "ADJ"
        elif not word[0].isalnum():
            pos = "PART" if word[1:].lower() == "s" else "PUNCT"
        elif word[0].isupper():
            pos = "PROPN"
        else:
            pos = "NOUN"
        tokens.append(Token(i, m.start(), m.end(), word, low, pos, pos, "dep", i))
    sentences: list[Sentence] = []
    first = 0
    for i, tok in enumerate(tokens):
        ends_line = i + 1 == len(tokens) or "\n" in text[tok.end : tokens[i + 1].start]
        if ends_line:
            start, end = tokens[first].start, tok.end
            sentences.append(Sentence(start, end, text[start:end], first, i + 1))
            first = i + 1
    ents: list[EntitySpan] = []
    for surface, label in entities:
        at = text.index(surface)
        covered = [t for t in tokens if at <= t.start and t.end <= at + len(surface)]
        ents.append(
            EntitySpan(at, at + len(surface), surface, label, covered[0].i, covered[-1].i + 1)
        )
    return ParsedDoc("t", language, "hand", tuple(tokens), tuple(sentences), tuple(ents))
