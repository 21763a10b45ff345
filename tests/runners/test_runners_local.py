"""The local runner keeps input order with one or two worker processes."""

from __future__ import annotations

import pytest

from bilat.runners import iter_mapped


def square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_input_order(workers: int) -> None:
    assert list(iter_mapped(square, range(25), workers=workers)) == [x * x for x in range(25)]


def test_items_are_consumed_lazily_in_process() -> None:
    seen: list[int] = []

    def items():  # type: ignore[no-untyped-def]
        for x in range(3):
            seen.append(x)
            yield x

    it = iter_mapped(square, items(), workers=1)
    assert next(it) == 0
    assert seen == [0]


def test_zero_workers_is_refused() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(iter_mapped(square, [1], workers=0))
