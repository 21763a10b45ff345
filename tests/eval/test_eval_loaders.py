"""Gold-set loaders: the fixed PLOVER split, country codes, records and TABARI dictionaries."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from bilat.eval.loaders import (
    PETR2_FILE,
    PETR_ACTORS_FILE,
    PETR_AGENTS_FILE,
    PETR_UNIT_FILE,
    PLOVER_FILE,
    DatedCode,
    PetrSide,
    code_on,
    country_of,
    inflect_verb,
    iter_petr_actors,
    iter_petr_agents,
    load_cameo_records,
    load_petr2,
    load_petr_unit,
    load_petr_verbs,
    load_petrarch_gazetteer,
    load_plover,
    petr_prefix_agents,
    split_half,
    split_petr_code,
)


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


def test_iter_petr_actors_reads_aliases_indented_and_dated_codes(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(
        "<!-- a header -->\n"
        "# a comment line\n"
        "NORTHLAND_ [NTH]  # initials 01/01/99\n"
        "+NORTHLANDER\n"
        "+NORTH_REALM\n"
        "\n"
        "OLD_KING  # no code on this line\n"
        "\t[NTH < 950601]\n"
        "\t[NTHGOV 19950601 - 19990815]\n"
        "RIVER_GUARD [NTHMIL]\n",
        encoding="utf-8",
    )
    before, between = dt.date(1995, 5, 31), dt.date(1995, 6, 1)
    assert list(iter_petr_actors(path)) == [
        (["NORTHLAND_", "NORTHLANDER", "NORTH_REALM"], [DatedCode("NTH")]),
        (
            ["OLD_KING"],
            [
                DatedCode("NTH", None, before, True),
                DatedCode("NTHGOV", between, dt.date(1999, 8, 15), True),
            ],
        ),
        (["RIVER_GUARD"], [DatedCode("NTHMIL")]),
    ]


def test_code_on_takes_the_first_restriction_that_holds_else_the_default() -> None:
    codes = [
        DatedCode("HILL"),
        DatedCode("HILLGOV", dt.date(2010, 1, 9), dt.date(2010, 1, 12), True),
        DatedCode("HILLMIL", dt.date(2008, 1, 20), dt.date(2012, 11, 9), True),
        DatedCode("HILLREB", dt.date(2012, 11, 10), None, True),
    ]
    assert code_on(codes, dt.date(2010, 1, 12)) == "HILLGOV"  # inclusive, first wins
    assert code_on(codes, dt.date(2010, 1, 13)) == "HILLMIL"
    assert code_on(codes, dt.date(2020, 1, 1)) == "HILLREB"
    assert code_on(codes, dt.date(2000, 1, 1)) == "HILL"  # nothing holds: the default
    assert code_on(codes, None) == "HILL"
    undated_first = [DatedCode("OLD", None, dt.date(1979, 6, 5), True), DatedCode("NEW")]
    assert code_on(undated_first, dt.date(1978, 1, 1)) == "OLD"
    assert code_on(undated_first[:1], dt.date(2001, 1, 1)) == "OLD"  # no default: the first


def test_split_petr_code_moves_prefix_agents_after_the_country() -> None:
    prefixes = frozenset({"NGO"})
    assert split_petr_code("NGOARNGOV", prefixes) == PetrSide("ARN", frozenset({"NGO", "GOV"}))
    assert split_petr_code("NGO", prefixes) == PetrSide("NGO", frozenset())
    assert split_petr_code("arnmil") == PetrSide("ARN", frozenset({"MIL"}))
    assert split_petr_code("---GOV") == PetrSide(None, frozenset({"GOV"}))


def test_prefix_agents_are_the_codes_written_before_the_tilde(tmp_path: Path) -> None:
    path = tmp_path / "agents.txt"
    path.write_text("AID_BODY [NGO~]\nCHARITY [ ngo~ ]\nMAYOR [~GOV]\n", encoding="utf-8")
    assert petr_prefix_agents(path) == frozenset({"NGO"})


def test_inflect_verb_gives_regular_forms() -> None:
    assert {"warns", "warned", "warning"} <= inflect_verb("warn")
    assert {"arrived", "arriving"} <= inflect_verb("arrive")
    assert {"tapped", "tapping"} <= inflect_verb("tap")
    assert {"denied", "denies"} <= inflect_verb("deny")


def test_load_petr_verbs_reads_blocks_forms_pairs_and_skips_synsets(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(
        "<!-- header -->\n"
        "&FRUIT\n+APPLES\n+PEARS\n\n"
        "--- GREET  [032:033]  ---\n"
        "GREET {GREETED}  # note\n"
        "- * WARMLY  [041]\n"
        "&TOOLS\n+HAMMER\n\n"
        "--- TAP  [171] ---\n"
        "WIRE_+TAP {WIRE_+TAPPED}\n",
        encoding="utf-8",
    )
    verbs = load_petr_verbs(path)
    assert verbs["greeted"].forward == {"032", "041"} and verbs["greeted"].reverse == {"033"}
    assert verbs["greets"] == verbs["greet"]
    assert verbs["tapped"].forward == {"171"} and "wire" not in verbs
    assert "apples" not in verbs and "hammer" not in verbs


def test_repeated_record_ids_are_numbered(tmp_path: Path) -> None:
    record = {"id": "X-1", "category": "C", "text": "t", "expected_events": []}
    path = write_jsonl(tmp_path / "r.jsonl", [record, record, record])
    assert [r.id for r in load_cameo_records(path)] == ["X-1", "X-1#2", "X-1#3"]


def test_iter_petr_agents_singular_plural_and_skips(tmp_path: Path) -> None:
    path = tmp_path / "agents.txt"
    path.write_text(
        "!PERSON! = MAN, MEN\n"
        "PRESIDENT [~GOV] # someone 2001\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
        "HUMAN_RIGHTS_BODY  [NGO~]\n"
        "# COMMENTED [~MED]\n",
        encoding="utf-8",
    )
    agents = {(a.phrase, a.plural): a.sector for a in iter_petr_agents(path)}
    assert agents == {
        ("president", False): "GOV",
        ("presidents", True): "GOV",
        ("attorney general", False): "GOV",
        ("attorneys general", True): "GOV",
        ("human rights body", False): "NGO",
        ("human rights bodies", True): "NGO",
    }


def test_petrarch_gazetteer_knows_only_the_test_actors(tmp_path: Path) -> None:
    folder = tmp_path / "eval-data"
    (folder / PETR_ACTORS_FILE).parent.mkdir(parents=True)
    (folder / PETR_ACTORS_FILE).write_text(
        "NORTHLAND [NTH]\n+NORTHLANDER\nRIVER_GUARD [NTHMIL]\n"
        "OLD_KING\n\t[NTH < 950601]\n\t[NTHGOV 19950601 - 19990815]\n"
        "THE_VALES [VAL/DAL]\n",
        encoding="utf-8",
    )
    (folder / PETR_AGENTS_FILE).write_text("HARBOUR_MASTER [~GOV]\n", encoding="utf-8")
    gaz = load_petrarch_gazetteer(tmp_path)
    (entry,) = gaz.lookup("Northlander")
    assert (entry.country, entry.sector, entry.kind, entry.via) == ("NTH", None, "state", "state")
    (guard,) = gaz.lookup("river guard")
    assert (guard.country, guard.sector, guard.via) == ("NTH", "MIL", "alias")
    assert gaz.lookup("old king")[0].sector is None
    (vales,) = gaz.lookup("the vales")
    assert (vales.country, vales.sector) == ("VAL", None)  # the first of several actors
    dated = load_petrarch_gazetteer(tmp_path, dt.date(1996, 1, 1))
    assert (dated.lookup("old king")[0].country, dated.lookup("old king")[0].sector) == (
        "NTH",
        "GOV",
    )
    assert gaz.lookup("France") == []  # bilat's own countries are left out
    assert gaz.agents.get(("harbour", "master"))[0].sector == "GOV"
    assert gaz.agents.get(("minister",))  # bilat's agent nouns are kept


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
