"""Derive the shipped agent-noun table from the Phoenix (PETRARCH) agents dictionary.

    python -m bilat.resolve.build_agents ../shared [--out src/bilat/resolve/data/agents_phoenix.tsv]

Reads `eval-data/phoenix-dictionaries/Phoenix.agents.txt` (MIT, Open Event Data Alliance).
Its lines look like `PRIME_MINISTER [~GOV]`, `THIEF {THIEVES} [~CRM]` or
`BUSINESS!PERSON! [~BUS]`: words joined by `_`, irregular plurals in braces (`{}` = none),
`!NAME!` a substitution set defined at the top of the file. Choices:

* Only the sector codes bilat uses are kept; a compound code keeps its first part
  (`~GOVMED`, a state news agency, is GOV; ministries of anything are GOV).
* Phrases ending in a preposition (`AMBASSADOR_TO`) only constrain PETRARCH's context
  and are dropped; so are religious and criminal codes, which are not sectors.
* Substitution sets are expanded by concatenation (`BUSINESS!PERSON!` -> businessman,
  businessmen, businesswoman, ...), and every expansion is its own row.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

AGENTS_TXT = Path("eval-data/phoenix-dictionaries/Phoenix.agents.txt")
DEFAULT_OUT = Path(__file__).parent / "data" / "agents_phoenix.tsv"
SECTORS = frozenset(
    "GOV MIL BUS EDU HLH MED JUD LEG SPY CVL REF LAB AGR ENV NGO IGO ELI OPP REB COP".split()
)
_PREPOSITIONS = frozenset({"of", "to", "in", "for", "at", "from", "with", "on"})
_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")
_SUBSTITUTION = re.compile(r"^!(?P<name>[A-Z]+)!\s*=\s*(?P<forms>.+)$")
HEADER = (
    "# Agent nouns -> CAMEO sector, derived by `python -m bilat.resolve.build_agents` from\n"
    "# Phoenix.agents.txt (openeventdata/petrarch2, MIT, (c) 2014 Open Event Data Alliance).\n"
    "# plurals: empty = regular plural; '-' = none; else the forms, '|'-separated.\n"
    "language\tphrase\tsector\tkind\tplurals\n"
)


def read_substitutions(lines: list[str]) -> dict[str, list[str]]:
    """The `!NAME! = A, B` sets at the top of the dictionary."""
    sets: dict[str, list[str]] = {}
    for line in lines:
        m = _SUBSTITUTION.match(line.strip())
        if m:
            sets[m["name"]] = [f.strip() for f in m["forms"].split(",") if f.strip()]
    return sets


def expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Every spelling of a phrase once its `!NAME!` markers are replaced."""
    m = re.search(r"!([A-Z]+)!", phrase)
    if m is None:
        return [phrase]
    forms = sets.get(m[1], [])
    return [
        out
        for form in forms
        for out in expand(phrase[: m.start()] + form + phrase[m.end() :], sets)
    ]


def clean_phrase(raw: str) -> str:
    """`PRIME_MINISTER_` -> `prime minister`."""
    words = re.split(r"[_\s]+", raw.strip().strip("_"))
    return " ".join(w.lower() for w in words if w)


def iter_rows(text: str) -> Iterator[tuple[str, str, str]]:
    """(phrase, sector, plurals) for every usable entry of Phoenix.agents.txt."""
    lines = text.splitlines()
    sets = read_substitutions(lines)
    for line in lines:
        body = line.split("#", 1)[0].strip()
        if not body or body.startswith("!"):
            continue
        m = _LINE.match(body)
        if m is None:
            continue
        sector = m["code"][:3]
        if sector not in SECTORS:
            continue
        plurals_raw = m["plurals"]
        for spelled in expand(m["phrase"], sets):
            phrase = clean_phrase(spelled)
            if not phrase or phrase.split()[-1] in _PREPOSITIONS:
                continue
            if plurals_raw is None:
                plurals = "-" if "!" in m["phrase"] else ""
            else:
                forms = [clean_phrase(p) for p in plurals_raw.split(",") if p.strip()]
                plurals = "|".join(forms) or "-"
            yield phrase, sector, plurals


def build_table(shared: Path) -> str:
    """The TSV text of agents_phoenix.tsv (first row wins on duplicate phrases)."""
    text = (shared / AGENTS_TXT).read_text(encoding="utf-8", errors="replace")
    seen: set[str] = set()
    rows: list[str] = []
    for phrase, sector, plurals in iter_rows(text):
        if phrase in seen:
            continue
        seen.add(phrase)
        rows.append(f"en\t{phrase}\t{sector}\t\t{plurals}\n")
    return HEADER + "".join(sorted(rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("shared", type=Path, help="the ../shared folder with eval-data/")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.shared / AGENTS_TXT).is_file():
        print(f"{args.shared}: missing {AGENTS_TXT}", file=sys.stderr)
        return 2
    table = build_table(args.shared)
    args.out.write_text(table, encoding="utf-8")
    print(f"wrote {args.out} ({table.count(chr(10)) - HEADER.count(chr(10))} agent nouns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
