"""`bilat actors` and `bilat actor NAME` on a store built from a small written corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli.main import app

pytestmark = pytest.mark.slow

ARTICLE = """---
id: t-visit
outlet: Test Wire
published: 2024-05-06
language: en
---
Lavrov visits Havana

Russian Foreign Minister Sergey Lavrov met Cuban Foreign Minister Bruno Rodríguez in Havana
on Monday, the Russian embassy said.
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("actors")
    (root / "corpus").mkdir()
    (root / "corpus" / "visit.txt").write_text(ARTICLE, encoding="utf-8")
    path = root / "t.db"
    result = runner.invoke(app, ["ingest", str(root / "corpus"), "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def test_actors_lists_the_stored_actors_with_counts(db: Path) -> None:
    result = runner.invoke(app, ["actors", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "RUS" in result.stdout and "CUB" in result.stdout


def test_actors_filters_by_country(db: Path) -> None:
    result = runner.invoke(app, ["actors", "--country", "CUB", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "RUS" in line]
    assert rows == []


def test_actor_profile_shows_roles_and_events(db: Path) -> None:
    result = runner.invoke(app, ["actor", "Medvedev", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "Dmitry Medvedev" in result.stdout
    assert "GOV RUS 2008-05-07 – open" in result.stdout


def test_actor_profile_of_a_stored_actor_has_its_mentions(db: Path) -> None:
    result = runner.invoke(app, ["actor", "Sergei Lavrov", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "person:sergey-lavrov" in result.stdout
    assert "events by type: -" not in result.stdout
    assert "outlets: Test Wire" in result.stdout


def test_actor_unknown_name_fails(db: Path) -> None:
    result = runner.invoke(app, ["actor", "Nobody Atall Xyzzy", "--db", str(db)])
    assert result.exit_code == 1
