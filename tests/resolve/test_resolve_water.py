"""A water body named after a place ("the Taiwan Strait") is no actor of that state."""

from __future__ import annotations

import pytest
from resolve_docs import build_doc

from bilat.resolve import Resolver


def _countries(text: str) -> list[str | None]:
    return [s.country for s in Resolver().find_actors(build_doc(text), text)]


@pytest.mark.parametrize(
    "text",
    [
        "Warships sailed through the Taiwan Strait on Monday.",
        "Patrols crossed the South China Sea.",
        "Tankers waited in the Gulf of Oman.",
    ],
)
def test_water_body_names_no_state(text: str) -> None:
    assert _countries(text) == []


def test_state_beside_water_body_is_kept() -> None:
    assert _countries("China warned Taiwan about the strait.") == ["CHN", "TWN"]
