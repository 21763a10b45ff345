"""Offline geocoding: a place name and the article's countries -> coordinates and country.

The cities come from GeoNames (data/geo_places.tsv, built by `build_geo`), the buildings,
venues and islands that reports name from a team-written table (data/geo_venues.tsv).
A name is looked up by its key (accents, case, punctuation and a leading "the" dropped,
"St." read as "Saint"); when several places share it, the choice is explained:

1. places in the article's countries first ("Cárdenas" in a report on Cuba is the town
   in Matanzas, not the Mexican one), except that a foreign capital beats namesakes of
   under CAPITAL_SHADOW people ("Madrid" stays in Spain);
2. then the team's venues over GeoNames towns, and a place's own name over an alternate;
3. then the largest population, then the lowest id, so that the answer never varies.

Names of countries are not geocoded: a state has no point, and the gazetteer already
gives its country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from bilat.errors import ConfigError
from bilat.resolve.names import fold
from bilat.resolve.tables import iter_country_names, iter_name_rows

PlaceKind = Literal["city", "venue", "region"]
PLACES_FILE = "geo_places.tsv"
VENUES_FILE = "geo_venues.tsv"
# A foreign capital is what a writer means unless the local namesake is a real city.
CAPITAL_SHADOW = 100_000
# Namesakes that may give an unknown place name its country (Geocoder.country_of).
LOCAL_FLOOR = 10_000
FOREIGN_FLOOR = 100_000
# ... and ten times as many people as its largest namesake in another country ("Sydney").
DOMINANCE = 10
_WORD = re.compile(r"[a-z0-9]+")
_SAINT = {"st": "saint", "ste": "sainte"}


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """A geocoded place: where it is, what it is, and why it was chosen for the name."""

    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int
    geonames_id: int | None
    kind: PlaceKind
    reason: str = ""


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One way to reach a place: by its own name (primary) or by an alternate."""

    place: GeoPlace
    primary: bool  # the name is the place's own name, not an alternate


def key_of(name: str) -> str:
    """The lookup key of a place name: "St. Petersburg" -> "saint petersburg"."""
    # Most names are ASCII, and for them fold is lower(): skipping it halves the load time.
    folded = name.lower() if name.isascii() else fold(name)
    words = _WORD.findall(folded.replace("'", ""))
    if words and words[0] == "the":
        words = words[1:]
    if "st" in words or "ste" in words:
        words = [_SAINT.get(w, w) for w in words]
    return " ".join(words)


def _read_rows(name: str) -> Iterator[list[str]]:
    try:
        text = resources.files("bilat.resolve").joinpath("data", name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(
            f"geocoder data file {name} is missing: reinstall bilat (package data)"
        ) from exc
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    next(lines, None)  # header
    for line in lines:
        yield line.split("\t")


def iter_city_entries() -> Iterator[tuple[str, GeoEntry]]:
    """(key, entry) for every name of every GeoNames city."""
    for gid, name, ascii_name, alternates, country, admin1, lat, lon, pop in _read_rows(
        PLACES_FILE
    ):
        place = GeoPlace(name, float(lat), float(lon), country, admin1, int(pop), int(gid), "city")
        own = GeoEntry(place, primary=True)
        keys = {key_of(name)}
        if ascii_name != name:
            keys.add(key_of(ascii_name))
        for key in keys:
            yield key, own
        other = GeoEntry(place, primary=False)
        for alt in alternates.split("|") if alternates else ():
            key = key_of(alt)
            # A place reaches each key once, by its own name when it can.
            if key not in keys:
                keys.add(key)
                yield key, other


def iter_venue_entries() -> Iterator[tuple[str, GeoEntry]]:
    """(key, entry) for every name of the team's venues and regions."""
    for _id, kind, names, country, admin1, lat, lon in _read_rows(VENUES_FILE):
        if kind not in ("venue", "region"):
            raise ConfigError(f"{VENUES_FILE}: kind {kind!r} of {_id} must be venue or region")
        aliases = names.split("|")
        place_kind: PlaceKind = "venue" if kind == "venue" else "region"
        place = GeoPlace(aliases[0], float(lat), float(lon), country, admin1, 0, None, place_kind)
        entry = GeoEntry(place, primary=True)
        for key in dict.fromkeys(key_of(alias) for alias in aliases):
            yield key, entry


class Geocoder:
    """Name -> GeoPlace by dictionary lookups; build it once with `Geocoder.load()`.

    `entries` are (key, entry) pairs in which each place reaches each key at most once."""

    def __init__(
        self,
        entries: Sequence[tuple[str, GeoEntry]],
        country_keys: frozenset[str] = frozenset(),
        capitals: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self._by_key: dict[str, list[GeoEntry]] = {}
        for key, entry in entries:
            if key:
                self._by_key.setdefault(key, []).append(entry)
        self._country_keys = country_keys
        self._capitals = capitals

    @classmethod
    @cache
    def load(cls) -> Geocoder:
        """The geocoder over the shipped tables (built once per process)."""
        entries = [*iter_venue_entries(), *iter_city_entries()]
        country_keys = frozenset(key_of(row.alias) for row in iter_country_names())
        capitals = frozenset(
            (row.country, key_of(row.alias)) for row in iter_name_rows("capitals.tsv")
        )
        return cls(entries, country_keys, capitals)

    def __len__(self) -> int:
        return len(self._by_key)

    def candidates(self, name: str) -> list[GeoPlace]:
        """Every place the name may denote, in no particular order."""
        return [e.place for e in self._by_key.get(key_of(name), [])]

    def geocode(self, name: str, countries_in_article: Sequence[str] = ()) -> GeoPlace | None:
        """The place the name most likely denotes in an article about these countries
        (ISO-3), with the reason for the choice; None for unknown names and countries."""
        key = key_of(name)
        if not key or key in self._country_keys:
            return None
        entries = self._by_key.get(key)
        if not entries:
            return None
        ranked = sorted(entries, key=_rank)
        if len(ranked) == 1:
            return _explain(ranked[0], f"the only place named {name!r}")
        wanted = set(countries_in_article)
        local = [e for e in ranked if e.place.country in wanted]
        foreign = [e for e in ranked if e.place.country not in wanted]
        capital = next((e for e in foreign if self._is_capital(e)), None)
        if local and capital and local[0].place.population < CAPITAL_SHADOW:
            return _explain(
                capital,
                f"capital of {capital.place.country}; the namesakes in "
                f"{_list(wanted)} are small ({len(ranked)} places named {name!r})",
            )
        if local:
            return _explain(
                local[0],
                f"{len(local)} of {len(ranked)} places named {name!r} are in the article's "
                f"countries ({_list(wanted)}); {_why_first(local)}",
            )
        return _explain(
            ranked[0],
            f"none of {len(ranked)} places named {name!r} is in the article's countries "
            f"({_list(wanted)}); {_why_first(ranked)}",
        )

    def country_of(self, name: str, countries_in_article: Sequence[str] = ()) -> str | None:
        """The country a place name stands in when an actor table does not know it: the one
        country of its namesakes of LOCAL_FLOOR people or more in the article's countries,
        else of its largest namesake by its own name, of FOREIGN_FLOOR people or more and
        DOMINANCE times its largest namesake elsewhere ("Kherson" is in Ukraine, "Sydney" in
        Australia; "Hamas", an alternate name of a German town, and small or rival
        namesakes abroad give nothing)."""
        key = key_of(name)
        entries = [] if key in self._country_keys else self._by_key.get(key, [])
        wanted = set(countries_in_article)
        local = {
            e.place.country
            for e in entries
            if e.place.country in wanted and e.place.population >= LOCAL_FLOOR
        }
        if local:
            return local.pop() if len(local) == 1 else None
        own = sorted((e.place for e in entries if e.primary), key=lambda p: -p.population)
        if not own or own[0].population < FOREIGN_FLOOR:
            return None
        top = own[0]
        rival = max((p.population for p in own if p.country != top.country), default=0)
        return top.country if top.population >= DOMINANCE * rival else None

    def _is_capital(self, entry: GeoEntry) -> bool:
        return entry.primary and (entry.place.country, key_of(entry.place.name)) in self._capitals


def _rank(entry: GeoEntry) -> tuple[bool, bool, int, int]:
    place = entry.place
    return (place.kind == "city", not entry.primary, -place.population, place.geonames_id or 0)


def _why_first(ranked: Sequence[GeoEntry]) -> str:
    best = ranked[0]
    if best.place.kind != "city":
        return f"a {best.place.kind} of the team's table"
    if len(ranked) > 1 and best.primary and not ranked[1].primary:
        return "the only one whose own name it is"
    return "the most populous"


def _explain(entry: GeoEntry, reason: str) -> GeoPlace:
    p = entry.place
    return GeoPlace(
        p.name, p.lat, p.lon, p.country, p.admin1, p.population, p.geonames_id, p.kind, reason
    )


def _list(countries: set[str]) -> str:
    return ", ".join(sorted(countries)) or "none given"
