"""Composes the stages: ingest -> nlp -> resolve -> code -> link -> store.

The only module that imports several stage packages. Per-article work (parse, resolve,
code) is a pure function of the article and runs in worker processes; tying new names to
the actors of earlier articles (resolve/newnames.py), linking and storing run in this
process, in input order, so results do not depend on the number of workers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path

from bilat.config import Settings
from bilat.errors import BilatError
from bilat.events import Coder, get_coder
from bilat.ingest import iter_articles
from bilat.link import CandidateLookup, dedup, group_of, link_article
from bilat.link.contradictions import find_contradictions
from bilat.link.project_refs import NamedProject, iter_project_references
from bilat.link.projects import ProjectEvidence, build_project
from bilat.models import ActorSpan, Article, Event, Failure, Mention, ParsedDoc, Stage
from bilat.nlp import Parser
from bilat.resolve import Resolver
from bilat.resolve.geo import Geocoder
from bilat.resolve.newnames import build_registry, relabel_mentions, settle_spans
from bilat.resolve.registry import ActorRegistry, Decision
from bilat.resolve.roles import apply_merges, apply_roles, follow_merges
from bilat.runners import iter_mapped
from bilat.store import Store
from bilat.store.actors import StoredDecision

# (stage, item) -> None; the CLI draws progress from it, the library default does nothing.
Progress = Callable[[str, str], None]


def no_progress(stage: str, item: str) -> None:
    """The default progress callback: does nothing."""


@dataclass(frozen=True)
class Coded:
    """The per-article result of the worker stages."""

    article: Article
    mentions: list[Mention]
    projects: list[ProjectEvidence] = field(default_factory=list)
    actors: list[ActorSpan] = field(default_factory=list)


@dataclass
class RunReport:
    """What one ingest run did. `ok` is False when any item failed (exit code 1)."""

    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store: re-ingest is a no-op
    mentions: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Stages:
    """The per-article stages, built once per process. A caller may bring its own resolver
    (e.g. with extra dictionaries, as the evaluation suite does) or coder."""

    parser: Parser
    resolver: Resolver
    coder: Coder

    def analyse(self, article: Article) -> tuple[ParsedDoc, list[ActorSpan]]:
        doc = self.parser.parse(article)
        return doc, self.resolver.find_actors(doc, article.text)


def make_stages(
    settings: Settings, resolver: Resolver | None = None, coder: Coder | None = None
) -> Stages:
    return Stages(
        Parser(settings.nlp),
        resolver or Resolver(),
        coder or get_coder(settings.events.coder, settings.events),
    )


@lru_cache(maxsize=4)
def _cached_stages(settings_json: str) -> Stages:
    return make_stages(Settings.model_validate_json(settings_json))


def stages_for(settings: Settings) -> Stages:
    """The default stages for these settings, cached per process."""
    return _cached_stages(settings.model_dump_json())


def analyse(article: Article, settings: Settings) -> tuple[ParsedDoc, list[ActorSpan]]:
    """Parse an article and find its actors (useful on its own for `bilat show`)."""
    return stages_for(settings).analyse(article)


def code_article(
    settings: Settings, article: Article, stages: Stages | None = None
) -> Coded | Failure:
    """Parse, resolve and code one article; a failure is returned, never raised."""
    stages = stages or stages_for(settings)
    stage: Stage = "nlp"
    try:
        doc, actors = stages.analyse(article)
        stage = "events"
        mentions = [
            m
            for m in stages.coder.code(article, doc, actors)
            if m.confidence >= settings.events.min_confidence
        ]
        stage = "resolve"
        mentions = locate_mentions(mentions, Geocoder.load())
        mentions = apply_roles(mentions, article.published)
        projects = find_project_evidence(article, mentions, actors, stages.resolver)
    except BilatError as exc:
        return Failure(stage=stage, item=article.id, reason=str(exc))
    except Exception as exc:  # a bug on one article must not end the run; it is recorded
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return Failure(stage=stage, item=article.id, reason=f"unexpected error: {reason}")
    return Coded(article, mentions, projects, actors)


def locate_mentions(mentions: Sequence[Mention], geocoder: Geocoder) -> list[Mention]:
    """Mentions with coordinates on their place, chosen among namesakes by the countries
    the mention involves; a place the geocoder does not know is left as the coder wrote it."""
    located: list[Mention] = []
    for m in mentions:
        loc = m.event_loc
        if loc is None or loc.lat is not None:
            located.append(m)
            continue
        countries = [*([loc.country] if loc.country else []), *m.countries("actor")]
        found = geocoder.geocode(loc.text, [*countries, *m.countries("recipient")])
        if found is None:
            located.append(m)
            continue
        place = loc.model_copy(
            update={
                "country": loc.country or found.country,
                "lat": found.lat,
                "lon": found.lon,
                "admin1": found.admin1,
                "geonames_id": found.geonames_id,
            }
        )
        located.append(m.model_copy(update={"event_loc": place}))
    return located


def find_project_evidence(
    article: Article, mentions: Sequence[Mention], actors: Sequence[ActorSpan], resolver: Resolver
) -> list[ProjectEvidence]:
    """The mentions that speak of a project the resolver found (link/project_refs.py says how)."""
    spans = [a for a in actors if a.kind == "project"]
    named = [NamedProject(a.start, a.end, a.actor_id, a.text) for a in spans]
    known = resolver.gazetteer.projects()  # names and hosts, also of projects only described
    hosts = {k.project_id: k.host for k in known if k.host}
    hosts |= {a.actor_id: a.country for a in spans if a.country}
    canonical = {k.project_id: k.names[0] for k in known}
    found: list[ProjectEvidence] = []
    for ref in iter_project_references(article.text, mentions, named, hosts, known):
        pid = ref.project.project_id
        found.append(
            ProjectEvidence(
                project_id=pid,
                name=canonical.get(pid, ref.project.name),
                alias=ref.alias,
                country=hosts.get(pid),
                mention=ref.mention,
                outlet=article.outlet,
                published=article.published,
                implicit=ref.implicit,
            )
        )
    return found


def store_projects(store: Store, evidence: Sequence[ProjectEvidence]) -> int:
    """Merge new evidence into the stored projects; how many projects were written."""
    by_id: dict[str, list[ProjectEvidence]] = {}
    for item in evidence:
        by_id.setdefault(item.project_id, []).append(item)
    if not by_id:
        return 0
    stored = store.get_projects(sorted(by_id))
    store.upsert_projects(
        [
            build_project(pid, items[0].name, items, stored.get(pid))
            for pid, items in sorted(by_id.items())
        ]
    )
    return len(by_id)


# An undated cluster is compared with events of any date: the most recent this many.
UNDATED_CANDIDATES = 200


def candidate_lookup(store: Store) -> CandidateLookup:
    """The linker's view of the store: events of the type group (AGREE with SUPPORT, ...),
    in the date window or undated; for an undated cluster, recent events of any date."""

    def lookup(
        event_type: str, countries: Sequence[str], around: dt.date | None, window_days: int
    ) -> list[Event]:
        # exactly the cluster's countries: matching vetoes any other set (matching.veto), so
        # only these can be joined, and they are one range of the (type, countries) index
        return store.candidate_events(
            group_of(event_type),
            countries,
            around,
            window_days,
            with_undated=True,
            limit=UNDATED_CANDIDATES if around is None else None,
            same_countries=True,
        )

    return lookup


def with_contradictions(
    store: Store, article: Article, mentions: Sequence[Mention], events: Sequence[Event]
) -> list[Event]:
    """The events with the disagreements between all their reports: the stored mentions of
    each event and this article's (link/contradictions.py)."""
    by_event: dict[str, list[Mention]] = {e.id: [] for e in events}
    for m in store.mentions_for_events(sorted(by_event)):
        if m.doc_id != article.id and m.event_id in by_event:
            by_event[m.event_id].append(m)
    for m in mentions:
        if m.event_id in by_event:
            by_event[m.event_id].append(m)
    docs = sorted({m.doc_id for found in by_event.values() for m in found} - {article.id})
    outlets = {**store.outlets_of(docs), article.id: article.outlet}
    return [
        e.model_copy(update={"contradictions": find_contradictions(by_event[e.id], outlets)})
        for e in events
    ]


def original_events(store: Store, doc_id: str) -> list[Event]:
    """The events an article's mentions belong to (by its mentions: an index lookup)."""
    ids = sorted({m.event_id for m in store.mentions_for_article(doc_id) if m.event_id})
    return [e for e in map(store.get_event, ids) if e is not None]


def store_coded(store: Store, coded: Coded, settings: Settings) -> tuple[int, int]:
    """Link a coded article to the events already stored and write it; (mentions, events).
    A copy or translation of a stored article joins its original's events first."""
    signature = dedup.make_signature(coded.article, coded.mentions)
    nearby = store.nearby_signatures(
        coded.article.published,
        dedup.WINDOW_DAYS,
        bands=signature.bands,
        language=signature.language,
    )
    original = dedup.find_original(
        signature, ((i, dedup.Signature.from_json(s)) for i, s in nearby if i != coded.article.id)
    )
    copied = original_events(store, original.original) if original else []
    mentions, events = link_article(
        coded.article,
        coded.mentions,
        candidate_lookup(store),
        settings.link.date_window_days,
        original_events=copied,
    )
    events = with_contradictions(store, coded.article, mentions, events)
    linked = {m.id: m for m in mentions}
    with store.transaction(f"cannot store article {coded.article.id!r}"):
        store.add_article(coded.article)
        store.record_copy(
            coded.article.id,
            signature.to_json(),
            original.original if original else None,
            original.kind if original else None,
        )
        store.replace_mentions(coded.article.id, mentions)
        store.upsert_events(events)
        store_projects(
            store,
            [replace(e, mention=linked.get(e.mention.id, e.mention)) for e in coded.projects],
        )
    return len(mentions), len(events)


def settle_names(store: Store, registry: ActorRegistry, coded: Coded) -> Coded:
    """Tie the names the gazetteer left open to the registry's actors (in the parent, in
    article order) and log the new actors and the ties that were not exact."""
    settled = settle_spans(registry, coded.actors, coded.article.id)
    for d in settled.decisions:
        if d.actor_id is not None:
            store.add_actor_decision(
                d.name,
                d.actor_id,
                d.method,
                d.score,
                d.reason,
                kind=d.kind,
                country=d.country,
                article_id=d.article_id,
            )
    mentions = relabel_mentions(coded.mentions, settled, registry, coded.article.published)
    return replace(coded, mentions=mentions)


def iter_new_articles(
    items: Iterable[Article | Failure], store: Store, report: RunReport, progress: Progress
) -> Iterator[Article]:
    """Pass on articles not yet stored; record failures and skips in the report."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            store.add_failure(item)
            report.failures.append(item)
            progress("failed", item.item)
            continue
        report.read += 1
        if item.id in seen or store.has_article(item.id):
            report.skipped += 1
            progress("skipped", item.id)
            continue
        seen.add(item.id)
        yield item


def decision_of(d: StoredDecision) -> Decision:
    """The registry's record of a stored decision (old rows' notes are read by its replay)."""
    fields = (d.name, d.actor_id, d.method, d.score, d.reason, d.kind, d.country, d.article_id)
    return Decision(*fields)


def load_registry(store: Store) -> ActorRegistry:
    """The package actors with the store's decision log replayed, as ingest sees them."""
    return build_registry((decision_of(d), d.undone) for d in store.actor_decisions())


def run(
    items: Iterable[Article | Failure],
    store: Store,
    settings: Settings | None = None,
    workers: int = 1,
    progress: Progress = no_progress,
) -> RunReport:
    """Code, link and store articles not yet in the store; record every failure."""
    settings = settings or Settings()
    report = RunReport()
    articles = iter_new_articles(items, store, report, progress)
    log = store.actor_decisions()
    merges = follow_merges(
        {d.name: d.actor_id for d in log if d.method == "merge" and not d.undone}
    )
    # built before the workers start, so that forked workers share the loaded tables
    registry = build_registry((decision_of(d), d.undone) for d in log)
    for result in iter_mapped(partial(code_article, settings), articles, workers=workers):
        if isinstance(result, Coded):
            result = settle_names(store, registry, result)
        if isinstance(result, Coded) and merges:
            result = replace(result, mentions=apply_merges(result.mentions, merges))
        if isinstance(result, Failure):
            # the article stays unstored, so a later run (with a fixed model or coder) retries it
            store.add_failure(result)
            report.failures.append(result)
            progress("failed", result.item)
            continue
        n_mentions, n_events = store_coded(store, result, settings)
        report.stored += 1
        report.mentions += n_mentions
        report.events += n_events
        progress("stored", result.article.id)
    return report


def ingest(
    sources: Sequence[str | Path],
    store: Store,
    settings: Settings | None = None,
    workers: int = 1,
    progress: Progress = no_progress,
) -> RunReport:
    """Read files, directories, feeds and URLs into the store."""
    settings = settings or Settings()
    items = iter_articles(sources, settings.ingest, lambda item: progress("read", item))
    return run(items, store, settings, workers, progress)
