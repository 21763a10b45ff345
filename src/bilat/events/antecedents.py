"""Antecedents of personal pronoun subjects: "he met X" takes the side of who "he" is.

A pronoun subject names no one, so without this the nearest other country in the sentence
would fill the empty actor side, often from the very object of the act. The antecedent is
taken to be the nearest earlier subject that names a party: first in the same sentence
("Lavrov said he met ..."), then the first subject naming a party in earlier sentences,
skipping sentences whose subject is itself a pronoun (the chain "X arrived. He met ... He signed").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bilat.events import cues
from bilat.events.spans import PlacedSpan, countries_of
from bilat.events.speakers import find_reporter_country
from bilat.events.syntax import RELATIVE_DEPS, DepTree
from bilat.models import ActorSpan

SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "él", "ella"})
PLURAL_PRONOUNS = frozenset({"they", "ellos", "ellas"})
PRONOUNS = SINGULAR_PRONOUNS | PLURAL_PRONOUNS
# How many sentences back an antecedent is looked for: further, the reader has lost it too.
LOOKBACK = 3
_ACTIVE_SUBJECT_DEPS = frozenset({"nsubj"})
_PHRASE_DEPS = frozenset({"prep", "nmod", "obl"})


def find_pronoun(tree: DepTree, subject: set[int]) -> int | None:
    """The personal pronoun that is the whole subject ('he', 'ellos'), else None."""
    tokens = tree.tokens
    heads = [t for t in subject if tokens[t].head not in subject or tokens[t].head == t]
    if len(heads) != 1 or tokens[heads[0]].pos != "PRON":
        return None
    return heads[0] if tokens[heads[0]].text.lower() in PRONOUNS else None


def find_antecedent(
    tree: DepTree, placed: Sequence[PlacedSpan], subject: set[int]
) -> list[ActorSpan]:
    """The party spans a pronoun subject (tokens `subject`) stands for; [] when the subject
    is no personal pronoun or none is found, so the caller keeps its usual rules."""
    pronoun = find_pronoun(tree, subject)
    if pronoun is None:
        return []
    word, sentences = tree.tokens[pronoun].text.lower(), tree.doc.sentences
    index = next(
        (k for k, s in enumerate(sentences) if s.token_start <= pronoun < s.token_end), None
    )
    if index is None:
        return []
    own = sentences[index]
    earlier = _subjects(tree, range(own.token_start, pronoun))
    if earlier:
        # the nearest subject before it; one that names no party leaves it unknown
        return _party_of(tree, placed, earlier[-1], word) or []
    for sent in reversed(sentences[max(0, index - LOOKBACK) : index]):
        subjects = _subjects(tree, range(sent.token_start, sent.token_end))
        if not subjects:
            continue  # "He arrived on Monday.": the chain goes on to who "he" was
        # the first subject that names a party: a misparse may make a noun a subject
        found = (_party_of(tree, placed, s, word) for s in subjects)
        return next((spans for spans in found if spans), [])
    return []


def _subjects(tree: DepTree, tokens: range) -> list[int]:
    """Active subjects that are nouns (no pronouns: those are what is being resolved)."""
    return [
        t
        for t in tokens
        if tree.tokens[t].dep in _ACTIVE_SUBJECT_DEPS and tree.tokens[t].pos != "PRON"
    ]


def _party_of(
    tree: DepTree, placed: Sequence[PlacedSpan], subject: int, word: str
) -> list[ActorSpan] | None:
    """Spans of a country named by the subject phrase at `subject`, or None when it names
    none. Places it sits in ("the embassy in Cuba") are where, not who; a singular pronoun
    does not stand for a plural noun ("the visitors ... he")."""
    tok = tree.tokens[subject]
    if word in SINGULAR_PRONOUNS and "Number=Plur" in tok.morph:
        return None
    core = tree.subtree(subject, RELATIVE_DEPS)
    for t in list(core):
        dep = tree.tokens[t].dep
        if dep in _PHRASE_DEPS and tree.preposition_of(t) in cues.LOCATIVE_PREPOSITIONS:
            core -= tree.subtree(t)
    spans = [p.span for p in placed if p.head in core and p.span.country]
    if not spans:
        return None
    if word in SINGULAR_PRONOUNS and len(countries_of(spans)) > 1:
        # "the presidents of Russia and Cuba ... he": which one is not known
        return None
    return spans


def is_unplaced_person(span: ActorSpan) -> bool:
    """A named person the resolver gives no country: no proxy of any place near the name."""
    return span.kind == "person" and not span.country


def find_named_country(placed: Sequence[PlacedSpan], span: ActorSpan) -> ActorSpan | None:
    """'US President Hollis arrived ... Hollis criticized Russia': the person of `span` with
    the one country the article gives the same actor elsewhere, or None."""
    if not span.actor_id:
        return None
    countries = {p.span.country for p in placed if p.span.actor_id == span.actor_id}
    countries.discard(None)
    if len(countries) != 1:
        return None
    return replace(span, country=countries.pop())


def find_person_side(
    placed: Sequence[PlacedSpan],
    actor: Sequence[ActorSpan],
    tree: DepTree | None = None,
    act: int | None = None,
) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """For an actor side naming persons with no country: (those persons, the ones the
    article names elsewhere with a country, else, given the tree and the act's token, the
    titled ones a state body reports on: speakers.py); None when it names no such person.
    A named person is no proxy of a place named near him, so the side is not filled from one."""
    persons = [s for s in actor if is_unplaced_person(s)]
    if not persons:
        return None
    named = [k for k in (find_named_country(placed, s) for s in persons) if k]
    if not named and tree is not None and act is not None:
        reported = (find_reporter_country(tree, placed, s, act) for s in persons)
        named = [k for k in reported if k]
    return persons, named


def acts_on_named_state(
    actor: Sequence[ActorSpan],
    recipient: Sequence[ActorSpan],
    names_state: Callable[[ActorSpan], bool],
) -> bool:
    """'President Bush threatened Russia': a named person with no country acting on a state
    by its name is not taken to be of that state; acting on a group or city of it, he is
    ('President Bouteflika threatened a curfew in Algiers', as PLOVER codes it)."""
    return any(is_unplaced_person(s) for s in actor) and any(
        s.kind == "state" and names_state(s) for s in recipient
    )


def refers_to_party(tree: DepTree, subject: set[int]) -> bool:
    """Whether the subject is a pronoun or a noun for a party ('the two sides')."""
    tokens = tree.tokens
    heads = [t for t in subject if tokens[t].head not in subject or tokens[t].head == t]
    return any(tokens[t].lemma.lower() in cues.PARTY_WORDS for t in heads)
