"""NameIndex: the lookup tables alias resolution searches, built from a Gazetteer or by hand.

One index holds, per actor, its kind and country and its names under every key of
aliases.py: the normal key, the person key, the loose key, the initials, surnames, and the
words that find fuzzy candidates. The package gazetteer gives the base index; a registry
keeps a small second index for the actors and aliases it learns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bilat.resolve.aliases import (
    LEXICON,
    STOP_WORDS,
    initials,
    is_acronym,
    loose_key,
    name_words,
    normal_key,
    org_score,
    person_score,
    person_words,
    strip_titles,
    turn_comma,
)
from bilat.resolve.gazetteer import Gazetteer

# Gazetteer entries that are names of their actor (demonyms and descriptors are not).
NAME_VIAS = frozenset({"alias", "state", "capital", "place"})
# Kinds one name may be given under: a country listed among places is still the state.
KIND_GROUPS = (
    frozenset({"person"}),
    frozenset({"organization", "igo", "project", "event_series", "group"}),
    frozenset({"state", "place"}),
)
# Words that make a name an organisation's, never a person's.
ORG_WORDS = frozenset(LEXICON.values()) | frozenset(
    """ministry university company group agency fund bank council committee center party
    embassy association union federation corporation institute academy office service
    department news network park""".split()
)
_PREFIX = 4
# A name one word shorter ("Ministry of Industry") is another body.
ORG_FLOOR = 0.86
# Words shared by more actors than this find no candidates worth scoring.
MAX_POSTING = 300
PLACE_KINDS = frozenset({"state", "place"})


@dataclass(frozen=True, slots=True)
class ActorInfo:
    actor_id: str
    kind: str | None  # None: not known yet (a name first seen with no kind)
    country: str | None
    name: str


def kinds_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return any(a in group and b in group for group in KIND_GROUPS)


@lru_cache(maxsize=200_000)
def looks_like_person(name: str) -> bool:
    """Two to five words, none a function word or an organisation word."""
    words = strip_titles(name_words(turn_comma(name)))
    if not 2 <= len(words) <= 5:
        return False
    return not any(w in STOP_WORDS or w in ORG_WORDS or w.isdigit() for w in words)


class NameIndex:
    """Names of actors under each key; `add_alias` learns one more name."""

    def __init__(self) -> None:
        self.actors: dict[str, ActorInfo] = {}
        self.normal: dict[str, set[str]] = {}
        self.person: dict[str, set[str]] = {}
        self.loose: dict[str, set[str]] = {}
        self.acronyms: dict[str, set[str]] = {}
        self.surnames: dict[str, set[str]] = {}
        self.person_words: dict[str, set[str]] = {}
        self.words: dict[str, set[str]] = {}
        self.person_names: dict[str, set[tuple[str, ...]]] = {}
        self.loose_names: dict[str, set[str]] = {}
        self.size = 0

    def __len__(self) -> int:
        return self.size

    def add_actor(self, info: ActorInfo) -> None:
        self.actors.setdefault(info.actor_id, info)

    def add_alias(self, actor_id: str, alias: str) -> None:
        """Index one name of a known actor under all its keys."""
        info = self.actors[actor_id]
        self.size += 1
        _put(self.normal, normal_key(alias), actor_id)
        if is_acronym(alias):
            _put(self.acronyms, "".join(name_words(alias)), actor_id)
        person = info.kind == "person" or (info.kind is None and looks_like_person(alias))
        if person:
            words = person_words(alias)
            _put(self.person, " ".join(words), actor_id)
            if len(words) >= 2:
                self.person_names.setdefault(actor_id, set()).add(words)
                for w in words[1:]:
                    _put(self.person_words, w[:_PREFIX], actor_id)
                _put(self.surnames, words[-1], actor_id)
            return
        key = loose_key(alias)
        _put(self.loose, key, actor_id)
        self.loose_names.setdefault(actor_id, set()).add(key)
        for w in key.split():
            _put(self.words, w, actor_id)
        letters = initials(alias)
        # Initials stand for organisations only: "IRA" is no country's official name.
        if len(letters) >= 3 and len(name_words(alias)) >= 3 and info.kind not in PLACE_KINDS:
            _put(self.acronyms, letters, actor_id)

    def add_surname(self, actor_id: str, surname: str) -> None:
        """A short name the actor is known by alone ("Lavrov")."""
        for key in {" ".join(person_words(surname)), *person_words(surname)[-1:]}:
            _put(self.surnames, key, actor_id)

    @classmethod
    def from_gazetteer(cls, gazetteer: Gazetteer) -> NameIndex:
        """Every name and surname of the gazetteer's actors."""
        index = cls()
        for key in gazetteer.index.keys():  # noqa: SIM118 (AliasIndex has no __iter__)
            for entry in gazetteer.index.get(key):
                if entry.via not in NAME_VIAS and entry.via != "surname":
                    continue
                index.add_actor(ActorInfo(entry.actor_id, entry.kind, entry.country, entry.name))
                if entry.via == "surname":
                    index.add_surname(entry.actor_id, entry.alias)
                else:
                    index.add_alias(entry.actor_id, entry.alias)
        return index


def _put(table: dict[str, set[str]], key: str, actor_id: str) -> None:
    if key:
        table.setdefault(key, set()).add(actor_id)


def person_candidates(indexes: tuple[NameIndex, ...], words: tuple[str, ...]) -> dict[str, float]:
    """Persons of `indexes` sharing the prefix of a later word with `words`, scored; a
    namesake (same first two names, another second surname) scores 0."""
    ids: set[str] = set()
    for index in indexes:
        for w in words[1:]:
            posting = index.person_words.get(w[:_PREFIX], set())
            if len(posting) <= MAX_POSTING:
                ids |= posting
    scores: dict[str, float] = {}
    for actor_id in ids:
        names: set[tuple[str, ...]] = set()
        for index in indexes:
            names |= index.person_names.get(actor_id, set())
        vetoed = any(
            len(known) == len(words) >= 3 and known[:2] == words[:2] and known[-1] != words[-1]
            for known in names
        )
        scores[actor_id] = (
            0.0 if vetoed else max((person_score(words, k) for k in names), default=0.0)
        )
    return scores


def org_candidates(indexes: tuple[NameIndex, ...], key: str) -> dict[str, float]:
    """Organisations of `indexes` sharing the rarest word of the loose `key`, scored (0 under
    ORG_FLOOR)."""
    words = key.split()
    postings: list[set[str]] = []
    for index in indexes:
        postings.extend(index.words[w] for w in words if w in index.words)
    postings.sort(key=len)
    ids: set[str] = set()
    for posting in postings[:1]:
        if len(posting) <= MAX_POSTING:
            ids |= posting
    scores: dict[str, float] = {}
    size = len(words)
    numbers = [w for w in words if w.isdigit()]
    for actor_id in ids:
        score = 0.0
        for index in indexes:
            for known in index.loose_names.get(actor_id, ()):
                # Cheap bounds first: the score is at most 2*min/sum of the word
                # counts, and a year or number of the name must be in the other.
                if not may_reach(size, known.count(" ") + 1):
                    continue
                if numbers and not all(n in known for n in numbers):
                    continue
                score = max(score, org_score(key, known))
        scores[actor_id] = score if score >= ORG_FLOOR else 0.0
    return scores


def may_reach(size: int, other: int) -> bool:
    """Whether names of `size` and `other` words can share enough words for ORG_FLOOR."""
    return 2 * min(size, other) >= ORG_FLOOR * (size + other)
