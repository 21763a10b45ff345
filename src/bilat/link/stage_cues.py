"""Stage words: which lifecycle stage a project mention's own wording (and each of its
clauses) tells — proposed, announced, agreed, funded, under construction, operating,
stalled, cancelled."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bilat.events.date_patterns import FUTURE_CUE
from bilat.link.stages import split_clauses
from bilat.models import Mention, ProjectStage


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


# Stages a clause other than the coded act's can report on its own: acts told as done, so
# a clause with a word of the future is a plan, not a report.
_CLAUSE_STAGES: tuple[tuple[ProjectStage, re.Pattern[str]], ...] = (
    ("operating", OPERATING),
    ("under_construction", BUILDING),
    ("funded", FUNDED),
    ("agreed", AGREED_ACT),
)


# Beyond the dates' future cues (date_patterns.FUTURE_CUE): a plan or a condition.
_PLANNED = _cue(r"would|plans? to|planned")


def _clause_stage(text: str) -> tuple[ProjectStage, str] | None:
    if FUTURE_CUE.search(text) or _PLANNED.search(text):
        return None
    for stage, pattern in _CLAUSE_STAGES:
        found = pattern.search(text)
        if found:
            return stage, found.group(0)
    return None


# (stage, cue, start, end): a clause other than the coded act's and the stage it reports
ClauseStage = tuple[ProjectStage, str, int, int]


def iter_clause_stages(mention: Mention) -> Iterator[ClauseStage]:
    """(stage, cue, start, end) of each clause of the sentence, other than the one of the
    coded act (its trigger), that reports a stage told as done: "Builders started work in
    February, under the agreement the two sides signed in December" is coded as the
    signing, and its first clause is a report of construction of its own."""
    if mention.trigger is None:
        return
    at = mention.trigger.start - mention.text_info.start
    for start, end in split_clauses(mention.event_text):
        if not start <= at < end:
            found = _clause_stage(mention.event_text[start:end])
            if found:
                yield found[0], found[1], start, end


def _own_text(mention: Mention, clauses: Sequence[ClauseStage]) -> str:
    """The evidence without the other clauses that report a stage of their own (they are
    steps of their own, see iter_clause_stages)."""
    text = mention.event_text
    for _, _, start, end in reversed(clauses):
        text = text[:start] + text[end:]
    return text


def classify_stage(
    mention: Mention, clauses: Sequence[ClauseStage] | None = None
) -> tuple[ProjectStage, str] | None:
    """The lifecycle stage this mention reports, and the cue that says so; `clauses` are
    the mention's iter_clause_stages when the caller has them already (found if None).

    A mention belongs to a project when its evidence names the project (the resolver's
    project spans), refers back to one named earlier ("the center", "el proyecto"), or, in an
    article whose title or lead names one project, reports a stage in words
    (project_refs.iter_project_references; the pipeline passes `ProjectEvidence`). Its stage
    comes from cue words in the evidence (English and Spanish) and, failing those, from the
    event type: signing (SUPPORT) means agreed, a promise (AGREE) announced, money given
    (AID) funded.
    """
    # trouble anywhere in the sentence is the news ("has stopped three months after it
    # began"); any other stage is the coded act's own, not another clause's
    for stage, pattern in (("cancelled", CANCELLED), ("stalled", STALLED)):
        found = pattern.search(mention.event_text)
        if found:
            return stage, found.group(0)  # type: ignore[return-value]
    text = _own_text(mention, list(iter_clause_stages(mention)) if clauses is None else clauses)
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
    said = mention.trigger_text()
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
