"""`bilat projects` / `bilat project`: lists, timelines, --as-of replay, unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli.main import app

pytestmark = pytest.mark.slow

PROJECT_NEWS = {
    "hub-1.txt": """---
id: hub-1
outlet: State Wire
published: 2024-02-06
language: en
---
Loan for Cayo Digital

Russia lent Cuba 12 million euros on Monday to build the first data centre of Cayo Digital.
""",
    "hub-2.txt": """---
id: hub-2
outlet: Island Daily
published: 2025-06-13
language: en
---
Island tech city on hold

Work on Digital Cayo has stalled after Russia failed to ship the servers it promised.
""",
}

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("projects")
    for name, text in PROJECT_NEWS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "p.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_projects_lists_stage_and_silence(db: Path) -> None:
    code, out, _ = invoke("projects", "--db", str(db), "--as-of", "2026-01-20")
    assert code == 0
    assert "Cayo Digital" in out and "stalled" in out and "7 mo" in out


def test_as_of_replays_what_was_known(db: Path) -> None:
    code, out, _ = invoke("projects", "--db", str(db), "--as-of", "2024-03-01")
    assert code == 0
    assert "funded" in out and "stalled" not in out
    code, out, _ = invoke("projects", "--db", str(db), "--as-of", "2020-01-01")
    assert code == 0 and "0 projects" in out


def test_project_timeline_names_outlets_and_sentences(db: Path) -> None:
    code, out, _ = invoke("project", "digital cayo", "--db", str(db))
    assert code == 0
    assert out.index("State Wire") < out.index("Island Daily")
    assert "funded" in out and "stalled" in out and "Russia lent Cuba" in out


def test_unknown_project_is_exit_1_with_a_hint(db: Path) -> None:
    code, _, err = invoke("project", "Moon Base", "--db", str(db))
    assert code == 1 and "no project named 'Moon Base'" in err
