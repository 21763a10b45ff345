"""Names the gazetteer does not settle, tied to actors through the registry in article order.

Worker processes find spans from package data alone (resolver.py), so they give the same
result in any process. The names they leave open ("ner" spans) are settled here, in the
parent process and in input order, against the actors that earlier articles (and earlier
runs on the same store) created: 1 and 2 workers store the same ids. New actors and ties
made by anything but the exact name are kept as decisions with the kind, country and
article they were read with, so the store can replay them (registry.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from bilat.models import ActorRef, ActorSpan, Mention
from bilat.resolve.registry import STRONG_METHODS, ActorRegistry, Decision
from bilat.resolve.roles import ActorLookup, apply_roles

# The resolver's mark on a span it found by named-entity recognition alone.
OPEN_VIA = "ner"
SWAPPED_KINDS = frozenset({"person", "organization"})
TIE_METHODS = frozenset({"exact", "person", "loose", "acronym", "surname", "fuzzy"})


@dataclass(frozen=True, slots=True)
class Settled:
    """What one article's open names became: span id -> canonical id, and the decisions to
    keep (new actors, ties by person form, word order, surname, fuzzy match, ...)."""

    ids: dict[str, str]
    decisions: list[Decision]


def build_registry(log: Iterable[tuple[Decision, bool]]) -> ActorRegistry:
    """The package actors with a store's log of (decision, undone) replayed in order."""
    registry = ActorRegistry()
    registry.replay(d for d in map(replayed, log) if d is not None)
    return registry


def replayed(logged: tuple[Decision, bool]) -> Decision | None:
    """What a logged decision means now: itself; nothing once undone; but an undone tie of
    a name to an actor is a split (the name is not that actor), so it is not made again."""
    decision, undone = logged
    if not undone:
        return decision
    if decision.method in TIE_METHODS and decision.actor_id is not None:
        return replace(decision, method="split", reason=f"undone: {decision.reason}")
    return None


def settle_spans(registry: ActorRegistry, spans: Sequence[ActorSpan], article_id: str) -> Settled:
    """Resolve the article's open spans in text order; the actors it names already (and the
    ones settled before) decide a bare surname."""
    context = [s.actor_id for s in spans if s.via != OPEN_VIA]
    ids: dict[str, str] = {}
    kept: list[Decision] = []
    for span in spans:
        if span.via != OPEN_VIA or span.actor_id in ids:
            continue
        found = registry.resolve(span.text, kind_of(registry, span), span.country, context)
        if found.actor_id is None:
            continue  # ambiguous: the span keeps its own id rather than a guess
        ids[span.actor_id] = found.actor_id
        context.append(found.actor_id)
        # an exact form adds no name to the index, unless it carried an acronym
        if found.method != "exact" or "(" in span.text:
            kept.append(replace(found, kind=span.kind, country=span.country, article_id=article_id))
    return Settled(ids, kept)


def kind_of(registry: ActorRegistry, span: ActorSpan) -> str:
    """The span's kind, unless the name itself is a known actor of a kind its recognizer
    confuses with it (a person taken for an organisation, or the other way round)."""
    if span.kind not in SWAPPED_KINDS:
        return span.kind
    known = registry.lookup(span.text, None, span.country)
    info = registry.info(known.actor_id) if known.actor_id else None
    if known.method in STRONG_METHODS and info is not None and info.kind in SWAPPED_KINDS:
        return info.kind
    return span.kind


def relabel_mentions(
    mentions: Sequence[Mention],
    settled: Settled,
    registry: ActorRegistry,
    published: dt.date | None,
) -> list[Mention]:
    """Mentions whose open actors carry their canonical id (and the country and sector the
    actor has when the text gave none); persons then get the sector of their role."""
    if not settled.ids:
        return list(mentions)
    known = ActorLookup()

    def relabel(ref: ActorRef) -> ActorRef:
        target = settled.ids.get(ref.actor_id) if ref.actor_id else None
        if target is None:
            return ref
        info = registry.info(target)
        actor = known.get(target)
        return ref.model_copy(
            update={
                "actor_id": target,
                "country": ref.country or (info.country if info else None),
                "sector": ref.sector or (actor.sector if actor else None),
            }
        )

    relabelled = [
        m.model_copy(
            update={
                "actor": [relabel(r) for r in m.actor],
                "recipient": [relabel(r) for r in m.recipient],
            }
        )
        for m in mentions
    ]
    return apply_roles(relabelled, published)
