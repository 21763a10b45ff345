"""Project timeline scores: the gold file read, projects found by alias, steps as sets of
(article, stage), and `bilat eval` reporting them when a project gold lies beside the
articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bilat.errors import EvalError
from bilat.eval.projects import (
    PROJECTS_GOLD,
    GoldProject,
    GoldStep,
    find_project_gold,
    load_project_gold,
    parse_project,
    score_projects,
)
from bilat.models import Project, ProjectStep

HUB = {
    "name": "Havana Data Hub",
    "aliases": ["Hub de Datos de La Habana"],
    "sponsor": ["RUS"],
    "host": ["CUB"],
    "stage": "stalled",
    "steps": [
        {"article": "a1", "stage": "announced", "date": "2024-03"},
        {"article": "a2", "stage": "agreed", "date": "2024-06-02"},
        {"article": "a3", "stage": "stalled", "date": None},
    ],
}


def step(doc: str, stage: str, date: str | None = None, n: int = 0) -> ProjectStep:
    return ProjectStep(
        stage=stage,  # type: ignore[arg-type]
        date=date,
        reported=dt.date(2024, 1, 1),
        mention_id=f"{doc}-{stage}-{n}",
        doc_id=doc,
        event="COOPERATE",
        evidence="text",
        cue="cue",
    )


def project(name: str, steps: list[ProjectStep], **fields: object) -> Project:
    return Project(id=f"project:{name.lower()}", name=name, steps=steps, **fields)  # type: ignore[arg-type]


def test_parse_project_reads_names_countries_and_steps() -> None:
    gold = parse_project(HUB, "gold:1")
    assert gold.aliases == ("Hub de Datos de La Habana",)
    assert gold.sponsor == {"RUS"} and gold.host == {"CUB"}
    assert gold.steps[0] == GoldStep("a1", "announced", "2024-03")
    assert gold.keys() == {("a1", "announced"), ("a2", "agreed"), ("a3", "stalled")}


@pytest.mark.parametrize(
    ("record", "complaint"),
    [
        ({"aliases": []}, "needs a `name`"),
        ({**HUB, "stage": "dreamt"}, "unknown stage"),
        ({**HUB, "steps": [{"article": "a1", "stage": "begun"}]}, "a step needs"),
        ({**HUB, "host": "CUB"}, "`host` must be a list"),
    ],
)
def test_parse_project_names_what_is_wrong(record: dict[str, object], complaint: str) -> None:
    with pytest.raises(EvalError, match=complaint):
        parse_project(record, "gold:3")


def test_load_project_gold_skips_blank_lines_and_reports_bad_json(tmp_path: Path) -> None:
    path = tmp_path / PROJECTS_GOLD
    path.write_text(json.dumps(HUB) + "\n\n", encoding="utf-8")
    assert [g.name for g in load_project_gold(path)] == ["Havana Data Hub"]
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r":1: not valid JSON"):
        load_project_gold(path)


def test_scores_count_steps_once_per_article_and_stage() -> None:
    gold = [parse_project(HUB, "gold:1")]
    found = project(
        "Hub de datos de la Habana",  # found through the gold alias, accents and case aside
        [
            step("a1", "announced", "2024-03-12", 1),
            step("a1", "announced", "2024-03-12", 2),  # a second sentence: the same report
            step("a2", "agreed", "2024-05", 3),  # less specific than gold: wrong date
            step("a4", "funded", "2024-08", 4),  # not in gold
        ],
        sponsor_countries=["RUS"],
        host_countries=["CUB"],
        stage="funded",
    )
    stray = project("Other Port", [step("a5", "proposed")])
    scores = score_projects(gold, [stray, found])
    assert scores.rows[0].found is found and scores.extra == [stray]
    assert scores.summary() == {
        "project_gold": 1,
        "project_found": 1.0,
        "project_extra": 1,
        "project_countries": 1.0,
        "project_stage": 0.0,
        "project_step_precision": round(2 / 4, 3),  # the stray project's step counts too
        "project_step_recall": round(2 / 3, 3),
        "project_step_dates": 0.5,
    }
    assert scores.rows[0].missed == {("a3", "stalled")}
    assert scores.rows[0].spurious == {("a4", "funded")}


def test_a_missing_project_scores_nothing_found() -> None:
    gold = [GoldProject("Havana Data Hub", steps=(GoldStep("a1", "agreed"),))]
    summary = score_projects(gold, []).summary()
    assert summary["project_found"] == 0.0 and summary["project_step_recall"] == 0.0
    assert summary["project_step_precision"] is None and summary["project_stage"] == 0.0


def test_the_project_gold_is_found_beside_the_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert find_project_gold(corpus) is None
    (tmp_path / PROJECTS_GOLD).write_text(json.dumps(HUB) + "\n", encoding="utf-8")
    assert find_project_gold(corpus) == (tmp_path / PROJECTS_GOLD).resolve()


def test_the_sample_corpus_gold_names_real_articles_and_stages() -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    gold = load_project_gold(examples / PROJECTS_GOLD)
    articles = {p.stem for p in (examples / "corpus").glob("*.txt")}
    assert {s.article for g in gold for s in g.steps} <= articles
    assert all(g.stage for g in gold)


LAUNCH = """---
id: cd-1
outlet: Island Wire
published: 2025-03-05
language: en
---
A software town for the Isle of Youth

NUEVA GERONA — Russia and Cuba on Monday launched Cayo Digital, a technology hub for programmers \
on the Isle of Youth.

Russia and Cuba agreed on the project in January, a Cuban minister told reporters.
"""
STALL = """---
id: cd-2
outlet: Harbour Ledger
published: 2025-11-03
language: en
---
Cayo Digital stalls

HAVANA — Work on Cayo Digital, the technology hub that Russia is building with Cuba, has \
stalled for lack of cement, engineers said on Friday.
"""


@pytest.mark.slow
def test_bilat_eval_scores_a_launch_and_a_reference_back(tmp_path: Path) -> None:
    from bilat.eval.run import evaluate

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cd-1.txt").write_text(LAUNCH, encoding="utf-8")
    (corpus / "cd-2.txt").write_text(STALL, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": d, "events": []}) + "\n" for d in ("cd-1", "cd-2")))
    cayo = {
        "name": "Cayo Digital",
        "sponsor": ["RUS"],
        "host": ["CUB"],
        "stage": "stalled",
        "steps": [
            {"article": "cd-1", "stage": "announced", "date": "2025-03-03"},
            {"article": "cd-1", "stage": "agreed", "date": "2025-01"},
            {"article": "cd-2", "stage": "stalled", "date": "2025-10-31"},
        ],
    }
    (tmp_path / PROJECTS_GOLD).write_text(json.dumps(cayo) + "\n", encoding="utf-8")
    result = evaluate(corpus, gold)
    assert result.projects is not None
    row = result.projects.rows[0]
    assert row.missed == set() and row.spurious == set()
    assert result.summary["project_stage"] == 1.0
    assert result.summary["project_step_recall"] == 1.0
