"""Joining a country word and an agent noun into one actor: "Cuban ministers" (CUB GOV).

Three shapes, tried in this order over the actors the gazetteer found:

* pre-nominal (English): a state, demonym, capital or place, an optional possessive, then
  a run of nouns and adjectives whose rightmost agent noun gives the sector ("Russian
  Deputy Finance Minister", "St. Petersburg delegation", "Cuba's Minister of
  Communications"); a name right after it joins in ("Cuban President Miguel Díaz-Canel");
* post-nominal (Spanish): an agent noun, at most two adjectives, then a lowercase demonym
  ("el canciller cubano", "empresas estatales rusas");
* "of" complement: an agent noun, "of"/"de" (or "from") and a state or place ("the
  government of St. Petersburg", "la embajada de Rusia", "soldiers from Gondor"). When
  several states are coordinated ("the presidents of Russia and Cuba") each keeps its own
  span and takes the agent's sector.

The country always comes from the modifier, never from a place after "in": the Russian
embassy in Cuba is Russian.
"""

from __future__ import annotations

from dataclasses import replace

from bilat.models import ActorKind, EntitySpan, ParsedDoc
from bilat.resolve.found import (
    AND_WORDS,
    COORDINATORS,
    DETERMINERS,
    FROM_WORDS,
    IN_WORDS,
    MAX_RUN,
    MODIFIER_ROLES,
    NAME_ROLES,
    OF_WORDS,
    POSSESSIVES,
    RUN_POS,
    STANCE_PREFIXES,
    AgentAt,
    Found,
    group_id,
    with_sector,
)
from bilat.resolve.gazetteer import Agent
from bilat.resolve.joined_agents import compose_joined_agents
from bilat.resolve.names import HYPHENS
from bilat.resolve.peoples import compose_people
from bilat.resolve.titled_names import merge_name

MAX_OF_STEPS = 3


class Composer:
    """Merges modifiers, agent nouns and names; owns the list of found actors."""

    def __init__(
        self,
        doc: ParsedDoc,
        found: list[Found],
        agent_at: AgentAt,
        names: dict[int, EntitySpan],
    ) -> None:
        self.tokens = doc.tokens
        self.n = len(doc.tokens)
        self.agent_at = agent_at
        self.names = names  # NER names (persons, organisations) by first token
        self.found: list[Found] = []
        self.owner: list[Found | None] = [None] * (self.n + 1)
        for f in found:
            self.add(f)

    # ------------------------------------------------------------------ bookkeeping

    def add(self, f: Found) -> None:
        self.found.append(f)
        for t in range(f.start, f.end):
            self.owner[t] = f

    def remove(self, f: Found) -> None:
        self.found.remove(f)
        for t in range(f.start, f.end):
            self.owner[t] = None

    def swap(self, parts: list[Found], new: Found) -> Found:
        for p in parts:
            self.remove(p)
        self.add(new)
        return new

    def is_stance_prefixed(self, f: Found) -> bool:
        hyphen = f.start >= 2 and self.tokens[f.start - 1].text in HYPHENS
        return hyphen and self.lower(f.start - 2) in STANCE_PREFIXES

    def lower(self, t: int) -> str:
        return self.tokens[t].text.lower() if 0 <= t < self.n else ""

    def starts_here(self, t: int, roles: frozenset[str]) -> Found | None:
        o = self.owner[t] if 0 <= t < self.n else None
        return o if o is not None and o.start == t and o.role in roles else None

    # ------------------------------------------------------------------ shapes

    def run(self) -> list[Found]:
        for f in sorted(self.found, key=lambda f: f.start):
            if f.role in MODIFIER_ROLES and self.is_stance_prefixed(f):
                # "an anti-Syria journalist", "pro-Moscow rebels": what they are for or
                # against, not where they are from
                self.remove(f)
        for f in sorted(self.found, key=lambda f: f.start):
            if f in self.found and f.role == "demonym":
                compose_people(self, f)
        for f in sorted(self.found, key=lambda f: f.start):
            if f in self.found and f.role in MODIFIER_ROLES:
                self.compose_prenominal(f)
        for f in sorted(self.found, key=lambda f: f.start):
            if f in self.found and f.role == "demonym" and self.tokens[f.start].text.islower():
                self.compose_postnominal(f)
        self.compose_complements()
        for f in list(self.found):
            if f.members and f.role in ("demonym", "people") and not f.composed:
                # "Baltic ports", "the Baltic Fleet": the adjective names the group only
                # before an agent noun of its own
                self.remove(f)
        return sorted(self.found, key=lambda f: f.start)

    def compose_prenominal(self, f: Found) -> None:
        if self.in_hyphen_pair(f):
            return
        j = f.end
        possessive = False
        if f.role != "demonym" and self.lower(j) in POSSESSIVES:
            j += 1
            possessive = True
        best: tuple[int, int, Agent] | None = None
        tail: Found | None = None
        t = j
        while t < min(self.n, j + MAX_RUN):
            o = self.owner[t]
            if o is not None:
                if o.start == t and o.role in NAME_ROLES and o.kind != "place":
                    tail = o
                break
            tok = self.tokens[t]
            if tok.pos not in RUN_POS and tok.text not in HYPHENS and not self.joins_adjectives(t):
                break
            if best is not None and t in self.names:
                break
            hit = self.agent_at(t)
            if hit is not None and (best is None or hit[0] > best[1]):
                best = (t, hit[0], hit[1])
            t += 1
        if (
            best is not None
            and f.members
            and f.role == "demonym"
            and self.is_titled(best[0], best[1])
        ):
            best = None  # "the Baltic Fleet", "Nordic Council": a proper name, no group's body
        if best is not None:
            _, end, agent = best
            kind: ActorKind = "group" if agent.plural else agent.kind
            sector = agent.sector
            end, _target = self.extend_of(end, f.country)
            new = Found(
                f.start,
                end,
                group_id(f.country, sector),
                kind,
                f.country,
                sector,
                f"{f.via}+agent",
                "agent",
                True,
                with_sector(f.members, sector),
            )
            parts = [f, *self.owned(f.end, end)]
            merge_name(self, self.swap(parts, new))
            if new in self.found:  # a name did not take the title over
                self.compose_coordinated(new)
        elif possessive and tail is not None and tail.start == j:
            merged = replace(tail, start=f.start, country=tail.country or f.country, composed=True)
            self.swap([f, tail], merged)

    def joins_adjectives(self, t: int) -> bool:
        """'Zembla's young and able minister': a coordinator between two adjectives."""
        inside = 0 < t < self.n - 1 and self.lower(t) in COORDINATORS
        return inside and self.tokens[t - 1].pos == self.tokens[t + 1].pos == "ADJ"

    def compose_coordinated(self, f: Found) -> None:
        """'Danish media and government', 'Russian troops and police': an agent noun joined
        right after a composed one shares its country; one with a phrase of its own ("the
        Russian embassy and ministries of Cuba") is left to that phrase."""
        t = f.end + 1
        if self.lower(f.end) not in AND_WORDS or t >= self.n or self.owner[t] is not None:
            return
        hit = self.agent_at(t)
        if hit is None or self.lower(hit[0]) in OF_WORDS | IN_WORDS or self.owned(t, hit[0]):
            return
        end, agent = hit
        kind: ActorKind = "group" if agent.plural else agent.kind
        sector = agent.sector
        country = f.country
        members = with_sector(f.members, sector)
        via = f"{f.via}+and"
        self.add(
            Found(
                t,
                end,
                group_id(country, sector),
                kind,
                country,
                sector,
                via,
                "agent",
                False,
                members,
            )
        )

    def compose_postnominal(self, f: Found) -> None:
        t = f.start - 1
        skipped = 0
        while skipped < 2 and t >= 0 and self.owner[t] is None and self.tokens[t].pos == "ADJ":
            t -= 1
            skipped += 1
        for s in range(max(0, t - 3), t + 1):
            if any(self.owner[x] is not None for x in range(s, t + 1)):
                continue
            hit = self.agent_at(s)
            if hit is None or hit[0] != t + 1:
                continue
            agent = hit[1]
            new = Found(
                s,
                f.end,
                group_id(f.country, agent.sector),
                "group" if agent.plural else agent.kind,
                f.country,
                agent.sector,
                f"{f.via}+agent",
                "agent",
                True,
                with_sector(f.members, agent.sector),
            )
            merge_name(self, self.swap([f], new))
            return

    def compose_complements(self) -> None:
        t = 0
        while t < self.n:
            hit = self.agent_at(t) if self.owner[t] is None else None
            # "senators in Chile and Peru": people of a kind in a state are its own;
            # one body there ("the embassy in Cuba") may well be another state's
            within = hit is not None and hit[1].plural and self.lower(hit[0]) in IN_WORDS
            # "soldiers from Gondor", "an envoy from Cuba": where they come from is theirs
            origin = hit is not None and self.lower(hit[0]) in FROM_WORDS
            if hit is None or not (within or origin or self.lower(hit[0]) in OF_WORDS):
                t += 1
                continue
            agent_end, agent = hit
            words = IN_WORDS if within else FROM_WORDS if origin else OF_WORDS
            end, target = self.extend_of(agent_end, None, words)
            if target is None:
                t = agent_end
                continue
            coordinated = self.coordinated(target)
            if within:
                compose_joined_agents(self, t, coordinated)
            if len(coordinated) > 1:
                for o in coordinated:
                    members = with_sector(o.members, agent.sector)
                    self.swap([o], replace(o, sector=agent.sector, members=members))
                t = coordinated[-1].end
                continue
            new = Found(
                t,
                end,
                group_id(target.country, agent.sector),
                "group" if agent.plural else agent.kind,
                target.country,
                agent.sector,
                "agent+of",
                "agent",
                True,
                with_sector(target.members, agent.sector),
            )
            self.swap(self.owned(t, end), new)
            t = end

    # ------------------------------------------------------------------ helpers

    def owned(self, start: int, end: int) -> list[Found]:
        out: list[Found] = []
        for t in range(start, end):
            o = self.owner[t]
            if o is not None and o not in out:
                out.append(o)
        return out

    def is_titled(self, start: int, end: int) -> bool:
        return any(tok.text[:1].isupper() for tok in self.tokens[start:end])

    def in_hyphen_pair(self, f: Found) -> bool:
        """Two countries side by side with no head noun: "Russian-Cuban", "Russia-Cuba"."""
        joined_after = f.end < self.n and self.tokens[f.end].text in HYPHENS
        if joined_after and self.starts_here(f.end + 1, MODIFIER_ROLES) is not None:
            return True
        if f.start >= 2 and self.tokens[f.start - 1].text in HYPHENS:
            before = self.owner[f.start - 2]
            return before is not None and before.role in MODIFIER_ROLES
        return False

    def extend_of(
        self, end: int, country: str | None, words: frozenset[str] = OF_WORDS
    ) -> tuple[int, Found | None]:
        """Follow "of X" (or another of `words`) after an agent noun: capitalised name parts
        are absorbed ("of Communications"), a state or place ends the walk and is returned."""
        pos = end
        for _ in range(MAX_OF_STEPS):
            if self.lower(pos) not in words:
                break
            q = pos + 1
            while self.lower(q) in DETERMINERS:
                q += 1
            target = self.starts_here(q, MODIFIER_ROLES)
            if target is not None:
                if country is None or target.country in (country, None):
                    return target.end, target
                break
            r = q
            while r < self.n and self.owner[r] is None and self.is_name_part(r):
                r += 1
            if r == q:
                break
            pos = end = r
        return end, None

    def is_name_part(self, t: int) -> bool:
        text = self.tokens[t].text
        if text[:1].isupper():
            return True
        return (
            text.lower() in ("and", "y", "e")
            and t + 1 < self.n
            and (self.tokens[t + 1].text[:1].isupper())
        )

    def coordinated(self, first: Found) -> list[Found]:
        """`first` and the states coordinated with it: "Russia and Cuba", "Rusia y Cuba"."""
        out = [first]
        c = first.end
        while self.lower(c) in COORDINATORS:
            q = c + 1
            if self.lower(q) in OF_WORDS:
                q += 1
            while self.lower(q) in DETERMINERS:
                q += 1
            nxt = self.starts_here(q, MODIFIER_ROLES)
            if nxt is None:
                break
            out.append(nxt)
            c = nxt.end
        return out
