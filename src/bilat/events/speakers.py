"""A titled person with no country, in what a state body reports, is of that body's state.

"Cuba's foreign ministry said Deputy Foreign Minister Ruiz had met the Russian ambassador":
the resolver gives the office holder no country (his title names none), and a named person
is no proxy of a place near him, so the meeting would be lost. A state body reporting what
an official did speaks of its own state's official: the person takes the reporter's
country. Only an office title right before the name qualifies ("Minister", "Ambassador",
"canciller"), and only a reporter that is a state body, not a person or an outlet, whose
speech verb governs the clause the act is told in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bilat.events import cues
from bilat.events.spans import PlacedSpan
from bilat.events.syntax import RELATIVE_DEPS, DepTree, find_subject
from bilat.models import ActorSpan
from bilat.resolve.story import STATE_SECTORS

# Titles of a state's office holders, in the last word before the name.
OFFICE_TITLES = frozenset(
    "minister secretary ambassador envoy president premier spokesman spokeswoman spokesperson "
    "ministro ministra viceministro viceministra canciller vicecanciller secretario secretaria "
    "embajador embajadora enviado enviada presidente presidenta portavoz vocero vocera".split()
)
# Reporters that speak for a state are its bodies (STATE_SECTORS: government, forces, police).
# How far up from the act the reporting verb is looked for ("said X had met": 1 link;
# "said X had travelled to meet": 2).
_MAX_HOPS = 3


def find_reporter_country(
    tree: DepTree, placed: Sequence[PlacedSpan], person: ActorSpan, act: int
) -> ActorSpan | None:
    """`person` with the country of the state body that reports the act at token `act`,
    when the person is named with an office title and no country; else None."""
    if person.country or person.token_start == 0:
        return None
    title = tree.tokens[person.token_start - 1]
    if title.text.lower() not in OFFICE_TITLES and title.lemma.lower() not in OFFICE_TITLES:
        return None
    verb = _reporting_verb(tree, act)
    if verb is None:
        return None
    said_by: set[int] = set()
    for s in find_subject(tree, verb):
        said_by |= tree.subtree(s, RELATIVE_DEPS)
    bodies = {
        p.span.country
        for p in placed
        if p.head in said_by and p.span.country and p.span.sector in STATE_SECTORS
    }
    bodies.discard(None)
    if len(bodies) != 1 or any(p.head in said_by and p.span.kind == "person" for p in placed):
        return None
    return replace(person, country=bodies.pop())


def _reporting_verb(tree: DepTree, act: int) -> int | None:
    """The speech verb whose content clause holds token `act`, a few links up, or None."""
    cur = act
    for _ in range(_MAX_HOPS):
        tok = tree.tokens[cur]
        if tok.head == cur:
            return None
        if tree.is_content_clause(cur) and tree.lemma(tok.head) in cues.SPEECH_VERBS:
            return tok.head
        cur = tok.head
    return None
