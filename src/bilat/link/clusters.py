"""Mention -> Event clustering: restatements within an article, and the same happening
across articles.

Across articles, link/matching.py decides (blocking, vetoes for look-alikes, a scored
match): a mention with no date joins a stored event only when its words and names agree
strongly; look-alike happenings a year apart never meet. Deterministic: the same mentions
in the same order always give the same event ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bilat.link import matching
from bilat.link.stages import SOFT_DATE, mention_stages, pick_date
from bilat.models import Article, Event, Figure, Mention, stable_id

# (event type, countries, around, window days) -> events already stored
CandidateLookup = Callable[[str, Sequence[str], dt.date | None, int], list[Event]]

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    "a an the of and or to in on at for with by from as is was were be been has have had "
    "that this its it their his her said says will would also after before over into "
    "el la los las de del y o a en con por para un una que se su sus es fue ha han al lo".split()
)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP)


def mention_words(m: Mention) -> frozenset[str]:
    """Content words of the evidence outside the actors' names: two sentences about the same
    delegation share its name, which says nothing about their being one happening."""
    names = set().union(*(content_words(a.text) for a in (*m.actor, *m.recipient)))
    return content_words(m.event_text) - names


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (a headline is short)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when both are known and one is a prefix of the other ("2025-09" ~ "2025-09-14")."""
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def parse_partial(value: str | None) -> dt.date | None:
    """The first day of a partial date: "2025" -> 2025-01-01, "2025-09" -> 2025-09-01."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def pair_of(m: Mention) -> frozenset[str]:
    return frozenset(m.countries("actor")) | frozenset(m.countries("recipient"))


def figures_conflict(a: Sequence[Figure], b: Sequence[Figure]) -> bool:
    """Within one article, a restatement does not change its money figures."""
    money_a = {f.unit: f.value for f in a if f.kind == "money"}
    return any(
        f.kind == "money" and f.unit in money_a and abs(money_a[f.unit] - f.value) > 0.02 * f.value
        for f in b
    )


@dataclass
class _Draft:
    """An event being assembled from one article's mentions."""

    event_id: str
    mentions: list[Mention]
    words: frozenset[str]

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    def date(self) -> str | None:
        dated = [m.date for m in self.mentions if m.date]
        return max(dated, key=len) if dated else None


def _compatible(draft: _Draft, m: Mention) -> bool:
    """Same type and standing, no disagreeing date or money figure."""
    first = draft.first
    if m.event != first.event or m.historical != first.historical:
        return False
    # a date the text states; a headline's or an undated sentence's publication date
    # says nothing about which happening it tells
    stated = [x.date for x in draft.mentions if x.date and x.date_text]
    d1 = max(stated, key=len) if stated else None
    d2 = m.date if m.date_text else None
    if d1 and d2 and not dates_compatible(d1, d2):
        return False
    return not any(figures_conflict(x.figures, m.figures) for x in draft.mentions)


def same_in_article(draft: _Draft, m: Mention, title_end: int) -> bool:
    first = draft.first
    if not _compatible(draft, m):
        return False
    in_title = all(x.text_info.end <= title_end for x in draft.mentions)
    if in_title and m.text_info.start > title_end:
        # A headline announces what the body then tells: its act is the first one of that
        # type between those countries; a short headline may name fewer of them.
        a = pair_of(first)
        return bool(a) and a <= pair_of(m)
    if pair_of(m) != pair_of(first):
        return False
    # A headline restated by the lead shares its key words; two separate meetings of the same
    # delegation in one article usually do not.
    needed = 0.34 if first.text_info.end <= title_end else 0.5
    return overlap(draft.words, mention_words(m)) >= needed


# Nouns that name a happening of each type: with a determiner or a possessor ("the visit",
# "Borisov's visit", "during the meeting") they point back to one already told.
_EVENT_NOUNS = {
    "CONSULT": r"visits?|meetings?|talks|trips?|tours?|conversations?|calls?|summits?"
    r"|encounters?|reuni[oó]n(?:es)?|visitas?|encuentros?|conversaci[oó]n(?:es)?",
    "AID": r"donations?|shipments?|deliver(?:y|ies)|aid|assistance|cargo(?:es)?"
    r"|donaci[oó]n(?:es)?|donativos?|env[ií]os?|ayuda",
    "SUPPORT": r"agreements?|accords?|deals?|treat(?:y|ies)|memorandum|acuerdos?|convenios?",
}
_DETERMINER = (
    r"(?:the|this|that|these|those|his|her|their|its|[A-Z][\w-]*['’]s"
    r"|el|la|los|las|este|esta|estos|estas|ese|esa|dich[oa]s?|su|sus)"
)
_BACK_REFERENCE = {
    event: re.compile(rf"\b{_DETERMINER}\s+(?:[\w-]+\s+)?(?:{nouns})\b", re.IGNORECASE)
    for event, nouns in _EVENT_NOUNS.items()
}
_FRAMING = re.compile(r"(?:^|\W)(?:during|at|in|amid|throughout|durante|en)\s*$", re.I)
# Triggers of travelling: the visits of one traveller to one host in one article are one trip.
_TRAVEL = re.compile(r"(?:visit|travel|trip|tour|journey|viaj|came|come|arriv|lleg)", re.I)


def _is_trip(m: Mention) -> bool:
    return m.event == "CONSULT" and bool(_TRAVEL.match(m.trigger_text()))


def _is_site_visit(m: Mention) -> bool:
    """'also visited a park, a gallery': the host side names places only, no one met."""
    return _is_trip(m) and all(r.kind == "place" for r in m.recipient if r.country)


# "this center", "dicho proyecto": a demonstrative and the head of a name told before
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|that|these|those|said|este|esta|estos|estas|dich[oa]s?)\s+(\w+)", re.I
)


def _proper_name_words(draft: _Draft) -> set[str]:
    """Capitalised words of the multi-word proper names (a project, an institution) the
    draft's actors and recipients carry; "Caribbean country" or "Cuban authorities" are
    descriptions, and their common nouns point back to nothing in particular."""
    words: set[str] = set()
    for ref in (r for x in draft.mentions for r in (*x.actor, *x.recipient)):
        capitals = [w for w in _WORD.findall(ref.text) if w[0].isupper()]
        if len(capitals) >= 2 and all(
            w[0].isupper() or w.lower() in _STOP for w in ref.text.split()
        ):
            words |= {w.lower() for w in capitals}
    return words


def names_back(draft: _Draft, m: Mention) -> bool:
    """Whether m's evidence points back with a demonstrative to a named thing of the draft:
    "built a Technology Center for Advanced Studies ... the plan for this center"."""
    named = _proper_name_words(draft)
    return bool(named) and any(
        found.group(1).lower() in named for found in _DEMONSTRATIVE.finditer(m.event_text)
    )


def refers_back(draft: _Draft, m: Mention) -> bool:
    """Whether m restates the happening of an earlier draft without saying so in words:
    a definite event noun ("during the meeting"), a demonstrative naming what the draft
    named ("this center"), another stop of the same trip, or a site visited on it. Only
    the same type, the same pair and no disagreeing date or figure."""
    if not _compatible(draft, m) or pair_of(m) != pair_of(draft.first):
        return False
    if names_back(draft, m):
        return True
    pattern = _BACK_REFERENCE.get(m.event)
    if pattern is not None and m.trigger is not None:
        for found in pattern.finditer(m.event_text):
            start, end = m.text_info.start + found.start(), m.text_info.start + found.end()
            # the noun is the trigger, or frames the act ("During the meeting, they
            # discussed"); "on the eve of the meeting" places another act beside it
            if start < m.trigger.end and m.trigger.start < end:
                return True
            if _FRAMING.search(m.event_text[: found.start()]):
                return True
    if _is_site_visit(m):
        return True
    # another stop of the same trip is told as of the same day ("had earlier travelled" is not)
    same_day = not (m.date and draft.date()) or m.date == draft.date()
    return same_day and _is_trip(m) and any(_is_trip(x) for x in draft.mentions)


def find_title_end(text: str) -> int:
    """End of the headline: a first line that does not end as a sentence does; a first line
    that is the lead sentence itself is no headline (-1)."""
    first = text.split("\n", 1)[0].rstrip()
    if "\n" not in text or not first or first[-1] in _SENTENCE_END:
        return -1
    return len(first)


_SENTENCE_END = frozenset('.!?"”’»:;')


def cluster_article(article: Article, mentions: Sequence[Mention]) -> list[_Draft]:
    title_end = find_title_end(article.text)
    drafts: list[_Draft] = []
    for m in sorted(mentions, key=lambda x: (x.text_info.start, x.id)):
        found = next((d for d in drafts if same_in_article(d, m, title_end)), None)
        if found is None:
            # a back-reference points to the latest happening of its kind
            found = next((d for d in reversed(drafts) if refers_back(d, m)), None)
        if found is not None:
            found.mentions.append(m)
            found.words = found.words | mention_words(m)
        else:
            drafts.append(_Draft(stable_id("event", m.id), [m], mention_words(m)))
    return drafts


def matches_stored(draft: _Draft, event: Event, window_days: int = 7) -> bool:
    """Whether the draft reports the stored event (rules and weights: link/matching.py)."""
    if draft.first.historical:
        return False
    return matching.joins(draft_profile(draft), matching.profile_event(event), window_days)


def draft_profile(draft: _Draft) -> matching.Profile:
    return matching.profile_mentions(draft.mentions)


def build_event(event_id: str, mentions: Sequence[Mention], base: Event | None) -> Event:
    actor = {c for m in mentions for c in m.countries("actor")}
    recipient = {c for m in mentions for c in m.countries("recipient")}
    date, soft = pick_date(mentions)
    figures = [f for m in mentions for f in m.figures]
    names = set().union(*(matching.mention_names(m) for m in mentions))
    stages = set().union(*(mention_stages(m) for m in mentions)) - {SOFT_DATE}
    if base is not None:
        actor |= set(base.actor_countries)
        recipient |= set(base.recipient_countries)
        base_soft = SOFT_DATE in base.stages
        # a date the text states beats the publication date; then the more specific one
        options = [(d, s) for d, s in ((date, soft), (base.date, base_soft)) if d]
        if options:
            date, soft = max(options, key=lambda o: (not o[1], len(o[0] or "")))
        figures = [*base.figures, *figures]
        names |= set(base.names)
        stages |= set(base.stages) - {SOFT_DATE}
    seen: set[tuple[float, str | None, str]] = set()
    unique = []
    for f in figures:
        key = (f.value, f.unit, f.text)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return Event(
        id=event_id,
        event=mentions[0].event if base is None else base.event,
        actor_countries=sorted(actor),
        recipient_countries=sorted(recipient),
        date=date,
        mention_ids=sorted({m.id for m in mentions} | set(base.mention_ids if base else [])),
        figures=unique,
        keywords=matching.top_keywords(mentions, base.keywords if base else ()),
        names=sorted(names),
        stages=sorted(stages | ({SOFT_DATE} if date and soft else set())),
        contradictions=list(base.contradictions) if base else [],
    )


def link_article(
    article: Article,
    mentions: Sequence[Mention],
    candidates: CandidateLookup,
    window_days: int = 7,
    original_events: Sequence[Event] = (),
) -> tuple[list[Mention], list[Event]]:
    """Give each mention an event id; return the mentions and the events to upsert.

    Each cluster of the article asks `candidates` for stored events of its type (the
    store's lookup may widen that to the type group), countries and date window (all
    dates when the cluster has none) and joins the best match, or founds an event.
    `original_events` are the events of the article this one copies or translates
    (link/dedup.py): a cluster that restates one of them joins it first, background
    included, whatever its wording."""
    linked: list[Mention] = []
    events: list[Event] = []
    taken: set[str] = set()  # two clusters of one article never report the same happening
    for draft in cluster_article(article, mentions):
        first = draft.first
        base: Event | None = None
        if original_events:
            base = matching.choose_original_event(
                draft_profile(draft),
                [e for e in original_events if e.id not in taken],
                window_days,
            )
        if base is None and not first.historical:
            date = draft.date()
            found = candidates(
                first.event, sorted(pair_of(first)), parse_partial(date), window_days
            )
            base = matching.choose_event(
                draft_profile(draft), [e for e in found if e.id not in taken], window_days
            )
        event_id = base.id if base else draft.event_id
        taken.add(event_id)
        linked.extend(m.model_copy(update={"event_id": event_id}) for m in draft.mentions)
        events.append(build_event(event_id, draft.mentions, base))
    return linked, events
