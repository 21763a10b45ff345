"""Projects: the lifecycle of a long-lived undertaking, each stage backed by a mention."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

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


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


# Checked in this order: the first that matches sets the stage.
CANCELLED = _cue(
    r"cancel(?:l?ed|s|ling)|scrapped|abandoned|shelved|called off|"
    r"cancelad[oa]s?|anulad[oa]s?|descartad[oa]s?"
)
STALLED = _cue(
    r"stall(?:ed|s)?|delay(?:ed|s)|postpon(?:ed|es)|on hold|frozen|halted|suspended|stopped|"
    r"standstill|ground to a halt|"
    r"behind schedule|paralizad[oa]s?|retrasad[oa]s?|postergad[oa]s?|suspendid[oa]s?|"
    r"detenid[oa]s?|congelad[oa]s?|paraliz(?:ó|aron)|estancad[oa]s?|se estanc(?:ó|aron)|"
    r"frenad[oa]s?|se detuvieron|se detuvo"
)
OPERATING = _cue(
    r"opened|inaugurat\w*|began operat\w*|started operat\w*|in operation|up and running|"
    r"came online|now operat\w*|inaugur\w+|abri[óe]|abrieron|entr[óo] en funcionamiento|"
    r"en funcionamiento|comenz[óo] a operar|empez[óo] a funcionar"
)
BUILDING = _cue(
    r"under construction|construction (?:began|started|is under way|work)|being built|"
    r"broke ground|groundbreaking|laid the (?:first|foundation) stone|en construcci[óo]n|"
    r"comenz[óo] la construcci[óo]n|iniciaron las obras|obras de construcci[óo]n|"
    r"primera piedra|(?:started|began|begun|starts|begins) (?:building|converting|construction|"
    r"work on|the works)|(?:is|are) (?:building|being converted)|"
    r"(?:comenzaron|empezaron|iniciaron) (?:la construcci[óo]n|las obras|a construir)|"
    r"(?:se )?constru(?:ye|yen|yendo)"
)
FUNDING = _cue(
    r"loans?|credits?|financ\w+|funded|funding|allocated|earmark\w*|set aside|pr[ée]stamos?|"
    r"cr[ée]ditos?|financiamiento|financiaci[óo]n|financiad[oa]s?|asign(?:ó|aron)|destin(?:ó|aron)"
)
# Money given, told with the project as its object ("Moscow financed the hub"): a funding
# step whatever act the coder saw, unless it is a promise.
FUNDED = _cue(
    r"funded|financed|earmarked|allocated|set aside|financi(?:ó|aron)|asign(?:ó|aron)|"
    r"destin(?:ó|aron)"
)
# The act of agreeing (verbs): enough for any joint act; the nouns ("the agreement builds
# on a visit") only for a promise or a signing, where they name what was agreed.
AGREED_ACT = _cue(r"signed|agreed|inked|firmaron|firm[óo]|acordaron|suscribi(?:ó|eron)|pactaron")
AGREED = _cue(
    r"signed|agreed|inked|agreement|deal|memorandum|firmaron|firm[óo]|acordaron|acuerdo|"
    r"memorando|convenio|suscribi(?:ó|eron)|pactaron"
)
PROPOSED = _cue(
    r"propos\w+|suggested|floated|considering|studying the possibility|pitch(?:ed|es|ing)?|"
    r"offer(?:s|ed|ing)?|present(?:ed|s|ing)? [^.]{0,60}?\b(?:plan|concept|idea|proposal)|"
    r"propuso|propuesta|propone\w*|estudia\w* la posibilidad|ofreci(?:ó|eron)|"
    r"plante(?:ó|aron)|present(?:ó|aron) (?:la|el|su) (?:idea|concepto|plan|proyecto)"
)
ANNOUNCED = _cue(
    r"announc\w+|unveil\w+|launch(?:ed|es|ing)?|will (?:build|open|create|set up|establish)|"
    r"plans? to|anunci\w+|present[óo]|lanz(?:ó|aron|amiento)|lanzad[oa]"
)

# The acts that can only be reported once they happened: an AGREE mention (a promise, a
# plan) that says "open" or "build" speaks of the future.
_DONE_STAGES: tuple[tuple[ProjectStage, re.Pattern[str]], ...] = (
    ("operating", OPERATING),
    ("under_construction", BUILDING),
)


def _trigger_text(mention: Mention) -> str:
    """The words of the mention's trigger ("" when it has none)."""
    if mention.trigger is None:
        return ""
    start = mention.trigger.start - mention.text_info.start
    return mention.event_text[start : start + mention.trigger.end - mention.trigger.start]


def classify_stage(mention: Mention) -> tuple[ProjectStage, str] | None:
    """The lifecycle stage this mention reports, and the cue that says so.

    A mention belongs to a project when its evidence names the project (the resolver's
    project spans), refers back to one named earlier ("the center", "el proyecto"), or, in an
    article whose title or lead names one project, reports a stage in words
    (project_refs.iter_project_references; the pipeline passes `ProjectEvidence`). Its stage
    comes from cue words in the evidence (English and Spanish) and, failing those, from the
    event type: signing (SUPPORT) means agreed, a promise (AGREE) announced, money given
    (AID) funded.
    """
    text = mention.event_text
    for stage, pattern in (("cancelled", CANCELLED), ("stalled", STALLED)):
        found = pattern.search(text)
        if found:
            return stage, found.group(0)  # type: ignore[return-value]
    if mention.event != "AGREE":
        for stage, pattern in _DONE_STAGES:
            found = pattern.search(text)
            if found:
                return stage, found.group(0)
    funding = FUNDING.search(text)
    has_money = any(f.kind == "money" for f in mention.figures)
    given = mention.event == "AID" or has_money or FUNDED.search(text)
    if funding and given and mention.event != "AGREE":
        return "funded", funding.group(0)
    if mention.event in ("SUPPORT", "AGREE"):
        agreed = AGREED.search(text)
    else:
        agreed = AGREED_ACT.search(text) if mention.event == "COOPERATE" else None
    if agreed:
        return "agreed", agreed.group(0)
    if mention.event == "SUPPORT":
        return "agreed", "SUPPORT"
    # the trigger's own word first: "The proposal follows the launch of X" is a launch
    said = _trigger_text(mention)
    for stage, pattern in (("announced", ANNOUNCED), ("proposed", PROPOSED)):
        found = pattern.search(said)
        if found:
            return stage, found.group(0)  # type: ignore[return-value]
    proposed = PROPOSED.search(text)
    if proposed:
        return "proposed", proposed.group(0)
    announced = ANNOUNCED.search(text)
    if announced:
        return "announced", announced.group(0)
    if mention.event == "AGREE":
        return "announced", "AGREE"
    if mention.event == "AID" and has_money:
        return "funded", "AID"
    return None


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


def _step(item: ProjectEvidence) -> ProjectStep | None:
    found = classify_stage(item.mention)
    if found is None:
        return None
    stage, cue = found
    m = item.mention
    if item.implicit and cue == m.event:
        return None
    return ProjectStep(
        stage=stage,
        date=None if m.historical and not m.date else m.date,
        reported=item.published,
        mention_id=m.id,
        doc_id=m.doc_id,
        outlet=item.outlet,
        event=m.event,
        evidence=m.event_text,
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
    for item in evidence:
        step = _step(item)
        if step is None:
            continue
        key = (step.doc_id, step.evidence)
        held = steps.get(key)
        if held is None or _weight(step) > _weight(held):
            steps[key] = step
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
