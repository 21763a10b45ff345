"""The Phoenix dictionary reader and the dated-roles table built from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bilat.resolve.phoenix import (
    DEFAULT_OUT,
    RoleCode,
    build_table,
    clean_name,
    format_roles,
    is_recent,
    iter_entries,
    parse_code,
    parse_date,
)

# A tiny dictionary in the Phoenix layout, written for this test (invented people).
TINY = """\
# a comment line
IVAN_PETROVICH_TESTOV_  # CountryInfo.txt
+IVAN_TESTOV_
+I._P._TESTOV_
\t[RUSGOV 050101-080506]
\t[RUSELI >080507]
MARIA_EJEMPLO_ [CUBGOV 19951231-20000101]
+MARIA_EJEMPLO_GOMEZ_
OLD_MAN_ [USAGOV <851231]
NOBODY_ [CUBELI]
"""


def test_parse_date_reads_both_widths_and_the_pivot() -> None:
    assert parse_date("080507") == dt.date(2008, 5, 7)
    assert parse_date("851231") == dt.date(1985, 12, 31)
    assert parse_date("19951231") == dt.date(1995, 12, 31)
    assert parse_date("950000") == dt.date(1995, 1, 1)
    assert parse_date("9513") is None
    assert parse_date("951332") is None


def test_parse_code_reads_ranges_open_ends_and_markers() -> None:
    assert parse_code("RUSGOV 050101-080506") == RoleCode(
        "RUSGOV", dt.date(2005, 1, 1), dt.date(2008, 5, 6)
    )
    assert parse_code("RUSELI >080507") == RoleCode("RUSELI", dt.date(2008, 5, 7), None)
    assert parse_code("USAGOV <851231") == RoleCode("USAGOV", None, dt.date(1985, 12, 31))
    assert parse_code("CUBELI") == RoleCode("CUBELI", None, None)
    assert parse_code("---") is None


def test_clean_name_title_cases_upper_words() -> None:
    assert clean_name("DMITRY_MEDVEDEV_") == "Dmitry Medvedev"
    assert clean_name("McDONALD_") == "McDONALD"


def test_iter_entries_collects_aliases_and_indented_codes() -> None:
    entries = list(iter_entries(TINY.splitlines()))
    assert [e.name for e in entries] == [
        "Ivan Petrovich Testov",
        "Maria Ejemplo",
        "Old Man",
        "Nobody",
    ]
    ivan = entries[0]
    assert ivan.aliases == ["Ivan Testov", "I. P. Testov"]
    assert [c.code for c in ivan.codes] == ["RUSGOV", "RUSELI"]
    assert entries[1].codes == [RoleCode("CUBGOV", dt.date(1995, 12, 31), dt.date(2000, 1, 1))]


def test_only_roles_held_since_1990_are_recent() -> None:
    assert is_recent(RoleCode("X", dt.date(1985, 1, 1), dt.date(1991, 1, 1)))
    assert is_recent(RoleCode("X", dt.date(1985, 1, 1), None))
    assert not is_recent(RoleCode("X", None, dt.date(1985, 12, 31)))
    assert not is_recent(RoleCode("X", None, None))


def test_format_roles_drops_repeats() -> None:
    code = RoleCode("RUSGOV", dt.date(2005, 1, 1), None)
    assert format_roles([code, code, RoleCode("IGOUNO", None, None)]) == (
        "RUSGOV:2005-01-01:|IGOUNO::"
    )


def test_build_table_keeps_recent_leaders_only(tmp_path: Path) -> None:
    folder = tmp_path / "eval-data" / "phoenix-dictionaries"
    folder.mkdir(parents=True)
    (folder / "Phoenix.Countries.actors.txt").write_text(TINY, "utf-8")
    (folder / "Phoenix.International.actors.txt").write_text("", "utf-8")
    rows = [r for r in build_table(tmp_path).splitlines() if not r.startswith("#")]
    assert rows[0] == "name\taliases\troles"
    assert rows[1:] == [
        "Ivan Petrovich Testov\tI. P. Testov|Ivan Testov"
        "\tRUSGOV:2005-01-01:2008-05-06|RUSELI:2008-05-07:",
        "Maria Ejemplo\tMaria Ejemplo Gomez\tCUBGOV:1995-12-31:2000-01-01",
    ]


def test_shipped_roles_table_matches_the_builder(shared: Path) -> None:
    assert DEFAULT_OUT.read_text("utf-8") == build_table(shared)
