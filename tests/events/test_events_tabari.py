"""The one TABARI verb dictionary parser: lines kept as written beside what is derived."""

from __future__ import annotations

from bilat.events.tabari import VerbLine, find_negated_codes, parse_dictionary

# A dictionary in the TABARI verb format, made up for these tests.
TEXT = """\
&CROWD_
+MARCHERS
+PICKETS

---  APPLAUD   [041:042]  ---
APPLAUD {APPLAUDED APPLAUDING }  # a verb and its forms
CHEER [043]
RADIO_+PATCH {RADIO_+PATCHED }
- * &CROWD                                [051:052] # CHEER
- * LOUDLY                                [---]

######## TRANSFORMATIONS ##########
~ a (a b APPLAUD) SAY = a b 015
"""


def test_verb_lines_are_kept_as_written() -> None:
    (block,) = parse_dictionary(TEXT).blocks
    assert block.lines == [
        VerbLine("APPLAUD", ("APPLAUDED", "APPLAUDING"), ()),
        VerbLine("CHEER", (), ("043",)),
        VerbLine("RADIO_+PATCH", ("RADIO_+PATCHED",), ()),
    ]
    # beside them, what the trigger rows are made of: one-word verbs, the phrasal one
    assert block.verbs == {"APPLAUD": None, "CHEER": "043"}
    assert block.phrasals == [("PATCH", "RADIO", None)]


def test_header_and_pattern_codes_are_kept_whole() -> None:
    (block,) = parse_dictionary(TEXT).blocks
    # as written, the target's half and the no-event code too; derived, the source's half
    assert block.written_codes == ["041:042", "051:052", "---"]
    assert block.code == "041"
    assert [code for _, code, _ in block.patterns] == ["051", ""]


def test_the_dictionary_ends_at_its_transformations() -> None:
    parsed = parse_dictionary(TEXT)
    assert [line.phrase for b in parsed.blocks for line in b.lines][-1] == "RADIO_+PATCH"
    assert parsed.synsets == {"&CROWD": ["MARCHERS", "PICKETS"]} and not parsed.problems


def test_negated_patterns_give_codes_by_lemma_fewest_words_first() -> None:
    text = (
        "&NEVERS\n+NEVER\n+DID_NOT\n\n"
        "--- PRAISE [041] ---\nPRAISE {PRAISED }\nLAUD\n"
        "- DID NOT * [111]\n- NOT * ENVOY [112]  # LAUD\n- &NEVERS * [113]\n"
        "- SAID NOT * [114]\n- NOT * [---]\n"
    )
    events = {"111": ("REJECT", "", "111"), "112": ("REJECT", "", "112")}
    events["113"] = ("ACCUSE", "", "113")
    negated = find_negated_codes(parse_dictionary(text), events.get)
    # "SAID" is more than a negation and "---" codes nothing: both are left out; a synset
    # of one word ("&NEVERS") comes before the two words "DID NOT"
    assert negated["praise"] == (
        (frozenset(), "ACCUSE", "113"),
        (frozenset(), "REJECT", "111"),
    )
    # a pattern whose comment names one verb of the block is that verb's alone
    assert negated["laud"] == (
        (frozenset({"envoy"}), "REJECT", "112"),
        (frozenset(), "ACCUSE", "113"),
        (frozenset(), "REJECT", "111"),
    )
