"""`bilat eval-suite`: score every gold set in ../shared, render one table, check the floors.

Exit codes: 0 scored (and no floor broken with --check-floors); 1 a floor is broken;
2 ../shared (or the chosen sets) cannot be found, or the gold files cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group
from rich.table import Table

from bilat.cli.main import ConfigOption, app, err, fail, out, settings_for
from bilat.errors import BilatError
from bilat.eval.floors import Thresholds, check_floors, load_thresholds
from bilat.eval.suite import SETS, SuiteResult, run_suite


def format_value(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_scores(result: SuiteResult, thresholds: Thresholds) -> Table:
    """One row per (set, measure): value, how many it is over, floor and target."""
    table = Table(title=f"bilat eval-suite ({result.seconds:.1f} s)")
    for name in ("set", "measure"):
        table.add_column(name)
    for name in ("value", "n", "floor", "target"):
        table.add_column(name, justify="right")
    for s in result.scores:
        floor = thresholds.floors.get((s.set, s.measure))
        target = thresholds.targets.get((s.set, s.measure))
        shown = format_value(s.value)
        if floor is not None and (s.value is None or s.value < floor):
            shown = f"[red]{shown}[/red]"
        elif target is not None and s.value is not None and s.value >= target:
            shown = f"[green]{shown}[/green]"
        table.add_row(s.set, s.measure, shown, str(s.n), format_value(floor), format_value(target))
    return table


def render_confusion(result: SuiteResult) -> list[Table]:
    """Event types, gold -> predicted, per set; off-diagonal cells in yellow."""
    tables = []
    for name, confusion in result.confusion.items():
        table = Table(title=f"Event types, gold → predicted ({name})")
        table.add_column("gold")
        table.add_column("predicted")
        table.add_column("n", justify="right")
        for (gold, predicted), n in sorted(confusion.items(), key=lambda kv: (kv[0][0], -kv[1])):
            cell = predicted if gold == predicted else f"[yellow]{predicted}[/yellow]"
            table.add_row(gold, cell, str(n))
        tables.append(table)
    return tables


def render_reliability(result: SuiteResult) -> Table:
    table = Table(title="Reliability (confidence bin → precision)")
    table.add_column("set")
    table.add_column("confidence")
    table.add_column("count", justify="right")
    table.add_column("precision", justify="right")
    for name, bins in result.reliability.items():
        for b in bins:
            table.add_row(name, b.label, str(b.count), format_value(b.precision))
    return table


def render_suite(result: SuiteResult, thresholds: Thresholds) -> Group:
    parts = [
        render_scores(result, thresholds),
        *render_confusion(result),
        render_reliability(result),
    ]
    return Group(*parts)


@app.command("eval-suite")
def eval_suite(
    shared: Annotated[
        Path, typer.Option("--shared", help="The shared folder with seeds/ and eval-data/.")
    ] = Path("../shared"),
    set_: Annotated[
        list[str] | None, typer.Option("--set", help=f"Only these sets: {', '.join(SETS)}.")
    ] = None,
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Also write the result as JSON here.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check-floors", help="Exit 1 when a score is below its floor.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Score bilat on every gold set in ../shared (seeds, PLOVER, PETR-2, PETRARCH tests) and
    on our own coding set (own-dev, own-test; in the repository, so it runs without ../shared)."""
    settings = settings_for(config)  # run_suite refuses a missing ../shared unless only own-*
    try:
        thresholds = load_thresholds()
        with err.status("eval-suite") as status:
            result = run_suite(
                settings,
                shared,
                set_,
                progress=lambda stage, item: status.update(f"eval-suite: {stage} {item}"),
            )
    except BilatError as exc:
        raise fail(str(exc)) from exc
    if not result.sets:
        raise fail(f"{shared}: none of the gold sets is there (expected seeds/, eval-data/)")
    violations = check_floors(result, thresholds.floors)
    out.print(render_suite(result, thresholds))
    for failure in result.failures:
        err.print(f"[red]failed[/red] {failure.line()}", highlight=False, soft_wrap=True)
    if json_file is not None:
        data = result.to_dict() | {"violations": violations}
        json_file.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    if check:
        for line in violations:
            err.print(f"[red]below floor[/red] {line}", highlight=False)
        if violations:
            raise typer.Exit(1)
        checked = sum(set_name in result.sets for set_name, _ in thresholds.floors)
        err.print(f"all {checked} floors hold", highlight=False)
