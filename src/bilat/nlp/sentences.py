"""Sentence bounds fixed before the parser runs: news layout rules the models do not know.

The small spaCy models split sentences with the parser, which goes wrong on news layout in
three ways that cost events:
* headlines and datelines carry no final period, so the parser glues a title to the lead
  sentence (the evidence span then covers both);
* the dateline ("LA HABANA —", "MOSCOW, Nov. 2 —") is parsed as the subject of the lead
  sentence, so the city, not the actor, ends up doing the act;
* the Spanish model cuts sentences in the middle of a line ("Técnicos" | "de la empresa
  rusa ..."), so the verb and its subject land in different sentences.
So: a line break always ends a sentence; a dateline ends one; and inside a line a sentence
may only start after final punctuation (. ! ? … ; :) or a closing quote or bracket. The
parser keeps these presets (is_sent_start True/False) and decides only where it may.
"""

from __future__ import annotations

from typing import Any

FINAL_CHARS = frozenset(".!?…;:")
CLOSERS = frozenset({'"', "”", "»", "’", "'", ")", "]"})
DATELINE_DASHES = frozenset({"—", "–"})
HYPHEN_DASHES = frozenset({"-", "--"})  # a dash only with spaces around ("HAVANA - The")
DATELINE_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "of", "the", "do", "da"})
DATELINE_MAX_TOKENS = 10  # "SANTIAGO DE CUBA, Nov. 14 (Wire Service) —" fits


def starts_line(doc: Any, i: int) -> bool:
    """Whether token i is the first token of a line (or of the text)."""
    if i == 0:
        return True
    prev = doc[i - 1]
    return "\n" in prev.text or prev.text_with_ws.endswith("\n")


def may_end_before(prev: Any) -> bool:
    """Whether a sentence may end after `prev` inside a line."""
    return bool(FINAL_CHARS & set(prev.text)) or prev.text in CLOSERS


def dateline_end(doc: Any, line_start: int) -> int | None:
    """The index of the token after a dateline dash that opens the line at `line_start`.

    A dateline is a few capitalised words (a place, optionally a date and an outlet in
    brackets) and a dash, then the sentence: every word before the dash starts with a
    capital letter or is a number or a lower-case particle ("de", "of"); a hyphen is a
    dash only with spaces around it ("Díaz-Canel" is a name)."""
    stop = min(len(doc), line_start + DATELINE_MAX_TOKENS + 1)
    for i in range(line_start, stop):
        token = doc[i]
        if "\n" in token.text:
            return None
        spaced = token.text in HYPHEN_DASHES and i > line_start and doc[i - 1].whitespace_
        if token.text in DATELINE_DASHES or (spaced and token.whitespace_):
            if i == line_start or i + 1 >= len(doc) or "\n" in doc[i + 1].text:
                return None
            return i + 1
        word = token.text
        if word.isalpha() and not word[0].isupper() and word not in DATELINE_PARTICLES:
            return None
    return None


def mark_sentence_bounds(doc: Any) -> Any:
    """Preset sentence starts on a spaCy Doc (see the module docstring)."""
    dateline_at = dateline_end(doc, 0) if len(doc) else None
    for token in doc[1:]:
        i = token.i
        if starts_line(doc, i):
            if "\n" not in token.text:
                token.is_sent_start = True
                dateline_at = dateline_end(doc, i)
        elif dateline_at == i:
            token.is_sent_start = True
        elif not may_end_before(doc[i - 1]):
            token.is_sent_start = False
    return doc
