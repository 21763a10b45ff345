"""Loaders for the public gold sets in ../shared/eval-data, as plain records.

* PLOVER GSR (`plover-gsr/PLOVER_GSR_CAMEO.normalized.jsonl`, CC BY-SA 4.0): one event per
  sentence, with PLOVER type (current names), mode, context and coded actors/recipients.
  The split is FIXED: a record is in the TEST half iff
  ``int(hashlib.sha256(id.encode()).hexdigest(), 16) % 2 == 1``, else in the DEV half.
  Only the dev half may be looked at while working on the coder; the test half is reported.
* PETR-2 GSR (`universalpetrarch-petr2-gsr/PETR2_GSR_validation.jsonl`, MIT): expected
  CAMEO triples, or none (`expect_no_events`). Split by the same fixed rule on the record's
  own id (`CameoRecord.half`): its dev half may be studied, its test half is reported.
* Our own coding set (`examples/coding/sentences.jsonl` in this repository, CC0, written by
  the team): one sentence each, with a PLOVER type or none, ISO-3 sides and its half, fixed
  in the file (`examples/coding/README.md`). Read from the repository, not ../shared.
* PETRARCH unit tests (`petrarch-unit-tests/PETR.UnitTest.records.jsonl`, MIT): expected
  CAMEO triples per category; their actors are fictional, so
  `bilat.eval.petr_dicts.load_petrarch_gazetteer` reads the suite's own actor and agent
  dictionaries into a gazetteer of its own.

Country codes in these sets are CAMEO/Phoenix codes. They equal ISO 3166-1 alpha-3 except
for the few in `CAMEO_TO_ISO3` (the non-ISO country codes of the Phoenix country dictionary,
and the ones the PLOVER GSR spells its own way). Every other code that is not an ISO-3 country
(IGO, NGO, IMG, ISM, "---" for unknown, "***") is non-state: its actor has no country.
A record is state-to-state when both its actor and its recipient side name a country.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pycountry

from bilat.errors import EvalError
from bilat.models import PLOVER_EVENTS

PLOVER_FILE = "plover-gsr/PLOVER_GSR_CAMEO.normalized.jsonl"
PETR2_FILE = "universalpetrarch-petr2-gsr/PETR2_GSR_validation.jsonl"
PETR_UNIT_FILE = "petrarch-unit-tests/PETR.UnitTest.records.jsonl"
# src/bilat/eval/loaders.py -> the repository root: the set ships with the source, not in
# ../shared, so `bilat eval-suite --set own-dev` runs in a fresh clone
OWN_FILE = Path(__file__).resolve().parents[3] / "examples" / "coding" / "sentences.jsonl"

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


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line of a JSON-lines gold file; a bad line is an
    EvalError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot be read ({exc})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise EvalError(f"{path}:{n}: expected a JSON object")
        yield n, record


def hash_bucket(record_id: str, buckets: int) -> int:
    """A record's bucket among `buckets`, fixed by its id (sha256), never by chance: the
    split into halves and the cross-validation folds of the fits."""
    return int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % buckets


def split_half(record_id: str) -> Half:
    """The fixed PLOVER split: test iff sha256(id) is odd."""
    return "test" if hash_bucket(record_id, 2) == 1 else "dev"


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
    """PLOVER GSR records, all or one half of the fixed split.

    The file repeats one id (PLOVER-GSR01-COERCE-0004, two different sentences): a repeated
    id gets "#2", "#3"... so that each record keeps its own predictions; its half stays the
    one its id as written falls in."""
    records = []
    seen: Counter[str] = Counter()
    for _, raw in iter_jsonl(shared_dir / "eval-data" / PLOVER_FILE):
        rec_id = str(raw["id"])
        seen[rec_id] += 1
        record = PloverRecord(
            id=rec_id if seen[rec_id] == 1 else f"{rec_id}#{seen[rec_id]}",
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


@dataclass(frozen=True, slots=True)
class OwnRecord:
    """One sentence of the team's own coding set; `event` None: it states no event."""

    id: str
    text: str
    language: str
    published: dt.date | None
    event: str | None
    mode: str | None
    actor: frozenset[str]
    recipient: frozenset[str]
    half: Half

    @property
    def state_to_state(self) -> bool:
        return bool(self.actor) and bool(self.recipient)


def _own_record(path: Path, n: int, raw: dict[str, Any]) -> OwnRecord:
    event, half = raw.get("event"), raw.get("half")
    if event is not None and event not in PLOVER_EVENTS:
        raise EvalError(f"{path}:{n}: event {event!r} is not a PLOVER type (or null)")
    if half not in ("dev", "test"):
        raise EvalError(f'{path}:{n}: half {half!r} must be "dev" or "test"')
    published = raw.get("published")
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise EvalError(f"{path}:{n}: published {published!r} is not YYYY-MM-DD") from exc
    return OwnRecord(
        id=str(raw["id"]),
        text=str(raw["text"]),
        language=str(raw.get("language") or "en"),
        published=day,
        event=event,
        mode=raw.get("mode") or None,
        actor=frozenset(filter(None, map(country_of, raw.get("actor") or ()))),
        recipient=frozenset(filter(None, map(country_of, raw.get("recipient") or ()))),
        half=half,
    )


def load_own(path: Path = OWN_FILE, half: Half | None = None) -> list[OwnRecord]:
    """The team's own coding set (examples/coding), all or one half as the file assigns."""
    records = [_own_record(path, n, raw) for n, raw in iter_jsonl(path)]
    return [r for r in records if half is None or r.half == half]
