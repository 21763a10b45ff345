"""Records that cross stages: the only things stage packages share (re-exports bilat.parsed)."""

# Flow: ingest -> Article; nlp -> ParsedDoc; resolve -> ActorSpan; events -> Mention;
# link -> Event; any stage -> Failure. Records that are stored or exported (Article, Mention,
# Event, Failure and their parts) are pydantic models here: validated, serialisable, stable
# field names. The parse records live in bilat.parsed and are re-exported so that
# `from bilat.models import Token` keeps working.

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bilat.parsed import ActorKind as ActorKind
from bilat.parsed import ActorSpan as ActorSpan
from bilat.parsed import EntitySpan as EntitySpan
from bilat.parsed import KnownProject as KnownProject
from bilat.parsed import ParsedDoc as ParsedDoc
from bilat.parsed import Sentence as Sentence
from bilat.parsed import Token as Token

PloverEvent = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_EVENTS: tuple[str, ...] = PloverEvent.__args__  # type: ignore[attr-defined]

Stage = Literal["ingest", "nlp", "resolve", "events", "link", "store", "pipeline"]


def stable_id(*parts: str, length: int = 16) -> str:
    """Hex digest of the parts: ids that are the same on every machine and every run."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:length]


# --------------------------------------------------------------------------- articles


class Article(BaseModel):
    """One news article as ingested. `text` is never altered after ingest: every offset
    stored anywhere in bilat points into it."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    source: str | None = None  # where it was read from: a path, a feed URL, "path:line"
    content_hash: str = ""

    @model_validator(mode="after")
    def _fill_hash(self) -> Article:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", stable_id(self.text, length=32))
        return self


# --------------------------------------------------------------------------- mentions


class Span(BaseModel):
    """Character offsets into Article.text: text[start:end]."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class ActorRef(BaseModel):
    """An actor as it takes part in one mention (export: {text, country, sector})."""

    model_config = ConfigDict(frozen=True)

    text: str
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    kind: str | None = None
    span: Span | None = None


class Figure(BaseModel):
    """A number the mention states: money (unit = ISO 4217 code), counts (unit = noun)."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str | None = None
    text: str  # as written, e.g. "38-million-euro"
    qualifier: str | None = None  # "up to", "over", "about", "at least", ...
    kind: Literal["money", "count", "quantity", "percent"] = "count"
    span: Span | None = None


class Place(BaseModel):
    """Where an event happened: the words of the text and, when the geocoder knows the
    place, its coordinates (GeoNames id, WGS84 degrees) and first-level division."""

    model_config = ConfigDict(frozen=True)

    text: str
    country: str | None = None
    span: Span | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geonames_id: int | None = None


class Mention(BaseModel):
    """One coded event in one article: the unit of evidence.

    `text_info` is the evidence span (the sentence), `event_text` equals
    article.text[text_info.start:text_info.end]; `trigger` points at the word that
    carries the event. `date` is YYYY-MM-DD, YYYY-MM or YYYY (partial when the text
    says no more)."""

    model_config = ConfigDict(frozen=True)

    id: str
    doc_id: str
    event_id: str | None = None
    event: PloverEvent
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: list[ActorRef] = Field(default_factory=list)
    recipient: list[ActorRef] = Field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    historical: bool = False
    event_loc: Place | None = None
    figures: list[Figure] = Field(default_factory=list)
    event_text: str
    text_info: Span
    trigger: Span | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    coder: str  # "rules.v1"
    # which of the coder's tables typed the event: "team" (the shipped trigger lexicon),
    # "cameo" (the CAMEO verb dictionary), "user" (your verb dictionaries) or "learned" (the
    # learned fallback: no trigger matched, the model chose the type); None for other coders
    typed_by: str | None = None
    cameo: str | None = None  # CAMEO code, root first two digits
    goldstein: float | None = None
    quad_code: int | None = (
        None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    )

    @staticmethod
    def make_id(doc_id: str, start: int, end: int, event: str, coder: str, n: int = 0) -> str:
        return stable_id(doc_id, str(start), str(end), event, coder, str(n))

    def countries(self, side: Literal["actor", "recipient"]) -> list[str]:
        refs = self.actor if side == "actor" else self.recipient
        return sorted({r.country for r in refs if r.country})

    def trigger_text(self) -> str:
        """The words of the trigger ("" when there is none); offsets are the article's."""
        if self.trigger is None:
            return ""
        start = self.trigger.start - self.text_info.start
        return self.event_text[start : start + self.trigger.end - self.trigger.start]


# --------------------------------------------------------------------------- events


class Side(BaseModel):
    """One side of a disagreement: what some reports say, and which reports they are."""

    model_config = ConfigDict(frozen=True)

    value: str  # as the reports state it: "up to 15,000 residents", "2025-09-12", "RUS -> CUB"
    doc_ids: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)


class Contradiction(BaseModel):
    """Reports of one event that disagree on a figure, the date or who acted on whom."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["figure", "date", "roles"]
    about: str  # the figure's unit ("residents", "EUR"), "date" or "roles"
    sides: list[Side] = Field(default_factory=list)


class Event(BaseModel):
    """A real-world happening: a cluster of mentions from one or many articles.

    `keywords`, `names` and `stages` are the linker's profile of the event (content words
    of its evidence, named actors and places, stage cues such as "delivered"): a later
    article is compared with them without reading the mentions again."""

    id: str
    event: PloverEvent
    actor_countries: list[str] = Field(default_factory=list)
    recipient_countries: list[str] = Field(default_factory=list)
    date: str | None = None
    mention_ids: list[str] = Field(default_factory=list)
    doc_ids: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    first_seen: dt.date | None = None  # earliest publication date among its articles
    last_seen: dt.date | None = None
    figures: list[Figure] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    # Articles that copy or translate another article of this event (link/dedup.py), and
    # the outlets of the others: a syndicated repost is no second source.
    copy_doc_ids: list[str] = Field(default_factory=list)
    source_outlets: list[str] = Field(default_factory=list)

    @property
    def source_count(self) -> int:
        """Independent outlets: copies left out (counted apart in copy_doc_ids)."""
        if self.source_outlets:
            return len(self.source_outlets)
        if self.copy_doc_ids:
            return len(set(self.doc_ids) - set(self.copy_doc_ids))
        return len(self.outlets) or len(self.doc_ids)

    @property
    def contested(self) -> bool:
        """Whether its reports disagree on a figure, a date or a role."""
        return bool(self.contradictions)


# --------------------------------------------------------------------------- projects

# Lifecycle order: a project only moves forward along PROJECT_PROGRESS; "stalled" and
# "cancelled" are states it can fall into (and, for stalled, leave) at any point.
ProjectStage = Literal[
    "proposed",
    "announced",
    "agreed",
    "funded",
    "under_construction",
    "operating",
    "stalled",
    "cancelled",
]
PROJECT_PROGRESS: tuple[str, ...] = (
    "proposed",
    "announced",
    "agreed",
    "funded",
    "under_construction",
    "operating",
)


class ProjectStep(BaseModel):
    """One lifecycle stage of a project, backed by one mention."""

    model_config = ConfigDict(frozen=True)

    stage: ProjectStage
    date: str | None = None  # when it happened (the mention's date), partial allowed
    reported: dt.date | None = None  # when it was published
    mention_id: str
    doc_id: str
    outlet: str | None = None
    event: PloverEvent
    evidence: str
    cue: str  # the words (or the event type) that set the stage


class Project(BaseModel):
    """A long-lived undertaking (a technology center, a hub, a loan programme)."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    sponsor_countries: list[str] = Field(default_factory=list)
    host_countries: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)  # promised: from AGREE/SUPPORT
    steps: list[ProjectStep] = Field(default_factory=list)  # in time order
    stage: ProjectStage | None = None  # the current stage
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None

    def months_silent(self, as_of: dt.date) -> int | None:
        """Whole months between the last report and `as_of` (None: never reported)."""
        if self.last_reported is None:
            return None
        last = self.last_reported
        months = (as_of.year - last.year) * 12 + as_of.month - last.month
        if as_of.day < last.day:
            months -= 1
        return max(months, 0)


# --------------------------------------------------------------------------- failures


class Failure(BaseModel):
    """One record a stage could not handle. Failures are data: stored, counted, listed."""

    stage: Stage
    item: str  # the path, URL, "file.jsonl:17" or article id
    reason: str  # one line, names the value and what to do
    at: dt.datetime = Field(default_factory=dt.datetime.now)

    def line(self) -> str:
        return f"{self.item}: {self.reason} [{self.stage}]"
