"""Rich progress for long CLI work; the library only sees a (stage, item) callback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


@contextmanager
def ingest_progress(console: Console) -> Iterator[Callable[[str, str], None]]:
    """Yield a callback that counts items read, stored, skipped and failed."""
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
    )
    counts = {"read": 0, "stored": 0, "skipped": 0, "failed": 0}
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=None, counts="")

        def update(stage: str, item: str) -> None:
            if stage in counts:
                counts[stage] += 1
            summary = ", ".join(f"{n} {k}" for k, n in counts.items())
            bar.update(task, description=f"ingest {item[-40:]}", counts=summary)

        yield update
