"""Phrases of place nested in an object phrase name no side of the act (hand-built parses
of sentences written for these tests)."""

from __future__ import annotations

from bilat.events.spans import nested_asides, strip_nested_phrases
from bilat.events.syntax import DepTree
from bilat.models import ParsedDoc, Token


def build_tree(rows: list[tuple[str, str, int]]) -> DepTree:
    """A DepTree from (text, dep, head) rows; lemmas are the lowercased text."""
    tokens, offset = [], 0
    for i, (text, dep, head) in enumerate(rows):
        tokens.append(Token(i, offset, offset + len(text), text, text.lower(), "X", "X", dep, head))
        offset += len(text) + 1
    return DepTree(ParsedDoc("t", "en", "hand", tuple(tokens), (), ()))


# "Chile accepted Peruvian mediation in talks with Bolivia"
MEDIATION = build_tree(
    [
        ("Chile", "nsubj", 1),
        ("accepted", "ROOT", 1),
        ("Peruvian", "amod", 3),
        ("mediation", "dobj", 1),
        ("in", "prep", 3),
        ("talks", "pobj", 4),
        ("with", "prep", 5),
        ("Bolivia", "pobj", 6),
    ]
)


def test_phrase_of_place_beside_a_named_party_is_aside() -> None:
    assert nested_asides(MEDIATION, MEDIATION.subtree(3), 3, {0, 2, 7}) == {4, 5, 6, 7}


def test_phrase_of_place_beside_no_party_stays() -> None:
    # "Chile accepted the mediation in talks with Bolivia"
    assert nested_asides(MEDIATION, MEDIATION.subtree(3), 3, {0, 7}) == set()


# "Chile sent aid to Aymara farmers in Bolivia", "Aymara" a group of no state
FARMERS = build_tree(
    [
        ("Chile", "nsubj", 1),
        ("sent", "ROOT", 1),
        ("aid", "dobj", 1),
        ("to", "prep", 1),
        ("Aymara", "compound", 5),
        ("farmers", "pobj", 3),
        ("in", "prep", 5),
        ("Bolivia", "pobj", 6),
    ]
)


def test_place_deeper_in_the_recipient_phrase_is_aside() -> None:
    assert nested_asides(FARMERS, FARMERS.subtree(3), 3, {0, 4, 7}) == {6, 7}


def test_other_phrases_on_a_named_party_stay() -> None:
    # "the solidarity of the Aymara farmers with Bolivia": who it is shown to
    rows = [(t.text, t.dep, t.head) for t in FARMERS.tokens[:6]]
    tree = build_tree([*rows, ("with", "prep", 5), ("Bolivia", "pobj", 6)])
    assert nested_asides(tree, tree.subtree(3), 3, {0, 4, 7}) == set()


def test_place_phrase_loses_the_phrases_nested_in_it() -> None:
    # "Chile agreed in talks with Bolivia"
    tree = build_tree(
        [
            ("Chile", "nsubj", 1),
            ("agreed", "ROOT", 1),
            ("in", "prep", 1),
            ("talks", "pobj", 2),
            ("with", "prep", 3),
            ("Bolivia", "pobj", 4),
        ]
    )
    assert strip_nested_phrases(tree, tree.subtree(2), 2) == {2, 3}


def test_owner_phrase_is_not_stripped_from_a_place() -> None:
    # "Chile agreed in the capital of Bolivia"
    tree = build_tree(
        [
            ("Chile", "nsubj", 1),
            ("agreed", "ROOT", 1),
            ("in", "prep", 1),
            ("the", "det", 4),
            ("capital", "pobj", 2),
            ("of", "prep", 4),
            ("Bolivia", "pobj", 5),
        ]
    )
    assert strip_nested_phrases(tree, tree.subtree(2), 2) == {2, 3, 4, 5, 6}
