"""Cross-article matching: does a new article's cluster of mentions report a stored event?

Blocking (what the store is asked for): the cluster's countries (all of them), the event
type group (TYPE_GROUPS) and a date window; the most recent undated events too.

Vetoes (checked first; any one keeps the two apart, whatever the score):
* the countries differ, the draft is historical background, or the type groups differ;
* both dates are known and lie further apart than the window (two donations a year apart);
* the stages differ: one side only delivered ("docked", "unloaded") and the other only
  promised ("will send", "pledged"); one "first" batch and the other a "new"/"second" round
  (also read from the cluster's lead alone: "a new donation" whose body recalls the first);
  one a statement ("said") about a deal and the other its signing ("signed").

Words are compared across languages (link/lexicon.py): folded, numbers normalised, Spanish
event words put into English, cut to a stem. Names are people, organisations, projects and
places, not the states themselves nor their capitals standing for them ("Havana").
Score (0..1) of what remains, with WEIGHTS:
* date 0.4 — 1 the same stated day, 0.6 stated dates agreeing to the month, 0.3 a
  publication date whose window holds the other date, 0.2 the same year only;
* content 0.5 — overlap coefficient of content words, raised (never lowered) by averaging
  with the overlap of names;
* figures 0.1 — 1 when a figure of the same unit agrees within 10%.
A draft joins the best-scoring candidate (ties: lowest id) when (1) the types are equal and
stated dates agree to the month (AUTO_JOIN_DATE), or both name one project (the resolver's
project id, or the folded name: "Cayo Digital" told as what it "will be" in one outlet and
"would become" in another, one dated and one not), (2) the types are equal, the dates agree
only loosely (a publication date, a year) and the content reaches LOOSE_CONTENT, or (3) the
text overlap reaches MIN_TEXT and the content MIN_CONTENT or the score THRESHOLD: a mention
with no date joins a dated event only when everything else agrees strongly. A copy or a
translation (link/dedup.py) joins its original's events first (joins_original).
Deterministic: no randomness, candidates in id order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.link.lexicon import fold, iter_words
from bilat.link.stages import (
    SOFT_DATE,
    compatible,
    date_range,
    days_apart,
    mention_stages,
    pick_date,
    stage_veto,
)
from bilat.models import ActorRef, Event, Figure, Mention

TYPE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"CONSULT"}),
    frozenset({"AGREE", "SUPPORT"}),
    frozenset({"AID", "COOPERATE"}),
)
WEIGHTS = {"date": 0.4, "content": 0.5, "figures": 0.1}
THRESHOLD = 0.5
MIN_TEXT = 0.45
MIN_CONTENT = 0.4
AUTO_JOIN_DATE = 0.6  # same type and stated dates agreeing to the month: the first rule
LOOSE_DATE = 0.2  # a publication date's window or the same year only: content must agree
LOOSE_CONTENT = 0.3
PROJECT = "project:"  # names of projects in a profile start with this
MAX_KEYWORDS = 60  # an event's profile keeps its most frequent words: a big event would
# otherwise overlap with everything

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZÁÉÍÓÚÑ][\w'-]+)", re.UNICODE)


def group_of(event_type: str) -> tuple[str, ...]:
    """The event types blocked together with `event_type`, sorted."""
    for group in TYPE_GROUPS:
        if event_type in group:
            return tuple(sorted(group))
    return (event_type,)


def stands_for_state(r: ActorRef) -> bool:
    """A state or its capital as a metonym ("Havana" for Cuba): blocking compared it already."""
    return r.kind in (None, "state") or (r.actor_id or "").endswith("-capital")


def country_words(m: Mention) -> set[str]:
    """Words naming the states themselves ("Russian", "Cuba"): blocking already compared them."""
    refs = (*m.actor, *m.recipient)
    return {w for r in refs if stands_for_state(r) for w in iter_words(r.text)}


def mention_keywords(m: Mention) -> list[str]:
    leave_out = country_words(m)
    return [w for w in iter_words(m.event_text) if w not in leave_out]


def mention_names(m: Mention) -> set[str]:
    """Named people, organisations, projects and places, folded; states left out."""
    leave_out = country_words(m)
    named = [r for r in (*m.actor, *m.recipient) if not stands_for_state(r)]
    # the id where resolution found one, and the words of the name, which an article
    # that left the name unresolved still shares
    names = {fold(r.actor_id or r.text) for r in named} | project_names(m)
    names |= {w for r in named for w in iter_words(r.text) if w not in leave_out}
    if m.event_loc is not None:
        names |= {w for w in iter_words(m.event_loc.text) if w not in leave_out}
    for match in _CAPITALISED.finditer(m.event_text):
        word = next(iter(iter_words(match.group(1))), None)
        if word and word not in leave_out:
            names.add(word)
    return names


def project_names(m: Mention) -> set[str]:
    """The projects the mention's parties name, each as "project:<id>" (the resolver's id
    where it gave one): two reports naming one project most likely tell of one undertaking."""
    refs = [r for r in (*m.actor, *m.recipient) if r.kind == "project"]
    return {PROJECT + fold(r.actor_id or r.text).removeprefix(PROJECT) for r in refs}


def shared_projects(a: Profile, b: Profile) -> set[str]:
    return {n for n in a.names & b.names if n.startswith(PROJECT)}


@dataclass(frozen=True)
class Profile:
    """What matching compares: one article's cluster or one stored event."""

    event: str
    countries: frozenset[str]
    date: str | None
    keywords: frozenset[str]
    names: frozenset[str]
    stages: frozenset[str]
    figures: tuple[Figure, ...]
    soft: bool = False  # the date is the publication date, not one the text states
    lead: frozenset[str] = frozenset()  # stages of the mention that founded the cluster


def profile_mentions(mentions: Sequence[Mention]) -> Profile:
    first = mentions[0]
    date, soft = pick_date(mentions)
    countries = frozenset(first.countries("actor")) | frozenset(first.countries("recipient"))
    return Profile(
        event=first.event,
        countries=countries,
        date=date,
        keywords=frozenset(top_keywords(mentions)),
        names=frozenset().union(*(mention_names(m) for m in mentions)),
        stages=frozenset().union(*(mention_stages(m) for m in mentions)) - {SOFT_DATE},
        figures=tuple(f for m in mentions for f in m.figures),
        soft=soft,
        lead=frozenset(mention_stages(first)) - {SOFT_DATE},
    )


def profile_event(event: Event) -> Profile:
    return Profile(
        event=event.event,
        countries=frozenset(event.actor_countries) | frozenset(event.recipient_countries),
        date=event.date,
        keywords=frozenset(event.keywords),
        names=frozenset(event.names),
        stages=frozenset(event.stages) - {SOFT_DATE},
        figures=tuple(event.figures),
        soft=SOFT_DATE in event.stages,
    )


def top_keywords(mentions: Sequence[Mention], base: Sequence[str] = ()) -> list[str]:
    """The MAX_KEYWORDS most frequent content words (ties alphabetical): deterministic."""
    counts = Counter(base)
    for m in mentions:
        counts.update(set(mention_keywords(m)))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return sorted(w for w, _ in ranked[:MAX_KEYWORDS])


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def date_score(a: Profile, b: Profile, window_days: int = 7) -> float:
    """1 the same stated day, 0.6 compatible stated dates (month or better), 0.3 a soft date
    whose window holds the other, 0.2 the same year only; 0 otherwise or when unknown."""
    if not a.date or not b.date:
        return 0.0
    if not a.soft and not b.soft:
        if not compatible(a.date, b.date):
            return 0.0
        if a.date == b.date and len(a.date) == 10:
            return 1.0
        return 0.6 if min(len(a.date), len(b.date)) >= 7 else 0.2
    ra, rb = date_range(a.date, a.soft, window_days), date_range(b.date, b.soft, window_days)
    if ra is None or rb is None or ra[0] > rb[1] or rb[0] > ra[1]:
        return 0.0
    return 0.3


def figures_agree(a: Sequence[Figure], b: Sequence[Figure]) -> bool:
    return any(
        x.unit == y.unit and x.value and abs(x.value - y.value) <= 0.1 * abs(x.value)
        for x in a
        for y in b
    )


def veto(draft: Profile, event: Profile, window_days: int) -> str | None:
    """Why the draft cannot be the stored event, or None."""
    if draft.countries != event.countries:
        return "different countries"
    if group_of(draft.event) != group_of(event.event):
        return "different type group"
    if draft.date and event.date and not compatible(draft.date, event.date):
        apart = days_apart(draft.date, event.date)
        if apart is None or apart > window_days:
            return "dates too far apart"
    # the lead (a headline: "a new donation") says which happening the article is about;
    # later sentences may recall the earlier stage it follows
    return stage_veto(draft.stages, event.stages) or stage_veto(
        draft.lead or draft.stages, event.stages
    )


def content(draft: Profile, event: Profile) -> float:
    """How much the two say alike: text overlap, raised by averaging with name overlap when
    both sides name someone or somewhere. Names never lower it: Spanish does not capitalise
    what English does ("cubana", "Cuban"), so names missing on one side say little."""
    text = overlap(draft.keywords, event.keywords)
    if not draft.names or not event.names:
        return text
    return max(text, (text + overlap(draft.names, event.names)) / 2)


def score(draft: Profile, event: Profile) -> float:
    parts = {
        "date": date_score(draft, event),
        "content": content(draft, event),
        "figures": float(figures_agree(draft.figures, event.figures)),
    }
    return sum(WEIGHTS[k] * v for k, v in parts.items())


def joins(draft: Profile, event: Profile, window_days: int) -> bool:
    """Stated dates that agree to the month join the same type outright (the first
    version's rule); a date known only loosely (a publication date, a year) needs some
    content in common too; no date agreement at all needs strong content."""
    if veto(draft, event, window_days) is not None:
        return False
    when = date_score(draft, event, window_days)
    if draft.event == event.event and when >= AUTO_JOIN_DATE:
        return True
    if draft.event == event.event and shared_projects(draft, event):
        return True  # one named project, one type, no date or stage apart: one undertaking
    if draft.event == event.event and when >= LOOSE_DATE and content(draft, event) >= LOOSE_CONTENT:
        return True
    if overlap(draft.keywords, event.keywords) < MIN_TEXT:
        return False
    return content(draft, event) >= MIN_CONTENT or score(draft, event) >= THRESHOLD


def joins_original(draft: Profile, event: Profile, window_days: int) -> bool:
    """A copy or translation restates its original: an event of the original with the same
    countries, type and no disagreeing date or stage is the one it tells; another type of
    the group (a coder's reading of a translated verb) needs some content in common."""
    if veto(draft, event, window_days) is not None:
        return False
    return draft.event == event.event or content(draft, event) >= LOOSE_CONTENT


def choose_original_event(
    draft: Profile, candidates: Sequence[Event], window_days: int
) -> Event | None:
    """The event of the copied article the draft restates (same type first, then the
    best score, then the lowest id), or None."""
    ranked = sorted(
        (e for e in candidates if joins_original(draft, profile_event(e), window_days)),
        key=lambda e: (e.event != draft.event, -score(draft, profile_event(e)), e.id),
    )
    return ranked[0] if ranked else None


def choose_event(draft: Profile, candidates: Sequence[Event], window_days: int) -> Event | None:
    """The stored event the draft reports (best score, then lowest id), or None."""
    best: tuple[float, str] | None = None
    chosen: Event | None = None
    for event in sorted(candidates, key=lambda e: e.id):
        other = profile_event(event)
        if not joins(draft, other, window_days):
            continue
        key = (score(draft, other), event.id)
        if best is None or key[0] > best[0]:
            best, chosen = key, event
    return chosen
