"""The gazetteer's data: loading, lookup, table integrity and the Phoenix-derived agents."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pycountry
import pytest
from resolve_docs import build_doc

from bilat.models import KnownProject, ParsedDoc, Sentence, Token
from bilat.resolve import Gazetteer, Resolver
from bilat.resolve.build_agents import build_table, iter_rows
from bilat.resolve.gazetteer import GazetteerEntry
from bilat.resolve.tables import iter_actors, iter_agents, iter_table

DATA = resources.files("bilat.resolve").joinpath("data")
SECTORS = set(
    "GOV MIL BUS EDU HLH MED JUD LEG SPY CVL REF LAB AGR ENV NGO IGO ELI OPP REB COP".split()
)
IGO_CODES = {
    "AU",
    "ASEAN",
    "ECOWAS",
    "ARAB",
    "GCC",
    "OSCE",
    "IAEA",
    "WTO",
    "OIC",
    "CIS",
    "SADC",
    "APEC",
    "UNO",
    "EUR",
    "EAEU",
    "BRICS",
    "CELAC",
    "ALBA",
    "OAS",
    "NATO",
    "NAM",
    "SCO",
    "CSTO",
    "IMF",
    "WB",
    "WHO",
    "CARICOM",
    "MERCOSUR",
    "OPEC",
    "CMEA",
    "SUN",
}
# Kosovo has no ISO 3166 code; XKX is the user-assigned one the EU, IMF and World Bank use.
USER_ASSIGNED = {"XKX"}
AMERICAS = (
    "ARG BOL BRA CAN CHL COL CRI CUB DOM ECU GTM HND HTI JAM MEX NIC PAN PER PRY SLV URY USA VEN"
).split()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    assert len(gaz) > 2000


@pytest.mark.parametrize(
    ("name", "language", "actor_id", "country", "sector"),
    [
        ("Russia", None, "RUS", "RUS", None),
        ("Federación Rusa", "es", "RUS", "RUS", None),
        ("Russian Federation", "en", "RUS", "RUS", None),
        ("EE.UU.", "es", "USA", "USA", None),
        ("rusas", "es", "RUS", "RUS", None),
        ("Diaz Canel", None, "person:miguel-diaz-canel", "CUB", "GOV"),
        ("Bruno Rodriguez Parrilla", None, "person:bruno-rodriguez", "CUB", "GOV"),
        ("Biocubafarma", None, "organization:biocubafarma", "CUB", "BUS"),
        ("Pekín", None, "place:chn-capital", "CHN", "GOV"),
        ("Kremlin", None, "organization:kremlin", "RUS", "GOV"),
        ("Digital Cayo", None, "project:cayo-digital", "CUB", None),
        ("Eurasian Economic Union", None, "igo:eaeu", "EAEU", "IGO"),
        ("Yulia Smirnova", None, "person:yulia-smirnova", "RUS", "GOV"),
        ("Kosovo", "en", "XKX", "XKX", None),
        ("kosovares", "es", "XKX", "XKX", None),
        ("Pristina", None, "place:xkx-capital", "XKX", "GOV"),
    ],
)
def test_lookup(
    gaz: Gazetteer, name: str, language: str | None, actor_id: str, country: str, sector: str | None
) -> None:
    entry = gaz.lookup(name, language)[0]
    assert (entry.actor_id, entry.country, entry.sector) == (actor_id, country, sector)


def test_lookup_filters_language(gaz: Gazetteer) -> None:
    assert gaz.lookup("rusas", "en") == []
    assert gaz.lookup("Castro") and {e.via for e in gaz.lookup("Castro")} == {"surname"}
    assert gaz.surname_owners(("castro",)) == {"person:raul-castro", "person:fidel-castro"}


def test_every_country_code_is_iso_or_a_known_igo() -> None:
    known = {c.alpha_3 for c in pycountry.countries} | IGO_CODES | USER_ASSIGNED
    for table in ("countries.tsv", "capitals.tsv", "places.tsv", "demonyms.tsv"):
        for row in iter_table(table):
            assert row["iso3"] in known or row["iso3"] == "", (table, row)
    for actor in iter_actors():
        assert actor.country in known or actor.country == "", actor
        assert actor.sector in SECTORS or actor.sector == "", actor


def test_coverage_of_capitals_and_demonyms() -> None:
    capitals = {r["iso3"] for r in iter_table("capitals.tsv")}
    assert len(capitals) >= 100
    for language in ("en", "es"):
        demonyms = {r["iso3"] for r in iter_table("demonyms.tsv") if r["language"] == language}
        assert len(demonyms) >= 60
        assert set(AMERICAS) <= demonyms


def test_agent_sectors_are_valid_and_both_languages_present() -> None:
    agents = list(iter_agents())
    assert {a.sector for a in agents} <= SECTORS
    assert {a.language for a in agents} == {"en", "es"}
    by_phrase = {(a.language, a.phrase): a for a in agents}
    assert by_phrase[("en", "ministers")].plural
    assert by_phrase[("es", "embajada")].sector == "GOV"
    assert by_phrase[("en", "deputy")].sector == "LEG"  # curated row overrides Phoenix


def test_package_data_is_small() -> None:
    files = list(Path(str(DATA)).iterdir())
    # The geocoder's offline places table (geo_*) is accepted at its own, larger limit; the
    # resolver's other tables must stay small.
    geo = sum(p.stat().st_size for p in files if p.name.startswith(("geo_", "GEO_")))
    other = sum(p.stat().st_size for p in files if not p.name.startswith(("geo_", "GEO_")))
    assert geo < 5_000_000
    assert other < 2_000_000


def test_build_agents_reads_the_phoenix_format() -> None:
    text = (
        "!PERSON! = MAN, MEN\n"
        "# comment\n"
        "PRIME_MINISTER [~GOV]\n"
        "THIEF {THIEVES} [~CRM]\n"
        "BUSINESS!PERSON! [~BUS]\n"
        "AMBASSADOR_TO {} [~GOV]\n"
        "STATE_NEWS_AGENCY [~GOVMED]\n"
        "POLICE {} [~COP]\n"
    )
    assert list(iter_rows(text)) == [
        ("prime minister", "GOV", ""),
        ("businessman", "BUS", "-"),
        ("businessmen", "BUS", "-"),
        ("state news agency", "GOV", ""),
        ("police", "COP", "-"),
    ]


def test_shipped_agents_table_matches_the_builder(shared: Path) -> None:
    shipped = Path(str(DATA.joinpath("agents_phoenix.tsv"))).read_text(encoding="utf-8")
    assert build_table(shared) == shipped


def test_possessive_is_cut_from_the_span() -> None:
    text = "Díaz-Canel’s visit"
    tokens = (
        Token(0, 0, 12, "Díaz-Canel’s", "x", "PROPN", "NNP", "nsubj", 1),
        Token(1, 13, 18, "visit", "visit", "NOUN", "NN", "ROOT", 1),
    )
    doc = ParsedDoc("d", "en", "hand", tokens, (Sentence(0, 18, text, 0, 2),), ())
    span = Resolver().find_actors(doc, text)[0]
    assert (span.text, span.country) == ("Díaz-Canel", "CUB")


def test_a_custom_gazetteer_can_be_given() -> None:
    text = "Russia signed."
    assert Resolver(Gazetteer()).find_actors(build_doc(text), text) == []


def test_projects_list_each_project_once_with_its_names_and_host() -> None:
    gaz = Gazetteer()
    for alias in ("Port Nova Hub", "Nova Hub", "Port Nova Hub"):
        gaz.add(
            GazetteerEntry("project:nova", "Port Nova Hub", "project", "FRE", None, alias, "en")
        )
    gaz.add(GazetteerEntry("FRE", "FRE", "state", "FRE", None, "Freedonia", "en"))
    assert gaz.projects() == (KnownProject("project:nova", ("Port Nova Hub", "Nova Hub"), "FRE"),)
