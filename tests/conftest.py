"""Shared test fixtures: the ../shared folder (skipped when absent) and record builders."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files instead of comparing."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository; tests that need it skip on a fresh clone."""
    if not (SHARED / "seeds" / "gold.jsonl").is_file():
        pytest.skip("../shared is not present (only in the team's workspace)")
    return SHARED
