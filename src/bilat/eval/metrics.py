"""Scores exported mentions against gold events with the seeds' matching rule.

The rule (../shared/seeds/README.md): a prediction matches a gold event of the same article
when its type is compatible, the gold country pair is contained in its actor and recipient
countries (with at most one country more), and its evidence span lies mostly inside the gold
sentence. Mentions of one article sharing an event id and type are one prediction ("unit").
Matching is one-to-one, greedy by overlap, then exact type, then agreeing figures and date.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Pairs of types a reader may reasonably confuse; a match on them is correct, not strict.
COMPATIBLE = (
    frozenset({"AGREE", "SUPPORT"}),
    frozenset({"AGREE", "COOPERATE"}),
    frozenset({"AGREE", "AID"}),
    frozenset({"AGREE", "CONSULT"}),
)
CURRENCIES = {
    "usd": "USD", "$": "USD", "dollars": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "€": "EUR", "cny": "CNY", "yuan": "CNY", "rub": "RUB", "rubles": "RUB",
}  # fmt: skip

Record = Mapping[str, Any]


def type_match(predicted: str, gold: Record) -> tuple[bool, bool]:
    """(acceptable, exact) for a predicted type against a gold event."""
    allowed = {gold["type"], *gold.get("alt_types", [])}
    if predicted in allowed:
        return True, predicted == gold["type"]
    pair = frozenset({predicted, gold["type"]})
    return pair in COMPATIBLE, False


def side_countries(side: Iterable[Any] | None) -> set[str]:
    return {
        str(a["country"]).upper() for a in side or [] if isinstance(a, dict) and a.get("country")
    }


def predicted_span(mention: Record, text: str) -> tuple[int, int] | None:
    info = mention.get("text_info") or {}
    if isinstance(info.get("start"), int) and isinstance(info.get("end"), int):
        return info["start"], info["end"]
    evidence = mention.get("event_text")
    if evidence and evidence in text:
        start = text.index(evidence)
        return start, start + len(evidence)
    return None


def gold_span(event: Record, text: str) -> tuple[int, int]:
    span = event.get("evidence_span") or {}
    if span.get("start") is not None:
        return int(span["start"]), int(span["end"])
    start = text.find(event["evidence"])
    return (start, start + len(event["evidence"])) if start >= 0 else (0, 0)


def currency_of(unit: Any) -> str | None:
    return CURRENCIES.get(str(unit or "").strip().lower())


def figure_hits(gold: Sequence[Record], predicted: Sequence[Record]) -> int:
    """How many gold figures a prediction states (value within 2%, same currency)."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        if not g.get("value"):
            continue
        for i, p in enumerate(predicted):
            value = p.get("value")
            if i in used or not isinstance(value, int | float):
                continue
            if abs(value - g["value"]) > 0.02 * abs(g["value"]):
                continue
            wanted = currency_of(g.get("unit"))
            if wanted and wanted != currency_of(p.get("unit")):
                continue
            used.add(i)
            hits += 1
            break
    return hits


def date_agrees(gold: str | None, predicted: Any) -> bool | None:
    """None when gold has no date; else the prediction must be at least as specific."""
    if not gold:
        return None
    return bool(predicted) and str(predicted).startswith(gold)


@dataclass
class Tally:
    """Counts that add up across articles."""

    units: int = 0
    matched: int = 0
    main_total: int = 0
    main_hit: int = 0
    all_total: int = 0
    all_hit: int = 0
    strict: int = 0
    directed: int = 0
    directed_total: int = 0
    fig_hits: int = 0
    fig_total: int = 0
    date_hits: int = 0
    date_total: int = 0
    mentions_in_matched: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    missed: list[tuple[str, int]] = field(default_factory=list)  # (doc, gold index)
    spurious: list[tuple[str, str]] = field(default_factory=list)  # (doc, mention id)


def group_units(mentions: Sequence[Record]) -> list[list[Record]]:
    units: dict[tuple[str, str], list[Record]] = {}
    for k, m in enumerate(mentions):
        key = (str(m.get("event_id") or f"#{k}"), str(m.get("event", "")).upper())
        units.setdefault(key, []).append(m)
    return list(units.values())


def candidate(gold: Record, unit: Sequence[Record], text: str, g_span: tuple[int, int]) -> Any:
    """The best (overlap, exact, agreement, mention) of a unit for a gold event, or None."""
    best = None
    gold_countries = {c for c in (gold.get("source_country"), gold.get("target_country")) if c}
    for idx, m in enumerate(unit):
        ok, exact = type_match(str(m.get("event", "")).upper(), gold)
        span = predicted_span(m, text)
        if not ok or span is None:
            continue
        ov = min(g_span[1], span[1]) - max(g_span[0], span[0])
        if ov <= 0 or ov < 0.5 * (span[1] - span[0]):
            continue
        countries = side_countries(m.get("actor")) | side_countries(m.get("recipient"))
        if not gold_countries <= countries or len(countries - gold_countries) > 1:
            continue
        agree = figure_hits(gold.get("figures") or [], m.get("figures") or [])
        agree += bool(date_agrees(gold.get("date"), m.get("date")))
        key = (ov, exact, agree, -idx)
        best = key if best is None or key > best else best
    return best


def score_article(
    doc: str, text: str, gold: Sequence[Record], mentions: Sequence[Record], tally: Tally
) -> dict[int, str | None]:
    """Match one article; add to the tally; return gold index -> matched event id."""
    units = group_units(mentions)
    tally.units += len(units)
    pairs = []
    for gi, g in enumerate(gold):
        g_span = gold_span(g, text)
        for ui, unit in enumerate(units):
            best = candidate(g, unit, text, g_span)
            if best is not None:
                pairs.append((best[0], best[1], best[2], gi, ui, unit[-best[3]]))
    used_gold: set[int] = set()
    used_units: set[int] = set()
    event_ids: dict[int, str | None] = {}
    for _ov, exact, _agree, gi, ui, m in sorted(pairs, key=lambda p: p[:5], reverse=True):
        if gi in used_gold or ui in used_units:
            continue
        used_gold.add(gi)
        used_units.add(ui)
        g = gold[gi]
        tally.matched += 1
        tally.mentions_in_matched += len(units[ui])
        tally.strict += exact
        tally.confusion[(g["type"], str(m.get("event")))] += 1
        src, tgt = g.get("source_country"), g.get("target_country")
        if src and tgt:
            tally.directed_total += 1
            tally.directed += src in side_countries(m.get("actor")) and tgt in side_countries(
                m.get("recipient")
            )
        if g.get("figures"):
            tally.fig_hits += figure_hits(g["figures"], m.get("figures") or [])
        date_ok = date_agrees(g.get("date"), m.get("date"))
        if date_ok is not None:
            tally.date_total += 1
            tally.date_hits += date_ok
        event_ids[gi] = m.get("event_id")
    for gi, g in enumerate(gold):
        tally.fig_total += len(g.get("figures") or [])
        tally.all_total += 1
        tally.all_hit += gi in used_gold
        if g.get("main", True):
            tally.main_total += 1
            tally.main_hit += gi in used_gold
        if gi not in used_gold:
            tally.missed.append((doc, gi))
    tally.spurious.extend(
        (doc, str(unit[0].get("id"))) for ui, unit in enumerate(units) if ui not in used_units
    )
    return event_ids


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def score(
    articles: Mapping[str, Record], gold: Mapping[str, Record], mentions: Iterable[Record]
) -> tuple[dict[str, Any], Tally]:
    """Score mentions (export records) against gold; returns (summary, tally)."""
    by_doc: dict[str, list[Record]] = defaultdict(list)
    for m in mentions:
        by_doc[str(m.get("doc_id"))].append(m)
    tally = Tally()
    matched_ids: dict[str, set[str]] = {}
    for doc, g in gold.items():
        ids = score_article(doc, articles[doc]["text"], g["events"], by_doc.get(doc, []), tally)
        matched_ids[doc] = {
            str(ids[gi]) for gi, e in enumerate(g["events"]) if e.get("main", True) and ids.get(gi)
        }
    unknown = sum(len(v) for k, v in by_doc.items() if k not in gold)
    gold_pairs = {
        tuple(sorted((doc, other)))
        for doc, g in gold.items()
        for other in g.get("same_event_as", [])
    }
    linked = {
        (a, b)
        for a, b in itertools.combinations(sorted(gold), 2)
        if matched_ids[a] & matched_ids[b]
    }
    predictions = tally.units + unknown
    precision = tally.matched / predictions if predictions else 0.0
    recall_main = tally.main_hit / tally.main_total if tally.main_total else 0.0
    f1 = 2 * precision * recall_main / (precision + recall_main) if precision + recall_main else 0.0
    summary: dict[str, Any] = {
        "predictions": predictions,
        "matched": tally.matched,
        "precision": round(precision, 3),
        "recall_main": round(recall_main, 3),
        "f1_main": round(f1, 3),
        "recall_all": ratio(tally.all_hit, tally.all_total) or 0.0,
        "strict_type_share": ratio(tally.strict, tally.matched) or 0.0,
        "directed_share": ratio(tally.directed, tally.directed_total) or 0.0,
        "figures": ratio(tally.fig_hits, tally.fig_total),
        "dates": ratio(tally.date_hits, tally.date_total),
        "mentions_per_matched": ratio(tally.mentions_in_matched, tally.matched) or 0,
        "dedup_pairs_gold": len(gold_pairs),
        "dedup_pairs_found": len(linked & gold_pairs),
        "dedup_false_links": len(linked - gold_pairs),
    }
    return summary, tally
