"""Phrases of place nested in an object phrase name no side of the act (hand-built parses
of sentences written for these tests)."""

from __future__ import annotations

from bilat.events.spans import (
    is_aside,
    is_list_apposition,
    nested_asides,
    strip_nested_phrases,
)
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


# "Brazil, the Bahamas, Chile and Peru welcomed the accord", hung as the parser hangs such
# a list: the second member an apposition of the first, the rest conjuncts of it
LISTED = build_tree(
    [
        ("Brazil", "nsubj", 8),
        (",", "punct", 0),
        ("the", "det", 3),
        ("Bahamas", "appos", 0),
        (",", "punct", 3),
        ("Chile", "conj", 3),
        ("and", "cc", 5),
        ("Peru", "conj", 5),
        ("welcomed", "ROOT", 8),
        ("the", "det", 10),
        ("accord", "dobj", 8),
    ]
)
# "Japan, a partner of Cuba, and Chile welcomed the accord"
DESCRIBED = build_tree(
    [
        ("Japan", "nsubj", 9),
        (",", "punct", 0),
        ("a", "det", 3),
        ("partner", "appos", 0),
        ("of", "prep", 3),
        ("Cuba", "pobj", 4),
        (",", "punct", 0),
        ("and", "cc", 0),
        ("Chile", "conj", 0),
        ("welcomed", "ROOT", 9),
    ]
)


def test_every_member_of_a_list_hung_as_an_apposition_is_a_party() -> None:
    assert is_list_apposition(LISTED, 3)
    assert not any(is_aside(LISTED, head, 8) for head in (0, 3, 5, 7))


def test_a_descriptive_apposition_beside_a_list_stays_an_aside() -> None:
    assert is_list_apposition(DESCRIBED, 3)  # the list goes on after it ("and Chile")
    assert is_aside(DESCRIBED, 5, 9)  # but Cuba is named inside it, as what Japan is
    assert not is_aside(DESCRIBED, 8, 9)


def test_a_list_closed_on_its_first_member_keeps_the_apposition_a_party() -> None:
    # "Norway, the tiny Malta, and Chile welcomed the accord", with Chile hung as a second
    # subject of the verb and the "and" left on Norway
    tree = build_tree(
        [
            ("Norway", "nsubj", 9),
            (",", "punct", 0),
            ("the", "det", 4),
            ("tiny", "amod", 4),
            ("Malta", "appos", 0),
            (",", "punct", 0),
            ("and", "cc", 0),
            ("neutral", "amod", 8),
            ("Chile", "nsubj", 9),
            ("welcomed", "ROOT", 9),
        ]
    )
    assert is_list_apposition(tree, 4)
    assert not is_aside(tree, 4, 9)


def test_an_apposition_with_no_list_around_it_is_an_aside() -> None:
    # "Japan, a partner of Cuba, welcomed the accord"
    tree = build_tree(
        [
            ("Japan", "nsubj", 7),
            (",", "punct", 0),
            ("a", "det", 3),
            ("partner", "appos", 0),
            ("of", "prep", 3),
            ("Cuba", "pobj", 4),
            (",", "punct", 0),
            ("welcomed", "ROOT", 7),
        ]
    )
    assert not is_list_apposition(tree, 3)
    assert is_aside(tree, 5, 7) and is_aside(tree, 3, 7)
