"""The shipped CAMEO/PLOVER codebook: lookups, defaults, and agreement with its sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import CodingError
from bilat.events import PLOVER_EVENTS, default_cameo, lookup_cameo
from bilat.events.build_codebook import (
    build_table,
    parse_cameo2plover,
    quad_class_of,
    resolve_plover,
)
from bilat.events.codebook import load_codebook
from bilat.events.triggers import load_lexicon
from bilat.models import PLOVER_EVENTS as MODEL_EVENTS

TSV = Path(__file__).resolve().parents[2] / "src" / "bilat" / "events" / "data" / "codebook.tsv"


def test_every_plover_event_has_a_cameo_code() -> None:
    mapped = {c.plover_event for c in load_codebook().values()}
    assert set(PLOVER_EVENTS) <= mapped
    assert PLOVER_EVENTS is MODEL_EVENTS


def test_goldstein_and_quad_class_are_in_range() -> None:
    book = load_codebook()
    assert len(book) == 312
    for code in book.values():
        assert -10.0 <= code.goldstein <= 10.0
        assert code.quad_class == quad_class_of(code.code)
        assert code.plover_event in (*PLOVER_EVENTS, "")


@pytest.mark.parametrize(
    ("code", "quad"), [("01", 1), ("057", 1), ("061", 2), ("0874", 2), ("112", 3), ("195", 4)]
)
def test_quad_class_follows_the_root(code: str, quad: int) -> None:
    assert lookup_cameo(code).quad_class == quad


def test_lookup_gives_names_scores_and_plover_fields() -> None:
    sign = lookup_cameo("057")
    assert sign.name == "Sign formal agreement"
    assert sign.goldstein == 8.0
    assert sign.plover_event == "SUPPORT"
    assert sign.plover_context == ("diplomatic",)
    assert lookup_cameo("042").plover_mode == "visit"
    assert lookup_cameo(" 070 ").root == "07"


def test_root_08_is_coded_per_code() -> None:
    assert lookup_cameo("081").plover_event == "CONCEDE"
    assert lookup_cameo("084").plover_event == "RETREAT"
    assert lookup_cameo("0871").plover_mode == "ceasefire"


def test_old_plover_names_are_renamed() -> None:
    assert lookup_cameo("100").plover_event == "REQUEST"  # DEMAND
    assert lookup_cameo("111").plover_event == "ACCUSE"  # DISAPPROVE
    assert lookup_cameo("091").plover_event == "ACCUSE"  # INVESTIGATE
    assert lookup_cameo("021").plover_event == "REQUEST"  # appeals, not in CAMEO2PLOVER
    assert lookup_cameo("010").plover_event == ""  # statements have no PLOVER event


def test_unknown_code_raises_coding_error() -> None:
    with pytest.raises(CodingError, match="'999'"):
        lookup_cameo("999")


@pytest.mark.parametrize(
    ("event", "mode", "code"),
    [
        ("AID", None, "070"),
        ("CONSULT", "visit", "042"),
        ("CONSULT", "phone", "041"),
        ("SUPPORT", "sign", "057"),
        ("AGREE", None, "030"),
        ("consult", None, "040"),
        ("RETREAT", "ceasefire", "0871"),  # a PLOVER mode the table names
        ("AID", "no-such-mode", "070"),
    ],
)
def test_default_cameo(event: str, mode: str | None, code: str) -> None:
    chosen = default_cameo(event, mode)
    assert chosen.code == code
    assert chosen.plover_event == event.upper()


def test_default_cameo_for_every_event() -> None:
    for event in PLOVER_EVENTS:
        assert default_cameo(event).plover_event == event


def test_default_cameo_rejects_unknown_events() -> None:
    with pytest.raises(CodingError, match="DEMAND"):
        default_cameo("DEMAND")


def test_every_trigger_row_names_a_known_code_of_its_family() -> None:
    for rules in load_lexicon().values():
        for rule in rules:
            code = lookup_cameo(rule.cameo)
            # SANCTION rows use 163, which CAMEO2PLOVER-2021 files under COERCE
            assert code.plover_event in (rule.event, "COERCE"), rule.pattern


def test_parse_cameo2plover_reads_modes_contexts_and_first_rows() -> None:
    text = "08: CONCEDE\n08: RETREAT\n0121: DEMAND, assist, crime; corruption # note\n"
    rows = parse_cameo2plover(text)
    assert rows["08"].event == "CONCEDE"
    assert rows["0121"].event == "REQUEST"
    assert rows["0121"].mode == "assist"
    assert rows["0121"].context == ("crime", "corruption")
    assert resolve_plover("01211", rows).event == "REQUEST"  # nearest listed ancestor


@pytest.mark.shared
def test_shipped_table_equals_a_fresh_build(shared: Path) -> None:
    assert TSV.read_text(encoding="utf-8") == build_table(shared)
