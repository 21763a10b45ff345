"""Alias resolution with decisions: a new name -> a canonical actor, explained, reversible.

Steps, first hit wins: exact normal key -> person key -> loose key (word order, Spanish,
function words) -> acronym -> surname alone (unique, or settled by the article's actors)
-> fuzzy candidates of the same kind and country. A name nothing matches becomes a new
actor. Each step writes a Decision; `merge`, `split` and `undo` are decisions too, so the
store can persist the log and replay it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from bilat.resolve.actors import new_actor_id
from bilat.resolve.aliases import (
    is_acronym,
    loose_key,
    name_words,
    normal_key,
    person_words,
    split_parenthesis,
)
from bilat.resolve.gazetteer import Gazetteer
from bilat.resolve.nameindex import (
    ActorInfo,
    NameIndex,
    kinds_agree,
    looks_like_person,
    org_candidates,
    person_candidates,
)

FUZZY_FLOOR = 0.8


@dataclass(frozen=True, slots=True)
class Decision:
    """Why `name` is (or is not) `actor_id`; `method` names the step that decided."""

    name: str
    actor_id: str | None
    method: str  # exact, person, loose, acronym, surname, fuzzy, new, merge, split, undo
    score: float
    reason: str
    # What the article gave the name and which article it was (decisions made while
    # reading articles): a replay learns the name as that run did.
    kind: str | None = None
    country: str | None = None
    article_id: str | None = None


# Made while reading articles; kept with kind, country and article to be learnt again.
LEARNT_METHODS = frozenset({"new", "exact", "person", "loose", "acronym", "surname", "fuzzy"})
# Steps that tie a name whatever kind it was given (the name itself says it is that actor).
STRONG_METHODS = frozenset({"exact", "person", "loose"})
# Logs written before the decision columns (store migration 6) packed them in the reason.
_NOTE = re.compile(r" \[kind=(\S*) country=(\S*) article=(.*)\]$")


def read_note(decision: Decision) -> Decision:
    """The decision with kind, country and article read from an old packed reason
    ("new actor [kind=person country=- article=a1]"); itself when it has none."""
    found = _NOTE.search(decision.reason)
    if found is None or decision.article_id is not None:
        return decision
    kind, country, article = (None if v == "-" else v for v in found.groups())
    return replace(
        decision,
        reason=decision.reason[: found.start()],
        kind=decision.kind or kind,
        country=decision.country or country,
        article_id=article,
    )


@cache
def default_index() -> NameIndex:
    """The base index of the package gazetteer (built once, then shared)."""
    return NameIndex.from_gazetteer(Gazetteer.load())


class ActorRegistry:
    """Actors known to a corpus: the base index plus what was learnt, with the decision log."""

    def __init__(self, base: NameIndex | None = None) -> None:
        self.base = base if base is not None else default_index()
        self.learnt = NameIndex()
        self.redirect: dict[str, str] = {}
        self.detached: set[tuple[str, str]] = set()
        self.split_ids: dict[tuple[str, str], str] = {}
        self.log: list[Decision] = []

    # ------------------------------------------------------------------ queries

    def info(self, actor_id: str) -> ActorInfo | None:
        return self.learnt.actors.get(actor_id) or self.base.actors.get(actor_id)

    def canonical(self, actor_id: str) -> str:
        """The id an actor was merged into (itself when never merged)."""
        seen = set()
        while actor_id in self.redirect and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.redirect[actor_id]
        return actor_id

    def decisions(self) -> list[Decision]:
        return list(self.log)

    # ------------------------------------------------------------------ resolution

    def resolve(
        self,
        name: str,
        kind: str | None = None,
        country: str | None = None,
        context: Iterable[str] = (),
        create: bool = True,
    ) -> Decision:
        """Tie a name to an actor; a name nothing matches becomes a new actor (`create`).
        `context`: actor ids the article already names (they settle a bare surname)."""
        outer, inner = split_parenthesis(name)
        found = self.lookup(name, kind, country, context)
        if found.actor_id is None and create and found.method != "ambiguous":
            found = self._create(name, outer, inner, kind, country, found.reason)
        elif found.actor_id is not None:
            for alias in (outer, inner):
                if alias and (normal_key(alias), found.actor_id) not in self.detached:
                    self._learn(found.actor_id, alias, kind, country)
        self.log.append(found)
        return found

    def lookup(
        self,
        name: str,
        kind: str | None = None,
        country: str | None = None,
        context: Iterable[str] = (),
    ) -> Decision:
        """The actor a name is, as `resolve` finds it, without learning or logging anything."""
        seen = {self.canonical(c) for c in context}
        outer, inner = split_parenthesis(name)
        found = self._match(outer, kind, country, seen)
        if found.actor_id is None and inner is not None:
            by_inner = self._match(inner, kind, country, seen)
            if by_inner.method in STRONG_METHODS:
                found = replace(by_inner, name=name)
        return found

    def _match(self, name: str, kind: str | None, country: str | None, seen: set[str]) -> Decision:
        person = kind == "person" or (kind is None and looks_like_person(name))
        steps: list[tuple[str, float, str, dict[str, float]]] = [
            ("exact", 1.0, "same normal form", self._lookup("normal", normal_key(name))),
        ]
        if person:
            key = " ".join(person_words(name))
            steps.append(
                ("person", 0.97, "same name, titles/spelling aside", self._lookup("person", key))
            )
        if kind != "person":
            steps.append(
                (
                    "loose",
                    0.95,
                    "same words in any order or language",
                    self._lookup("loose", loose_key(name)),
                )
            )
        if is_acronym(name):
            steps.append(
                (
                    "acronym",
                    0.9,
                    "acronym of the name",
                    self._lookup("acronyms", "".join(name_words(name))),
                )
            )
        words = person_words(name)
        # A compound surname alone ("Díaz-Canel", "Rodríguez Parrilla") is a surname too.
        if kind in (None, "person") and 1 <= len(words) <= 2:
            surname = " ".join(words)
            steps.append(("surname", 0.85, "surname alone", self._lookup("surnames", surname)))
        for method, score, reason, hits in steps:
            picked = self._pick(name, hits, kind, country, seen)
            if picked is None:
                continue
            if isinstance(picked, str):
                return Decision(name, picked, method, score, reason)
            return Decision(name, None, "ambiguous", score, f"{reason}: " + ", ".join(picked))
        if person and len(words) >= 2:
            hits = person_candidates((self.learnt, self.base), words)
        elif not person:
            hits = org_candidates((self.learnt, self.base), loose_key(name))
        else:
            hits = {}
        picked = self._pick(
            name, {k: v for k, v in hits.items() if v >= FUZZY_FLOOR}, kind, country, seen
        )
        if isinstance(picked, str):
            return Decision(
                name, picked, "fuzzy", hits[picked], "close name, same kind and country"
            )
        if picked:
            return Decision(name, None, "ambiguous", 0.0, "close to " + ", ".join(picked))
        bare = self._bare_surname(name, words, country) if person and len(words) >= 2 else None
        if bare is not None:
            return Decision(name, bare, "surname", 0.8, "full name of a surname seen alone")
        return Decision(name, None, "none", 0.0, "no known actor has this name")

    def _bare_surname(self, name: str, words: tuple[str, ...], country: str | None) -> str | None:
        """The one person actor learnt from a surname alone ("Smirnova") that a full name
        ("Yulia Smirnova") completes: same country, no full name of its own (no first name
        to conflict), and no other actor known by that surname (a bare "Castro" or
        "Rodríguez" among several full-name owners stays apart)."""
        surname = words[-1]
        owners = {self.canonical(i) for i in self._lookup("surnames", surname)}
        found: set[str] = set()
        for actor_id in self.learnt.person.get(surname, set()):
            canon = self.canonical(actor_id)
            info = self.info(canon)
            if info is None or info.kind not in (None, "person"):
                continue
            if person_words(info.name) != (surname,) or (normal_key(name), canon) in self.detached:
                continue
            if (country or None) != (info.country or None):
                continue
            if self.learnt.person_names.get(canon) or self.base.person_names.get(canon):
                continue
            found.add(canon)
        if len(found) != 1 or owners - found:
            return None
        return found.pop()

    def _lookup(self, table: str, key: str) -> dict[str, float]:
        ids: set[str] = set()
        for index in (self.learnt, self.base):
            ids |= getattr(index, table).get(key, set())
        return {i: 1.0 for i in ids}

    def _pick(
        self,
        name: str,
        hits: dict[str, float],
        kind: str | None,
        country: str | None,
        seen: set[str],
    ) -> str | list[str] | None:
        """One actor id, several (ambiguous), or None; kind and country must agree."""
        key = normal_key(name)
        best: dict[str, float] = {}
        for actor_id, score in hits.items():
            canon = self.canonical(actor_id)
            info = self.info(canon)
            if info is None or (key, canon) in self.detached:
                continue
            if not kinds_agree(kind, info.kind):
                continue
            if country and info.country and info.country != country:
                continue
            best[canon] = max(score, best.get(canon, 0.0))
        if not best:
            return None
        if len(best) == 1:
            return next(iter(best))
        top = max(best.values())
        leaders = sorted(a for a, s in best.items() if s >= top - 0.03)
        if len(leaders) == 1:
            return leaders[0]
        in_article = [a for a in leaders if a in seen]
        return in_article[0] if len(in_article) == 1 else leaders

    # ------------------------------------------------------------------ changes

    def _learn(self, actor_id: str, alias: str, kind: str | None, country: str | None) -> None:
        if actor_id not in self.learnt.actors:
            info = self.info(actor_id) or ActorInfo(actor_id, kind, country, alias)
            self.learnt.add_actor(info)
        self.learnt.add_alias(actor_id, alias)

    def _create(
        self,
        name: str,
        outer: str,
        inner: str | None,
        kind: str | None,
        country: str | None,
        why: str,
    ) -> Decision:
        actor_id = new_actor_id(kind or "actor", country, outer)
        self.learnt.add_actor(ActorInfo(actor_id, kind, country, outer))
        for alias in (outer, inner):
            if alias:
                self.learnt.add_alias(actor_id, alias)
        return Decision(name, actor_id, "new", 0.0, f"new actor ({why})")

    def merge(self, keep: str, other: str, reason: str = "merged by hand") -> Decision:
        """From now on `other` is `keep`: its names resolve to `keep`."""
        keep, other = self.canonical(keep), self.canonical(other)
        if keep != other:
            self.redirect[other] = keep
        decision = Decision(other, keep, "merge", 1.0, reason)
        self.log.append(decision)
        return decision

    def split(self, name: str, actor_id: str, reason: str = "split by hand") -> Decision:
        """`name` is not `actor_id`: it stops resolving there and forms its own actor."""
        canon = self.canonical(actor_id)
        self.detached.add((normal_key(name), canon))
        info = self.info(canon)
        kind = info.kind if info else None
        new_id = new_actor_id(kind or "actor", info.country if info else None, name)
        if new_id == canon:  # an actor first seen under this very name: another id
            new_id = new_actor_id(kind or "actor", None, f"{name} apart from {canon}")
        self.split_ids[(normal_key(name), canon)] = new_id
        self.learnt.add_actor(ActorInfo(new_id, kind, info.country if info else None, name))
        self.learnt.add_alias(new_id, name)
        decision = Decision(name, new_id, "split", 1.0, f"{reason} (was {canon})")
        self.log.append(decision)
        return decision

    def replay(self, decisions: Iterable[Decision]) -> None:
        """Apply decisions made earlier (the store's log, undone ones left out), in their
        order: merges, splits, and the actors and names learnt from articles."""
        for d in decisions:
            if d.actor_id is None:
                continue
            if d.method == "merge":
                self.merge(d.actor_id, d.name, d.reason)
            elif d.method == "split":
                self.split(d.name, d.actor_id, d.reason)
            elif d.method in LEARNT_METHODS:
                self.adopt(d)
            else:
                raise ValueError(f"decisions of method {d.method!r} are not replayed")

    def adopt(self, decision: Decision) -> None:
        """Learn again the actor or the name tied to one that an earlier run's decision made."""
        actor_id = decision.actor_id
        if actor_id is None:
            return
        decision = read_note(decision)
        kind, country = decision.kind, decision.country
        outer, inner = split_parenthesis(decision.name)
        if decision.method == "new":
            self.learnt.add_actor(ActorInfo(actor_id, kind, country, outer))
        canon = self.canonical(actor_id)
        for alias in (outer, inner):
            if alias and (normal_key(alias), canon) not in self.detached:
                self._learn(canon, alias, kind, country)
        self.log.append(decision)

    def owner(self, actor_id: str, name: str) -> str:
        """The actor a stored mention of `actor_id` written `name` stands for now: merges
        followed, and a name split off its actor given to the actor it became."""
        canon = self.canonical(actor_id)
        moved = self.split_ids.get((normal_key(name), canon))
        return self.canonical(moved) if moved is not None else canon

    def merged_into(self, actor_id: str) -> list[Decision]:
        """The merges that made other ids into `actor_id` (directly or through another
        merge), in the order they were made: why these names are one actor."""
        canon = self.canonical(actor_id)
        return [
            d
            for d in self.log
            if d.method == "merge"
            and d.actor_id is not None
            and self.canonical(d.name) == canon
            and d.name != canon
        ]

    def undo(self, position: int) -> Decision:
        """Reverse the decision at `position` of the log: a merge is taken apart, a name
        tied to an actor is split off it."""
        old = self.log[position]
        if old.method == "merge" and old.actor_id is not None:
            self.redirect.pop(old.name, None)
            decision = Decision(old.name, None, "undo", 1.0, f"undid merge into {old.actor_id}")
            self.log.append(decision)
            return decision
        if old.actor_id is None:
            raise ValueError(f"decision {position} tied {old.name!r} to nothing; nothing to undo")
        return self.split(old.name, old.actor_id, f"undid decision {position}")
