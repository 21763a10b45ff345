"""The Resolver: every stretch of an article that names an actor, tied to country and sector.

Steps: match gazetteer aliases over the tokens (longest first); let the article settle
ambiguous ones (context.py); join country words with agent nouns and names (compose.py);
finally give named entities the gazetteer does not know a span of their own (via "ner"),
with a country only when a demonym or country inside them says so.
"""

from __future__ import annotations

from dataclasses import replace

from bilat.errors import BilatError
from bilat.models import ActorKind, ActorSpan, EntitySpan, ParsedDoc
from bilat.resolve.actors import leader_names, leader_surnames, load_leaders
from bilat.resolve.aliases import normal_key
from bilat.resolve.compose import Composer
from bilat.resolve.context import ArticleContext, choose_entry
from bilat.resolve.found import LOCATIVES, MODIFIER_ROLES, POSSESSIVES, AgentAt, Found
from bilat.resolve.gazetteer import Agent, Gazetteer, GazetteerEntry
from bilat.resolve.geo import Geocoder
from bilat.resolve.junknames import is_junk_name
from bilat.resolve.matcher import build_keyseq
from bilat.resolve.names import slug
from bilat.resolve.story import add_story_agents

NER_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
}
PLACE_LABELS = frozenset({"GPE", "LOC"})
# After these a capital is where something happens, not the government acting.
SPAN_VIA = {"state": "alias", "capital": "metonym", "descriptor": "metonym"}
_LEADING_SKIP = frozenset({"DET"})
# Water bodies named after a place ("the Taiwan Strait", "the Sea of Japan") are no state.
WATER_WORDS = frozenset("strait straits sea gulf bay channel estrecho mar golfo".split())


class Resolver:
    """Finds actor spans in parsed articles; one instance serves many articles."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()

    def find_actors(self, doc: ParsedDoc, text: str) -> list[ActorSpan]:
        """Actor spans of one article, sorted by start and never overlapping;
        `span.text == text[span.start:span.end]` always."""
        if not doc.tokens:
            return []
        if doc.tokens[-1].end > len(text):
            raise BilatError(
                f"article {doc.article_id}: the parse does not fit the text "
                f"({doc.tokens[-1].end} > {len(text)} characters); parse this text again"
            )
        seq = build_keyseq(doc)
        first_key: dict[int, int] = {}
        for k, tok in enumerate(seq.token):
            if seq.keys[k] is not None and seq.first[k]:
                first_key.setdefault(tok, k)
        language = doc.language or None

        agents_seen: dict[int, tuple[int, Agent] | None] = {}

        def agent_at(t: int) -> tuple[int, Agent] | None:
            if t in agents_seen:
                return agents_seen[t]
            k = first_key.get(t)
            m = self.gazetteer.agents.match_at(seq, k) if k is not None else None
            found = None
            if m is not None:
                agents = [a for a in m.payloads if a.language == language] or list(m.payloads)
                found = (seq.token[m.end - 1] + 1, agents[0])
            agents_seen[t] = found
            return found

        matches = list(self.gazetteer.index.iter_matches(seq))
        ctx = ArticleContext.build(matches, seq, language)
        found: list[Found] = []
        for m in matches:
            entry = choose_entry(m, seq, doc, ctx, lambda t: agent_at(t) is not None)
            if entry is not None:
                found.append(_found(entry, seq.token[m.start], seq.token[m.end - 1] + 1, doc))
        names: dict[int, EntitySpan] = {}
        for ent in doc.entities:
            if ent.label in NER_KINDS and ent.label not in PLACE_LABELS:
                names[_content_start(doc, ent)] = ent
        composer = Composer(doc, found, agent_at, names)
        composer.run()
        _add_entities(composer, doc, agent_at)
        add_story_agents(composer, doc, agent_at)
        cuts = {seq.token[k]: seq.possessive[k] for k in range(len(seq)) if seq.possessive[k]}
        spans = _to_spans(sorted(composer.found, key=lambda f: f.start), doc, text, cuts)
        spans = [s for s in spans if not _names_water(doc, s)]
        countries = {s.country for s in spans if s.kind == "state" and s.country}
        return [
            _as_leader(s, countries)
            if s.via == "ner" and s.kind == "person"
            else _city_or_leader(s, countries)
            if s.via == "ner" and s.kind == "place" and s.country is None
            else s
            for s in spans
        ]


def _found(entry: GazetteerEntry, start: int, end: int, doc: ParsedDoc) -> Found:
    sector = entry.sector
    if entry.via == "capital" and start > 0 and doc.tokens[start - 1].text.lower() in LOCATIVES:
        sector = None
    return Found(
        start,
        end,
        entry.actor_id,
        entry.kind,
        entry.country,
        sector,
        "group" if entry.members and entry.via == "state" else SPAN_VIA.get(entry.via, entry.via),
        entry.via,
        members=entry.members,
    )


def _content_start(doc: ParsedDoc, ent: EntitySpan) -> int:
    t = ent.token_start
    while t < ent.token_end - 1 and doc.tokens[t].pos in _LEADING_SKIP:
        t += 1
    return t


def _add_entities(composer: Composer, doc: ParsedDoc, agent_at: AgentAt) -> None:
    """Named entities the gazetteer missed: own span, country from a demonym inside."""
    for ent in doc.entities:
        kind = NER_KINDS.get(ent.label)
        if kind is None:
            continue
        start, end = _content_start(doc, ent), ent.token_end
        while end > start and doc.tokens[end - 1].pos == "PUNCT":
            end -= 1
        words = doc.tokens[start:end]
        if not words or not any(c.isupper() for t in words for c in t.text):
            continue
        written = " ".join(t.text for t in words)
        if is_junk_name(written):
            continue  # a capitalised function word or a stray code, not a name
        owned = composer.owned(start, end)
        ner_id = f"ner:{slug(written)}"
        if not owned:
            sector = _entity_sector(start, end, kind, agent_at)
            composer.add(Found(start, end, ner_id, kind, None, sector, "ner", "ner"))
            continue
        if any(o.members for o in owned):
            continue  # "the Benelux Union": a name for several states is not one state's
        inside = all(start <= o.start and o.end <= end for o in owned)
        bare = all(o.role in MODIFIER_ROLES and not o.composed for o in owned)
        if not (inside and bare) or ent.label in PLACE_LABELS:
            continue
        if sum(o.end - o.start for o in owned) == _name_end(doc, start, end) - start:
            continue  # "Caras Galadhon's mayor": the gazetteer's place, not a person's name
        countries = {o.country for o in owned}
        if len(countries) != 1:
            continue
        country = countries.pop()
        if kind == "person" and any(o.role != "demonym" for o in owned):
            country = None  # a person named after a place ("George Washington")
        sector = _entity_sector(start, end, kind, agent_at)
        composer.swap(owned, Found(start, end, ner_id, kind, country, sector, "ner", "ner"))


def _name_end(doc: ParsedDoc, start: int, end: int) -> int:
    """The end of an entity's name without a possessive ending the model took in with it."""
    while end > start and doc.tokens[end - 1].text.lower() in POSSESSIVES:
        end -= 1
    return end


def _entity_sector(start: int, end: int, kind: str, agent_at: AgentAt) -> str | None:
    """An organisation's sector from an agent noun inside it ("Ministry of Digital
    Development" -> GOV); a person's from a title right before the name."""
    if kind == "organization":
        for t in range(start, end):
            hit = agent_at(t)
            if hit is not None and hit[0] <= end and hit[1].sector:
                return hit[1].sector
    if kind == "person":
        for s in range(max(0, start - 4), start):
            hit = agent_at(s)
            if hit is not None and hit[0] == start and hit[1].sector:
                return hit[1].sector
    return None


def _as_leader(span: ActorSpan, countries: set[str]) -> ActorSpan:
    """A person the gazetteer lacks but a Phoenix leader's full name or alias fits, as that
    leader ("Obama" -> Barack Obama, USA, GOV); a bare surname several leaders share gets
    only their country and sector, and only when the article names that country ("Dos
    Santos" in a report on Angola); a surname one leader alone bears is that leader after a
    title of the leader's sector. Package data only, so the same in every process."""
    key = normal_key(span.text)
    ids = leader_names().get(key)
    if ids is not None and len(ids) == 1:
        leader = load_leaders()[next(iter(ids))]
        if span.country in (None, leader.country):
            return replace(
                span,
                actor_id=leader.actor_id,
                country=leader.country,
                sector=span.sector or leader.sector,
                via="leader",
            )
        return span
    owners = leader_surnames().get(key) if len(key.split()) <= 2 else None
    if span.country is not None or not owners:
        return span
    titled = _titled_leader(span, owners)
    if titled is not None:
        return titled
    leaders = [
        lead for lead in map(load_leaders().__getitem__, owners) if lead.country in countries
    ]
    places = {leader.country for leader in leaders}
    sectors = {leader.sector for leader in leaders}
    if len(places) != 1:
        return span
    return replace(
        span,
        country=places.pop(),
        sector=span.sector or (sectors.pop() if len(sectors) == 1 else None),
        via="ner",
    )


def _city_or_leader(span: ActorSpan, countries: set[str]) -> ActorSpan:
    """A place the NER found and no actor table knows: a Phoenix leader's name misread
    (_misread_leader), else a GeoNames city in its country ("shelled a hospital in Kherson":
    UKR; geo.Geocoder.country_of says when a name is too ambiguous to tell)."""
    leader = _misread_leader(span)
    if leader is not span:
        return leader
    country = Geocoder.load().country_of(span.text, sorted(countries))
    return span if country is None else replace(span, country=country)


def _misread_leader(span: ActorSpan) -> ActorSpan:
    """'After talks with Blinken, Erdogan agreed': a name the NER read as a place but no
    place table knows, that is one Phoenix leader's name or alias, as that leader."""
    ids = leader_names().get(normal_key(span.text))
    if ids is None or len(ids) != 1:
        return span
    leader = load_leaders()[next(iter(ids))]
    return replace(
        span,
        kind="person",
        actor_id=leader.actor_id,
        country=leader.country,
        sector=leader.sector,
        via="leader",
    )


def _titled_leader(span: ActorSpan, owners: frozenset[str]) -> ActorSpan | None:
    """A surname only one Phoenix leader bears, after a title of that leader's sector
    ("Prime Minister Modi"), as that leader even when the article never names the country:
    the title rules out the namesakes that are not leaders."""
    if len(owners) != 1 or span.sector is None:
        return None
    leader = load_leaders()[next(iter(owners))]
    if leader.sector != span.sector or leader.country is None:
        return None
    return replace(span, actor_id=leader.actor_id, country=leader.country, via="leader")


def _to_spans(
    found: list[Found], doc: ParsedDoc, text: str, cuts: dict[int, int]
) -> list[ActorSpan]:
    spans: list[ActorSpan] = []
    last_end = -1
    for f in found:
        if f.start >= f.end:
            continue
        start = doc.tokens[f.start].start
        end = doc.tokens[f.end - 1].end - cuts.get(f.end - 1, 0)
        if start < last_end or end <= start:
            continue
        spans.append(
            ActorSpan(
                start=start,
                end=end,
                text=text[start:end],
                actor_id=f.actor_id,
                kind=f.kind,
                country=f.country,
                sector=f.sector,
                token_start=f.start,
                token_end=f.end,
                via=f.via,
                members=f.members,
            )
        )
        last_end = end
    return spans


def _names_water(doc: ParsedDoc, span: ActorSpan) -> bool:
    """Whether the span is a place's name inside a water body's ("the Taiwan Strait", "the
    South China Sea", "the Gulf of Oman", "el estrecho de Ormuz"): a sea is not its state."""
    if span.kind not in ("state", "place"):
        return False
    toks = doc.tokens
    last = toks[span.token_end - 1].text.lower()
    after = toks[span.token_end].text if span.token_end < len(toks) else ""
    if last in WATER_WORDS or (after[:1].isupper() and after.lower() in WATER_WORDS):
        return True
    # "the Sea of Japan", "el mar de China": the water word heads an "of" phrase
    before = [t.text.lower() for t in toks[max(0, span.token_start - 2) : span.token_start]]
    return len(before) == 2 and before[0] in WATER_WORDS and before[1] in ("of", "de", "del")
