"""The trigger lexicon: rows parse, every language has the main families, bad rows fail."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bilat.errors import CodingError
from bilat.events.triggers import (
    CAMEO_TIER,
    TEAM_TIER,
    USER_TIER,
    TriggerRule,
    find_stem_rules,
    load_lexicon,
    merge_tiers,
    parse_rule,
    read_user_rules,
    select_lexicon,
)

ROW = {"language": "en", "mode": "", "cameo": "070", "direction": "forward", "notes": ""}


def test_rows_parse_with_word_lists_first() -> None:
    rules = load_lexicon()[("en", "receive")]
    assert rules[0].objects and rules[0].event == "AID" and rules[0].reverse
    assert not rules[-1].objects and rules[-1].event == "CONSULT"


@pytest.mark.parametrize("language", ["en", "es"])
def test_main_families_are_covered(language: str) -> None:
    events = {
        r.event for (lang, _), rules in load_lexicon().items() if lang == language for r in rules
    }
    wanted = {"CONSULT", "SUPPORT", "AGREE", "AID", "COOPERATE", "ACCUSE", "REQUEST", "REJECT"}
    assert wanted | {"SANCTION", "THREATEN", "PROTEST"} <= events


def test_parse_rule_reads_noun_marks_and_word_lists() -> None:
    rule = parse_rule({**ROW, "pattern": "call:n >phone|Telephone", "event": "CONSULT"})
    assert rule.noun and rule.lemma == "call"
    assert rule.objects == frozenset({"phone", "telephone"})
    assert rule.pattern == "call:n >phone|telephone"
    assert not rule.reverse and rule.mode is None


@pytest.mark.parametrize(
    "changes",
    [{"pattern": "donate", "event": "GIVE"}, {"pattern": "", "event": "AID"}, {"direction": "up"}],
)
def test_bad_rows_name_the_row(changes: dict[str, str]) -> None:
    row = {**ROW, "pattern": "donate", "event": "AID", **changes}
    with pytest.raises(CodingError, match="trigger row"):
        parse_rule(row)


def test_english_covers_all_sixteen_plover_types() -> None:
    from bilat.models import PLOVER_EVENTS

    events = {r.event for (lang, _), rules in load_lexicon().items() if lang == "en" for r in rules}
    assert set(PLOVER_EVENTS) <= events


def test_every_cameo_code_is_in_the_codebook() -> None:
    from bilat.events.codebook import load_codebook

    codebook = load_codebook()
    missing = [
        r.pattern for rules in load_lexicon().values() for r in rules if r.cameo not in codebook
    ]
    assert not missing


def test_accept_takes_its_type_from_what_is_accepted() -> None:
    rules = load_lexicon()[("en", "accept")]
    by_word = {w: r.event for r in rules for w in r.objects}
    assert by_word["demand"] == "CONCEDE" and by_word["proposal"] == "AGREE"


def make_rule(pattern: str, event: str, tier: str) -> TriggerRule:
    return parse_rule({**ROW, "pattern": pattern, "event": event}, tier)


def test_lower_tier_never_overrides_a_team_lemma() -> None:
    team = [make_rule("shell >town", "ASSAULT", TEAM_TIER), make_rule("greet:n", "CONSULT", "team")]
    lower = [
        make_rule("shell", "ACCUSE", CAMEO_TIER),  # the team chose no bare 'shell' row
        make_rule("greet >envoy", "CONSULT", CAMEO_TIER),  # the team has only the noun
        make_rule("hail", "SUPPORT", CAMEO_TIER),
    ]
    index = merge_tiers(team, lower)
    assert [r.tier for r in index[("en", "shell")]] == [TEAM_TIER]
    assert [(r.noun, r.tier) for r in index[("en", "greet")]] == [
        (False, CAMEO_TIER),
        (True, TEAM_TIER),
    ]
    assert index[("en", "hail")][0].tier == CAMEO_TIER


def test_shipped_lexicon_keeps_team_rows_for_team_lemmas() -> None:
    lexicon = load_lexicon()
    team_verbs = {
        key for key, rules in lexicon.items() for r in rules if r.tier == TEAM_TIER and not r.noun
    }
    for key in team_verbs:
        assert all(r.tier == TEAM_TIER for r in lexicon[key] if not r.noun)


# A verb dictionary in the TABARI format, made up for these tests.
USER_DICTIONARY = """\
--- RECEIVE [040] ---
RECEIVE
--- SERENADE [051] ---
SERENADE
- * &ENVOY [042]
--- PLEAD [094] ---
PLEAD
&ENVOY
+ENVOY
"""


def test_user_tier_is_above_the_team_table(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(USER_DICTIONARY, encoding="utf-8")
    lexicon = load_lexicon((str(path),), (("09", "REQUEST"),))
    # the user's row replaces the team's rows for the lemma: it is what the user wants coded
    assert [(r.tier, r.event) for r in lexicon[("en", "receive")]] == [(USER_TIER, "CONSULT")]
    assert [(r.pattern, r.cameo) for r in lexicon[("en", "serenade")]] == [
        ("serenade >envoy", "042"),
        ("serenade", "051"),
    ]
    assert lexicon[("en", "plead")][0].event == "REQUEST"
    assert ("en", "visit") in lexicon  # the shipped tables stay below
    alone = load_lexicon((str(path),), (("09", "REQUEST"),), False)
    assert {lemma for _, lemma in alone} == {"receive", "serenade", "plead"}


def test_three_tiers_merge_from_the_top() -> None:
    user = [make_rule("shell", "ACCUSE", USER_TIER)]
    team = [make_rule("shell >town", "ASSAULT", TEAM_TIER), make_rule("hail", "SUPPORT", "team")]
    lower = [make_rule("hail", "ACCUSE", CAMEO_TIER), make_rule("greet", "CONSULT", CAMEO_TIER)]
    index = merge_tiers(user, team, lower)
    assert [r.tier for r in index[("en", "shell")]] == [USER_TIER]
    assert [r.tier for r in index[("en", "hail")]] == [TEAM_TIER]
    assert [r.tier for r in index[("en", "greet")]] == [CAMEO_TIER]


def test_bad_dictionary_lines_are_logged_with_file_and_line_and_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("--- SALUTE [051] ---\nSALUTE\n- * FLAG\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="bilat.events.triggers"):
        rules = read_user_rules(str(path), {})
        missing = read_user_rules(str(tmp_path / "absent.txt"), {})
    assert [r.pattern for r in rules] == ["salute"]
    assert missing == []
    lines = [r.getMessage() for r in caplog.records]
    assert any(f"{path}:3: pattern without a [code]" in line for line in lines)
    assert any("absent.txt: cannot be read" in line for line in lines)
    assert all("\n" not in line for line in lines)


def test_select_lexicon_follows_the_settings(tmp_path: Path) -> None:
    assert select_lexicon([], {}) is load_lexicon()
    path = tmp_path / "verbs.txt"
    path.write_text(USER_DICTIONARY, encoding="utf-8")
    chosen = select_lexicon([str(path)], {"09": "REQUEST"})
    assert chosen is not load_lexicon() and ("en", "serenade") in chosen


def test_a_users_verb_is_found_by_its_regular_stem_when_the_lemma_is_wrong() -> None:
    def rule(pattern: str, tier: str) -> TriggerRule:
        return parse_rule({**ROW, "pattern": pattern, "event": "COERCE"}, tier)

    lexicon = merge_tiers([rule("cordon >@off", USER_TIER), rule("tap", USER_TIER)])
    lexicon |= merge_tiers([rule("seal", TEAM_TIER)])
    assert [r.pattern for r in find_stem_rules(lexicon, "en", "Cordoned")] == ["cordon >@off"]
    assert [r.pattern for r in find_stem_rules(lexicon, "en", "tapping")] == ["tap"]
    # bilat's own rows keep to the model's lemmas; a word with no regular suffix finds none
    assert find_stem_rules(lexicon, "en", "sealed") == ()
    assert find_stem_rules(lexicon, "en", "cordon") == ()


def test_a_users_verb_listed_by_a_regular_form_matches_that_form() -> None:
    def rule(pattern: str, tier: str) -> TriggerRule:
        return parse_rule({**ROW, "pattern": pattern, "event": "REQUEST"}, tier)

    lexicon = merge_tiers([rule("summoned", USER_TIER), rule("spoke", USER_TIER)])
    lexicon |= merge_tiers([rule("hailed", TEAM_TIER)])
    found = find_stem_rules(lexicon, "en", "Summoned", "summon")
    assert [r.pattern for r in found] == ["summoned"]
    # an irregular form is no form of the lemma here, and bilat's own rows keep to lemmas
    assert find_stem_rules(lexicon, "en", "spoke", "speak") == ()
    assert find_stem_rules(lexicon, "en", "hailed", "hail") == ()
    # without the model's lemma the listed form is not matched as written
    assert find_stem_rules(lexicon, "en", "summoned") == ()
