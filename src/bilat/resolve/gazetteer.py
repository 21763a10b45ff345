"""The gazetteer: canonical actors and their aliases, and the agent nouns, from package data.

Entries come from pycountry (every country's names in English and Spanish) and the tables
in data/: curated short country names, demonyms, capitals, other places, domain actors
(persons, organisations, projects, IGOs) and context descriptors. An entry's `via` says
which table it came from; the resolver reads it to decide how the entry may match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from bilat.models import ActorKind, KnownProject
from bilat.resolve.matcher import AliasIndex
from bilat.resolve.names import alias_key, slug
from bilat.resolve.tables import (
    ANY_LANGUAGE,
    NameRow,
    iter_actors,
    iter_agents,
    iter_country_names,
    iter_demonyms,
    iter_descriptors,
    iter_groups,
    iter_name_rows,
)

# What an entry is, in the order the resolver prefers it when one alias has several.
VIA_ORDER = ("alias", "state", "capital", "place", "demonym", "surname", "descriptor")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One alias of one actor. `country` is ISO-3 (or an IGO code, or None for a region),
    `sector` a CAMEO agent code or None, `language` "en", "es" or "*" (any)."""

    actor_id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    alias: str
    language: str
    via: str = "alias"  # one of VIA_ORDER
    # (country, sector) of each actor a name for several stands for ("the Baltic states")
    members: tuple[tuple[str | None, str | None], ...] = ()

    def fits(self, language: str | None) -> bool:
        return language is None or self.language in (ANY_LANGUAGE, language)


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent noun form: "ministers" -> GOV, group."""

    phrase: str
    sector: str | None
    kind: ActorKind
    language: str
    plural: bool


class Gazetteer:
    """Aliases -> entries, and agent nouns -> sectors; build once with `load()`."""

    def __init__(self) -> None:
        self.index: AliasIndex[GazetteerEntry] = AliasIndex()
        self.agents: AliasIndex[Agent] = AliasIndex()
        self._aliases: set[tuple[tuple[str, ...], str]] = set()
        # project id -> its names (the canonical one first) and its host country
        self._projects: dict[str, tuple[list[str], str | None]] = {}
        self._known: tuple[KnownProject, ...] | None = None  # projects(), built on first use

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of the package data (built on first use, then shared)."""
        return _load_default()

    def add(self, entry: GazetteerEntry) -> None:
        key = self.index.add(entry.alias, entry)
        if key:
            self._aliases.add((key, entry.actor_id))
        if entry.kind == "project":
            self._known = None
            names, _ = self._projects.setdefault(entry.actor_id, ([entry.name], entry.country))
            if entry.alias not in names:
                names.append(entry.alias)

    def add_agent(self, agent: Agent) -> None:
        self.agents.add(agent.phrase, agent)

    def lookup(self, name: str, language: str | None = None) -> list[GazetteerEntry]:
        """Entries whose alias is `name` (case-, accent- and hyphen-insensitive)."""
        key = alias_key(name)
        entries = [e for e in self.index.get(key) if e.fits(language)]
        return sorted(entries, key=lambda e: VIA_ORDER.index(e.via))

    def __len__(self) -> int:
        return len(self._aliases)

    def projects(self) -> tuple[KnownProject, ...]:
        """Every project with its names (the canonical one first) and host country."""
        if self._known is None:
            items = sorted(self._projects.items())
            self._known = tuple(KnownProject(pid, tuple(n), host) for pid, (n, host) in items)
        return self._known

    def surname_owners(self, key: tuple[str, ...]) -> set[str]:
        """Actor ids that a short name (surname) could stand for."""
        return {e.actor_id for e in self.index.get(key) if e.via == "surname"}


def _state_entry(iso3: str, language: str, alias: str, via: str = "state") -> GazetteerEntry:
    return GazetteerEntry(iso3, iso3, "state", iso3, None, alias, language, via)


def build_default() -> Gazetteer:
    """Read every data table into a new Gazetteer."""
    gaz = Gazetteer()
    for row in iter_actors():
        kind = cast(ActorKind, row.kind)
        for alias in (row.name, *row.aliases):
            gaz.add(
                GazetteerEntry(
                    row.actor_id if kind == "state" else f"{kind}:{row.actor_id}",
                    row.name,
                    kind,
                    row.country or None,
                    row.sector or None,
                    alias,
                    row.language,
                )
            )
        for surname in row.surnames:
            entry = GazetteerEntry(
                f"{kind}:{row.actor_id}",
                row.name,
                kind,
                row.country or None,
                row.sector or None,
                surname,
                row.language,
                "surname",
            )
            gaz.add(entry)
    for name in iter_country_names():
        gaz.add(_state_entry(name.country, name.language, name.alias))
    for name in iter_name_rows("capitals.tsv"):
        actor_id = f"place:{name.country.lower()}-capital"
        gaz.add(_place_entry(actor_id, name, "capital", "GOV"))
    # regions.tsv: first-level divisions derived from GeoNames (build_regions.py)
    for table in ("places.tsv", "regions.tsv"):
        for name in iter_name_rows(table):
            gaz.add(_place_entry(f"place:{slug(name.name)}", name, "place", None))
    for name in iter_demonyms():
        if name.country:
            gaz.add(_state_entry(name.country, name.language, name.alias, "demonym"))
        else:
            gaz.add(
                GazetteerEntry(
                    f"group:{slug(name.alias)}",
                    name.alias,
                    "group",
                    None,
                    None,
                    name.alias,
                    name.language,
                    "demonym",
                )
            )
    _add_groups(gaz)
    for desc in iter_descriptors():
        for iso3 in desc.candidates:
            gaz.add(_state_entry(iso3, desc.language, desc.phrase, "descriptor"))
    for agent in iter_agents():
        gaz.add_agent(
            Agent(
                agent.phrase,
                agent.sector or None,
                cast(ActorKind, agent.kind),
                agent.language,
                agent.plural,
            )
        )
    return gaz


def _add_groups(gaz: Gazetteer) -> None:
    """Names of several states: a name acts like a state's ("the Baltic states' leaders"),
    an adjective like a demonym, which the composer keeps only before an agent noun."""
    for group in iter_groups():
        members = tuple((iso3, None) for iso3 in group.members)
        actor_id = f"group:{slug(group.names[0])}"
        first = group.members[0]
        for alias, via in [(n, "state") for n in group.names] + [
            (m, "demonym") for m in group.modifiers
        ]:
            entry = GazetteerEntry(
                actor_id, group.names[0], "state", first, None, alias, group.language, via, members
            )
            gaz.add(entry)


def _place_entry(actor_id: str, row: NameRow, via: str, sector: str | None) -> GazetteerEntry:
    return GazetteerEntry(
        actor_id,
        row.name or row.alias,
        "place",
        row.country or None,
        sector if row.country else None,
        row.alias,
        row.language,
        via,
    )


@cache
def _load_default() -> Gazetteer:
    return build_default()
