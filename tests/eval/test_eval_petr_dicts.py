"""PETRARCH test dictionaries: dated actor codes, agents, prefix agents, verbs, gazetteer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bilat.eval.petr_dicts import (
    PETR_ACTORS_FILE,
    PETR_AGENTS_FILE,
    PETR_CODE_EVENTS,
    PETR_VERBS_FILE,
    DatedCode,
    PetrSide,
    code_on,
    inflect_verb,
    iter_petr_actors,
    iter_petr_agents,
    load_petr_verbs,
    load_petrarch_gazetteer,
    petr_prefix_agents,
    split_petr_code,
)
from bilat.events.triggers import USER_TIER, select_lexicon
from bilat.models import PLOVER_EVENTS


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
    assert (vales.country, vales.sector) == ("VAL", None)  # the first of several leads
    assert vales.members == (("VAL", None), ("DAL", None))  # and each is kept
    assert entry.members == ()  # a name with one code stands for that actor alone
    dated = load_petrarch_gazetteer(tmp_path, dt.date(1996, 1, 1))
    assert (dated.lookup("old king")[0].country, dated.lookup("old king")[0].sector) == (
        "NTH",
        "GOV",
    )
    assert gaz.lookup("France") == []  # bilat's own countries are left out
    assert gaz.agents.get(("harbour", "master"))[0].sector == "GOV"
    assert gaz.agents.get(("minister",))  # bilat's agent nouns are kept


def test_petr_code_events_are_plover_events_for_two_digit_families() -> None:
    assert set(PETR_CODE_EVENTS.values()) <= set(PLOVER_EVENTS)
    assert all(len(prefix) == 2 and prefix.isdigit() for prefix in PETR_CODE_EVENTS)


def test_the_suites_verbs_load_as_the_users_dictionary_alone(shared: Path) -> None:
    path = str(shared / "eval-data" / PETR_VERBS_FILE)
    lexicon = select_lexicon([path], PETR_CODE_EVENTS, shipped=False)
    assert {r.tier for rules in lexicon.values() for r in rules} == {USER_TIER}
    verbs = load_petr_verbs(Path(path))
    # every bare row's word is a verb of the suite, its notes name the suite's own code
    for (_, lemma), rules in lexicon.items():
        for rule in rules:
            own = rule.notes.rpartition(" code ")[2] if " code " in rule.notes else rule.cameo
            assert own in verbs[lemma].forward, (lemma, rule.notes)
    (welcome,) = [r for r in lexicon[("en", "welcome")] if not r.objects]
    assert welcome.event == PETR_CODE_EVENTS["04"]


def test_a_verb_lines_own_code_goes_to_that_verb(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text("--- DEFER [120] ---\nDEFER\nSHRUG [014]\n- * TALKS [191]\n")
    table = load_petr_verbs(path)
    assert table["shrugged"].forward == {"120", "014", "191"}
    assert table["defers"].forward == {"120", "191"}


def test_load_petr_verbs_stops_at_the_transformations(tmp_path: Path) -> None:
    # one parser (events/tabari.py) reads every TABARI verb dictionary: the rules after
    # the TRANSFORMATIONS header are no verbs
    path = tmp_path / "verbs.txt"
    path.write_text(
        "--- PRAISE [041] ---\nPRAISE\n######## TRANSFORMATIONS ##########\n~ a (a b PRAISE)\n",
        encoding="utf-8",
    )
    table = load_petr_verbs(path)
    assert table["praised"].forward == {"041"}
    assert not any(word.startswith("~") for word in table)
