"""`bilat actors` (list, merge, split, decisions, undo) and `bilat actor NAME` on a store built
from a small written corpus."""

from __future__ import annotations

import shutil
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


@pytest.fixture
def copy(db: Path, tmp_path: Path) -> Path:
    """A copy of the module's store that a test may change."""
    path = tmp_path / "copy.db"
    shutil.copy(db, path)
    return path


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result.stdout


def test_actors_is_a_group_that_still_lists_by_default(db: Path) -> None:
    helped = invoke("actors", "--help")
    for command in ("merge", "split", "decisions", "undo"):
        assert command in helped
    listed = invoke("actors", "--kind", "person", "--db", str(db))
    assert "person:sergey-lavrov" in listed and "RUS" in listed


def test_merge_is_logged_honoured_and_explained(copy: Path) -> None:
    db = str(copy)
    said = invoke(
        "actors", "merge", "Sergey Lavrov", "Bruno Rodríguez", "--reason", "test merge", "--db", db
    )
    assert "#1" in said and "person:bruno-rodriguez merged into person:sergey-lavrov" in said
    assert "test merge" in invoke("actors", "decisions", "--db", db)
    profile = invoke("actor", "Bruno Rodríguez", "--db", db)
    assert "id: person:sergey-lavrov" in profile
    assert "merged: person:bruno-rodriguez into person:sergey-lavrov" in profile
    assert "(merge, score 1.00: test merge)" in profile
    assert "mentions: 0" not in profile
    listed = invoke("actors", "--db", db)
    assert "person:bruno-rodriguez" not in listed
    invoke("actors", "undo", "1", "--db", db)
    assert "id: person:bruno-rodriguez" in invoke("actor", "Bruno Rodríguez", "--db", db)
    assert "person:bruno-rodriguez" in invoke("actors", "--db", db)
    assert "yes" in invoke("actors", "decisions", "--db", db)


def test_merge_of_one_actor_with_itself_fails(copy: Path) -> None:
    result = runner.invoke(
        app, ["actors", "merge", "Sergey Lavrov", "person:sergey-lavrov", "--db", str(copy)]
    )
    assert result.exit_code == 1 and "already one actor" in result.stderr


def test_split_gives_the_name_its_own_actor_until_undone(copy: Path) -> None:
    db = str(copy)
    said = invoke("actors", "split", "Sergei Lavrov", "person:sergey-lavrov", "--db", db)
    assert "split from person:sergey-lavrov" in said
    assert "id: person:sergey-lavrov" not in invoke("actor", "Sergei Lavrov", "--db", db)
    assert "id: person:sergey-lavrov" in invoke("actor", "Sergey Lavrov", "--db", db)
    invoke("actors", "undo", "1", "--db", db)
    assert "id: person:sergey-lavrov" in invoke("actor", "Sergei Lavrov", "--db", db)


def test_undo_of_an_unknown_decision_fails(copy: Path) -> None:
    result = runner.invoke(app, ["actors", "undo", "7", "--db", str(copy)])
    assert result.exit_code == 1 and "no actor decision number 7" in result.stderr
