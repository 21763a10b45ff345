"""Actor spans tied to tree tokens, the Roles record, and phrase helpers the role rules use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bilat.events import cues
from bilat.events.cues import LOCATIVE_PREPOSITIONS, ROUTE_PREPOSITIONS
from bilat.events.syntax import RELATIVE_DEPS, SUBJECT_DEPS, DepTree
from bilat.models import ActorRef, ActorSpan, Place, Sentence, Span
from bilat.resolve.found import group_id

FROM = frozenset({"from", "desde"})


@dataclass(frozen=True, slots=True)
class PlacedSpan:
    """An ActorSpan with the document index of its head token."""

    span: ActorSpan
    head: int


def countries_of(spans: Iterable[ActorSpan]) -> set[str]:
    """The states the spans name; a name for several ("the Baltic states") names each."""
    return {c for s in spans for c in span_countries(s)}


def is_own_side(span: ActorSpan, actor: Sequence[ActorSpan]) -> bool:
    """Whether a recipient span names only the acting side's own states: a state the actors
    name themselves, or a group all of whose members act. A member of an acting group stays
    ("the Baltic states accused Lithuania": make_parties takes Lithuania out of the group)."""
    mine = span_countries(span)
    if not mine:
        return False
    if span.members:
        return not mine - countries_of(actor)
    return not mine - countries_of(s for s in actor if not s.members)


def span_countries(span: ActorSpan) -> set[str]:
    if span.members:
        return {c for c, _ in span.members if c}
    return {span.country} if span.country else set()


STRENGTH = {"clause": 0.85, "split": 0.75, "nearest": 0.6, "article": 0.45, "domestic": 0.6}
STRENGTH |= {"one-sided": 0.4, "inside": 0.45, "antecedent": 0.6}


@dataclass(frozen=True, slots=True)
class Roles:
    actor: tuple[ActorSpan, ...]
    recipient: tuple[ActorSpan, ...]
    how: str  # the weakest rule used: clause, split, nearest, article or one-sided

    @property
    def strength(self) -> float:
        return STRENGTH[self.how]

    def countries(self) -> tuple[set[str], set[str]]:
        return countries_of(self.actor), countries_of(self.recipient)


def place_spans(tree: DepTree, spans: Sequence[ActorSpan]) -> list[PlacedSpan]:
    """Tie each span to its syntactic head token (token offsets are found when missing)."""
    tokens = tree.tokens
    out: list[PlacedSpan] = []
    for span in spans:
        if 0 <= span.token_start < span.token_end <= len(tokens):
            inside = range(span.token_start, span.token_end)
        else:
            inside = range(0)
            hits = [t.i for t in tokens if t.start < span.end and span.start < t.end]
            if hits:
                inside = range(hits[0], hits[-1] + 1)
        if not inside:
            continue
        heads = [i for i in inside if tokens[i].head not in inside or tokens[i].head == i]
        out.append(PlacedSpan(span, heads[0] if heads else inside[-1]))
    return out


def describes_state(tree: DepTree, i: int, state_verbs: frozenset[str]) -> bool:
    """Whether verb i is a participle clause with no subject of its own hung on a verb of
    state or aim ("has become a partner, offering support")."""
    tok = tree.tokens[i]
    if tok.dep != "advcl" or tok.head == i or not tok.text.lower().endswith("ing"):
        return False
    if any(tree.tokens[c].dep in ("nsubj", "nsubjpass", "mark") for c in tree.children(i)):
        return False
    return tree.lemma(tok.head) in state_verbs


def is_second_object(tree: DepTree, i: int, c: int) -> bool:
    """'provided billions in aid to X, a rival of Y': a second direct object of verb i
    after a comma is an apposition the parser hung on the verb."""
    tokens = tree.tokens
    if tokens[c].dep not in ("dobj", "obj"):
        return False
    earlier = [k for k in tree.children(i) if k < c and tokens[k].dep == tokens[c].dep]
    first = min(tree.subtree(c))
    return bool(earlier) and first > 0 and tokens[first - 1].text == ","


def governing_verb(tree: DepTree, i: int) -> int | None:
    cur = i
    for _ in range(6):
        head = tree.tokens[cur].head
        if head == cur:
            return None
        cur = head
        if tree.tokens[cur].pos in ("VERB", "AUX"):
            return cur
    return None


# Phrases nested in a noun's "of" phrase that name the act's other party: "the suspension
# of all flights with Latvia", "the sale of arms to Taiwan".
TOWARDS = frozenset({"to", "with", "against", "toward", "towards", "a", "con", "contra", "hacia"})


def nested_places(tree: DepTree, part: set[int], top: int, left: bool = True) -> set[int]:
    """Tokens under a phrase nested in the phrase at `top` that names the other side: a
    "from" phrase when `left` ("the withdrawal of forces from Panama": the place left), a
    "to"/"with" phrase always ("the suspension of links with Serbia")."""
    preps = TOWARDS | FROM if left else TOWARDS
    out: set[int] = set()
    for t in part:
        if t != top and tree.tokens[t].dep == "prep" and tree.lemma(t) in preps:
            out |= tree.subtree(t)
    return out


def nested_city_phrases(
    tree: DepTree, part: set[int], top: int, cities: set[int], owners: set[int]
) -> set[int]:
    """Tokens of the locative phrases nested in the phrase at `top` that name a city, when
    the rest still names a party (`owners`: heads of spans with a country): "received by
    the Cuban president in Havana" says where; "by a delegation in Omsk" says who."""
    out: set[int] = set()
    for t in part:
        if t != top and tree.tokens[t].dep == "prep" and tree.lemma(t) in LOCATIVE_PREPOSITIONS:
            inside = tree.subtree(t)
            if inside & cities:
                out |= inside
    return out if (part - out) & owners else set()


# Complements that name the thing's own owner or author ("the rights of Palestinians", "an
# attack by Israeli jets"): a party there is the phrase's own.
OWN_PREPOSITIONS = frozenset({"of", "de", "del", "by", "por"})
# Phrases that say where the thing is ("rebels in Macedonia", "offices near the border").
WHERE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | ROUTE_PREPOSITIONS | {"near", "at", "cerca"}


def find_where(tree: DepTree, placed: Sequence[PlacedSpan], tokens: set[int]) -> list[ActorSpan]:
    """Spans with a country in the phrases of place among `tokens` ("in Moscow")."""
    inside: set[int] = set()
    for t in tokens:
        dep = tree.tokens[t].dep
        if dep in ("prep", "obl", "nmod") and tree.preposition_of(t) in WHERE_PREPOSITIONS:
            nouns = {t, *tree.kids_with(t, frozenset({"pobj"}))}
            if not any(tree.lemma(k) in cues.STANCE_NOUNS for k in nouns):
                inside |= tree.subtree(t)  # "in protest against X" is no place
    return [p.span for p in placed if p.head in inside and p.span.country]


def nested_asides(tree: DepTree, part: set[int], top: int, named: set[int]) -> set[int]:
    """Tokens of the phrases of place nested in the object phrase at `top`: "arms for Kurdish
    fighters in Syria", "Egypt's role in talks with the Israelis" (and what hangs on
    them) say where the thing is or happens, not who receives the act. Such a phrase is set
    aside only when the phrase it hangs on names a party of its own (a head in `named`):
    "aid to villages in Macedonia" keeps Macedonia. Other phrases stay ("the solidarity of
    the Russian people with Cubans": Cubans receive it)."""
    out: set[int] = set()
    inner = _inner_phrases(tree, part, top)
    core = part - set().union(*(tree.subtree(k) for k in inner))
    for t in inner:
        inside = tree.subtree(t) & part
        if tree.preposition_of(t) in WHERE_PREPOSITIONS and core & named and inside & named:
            out |= inside
        else:
            out |= nested_asides(tree, inside, t, named)
    return out


def strip_nested_phrases(tree: DepTree, part: set[int], top: int) -> set[int]:
    """The phrase at `top` without the phrases nested in it: "in talks with the
    Palestinians" says where the act happened, not that it happened in a state."""
    return part - set().union(*(tree.subtree(k) for k in _inner_phrases(tree, part, top)))


def _inner_phrases(tree: DepTree, part: set[int], top: int) -> list[int]:
    """Prepositional phrases in `part` (but those naming an owner) that hang, through no
    other such phrase, on the core of the phrase at `top`."""
    found = [t for t in part if t != top and _is_phrase(tree, t)]
    out = []
    for t in found:
        cur = tree.tokens[t].head
        while cur in part and cur != top and cur not in found and tree.tokens[cur].head != cur:
            cur = tree.tokens[cur].head
        if cur not in found:
            out.append(t)
    return sorted(out)


def _is_phrase(tree: DepTree, t: int) -> bool:
    dep = tree.tokens[t].dep
    # UD: a nominal modifier with its own case marker ("la lucha contra Israel")
    nominal = dep in ("nmod", "obl") and any(tree.tokens[c].dep == "case" for c in tree.children(t))
    return (dep == "prep" or nominal) and tree.preposition_of(t) not in OWN_PREPOSITIONS


def may_stand_alone(named: list[ActorSpan]) -> bool:
    """A one-sided act stands when its target is a group or body of no state ("rebels",
    "the UN") or is not named; not when a target named is the actor's own country
    ("called for closer ties between Moscow and its neighbours": no act on Russia)."""
    return not named or all(not s.country for s in named)


def is_definite(tree: DepTree, i: int) -> bool:
    # "informó del donativo": Spanish "del"/"al" carry the article the parser does not split
    return any(
        (tree.tokens[c].dep in ("det", "poss") and tree.lemma(c) in _DEFINITE)
        or (tree.tokens[c].dep == "case" and tree.tokens[c].text.lower() in _CONTRACTED)
        for c in tree.children(i)
    )


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
_DEFINITE |= {"el", "la", "los", "las", "este", "esta", "ese", "esa", "su", "sus"}
_CONTRACTED = frozenset({"del", "al"})


def unique_spans(spans: Iterable[ActorSpan]) -> list[ActorSpan]:
    seen: dict[tuple[int, int], ActorSpan] = {}
    for s in spans:
        seen.setdefault((s.start, s.end), s)
    return sorted(seen.values(), key=lambda s: s.start)


def split_coordinated(
    spans: list[ActorSpan],
) -> tuple[list[ActorSpan], list[ActorSpan]] | None:
    """'Russia and Cuba signed': the first-named country acts, the others receive."""
    countries = [s.country for s in spans if s.country]
    if len(set(countries)) < 2:
        return None
    first = countries[0]
    return [s for s in spans if s.country == first], [s for s in spans if s.country != first]


def find_speakers(tree: DepTree, sentence: range, i: int) -> set[int]:
    """Tokens of who reports in the sentence ("..., the Israeli army said", "according
    to Pentagon sources"): the speaker is not a party to the reported act."""
    out: set[int] = set()
    for t in sentence:
        if tree.lemma(t) in cues.SPEECH_VERBS and tree.tokens[t].pos in ("VERB", "AUX"):
            for s in tree.kids_with(t, SUBJECT_DEPS):
                out |= tree.subtree(s)
        elif tree.tokens[t].text.lower() in ("according", "según"):
            # "according to the meeting's participants" may hold the act itself
            part = tree.subtree(t)
            out |= part if i not in part else set()
    return out


def describes_noun(tree: DepTree, head: int, i: int) -> bool:
    """Whether token `head` sits in a relative clause on the trigger noun i."""
    cur = head
    for _ in range(12):
        tok = tree.tokens[cur]
        if tok.head == cur or cur == i or (tok.head == i and tok.dep in RELATIVE_DEPS):
            return tok.head == i and tok.dep in RELATIVE_DEPS
        cur = tok.head
    return False


def is_aside(tree: DepTree, head: int, i: int) -> bool:
    """'the Castro government, long a foe of Washington': a country named in
    an apposition or in another coordinated clause takes no part in this act."""
    cur, listed = head, True  # listed: reached from the span's head by list links alone
    for _ in range(12):
        tok = tree.tokens[cur]
        if cur == i or tok.head == cur:
            return False
        if tok.dep == "appos" and listed and is_list_apposition(tree, cur):
            cur = tok.head  # "Peru, the Andes pact, Chile and Bolivia agreed": one more party
            continue
        if tok.dep == "appos" or (tok.dep == "conj" and tok.pos in ("VERB", "AUX")):
            return i not in tree.subtree(cur)
        listed = listed and tok.dep == "conj"
        cur = tok.head
    return False


def make_parties(
    actor: Sequence[ActorSpan], recipient: Sequence[ActorSpan]
) -> tuple[list[ActorRef], list[ActorRef]]:
    """The mention's actors and recipients: a name for several states gives one actor per
    member, less the members the other side names ("Latvia signed a pact with the Baltic
    states": Latvia acts towards Estonia and Lithuania, not towards itself)."""
    refs = [make_refs(s) for s in actor], [make_refs(s) for s in recipient]
    named = [
        {r.country for s, rs in zip(spans, side, strict=True) if not s.members for r in rs}
        for spans, side in zip((actor, recipient), refs, strict=True)
    ]
    out: tuple[list[ActorRef], list[ActorRef]] = ([], [])
    for k, (spans, side) in enumerate(zip((actor, recipient), refs, strict=True)):
        other = named[1 - k] | (countries_of(actor) if k == 1 else set())
        for span, rs in zip(spans, side, strict=True):
            kept = [r for r in rs if not span.members or r.country not in other]
            out[k].extend(kept)
    return out


def is_list_apposition(tree: DepTree, a: int) -> bool:
    """Whether apposition a is a member of a list the parser hung as an apposition: the
    list goes on from it ("X, the Y, Z and W": Z hangs on Y) or after it on its head ("X,
    the Y, and Z"), an "and" closing it. An aside ("Japan, a close ally of ..., said") has
    no list around it."""
    head = tree.tokens[a].head
    after = [c for c in tree.children(head) if c > a and tree.tokens[c].dep == "conj"]
    # "X, the Y, and Z" where the parser hung Z elsewhere: the "and" stays on X, right after
    end = max(tree.subtree(a))
    closed = any(
        tree.tokens[c].dep == "cc"
        and c > end
        and all(tree.tokens[t].dep == "punct" for t in range(end + 1, c))
        for c in tree.children(head)
    )
    return (
        closed
        or any(_has_coordinator(tree, c) for c in after)
        or any(tree.tokens[c].dep == "conj" and _has_coordinator(tree, c) for c in tree.children(a))
    )


def _has_coordinator(tree: DepTree, c: int) -> bool:
    """Whether conjunct c, or a conjunct after it, is joined by "and"/"or" ("Z and W")."""
    for _ in range(12):
        kids, head = tree.children(c), tree.tokens[c].head
        before = [k for k in tree.children(head) if k < c]  # "X, the Y, and Z": on X
        if any(tree.tokens[k].dep == "cc" for k in kids + before):
            return True
        nxt = [k for k in kids if tree.tokens[k].dep == "conj"]
        if not nxt:
            return False
        c = nxt[0]
    return False


def make_refs(span: ActorSpan) -> list[ActorRef]:
    """The actors a span names: one, or one per member of a name for several ("the Baltic
    states" -> EST, LVA, LTU), each with the group's words as its text."""
    ref = ActorRef(
        text=span.text,
        country=span.country,
        sector=span.sector,
        actor_id=span.actor_id,
        kind=span.kind,
        span=Span(start=span.start, end=span.end),
    )
    if not span.members:
        return [ref]
    return [
        ref.model_copy(
            update={"country": country, "sector": sector, "actor_id": group_id(country, sector)}
        )
        for country, sector in span.members
    ]


# Before a place, these make it where the event happened.
PLACE_PREPOSITIONS = frozenset({"in", "at", "en"})


def find_place(tree: DepTree, sent: Sentence, placed: Sequence[PlacedSpan], i: int) -> Place | None:
    """The place (or state) after 'in'/'en'/'at' in the sentence nearest the trigger."""
    found: list[tuple[int, ActorSpan]] = []
    for p in placed:
        span = p.span
        if not (sent.start <= span.start and span.end <= sent.end):
            continue
        if span.kind not in ("place", "state"):
            continue
        first = next((t for t in tree.tokens if t.start >= span.start), None)
        if first is None or first.i == 0:
            continue
        if tree.tokens[first.i - 1].text.lower() in PLACE_PREPOSITIONS:
            found.append((abs(p.head - i), span))
    if not found:
        return None
    span = min(found, key=lambda f: f[0])[1]
    return Place(text=span.text, country=span.country, span=Span(start=span.start, end=span.end))
