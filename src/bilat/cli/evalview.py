"""Rendering of `bilat eval` results: scores, type confusion, misses and spurious mentions."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table

from bilat.eval.projects import ProjectScores
from bilat.eval.run import EvalResult


def render_project_scores(scores: ProjectScores) -> Table:
    """Per gold project: what was found, its stage, and the steps missed or not in gold."""
    table = Table(title="Project timelines (article, stage)", expand=True)
    for name in ("project", "found as", "stage gold → found", "steps", "missed", "not in gold"):
        table.add_column(name, overflow="fold")
    for row in scores.rows:
        found = row.found
        table.add_row(
            row.gold.name,
            found.name if found else "-",
            f"{row.gold.stage or '-'} → {(found.stage if found else None) or '-'}",
            f"{len(row.matched)}/{len(row.gold.keys())} ({len(row.predicted)} found)",
            "; ".join(f"{a} {s}" for a, s in sorted(row.missed)),
            "; ".join(f"{a} {s}" for a, s in sorted(row.spurious)),
        )
    for extra in scores.extra:
        table.add_row("-", extra.name, f"- → {extra.stage or '-'}", f"0/0 ({len(extra.steps)})")
    return table


def render_eval(result: EvalResult, details: bool = False) -> Group:
    scores = Table(title="Scores (seeds matching rule)")
    scores.add_column("measure")
    scores.add_column("value", justify="right")
    for name, value in result.summary.items():
        scores.add_row(name, "-" if value is None else str(value))
    confusion = Table(title="Matched types (gold → predicted)")
    confusion.add_column("gold")
    confusion.add_column("predicted")
    confusion.add_column("n", justify="right")
    for (gold, predicted), n in sorted(result.tally.confusion.items()):
        confusion.add_row(gold, predicted, str(n))
    parts: list[Table] = [scores, confusion]
    if result.projects is not None:
        parts.append(render_project_scores(result.projects))
    if details:
        missed = Table(title="Gold events missed", expand=True)
        for name in ("doc", "type", "countries", "evidence"):
            missed.add_column(name, overflow="fold")
        for doc, gi in result.tally.missed:
            g = result.gold[doc]["events"][gi]
            pair = f"{g.get('source_country') or '?'} → {g.get('target_country') or '?'}"
            missed.add_row(doc, g["type"], pair, str(g.get("evidence", ""))[:200])
        spurious = Table(title="Predictions not in gold", expand=True)
        for name in ("doc", "type", "dyad", "evidence"):
            spurious.add_column(name, overflow="fold")
        by_id = {m["id"]: m for m in result.mentions}
        for doc, mention_id in result.tally.spurious:
            m = by_id.get(mention_id, {})
            dyad = (
                "+".join(a.get("country") or "?" for a in m.get("actor", []))
                + " → "
                + "+".join(a.get("country") or "?" for a in m.get("recipient", []))
            )
            spurious.add_row(doc, str(m.get("event")), dyad, str(m.get("event_text", ""))[:200])
        parts += [missed, spurious]
    if result.failures:
        fails = Table(title="Failures")
        fails.add_column("item")
        fails.add_column("reason", overflow="fold")
        for f in result.failures:
            fails.add_row(f.item, f.reason)
        parts.append(fails)
    return Group(*parts)
