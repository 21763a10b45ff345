"""Which figures a mention takes (its trigger's clause) and which date an undated one takes.

Figures: a sentence may tell several events ("Russia sent 25,000 tonnes of wheat and China
pledged $100 million"), so a mention takes only the figures inside its trigger's clause,
widened to the verb it depends on, and, when the trigger describes a noun ("wheat donated
by Russia", "a donation of 30,000 tons that Beijing pledged"), to that noun phrase.

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
from bilat.events.syntax import CLAUSE_DEPS, SUBJECT_DEPS, DepTree
from bilat.models import Figure, Span

# Links from a subordinate verb up to the verb whose clause it completes.
WIDEN_DEPS = frozenset({"advcl", "xcomp", "pcomp", "prep", "acomp"})
# Links from a describing verb ("donated", "que concedió") to the noun it describes.
DESCRIBING_DEPS = frozenset({"acl", "relcl", "acl:relcl", "amod"})
# Links that keep a noun inside a larger noun phrase ("tonnes of wheat", "buque con ...").
NOMINAL_DEPS = frozenset({"pobj", "prep", "nmod", "appos", "compound", "case"})
NOUN_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADP"})
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# Where a narrative date may end: sentence ends and paragraph breaks.
PIECE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def select_figures(tree: DepTree, i: int, figures: list[Figure]) -> list[Figure]:
    """Figures inside trigger i's clause, widened to the verb it depends on ("a tanker
    carrying 90,000 tonnes berthed, delivering fuel") and to the noun phrase it describes,
    without coordinated clauses or clauses with a subject of their own."""
    if not figures:
        return []
    tokens = _clause_tokens(tree, i)
    if (noun := _described_noun(tree, i)) is not None:
        tokens |= tree.subtree(noun, CLAUSE_DEPS - {"relcl", "acl:relcl"})
    starts = [t.start for t in tree.tokens]
    return [f for f in figures if f.span is None or _covered(tree, starts, f.span, tokens)]


def _covered(tree: DepTree, starts: list[int], span: Span, tokens: set[int]) -> bool:
    """Whether every token of `span` is one of `tokens`."""
    first = max(bisect_right(starts, span.start) - 1, 0)
    inside = range(first, bisect_left(starts, span.end))
    return all(t in tokens for t in inside if tree.tokens[t].end > span.start)


def _clause_tokens(tree: DepTree, i: int) -> set[int]:
    top = i
    while tree.tokens[top].dep in WIDEN_DEPS and tree.tokens[top].head != top:
        if tree.tokens[top].dep == "advcl" and tree.kids_with(top, SUBJECT_DEPS):
            break
        top = tree.tokens[top].head
    tokens = tree.subtree(top, CLAUSE_DEPS - {"advcl"})
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
    of its own clause."""
    tok = tree.tokens[i]
    if tok.dep not in DESCRIBING_DEPS or tok.head == i:
        return None
    noun = tok.head
    while tree.tokens[noun].dep in NOMINAL_DEPS and tree.tokens[noun].head != noun:
        head = tree.tokens[noun].head
        if tree.tokens[head].pos not in NOUN_TAGS:
            break  # the phrase ends where a verb takes it as an argument
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
