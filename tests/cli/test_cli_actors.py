"""`bilat actors` (list, merge, split, decisions, undo) and `bilat actor NAME` on a store built
from a small written corpus."""

from __future__ import annotations

import re
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
    # wide enough that the decision table's cells stay on one line each
    result = runner.invoke(app, list(args), env={"COLUMNS": "220"})
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


# Written for these tests; the man and the firm are invented.
NEW_NAMES = """---
id: t-optics
outlet: Test Wire
published: 2024-05-06
language: en
---
Optics maker in Havana

Anton Baranov, head of Volga Optics, met Cuban officials in Havana on Monday. Baranov said
Volga Optics would open an office there.
"""


@pytest.fixture
def optics(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "optics.txt").write_text(NEW_NAMES, encoding="utf-8")
    path = tmp_path / "optics.db"
    invoke("ingest", str(tmp_path / "corpus"), "--db", str(path))
    return path


def test_actor_profile_shows_the_decisions_that_made_a_new_actor(optics: Path) -> None:
    profile = invoke("actor", "Anton Baranov", "--db", str(optics))
    assert "id: person:" in profile and "mentions: 1" in profile
    assert "new Anton Baranov -> person:" in profile
    assert "surname Baranov -> person:" in profile and "read in t-optics" in profile
    assert "[kind=" not in profile
    assert "new Volga Optics" not in profile
    logged = invoke("actors", "decisions", "--db", str(optics))
    assert "3 actor decisions" in logged


def test_a_split_moves_the_stored_mentions_of_the_name_in_the_list(optics: Path) -> None:
    db = str(optics)
    old = re.search(r"id: (person:\w+)", invoke("actor", "Anton Baranov", "--db", db))
    assert old is not None and old[1] in invoke("actors", "--kind", "person", "--db", db)
    said = invoke("actors", "split", "Anton Baranov", old[1], "--db", db)
    new = re.search(r"as (person:\w+)", said)
    assert new is not None and new[1] != old[1]
    after = invoke("actors", "--kind", "person", "--db", db)
    assert new[1] in after and old[1] not in after
    profile = invoke("actor", "Anton Baranov", "--db", db)
    assert f"id: {new[1]}" in profile and "mentions: 1" in profile
    assert f"split Anton Baranov -> {old[1]}" in profile


def test_actor_finds_a_phoenix_leader_by_name(db: Path) -> None:
    profile = invoke("actor", "Obama", "--db", str(db))
    assert "Barack Obama  id: person:" in profile and "country: USA" in profile
    assert "GOV USA 2009-01-20 – open" in profile
    assert "found as: Obama (leader" in profile
    assert invoke("actor", "barack OBAMA", "--db", str(db)).startswith("Barack Obama  id:")


def test_actor_lists_the_leaders_a_shared_surname_may_mean(db: Path) -> None:
    listed = invoke("actor", "Bush", "--db", str(db))
    assert "Phoenix leaders are named 'Bush'" in listed
    assert "George W. Bush  USA  GOV  roles: " in listed and "GOV USA 2001-01-20" in listed
    assert "George Bush  USA" in listed
    # a surname the team's actors share is theirs to settle, not the leaders'
    castro = runner.invoke(app, ["actor", "Castro", "--db", str(db)], env={"COLUMNS": "220"})
    assert "Phoenix leaders" not in castro.stdout


# Written for these tests; the man is invented.
LENSES = """---
id: t-lenses
outlet: Test Wire
published: 2024-05-06
language: en
---
Lens deal in Havana

Anton Baranov met Cuban officials in Havana on Monday. On Tuesday Baranov signed a supply
agreement with Cuba for optical lenses.
"""


@pytest.fixture
def lenses(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "lenses.txt").write_text(LENSES, encoding="utf-8")
    path = tmp_path / "lenses.db"
    invoke("ingest", str(tmp_path / "corpus"), "--db", str(path))
    return path


def test_decisions_show_the_kind_country_and_article_they_were_read_with(lenses: Path) -> None:
    logged = invoke("actors", "decisions", "--db", str(lenses))
    assert "2 actor decisions" in logged
    rows = [line for line in logged.splitlines() if "Baranov" in line]
    assert len(rows) == 2 and all("person - t-lenses" in row for row in rows)
    assert "[kind=" not in logged


def test_profile_leaves_out_a_name_split_off_after_it_was_stored(lenses: Path) -> None:
    db = str(lenses)
    before = invoke("actor", "Anton Baranov", "--db", db)
    assert "mentions: 2" in before and "Baranov (1)" in before
    old = re.search(r"id: (person:\w+)", before)
    assert old is not None
    invoke("actors", "split", "Baranov", old[1], "--db", db)
    after = invoke("actor", "Anton Baranov", "--db", db)
    assert f"id: {old[1]}" in after and "mentions: 1" in after
    assert "aliases seen: Anton Baranov (1)\n" in after
    moved = invoke("actor", "Baranov", "--db", db)
    assert f"id: {old[1]}" not in moved and "mentions: 1" in moved
