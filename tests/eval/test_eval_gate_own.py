"""The eval gate on our own coding set (examples/coding): it is in the repository, so unlike
the ../shared gate it runs in every fresh clone and in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.eval.floors import check_floors, load_thresholds
from bilat.eval.suite import OWN_SETS, run_suite

pytestmark = pytest.mark.slow


def test_own_sets_hold_their_floors_without_shared(tmp_path: Path) -> None:
    result = run_suite(None, tmp_path / "no-shared", OWN_SETS)
    assert result.sets == list(OWN_SETS)
    assert not result.failures, [f.line() for f in result.failures]
    floors = {k: v for k, v in load_thresholds().floors.items() if k[0] in OWN_SETS}
    assert {k[0] for k in floors} == set(OWN_SETS)  # the own floors are pinned
    assert check_floors(result, floors) == []
