"""Loaders for the public gold sets in ../shared/eval-data, as plain records.

* PLOVER GSR (`plover-gsr/PLOVER_GSR_CAMEO.normalized.jsonl`, CC BY-SA 4.0): one event per
  sentence, with PLOVER type (current names), mode, context and coded actors/recipients.
  The split is FIXED: a record is in the TEST half iff
  ``int(hashlib.sha256(id.encode()).hexdigest(), 16) % 2 == 1``, else in the DEV half.
  Only the dev half may be looked at while working on the coder; the test half is reported.
* PETR-2 GSR (`universalpetrarch-petr2-gsr/PETR2_GSR_validation.jsonl`, MIT): expected
  CAMEO triples, or none (`expect_no_events`). Split by the same fixed rule on the record's
  own id (`CameoRecord.half`): its dev half may be studied, its test half is reported.
* PETRARCH unit tests (`petrarch-unit-tests/PETR.UnitTest.records.jsonl`, MIT): expected
  CAMEO triples per category; their actors are fictional, so `load_petrarch_gazetteer`
  reads `PETR.Validate.actors.txt` and `PETR.Validate.agents.txt` into a gazetteer of its own.

Country codes in these sets are CAMEO/Phoenix codes. They equal ISO 3166-1 alpha-3 except
for the few in `CAMEO_TO_ISO3` (the non-ISO country codes of the Phoenix country dictionary,
and the ones the PLOVER GSR spells its own way). Every other code that is not an ISO-3 country
(IGO, NGO, IMG, ISM, "---" for unknown, "***") is non-state: its actor has no country.
A record is state-to-state when both its actor and its recipient side name a country.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, cast

import pycountry

from bilat.eval.run import iter_jsonl
from bilat.models import ActorKind
from bilat.resolve import Agent, Gazetteer, GazetteerEntry
from bilat.resolve.names import pluralize_phrase
from bilat.resolve.tables import iter_agents

PLOVER_FILE = "plover-gsr/PLOVER_GSR_CAMEO.normalized.jsonl"
PETR2_FILE = "universalpetrarch-petr2-gsr/PETR2_GSR_validation.jsonl"
PETR_UNIT_FILE = "petrarch-unit-tests/PETR.UnitTest.records.jsonl"
PETR_ACTORS_FILE = "petrarch-unit-tests/PETR.Validate.actors.txt"
PETR_AGENTS_FILE = "petrarch-unit-tests/PETR.Validate.agents.txt"
PETR_VERBS_FILE = "petrarch-unit-tests/PETR.Validate.verbs.txt"

# CAMEO/Phoenix country codes that differ from ISO-3: from Phoenix.Countries.actors.txt
# (SUN, DDR, KSV) and the codes the PLOVER GSR writes by hand (JAP, ITL, VTN).
CAMEO_TO_ISO3 = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "SUN": "RUS",
    "DDR": "DEU",
    "KSV": "XKX",  # Kosovo has no ISO code; XKX is the user-assigned one in common use
}
STATE_EXTRA = frozenset(CAMEO_TO_ISO3.values())

Half = Literal["dev", "test"]


def split_half(record_id: str) -> Half:
    """The fixed PLOVER split: test iff sha256(id) is odd."""
    return "test" if int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 2 == 1 else "dev"


def country_of(code: str | None) -> str | None:
    """The ISO-3 country a CAMEO actor code starts with, or None for a non-state code."""
    head = (code or "").strip().upper()[:3]
    head = CAMEO_TO_ISO3.get(head, head)
    if head in STATE_EXTRA or (
        len(head) == 3 and head.isalpha() and pycountry.countries.get(alpha_3=head)
    ):
        return head
    return None


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One coded actor: the text, the code as written, its ISO-3 country (None: non-state)."""

    text: str
    code: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    text: str
    event: str  # current PLOVER name (DEMAND -> REQUEST, ...)
    event_gsr: str  # as written in the 2016 file
    mode: str | None
    context: tuple[str, ...]
    actor: tuple[GoldActor, ...]
    recipient: tuple[GoldActor, ...]
    half: Half

    def countries(self, side: Literal["actor", "recipient"]) -> frozenset[str]:
        refs = self.actor if side == "actor" else self.recipient
        return frozenset(a.country for a in refs if a.country)

    @property
    def state_to_state(self) -> bool:
        return bool(self.countries("actor")) and bool(self.countries("recipient"))


@dataclass(frozen=True, slots=True)
class Triple:
    """An expected CAMEO event: (source code, target code, event code)."""

    source: str
    target: str
    code: str

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class CameoRecord:
    """A PETR-2 GSR or PETRARCH unit-test record."""

    id: str
    category: str
    text: str
    published: dt.date | None
    expected: tuple[Triple, ...]
    expect_no_events: bool

    @property
    def half(self) -> Half:
        """The record's half under the fixed split (the PLOVER rule, on its own id)."""
        return split_half(self.id)


def _gold_actor(raw: dict[str, Any]) -> GoldActor:
    code = str(raw.get("code") or "")
    sector = raw.get("sector")
    return GoldActor(str(raw.get("text", "")), code, country_of(code), sector or None)


def load_plover(shared_dir: Path, half: Half | None = None) -> list[PloverRecord]:
    """PLOVER GSR records, all or one half of the fixed split."""
    records = []
    for _, raw in iter_jsonl(shared_dir / "eval-data" / PLOVER_FILE):
        rec_id = str(raw["id"])
        record = PloverRecord(
            id=rec_id,
            text=str(raw["text"]),
            event=str(raw.get("event_plover_current") or raw["event_gsr"]),
            event_gsr=str(raw["event_gsr"]),
            mode=raw.get("mode") or None,
            context=tuple(raw.get("context") or ()),
            actor=tuple(_gold_actor(a) for a in raw.get("actor") or ()),
            recipient=tuple(_gold_actor(a) for a in raw.get("recipient") or ()),
            half=split_half(rec_id),
        )
        if half is None or record.half == half:
            records.append(record)
    return records


def parse_date(value: Any) -> dt.date | None:
    """A YYYYMMDD date as these sets write it; None when absent or malformed."""
    try:
        return dt.datetime.strptime(str(value), "%Y%m%d").date()
    except ValueError:
        return None


def load_cameo_records(path: Path) -> list[CameoRecord]:
    """Records with expected CAMEO triples (PETR-2 GSR and PETRARCH unit-test format).

    A repeated id (the unit tests have two AGENTS-18 and AGENTS-19) gets "#2", "#3"... so
    that each record keeps its own predictions."""
    records = []
    seen: Counter[str] = Counter()
    for _, raw in iter_jsonl(path):
        rec_id = str(raw["id"])
        seen[rec_id] += 1
        if seen[rec_id] > 1:
            rec_id = f"{rec_id}#{seen[rec_id]}"
        expected = tuple(
            Triple(str(e["sourcecode"]), str(e["targetcode"]), str(e["eventcode"]))
            for e in raw.get("expected_events") or ()
        )
        records.append(
            CameoRecord(
                id=rec_id,
                category=str(raw.get("category") or "-"),
                text=str(raw["text"]),
                published=parse_date(raw.get("date")),
                expected=expected,
                expect_no_events=bool(raw.get("expect_no_events")) or not expected,
            )
        )
    return records


def load_petr2(shared_dir: Path, half: Half | None = None) -> list[CameoRecord]:
    """PETR-2 GSR records, all or one half of the fixed split."""
    records = load_cameo_records(shared_dir / "eval-data" / PETR2_FILE)
    return [r for r in records if half is None or r.half == half]


def load_petr_unit(shared_dir: Path) -> list[CameoRecord]:
    return load_cameo_records(shared_dir / "eval-data" / PETR_UNIT_FILE)


# --------------------------------------------------------------------------- dictionaries

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


def _readable(name: str) -> str:
    """TABARI writes names in capitals with "_" for spaces; the text is in title case."""
    return " ".join(w.capitalize() for w in name.replace("_", " ").split())


def iter_petr_agents(path: Path) -> Iterator[Agent]:
    """Agent nouns of a TABARI agents dictionary ("PRESIDENT [~GOV]"), singular and plural."""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
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
        forms = plurals.group(1).split(",") if plurals and plurals.group(1).strip() else []
        for form in forms or [pluralize_phrase(phrase, "en")]:
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


def load_petrarch_gazetteer(shared_dir: Path, on: dt.date | None = None) -> Gazetteer:
    """A gazetteer of the fictional validation actors plus bilat's and PETRARCH's agent nouns.

    Each actor takes the code in force on `on` (the record's date); the code's first chunk is
    its "country" (ARN, GON...) and the next its sector (`split_petr_code`); bilat's own
    countries are left out so that "Egypt" means what the test dictionary says (UAR)."""
    folder = shared_dir / "eval-data"
    gaz = Gazetteer()
    for names, codes in iter_petr_actors(folder / PETR_ACTORS_FILE):
        # "[FRO/BIL/SAM]" names several actors at once; bilat gives a name one actor: the first
        code = code_on(codes, on).split("/", 1)[0]
        side = split_petr_code(code)
        sector = code[3:6].upper() if side.sectors else None
        for name in names:
            alias = _readable(name)
            if alias:
                entry = GazetteerEntry(code, alias, "state", side.country, sector, alias, "en")
                # a bare code is a state ("Arnor"), so it modifies agent nouns like one
                gaz.add(replace(entry, via="alias" if sector else "state"))
    for row in iter_agents():
        if row.language == "en":
            kind = cast(ActorKind, row.kind)
            gaz.add_agent(Agent(row.phrase, row.sector or None, kind, "en", row.plural))
    for agent in iter_petr_agents(folder / PETR_AGENTS_FILE):
        gaz.add_agent(agent)
    return gaz


# --------------------------------------------------------------------------- verbs


@dataclass(frozen=True, slots=True)
class VerbCodes:
    """The codes a verb of the test dictionary gives: source->target ones (`forward`) and,
    for paired codes "032:033", the target->source ones (`reverse`)."""

    forward: frozenset[str] = frozenset()
    reverse: frozenset[str] = frozenset()

    def __or__(self, other: VerbCodes) -> VerbCodes:
        return VerbCodes(self.forward | other.forward, self.reverse | other.reverse)


def _codes_in(line: str) -> VerbCodes:
    forward, reverse = set(), set()
    for group in re.findall(r"\[([^\]]*)\]", line):
        head, _, tail = group.strip().partition(":")
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
    words = phrase.replace(" ", "_").split("_")
    marked = [w for w in words if w.startswith("+")]
    return (marked[0] if marked else words[0]).lstrip("+").lower()


def load_petr_verbs(path: Path) -> dict[str, VerbCodes]:
    """Word form -> codes of a TABARI verbs dictionary: each "--- VERB [code] ---" block gives
    its verb words (and their "{...}" forms) every code of its header and patterns."""
    blocks: list[tuple[list[str], VerbCodes]] = []
    in_synset = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            in_synset = False
            continue
        if line.startswith("---"):
            blocks.append(([], _codes_in(line)))
            in_synset = False
        elif line.startswith("&"):
            in_synset = True
        elif not blocks or in_synset or line.startswith("<"):
            continue
        elif line.startswith("-"):
            words, codes = blocks[-1]
            blocks[-1] = (words, codes | _codes_in(line))
        else:
            head, _, rest = line.partition("{")
            blocks[-1][0].append(_verb_word(head.strip()))
            blocks[-1][0].extend(_verb_word(f) for f in rest.split("}")[0].split())
    table: dict[str, VerbCodes] = {}
    for words, codes in blocks:
        for word in words:
            for form in inflect_verb(word):
                table[form] = table.get(form, VerbCodes()) | codes
    return table
