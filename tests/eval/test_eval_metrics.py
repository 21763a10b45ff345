"""The seeds' matching rule: hand-made cases, and agreement with the reference scorer."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from bilat.eval.metrics import score

TEXT = "Russia met Cuba. Russia gave Cuba 20 tonnes of rice. It rained."
S1, S2 = (0, 16), (17, 51)


def gold_event(
    type_: str, span: tuple[int, int], main: bool = True, **extra: Any
) -> dict[str, Any]:
    return {
        "type": type_,
        "alt_types": [],
        "source_country": "RUS",
        "target_country": "CUB",
        "date": extra.pop("date", None),
        "figures": extra.pop("figures", []),
        "evidence_span": {"start": span[0], "end": span[1]},
        "main": main,
        **extra,
    }


def pred(type_: str, span: tuple[int, int], event_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"m{event_id}{type_}{span}",
        "doc_id": "d",
        "event_id": event_id,
        "event": type_,
        "actor": [{"country": extra.pop("actor", "RUS")}],
        "recipient": [{"country": extra.pop("recipient", "CUB")}],
        "text_info": {"start": span[0], "end": span[1]},
        **extra,
    }


def run(gold_events: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    summary, _ = score({"d": {"text": TEXT}}, {"d": {"id": "d", "events": gold_events}}, preds)
    return summary


def test_perfect_match() -> None:
    g = [
        gold_event("CONSULT", S1),
        gold_event("AID", S2, figures=[{"value": 20, "unit": "tonnes"}], date="2025-03"),
    ]
    p = [
        pred("CONSULT", S1, "e1"),
        pred("AID", S2, "e2", figures=[{"value": 20.2, "unit": "tonnes"}], date="2025-03-04"),
    ]
    s = run(g, p)
    assert (s["precision"], s["recall_main"], s["recall_all"]) == (1.0, 1.0, 1.0)
    assert (s["figures"], s["dates"], s["directed_share"]) == (1.0, 1.0, 1.0)


def test_compatible_type_matches_but_is_not_strict() -> None:
    s = run([gold_event("SUPPORT", S1)], [pred("AGREE", S1, "e1")])
    assert s["precision"] == 1.0 and s["strict_type_share"] == 0.0


def test_incompatible_type_or_wrong_sentence_does_not_match() -> None:
    assert run([gold_event("CONSULT", S1)], [pred("ACCUSE", S1, "e1")])["precision"] == 0.0
    assert run([gold_event("CONSULT", S1)], [pred("CONSULT", S2, "e1")])["recall_main"] == 0.0


def test_reversed_dyad_matches_undirected_only() -> None:
    s = run([gold_event("CONSULT", S1)], [pred("CONSULT", S1, "e1", actor="CUB", recipient="RUS")])
    assert s["precision"] == 1.0 and s["directed_share"] == 0.0


def test_mentions_sharing_event_id_and_type_are_one_prediction() -> None:
    s = run([gold_event("AID", S2)], [pred("AID", S1, "e1"), pred("AID", S2, "e1")])
    assert s["predictions"] == 1 and s["precision"] == 1.0


def test_one_to_one() -> None:
    s = run([gold_event("CONSULT", S1)], [pred("CONSULT", S1, "e1"), pred("CONSULT", S1, "e2")])
    assert s["predictions"] == 2 and s["precision"] == 0.5


def test_background_events_count_only_in_recall_all() -> None:
    s = run(
        [gold_event("CONSULT", S1), gold_event("AID", S2, main=False)], [pred("CONSULT", S1, "e1")]
    )
    assert s["recall_main"] == 1.0 and s["recall_all"] == 0.5


def test_wrong_currency_is_not_a_figure_match() -> None:
    g = [gold_event("AID", S2, figures=[{"value": 20, "unit": "EUR"}])]
    s = run(g, [pred("AID", S2, "e1", figures=[{"value": 20, "unit": "USD"}])])
    assert s["figures"] == 0.0


def load_reference(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location(
        "score_events", shared / "tools" / "score_events.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_score(module: Any, files: list[Path]) -> dict[str, Any]:
    buf = io.StringIO()
    argv = sys.argv
    sys.argv = ["score_events.py", *map(str, files), "--json"]
    try:
        with contextlib.redirect_stdout(buf):
            module.main()
    finally:
        sys.argv = argv
    return dict(json.loads(buf.getvalue()))


def perturbed_predictions(gold: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """Predictions made from gold events, some dropped, retyped, shifted or reversed."""
    out = []
    for doc, g in gold.items():
        for k, e in enumerate(g["events"]):
            if rng.random() < 0.25:
                continue
            span = e["evidence_span"]
            start = span["start"] + (rng.choice([0, 0, 5]))
            src, tgt = e.get("source_country") or "RUS", e.get("target_country") or "CUB"
            if rng.random() < 0.2:
                src, tgt = tgt, src
            out.append(
                {
                    "id": f"{doc}-{k}",
                    "doc_id": doc,
                    "event_id": f"{doc}-{k % 3}",
                    "event": rng.choice([e["type"], e["type"], "AGREE", "ACCUSE"]),
                    "actor": [{"country": src}],
                    "recipient": [{"country": tgt}],
                    "date": e.get("date") if rng.random() < 0.7 else None,
                    "figures": e.get("figures", []),
                    "text_info": {"start": start, "end": span["end"]},
                }
            )
    return out


@pytest.mark.shared
def test_agrees_with_the_reference_scorer(shared: Path, tmp_path: Path) -> None:
    module = load_reference(shared)
    articles_path = shared / "seeds" / "articles.jsonl"
    gold_path = shared / "seeds" / "gold.jsonl"
    articles = {a["id"]: a for a in map(json.loads, articles_path.read_text().splitlines())}
    gold = {g["id"]: g for g in map(json.loads, gold_path.read_text().splitlines())}
    keys = (
        "predictions",
        "precision",
        "recall_main",
        "recall_all",
        "f1_main",
        "strict_type_share",
        "directed_share",
        "figures",
        "dates",
        "dedup_pairs_found",
        "dedup_false_links",
    )
    for seed in range(12):
        preds = perturbed_predictions(gold, random.Random(seed))
        pred_path = tmp_path / f"p{seed}.jsonl"
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds))
        ours, _ = score(articles, gold, preds)
        theirs = reference_score(module, [articles_path, gold_path, pred_path])
        assert {k: ours[k] for k in keys} == {k: theirs[k] for k in keys}, seed
