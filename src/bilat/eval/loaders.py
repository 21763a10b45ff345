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
from collections.abc import Iterator
from dataclasses import dataclass
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
    """Records with expected CAMEO triples (PETR-2 GSR and PETRARCH unit-test format)."""
    records = []
    for _, raw in iter_jsonl(path):
        expected = tuple(
            Triple(str(e["sourcecode"]), str(e["targetcode"]), str(e["eventcode"]))
            for e in raw.get("expected_events") or ()
        )
        records.append(
            CameoRecord(
                id=str(raw["id"]),
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

_CODE = re.compile(r"\[\s*([^\]\s<>]+)")


def iter_petr_actors(path: Path) -> Iterator[tuple[list[str], str]]:
    """(names, code) of each entry of a TABARI actor dictionary.

    An entry is a name line, then "+alias" lines; the code is the first one in brackets,
    on the name line or an indented line after it. Dated codes (`[HOB < 950601]`) keep only
    their first code: the suite does not model date-restricted roles."""
    names: list[str] = []
    code: str | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            names.append(stripped[1:].strip())
            continue
        if line[0].isspace() and stripped.startswith("["):
            found = _CODE.search(stripped)
            if found and code is None:
                code = found.group(1)
            continue
        if names and code:
            yield names, code
        head = stripped.split("[", 1)[0].strip()
        found = _CODE.search(stripped)
        names = [head] if head else []
        code = found.group(1) if found else None
    if names and code:
        yield names, code


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


def load_petrarch_gazetteer(shared_dir: Path) -> Gazetteer:
    """A gazetteer of the fictional validation actors plus bilat's and PETRARCH's agent nouns.

    An actor code's first three letters are its "country" (ARN, GON...) and the next three
    its sector; bilat's own countries are left out so that "Egypt" means what the test
    dictionary says (UAR)."""
    folder = shared_dir / "eval-data"
    gaz = Gazetteer()
    for names, code in iter_petr_actors(folder / PETR_ACTORS_FILE):
        country = code[:3].upper() if code[:3].isalpha() else None
        sector = code[3:6].upper() or None
        for name in names:
            alias = _readable(name)
            if alias:
                gaz.add(GazetteerEntry(code, alias, "state", country, sector, alias, "en"))
    for row in iter_agents():
        if row.language == "en":
            kind = cast(ActorKind, row.kind)
            gaz.add_agent(Agent(row.phrase, row.sector or None, kind, "en", row.plural))
    for agent in iter_petr_agents(folder / PETR_AGENTS_FILE):
        gaz.add_agent(agent)
    return gaz
