"""Canonical actors: Phoenix role cells, the role and sector at a date, joined roles."""

from __future__ import annotations

import datetime as dt

from bilat.resolve.actors import (
    Actor,
    Alias,
    Role,
    attach_roles,
    load_actors,
    new_actor_id,
    parse_phoenix_role,
    role_at,
    sector_at,
)

D = dt.date


def make_person(roles: tuple[Role, ...] = (), sector: str | None = "ELI") -> Actor:
    return Actor("person:test", "person", "Ana Prueba", "CUB", sector, (), roles)


def test_parse_phoenix_role_reads_country_sector_and_dates() -> None:
    assert parse_phoenix_role("RUSGOV:2008-05-07:") == Role(
        "GOV", "RUS", D(2008, 5, 7), None, "phoenix:RUSGOV"
    )
    assert parse_phoenix_role("CUBELI::") == Role("ELI", "CUB", None, None, "phoenix:CUBELI")
    assert parse_phoenix_role("USAXYZ:1990-01-01:1999-12-31") == Role(
        None, "USA", D(1990, 1, 1), D(1999, 12, 31), "phoenix:USAXYZ"
    )


def test_parse_phoenix_role_keeps_the_igo_body() -> None:
    role = parse_phoenix_role("IGOUNO:2007-01-01:2016-12-31")
    assert role is not None
    assert (role.country, role.sector) == ("UNO", "IGO")
    assert parse_phoenix_role("XY") is None


def test_role_covers_its_closed_range_only() -> None:
    role = Role("GOV", "CUB", D(2000, 1, 1), D(2005, 1, 1), "curated")
    assert role.dated
    assert role.covers(D(2000, 1, 1)) and role.covers(D(2005, 1, 1))
    assert not role.covers(D(1999, 12, 31)) and not role.covers(D(2005, 1, 2))
    assert not Role("GOV", "CUB", None, None, "curated").dated


def test_role_at_prefers_the_narrowest_dated_role() -> None:
    wide = Role("ELI", "CUB", D(1990, 1, 1), None, "a")
    narrow = Role("GOV", "CUB", D(2010, 1, 1), D(2012, 1, 1), "b")
    undated = Role("LEG", "CUB", None, None, "c")
    person = make_person((undated, wide, narrow))
    assert role_at(person, D(2011, 6, 1)) == narrow
    assert role_at(person, D(2015, 6, 1)) == wide
    assert role_at(person, D(1980, 6, 1)) == undated
    assert role_at(person, None) is None
    assert role_at(make_person(()), D(2011, 6, 1)) is None


def test_sector_at_falls_back_to_the_actor_sector() -> None:
    person = make_person((Role("GOV", "CUB", D(2010, 1, 1), D(2012, 1, 1), "b"),), "ELI")
    assert sector_at(person, D(2011, 1, 1)) == "GOV"
    assert sector_at(person, D(2013, 1, 1)) == "ELI"
    assert sector_at(person, None) == "ELI"


def test_new_actor_id_is_stable_and_depends_on_kind_and_country() -> None:
    first = new_actor_id("person", "CUB", "Ana Prueba")
    assert first == new_actor_id("person", "CUB", "Ana  Prueba")
    assert first.startswith("person:")
    assert first != new_actor_id("person", "RUS", "Ana Prueba")
    assert first != new_actor_id("organization", "CUB", "Ana Prueba")


def test_attach_roles_joins_leaders_of_the_same_name_and_country() -> None:
    curated = Actor("person:ana", "person", "Ana Prueba", "CUB", "GOV", (Alias("Ana Prueba", "*"),))
    role = Role("GOV", "CUB", D(2001, 1, 1), None, "phoenix:CUBGOV")
    same = Actor("person:x", "person", "Ana Prueba", "CUB", "GOV", (), (role,))
    namesake = Actor(
        "person:y", "person", "Ana Prueba", "MEX", "GOV", (), (Role("JUD", "MEX", None, None, "p"),)
    )
    org = Actor("organization:z", "organization", "Prueba", "CUB", "BUS")
    joined = attach_roles([curated, org], [same, namesake])
    assert joined[0].roles == (role,)
    assert joined[1] == org


def test_load_actors_codes_medvedev_by_the_date() -> None:
    medvedev = load_actors()["person:dmitry-medvedev"]
    assert sector_at(medvedev, D(2003, 1, 1)) == "ELI"
    assert sector_at(medvedev, D(2015, 1, 1)) == "GOV"
    assert load_actors()["person:fidel-castro"].roles != load_actors()["person:raul-castro"].roles
