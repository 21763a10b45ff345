"""Voice: a participle of stance after "be" is the subject's own act (hand-built parses of
sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Sequence

from bilat.events.syntax import DepTree
from bilat.models import ParsedDoc, Token


def build_tree(rows: list[tuple[str, str, str, int]], pos: Sequence[str] = ()) -> DepTree:
    """A DepTree from (text, lemma, dep, head) rows; `pos`: their tags (else "X")."""
    tokens, offset = [], 0
    for i, (text, lemma, dep, head) in enumerate(rows):
        tag = pos[i] if pos else "X"
        tokens.append(Token(i, offset, offset + len(text), text, lemma, tag, tag, dep, head))
        offset += len(text) + 1
    return DepTree(ParsedDoc("t", "en", "hand", tuple(tokens), (), ()))


def test_stance_participle_without_agent_is_active() -> None:
    # "Norway is opposed to the plan"
    tree = build_tree(
        [
            ("Norway", "norway", "nsubjpass", 2),
            ("is", "be", "auxpass", 2),
            ("opposed", "oppose", "ROOT", 2),
            ("to", "to", "prep", 2),
            ("the", "the", "det", 5),
            ("plan", "plan", "pobj", 3),
        ]
    )
    assert not tree.is_passive(2)


def test_stance_participle_with_agent_is_passive() -> None:
    # "the plan was opposed by Norway"
    tree = build_tree(
        [
            ("the", "the", "det", 1),
            ("plan", "plan", "nsubjpass", 3),
            ("was", "be", "auxpass", 3),
            ("opposed", "oppose", "ROOT", 3),
            ("by", "by", "agent", 3),
            ("Norway", "norway", "pobj", 4),
        ]
    )
    assert tree.is_passive(3)


def test_other_participles_without_agent_stay_passive() -> None:
    # "Norway was accused of fraud"
    tree = build_tree(
        [
            ("Norway", "norway", "nsubjpass", 2),
            ("was", "be", "auxpass", 2),
            ("accused", "accuse", "ROOT", 2),
            ("of", "of", "prep", 2),
            ("fraud", "fraud", "pobj", 3),
        ]
    )
    assert tree.is_passive(2)
