"""Derive the shipped codebook table from the CAMEO codebook and CAMEO2PLOVER.

    python -m bilat.events.build_codebook ../shared [--out src/bilat/events/data/codebook.tsv]

Reads `eval-data/cameo-codebook/cameo-codes.utf8.csv` (MIT; codes, names, Goldstein scores)
and `eval-data/plover-gsr/CAMEO2PLOVER-2021.txt` (CC BY-SA 4.0; CAMEO code -> PLOVER event,
mode, context). Choices:

* 2016 PLOVER names become the current ones (DEMAND->REQUEST, DISAPPROVE->ACCUSE,
  INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
* CAMEO2PLOVER maps codes one by one; a code it leaves out takes its nearest listed
  ancestor's row (0813 -> 081 -> 08). Root 08 is listed twice (CONCEDE, then RETREAT for
  084-087): the root itself keeps the first.
* Roots 01 (public statement) and 02 (appeal) are not in CAMEO2PLOVER. PLOVER folded
  appeals into REQUEST, so 02x become REQUEST; plain statements have no PLOVER event and
  get an empty one (no coder emits them).
* QuadClass follows the CAMEO root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

CODES_CSV = Path("eval-data/cameo-codebook/cameo-codes.utf8.csv")
PLOVER_TXT = Path("eval-data/plover-gsr/CAMEO2PLOVER-2021.txt")
DEFAULT_OUT = Path(__file__).parent / "data" / "codebook.tsv"
COLUMNS = (
    "code",
    "name",
    "goldstein",
    "quad_class",
    "plover_event",
    "plover_mode",
    "plover_context",
)
RENAMED = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
_LINE = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<rest>.*)$")


@dataclass(frozen=True)
class PloverRow:
    event: str
    mode: str
    context: tuple[str, ...]


def quad_class_of(code: str) -> int:
    """GDELT QuadClass of a CAMEO code, from its two-digit root."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def parse_cameo2plover(text: str) -> dict[str, PloverRow]:
    """CAMEO code -> PLOVER row; the first row wins where a code is listed twice."""
    rows: dict[str, PloverRow] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        match = _LINE.match(line)
        if not match:
            continue
        fields = [f.strip() for f in match["rest"].split(",")]
        fields += [""] * (3 - len(fields))
        event = RENAMED.get(fields[0].upper(), fields[0].upper())
        context = tuple(c.strip() for c in fields[2].split(";") if c.strip())
        rows.setdefault(match["code"], PloverRow(event, fields[1], context))
    return rows


def resolve_plover(code: str, rows: dict[str, PloverRow]) -> PloverRow:
    """The row for a code, else its nearest listed ancestor's, else the 01/02 defaults."""
    for cut in range(len(code), 1, -1):
        row = rows.get(code[:cut])
        if row is not None:
            return row
    if code.startswith("02"):
        return PloverRow("REQUEST", "", ())
    return PloverRow("", "", ())


def format_goldstein(raw: str) -> str:
    value = float(raw)
    if not -10.0 <= value <= 10.0:
        raise ValueError(f"Goldstein score {raw!r} lies outside [-10, 10]")
    return f"{value:g}"


def build_table(shared: Path) -> str:
    """The codebook TSV, as text, from the two source files under `shared`."""
    rows = parse_cameo2plover((shared / PLOVER_TXT).read_text(encoding="utf-8"))
    with (shared / CODES_CSV).open(encoding="utf-8", newline="") as handle:
        records = sorted(csv.DictReader(handle), key=lambda r: r["code"])
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        code = record["code"].strip()
        plover = resolve_plover(code, rows)
        writer.writerow(
            (
                code,
                " ".join(record["name"].split()),
                format_goldstein(record["goldstein"]),
                quad_class_of(code),
                plover.event,
                plover.mode,
                ";".join(plover.context),
            )
        )
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("shared", type=Path, help="the ../shared folder with eval-data/")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    missing = [p for p in (CODES_CSV, PLOVER_TXT) if not (args.shared / p).is_file()]
    if missing:
        print(f"{args.shared}: missing {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    table = build_table(args.shared)
    args.out.write_text(table, encoding="utf-8")
    print(f"wrote {args.out} ({table.count(chr(10)) - 1} codes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
