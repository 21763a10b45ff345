"""The eval suite's measures, calibration bins and floors, on hand-built records."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bilat.errors import EvalError
from bilat.eval.calibration import bin_reliability, precision_above
from bilat.eval.floors import CORPUS_SET, check_floors, load_thresholds, parse_thresholds
from bilat.eval.loaders import CameoRecord, GoldActor, OwnRecord, PloverRecord, Triple
from bilat.eval.metrics import Tally
from bilat.eval.own import score_own
from bilat.eval.petr_dicts import VerbCodes, split_petr_code
from bilat.eval.petr_unit import petr_unit_passes, side_matches, trigger_words
from bilat.eval.run import EvalResult
from bilat.eval.scores import NONE, Score, top_mention
from bilat.eval.suite import (
    SETS,
    SuiteResult,
    available_sets,
    score_petr2,
    score_petr_unit,
    score_plover,
    seed_pairs,
)
from bilat.models import ActorRef, Mention, Span


def mention(
    event: str = "AID",
    confidence: float = 0.8,
    actor: tuple[str | None, ...] = (),
    recipient: tuple[str | None, ...] = (),
    cameo: str | None = None,
    n: int = 0,
) -> Mention:
    return Mention(
        id=f"m{n}",
        doc_id="d",
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text=c or "someone", country=c) for c in actor],
        recipient=[ActorRef(text=c or "someone", country=c) for c in recipient],
        event_text="x",
        text_info=Span(start=0, end=1),
        confidence=confidence,
        coder="test",
        cameo=cameo,
    )


def plover(rec_id: str, event: str, actor: tuple[str, ...], recipient: tuple[str, ...]) -> Any:
    def side(codes: tuple[str, ...]) -> tuple[GoldActor, ...]:
        from bilat.eval.loaders import country_of

        return tuple(GoldActor(c, c, country_of(c), None) for c in codes)

    return PloverRecord(
        rec_id, "text", event, event, None, (), side(actor), side(recipient), "test"
    )


def cameo(rec_id: str, triples: tuple[tuple[str, str, str], ...], category: str = "C") -> Any:
    expected = tuple(Triple(*t) for t in triples)
    return CameoRecord(rec_id, category, "text", None, expected, not expected)


def test_top_mention_is_the_most_confident_first_on_ties() -> None:
    a, b, c = (
        mention(confidence=0.6, n=1),
        mention(confidence=0.9, n=2),
        mention(confidence=0.9, n=3),
    )
    assert top_mention([a, b, c]) is b
    assert top_mention([]) is None


def test_plover_type_accuracy_baseline_and_confusion() -> None:
    records = [
        plover("r1", "AID", ("RUS",), ("CUB",)),
        plover("r2", "AID", ("RUS",), ("CUB",)),
        plover("r3", "ACCUSE", ("USA",), ("IRN",)),
        plover("r4", "CONSULT", ("IGO",), ("FRA",)),
    ]
    predicted = {
        "r1": [mention("CONSULT", 0.5, n=1), mention("AID", 0.85, ("RUS",), ("CUB",), n=2)],
        "r2": [mention("AGREE", 0.9, ("CUB",), ("RUS",))],  # wrong type, swapped dyad
        "r4": [mention("CONSULT", 0.7)],
    }
    scores, confusion, pairs = score_plover("plover-test", records, predicted)
    values = {s.measure: (s.value, s.n) for s in scores}
    assert values["event_type_accuracy"] == (0.5, 4)
    assert values["majority_baseline"] == (0.5, 4)
    assert values["directed_dyad_accuracy"] == (round(1 / 3, 3), 3)  # r4 is not state-to-state
    assert values["high_conf_precision"] == (0.5, 2)  # 0.85 right, 0.9 wrong
    assert confusion == Counter(
        {("AID", "AID"): 1, ("AID", "AGREE"): 1, ("ACCUSE", NONE): 1, ("CONSULT", "CONSULT"): 1}
    )
    assert sorted(pairs) == [(0.5, False), (0.7, True), (0.85, True), (0.9, False)]


def test_plover_dyad_ignores_non_state_actors_and_needs_exact_sides() -> None:
    records = [plover("r1", "AID", ("RUS", "IGO"), ("CUB",))]
    right = {"r1": [mention("AID", 0.8, ("RUS", None), ("CUB",))]}
    extra = {"r1": [mention("AID", 0.8, ("RUS", "CHN"), ("CUB",))]}
    assert score_plover("p", records, right)[0][2].value == 1.0
    assert score_plover("p", records, extra)[0][2].value == 0.0


def test_petr2_no_event_precision_recall_and_root_accuracy() -> None:
    records = [
        cameo("quiet-right", ()),
        cameo("quiet-wrong", (("USA", "CHN", "042"),)),
        cameo("spoke-wrong", ()),
        cameo("root-right", (("USA", "RUS", "036"), ("RUS", "USA", "042"))),
        cameo("root-wrong", (("USA", "RUS", "190"),)),
    ]
    predicted = {
        "spoke-wrong": [mention(cameo="040")],
        "root-right": [mention(confidence=0.4, cameo="190"), mention(confidence=0.9, cameo="043")],
        "root-wrong": [mention(cameo=None)],
    }
    values = {s.measure: (s.value, s.n) for s in score_petr2(records, predicted)}
    assert values["no_event_precision"] == (0.5, 2)
    assert values["no_event_recall"] == (0.5, 2)
    assert values["root_code_accuracy"] == (round(1 / 3, 3), 3)


def petr_mention(
    text: str, trigger: str, actor: list[ActorRef], recipient: list[ActorRef]
) -> Mention:
    """A mention of `text` (starting at offset 10 of its article) triggered by `trigger`."""
    start = 10 + text.index(trigger)
    return Mention(
        id="m",
        doc_id="d",
        event="CONSULT",
        actor=actor,
        recipient=recipient,
        event_text=text,
        text_info=Span(start=10, end=10 + len(text)),
        trigger=Span(start=start, end=start + len(trigger)),
        confidence=0.8,
        coder="test",
        cameo="040",  # bilat's CAMEO code: never compared with the test codes
    )


def side(country: str | None, sector: str | None = None) -> ActorRef:
    return ActorRef(text="x", country=country, sector=sector)


VERBS = {
    "greeted": VerbCodes(frozenset({"032"}), frozenset({"033"})),
    "scolded": VerbCodes(frozenset({"122", "121"})),
}


def test_trigger_words_are_read_from_the_mention_text() -> None:
    m = petr_mention("North greeted South.", "greeted", [side("NTH")], [side("STH")])
    assert trigger_words(m) == ["greeted"]


def test_side_matches_country_and_sector_of_the_split_code() -> None:
    assert side_matches(side("ARN", "NGO"), split_petr_code("NGOARN", frozenset({"NGO"})))
    assert side_matches(side("ARN", "GOV"), split_petr_code("ARNGOVFRM"))
    assert not side_matches(side("ARN"), split_petr_code("ARNGOV"))  # sector missing
    assert not side_matches(side("ARN", "GOV"), split_petr_code("ARN"))  # sector extra
    assert side_matches(None, split_petr_code("---"))


def test_petr_unit_pass_maps_verbs_pairs_and_agents() -> None:
    paired = cameo("paired", (("NTHGOV", "STH", "032"), ("STH", "NTHGOV", "033")))
    m = petr_mention("North greeted South.", "greeted", [side("NTH", "GOV")], [side("STH")])
    assert petr_unit_passes(paired, [m], VERBS)  # one mention stands for both directions
    wrong_sector = m.model_copy(update={"actor": [side("NTH")]})
    assert not petr_unit_passes(paired, [wrong_sector], VERBS)
    scold = cameo("scold", (("NTH", "STH", "121"),))
    s = petr_mention("North scolded South.", "scolded", [side("NTH")], [side("STH")])
    assert petr_unit_passes(scold, [s], VERBS)
    assert not petr_unit_passes(scold, [m], VERBS)  # code of another verb
    assert not petr_unit_passes(scold, [s, m], VERBS)  # an extra event fails the record
    extra_recipient = s.model_copy(update={"recipient": [side("STH"), side("EST")]})
    assert not petr_unit_passes(scold, [extra_recipient], VERBS)
    assert not petr_unit_passes(scold, [], VERBS)
    assert petr_unit_passes(cameo("none", ()), [], VERBS)
    assert not petr_unit_passes(cameo("none", ()), [s], VERBS)


def test_petr_unit_scores_per_category() -> None:
    records = [
        cameo("a", (("NTH", "STH", "121"),), "DEMO"),
        cameo("b", (("NTH", "STH", "121"), ("STH", "NTH", "121")), "DEMO"),
        cameo("c", (), "ERROR"),
    ]
    s = petr_mention("North scolded South.", "scolded", [side("NTH")], [side("STH")])
    predicted = {"a": [s], "b": [s]}  # b: one of two
    values = {s.measure: (s.value, s.n) for s in score_petr_unit(records, predicted, VERBS)}
    assert values == {
        "pass_rate": (round(2 / 3, 3), 3),
        "pass_rate:DEMO": (0.5, 2),
        "pass_rate:ERROR": (1.0, 1),
    }


def test_seed_pairs_mark_mentions_of_matched_units() -> None:
    mentions = [
        {"id": "a", "doc_id": "d1", "event_id": "e1", "event": "AID", "confidence": 0.9},
        {"id": "b", "doc_id": "d1", "event_id": "e1", "event": "AID", "confidence": 0.7},
        {"id": "c", "doc_id": "d1", "event_id": "e2", "event": "CONSULT", "confidence": 0.85},
        {"id": "z", "doc_id": "unknown", "event_id": "e9", "event": "AID", "confidence": 0.8},
    ]
    tally = Tally(spurious=[("d1", "c")])
    result = EvalResult({}, tally, mentions, {}, {"d1": {"events": []}}, [])
    assert sorted(seed_pairs(result)) == [(0.7, True), (0.8, False), (0.85, False), (0.9, True)]


def test_reliability_bins_are_half_open_and_the_last_is_closed() -> None:
    pairs = [(0.0, False), (0.49, True), (0.5, True), (0.8, True), (0.89, False), (1.0, True)]
    bins = bin_reliability(pairs)
    assert [(b.label, b.count, b.precision) for b in bins] == [
        ("[0.0, 0.5)", 2, 0.5),
        ("[0.5, 0.8)", 1, 1.0),
        ("[0.8, 0.9)", 2, 0.5),
        ("[0.9, 1.0]", 1, 1.0),
    ]
    assert bin_reliability([])[0].precision is None
    assert precision_above(pairs) == (round(2 / 3, 3), 3)
    assert precision_above([(0.2, True)]) == (None, 0)
    with pytest.raises(ValueError, match="ascending"):
        bin_reliability(pairs, edges=(0.5, 0.2))


def test_check_floors_names_set_measure_value_and_floor() -> None:
    result = SuiteResult(
        scores=[
            Score("seeds", "precision", 0.61, 40),
            Score("seeds", "dates", None, 0),
            Score("petr2", "root_code_accuracy", 0.8, 60),
        ],
        sets=["seeds", "petr2"],
    )
    floors = {
        ("seeds", "precision"): 0.7,
        ("seeds", "dates"): 0.5,
        ("petr2", "root_code_accuracy"): 0.8,  # equal to the floor holds
        ("plover-test", "event_type_accuracy"): 0.9,  # set not run: not checked
    }
    assert check_floors(result, floors) == [
        "seeds dates: no value is below the floor 0.500",
        "seeds precision: 0.610 is below the floor 0.700",
    ]


def test_parse_thresholds_reads_floors_and_targets_and_rejects_junk() -> None:
    thresholds = parse_thresholds("[floor.seeds]\nprecision = 0.5\n[target.seeds]\nprecision = 1\n")
    assert thresholds.floors == {("seeds", "precision"): 0.5}
    assert thresholds.targets == {("seeds", "precision"): 1.0}
    with pytest.raises(EvalError, match="unknown table"):
        parse_thresholds("[ceiling.seeds]\nprecision = 0.5\n")
    with pytest.raises(EvalError, match="must be a number"):
        parse_thresholds('[floor.seeds]\nprecision = "high"\n')
    with pytest.raises(EvalError, match="not valid TOML"):
        parse_thresholds("[floor.seeds\n")


def test_shipped_floors_are_proportions_of_known_sets() -> None:
    thresholds = load_thresholds()
    assert thresholds.floors and thresholds.targets
    for set_name, _measure in [*thresholds.floors, *thresholds.targets]:
        assert set_name in (*SETS, CORPUS_SET)
    assert all(0.0 <= v <= 1.0 for v in [*thresholds.floors.values(), *thresholds.targets.values()])


def test_available_sets_skip_missing_files_and_reject_unknown_names(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "gold.jsonl").write_text("", encoding="utf-8")
    # our own set ships in the repository: it is there without ../shared
    assert available_sets(tmp_path) == ["seeds", "own-test", "own-dev"]
    assert available_sets(tmp_path, ["petr2"]) == []
    with pytest.raises(EvalError, match="unknown gold set 'gdelt'"):
        available_sets(tmp_path, ["gdelt"])


def test_petr2_scores_carry_the_name_of_the_half_scored() -> None:
    records = [cameo("quiet", ()), cameo("spoke", (("USA", "RUS", "042"),))]
    predicted = {"spoke": [mention(cameo="043")]}
    scores = score_petr2(records, predicted, "petr2-dev")
    assert {s.set for s in scores} == {"petr2-dev"}
    assert {s.measure: s.value for s in scores}["root_code_accuracy"] == 1.0
    assert {"petr2", "petr2-dev", "petr2-test"} <= set(SETS)


def own(
    rec_id: str, event: str | None, actor: tuple[str, ...] = (), recipient: tuple[str, ...] = ()
) -> OwnRecord:
    return OwnRecord(
        rec_id, "text", "en", None, event, None, frozenset(actor), frozenset(recipient), "dev"
    )


def test_own_scores_types_dyads_and_no_event_sentences() -> None:
    records = [
        own("right", "AID", ("RUS",), ("CUB",)),
        own("swapped", "AID", ("RUS",), ("CUB",)),
        own("silent", "SUPPORT", ("CHN",), ("VEN",)),
        own("quiet", None),
        own("spurious", None),
    ]
    predicted = {
        "right": [mention("AID", 0.9, ("RUS",), ("CUB",))],
        "swapped": [mention("AID", 0.5, ("CUB",), ("RUS",))],
        "spurious": [mention("ACCUSE", 0.85, ("RUS",), ("CUB",))],
    }
    scores, confusion, pairs = score_own("own-dev", records, predicted)
    got = {s.measure: (s.value, s.n) for s in scores}
    assert got["event_type_accuracy"] == (round(2 / 3, 3), 3)
    assert got["directed_dyad_accuracy"] == (round(1 / 3, 3), 3)
    assert got["no_event_precision"] == (0.5, 2)  # silent twice, right once
    assert got["no_event_recall"] == (0.5, 2)
    assert got["high_conf_precision"] == (0.5, 2)  # a mention on a no-event sentence is wrong
    assert confusion[("(none)", "ACCUSE")] == 1 and confusion[("SUPPORT", NONE)] == 1
    assert (0.85, False) in pairs
