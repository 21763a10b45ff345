"""Derive the first-level divisions the resolver knows by name (data/regions.tsv).

"The governor of New Mexico", "British Columbia signed", "Texas sued": a state, province or
oblast of a federation acts for its country, and without its name the resolver reads the
country inside it ("New Mexico" as Mexico, "British Columbia" as Britain, "New Jersey" as
Jersey) or nothing. The names come from the admin1 column of data/geo_places.tsv (GeoNames,
CC BY 4.0, see GEO_LICENSE.md), for the countries in REGION_COUNTRIES only: their divisions
are named in international news, while a world list brings in words ("Delta", "Rivers") and
cities of other states. Run after `build_geo`:

    python -m bilat.resolve.build_regions

A division is left out when its name is a GeoNames code ("CU.04"), when other countries'
divisions or cities of that name are not ten times smaller (`select_regions`), when it is
already a name of the resolver's own tables (a country, capital, demonym, place, group or
actor: "Georgia", "Mexico", "Moscow"), or when it is in LEFT_OUT. The Chinese suffixes
("Sheng", "Shi", "Zizhiqu") and the Russian "Krai" are cut for a second name ("Anhui Sheng"
is written "Anhui").
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from bilat.resolve.names import fold
from bilat.resolve.tables import (
    iter_actors,
    iter_country_names,
    iter_demonyms,
    iter_descriptors,
    iter_groups,
    iter_name_rows,
    iter_rows,
)

DATA = Path(__file__).parent / "data"
DEFAULT_OUT = DATA / "regions.tsv"
REGION_COUNTRIES = frozenset(
    "USA CAN AUS MEX BRA ARG COL VEN CUB IND PAK CHN RUS UKR DEU ESP ITA GBR NGA".split()
)
# Division names that are also everyday words, outlets or claimed by two states.
LEFT_OUT = frozenset(
    {"Delta", "Rivers", "Niger", "Victoria", "Acre", "Para", "Federal District", "Granma"}
    | {"Kashmir", "Azad Kashmir", "NCT", "Amur", "Perm", "Orjol", "Vladimir", "Kirov"}
)
_CODE = re.compile(r"[.\d]")
_SUFFIX = re.compile(r"^(.+?) (?:Sheng|Shi|Zizhiqu|[A-Z][a-z]+zu Zizhiqu|Uygur Zizhiqu|Krai)$")
HEADER = (
    "# First-level divisions of the countries named in build_regions.REGION_COUNTRIES, from\n"
    "# the admin1 column of geo_places.tsv (GeoNames, geonames.org, CC BY 4.0; see\n"
    "# GEO_LICENSE.md), derived by `python -m bilat.resolve.build_regions`; do not edit.\n"
    "iso3\tlanguage\tnames\n"
)


def known_names() -> set[str]:
    """Folded names the resolver's own tables already give a meaning."""
    names = {r.alias for r in iter_country_names()}
    names |= {r.alias for table in ("capitals.tsv", "places.tsv") for r in iter_name_rows(table)}
    names |= {r.alias for r in iter_demonyms()}
    names |= {alias for a in iter_actors() for alias in (a.name, *a.aliases)}
    names |= {n for g in iter_groups() for n in g.names}
    names |= {d.phrase for d in iter_descriptors()}
    return {fold(n) for n in names}


def read_places(path: Path) -> Iterator[tuple[str, str, str, int]]:
    """(city name, country, admin1, population) of every row of geo_places.tsv."""
    for row in iter_rows(path.read_text("utf-8")):
        for name in {row["name"], row["asciiname"]}:
            yield name, row["country"], row["admin1"], int(row["population"] or 0)


def select_regions(
    places: Iterable[tuple[str, str, str, int]], known: set[str]
) -> list[tuple[str, tuple[str, ...]]]:
    """(country, names) of each division kept, sorted by country and name. A name is the
    division's when the people of its cities outnumber ten to one those of every other
    thing of that name: divisions of other countries ("Punjab" is Indian and Pakistani;
    Uruguay's small "Florida" leaves the US state its name) and cities elsewhere."""
    weight: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    for city, country, admin1, population in places:
        weight[fold(city)][(country, "city")] += population
        if admin1:
            weight[fold(admin1)][(country, admin1)] += population
    out: list[tuple[str, tuple[str, ...]]] = []
    divisions = sorted(
        {(country, name) for w in weight.values() for country, name in w if name != "city"}
    )
    for country, admin1 in divisions:
        if country not in REGION_COUNTRIES or _CODE.search(admin1) or admin1 in LEFT_OUT:
            continue
        own = weight[fold(admin1)]
        mine = own[(country, admin1)] + own.get((country, "city"), 0)
        others = sum(w for (c, _), w in own.items() if c != country)
        if others * 10 > mine:
            continue
        names = [admin1]
        short = _SUFFIX.match(admin1)
        if short:
            names.append(short.group(1))
        names = [n for n in names if fold(n) not in known]
        if names:
            out.append((country, tuple(names)))
    return sorted(out)


def build(places: Path, out: Path) -> int:
    regions = select_regions(read_places(places), known_names())
    with out.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for country, names in regions:
            f.write(f"{country}\t*\t{'|'.join(names)}\n")
    return len(regions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=Path, default=DATA / "geo_places.tsv")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    n = build(args.places, args.out)
    print(f"wrote {n} divisions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
