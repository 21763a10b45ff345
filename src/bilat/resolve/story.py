"""Bare state agent nouns ("the army", "government forces", "la policía") take the story's state.

A story about one state names its bodies without the state: "Syria's army shelled Idlib.
Government forces killed 12 ...". Analysts read the second sentence as Syria's, so the bare
noun phrase gets an actor span of that state (via "context", which says how it was found)
when the text before it settles one, and is left as it was when it does not:

* the one country spans of the same sector name in the sentences before ("Syria's army"
  ... "the army"); two or more such countries leave it without one, whatever else the
  story says;
* else the one country the text up to its sentence's end names, provided a sentence before
  names that state or one of its bodies acting, not only as where something is ("a
  conference in Geneva" makes no Swiss government) nor by some other group of it
  ("economists in Havana").

The noun's own sentence is no evidence: there the coder's own rules (the nearest country,
the same state) read it, and "Russia massed troops" moves its troops, it deals with no one.

Evidence is looked for up to LOOKBACK sentences back, as a reader would keep it in mind.

Only institutions and bodies of a state (sectors GOV, MIL, COP; no single persons) qualify,
and only a head noun standing alone: "an army", "the army base", "the government of
Idlib", "anti-government forces" are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from bilat.models import ActorKind, ParsedDoc
from bilat.resolve.compose import Composer
from bilat.resolve.found import LOCATIVES as PLACE_WORDS
from bilat.resolve.found import AgentAt, Found, group_id
from bilat.resolve.gazetteer import Agent
from bilat.resolve.tables import iter_agents

STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
STORY_VIA = "context"
# The head words of a state's own bodies: a commission, an embassy or a delegation may well
# be two states' or another state's, so only these take the story's state.
STATE_BODIES = frozenset(
    "government governments ministry ministries authorities army armies military forces "
    "troops police gobierno gobiernos ministerio ministerios autoridades ejército ejércitos "
    "fuerzas tropas policía cancillería militares".split()
)
# A body of the story's state is definite ("the army") or a bare plural ("troops").
# "their ministries", "sus fuerzas" may be several states' bodies: left alone.
DEFINITE = frozenset("the el la los las lo its".split())
# "an army", "neither government", "both ministries": not the story's one state's body.
INDEFINITE = frozenset(
    "a an un una unos unas another other otro otra otros otras neither either each every both "
    "no any all some ningún ninguna ambos ambas cada cualquier todos todas".split()
)
# "the government of Idlib", "troops from the north": the phrase says whose they are.
OWNER_WORDS = frozenset("of de del from".split())
# After these a state is where something is, not a party.
LOCATIVES = PLACE_WORDS | {"from", "to", "a"}
# How many sentences back the evidence is looked for: further, the reader has lost it too.
LOOKBACK = 3
LOOKUP_DEPTH = 8  # links up from a word to the subject it belongs to
OBJECT_DEPS = frozenset({"dobj", "obj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_MODIFIER_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# Words before the noun that say whose or which it is.
_OWNER_POS = _MODIFIER_POS | {"DET", "PRON", "PART"}
_HYPHENS = frozenset({"-", "‐", "–"})


def add_story_agents(composer: Composer, doc: ParsedDoc, agent_at: AgentAt) -> None:
    """Add a span for each bare state agent noun phrase, with the story's state when the
    text before it settles one (see module doc); also give that country to NER
    organisations that are nothing but such a noun ("the Foreign Ministry")."""
    # evidence is what the text itself names: spans added here are not evidence for others
    named = [f for f in composer.found if f.country]
    for start, end, kind, sector in list(_iter_bare_agents(composer, doc, agent_at)):
        if _is_subject_s_own(composer, doc, end - 1):
            continue  # "Russia massed troops": the troops are what Russia moved, no party
        first, own_end = _sentence_of(doc, start)
        window = _window_start(doc, first)
        # the sentence itself is the coder's to read (nearest country, same state): here
        # only earlier sentences are evidence, and its own states count as in play
        recent = [f for f in named if window <= f.start and f.end <= first]
        in_play = [f for f in named if f.start < own_end]
        country = (
            find_same_noun(recent, sector, doc, end - 1)
            or find_previous_subject(recent, sector, doc, first)
            or choose_country(in_play, recent, sector, doc)
        )
        if country is None:
            continue
        owned = composer.owned(start, end)
        found = Found(
            start,
            end,
            group_id(country, sector),
            kind,
            country,
            sector,
            STORY_VIA,
            "agent",
        )
        if owned:
            composer.swap(owned, found)
        else:
            composer.add(found)


def find_same_noun(recent: Sequence[Found], sector: str, doc: ParsedDoc, head: int) -> str | None:
    """'Cuba's foreign ministry said ... Washington ... the ministry said': the one state
    whose body of the same sector the text named before with the same head noun; the
    reader takes "the ministry" for that ministry, whatever other bodies are in play."""
    noun = doc.tokens[head].lemma.lower()
    same = {
        f.country
        for f in recent
        if f.sector == sector and not f.members and doc.tokens[f.end - 1].lemma.lower() == noun
    }
    return same.pop() if len(same) == 1 else None


def find_previous_subject(
    recent: Sequence[Found], sector: str, doc: ParsedDoc, first: int
) -> str | None:
    """'El Gobierno cubano informó del donativo. Las autoridades acusaron ...': the state
    whose body of the same sector is the subject of the sentence just before, when one
    state's is; the reader carries it on, whatever other states the story names."""
    before = [s for s in doc.sentences if s.token_end <= first]
    if not before:
        return None
    prev = before[-1]
    heads = [
        t for t in range(prev.token_start, prev.token_end) if doc.tokens[t].dep in SUBJECT_DEPS
    ]
    # the whole subject phrase, conjuncts too ("Ethiopia's army and Eritrea's army")
    inside = set(heads)
    for t in range(prev.token_start, prev.token_end):
        cur = t
        for _ in range(LOOKUP_DEPTH):
            if cur in inside or doc.tokens[cur].head == cur:
                break
            cur = doc.tokens[cur].head
        if cur in inside:
            inside.add(t)
    subjects = {
        f.country
        for f in recent
        if f.sector == sector and not f.members and any(t in inside for t in range(f.start, f.end))
    }
    return subjects.pop() if len(subjects) == 1 else None


def choose_country(
    in_play: Sequence[Found], recent: Sequence[Found], sector: str, doc: ParsedDoc
) -> str | None:
    """The story's state for a bare noun of `sector`: from the same sector among the
    `recent` spans, else the one state of all spans `in_play` when a recent span names it
    as a party; None when the text does not settle one."""
    same = {f.country for f in recent if f.sector == sector and not f.members}
    if same:
        return same.pop() if len(same) == 1 else None
    named = {f.country for f in in_play}
    if len(named) != 1 or any(f.members for f in in_play):
        return None
    country = next(iter(named))
    return country if any(_names_party(f, doc) for f in recent) else None


def _is_subject_s_own(composer: Composer, doc: ParsedDoc, head: int) -> bool:
    """Whether the noun at `head` is the object of a verb whose subject names a country:
    "Russia massed troops", "Ecuador enviará tropas" move their own forces."""
    tokens = doc.tokens
    if tokens[head].dep not in OBJECT_DEPS:
        return False
    verb = tokens[head].head
    subjects = {t.i for t in tokens if t.head == verb and t.dep in SUBJECT_DEPS and t.i != verb}
    subjects |= {t.i for t in tokens if t.head in subjects and t.i != t.head}
    return any((o := composer.owner[t]) is not None and o.country for t in subjects)


def _sentence_of(doc: ParsedDoc, token: int) -> tuple[int, int]:
    """(first token, end token) of the sentence holding `token`."""
    for sent in doc.sentences:
        if sent.token_start <= token < sent.token_end:
            return sent.token_start, sent.token_end
    return token, token + 1


def _window_start(doc: ParsedDoc, first: int) -> int:
    """The first token of the sentence LOOKBACK sentences before the one starting at
    `first`."""
    starts = [s.token_start for s in doc.sentences if s.token_start < first]
    return starts[-LOOKBACK] if len(starts) >= LOOKBACK else 0


def _names_party(f: Found, doc: ParsedDoc) -> bool:
    """Whether a span names its state acting: the state itself or one of its bodies, not
    a place where something is ("in Syria") nor some other group of it ("economists")."""
    before = doc.tokens[f.start - 1].text.lower() if f.start > 0 else ""
    if before in LOCATIVES:
        return False
    return f.sector in STATE_SECTORS or (f.kind == "state" and f.role != "demonym")


def _iter_bare_agents(
    composer: Composer, doc: ParsedDoc, agent_at: AgentAt
) -> list[tuple[int, int, ActorKind, str]]:
    """(start, end, kind, sector) of each bare state agent noun phrase, in text order."""
    out: list[tuple[int, int, ActorKind, str]] = []
    t = 0
    while t < len(doc.tokens):
        hit = agent_at(t)
        if hit is None:
            t += 1
            continue
        end, agent = hit
        owned = composer.owned(t, end)
        free = not owned or _is_bare_name(owned, t, end, doc)
        if (
            free
            and agent.sector in STATE_SECTORS
            and not STATE_BODIES.isdisjoint(agent.phrase.lower().split())
            and not _names_persons(agent)
            and _stands_alone(doc, t, end)
        ):
            kind = "group" if agent.plural else agent.kind
            out.append((t, end, kind, agent.sector))
        t = end if free else max(t + 1, max(o.end for o in owned))
    return out


def _names_persons(agent: Agent) -> bool:
    """Whether the agent noun names a person or persons ("minister", "ministers"): a body
    of the state is an institution or a force, not one of its office holders."""
    return agent.kind == "person" or (agent.language, agent.phrase.lower()) in _person_plurals()


@cache
def _person_plurals() -> frozenset[tuple[str, str]]:
    """Plural forms of agent nouns whose singular names a person."""
    out: set[tuple[str, str]] = set()
    singular_kind = ""
    for row in iter_agents():
        if not row.plural:
            singular_kind = row.kind
        elif singular_kind == "person":
            out.add((row.language, row.phrase.lower()))
    return frozenset(out)


def _is_bare_name(owned: list[Found], start: int, end: int, doc: ParsedDoc) -> bool:
    """An NER organisation with no country that is nothing but the agent noun, maybe after
    a determiner ("the Foreign Ministry")."""
    if len(owned) != 1:
        return False
    o = owned[0]
    if o.role != "ner" or o.country is not None or o.kind != "organization" or o.end != end:
        return False
    return all(tok.pos == "DET" for tok in doc.tokens[o.start : start])


def _stands_alone(doc: ParsedDoc, start: int, end: int) -> bool:
    """Whether the agent noun heads its phrase with nothing saying whose it is: a definite
    determiner, a bare plural, or the sentence's first word before it; no noun after it
    ("army base") and no "of"/"from" phrase."""
    tokens = doc.tokens
    before = tokens[start - 1] if start > 0 else None
    sentence_start = any(s.token_start == start for s in doc.sentences)
    if before is not None and not sentence_start:
        word = before.text.lower()
        if word in INDEFINITE or before.text in _HYPHENS:
            return False
        if before.pos in _OWNER_POS and word not in DEFINITE:
            return False  # "rebel forces", "each ministry", "their army", "the island's police"
    if end < len(tokens):
        after = tokens[end]
        if after.text.lower() in OWNER_WORDS or after.text in _HYPHENS:
            return False
        if after.pos in ("NOUN", "PROPN") or after.text in ("'s", "’s"):
            return False
    return True
