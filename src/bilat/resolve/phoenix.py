"""Reader of the Phoenix (TABARI) actor dictionaries and the builder of the dated-roles table.

    python -m bilat.resolve.phoenix ../shared [--out src/bilat/resolve/data/roles_phoenix.tsv]

An entry starts on a line of its own (`DMITRY_MEDVEDEV_  # CountryInfo.txt`), `+` lines
add aliases, and codes in brackets, on the name line or on tab-indented lines after it,
say who the actor was when: `[RUSGOV 051201-070228]`, `[RUSGOV >080507]` (from),
`[USAGOV <010120]` (until) or `[CUBELI]` (undated). Dates are YYMMDD or YYYYMMDD.
The shipped table keeps only entries with a dated role held in 1990 or later (the leaders
the news bilat reads can name).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DICTIONARIES = Path("eval-data/phoenix-dictionaries")
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
ROLE_FILES = ACTOR_FILES[:2]
DEFAULT_OUT = Path(__file__).parent / "data" / "roles_phoenix.tsv"
# Two-digit years up to this belong to the 2000s: the dictionaries were generated in 2014.
PIVOT_YEAR = 30
# Roles that ended before this are older than any article bilat is meant for.
CUTOFF = dt.date(1990, 1, 1)
_CODE = re.compile(r"\[([^\]]*)\]")
HEADER = (
    "# Dated roles of leaders, derived by `python -m bilat.resolve.phoenix` from\n"
    "# Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (openeventdata/\n"
    "# petrarch2, MIT, (c) 2014 Open Event Data Alliance). roles: code:start:end, '|'-separated;\n"
    "# code is the raw Phoenix code (country + sector), dates ISO, empty = open. Only leaders\n"
    "# with a dated role held in 1990 or later are kept.\n"
    "name\taliases\troles\n"
)


@dataclass(frozen=True, slots=True)
class RoleCode:
    """A Phoenix code with the dates it held: `code` like RUSGOV or IGOUNO."""

    code: str
    start: dt.date | None
    end: dt.date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class PhoenixEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[RoleCode] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    """YYMMDD or YYYYMMDD -> date; a zero month or day means the first; None when unreadable."""
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year = 2000 + yy if yy <= PIVOT_YEAR else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8 and text.isdigit():
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return dt.date(year, max(month, 1), max(day, 1))
    except ValueError:
        return None


def parse_code(inside: str) -> RoleCode | None:
    """The text between brackets -> RoleCode; None for markers such as `---`."""
    parts = inside.split(None, 1)
    if not parts or not parts[0].isalpha() or len(parts[0]) < 3:
        return None
    code = parts[0].upper()
    dates = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not dates:
        return RoleCode(code, None, None)
    if dates.startswith(">"):
        return RoleCode(code, parse_date(dates[1:]), None)
    if dates.startswith("<"):
        return RoleCode(code, None, parse_date(dates[1:]))
    if "-" in dates:
        first, last = dates.split("-", 1)
        return RoleCode(code, parse_date(first), parse_date(last))
    day = parse_date(dates)
    return RoleCode(code, day, day)


def clean_name(raw: str) -> str:
    """`DMITRY_MEDVEDEV_` -> "Dmitry Medvedev" (title case, as the dictionaries are upper)."""
    words = raw.replace("_", " ").split()
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


def iter_entries(lines: Iterator[str] | list[str]) -> Iterator[PhoenixEntry]:
    """Entries of one dictionary file, in file order."""
    current: PhoenixEntry | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [c for c in (parse_code(m) for m in _CODE.findall(line)) if c is not None]
        head = _CODE.sub("", line).strip()
        if line[0] in " \t":
            if current is not None:
                current.codes.extend(codes)
            continue
        if line.startswith("+"):
            if current is not None and head[1:].strip():
                current.aliases.append(clean_name(head[1:]))
            continue
        if current is not None:
            yield current
        current = PhoenixEntry(clean_name(head), [], codes)
    if current is not None:
        yield current


def read_entries(shared: Path, files: tuple[str, ...] = ACTOR_FILES) -> Iterator[PhoenixEntry]:
    """Every entry of the named dictionaries under ../shared."""
    for name in files:
        path = shared / DICTIONARIES / name
        yield from iter_entries(path.read_text("utf-8", errors="replace").splitlines())


def is_recent(code: RoleCode) -> bool:
    """A dated role still held on CUTOFF or later (an open end counts as held)."""
    return code.dated and (code.end is None or code.end >= CUTOFF)


def format_roles(codes: list[RoleCode]) -> str:
    seen: list[str] = []
    for c in codes:
        cell = ":".join(
            (c.code, c.start.isoformat() if c.start else "", c.end.isoformat() if c.end else "")
        )
        if cell not in seen:
            seen.append(cell)
    return "|".join(seen)


def build_table(shared: Path) -> str:
    """The roles_phoenix.tsv text: one row per entry with a dated role held since CUTOFF."""
    rows: list[str] = []
    for entry in read_entries(shared, ROLE_FILES):
        if not entry.name or not any(is_recent(c) for c in entry.codes):
            continue
        aliases = sorted({a for a in entry.aliases if a != entry.name and "|" not in a})
        rows.append(f"{entry.name}\t{'|'.join(aliases)}\t{format_roles(entry.codes)}")
    return HEADER + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("shared", type=Path, help="the ../shared folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.write_text(build_table(args.shared), "utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
