"""Coordinated phrases and which of a trigger's phrases stay parties ("defended Iraq and Syria")."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bilat.events.spans import PlacedSpan
from bilat.events.syntax import CLAUSE_DEPS, RELATIVE_DEPS, SUBJECT_DEPS, DepTree
from bilat.models import ActorSpan

CONJ_DEPS = frozenset({"conj"})
# Prepositions whose phrase names both parties at once ("clashes between X and Y").
BETWEEN = frozenset({"between", "among", "entre"})
# "talks with X" names the partner; "at X", "in X" beside it name where the act took place.
PARTNER_PREPOSITIONS = frozenset({"with", "con"})
VENUE_PREPOSITIONS = frozenset({"at", "in", "en"})
OBJECT_OF_PREP = frozenset({"pobj"})
_OBJECT_DEPS = frozenset({"dobj", "obj"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})


def with_conjuncts(tree: DepTree, part: set[int]) -> set[int]:
    """`part` and the nouns coordinated with its nouns, each conjunct with its own phrase:
    the parser hangs "Chile, Peru, Bolivia and Ecuador" as a chain, each on the one before,
    so the chain is followed to its end while its words are of one kind (names, or common
    nouns): "the crisis and the alliance, Russia and Cuba" joins two lists, and only the
    first is followed. A list inside a conjunct's own phrase ("the supply of buses and
    Russian trucks") is what that conjunct is about, not more of the role; a coordinated
    clause (a verb) is left out."""
    out = set(part)
    todo = [(t, False) for t in part]
    while todo:
        t, chained = todo.pop()
        for c in tree.kids_with(t, CONJ_DEPS):
            pos = tree.tokens[c].pos
            if c in out or pos not in NOMINAL_POS or (chained and pos != tree.tokens[t].pos):
                continue
            out |= tree.subtree(c, RELATIVE_DEPS | CLAUSE_DEPS)
            todo.append((c, True))
    return out


def conjunct_chain(tree: DepTree, t: int) -> set[int]:
    """The heads of the nouns coordinated with noun t, t's included ("Chile and Peru":
    from either, both): up the conj links to the first conjunct, then down every one."""
    first = t
    for _ in range(MAX_DEPTH):
        tok = tree.tokens[first]
        if tok.dep not in CONJ_DEPS or tree.tokens[tok.head].pos not in NOMINAL_POS:
            break
        first = tok.head
    out, todo = {first}, [first]
    while todo:
        for c in tree.kids_with(todo.pop(), CONJ_DEPS):
            if c not in out and tree.tokens[c].pos in NOMINAL_POS:
                out.add(c)
                todo.append(c)
    return out


def find_venues(
    tree: DepTree, i: int, placed: Sequence[PlacedSpan], subject: Collection[int] = ()
) -> set[int]:
    """Tokens of the places where verb i's act was done when a partner stands beside them:
    "signed the accord in Doha with Peru", "held talks in Oman with Iran" deal with
    the partner only (the host of the venue is no party). A subject that names both sides
    ("Iran and Iraq held talks in Moscow", "the Malian government and northern rebels signed a
    truce in Algiers") is such a partner too, and then a place beside the verb's object is
    a venue as well. A venue is a phrase whose noun is a state or place name ("at a Cuban
    firm" may be a party); with no partner of a country, no place is a venue."""
    owners = {p.head for p in placed if p.span.country}
    places = {p.head for p in placed if p.span.kind in ("state", "place")}
    partners: set[int] = set()
    venues: set[int] = set()
    joint = _names_both_sides(tree, subject, placed)
    holders = [i, *(tree.kids_with(i, _OBJECT_DEPS) if joint else ())]
    for h in holders:
        for c in tree.children(h):
            prep = tree.preposition_of(c)
            if prep in PARTNER_PREPOSITIONS and h == i:
                partners |= with_conjuncts(tree, tree.subtree(c, RELATIVE_DEPS | CLAUSE_DEPS))
            elif prep in VENUE_PREPOSITIONS and places & {c, *tree.kids_with(c, OBJECT_OF_PREP)}:
                venues |= tree.subtree(c, RELATIVE_DEPS | CLAUSE_DEPS)
    return venues if joint or partners & owners else set()


def _names_both_sides(
    tree: DepTree, subject: Collection[int], placed: Sequence[PlacedSpan]
) -> bool:
    """Whether a subject names two parties, one of a state: two states ("Iranian and Iraqi
    negotiators") or a state's body and another noun ("the Malian government and rebels")."""
    countries = {p.span.country for p in placed if p.head in subject and p.span.country}
    if len(countries) >= 2:
        return True
    joined = any(
        tree.tokens[t].dep in CONJ_DEPS
        and tree.tokens[t].pos in NOMINAL_POS
        and tree.tokens[t].head in subject
        for t in subject
    )
    return joined and bool(countries)


def phrase_depth(tree: DepTree, t: int, i: int, free: frozenset[str] = CONJ_DEPS) -> int | None:
    """Links from token t up to token i, a conjunct counting as its first ("with X and Y":
    Y is as deep as X), and so any link in `free`; None when t does not hang under i."""
    depth, cur = 0, t
    for _ in range(MAX_DEPTH):
        if cur == i:
            return depth
        tok = tree.tokens[cur]
        if tok.head == cur:
            return None
        depth += tok.dep not in free
        cur = tok.head
    return None


def keep_shallow(
    tree: DepTree, heads: list[int | None], i: int, reported: Collection[int] = ()
) -> list[bool]:
    """Which of the phrases headed by `heads` stay parties of trigger i: when one is the
    trigger's own object or prepositional object ("flew to Zembla", "pressed Ruritania"),
    a party named deeper, inside another phrase ("for a summit ... with Freedonia", "to
    answer Sylvania's offer", "a loan to Cuba for Russian trucks"), tells what the act is
    about, not whom it is done to. With no shallow one, all stay; a head None (a phrase
    with no country) neither counts nor goes. A head in `reported`, the subject of the
    clause a spoken act reports ("denounced before the OAS that Venezuelan jets violated
    ..."), is whom the act is aimed at however deep the parser hangs it."""
    depths = [
        None
        if h is None
        else 1
        if h in reported and _in_clause_subject(tree, h, i)
        else phrase_depth(tree, h, i)
        for h in heads
    ]
    if not any(d is not None and d <= SHALLOW for d in depths):
        # "threatened to take steps against X over drills with Y", "advirtió que romperá
        # con España si Madrid ...": the verb it says or means to do carries the act
        depths = [None if h is None else phrase_depth(tree, h, i, _ACT_LINKS) for h in heads]
    if not any(d is not None and d <= SHALLOW for d in depths):
        return [True] * len(heads)
    return [d is None or d <= SHALLOW for d in depths]


def shallow_spans(
    tree: DepTree,
    spans: list[ActorSpan],
    heads: list[int],
    i: int,
    reported: Collection[int] = (),
) -> list[ActorSpan]:
    """The spans (headed by `heads`) that `keep_shallow` keeps as parties of trigger i; a
    span with no country neither counts nor goes."""
    named = [h if s.country else None for s, h in zip(spans, heads, strict=True)]
    kept = keep_shallow(tree, named, i, reported)
    return [s for s, keep in zip(spans, kept, strict=True) if keep]


def outside_between(
    tree: DepTree, spans: list[ActorSpan], heads: list[int], i: int
) -> list[ActorSpan]:
    """Without the spans named inside a "between" phrase of the trigger's side when a span
    with a country stands outside one: the parties of a dispute the side is described by."""
    inside = [_under_between(tree, h, i) for h in heads]
    if not any(s.country and not n for s, n in zip(spans, inside, strict=True)):
        return spans
    return [s for s, n in zip(spans, inside, strict=True) if not n]


def _under_between(tree: DepTree, t: int, i: int) -> bool:
    cur = t
    for _ in range(MAX_DEPTH):
        tok = tree.tokens[cur]
        if cur == i or tok.head == cur:
            return False
        if tok.dep == "prep" and tree.lemma(cur) in BETWEEN:
            return True
        cur = tok.head
    return False


def _in_clause_subject(tree: DepTree, h: int, i: int) -> bool:
    """Whether token h is inside the subject of the content clause trigger i itself reports
    ("that Venezuelan jets violated ..."), not elsewhere in it ("that it would act over a
    deal with X") nor in a clause nested deeper ("that it would act if X let Y ...")."""
    cur = h
    for _ in range(MAX_DEPTH):
        tok = tree.tokens[cur]
        if tok.head == cur or cur == i:
            return False
        clause = tok.head
        if tok.dep in SUBJECT_DEPS and tree.is_content_clause(clause):
            return tree.tokens[clause].head == i
        cur = clause
    return False


# Links to the clause a trigger says or means to do ("threatened to take", "warned that it
# would cut"): counted as none when the trigger itself has no shallow party.
_ACT_LINKS = CONJ_DEPS | {"xcomp", "ccomp"}
# The trigger's object (1 link) or prepositional object (2: "for" + noun).
SHALLOW = 2
MAX_DEPTH = 12
