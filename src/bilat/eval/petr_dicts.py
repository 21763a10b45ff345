"""Readers for the PETRARCH test dictionaries (TABARI format): actors, agents and verbs.

* Actors (`PETR.Validate.actors.txt`): names with "+alias" lines and codes in brackets, each
  with an optional date restriction (`DatedCode`, `code_on`); `load_petrarch_gazetteer`
  turns them, with bilat's and the dictionary's agent nouns, into a gazetteer of their own.
* Agents (`PETR.Validate.agents.txt`): agent nouns and the prefix agents that
  `split_petr_code` moves behind the actor's "country" chunk.
* Verbs (`PETR.Validate.verbs.txt`): word form -> the codes its verb block carries
  (`load_petr_verbs`, `VerbCodes`), from the one TABARI verb parser (events/tabari.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from bilat.events.tabari import parse_dictionary, split_phrasal
from bilat.models import ActorKind
from bilat.resolve import Agent, Gazetteer, GazetteerEntry
from bilat.resolve.names import pluralize_phrase
from bilat.resolve.tables import iter_agents

PETR_ACTORS_FILE = "petrarch-unit-tests/PETR.Validate.actors.txt"
PETR_AGENTS_FILE = "petrarch-unit-tests/PETR.Validate.agents.txt"
PETR_VERBS_FILE = "petrarch-unit-tests/PETR.Validate.verbs.txt"
PETR_DISCARDS_FILE = "petrarch-unit-tests/PETR.Validate.discards.txt"

_CODE = re.compile(r"\[\s*([^\]\s<>]+)\s*([^\]]*)\]")
_DAY = re.compile(r"\d{6,8}")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code valid from `start` to `end` (inclusive; None: unbounded)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    dated: bool = False

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _petr_day(text: str) -> dt.date:
    """TABARI writes YYMMDD (19xx from 30 up, else 20xx) or YYYYMMDD."""
    if len(text) == 6:
        text = ("19" if int(text[:2]) >= 30 else "20") + text
    return dt.datetime.strptime(text, "%Y%m%d").date()


def parse_dated_code(code: str, restriction: str) -> DatedCode:
    """`[HOB < 950601]` (before), `[HOB > 990816]` (after), `[HOB 19950601 - 19990815]`."""
    days = [_petr_day(d) for d in _DAY.findall(restriction)]
    one = dt.timedelta(days=1)
    if "<" in restriction and days:
        return DatedCode(code, None, days[0] - one, True)
    if ">" in restriction and days:
        return DatedCode(code, days[0] + one, None, True)
    if len(days) == 2:
        return DatedCode(code, days[0], days[1], True)
    return DatedCode(code)


def code_on(codes: Sequence[DatedCode], day: dt.date | None) -> str:
    """The code in force on `day`: the first date restriction that holds, else the undated
    code, else the first one (also when the record has no date)."""
    if day is not None:
        for c in codes:
            if c.dated and c.holds_on(day):
                return c.code
    return next((c.code for c in codes if not c.dated), codes[0].code)


def iter_petr_actors(path: Path) -> Iterator[tuple[list[str], list[DatedCode]]]:
    """(names, codes) of each entry of a TABARI actor dictionary.

    An entry is a name line, then "+alias" lines; its codes are in brackets, on the name line
    or on indented lines after it, each with an optional date restriction."""
    names: list[str] = []
    codes: list[DatedCode] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            names.append(stripped[1:].strip())
            continue
        found = [parse_dated_code(c, rest) for c, rest in _CODE.findall(stripped)]
        if line[0].isspace() and stripped.startswith("["):
            codes += found
            continue
        if names and codes:
            yield names, codes
        head = stripped.split("[", 1)[0].strip()
        names, codes = ([head] if head else []), found
    if names and codes:
        yield names, codes


# Joining words stay lower case inside a name ("Prince of Dol Amroth", "Radagast the Brown"):
# a title-case alias word only matches a capitalised word of the text.
_JOINING_WORDS = frozenset({"of", "the", "and", "for", "de", "del", "la", "al", "el"})


def _readable(name: str) -> str:
    """TABARI writes names in capitals with "_" for spaces; the text is in title case."""
    words = name.replace("_", " ").split()
    return " ".join(
        w.lower() if i and w.lower() in _JOINING_WORDS else w.capitalize()
        for i, w in enumerate(words)
    )


_MACRO = re.compile(r"^(![A-Z_]+!)\s*=\s*(.+)$")


def iter_agent_lines(text: str) -> Iterator[str]:
    """The entry lines of a TABARI agents dictionary, comments cut, with each substitution
    marker ("!MINST! = MINISTER, MINISTRY" before "!MINST!_OF_SILLY_WALKS") written out
    once per word it stands for."""
    macros: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        defined = _MACRO.match(line)
        if defined:
            macros[defined.group(1)] = [w.strip() for w in defined.group(2).split(",")]
            continue
        lines = [line]
        for marker, words in macros.items():
            if marker in line:
                lines = [x.replace(marker, w) for x in lines for w in words]
        yield from lines


def iter_petr_agents(path: Path) -> Iterator[Agent]:
    """Agent nouns of a TABARI agents dictionary ("PRESIDENT [~GOV]"), singular and plural."""
    for line in iter_agent_lines(path.read_text(encoding="utf-8", errors="replace")):
        if not line or line.startswith("<!--") or "!" in line or "[" not in line:
            continue
        found = _CODE.search(line)
        if not found:
            continue
        sector = found.group(1).replace("~", "")[:3] or None
        head = line.split("[", 1)[0]
        plurals = re.search(r"\{([^}]*)\}", head)
        phrase = head.split("{", 1)[0].replace("_", " ").strip().lower()
        if not phrase:
            continue
        yield Agent(phrase, sector, "person", "en", False)
        # "POLICE {}": the dictionary gives no plural and none is to be made up ("polices")
        forms = plurals.group(1).split(",") if plurals else [pluralize_phrase(phrase, "en")]
        for form in (f for f in forms if f.strip()):
            yield Agent(form.replace("_", " ").strip().lower(), sector, "group", "en", True)


def petr_prefix_agents(path: Path) -> frozenset[str]:
    """Agent codes written before the actor ("MSF [NGO~]" codes "MSF Arnor" as NGOARN)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return frozenset(c.upper() for c in re.findall(r"\[\s*([A-Za-z]{3})~\s*\]", text))


def split_petr_code(code: str, prefixes: frozenset[str] = frozenset()) -> PetrSide:
    """(country, sectors) of a PETRARCH actor code: 3-letter chunks, the first one the
    actor's "country" unless it is a prefix agent followed by more ("NGOARNGOV" -> ARN,
    {NGO, GOV}); "---" is no country."""
    code = code.strip().upper()
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if len(chunks) > 1 and chunks[0] in prefixes:
        chunks = [chunks[1], chunks[0], *chunks[2:]]
    head = chunks[0] if chunks and chunks[0].isalpha() else None
    return PetrSide(head, frozenset(c for c in chunks[1:] if c.isalpha()))


@dataclass(frozen=True, slots=True)
class PetrSide:
    country: str | None
    sectors: frozenset[str]


def _petr_member(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of one PETRARCH code, as bilat's spans carry them."""
    side = split_petr_code(code)
    return side.country, code.strip()[3:6].upper() if side.sectors else None


def load_petrarch_gazetteer(
    shared_dir: Path, on: dt.date | None = None, bilat_agents: bool = True
) -> Gazetteer:
    """A gazetteer of the fictional validation actors plus PETRARCH's agent nouns, and
    bilat's unless `bilat_agents` is False (PETRARCH codes with its dictionaries alone:
    "Ithilen villages" is ITH to it, where bilat's nouns make it ITH CVL).

    Each actor takes the code in force on `on` (the record's date); the code's first chunk is
    its "country" (ARN, GON...) and the next its sector (`split_petr_code`); bilat's own
    countries are left out so that "Egypt" means what the test dictionary says (UAR)."""
    folder = shared_dir / "eval-data"
    gaz = Gazetteer()
    for names, codes in iter_petr_actors(folder / PETR_ACTORS_FILE):
        # "[FRO/BIL/SAM]" names several actors at once: one member each, the first leads
        members = tuple(_petr_member(c) for c in code_on(codes, on).split("/") if c.strip())
        if not members:
            continue  # "[/]" or "[]": no code in force, nothing to resolve the name to
        code = code_on(codes, on).split("/", 1)[0]
        country, sector = members[0]
        # "THE_MARSHES" is written "the Marshes" mid-sentence: the article is no part of the name
        readable = [_readable(n) for n in names]
        readable += [a[4:] for a in readable if a.startswith("The ") and len(a) > 4]
        for alias in readable:
            if alias:
                entry = GazetteerEntry(code, alias, "state", country, sector, alias, "en")
                # a bare code is a state ("Arnor"), so it modifies agent nouns like one
                via = "alias" if sector else "state"
                gaz.add(replace(entry, via=via, members=members if len(members) > 1 else ()))
    for row in iter_agents() if bilat_agents else ():
        if row.language == "en":
            kind = cast(ActorKind, row.kind)
            gaz.add_agent(Agent(row.phrase, row.sector or None, kind, "en", row.plural))
    for agent in iter_petr_agents(folder / PETR_AGENTS_FILE):
        gaz.add_agent(agent)
    return gaz


# --------------------------------------------------------------------------- verbs

# The PLOVER event bilat codes for a verb of the test dictionary, by the first two digits of
# its (mostly WEIS) code: for the mention only, since a record is judged by the verb's own
# codes (petr_unit.py). WEIS families: 01 yield, 02 comment, 03 consult, 04 approve, 05
# promise, 06 grant, 07 reward, 08 agree, 09 request, 10 propose, 11 reject, 12 accuse, 13
# protest, 14 deny, 15 demand, 16 warn, 17 threaten, 18 demonstrate, 19 reduce relations, 20
# expel, 21 seize, 22 force; 34, 80, 90, 91 are the suite's own test codes (abandoning
# ties: SANCTION, PLOVER's reduced relations; adopting, welcoming: SUPPORT). PLOVER codes no
# statement: comments (02) stand as SUPPORT, the nearest verbal act.
PETR_CODE_EVENTS = {
    "01": "CONCEDE", "02": "SUPPORT", "03": "CONSULT", "04": "SUPPORT", "05": "AGREE",
    "06": "CONCEDE", "07": "AID", "08": "AGREE", "09": "REQUEST", "10": "REQUEST",
    "11": "REJECT", "12": "ACCUSE", "13": "ACCUSE", "14": "REJECT", "15": "REQUEST",
    "16": "THREATEN", "17": "THREATEN", "18": "PROTEST", "19": "SANCTION", "20": "COERCE",
    "21": "COERCE", "22": "ASSAULT", "34": "SANCTION", "80": "SUPPORT", "90": "SANCTION",
    "91": "SUPPORT",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class VerbCodes:
    """The codes a verb of the test dictionary gives: source->target ones (`forward`) and,
    for paired codes "032:033", the target->source ones (`reverse`)."""

    forward: frozenset[str] = frozenset()
    reverse: frozenset[str] = frozenset()

    def __or__(self, other: VerbCodes) -> VerbCodes:
        return VerbCodes(self.forward | other.forward, self.reverse | other.reverse)


def _verb_codes(written: Iterable[str]) -> VerbCodes:
    """The codes of brackets as written: "032:033" is 032 forward and 033 reverse."""
    forward, reverse = set(), set()
    for code in written:
        head, _, tail = code.strip().partition(":")
        forward.add(head.strip())
        if tail.strip():
            reverse.add(tail.strip())
    return VerbCodes(frozenset(forward), frozenset(reverse))


def inflect_verb(word: str) -> set[str]:
    """A verb's regular forms (TABARI generates these for a verb listed without forms)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _verb_word(phrase: str) -> str:
    """The inflected word of "WIRE_+TAP" or "+CORDON_OFF" (the "+" one), else the first."""
    return split_phrasal(phrase)[0].lower()


def load_petr_verbs(path: Path) -> dict[str, VerbCodes]:
    """Word form -> codes of a TABARI verbs dictionary (events/tabari.py reads it): each
    "--- VERB [code] ---" block gives its verb words (and their "{...}" forms) every code of
    its header and patterns, and a verb line's own code ("DOWNPLAY [014]") to that verb too."""
    parsed = parse_dictionary(path.read_text(encoding="utf-8", errors="replace"))
    blocks: list[tuple[list[str], VerbCodes]] = []
    own: dict[str, VerbCodes] = {}
    for block in parsed.blocks:
        words: list[str] = []
        for line in block.lines:
            verb = _verb_word(line.phrase)
            words += [verb, *(_verb_word(f) for f in line.forms)]
            own[verb] = own.get(verb, VerbCodes()) | _verb_codes(line.codes)
        blocks.append((words, _verb_codes(block.written_codes)))
    table: dict[str, VerbCodes] = {}
    for words, codes in blocks:
        for word in words:
            for form in inflect_verb(word):
                table[form] = table.get(form, VerbCodes()) | codes | own.get(word, VerbCodes())
    return table
