"""Phrase helpers on hand-built parses (sentences written for these tests)."""

from __future__ import annotations

from bilat.events import cues
from bilat.events.spans import describes_state, is_second_object
from bilat.events.syntax import DepTree
from bilat.models import ParsedDoc, Token


def build_tree(rows: list[tuple[str, str, int]]) -> DepTree:
    """A DepTree from (text, dep, head) rows; lemmas are the lowercased text."""
    tokens, offset = [], 0
    for i, (text, dep, head) in enumerate(rows):
        lemma = {"sent": "send", "has": "have", "become": "become"}.get(text, text.lower())
        tokens.append(Token(i, offset, offset + len(text), text, lemma, "X", "X", dep, head))
        offset += len(text) + 1
    doc = ParsedDoc("t", "en", "hand", tuple(tokens), (), ())
    return DepTree(doc)


# "Moscow sent grain to Havana, an old ally of Washington" with "ally" misparsed as a
# second object of "sent"
MISPARSED = [
    ("Moscow", "nsubj", 1),
    ("sent", "ROOT", 1),
    ("grain", "dobj", 1),
    ("to", "prep", 1),
    ("Havana", "pobj", 3),
    (",", "punct", 1),
    ("an", "det", 8),
    ("old", "amod", 8),
    ("ally", "dobj", 1),
    ("of", "prep", 8),
    ("Washington", "pobj", 9),
]


def test_second_object_after_a_comma_is_an_apposition() -> None:
    tree = build_tree(MISPARSED)
    assert is_second_object(tree, 1, 8)
    assert not is_second_object(tree, 1, 2)


def test_second_object_without_a_comma_is_kept() -> None:
    rows = [r for r in MISPARSED if r[0] != ","]
    rows = [(t, d, h - 1 if h > 5 else h) for t, d, h in rows]
    tree = build_tree(rows)
    assert not is_second_object(tree, 1, 7)


def test_participle_clause_on_a_verb_of_state_describes_it() -> None:
    # "Cuba has become a partner, offering ports"
    rows = [
        ("Cuba", "nsubj", 2),
        ("has", "aux", 2),
        ("become", "ROOT", 2),
        ("a", "det", 4),
        ("partner", "attr", 2),
        (",", "punct", 2),
        ("offering", "advcl", 2),
        ("ports", "dobj", 6),
    ]
    assert describes_state(build_tree(rows), 6, cues.STATE_VERBS)
    rows[2] = ("sent", "ROOT", 2)
    assert not describes_state(build_tree(rows), 6, cues.STATE_VERBS)
