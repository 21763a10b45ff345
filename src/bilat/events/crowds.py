"""Acts done by protesters or a crowd: their words and their violence are the protest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bilat.events.syntax import AGENT_DEPS, DepTree, find_governors, find_subject
from bilat.events.triggers import Trigger, TriggerRule

# Verbal acts that, done by protesters or as a protest's aim, are the protest (CAMEO 141x).
PROTESTERS_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT"})
PROTESTERS = frozenset(
    {"protester", "protestor", "demonstrator", "striker", "rioter", "marcher", "picketer"}
) | {"manifestante", "huelguista"}
# Who, doing violence, riots: protesters and any crowd ("a mob stormed the embassy").
CROWDS = PROTESTERS | {"crowd", "mob", "looter", "multitud", "turba"}
# Damage that, done by a crowd, is a violent protest (CAMEO 145, PLOVER PROTEST riot) rather
# than an attack; the same act by troops or police stays an ASSAULT. Only damage to property
# (CAMEO 1712 rows, burning): demonstrators who fire missiles still attack (PETR-2 codes 194).
DAMAGE_CAMEO = frozenset({"1712"})
# "protesters demolished the building": the COERCE 171 rows of wrecking are riots by a crowd
DAMAGE_LEMMAS = frozenset(
    {"torch", "burn", "demolish", "destroy", "loot", "smash", "wreck", "quemar", "incendiar"}
)
RIOT_CAMEO, RIOT_MODE = "145", "riot"
_OBJECT_OF_AGENT = frozenset({"pobj", "obj", "nmod"})


def find_doers(tree: DepTree, i: int) -> list[int]:
    """Who does verb i: its subject, or in a passive the noun of its "by" phrase ("was set on
    fire by a crowd"); a passive with no "by" phrase names no doer."""
    if not tree.is_passive(i):
        return find_subject(tree, i)
    agents = tree.kids_with(i, AGENT_DEPS)
    return [n for a in agents for n in tree.kids_with(a, _OBJECT_OF_AGENT)] + [
        a for a in agents if tree.tokens[a].pos in ("NOUN", "PROPN")
    ]


def is_by_protesters(tree: DepTree, i: int) -> bool:
    """Whether the subject of trigger i are protesters ("demonstrators demanded ...")."""
    return any(tree.lemma(s) in PROTESTERS for s in find_subject(tree, i))


def as_crowd_violence(tree: DepTree, i: int, rule: TriggerRule) -> TriggerRule:
    """The rule as coded for who did it: damage by protesters or a crowd ("protesters
    ransacked the embassy", "the statue was torn down by a mob") is a riot, PROTEST 145 (the
    CAMEO codebook's "protest violently"); by anyone else, the row as it stands."""
    damage = rule.cameo in DAMAGE_CAMEO or rule.lemma in DAMAGE_LEMMAS
    if rule.noun or rule.event not in ("ASSAULT", "COERCE") or not damage:
        return rule
    if not any(tree.lemma(d) in CROWDS for d in find_doers(tree, i)):
        return rule
    return replace(rule, event="PROTEST", cameo=RIOT_CAMEO, mode=RIOT_MODE, mutual=False)


def serves_protest(tree: DepTree, i: int, triggers: Sequence[Trigger]) -> bool:
    """Whether trigger i hangs (as a purpose or participle) under a protest trigger."""
    protests = {t.token for t in triggers if t.rule.event == "PROTEST"}
    return any(g in protests for g in find_governors(tree, i, limit=3)) or any(
        tree.tokens[i].head == p for p in protests
    )
