"""The role at the article's date codes the sector: mentions' person actors re-coded by date.

A person's sector in an event is the one of the office held on the day the event happened
(the mention's date, else the article's publication date): "Medvedev" acting in 2003 is an
elite (ELI), in 2010 the government (GOV). The coder's sector is kept when it read one from
the text that differs from the actor's default; only an empty sector, or the default the
gazetteer gives every mention of the actor, is replaced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence

from bilat.models import ActorRef, Mention
from bilat.resolve.actors import Actor, Role, load_actors, load_leaders

# The Phoenix leader dictionaries were last dated in 2011 (a handful of later entries): an
# open-ended Phoenix role is known to hold until then, not today. Later days fall back to
# the curated sector, which the team keeps current ("Esteban Lazo" LEG since 2013).
PHOENIX_HORIZON = dt.date(2011, 12, 31)


def parse_day(date: str | None) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY as coded -> its first day; None when absent or odd."""
    if not date:
        return None
    parts = date.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        return dt.date(numbers[0], *[*numbers[1:], 1, 1][:2])
    except (ValueError, IndexError):
        return None


def holds(role: Role, day: dt.date) -> bool:
    """Whether a dated role covers `day`; an open Phoenix role only up to its horizon."""
    if not role.dated or role.sector is None or not role.covers(day):
        return False
    stale = role.end is None and role.source.startswith("phoenix:")
    return not (stale and day > PHOENIX_HORIZON)


def dated_sector(actor: Actor, day: dt.date | None) -> str | None:
    """The sector of the narrowest dated role the actor held on `day`, else its default."""
    if day is None:
        return actor.sector
    held = [r for r in actor.roles if holds(r, day)]
    if not held:
        return actor.sector
    narrowest = min(held, key=span_days)
    return narrowest.sector


def span_days(role: Role) -> int:
    return ((role.end or dt.date.max) - (role.start or dt.date.min)).days


def recode_ref(ref: ActorRef, day: dt.date | None, actors: Mapping[str, Actor]) -> ActorRef:
    """The ref with the sector of the role its person held on `day` (see module doc)."""
    actor = actors.get(ref.actor_id) if ref.actor_id else None
    if actor is None or actor.kind != "person" or not any(r.dated for r in actor.roles):
        return ref
    if ref.sector and ref.sector != actor.sector:
        return ref  # the text said what the person was acting as
    sector = dated_sector(actor, day)
    if sector is None or sector == ref.sector:
        return ref
    return ref.model_copy(update={"sector": sector})


def apply_roles(
    mentions: Sequence[Mention],
    published: dt.date | None,
    actors: Mapping[str, Actor] | None = None,
) -> list[Mention]:
    """Mentions whose person actors carry the sector of the role held at the mention's date
    (else `published`); `actors` defaults to the package's canonical actors."""
    known = ActorLookup() if actors is None else actors
    coded: list[Mention] = []
    for m in mentions:
        day = parse_day(m.date) or published
        actor = [recode_ref(r, day, known) for r in m.actor]
        recipient = [recode_ref(r, day, known) for r in m.recipient]
        if actor == m.actor and recipient == m.recipient:
            coded.append(m)
        else:
            coded.append(m.model_copy(update={"actor": actor, "recipient": recipient}))
    return coded


class ActorLookup(Mapping[str, Actor]):
    """The curated actors, then the Phoenix leaders; the leaders (a second or so to load)
    only once a person id is not curated."""

    def __getitem__(self, actor_id: str) -> Actor:
        found = load_actors().get(actor_id)
        if found is None and actor_id.startswith("person:"):
            found = load_leaders().get(actor_id)
        if found is None:
            raise KeyError(actor_id)
        return found

    def __iter__(self) -> Iterator[str]:
        yield from load_actors()
        yield from (k for k in load_leaders() if k not in load_actors())

    def __len__(self) -> int:
        return sum(1 for _ in self)


def follow_merges(redirect: Mapping[str, str]) -> dict[str, str]:
    """Each merged id -> the id it ends at (merges may chain: a into b, b into c)."""
    final: dict[str, str] = {}
    for start in redirect:
        seen = {start}
        target = redirect[start]
        while target in redirect and target not in seen:
            seen.add(target)
            target = redirect[target]
        final[start] = target
    return final


def apply_merges(mentions: Sequence[Mention], redirect: Mapping[str, str]) -> list[Mention]:
    """Mentions whose actor ids follow the merges made by hand (`bilat actors merge`), so
    that articles read after a merge store the kept id."""
    if not redirect:
        return list(mentions)

    def moved(refs: Sequence[ActorRef]) -> list[ActorRef]:
        out: list[ActorRef] = []
        for r in refs:
            target = redirect.get(r.actor_id) if r.actor_id else None
            out.append(r.model_copy(update={"actor_id": target}) if target else r)
        return out

    return [
        m.model_copy(update={"actor": moved(m.actor), "recipient": moved(m.recipient)})
        for m in mentions
    ]
