"""Projects: the lifecycle of a long-lived undertaking, each stage backed by a mention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bilat.link.stage_cues import classify_stage, iter_clause_stages
from bilat.link.stages import find_clause_date
from bilat.models import (
    PROJECT_PROGRESS,
    Figure,
    Mention,
    Project,
    ProjectStage,
    ProjectStep,
)

QUIET_MONTHS = 6  # "no news for N months" default


@dataclass(frozen=True, slots=True)
class ProjectEvidence:
    """A mention whose evidence names a project, with the article facts it needs."""

    project_id: str
    name: str  # the canonical name
    alias: str  # as written in the article
    country: str | None  # host country known for the project, if any
    mention: Mention
    outlet: str | None = None
    published: dt.date | None = None
    # Named by neither name nor "the center", only by being what the article is about: such
    # a mention is a step only when a stage word says so, not on its event type alone.
    implicit: bool = False


def step_time(step: ProjectStep) -> str:
    """Sort key in time: the event date, else the publication date ("" when neither)."""
    if step.date:
        return step.date
    return step.reported.isoformat() if step.reported else ""


def _rank(stage: str) -> int:
    return PROJECT_PROGRESS.index(stage) if stage in PROJECT_PROGRESS else -1


def _weight(step: ProjectStep) -> tuple[int, str]:
    """Which of two steps from one sentence to keep: trouble first, then progress."""
    trouble = {"cancelled": 9, "stalled": 8}
    return trouble.get(step.stage, _rank(step.stage)), step.mention_id


def current_stage(steps: Iterable[ProjectStep]) -> ProjectStage | None:
    """Replay the steps in time order.

    Progress only moves forward (a late article that restates the announcement does not undo
    the opening), "stalled" holds until a later report of progress, and "cancelled" holds
    unless a later report shows work on the ground again. Building is incremental: new
    evidence merges into a stored project (build_project).
    """
    state: ProjectStage | None = None
    reached: ProjectStage | None = None
    # Trouble told the same day as progress comes after it: the stop is the news.
    trouble = ("stalled", "cancelled")
    order = sorted(
        steps, key=lambda s: (step_time(s), s.stage in trouble, _rank(s.stage), s.mention_id)
    )
    for step in order:
        stage = step.stage
        if stage in trouble:
            if state != "cancelled":
                state = stage
            continue
        # a stalled project moves again only on news of work at least as far as it had
        # got: money earmarked for a half-built centre does not restart the building
        behind = reached is not None and _rank(stage) < _rank(reached)
        if reached is None or _rank(stage) > _rank(reached):
            reached = stage
        if state == "stalled" and behind:
            continue
        revived = _rank(stage) >= _rank("under_construction")
        if state != "cancelled" or revived:
            state = reached
    return state


def _iter_steps(item: ProjectEvidence) -> Iterator[ProjectStep]:
    """The step the mention's act reports, then those its other clauses report."""
    m = item.mention
    clauses = list(iter_clause_stages(m))  # split once: classify_stage reads them too
    found = classify_stage(m, clauses)
    if found is not None and not (item.implicit and found[1] == m.event):
        yield ProjectStep(
            stage=found[0],
            date=None if m.historical and not m.date else m.date,
            reported=item.published,
            mention_id=m.id,
            doc_id=m.doc_id,
            outlet=item.outlet,
            event=m.event,
            evidence=m.event_text,
            cue=found[1],
        )
    for stage, cue, start, end in clauses:
        if found is not None and stage == found[0]:
            continue
        clause = m.event_text[start:end]
        yield ProjectStep(
            stage=stage,
            date=find_clause_date(clause, item.published),
            reported=item.published,
            mention_id=m.id,
            doc_id=m.doc_id,
            outlet=item.outlet,
            event=m.event,
            evidence=clause,  # the clause: its own report, apart from the sentence's
            cue=cue,
        )


def _promised(mentions: Iterable[Mention]) -> list[Figure]:
    seen: set[tuple[float, str | None]] = set()
    figures: list[Figure] = []
    for m in mentions:
        if m.event not in ("AGREE", "SUPPORT"):
            continue
        for f in m.figures:
            if (f.value, f.unit) not in seen:
                seen.add((f.value, f.unit))
                figures.append(f)
    return figures


def _within(step: ProjectStep, other: ProjectStep) -> bool:
    """Whether `step` is a clause of the sentence `other` reports the same stage from."""
    return (
        step.doc_id == other.doc_id
        and step.stage == other.stage
        and step.evidence != other.evidence
        and step.evidence in other.evidence
    )


def build_project(
    project_id: str,
    name: str,
    evidence: Sequence[ProjectEvidence],
    base: Project | None = None,
) -> Project:
    """The project with `evidence` merged in (into `base` when it is already stored)."""
    # One step per sentence: "lent ... to build the centre" is coded both as the loan (AID)
    # and as the plan (AGREE); the sentence reports the stage the project reached, the
    # furthest one it states.
    steps = {(s.doc_id, s.evidence): s for s in (base.steps if base else [])}
    for step in (s for item in evidence for s in _iter_steps(item)):
        key = (step.doc_id, step.evidence)
        held = steps.get(key)
        if held is None or _weight(step) > _weight(held):
            steps[key] = step
    # a clause's step that its whole sentence reports too (the sentence coded twice) is one
    kept = list(steps.values())
    steps = {k: s for k, s in steps.items() if not any(_within(s, o) for o in kept)}
    ordered = sorted(steps.values(), key=lambda s: (step_time(s), _rank(s.stage), s.mention_id))
    aliases = {*(base.aliases if base else []), *(e.alias for e in evidence)} - {name}
    host = {*(base.host_countries if base else []), *(e.country for e in evidence if e.country)}
    if not host:
        host = {c for e in evidence for c in e.mention.countries("recipient")}
    countries = {
        c for e in evidence for side in ("actor", "recipient") for c in e.mention.countries(side)
    }
    sponsor = ({*(base.sponsor_countries if base else [])} | countries) - host
    figures = [*(base.figures if base else [])]
    known = {(f.value, f.unit) for f in figures}
    figures += [f for f in _promised(e.mention for e in evidence) if (f.value, f.unit) not in known]
    reported = [d for d in (s.reported for s in ordered) if d is not None]
    reported += [d for d in (e.published for e in evidence) if d is not None]
    if base is not None:
        reported += [d for d in (base.first_reported, base.last_reported) if d is not None]
    return Project(
        id=project_id,
        name=name,
        aliases=sorted(aliases),
        sponsor_countries=sorted(sponsor),
        host_countries=sorted(host),
        figures=figures,
        steps=ordered,
        stage=current_stage(ordered),
        first_reported=min(reported) if reported else None,
        last_reported=max(reported) if reported else None,
    )


def iter_quiet(
    projects: Iterable[Project], as_of: dt.date, months: int = QUIET_MONTHS
) -> Iterator[tuple[Project, int]]:
    """Projects with no news for at least `months` months before `as_of`, and how long."""
    for project in projects:
        if is_quiet(project, as_of, months):
            yield project, project.months_silent(as_of) or 0


def is_quiet(project: Project, as_of: dt.date, months: int = QUIET_MONTHS) -> bool:
    """No news for at least `months` months (a cancelled project is not waiting for any)."""
    silent = project.months_silent(as_of)
    return silent is not None and silent >= months and project.stage != "cancelled"


def project_as_of(project: Project, as_of: dt.date) -> Project | None:
    """The project as it was known on `as_of`: only steps reported by then (a step with no
    publication date counts from its event date); None if nothing was reported yet."""

    def known(step: ProjectStep) -> bool:
        when = step.reported.isoformat() if step.reported else step.date
        return when is not None and when[:10] <= as_of.isoformat()

    steps = [s for s in project.steps if known(s)]
    first = project.first_reported
    if not steps and (first is None or first > as_of):
        return None
    reported = [s.reported for s in steps if s.reported is not None]
    last = max(reported) if reported else project.first_reported
    if last is not None and last > as_of:
        last = None
    return project.model_copy(
        update={"steps": steps, "stage": current_stage(steps), "last_reported": last}
    )
