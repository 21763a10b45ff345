"""What the composer finds and the words it joins on: the Found record, group codes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bilat.models import ActorKind
from bilat.resolve.gazetteer import Agent

MODIFIER_ROLES = frozenset({"state", "demonym", "capital", "place"})
NAME_ROLES = frozenset({"alias", "surname"})
OF_WORDS = frozenset({"of", "de", "del"})
IN_WORDS = frozenset({"in", "en"})
# Before a place, these make it where something is ("in Moscow", "near Havana").
LOCATIVES = frozenset("in at en into inside near within across throughout".split())
FROM_WORDS = frozenset({"from"})
DETERMINERS = frozenset({"the", "el", "la", "los", "las", "lo"})
COORDINATORS = frozenset({"and", "y", "e", ","})
AND_WORDS = frozenset({"and", "y", "e"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
RUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
PERSON_LABELS = frozenset({"PERSON", "PER"})
STANCE_PREFIXES = frozenset({"anti", "pro"})
MAX_RUN = 6  # words in a run of nouns and adjectives joined into one actor

AgentAt = Callable[[int], tuple[int, Agent] | None]
Members = tuple[tuple[str | None, str | None], ...]


@dataclass(slots=True, eq=False)
class Found:
    """An actor found in the article over document tokens [start, end); compared by
    identity, since two equal-looking finds at different places are different finds."""

    start: int
    end: int
    actor_id: str
    kind: ActorKind
    country: str | None
    sector: str | None
    via: str  # goes to ActorSpan.via
    role: str  # the gazetteer via, "agent" or "ner"
    composed: bool = False
    members: Members = ()  # a name for several actors: (country, sector) of each


def with_sector(members: Members, sector: str | None) -> Members:
    """A group's members as the agent noun joined to its name makes them ("the Baltic
    foreign ministers": each state's GOV)."""
    return tuple((country, sector) for country, _ in members)


def group_id(country: str | None, sector: str | None) -> str:
    """A CAMEO-style code for an unnamed group: "CUBGOV", "RUS", "BUS"."""
    return f"{country or ''}{sector or ''}" or "unknown"
