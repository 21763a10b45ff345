"""WordNet synonymy for coreference: index lines, synset tables, pairs within one group."""

from __future__ import annotations

from pathlib import Path

from bilat.link.coref_wordnet import pair_synonyms, parse_index_line, read_synsets

# Lines in WordNet's index format, written for the test: lemma, POS, synset count, pointer
# count, pointers, sense count, tagged-sense count, synset offsets.
VERBS = """  1 This is a licence header line, which starts with spaces.
arrest v 2 2 @ ~ 2 1 00000101 00000202
capture v 2 1 @ 2 1 00000101 00000303
nab v 1 0 1 0 00000101
harvest v 1 1 @ 1 0 00000404
"""
NOUNS = """  1 Header.
capture n 1 1 @ 1 0 00009999
fall_guy n 1 0 1 0 00000505
"""


def write_index(folder: Path) -> Path:
    (folder / "index.verb").write_text(VERBS)
    (folder / "index.noun").write_text(NOUNS)
    return folder


def test_parse_index_line_skips_pointers_and_the_header() -> None:
    assert parse_index_line("  1 licence text", "verb") is None
    lemma, keys = parse_index_line("arrest v 2 2 @ ~ 2 1 00000101 00000202", "verb") or ("", 0)
    assert lemma == "arrest"
    assert keys == frozenset({"verb00000101", "verb00000202"})


def test_read_synsets_joins_parts_of_speech(tmp_path: Path) -> None:
    synsets = read_synsets(write_index(tmp_path))
    # the noun's offset is kept apart from the verb offsets: offsets repeat across files
    assert synsets["capture"] == frozenset({"verb00000101", "verb00000303", "noun00009999"})
    assert "fall guy" in synsets  # multiword lemmas lose their underscore
    assert read_synsets(tmp_path / "missing") == {}  # no WordNet: no synonyms


def test_pair_synonyms_only_inside_one_group(tmp_path: Path) -> None:
    synsets = read_synsets(write_index(tmp_path))
    table = pair_synonyms([["nab", "arrest", "harvest", "unknown"], ["capture"]], synsets)
    assert table == {("arrest", "nab"): 1.0}  # "capture" meets them in no group
    both = pair_synonyms([["capture", "arrest", "nab"]], synsets)
    assert set(both) == {("arrest", "capture"), ("arrest", "nab"), ("capture", "nab")}
