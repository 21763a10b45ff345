"""Reporting verbs told after the act they report: "X arrested two journalists, Y denounced"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bilat.events.syntax import DepTree

if TYPE_CHECKING:
    from bilat.events.triggers import Trigger

# Verbs of these acts double as reporting verbs in wire copy ("denunció el Gobierno",
# "Kyiv charged"): placed after the clause they report, they attribute it.
ATTRIBUTING_EVENTS = frozenset({"ACCUSE"})
_REPORTED_DEPS = frozenset({"ccomp", "parataxis"})


def drop_attributions(tree: DepTree, triggers: Sequence[Trigger]) -> list[Trigger]:
    """Without the reporting verbs whose reported clause, told before them, holds another
    act of the sentence: the act is the news, its attribution is no second act."""
    acts = {t.token for t in triggers}
    return [t for t in triggers if not is_attribution(tree, t, acts - {t.token})]


def is_attribution(tree: DepTree, trigger: Trigger, acts: set[int]) -> bool:
    """Whether the trigger attributes an earlier clause holding one of `acts` ("the army
    shelled hideouts in Khost, denounced the spokesman": the shelling is what was told)."""
    i = trigger.token
    if trigger.rule.noun or trigger.rule.event not in ATTRIBUTING_EVENTS:
        return False
    for c in tree.children(i):
        if tree.tokens[c].dep not in _REPORTED_DEPS or c > i:
            continue
        clause = tree.subtree(c)
        if max(clause) < i and clause & acts:
            return True
    return False
