"""The trigger lexicon (data/triggers.tsv) and the search for triggers in a parsed sentence.

A row's `pattern` is a lemma, optionally marked `:n` for a noun trigger (verbs otherwise),
optionally followed by ` >w1|w2|...`: then the trigger needs one of those words (lemma or
form) among its dependents, at most three links down ("of", "with" are no link) and subject
included ("hold >talk" matches "held talks", "send >aid" matches "sent 200 tons of aid"); a
word marked `@` must follow the trigger and hang on it ("demonstrate >@in").
Where several rows match one token, the one with a word list wins over the bare lemma.
`direction` is `forward` when the grammatical subject is the source (the agent of the act:
"X visited Y", "X hosted Y": X acts), `reverse` when it undergoes ("Cuba received a loan":
the lender acts), `mutual` when both sides act alike ("Indian and Pakistani troops clashed",
"clashes between X and Y": a coordinated side splits in text order, as for meetings).
Below the team's rows lies a lower tier, data/cameo_verbs.tsv (derived from the CAMEO verb
dictionary by build_verbs.py): its rows apply only to verb lemmas the team table has no verb
row for, and are marked `tier` "cameo" so that confidence.py trusts them less.
Above the team's rows lies the user's tier (`[events] verb_dictionaries`): TABARI-format verb
dictionaries read by events/tabari.py, every kind of row it can express; on a lemma the
user's dictionary has rows for, its rows alone apply (it is what the user wants coded). A
line the parser cannot read is logged as `file:line: what` and skipped; the run goes on.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from bilat.errors import CodingError
from bilat.events.build_verbs import ALL_KINDS, iter_table_rows, prefix_event
from bilat.events.syntax import PREP_DEPS, RELATIVE_DEPS, DepTree, is_purpose
from bilat.events.tabari import NegatedCode, find_negated_codes, parse_dictionary
from bilat.models import PLOVER_EVENTS, Sentence, Token

logger = logging.getLogger(__name__)

TEAM_TIER, CAMEO_TIER, USER_TIER = "team", "cameo", "user"
Lexicon = dict[tuple[str, str], tuple["TriggerRule", ...]]
# Tokens that count as words of a row's word list: a named project's head is "project".
StandIns = Mapping[int, frozenset[str]]
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
_OBJECT_DEPTH = 3
# Participles used as adjectives ("frequently asked questions") are no acts.
ADJECTIVAL_DEPS = frozenset({"amod", "compound"})


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One lexicon row."""

    language: str
    lemma: str
    noun: bool
    objects: frozenset[str]  # empty: the lemma alone triggers
    event: str
    mode: str | None
    cameo: str
    reverse: bool
    notes: str = ""
    mutual: bool = False  # both sides act alike: a coordinated side splits
    tier: str = TEAM_TIER  # TEAM_TIER: triggers.tsv; CAMEO_TIER: cameo_verbs.tsv
    # what the user's dictionary codes the negated verb as ("- NOT * [112]"): (object
    # words, none for any; PLOVER event; CAMEO code), the first that applies wins
    negated: tuple[NegatedCode, ...] = ()

    @property
    def pattern(self) -> str:
        head = f"{self.lemma}:n" if self.noun else self.lemma
        return f"{head} >{'|'.join(sorted(self.objects))}" if self.objects else head


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon hit: the document index of the trigger token and the row it matched."""

    token: int
    rule: TriggerRule


def parse_rule(row: dict[str, str], tier: str = TEAM_TIER) -> TriggerRule:
    """One TSV row as a rule; CodingError naming the row when a field is wrong."""
    pattern = row["pattern"].strip()
    head, _, words = pattern.partition(">")
    head = head.strip()
    noun = head.endswith(":n")
    lemma = head[:-2] if noun else head
    event = row["event"].strip()
    direction = row["direction"].strip() or "forward"
    if not lemma or event not in PLOVER_EVENTS or direction not in _DIRECTIONS:
        raise CodingError(
            f"trigger row {pattern!r}: needs a lemma, a PLOVER event (got {event!r}) and "
            f"direction forward|reverse|mutual (got {direction!r})"
        )
    return TriggerRule(
        language=row["language"].strip(),
        lemma=lemma.lower(),
        noun=noun,
        objects=frozenset(w.strip().lower() for w in words.split("|") if w.strip()),
        event=event,
        mode=row["mode"].strip() or None,
        cameo=row["cameo"].strip(),
        reverse=direction == "reverse",
        notes=row.get("notes", "").strip(),
        mutual=direction == "mutual",
        tier=tier,
    )


_DIRECTIONS = ("forward", "reverse", "mutual")


def read_rules(name: str, tier: str) -> list[TriggerRule]:
    """The rows of one table under data/."""
    table = resources.files("bilat.events").joinpath("data").joinpath(name)
    lines = table.read_text(encoding="utf-8").splitlines()
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [parse_rule(r, tier) for r in reader]


def merge_tiers(*tiers: list[TriggerRule]) -> Lexicon:
    """Rules by (language, lemma), the ones with word lists first; a row of a lower tier
    joins only where no higher tier has a row of its kind (verb or noun) for that lemma:
    a higher tier's choices for a lemma (a word list, or no bare row on purpose) are never
    overridden."""
    index: dict[tuple[str, str], list[TriggerRule]] = {}
    covered: set[tuple[str, str, bool]] = set()
    for tier in tiers:
        for rule in tier:
            if (rule.language, rule.lemma, rule.noun) not in covered:
                index.setdefault((rule.language, rule.lemma), []).append(rule)
        covered |= {(r.language, r.lemma, r.noun) for r in tier}
    # stable: within each group, higher-tier rows keep their place ahead of lower ones
    return {key: tuple(sorted(v, key=lambda r: not r.objects)) for key, v in index.items()}


@cache
def load_lexicon(
    dictionaries: tuple[str, ...] = (),
    code_events: tuple[tuple[str, str], ...] = (),
    shipped: bool = True,
) -> Lexicon:
    """Rules by (language, lemma): the user's verb dictionaries (paths, in order) over the
    team's table over the CAMEO dictionary tier (`shipped` False: the user's alone);
    `code_events` maps code prefixes of the user's dictionaries to PLOVER events (else
    their codes are CAMEO)."""
    user = [r for path in dictionaries for r in read_user_rules(path, dict(code_events))]
    if not shipped:
        return merge_tiers(user)
    team, cameo = read_rules("triggers.tsv", TEAM_TIER), read_rules(CAMEO_TABLE, CAMEO_TIER)
    return merge_tiers(user, team, cameo)


def select_lexicon(
    dictionaries: Sequence[str], code_events: Mapping[str, str], shipped: bool = True
) -> Lexicon:
    """The lexicon for these settings (cached per distinct settings)."""
    if not dictionaries and shipped:
        return load_lexicon()  # the default: one cached table, whatever the call
    return load_lexicon(tuple(dictionaries), tuple(sorted(code_events.items())), shipped)


def read_user_rules(path: str, code_events: Mapping[str, str]) -> list[TriggerRule]:
    """The rows of one TABARI verb dictionary; what cannot be read is logged, one line each
    naming the file (and line), and left out."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        logger.error("verb dictionary %s: cannot be read (%s); it is left out", path, exc)
        return []
    parsed = parse_dictionary(text)
    for number, what in parsed.problems:
        logger.error("verb dictionary %s:%d: %s; line left out", path, number, what)
    event_of = prefix_event(code_events)
    negated = find_negated_codes(parsed, event_of)
    rules = []
    for row in iter_table_rows(parsed, ALL_KINDS, event_of):
        try:
            rule = parse_rule(row, USER_TIER)
        except CodingError as exc:
            logger.error("verb dictionary %s: %s; row left out", path, exc)
            continue
        rules.append(replace(rule, negated=negated.get(rule.lemma, ())))
    return rules


CAMEO_TABLE = "cameo_verbs.tsv"


def has_object_word(
    tree: DepTree, i: int, words: frozenset[str], stand_ins: StandIns | None = None
) -> bool:
    def hit(t: int, pool: frozenset[str] = words) -> bool:
        tok = tree.tokens[t]
        if stand_ins and pool & stand_ins.get(t, frozenset()):
            return True  # "launched Cayo Digital": a named project is the word "project"
        return tok.lemma.lower() in pool or tok.text.lower() in pool

    # "@in": a word after the trigger that it governs itself ("demonstrated in Serbia", not
    # "in fact, Russia demonstrated that it is a friend in hard times")
    direct = frozenset(w[1:] for w in words if w.startswith("@"))
    if direct and any(hit(c, direct) for c in tree.children(i) if c > i):
        return True
    tok = tree.tokens[i]
    # "the credit that Russia granted": a relative clause's object is the noun it modifies
    if tok.dep in RELATIVE_DEPS and hit(tok.head):
        return True
    # "received Díaz-Canel and promised Cuba 100 million dollars": a verb joined to the
    # trigger is an act of its own, and its words are not the trigger's
    frontier = [c for c in tree.children(i) if not _is_own_act(tree, c)]
    for _ in range(_OBJECT_DEPTH):
        nxt: list[int] = []
        while frontier:
            c = frontier.pop()
            if hit(c):
                return True
            # "loaded with 25,000 tonnes of wheat": "with"/"of" only join the goods to
            # their measure, no link of their own
            hop = tree.tokens[c].dep in PREP_DEPS and tree.lemma(c) in _JOINING
            (frontier if hop else nxt).extend(tree.children(c))
        frontier = nxt
    return False


_JOINING = frozenset({"with", "of", "con", "de"})


def _is_own_act(tree: DepTree, c: int) -> bool:
    """A verb joined to the trigger, or its purpose clause: an act with words of its own."""
    # "arrived in Haiti to lead a security mission": a purpose clause is an act of its own
    tok = tree.tokens[c]
    purpose = tok.dep == "advcl" and is_purpose(tree, c)
    return (tok.dep == "conj" or purpose) and tok.pos in VERB_POS


def _lemmas(tok: Token) -> list[str]:
    """The lemma, and for a Spanish participle the model left as is, its infinitives; for a
    verb in "-er" or "-ir", the other infinitive too."""
    lemma = tok.lemma.lower()
    if "VerbForm=Part" not in tok.morph:
        if tok.pos == "VERB" and lemma.endswith(("er", "ir")) and len(lemma) > 4:
            # the Spanish model guesses "-er" for "-ir" verbs it does not know and the other
            # way round ("reprimieron" -> "reprimer"): the other infinitive is tried second
            return [lemma, lemma[:-2] + ("ir" if lemma.endswith("er") else "er")]
        return [lemma]
    for ending in _PARTICIPLE_ENDINGS:
        if lemma.endswith(ending):
            stem = lemma[: -len(ending)]
            infinitives = [stem + "ar"] if ending.startswith("a") else [stem + "er", stem + "ir"]
            return [lemma, *infinitives]
    return [lemma]


# Endings of regular forms ("called", "calls", "calling"): "said" is no form of "say" here.
_REGULAR = ("ed", "s", "ing")


def find_stem_rules(
    lexicon: Lexicon, language: str, text: str, lemma: str = ""
) -> tuple[TriggerRule, ...]:
    """The user's rows for a regular stem of the word ("cordoned" -> "cordon"): a verb the
    model does not know gets a wrong lemma ("cordone"), and a TABARI dictionary names its
    verbs by their regular forms; bilat's own tables keep to the model's lemmas. A verb the
    dictionary lists by a regular form of the lemma alone ("CALLED") matches that form."""
    word = text.lower()
    if lemma and word != lemma and word.startswith(lemma) and word.endswith(_REGULAR):
        listed = tuple(r for r in lexicon.get((language, word), ()) if r.tier == USER_TIER)
        if listed:
            return listed
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for candidate in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else ""):
                found = tuple(
                    r for r in lexicon.get((language, candidate), ()) if r.tier == USER_TIER
                )
                if candidate and found:
                    return found
    return ()


_PARTICIPLE_ENDINGS = ("ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida")


def _is_adjectival(tree: DepTree, i: int) -> bool:
    """A participle used as an adjective ("frequently asked questions") is no act, unless
    it names its agent ("trigo donado por Rusia")."""
    if tree.tokens[i].dep not in ADJECTIVAL_DEPS:
        return False
    return not any(tree.preposition_of(c) in ("by", "por") for c in tree.children(i))


def match_rule(
    tree: DepTree,
    i: int,
    language: str,
    lexicon: Lexicon | None = None,
    stand_ins: StandIns | None = None,
) -> TriggerRule | None:
    """The best row of `lexicon` (the shipped one by default) for token i, or None;
    `stand_ins` gives tokens that also count as some words of a row's list (a named project
    head counts as "project")."""
    tok = tree.tokens[i]
    lexicon = load_lexicon() if lexicon is None else lexicon
    rules = next((r for r in (lexicon.get((language, x)) for x in _lemmas(tok)) if r), None)
    rules = rules or find_stem_rules(lexicon, language, tok.text, tok.lemma.lower())
    if not rules or _is_adjectival(tree, i):
        return None
    verbal = tok.pos in VERB_POS or (tok.pos == "ADJ" and "VerbForm=Part" in tok.morph)
    for rule in rules:
        if not (tok.pos in NOUN_POS if rule.noun else verbal):
            continue
        if rule.objects and not has_object_word(tree, i, rule.objects, stand_ins):
            continue
        return rule
    return None


def iter_triggers(
    tree: DepTree,
    sent: Sentence,
    language: str,
    lexicon: Lexicon | None = None,
    stand_ins: StandIns | None = None,
) -> Iterator[Trigger]:
    """Lexicon hits in one sentence, in text order."""
    lang = language.split("-")[0].lower()
    for i in range(sent.token_start, sent.token_end):
        rule = match_rule(tree, i, lang, lexicon, stand_ins)
        if rule is not None:
            yield Trigger(i, rule)
