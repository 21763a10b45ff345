"""Canonical actors: stable id, kind, country, sector, aliases with language, dated roles.

The curated actors of data/actors.tsv are joined with the dated roles of the Phoenix leaders
(data/roles_phoenix.tsv, MIT): the role an actor held on an article's date codes its sector
("Medvedev" is GOV as Prime Minister in 2015 and ELI before 2005).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from bilat.models import stable_id
from bilat.resolve.aliases import normal_key, person_key
from bilat.resolve.names import slug
from bilat.resolve.tables import iter_actors, iter_table

CanonicalKind = Literal[
    "person", "organization", "state", "place", "project", "event_series", "igo", "group"
]
ACTOR_KINDS: tuple[str, ...] = CanonicalKind.__args__  # type: ignore[attr-defined]
SECTORS = frozenset(
    "GOV MIL BUS EDU HLH MED JUD LEG SPY CVL REF LAB AGR ENV NGO IGO ELI OPP REB COP".split()
)


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    language: str  # "en", "es" or "*"


@dataclass(frozen=True, slots=True)
class Role:
    """A sector held in a country from `start` to `end` (None = open); `source` says where
    the role was read ("phoenix:RUSGOV", "curated")."""

    sector: str | None
    country: str | None
    start: dt.date | None
    end: dt.date | None
    source: str

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world entity; `sector` is its default when no role covers a date."""

    actor_id: str
    kind: CanonicalKind
    name: str
    country: str | None
    sector: str | None
    aliases: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()


def new_actor_id(kind: str, country: str | None, name: str) -> str:
    """The id of an actor first seen in an article: the same name, kind and country give the
    same id on every machine."""
    return f"{kind}:{stable_id(kind, country or '', slug(name), length=12)}"


def role_at(actor: Actor, day: dt.date | None) -> Role | None:
    """The role an actor held on `day`: the narrowest dated role covering it, else an
    undated one; None when the actor has no role that day."""
    if day is None:
        return None
    dated = [r for r in actor.roles if r.dated and r.covers(day)]
    if dated:
        return min(dated, key=lambda r: _span_days(r))
    undated = [r for r in actor.roles if not r.dated]
    return undated[0] if undated else None


def sector_at(actor: Actor, day: dt.date | None) -> str | None:
    """The sector that codes the actor in an article of this date."""
    role = role_at(actor, day)
    if role is not None and role.sector is not None:
        return role.sector
    return actor.sector


def _span_days(role: Role) -> int:
    start = role.start or dt.date.min
    end = role.end or dt.date.max
    return (end - start).days


def parse_phoenix_role(cell: str) -> Role | None:
    """`RUSGOV:2008-05-07:` -> Role(GOV, RUS, 2008-05-07, None); IGO codes keep the body
    ("IGOUNO" -> country UNO, sector IGO)."""
    code, start, end = [*cell.split(":"), "", ""][:3]
    if len(code) < 3:
        return None
    country: str | None
    sector: str | None
    if code.startswith("IGO"):
        country, sector = code[3:6] or None, "IGO"
    else:
        country, rest = code[:3], code[3:6]
        sector = rest if rest in SECTORS else None
    return Role(
        sector,
        country,
        dt.date.fromisoformat(start) if start else None,
        dt.date.fromisoformat(end) if end else None,
        f"phoenix:{code}",
    )


def iter_phoenix_actors() -> Iterator[Actor]:
    """The leaders of roles_phoenix.tsv as person actors (country of their first role)."""
    for row in iter_table("roles_phoenix.tsv"):
        roles = tuple(r for r in map(parse_phoenix_role, row["roles"].split("|")) if r)
        if not roles:
            continue
        country = roles[0].country
        aliases = tuple(Alias(a, "en") for a in row["aliases"].split("|") if a)
        yield Actor(
            new_actor_id("person", country, row["name"]),
            "person",
            row["name"],
            country,
            next((r.sector for r in roles if r.sector), None),
            aliases,
            roles,
        )


def iter_curated_actors() -> Iterator[Actor]:
    """actors.tsv as Actor records, ids as the gazetteer writes them ("person:raul-castro")."""
    for row in iter_actors():
        kind: CanonicalKind = row.kind  # type: ignore[assignment]
        actor_id = row.actor_id if kind == "state" else f"{kind}:{row.actor_id}"
        aliases = tuple(Alias(a, row.language) for a in (row.name, *row.aliases))
        yield Actor(actor_id, kind, row.name, row.country or None, row.sector or None, aliases)


def attach_roles(curated: Iterable[Actor], leaders: Iterable[Actor]) -> list[Actor]:
    """Curated persons with the Phoenix roles of the leader of the same name and country."""
    by_key: dict[tuple[str, str | None], list[Actor]] = {}
    for leader in leaders:
        for name in (leader.name, *(a.text for a in leader.aliases)):
            key = person_key(name)
            if len(key.split()) >= 2:
                by_key.setdefault((key, leader.country), []).append(leader)
    joined: list[Actor] = []
    for actor in curated:
        if actor.kind != "person":
            joined.append(actor)
            continue
        roles: list[Role] = list(actor.roles)
        for alias in actor.aliases:
            for leader in by_key.get((person_key(alias.text), actor.country), []):
                roles.extend(r for r in leader.roles if r not in roles)
        joined.append(replace(actor, roles=tuple(roles)))
    return joined


def latest_sector(actor: Actor) -> str | None:
    """The sector of the dated role that began last (a leader's best-known office), else
    the actor's own."""
    dated = [r for r in actor.roles if r.dated and r.sector]
    if not dated:
        return actor.sector
    return max(dated, key=lambda r: (r.start or dt.date.min, r.end or dt.date.max)).sector


@cache
def load_leaders() -> dict[str, Actor]:
    """Phoenix leaders that are not curated actors (those carry the roles already), by id;
    their default sector is the one of their latest office ("Obama" GOV, not ELI)."""
    curated = {
        (person_key(a.text), actor.country)
        for actor in load_actors().values()
        if actor.kind == "person"
        for a in actor.aliases
    }
    leaders: dict[str, Actor] = {}
    for leader in iter_phoenix_actors():
        names = (leader.name, *(a.text for a in leader.aliases))
        if any((person_key(n), leader.country) in curated for n in names):
            continue
        leaders.setdefault(leader.actor_id, replace(leader, sector=latest_sector(leader)))
    return leaders


@cache
def leader_names() -> dict[str, frozenset[str]]:
    """Normal key of every full name and alias of a Phoenix leader -> the leaders' ids (a
    surname alone is left out: among 17,000 leaders it is rarely one person)."""
    found: dict[str, set[str]] = {}
    for leader in load_leaders().values():
        for name in (leader.name, *(a.text for a in leader.aliases)):
            key = normal_key(name)
            if key:
                found.setdefault(key, set()).add(leader.actor_id)
    return {k: frozenset(v) for k, v in found.items()}


@cache
def leader_surnames() -> dict[str, frozenset[str]]:
    """The last word and the last two words of every leader's name -> the leaders' ids: a
    surname alone, which only the article's countries may settle ("Dos Santos" in Angola)."""
    found: dict[str, set[str]] = {}
    for leader in load_leaders().values():
        words = normal_key(leader.name).split()
        for size in (1, 2):
            if len(words) > size:
                found.setdefault(" ".join(words[-size:]), set()).add(leader.actor_id)
    return {k: frozenset(v) for k, v in found.items()}


@cache
def load_actors() -> dict[str, Actor]:
    """Curated actors (with Phoenix roles attached) by id; built once, then shared."""
    actors = attach_roles(iter_curated_actors(), iter_phoenix_actors())
    return {a.actor_id: a for a in actors}


def find_leaders(name: str) -> list[Actor]:
    """Phoenix leaders a name given by hand may mean: those whose full name or an alias it
    is (case and accents folded), else those whose surname (last one or two words) it is;
    by name. The registry's index leaves the 17,000 leaders out (too slow to build, and
    their surnames would outvote the team's actors), so `bilat actor` asks here."""
    key = normal_key(name)
    ids = leader_names().get(key)
    if ids is None and 1 <= len(key.split()) <= 2:
        ids = leader_surnames().get(key)
    leaders = load_leaders()
    return sorted((leaders[i] for i in ids or ()), key=lambda a: (a.name, a.actor_id))
