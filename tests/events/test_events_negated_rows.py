"""A user's verb dictionary may say what a negated verb is ("- NOT * [code]"): such a verb
is coded that way, not dropped (triggers.find_negated_codes, negation.find_refusal)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from bilat.events.build_verbs import cameo_event
from bilat.events.negation import find_refusal
from bilat.events.syntax import DepTree
from bilat.events.triggers import TriggerRule, read_user_rules
from bilat.models import Article
from bilat.nlp import Parser

DICTIONARY = """\
&NOTS
+DID N'T
+WILL NOT

--- SPAR  [190] ---
SPAR
- &NOTS * [036]  # AB
- SAID WOULD NOT * [111]
- * OVER BORDERS [120]

--- QUARREL  [190] ---
QUARREL
- NOT * TARIFFS [057]
"""


def _rules(tmp_path: Path) -> dict[str, TriggerRule]:
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return {r.lemma: r for r in read_user_rules(str(path), {}) if not r.objects}


def test_a_negation_pattern_gives_the_verb_its_negated_code(tmp_path: Path) -> None:
    spar = _rules(tmp_path)["spar"]
    event, _mode, cameo = cameo_event("036") or ("", "", "")
    assert spar.negated == ((frozenset(), event, cameo),)


def test_a_negation_under_a_verb_of_saying_is_left_out(tmp_path: Path) -> None:
    # "said would not spar" tells a statement, not the negated verb: only &NOTS counts
    assert len(_rules(tmp_path)["spar"].negated) == 1


def test_a_negation_pattern_with_an_object_keeps_it(tmp_path: Path) -> None:
    (objects, _event, _cameo), *_ = _rules(tmp_path)["quarrel"].negated
    assert objects == frozenset({"tariffs"})


@functools.cache
def _parser() -> Parser:
    return Parser()


def _at(text: str, word: str) -> tuple[DepTree, int]:
    tree = DepTree(_parser().parse(Article(id="g1", text=text, language="en")))
    return tree, next(t.i for t in tree.tokens if t.text == word)


@pytest.mark.slow
def test_a_negated_verb_takes_the_dictionary_code(tmp_path: Path) -> None:
    spar = _rules(tmp_path)["spar"]
    tree, i = _at("Zembla will not spar with Ruritania over the islands.", "spar")
    event, _mode, cameo = cameo_event("036") or ("", "", "")
    assert find_refusal(tree, i, spar) == (event, cameo)


@pytest.mark.slow
def test_a_negation_pattern_needs_its_object(tmp_path: Path) -> None:
    quarrel = _rules(tmp_path)["quarrel"]
    tree, i = _at("Zembla did not quarrel with Ruritania over fishing.", "quarrel")
    assert find_refusal(tree, i, quarrel) is None
    tree, i = _at("Zembla did not quarrel with Ruritania over tariffs.", "quarrel")
    assert find_refusal(tree, i, quarrel) is not None
