"""Longest-match alias lookup over token keys."""

from __future__ import annotations

from resolve_docs import build_doc

from bilat.models import ParsedDoc, Sentence, Token
from bilat.resolve.matcher import AliasIndex, build_keyseq


def _index(*aliases: str) -> AliasIndex[str]:
    index: AliasIndex[str] = AliasIndex()
    for alias in aliases:
        index.add(alias, alias)
    return index


def _texts(index: AliasIndex[str], text: str) -> list[tuple[str, ...]]:
    return [m.payloads for m in index.iter_matches(build_keyseq(build_doc(text)))]


def test_longest_alias_wins() -> None:
    index = _index("Santiago", "Santiago de Cuba", "Cuba")
    assert _texts(index, "Santiago de Cuba and Cuba") == [("Santiago de Cuba",), ("Cuba",)]


def test_hyphen_tokens_are_skipped() -> None:
    index = _index("Díaz-Canel")
    assert _texts(index, "Diaz - Canel and Díaz Canel") == [("Díaz-Canel",), ("Díaz-Canel",)]


def test_case_rules_apply_per_word() -> None:
    index = _index("US", "Turkey")
    assert _texts(index, "tell us about turkey") == []
    assert _texts(index, "US and Turkey") == [("US",), ("Turkey",)]


def test_no_match_across_sentences() -> None:
    index = _index("Santiago de Cuba")
    assert _texts(index, "Santiago de\nCuba") == []


def test_token_with_inner_hyphen_and_possessive() -> None:
    tokens = (
        Token(0, 0, 12, "Díaz-Canel’s", "x", "PROPN", "NNP", "nsubj", 1),
        Token(1, 13, 18, "visit", "visit", "NOUN", "NN", "ROOT", 1),
    )
    doc = ParsedDoc("d", "en", "hand", tokens, (Sentence(0, 18, "", 0, 2),), ())
    seq = build_keyseq(doc)
    match = next(_index("Díaz-Canel").iter_matches(seq))
    assert [seq.token[match.start], seq.token[match.end - 1]] == [0, 0]
    assert seq.possessive[match.start] == 2


def test_index_len_and_get() -> None:
    index = _index("Cuba", "cuba", "Rusia")
    assert len(index) == 3
    assert index.get(("cuba",)) == ["Cuba", "cuba"]


def test_a_name_joined_by_underscores_meets_its_alias() -> None:
    index = _index("Warden of the East March", "East")
    assert _texts(index, "the Warden of the East_March left") == [("Warden of the East March",)]
