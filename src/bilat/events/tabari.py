"""The TABARI verb dictionary format, read once for every user: verb blocks, synsets, patterns.

The format of the CAMEO verb dictionary and of PETRARCH's test dictionaries:

* `&NAME` opens a synset; its members follow as `+WORD` lines.
* `---  VERB  [code]  ---` opens a block; verb lines follow, each optionally with its
  inflections in `{...}` and its own `[code]`; a verb of several words marks its verb
  with `+` (`+CORDON_OFF`, `WIRE_+TAP`).
* `- ... * ... [code]` lines are patterns of the block: words around the verb (`*`); a
  `# VERB` comment names the verb a pattern belongs to.
* `#` starts a comment, `<!-- ... -->` lines are notes, and the dictionary ends at its
  `TRANSFORMATIONS` section.

`parse_dictionary` keeps each line as written (codes as written too: `VerbLine`,
`Block.written_codes`) beside what build_verbs derives trigger rows from (the source's half
of a code, one-word verbs, phrasal verbs), so that each reader takes what it needs from
one parse: build_verbs and the user's tier in triggers.py, and the PETRARCH unit-test
suite's verb table (eval/petr_dicts.py). `find_negated_codes` reads the patterns that code a
verb under a negation (`- NOT * [code]`) for the user's tier.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

_BLOCK = re.compile(r"^---\s+(?P<head>[^\s\[\]][^\[\]]*?)\s+\[(?P<code>[^\]]*)\]\s*-*")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
# A one-word verb or object as the dictionaries write it (upper case, "_" may end it).
VERB_WORD = re.compile(r"^[A-Z][A-Z'-]*_?$")


# A code's (PLOVER event, mode, CAMEO code), or None where it has none (build_verbs).
EventOf = Callable[[str], tuple[str, str, str] | None]
# What a verb is coded as under a negation: (object words, PLOVER event, CAMEO code).
NegatedCode = tuple[frozenset[str], str, str]


@dataclass(frozen=True, slots=True)
class VerbLine:
    """A verb line as written: the phrase before its forms and codes ("WIRE_+TAP"), its
    `{...}` forms and the contents of its brackets ("032:033")."""

    phrase: str
    forms: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass
class Block:
    """One verb block: its head, default code, verbs with their own codes, patterns."""

    head: str
    code: str
    verbs: dict[str, str | None] = field(default_factory=dict)  # verb -> own code or None
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # (body, code, verb)
    # verbs of several words: (verb, the word it needs, own code or None)
    phrasals: list[tuple[str, str, str | None]] = field(default_factory=list)
    lines: list[VerbLine] = field(default_factory=list)  # every verb line, as written
    # the contents of the brackets of its header and patterns, as written ("032:033")
    written_codes: list[str] = field(default_factory=list)


@dataclass
class Parsed:
    """The dictionary as read: synsets, blocks, inflection -> base, and skip counts."""

    synsets: dict[str, list[str]]
    blocks: list[Block]
    forms: dict[str, str]
    skipped: Counter[str]
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line number, what)

    def lemma_bases(self) -> set[str]:
        """Every listed verb and every base of a listed inflection: what lemmatize folds to."""
        return {v for b in self.blocks for v in b.verbs} | set(self.forms.values())


def strip_comment(line: str) -> tuple[str, str]:
    """The line without its `#` comment, and the comment."""
    body, _, comment = line.partition("#")
    return body.strip(), comment.strip()


def normalize_code(raw: str) -> str:
    """The source's half of a code: '042:043' -> '042', ':073' -> '', '---' -> ''."""
    code = raw.strip().split(":")[0].strip()
    return "" if code.startswith("-") else code


def parse_dictionary(text: str) -> Parsed:
    """Synsets and verb blocks of a TABARI verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    forms: dict[str, str] = {}
    skipped: Counter[str] = Counter()
    problems: list[tuple[int, str]] = []
    current_set: str | None = None
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("#######") and "TRANSFORMATIONS" in raw:
            break
        line, comment = strip_comment(raw)
        if not line or line.startswith("<"):  # blank, or a `<!-- ... -->` note
            continue
        if line.count("[") != line.count("]"):
            problems.append((number, f"unbalanced brackets in {line[:40]!r}"))
            continue
        if line.startswith("&"):
            current_set, block = line.rstrip("_"), None
            synsets[current_set] = []
        elif (match := _BLOCK.match(line)) is not None:
            head = match["head"].split()[0]  # "LASH OUT": the verb is the first word
            block, current_set = Block(head, normalize_code(match["code"])), None
            block.written_codes.extend(_CODE.findall(line))
            blocks.append(block)
        elif line.startswith("---"):
            problems.append((number, f"a block header needs `--- VERB [code] ---`: {line[:40]!r}"))
            block, current_set = None, None
        elif current_set is not None and line.startswith("+"):
            synsets[current_set].append(line[1:].strip())
        elif block is not None and line.startswith("-"):
            found = _CODE.search(line)
            if found is None:
                skipped["pattern without code"] += 1
                problems.append((number, f"pattern without a [code]: {line[:40]!r}"))
                continue
            block.written_codes.extend(_CODE.findall(line))
            body = line[1 : found.start()].strip()
            verb = comment.split()[0] if comment else block.head
            block.patterns.append((body, normalize_code(found["code"]), verb.rstrip("_")))
        elif block is not None:
            read_verb_line(line, block, forms, skipped)
        elif current_set is None:
            problems.append((number, "a verb line outside any `--- VERB [code] ---` block"))
    return Parsed(synsets, blocks, forms, skipped, problems)


def read_verb_line(line: str, block: Block, forms: dict[str, str], skipped: Counter[str]) -> None:
    """One verb of a block, with its inflections and own code."""
    found = _CODE.search(line)
    own = normalize_code(found["code"]) if found else None
    body = _CODE.sub("", line)
    head, _, rest = body.partition("{")
    written = tuple(rest.partition("}")[0].split())
    block.lines.append(VerbLine(head.strip(), written, tuple(_CODE.findall(line))))
    verb = head.strip().rstrip("_")
    if verb.startswith("+") or "_" in verb or " " in verb:
        lemma, needed = split_phrasal(verb)
        if needed and VERB_WORD.match(lemma):
            block.phrasals.append((lemma, needed, own))
        else:
            skipped["multi-word verb"] += 1
        return
    if not VERB_WORD.match(verb):
        skipped["multi-word verb"] += 1
        return
    for form in written:
        if not form.startswith("+"):
            forms.setdefault(form.rstrip("_"), verb)
    block.verbs.setdefault(verb, own)


def split_phrasal(phrase: str) -> tuple[str, str]:
    """(verb, needed word) of a verb of several words: the verb is the word marked "+", else
    the first; the word needed is the particle after it ("@OFF"), else the word before it
    ("WIRE"); none for one word."""
    words = [w for w in phrase.replace("_", " ").split() if w.strip("+")]
    marked = next((n for n, w in enumerate(words) if w.startswith("+")), 0)
    verb = words[marked].lstrip("+") if words else ""
    if marked + 1 < len(words):
        return verb, "@" + words[marked + 1].lstrip("+")
    return verb, words[marked - 1].lstrip("+") if marked else ""


def lemmatize(verb: str, forms: dict[str, str], bases: set[str]) -> str:
    """The base lemma of a listed verb: its listed inflection's base, or a regular stem."""
    if verb in forms and forms[verb] != verb:
        return forms[verb]
    for suffix, endings in (("ING", ("", "E")), ("ED", ("", "E")), ("IES", ("Y",)), ("S", ("",))):
        if verb.endswith(suffix) and len(verb) > len(suffix) + 2:
            stem = verb[: -len(suffix)]
            for candidate in (stem + e for e in endings):
                if candidate in bases and candidate != verb:
                    return candidate
            # doubled consonant: "DETERRING" -> "DETER"
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in bases:
                return stem[:-1]
    return verb


def find_negated_codes(parsed: Parsed, event_of: EventOf) -> dict[str, tuple[NegatedCode, ...]]:
    """Lemma -> the codes its block gives the verb under a negation ("- NOT * [112]", "-
    &NEGATIVES * OVER EFFORTS [904]" with a synset of "did n't", "will not"): the user says
    what a negated verb is, so it is coded that way, not dropped. Patterns whose words before
    the verb are more than negations and auxiliaries ("SAID WOULD NOT *", "IF DOES NOT *")
    are left out; the rest go from fewest words to most, a pattern with an object word
    needing it (several words after the verb: the verb alone)."""
    found: dict[str, list[tuple[int, NegatedCode]]] = {}
    bases = parsed.lemma_bases()
    for block in parsed.blocks:
        for body, code, verb in block.patterns:
            before, star, after = body.partition("*")
            words = expand_words(before, parsed.synsets)
            if not star or not words & _NEGATIONS or not words <= _NEGATIONS | _AUXILIARIES:
                continue
            placed = event_of(code) if code else None
            if placed is None:
                continue
            rest = after.replace("_", " ").split()
            objects = expand_words(rest[0], parsed.synsets) if len(rest) == 1 else set()
            entry = (frozenset(w.lower() for w in objects), placed[0], placed[2])
            # a comment names the pattern's verb ("# DISMISS"), or only its author ("# PAS")
            own = verb if verb in block.verbs and verb != block.head else None
            for name in {own} if own else {block.head, *block.verbs}:
                lemma = lemmatize(name, parsed.forms, bases).lower()
                found.setdefault(lemma, []).append((len(before.split()), entry))
    return {k: tuple(e for _, e in sorted(v, key=lambda x: x[0])) for k, v in found.items()}


def expand_words(words: str, synsets: Mapping[str, list[str]]) -> set[str]:
    """The upper-case words of a pattern part, synsets ("&NAME") replaced by their members."""
    out: set[str] = set()
    for word in words.replace("_", " ").split():
        members = synsets.get(word, []) if word.startswith("&") else [word]
        out |= {w for m in members for w in m.replace("_", " ").split()}
    return out


_NEGATIONS = frozenset({"NOT", "N'T", "NEVER", "NO"})
# Words a negated verb phrase may carry besides the negation: auxiliaries and adverbs of
# degree ("has surely not yet", "will truly never").
_AUXILIARIES = frozenset(
    "DID DO DOES WILL WO WOULD CA CAN COULD SHOULD HAS HAVE HAD IS ARE WAS WERE BE REALLY"
    " EVER EVEN MOST CERTAINLY UNEXPECTEDLY NOW STILL YET WANT".split()
)
