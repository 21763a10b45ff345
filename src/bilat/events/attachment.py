"""Which figures a mention takes (its trigger's clause) and which date an undated one takes.

Figures: a sentence may tell several events ("Russia sent 25,000 tonnes of wheat and China
pledged $100 million"), so a mention takes only the figures inside its trigger's clause,
widened to the verb it depends on, and, when the trigger describes a noun ("wheat donated
by Russia", "a donation of 30,000 tons that Beijing pledged"), to that noun phrase. A figure
that no event word of the sentence reaches ("the hub would become able to host up to 15,000
residents and would provide services") describes the sentence's event and goes to the
nearest trigger; an event word in a noun's infinitive ("the ability to host") tells what
something could do, not an act, and claims nothing. A sentence without an event word of
its own that follows a told sentence (not a title) elaborates the event told before it ("Brazil
will open a trade office in Lima. Others are set to follow; as many as 9 countries
plan to do so"): when it points back ("these", "such", "do so"), its figures go to the triggers
of the previous sentence's main clause.

Dates: news tells one day's happening over several sentences, and only the lead names the
day ("met in Moscow on Tuesday ... At a news conference, Lavrov said ..."). A sentence with
no date of its own takes the narrative date: the latest day named before it that lies in
the days just before publication; failing that, the publication date. Older and vaguer
dates ("in 2014", "last year") are background and never carry over.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache

from bilat.events.dates import GRACE_DAYS, iter_date_mentions
from bilat.events.figures import extract_figures
from bilat.events.subsumed import drop_subsumed
from bilat.events.syntax import CLAUSE_DEPS, SUBJECT_DEPS, DepTree
from bilat.events.triggers import Lexicon, iter_triggers
from bilat.models import Figure, Sentence, Span

# Links from a subordinate verb up to the verb whose clause it completes.
WIDEN_DEPS = frozenset({"advcl", "xcomp", "pcomp", "prep", "acomp"})
# Links from a describing verb ("donated", "que concedió") to the noun it describes.
DESCRIBING_DEPS = frozenset({"acl", "relcl", "acl:relcl", "amod"})
# Links that keep a noun inside a larger noun phrase ("tonnes of wheat", "buque con ...").
NOMINAL_DEPS = frozenset({"pobj", "prep", "nmod", "appos", "compound", "case"})
PREPOSITION_DEPS = frozenset({"pobj", "prep", "nmod", "case"})
APPOSITION_DEPS = frozenset({"appos"})
# Links of a verb that completes a noun ("the ability to host", "the only one to welcome").
NOUN_COMPLEMENT_DEPS = frozenset({"acl", "relcl", "acl:relcl"})
INFINITIVE_MARKERS = frozenset({"to", "de", "a", "para"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
RELATIVE_CLAUSE_DEPS = frozenset({"relcl", "acl:relcl"})
CONJUNCT_DEPS = frozenset({"conj"})
NOUN_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
NOUN_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADP"})
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# Where a narrative date may end: sentence ends and paragraph breaks.
# Words that point back at what the previous sentence told ("one of these envoys", "do so").
BACK_REFERENCE = re.compile(
    r"\b(?:these|those|such|do so|did so|estos|estas|esos|esas|dichos|dichas|tales)\b",
    re.IGNORECASE,
)
CLOSED = re.compile(r"[.!?][\"'”’»)]*\s*$")
PIECE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def select_figures(
    tree: DepTree, i: int, figures: list[Figure], lexicon: Lexicon | None = None
) -> list[Figure]:
    """Figures inside trigger i's clause, widened to the verb it depends on ("a tanker
    carrying 90,000 tonnes berthed, delivering fuel") and to the noun phrase it describes,
    without coordinated clauses or clauses with a subject of their own; and the figures of
    the sentence that no other event word reaches, when i is the trigger nearest them; and
    those of a following sentence that elaborates i's main clause. `lexicon` is the coder's
    (None: the default one), so that the same words count as events here."""
    sent = _sentence_of(tree, i)
    carried = _elaborated_figures(tree, sent, i, lexicon) if sent is not None else []
    if not figures:
        return carried
    claims: set[int] = set()
    merged: dict[int, list[int]] = {}
    if sent is not None:
        kept, merged = _claims_and_merges(tree, sent, lexicon)
        claims = set(kept)
    tokens = _reach(tree, i, claims)
    # a trigger the coder merged into i (drop_subsumed: "help Cuba build a 200 MW unit")
    # tells the same act, so what its clause counts is i's
    for j in merged.get(i, ()):
        tokens |= _reach(tree, j, claims)
    starts = [t.start for t in tree.tokens]
    inside = [f for f in figures if f.span is None or _covered(tree, starts, f.span, tokens)]
    if sent is None or len(inside) == len(figures):
        return inside + carried
    claimers = sorted(claims - {i})
    reaches = [
        _reach(tree, j, claims).union(*(_reach(tree, m, claims) for m in merged.get(j, ())))
        for j in claimers
    ]
    shared = _coordinated_predicates(tree, i)
    chosen = []
    for f in figures:
        if f in inside:
            chosen.append(f)
        elif (
            f.span is not None
            and _covered(tree, starts, f.span, shared)
            and not any(_covered(tree, starts, f.span, r) for r in reaches)
        ):
            at = max(bisect_right(starts, f.span.start) - 1, 0)
            if all(abs(i - at) <= abs(j - at) for j in claimers):
                chosen.append(f)
    return chosen + carried


def _elaborated_figures(
    tree: DepTree, sent: Sentence, i: int, lexicon: Lexicon | None
) -> list[Figure]:
    """The figures of the next sentence when it tells no event of its own
    and trigger i belongs to its own sentence's main clause."""
    sentences = tree.doc.sentences
    k = sentences.index(sent)
    if k + 1 >= len(sentences):
        return []
    following = sentences[k + 1]
    # a title or a heading (no closing stop) is no narrative to elaborate
    if not CLOSED.search(sent.text) or _claiming_triggers(tree, following, lexicon):
        return []
    if not BACK_REFERENCE.search(following.text):
        return []  # "The bloc, with 45 member states, ...": another thing described
    root = next(
        (t.i for t in tree.tokens[sent.token_start : sent.token_end] if t.head == t.i), None
    )
    if root is None or root not in _clause_tokens(tree, i):
        return []
    language = tree.doc.language or "en"
    found = extract_figures(following.text, 0, len(following.text), language)
    return [
        f.model_copy(
            update={
                "span": Span(start=f.span.start + following.start, end=f.span.end + following.start)
            }
        )
        for f in found
        if f.span is not None
    ]


def _coordinated_predicates(tree: DepTree, i: int) -> set[int]:
    """The clauses coordinated with trigger i's clause that share its subject ("X would
    become a hub for 15,000 residents and would provide services"): where figures no event
    word reaches still describe the event of i."""
    top = _clause_top(tree, i)
    group, stack = {top}, [top]
    while stack:
        v = stack.pop()
        # a conjunct without a subject of its own shares the one of the clause it joins
        linked = [
            c
            for c in tree.children(v)
            if tree.tokens[c].dep == "conj" and not tree.kids_with(c, SUBJECT_DEPS)
        ]
        if tree.tokens[v].dep == "conj" and not tree.kids_with(v, SUBJECT_DEPS):
            linked.append(tree.tokens[v].head)
        for c in linked:
            if c not in group:
                group.add(c)
                stack.append(c)
    return {t for v in group for t in _clause_tokens(tree, v)}


def _reach(tree: DepTree, i: int, claims: set[int]) -> set[int]:
    """The tokens whose figures trigger i takes: its clause, the noun phrase it describes,
    and the relative clauses on its object that tell no act of their own ("launched a
    cluster that is meant to house up to 15,000 residents": the cluster's size)."""
    tokens = _clause_tokens(tree, i)
    if (noun := _described_noun(tree, i)) is not None:
        tokens |= tree.subtree(noun, CLAUSE_DEPS - {"relcl", "acl:relcl"})
    return tokens | _object_relatives(tree, i, claims)


def _object_relatives(tree: DepTree, i: int, claims: set[int]) -> set[int]:
    """Tokens of the relative clauses, without an event word, on the nouns of the object of
    trigger i (or of the verb its clause completes)."""
    phrase: set[int] = set()
    for verb in {i, _clause_top(tree, i)}:
        for c in tree.kids_with(verb, OBJECT_DEPS):
            phrase |= _with_noun_conjuncts(tree, tree.subtree(c, CLAUSE_DEPS))
    out: set[int] = set()
    for t in phrase:
        if tree.tokens[t].pos not in NOUN_POS:
            continue
        for c in tree.kids_with(t, RELATIVE_CLAUSE_DEPS):
            clause = tree.subtree(c)
            if not clause & claims:
                out |= clause
    return out


def _with_noun_conjuncts(tree: DepTree, tokens: set[int]) -> set[int]:
    """'800 engineers and 200 trainees': nouns coordinated with one of `tokens` (a
    coordinated clause is pruned, a coordinated noun is the same phrase)."""
    out, stack = set(tokens), list(tokens)
    while stack:
        t = stack.pop()
        if tree.tokens[t].pos not in NOUN_POS:
            continue
        for c in tree.kids_with(t, CONJUNCT_DEPS):
            if c not in out and tree.tokens[c].pos in NOUN_POS:
                part = tree.subtree(c, CLAUSE_DEPS)
                out |= part
                stack.extend(part)
    return out


def _sentence_of(tree: DepTree, i: int) -> Sentence | None:
    return next(
        (s for s in tree.doc.sentences if s.token_start <= i < s.token_end),
        None,
    )


def _claiming_triggers(tree: DepTree, sent: Sentence, lexicon: Lexicon | None) -> list[int]:
    """Event words of the sentence that tell an act of their own (not a noun's infinitive
    complement, not a word the coder merges into another trigger)."""
    return _claims_and_merges(tree, sent, lexicon)[0]


def _claims_and_merges(
    tree: DepTree, sent: Sentence, lexicon: Lexicon | None
) -> tuple[list[int], dict[int, list[int]]]:
    """The claiming triggers of the sentence, and for each the triggers drop_subsumed merges
    into it, as the coder does, so that one act keeps the figures of both words."""
    language = tree.doc.language or "en"
    found = [
        t
        for t in iter_triggers(tree, sent, language, lexicon)
        if not _is_noun_infinitive(tree, t.token)
    ]
    kept = drop_subsumed(tree, found)
    merged: dict[int, list[int]] = {}
    for gone in (t for t in found if t not in kept):
        # the survivors that take this word as their object; a pair alone shows who merges it
        for owner in kept:
            if drop_subsumed(tree, [owner, gone]) == [owner]:
                merged.setdefault(owner.token, []).append(gone.token)
    return [t.token for t in kept], merged


def _is_noun_infinitive(tree: DepTree, i: int) -> bool:
    """ "the ability to host", "the only one to welcome": what a thing can do, no act."""
    if tree.tokens[i].dep not in NOUN_COMPLEMENT_DEPS or tree.kids_with(i, SUBJECT_DEPS):
        return False
    return any(
        tree.tokens[c].text.lower() in INFINITIVE_MARKERS
        and tree.tokens[c].start < tree.tokens[i].start
        for c in tree.children(i)
    )


def _covered(tree: DepTree, starts: list[int], span: Span, tokens: set[int]) -> bool:
    """Whether every token of `span` is one of `tokens`."""
    first = max(bisect_right(starts, span.start) - 1, 0)
    inside = range(first, bisect_left(starts, span.end))
    return all(t in tokens for t in inside if tree.tokens[t].end > span.start)


def _clause_top(tree: DepTree, i: int) -> int:
    """The verb whose clause trigger i completes ("planned to send": planned)."""
    top = i
    while tree.tokens[top].dep in WIDEN_DEPS and tree.tokens[top].head != top:
        if tree.tokens[top].dep == "advcl" and tree.kids_with(top, SUBJECT_DEPS):
            break
        top = tree.tokens[top].head
    return top


def _clause_tokens(tree: DepTree, i: int) -> set[int]:
    top = _clause_top(tree, i)
    tokens = _with_noun_conjuncts(tree, tree.subtree(top, CLAUSE_DEPS - {"advcl"}))
    # An adverbial clause with a subject of its own tells its own event ("..., while Brazil
    # pledged $40 million"); one without ("..., delivering fuel") continues this one.
    for t in list(tokens):
        if tree.tokens[t].dep == "advcl" and tree.kids_with(t, SUBJECT_DEPS):
            clause = tree.subtree(t)
            if i not in clause:
                tokens -= clause
    return tokens


def _described_noun(tree: DepTree, i: int) -> int | None:
    """The outermost noun of the phrase that trigger i describes, or None when i is a verb
    of its own clause. The climb stops at an apposition reached through a preposition: in
    "20,000 tons, the first instalment of a donation that Beijing promised" the tons are the
    instalment, a part of what was promised, not the promise."""
    tok = tree.tokens[i]
    if tok.dep not in DESCRIBING_DEPS or tok.head == i:
        return None
    noun = tok.head
    through_preposition = False
    while tree.tokens[noun].dep in NOMINAL_DEPS and tree.tokens[noun].head != noun:
        dep = tree.tokens[noun].dep
        if dep in APPOSITION_DEPS and through_preposition:
            break
        head = tree.tokens[noun].head
        if tree.tokens[head].pos not in NOUN_TAGS:
            break  # the phrase ends where a verb takes it as an argument
        through_preposition |= dep in PREPOSITION_DEPS
        noun = head
    return noun


def narrative_date(text: str, at: int, language: str, published: date) -> str:
    """The date a sentence starting at `at` takes when it names none: the latest recent day
    named before it, else the publication date (without one, a sentence takes none)."""
    latest = None
    for position, value in _carried_days(text, language, published):
        if position >= at:
            break
        latest = value
    return latest or published.isoformat()


@lru_cache(maxsize=16)
def _carried_days(text: str, language: str, published: date) -> tuple[tuple[int, str], ...]:
    """(offset, YYYY-MM-DD) of every day named in `text` that may carry over: said as past
    or present, within GRACE_DAYS before publication."""
    carried = []
    start = 0
    for brk in [*PIECE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        for mention in iter_date_mentions(text, start, end, language, published):
            if mention.future or not mention.value or not DAY_VALUE.fullmatch(mention.value):
                continue
            day = date.fromisoformat(mention.value)
            if published - timedelta(days=GRACE_DAYS) <= day <= published:
                carried.append((mention.start, mention.value))
        start = brk.end() if brk else end
    return tuple(carried)
