"""The CAMEO verb dictionary tier: parsing the TABARI format (events/tabari.py) on a
dictionary written for these tests, deriving rows, and the shipped table (cameo_verbs.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bilat.events.build_verbs import (
    ALL_KINDS,
    DEFAULT_OUT,
    KEPT_KINDS,
    build_table,
    cameo_event,
    derive_table,
    iter_table_rows,
    object_words,
    prefix_event,
)
from bilat.events.codebook import default_cameo, load_codebook
from bilat.events.tabari import lemmatize, normalize_code, parse_dictionary
from bilat.events.triggers import CAMEO_TIER, parse_rule

# A small dictionary in the TABARI verb format, made up for these tests.
DICTIONARY = """\
####### SYNONYM SETS #######
&ENVOY_
+ENVOY
+DIPLOMATS
+TRADE_MISSION

####### VERB PATTERNS #######
---  SHELL   [190]  ---
SHELL {SHELLS SHELLED SHELLING }
BOMBARD
BOMBARDING
+OPEN_FIRE
- * &ENVOY                                [---]     # SHELL
- * CONVOY                                [---]     # SHELL

---  WELCOME_VISITOR   [---]  ---
GREET {GREETS GREETED GREETING }
HAIL [051]
TOUT [010]
- * &ENVOY                                [043]     # GREET
- * (AT CEREMONY)                         [042:043] # GREET
- * PLAN                                  [051]     # HAIL
- * PLAN                                  [013]     # TOUT
- * BEFORE                                [051]     # HAIL
- $ * ENVOY                               [043]     # GREET
- * {STATE VISIT}                         [043]     # GREET
- * SANCTIONS                             [163]     # HAIL

---  MOCK   [111]  ---
HAIL
MOCK

---  ACCEPT   [---]  ---
ACCEPT
- + * MONEY $                             [071]
- $ * + HELD                              [212]

######## TRANSFORMATIONS ##########
~ a (a b SHELL) SAY = a b 015
"""


def rows_of(table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(table.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_blocks_verbs_forms_and_synsets_are_read() -> None:
    parsed = parse_dictionary(DICTIONARY)
    assert parsed.synsets["&ENVOY"] == ["ENVOY", "DIPLOMATS", "TRADE_MISSION"]
    shell, greet, mock, _ = parsed.blocks
    assert (shell.head, shell.code) == ("SHELL", "190")
    assert greet.code == "" and greet.verbs["HAIL"] == "051" and greet.verbs["GREET"] is None
    assert parsed.forms["SHELLED"] == "SHELL" and "OPEN_FIRE" not in shell.verbs
    assert shell.phrasals == [("OPEN", "@FIRE", None)] and not parsed.skipped["multi-word verb"]
    assert ("* (AT CEREMONY)", "042", "GREET") in greet.patterns
    assert mock.verbs == {"HAIL": None, "MOCK": None}


@pytest.mark.parametrize(
    ("verb", "lemma"),
    [("SHELLED", "SHELL"), ("BOMBARDING", "BOMBARD"), ("DETERRING", "DETER"), ("SING", "SING")],
)
def test_inflected_verb_lines_fold_into_their_lemma(verb: str, lemma: str) -> None:
    assert lemmatize(verb, {"SHELLED": "SHELL"}, {"SHELL", "BOMBARD", "DETER"}) == lemma


def test_codes_keep_the_sources_half_and_drop_no_event() -> None:
    assert normalize_code(" 042:043") == "042"
    assert normalize_code(":073") == "" and normalize_code("---") == ""


def test_object_patterns_become_word_lists_or_are_refused() -> None:
    synsets = {"&ENVOY": ["ENVOY", "DIPLOMATS", "TRADE_MISSION"]}
    assert object_words("* &ENVOY", synsets) == (
        "syn",
        ["diplomat", "diplomats", "envoy"],
        "forward",
    )
    assert object_words("* (AT CEREMONY)", synsets) == ("pp", ["ceremony"], "forward")
    assert object_words("* CONVOY", synsets) == ("obj", ["convoy"], "forward")
    # actor markers: the target before the verb and the source after it turn the row round
    assert object_words("+ * MONEY $", synsets) == ("obj", ["money"], "reverse")
    assert object_words("$ * CONVOY +", synsets) == ("obj", ["convoy"], "forward")
    refused = ("$ * ENVOY", "* {STATE VISIT}", "CONVOY *", "* (IN BREACH) (OF LAW)", "* FOR")
    for body in (*refused, "$ * + HELD", "+ * $ MONEY", "+ * MONEY FROM $"):
        assert object_words(body, synsets) is None


def test_rows_take_events_from_the_codebook_and_skip_what_does_not_map() -> None:
    table, skipped = derive_table(DICTIONARY, ALL_KINDS)
    rows = {(r["pattern"], r["cameo"]): r for r in rows_of(table)}
    assert rows[("shell", "190")]["event"] == "ASSAULT"
    assert ("bombard", "190") in rows  # BOMBARDING folded into the block's BOMBARD
    assert rows[("greet >diplomat|diplomats|envoy", "043")]["mode"] == "visit"
    assert rows[("greet >ceremony", "042")]["event"] == "CONSULT"
    assert rows[("hail >plan", "051")]["event"] == "SUPPORT"
    assert rows[("hail >sanction|sanctions", "163")]["event"] == "SANCTION"
    # a [---] pattern claims its words: SHELL + envoy codes nothing, and no row says so
    assert not any(p.startswith("shell >") for p, _ in rows)
    # TOUT is a 01x statement, GREET has no code of its own: no bare rows
    assert not any(p in ("tout", "greet") for p, _ in rows)
    # HAIL is 051 in one block and 111 in another: no bare row
    assert not any(p == "hail" for p, _ in rows) and skipped["ambiguous default"] == 1
    assert skipped["inexpressible pattern"] >= 3 and skipped["no PLOVER event"] >= 1
    # "accepted money from X": X gives (the pattern's markers), ACCEPT alone codes nothing
    assert rows[("accept >money", "071")]["direction"] == "reverse"
    assert rows[("accept >money", "071")]["event"] == "AID"
    kept = [r for r in rows.values() if r["pattern"] != "accept >money"]
    assert all(r["direction"] == "forward" and r["language"] == "en" for r in kept)


def test_shipped_table_parses_and_uses_known_codes() -> None:
    rows = rows_of(DEFAULT_OUT.read_text(encoding="utf-8"))
    codebook = load_codebook()
    assert rows
    for row in rows:
        rule = parse_rule(row, CAMEO_TIER)
        assert rule.cameo in codebook and not rule.noun and rule.tier == CAMEO_TIER


def test_shipped_table_is_what_the_builder_derives(shared: Path) -> None:
    table, _ = build_table(shared)
    assert table == DEFAULT_OUT.read_text(encoding="utf-8")


def test_kinds_left_out_give_no_rows_and_are_counted() -> None:
    table, skipped = derive_table(DICTIONARY, frozenset({"syn"}))
    patterns = {r["pattern"] for r in rows_of(table)}
    assert patterns == {"greet >diplomat|diplomats|envoy"}
    assert skipped["kind obj left out"] >= 1 and skipped["kind verb left out"] >= 1
    assert KEPT_KINDS <= ALL_KINDS


def test_lines_that_cannot_be_read_are_named_by_number() -> None:
    text = "--- WAVE [042] ---\nWAVE\n- * FLAG\n- * BANNER [\n---  [111] ---\nSHRUG\n"
    parsed = parse_dictionary(text)
    assert [n for n, _ in parsed.problems] == [3, 4, 5, 6]
    assert "without a [code]" in parsed.problems[0][1]
    assert "unbalanced" in parsed.problems[1][1]
    assert "block header" in parsed.problems[2][1]
    # the verb after a header that could not be read joins no block
    assert [b.head for b in parsed.blocks] == ["WAVE"] and list(parsed.blocks[0].verbs) == ["WAVE"]


def test_verbs_of_several_words_need_their_particle_or_the_word_before() -> None:
    text = (
        "--- SHRUG OFF  [111] ---\nSHRUG OFF\n\n"
        "--- FENCE [191] ---\nFENCE\n+SEAL_UP {+SEALED_UP +SEALING_UP }\nPHONE_+BUG [192]\n"
    )
    parsed = parse_dictionary(text)
    assert not parsed.problems
    shrug, fence = parsed.blocks
    assert shrug.head == "SHRUG" and shrug.phrasals == [("SHRUG", "@OFF", None)]
    assert fence.phrasals == [("SEAL", "@UP", None), ("BUG", "PHONE", "192")]
    rows = {r["pattern"]: r["cameo"] for r in iter_table_rows(parsed, ALL_KINDS, cameo_event)}
    # a verb of several words gives no bare row: "shrug" alone is no act
    assert rows == {"shrug >@off": "111", "seal >@up": "191", "bug >phone": "192", "fence": "191"}
    assert "phrasal" not in KEPT_KINDS  # the shipped CAMEO tier stays as it was measured


def test_a_header_with_trailing_dashes_glued_on_is_still_a_block() -> None:
    parsed = parse_dictionary("---  DEFER   [120]---  ---\nDEFER\n")
    assert [(b.head, b.code) for b in parsed.blocks] == [("DEFER", "120")]
    assert not parsed.problems


def test_prefix_events_give_the_events_default_cameo_and_keep_the_code_in_notes() -> None:
    event_of = prefix_event({"09": "REQUEST", "091": "REJECT"})
    assert event_of("094") == ("REQUEST", "", default_cameo("REQUEST").code)
    assert event_of("0915")[0] == "REJECT"  # the longest prefix wins
    assert event_of("051") == cameo_event("051")  # no prefix: the CAMEO codebook
    text = "--- PLEAD [094] ---\nPLEAD\n--- SALUTE [051] ---\nSALUTE\n"
    rows = list(iter_table_rows(parse_dictionary(text), ALL_KINDS, event_of))
    by_lemma = {r["pattern"]: r for r in rows}
    assert by_lemma["plead"]["notes"] == "cameo-dict verb code 094"
    assert by_lemma["salute"]["cameo"] == "051" and "code" not in by_lemma["salute"]["notes"]
