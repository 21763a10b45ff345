"""Projects in the coder: a named project described as what it will be, and its host's side.

A project (an actor span of kind `project`: "Cayo Digital", a technology centre) is not a
party: it is what two parties undertake. Three rules follow from that.

* Description: "the Andes Data Park will be a research campus for some 4,000 people", "the
  centre would become a hub for ...": a named project as the subject of a future or
  conditional "be"/"become" (ser, convertirse) whose attribute is a facility noun (hub,
  cluster, centre, city, park ...) tells the joint undertaking itself. It is coded as
  COOPERATE (CAMEO 060) and not turned into a promise (AGREE): the future is the project's
  shape, not a party's pledge. Its figures are the project's.
* What the project will do ("... and would be oriented to provide services"): another act
  whose subject is the described project is part of the description, no event of its own.
* Host: a project's country in the gazetteer is where it stands, so for a joint act on it
  (COOPERATE, AGREE, SUPPORT; the order of their parties is a convention) the host is the
  recipient and the other party, the sponsor, the actor: "Cuba and Russia launched Cayo
  Digital" is RUS -> CUB, as the seeds' annotators code it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from bilat.events.dates import DateMention, iter_date_mentions
from bilat.events.roles import PlacedSpan, Roles
from bilat.events.syntax import CLAUSE_DEPS, RELATIVE_DEPS, DepTree, find_subject, is_intended
from bilat.events.triggers import Trigger, TriggerRule
from bilat.facilities import FACILITY_NOUNS
from bilat.models import Sentence

# The words a named project stands for in the trigger rows ("launch >project").
PROJECT_WORDS = frozenset({"project", "proyecto"})
# Verbs that link a project to what it will be ("convertirse en un polo").
LINKING_VERBS = frozenset({"be", "become", "ser", "convertir", "convertirse"})
ATTRIBUTE_DEPS = frozenset({"attr", "oprd", "acomp", "xcomp", "obj", "dobj", "obl", "nmod"})
# Acts that both parties do together: which one the coder names first is a convention.
JOINT_EVENTS = frozenset({"COOPERATE", "AGREE", "SUPPORT"})

DESCRIPTION_RULE = TriggerRule(
    language="*",
    lemma="be",
    noun=False,
    objects=FACILITY_NOUNS,
    event="COOPERATE",
    mode=None,
    cameo="060",
    reverse=False,
    notes="a named project described as what it will be",
)


def find_stand_ins(placed: Sequence[PlacedSpan]) -> dict[int, frozenset[str]]:
    """Head tokens of named projects, each standing for the word "project" in the lexicon's
    word lists: "Russia launched Cayo Digital" is coded as "launched a project" is."""
    return {p.head: PROJECT_WORDS for p in placed if p.span.kind == "project"}


def is_description(trigger: Trigger) -> bool:
    return trigger.rule is DESCRIPTION_RULE


def find_project_heads(placed: Sequence[PlacedSpan], tokens: set[int]) -> list[int]:
    """Head tokens of the project spans whose head lies among `tokens`."""
    return [p.head for p in placed if p.span.kind == "project" and p.head in tokens]


def _subject_tokens(tree: DepTree, i: int) -> set[int]:
    return set().union(*(tree.subtree(s, RELATIVE_DEPS) for s in find_subject(tree, i)))


def _facility_attribute(tree: DepTree, i: int) -> bool:
    """Whether verb i takes a facility noun as its attribute ("be a hub", "en un polo")."""
    for c in tree.children(i):
        if tree.tokens[c].dep in ATTRIBUTE_DEPS and tree.lemma(c) in FACILITY_NOUNS:
            return True
    # UD copula: the attribute noun heads the clause and "ser" hangs on it as `cop`
    tok = tree.tokens[i]
    return tok.dep == "cop" and tree.lemma(tok.head) in FACILITY_NOUNS


def iter_description_triggers(
    tree: DepTree, sent: Sentence, placed: Sequence[PlacedSpan]
) -> Iterator[Trigger]:
    """'Cayo Digital will be a tech cluster': a named project as the subject of a future or
    conditional linking verb with a facility noun as its attribute."""
    for i in range(sent.token_start, sent.token_end):
        if tree.lemma(i) not in LINKING_VERBS or not _facility_attribute(tree, i):
            continue
        head = tree.tokens[i].head if tree.tokens[i].dep == "cop" else i
        if not find_project_heads(placed, _subject_tokens(tree, head)):
            continue
        if is_intended(tree, i) or is_intended(tree, head):
            yield Trigger(head, DESCRIPTION_RULE)


def drop_project_acts(
    tree: DepTree, placed: Sequence[PlacedSpan], triggers: list[Trigger]
) -> list[Trigger]:
    """Without the acts whose subject is a project the sentence describes ("would become a
    hub ... and would be oriented to provide services": what the hub will do)."""
    described = {
        h
        for t in triggers
        if is_description(t)
        for h in find_project_heads(placed, _subject_tokens(tree, t.token))
    }
    if not described:
        return triggers
    return [
        t
        for t in triggers
        if is_description(t)
        or not described & set(find_project_heads(placed, _subject_tokens(tree, t.token)))
    ]


def orient_to_host(
    tree: DepTree, placed: Sequence[PlacedSpan], trigger: Trigger, event: str, roles: Roles
) -> Roles:
    """Roles of a joint act on a project with the project's host as the recipient."""
    if event not in JOINT_EVENTS:
        return roles
    clause = tree.subtree(trigger.token, CLAUSE_DEPS) | _subject_tokens(tree, trigger.token)
    hosts = {
        p.span.country
        for p in placed
        if p.span.kind == "project" and p.head in clause and p.span.country
    }
    actor, recipient = roles.countries()
    if len(hosts) != 1 or actor != hosts or not recipient or recipient & hosts:
        return roles
    return Roles(roles.recipient, roles.actor, roles.how)


def find_project_roles(
    tree: DepTree, placed: Sequence[PlacedSpan], trigger: Trigger, sentence: range
) -> Roles | None:
    """'the launch last July of Cayo Digital, a Russian-backed cluster': a joint act on a
    named project whose own phrase names no party (the role rules found none) is received by
    the project's host, and done by the nearest country of the sentence other than the host
    (its sponsor). None unless the act's row takes a project and the sentence has both."""
    if trigger.rule.event not in JOINT_EVENTS or not trigger.rule.objects & PROJECT_WORDS:
        return None
    reach = tree.subtree(trigger.token, CLAUSE_DEPS)
    projects = [p for p in placed if p.span.kind == "project" and p.head in reach]
    hosts = {p.span.country for p in projects if p.span.country}
    if len(hosts) != 1:
        return None
    others = [
        p for p in placed if p.head in sentence and p.span.country and p.span.country not in hosts
    ]
    if not others:
        return None
    sponsor = min(others, key=lambda p: abs(p.head - trigger.token))
    host = next(p for p in projects if p.span.country)
    return Roles((sponsor.span,), (host.span,), "nearest")


def find_project_date(
    tree: DepTree,
    placed: Sequence[PlacedSpan],
    trigger: Trigger,
    text: str,
    published: date | None,
) -> DateMention | None:
    """The date of the latest earlier sentence that names the described project with a date
    ("In July, the government announced the creation of X. ... X will be a cluster"): a
    description tells of the project as it was announced, not of the publication day."""
    ids = {
        p.span.actor_id
        for p in placed
        if p.head in find_project_heads(placed, _subject_tokens(tree, trigger.token))
    }
    language = tree.doc.language or "en"
    found: DateMention | None = None
    for sent in tree.doc.sentences:
        if sent.token_end > trigger.token:
            break
        inside = range(sent.token_start, sent.token_end)
        if not any(p.span.actor_id in ids and p.head in inside for p in placed):
            continue
        dated = [
            d
            for d in iter_date_mentions(text, sent.start, sent.end, language, published)
            if d.value and d.kind != "duration"
        ]
        found = dated[-1] if dated else found
    return found


NATIONALS = frozenset({"national"})
# Plural names of states, not of their people ("the United States", "the Philippines").
_PLURAL_STATE_WORDS = frozenset(
    "states emirates islands philippines netherlands bahamas maldives seychelles comoros".split()
)


def find_nationals(tree: DepTree, placed: Sequence[PlacedSpan]) -> dict[int, frozenset[str]]:
    """Head tokens of a state's people named by a plural demonym ("six Americans", "dos
    estadounidenses"), each standing for the word "national" in the lexicon's word lists:
    "freed six Americans" is coded as "freed six nationals" is."""
    out: dict[int, frozenset[str]] = {}
    for p in placed:
        tok = tree.tokens[p.head]
        plural = "Number=Plur" in tok.morph or tok.tag in ("NNS", "NNPS")
        if p.span.kind == "state" and plural and tok.text.lower() not in _PLURAL_STATE_WORDS:
            out[p.head] = NATIONALS
    return out
