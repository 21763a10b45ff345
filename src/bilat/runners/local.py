"""The local runner: maps a work function over items in this process or a process pool.

Results come back in input order, so a run with 2 workers stores exactly what a run with 1
stores. The work function must be picklable (a module-level function or a partial of one).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def iter_mapped(
    work: Callable[[In], Out], items: Iterable[In], workers: int = 1, chunksize: int = 2
) -> Iterator[Out]:
    """Yield work(item) for each item, in order, using `workers` processes (1 = in process)."""
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, got {workers}")
    if workers == 1:
        for item in items:
            yield work(item)
        return
    # fork keeps loaded models shared copy-on-write; spawn would reload them per worker
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers) as pool:
        yield from pool.imap(work, items, chunksize=chunksize)
