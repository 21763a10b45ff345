"""Gold-set loaders: the fixed PLOVER split, country codes and records."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bilat.errors import EvalError
from bilat.eval.loaders import (
    PETR2_FILE,
    PETR_UNIT_FILE,
    PLOVER_FILE,
    country_of,
    load_cameo_records,
    load_own,
    load_petr2,
    load_petr_unit,
    load_plover,
    split_half,
)
from bilat.eval.petr_dicts import load_petrarch_gazetteer


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_split_is_the_documented_rule_and_about_half() -> None:
    ids = [f"REC-{n:04d}" for n in range(2000)]
    halves = [split_half(i) for i in ids]
    for rec_id, half in zip(ids[:50], halves[:50], strict=True):
        odd = int(hashlib.sha256(rec_id.encode()).hexdigest(), 16) % 2 == 1
        assert half == ("test" if odd else "dev")
    share = halves.count("test") / len(halves)
    assert 0.45 < share < 0.55
    assert [split_half(i) for i in ids] == halves  # the same on every call


@pytest.mark.parametrize(
    ("code", "iso3"),
    [
        ("JAP", "JPN"),
        ("ITL", "ITA"),
        ("VTN", "VNM"),
        ("KSV", "XKX"),
        ("USAGOV", "USA"),
        ("pse", "PSE"),
        ("IGO", None),
        ("IGOEUREEC", None),
        ("NGO", None),
        ("---REB", None),
        ("***", None),
        ("", None),
        (None, None),
    ],
)
def test_country_of_maps_cameo_codes_to_iso3_and_non_states_to_none(
    code: str | None, iso3: str | None
) -> None:
    assert country_of(code) == iso3


def test_load_plover_reads_fields_and_halves(tmp_path: Path) -> None:
    write_jsonl(
        tmp_path / "eval-data" / PLOVER_FILE,
        [
            {
                "id": "X-1",
                "text": "Tokyo sent rice to Lima.",
                "event_gsr": "AID",
                "event_plover_current": "AID",
                "mode": "goods",
                "context": ["economic"],
                "actor": [{"text": "Tokyo", "code": "JAP", "sector": "GOV"}],
                "recipient": [{"text": "Lima", "code": "PER"}],
            },
            {
                "id": "X-2",
                "text": "The alliance scolded Oslo.",
                "event_gsr": "DISAPPROVE",
                "event_plover_current": "ACCUSE",
                "actor": [{"text": "The alliance", "code": "IGO"}],
                "recipient": [{"text": "Oslo", "code": "NOR"}],
            },
        ],
    )
    records = {r.id: r for r in load_plover(tmp_path)}
    aid, accuse = records["X-1"], records["X-2"]
    assert (aid.event, aid.mode, aid.context) == ("AID", "goods", ("economic",))
    assert aid.actor[0].country == "JPN" and aid.actor[0].sector == "GOV"
    assert aid.state_to_state and aid.countries("recipient") == {"PER"}
    assert (accuse.event, accuse.event_gsr) == ("ACCUSE", "DISAPPROVE")
    assert not accuse.state_to_state  # the actor side is an IGO
    for rec in records.values():
        assert rec.half == split_half(rec.id)
        assert [r.id for r in load_plover(tmp_path, rec.half)].count(rec.id) == 1


def test_load_plover_keeps_records_that_repeat_an_id_apart(tmp_path: Path) -> None:
    # the GSR file repeats one id for two sentences: each keeps its own predictions
    row = {"event_gsr": "COERCE", "actor": [{"text": "Oslo", "code": "NOR"}]}
    write_jsonl(
        tmp_path / "eval-data" / PLOVER_FILE,
        [
            {"id": "R-7", "text": "Oslo closed the border.", **row},
            {"id": "R-7", "text": "Oslo jailed a reporter.", **row},
            {"id": "R-7", "text": "Oslo banned the march.", **row},
        ],
    )
    records = load_plover(tmp_path)
    assert [r.id for r in records] == ["R-7", "R-7#2", "R-7#3"]
    assert [r.text for r in records][1] == "Oslo jailed a reporter."
    # the half is the one of the id as written, for every copy
    assert {r.half for r in records} == {split_half("R-7")}
    assert len(load_plover(tmp_path, split_half("R-7"))) == 3


def test_load_cameo_records_dates_roots_and_no_event(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "records.jsonl",
        [
            {
                "id": "A",
                "category": "DEMO",
                "date": "19950103",
                "text": "Arnor fought Gondor.",
                "expected_events": [
                    {"sourcecode": "ARN", "targetcode": "GON", "eventcode": "1717"}
                ],
                "expect_no_events": False,
            },
            {"id": "B", "category": "DEMO", "date": "bad", "text": "Rain.", "expected_events": []},
        ],
    )
    first, second = load_cameo_records(path)
    assert first.published == dt.date(1995, 1, 3) and first.category == "DEMO"
    assert first.expected[0].root == "17" and not first.expect_no_events
    assert second.published is None and second.expect_no_events and second.expected == ()


def test_repeated_record_ids_are_numbered(tmp_path: Path) -> None:
    record = {"id": "X-1", "category": "C", "text": "t", "expected_events": []}
    path = write_jsonl(tmp_path / "r.jsonl", [record, record, record])
    assert [r.id for r in load_cameo_records(path)] == ["X-1", "X-1#2", "X-1#3"]


@pytest.mark.shared
def test_real_sets_load_with_their_documented_counts(shared: Path) -> None:
    plover = load_plover(shared)
    assert len(plover) == 322
    assert {r.half for r in plover} == {"dev", "test"}
    assert len(load_plover(shared, "test")) + len(load_plover(shared, "dev")) == 322
    assert not [a.code for r in plover for a in r.actor if a.code == "JAP" and not a.country]
    petr2 = load_petr2(shared)
    assert len(petr2) == 78 and sum(r.expect_no_events for r in petr2) == 12
    dev, test = load_petr2(shared, "dev"), load_petr2(shared, "test")
    assert dev and test and len(dev) + len(test) == 78
    unit = load_petr_unit(shared)
    assert len(unit) == 284
    assert (shared / "eval-data" / PETR2_FILE).is_file()
    assert (shared / "eval-data" / PETR_UNIT_FILE).is_file()
    gaz = load_petrarch_gazetteer(shared)
    assert gaz.lookup("Arnor")[0].country == "ARN"


def test_petr2_is_split_by_the_plover_rule_on_its_own_ids(tmp_path: Path) -> None:
    ids = [f"PETR2-{n}" for n in range(40)]
    write_jsonl(
        tmp_path / "eval-data" / PETR2_FILE,
        [{"id": i, "text": "Rain.", "expected_events": []} for i in ids],
    )
    whole = load_petr2(tmp_path)
    assert [r.id for r in whole] == ids
    assert all(r.half == split_half(r.id) for r in whole)
    dev, test = load_petr2(tmp_path, "dev"), load_petr2(tmp_path, "test")
    assert {r.half for r in dev} == {"dev"} and {r.half for r in test} == {"test"}
    assert sorted(r.id for r in dev + test) == sorted(ids) and dev and test


def test_own_set_ships_in_the_repo_with_its_fixed_split() -> None:
    records = load_own()
    assert len(records) == 597 and len({r.id for r in records}) == 597
    # item k of each written group (the id without its last part), counted in file order
    # across all four rounds, is test iff k % 3 == 2 (examples/coding/README.md)
    seen: Counter[str] = Counter()
    for r in records:
        group = r.id.rsplit("-", 1)[0]
        k = seen[group]
        seen[group] += 1
        assert r.half == ("test" if k % 3 == 2 else "dev"), r.id
    assert {r.half for r in load_own(half="test")} == {"test"}
    assert sum(r.half == "test" for r in records) == 194
    events = [r for r in records if r.event]
    assert len(records) - len(events) == 84
    assert all(r.state_to_state and r.published for r in events)
    assert {r.language for r in records} == {"en", "es"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"event": "HUG"}, "not a PLOVER type"),
        ({"half": "train"}, "must be"),
        ({"published": "23/11/2026"}, "not YYYY-MM-DD"),
    ],
)
def test_own_loader_names_the_bad_line(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    good = {"id": "a", "text": "t", "event": "AID", "half": "dev", "actor": ["CUB"]}
    path = write_jsonl(tmp_path / "own.jsonl", [good, good | {"id": "b"} | change])
    with pytest.raises(EvalError, match=f"own.jsonl:2: .*{message}"):
        load_own(path)
    assert load_own(write_jsonl(tmp_path / "ok.jsonl", [good]))[0].actor == frozenset({"CUB"})
