"""First-level divisions of federations name their country (build_regions.py, regions.tsv)."""

from __future__ import annotations

import pytest
from resolve_docs import build_doc

from bilat.resolve import Resolver
from bilat.resolve.build_regions import (
    DATA,
    HEADER,
    known_names,
    read_places,
    select_regions,
)
from bilat.resolve.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("New Mexico", "USA"),
        ("British Columbia", "CAN"),
        ("New Jersey", "USA"),
        ("New South Wales", "AUS"),
        ("Sindh", "PAK"),
        ("Anhui", "CHN"),
        ("Tatarstan", "RUS"),
    ],
)
def test_a_division_names_its_country(name: str, country: str) -> None:
    entries = Gazetteer.load().lookup(name)
    assert entries and {e.country for e in entries} == {country}


def test_a_division_is_read_whole_not_as_the_country_inside_its_name(
    resolver: Resolver,
) -> None:
    text = "The governor of New Mexico met officials from British Columbia in Lima."
    spans = resolver.find_actors(build_doc(text, "en", []), text)
    countries = {s.text: s.country for s in spans}
    assert countries.get("governor of New Mexico") == "USA"
    assert "CAN" in {s.country for s in spans if "British Columbia" in s.text}
    assert "MEX" not in countries.values() and "GBR" not in countries.values()


def _places(*rows: tuple[str, str, str, int]) -> list[tuple[str, str, str, int]]:
    return list(rows)


def test_a_name_shared_with_a_large_place_elsewhere_is_left_out() -> None:
    places = _places(
        ("Lahore", "PAK", "Punjab", 11_000_000),
        ("Ludhiana", "IND", "Punjab", 1_600_000),
        ("Albuquerque", "USA", "New Mexico", 560_000),
        ("Rivas", "NIC", "New Mexico", 20_000),
        ("Tucson", "USA", "Arizona", 540_000),
    )
    kept = dict((names[0], country) for country, names in select_regions(places, set()))
    # Punjab is divided between two countries; the small Nicaraguan namesake leaves New
    # Mexico to the US state
    assert kept == {"New Mexico": "USA", "Arizona": "USA"}


def test_codes_known_names_and_unlisted_countries_are_left_out() -> None:
    places = _places(
        ("Havana", "CUB", "CU.04", 2_000_000),
        ("Atlanta", "USA", "Georgia", 500_000),
        ("Accra", "GHA", "Greater Accra", 2_000_000),
        ("Hefei", "CHN", "Anhui Sheng", 3_000_000),
    )
    regions = select_regions(places, {"georgia"})
    assert regions == [("CHN", ("Anhui Sheng", "Anhui"))]


def test_the_shipped_table_is_what_the_builder_derives() -> None:
    regions = select_regions(read_places(DATA / "geo_places.tsv"), known_names())
    expected = HEADER + "".join(f"{c}\t*\t{'|'.join(n)}\n" for c, n in regions)
    assert (DATA / "regions.tsv").read_text("utf-8") == expected


def test_a_city_the_place_tables_lack_takes_its_geonames_country(resolver: Resolver) -> None:
    text = "Ukraine said Russian troops shelled a hospital in Kherson on Tuesday."
    spans = resolver.find_actors(build_doc(text, "en", [("Kherson", "GPE")]), text)
    assert {s.text: s.country for s in spans}.get("Kherson") == "UKR"
