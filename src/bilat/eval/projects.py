"""Scores of project timelines: stored projects against a project gold (projects_gold.jsonl).

A gold line is one project: `name`, `aliases`, `sponsor` and `host` (ISO-3 lists), the
current `stage`, and `steps` of {article, stage, date}. A stored project is found when one
of its names (id, name, aliases) equals a gold name or alias, case- and accent-free. A step
is right when a stored step of the found project comes from the same article with the same
stage: steps are compared as sets of (article, stage), since a timeline shows which article
reported which stage, and two sentences of one article reporting it are one report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilat.errors import EvalError
from bilat.eval.loaders import iter_jsonl
from bilat.eval.metrics import date_agrees, ratio
from bilat.models import PROJECT_PROGRESS, Project
from bilat.store.projects import fold_name

PROJECTS_GOLD = "projects_gold.jsonl"  # the file name looked for beside the articles
STAGES = frozenset({*PROJECT_PROGRESS, "stalled", "cancelled"})
Key = tuple[str, str]  # (article id, stage)


@dataclass(frozen=True)
class GoldStep:
    article: str
    stage: str
    date: str | None = None


@dataclass(frozen=True)
class GoldProject:
    name: str
    aliases: tuple[str, ...] = ()
    sponsor: frozenset[str] = frozenset()
    host: frozenset[str] = frozenset()
    stage: str | None = None
    steps: tuple[GoldStep, ...] = ()

    def keys(self) -> set[Key]:
        return {(s.article, s.stage) for s in self.steps}


@dataclass
class ProjectScore:
    """One gold project and the stored project found for it (None: not found)."""

    gold: GoldProject
    found: Project | None
    predicted: set[Key] = field(default_factory=set)
    dates: list[bool] = field(default_factory=list)  # per matched step with a gold date

    @property
    def matched(self) -> set[Key]:
        return self.predicted & self.gold.keys()

    @property
    def missed(self) -> set[Key]:
        return self.gold.keys() - self.predicted

    @property
    def spurious(self) -> set[Key]:
        return self.predicted - self.gold.keys()

    @property
    def countries_right(self) -> bool:
        p = self.found
        return (
            p is not None
            and set(p.sponsor_countries) == self.gold.sponsor
            and set(p.host_countries) == self.gold.host
        )

    @property
    def stage_right(self) -> bool:
        return self.found is not None and self.found.stage == self.gold.stage


@dataclass
class ProjectScores:
    rows: list[ProjectScore]
    extra: list[Project] = field(default_factory=list)  # stored projects that no gold names

    def summary(self) -> dict[str, Any]:
        """Numbers for the EvalResult summary (None where there is nothing to divide by)."""
        n = len(self.rows)
        found = [r for r in self.rows if r.found is not None]
        matched = sum(len(r.matched) for r in self.rows)
        predicted = sum(len(r.predicted) for r in self.rows)
        predicted += sum(len(keys_of(p)) for p in self.extra)
        gold_steps = sum(len(r.gold.keys()) for r in self.rows)
        dates = [ok for r in self.rows for ok in r.dates]
        return {
            "project_gold": n,
            "project_found": ratio(len(found), n),
            "project_extra": len(self.extra),
            "project_countries": ratio(sum(r.countries_right for r in self.rows), n),
            "project_stage": ratio(sum(r.stage_right for r in self.rows), n),
            "project_step_precision": ratio(matched, predicted),
            "project_step_recall": ratio(matched, gold_steps),
            "project_step_dates": ratio(sum(dates), len(dates)),
        }


def _strings(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EvalError(f"{where}: `{key}` must be a list of strings")
    return list(value)


def _gold_step(raw: Any, where: str) -> GoldStep:
    if not isinstance(raw, dict) or not raw.get("article") or raw.get("stage") not in STAGES:
        raise EvalError(
            f"{where}: a step needs `article` and a `stage` among {', '.join(sorted(STAGES))}"
        )
    date = raw.get("date")
    return GoldStep(str(raw["article"]), str(raw["stage"]), str(date) if date else None)


def parse_project(record: Any, where: str) -> GoldProject:
    """One gold line as a GoldProject; an EvalError names what is wrong with it."""
    if not isinstance(record, dict) or not isinstance(record.get("name"), str):
        raise EvalError(f"{where}: a project needs a `name`")
    stage = record.get("stage")
    if stage is not None and stage not in STAGES:
        raise EvalError(f"{where}: unknown stage {stage!r}")
    steps = record.get("steps") or []
    if not isinstance(steps, list):
        raise EvalError(f"{where}: `steps` must be a list")
    return GoldProject(
        name=record["name"],
        aliases=tuple(_strings(record.get("aliases"), where, "aliases")),
        sponsor=frozenset(_strings(record.get("sponsor"), where, "sponsor")),
        host=frozenset(_strings(record.get("host"), where, "host")),
        stage=stage,
        steps=tuple(_gold_step(s, where) for s in steps),
    )


def load_project_gold(path: Path) -> list[GoldProject]:
    """The projects of a projects_gold.jsonl file, one JSON object a line."""
    return [parse_project(record, f"{path}:{n}") for n, record in iter_jsonl(path)]


def find_project_gold(articles_path: Path) -> Path | None:
    """The project gold kept beside the articles (as examples/ keeps gold.jsonl), if any."""
    candidate = articles_path.resolve().parent / PROJECTS_GOLD
    return candidate if candidate.is_file() else None


def keys_of(project: Project) -> set[Key]:
    return {(s.doc_id, s.stage) for s in project.steps}


def find_stored(gold: GoldProject, projects: Iterable[Project]) -> Project | None:
    """The stored project one of whose names is a name of the gold project."""
    wanted = {fold_name(n) for n in (gold.name, *gold.aliases)}
    for project in projects:
        if wanted & {fold_name(n) for n in (project.id, project.name, *project.aliases)}:
            return project
    return None


def score_project(gold: GoldProject, found: Project | None) -> ProjectScore:
    if found is None:
        return ProjectScore(gold, None)
    score = ProjectScore(gold, found, keys_of(found))
    # a gold step's date is right when any stored step of its (article, stage) agrees
    for step in gold.steps:
        if step.date is None:
            continue
        dates = [s.date for s in found.steps if (s.doc_id, s.stage) == (step.article, step.stage)]
        if dates:
            score.dates.append(any(date_agrees(step.date, d) for d in dates))
    return score


def score_projects(gold: Sequence[GoldProject], projects: Sequence[Project]) -> ProjectScores:
    """Each gold project against the stored project found for it; the rest are extra."""
    rows = [score_project(g, find_stored(g, projects)) for g in gold]
    used = {id(r.found) for r in rows if r.found is not None}
    return ProjectScores(rows, [p for p in projects if id(p) not in used])
