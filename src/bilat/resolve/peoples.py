"""Peoples named by a demonym: of no state ("ethnic Albanians") or of the one they live in."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bilat.resolve.found import DETERMINERS, Found

if TYPE_CHECKING:
    from bilat.resolve.compose import Composer

ETHNIC_WORDS = frozenset({"ethnic", "étnicos", "étnicas"})
PEOPLE_OF_WORDS = frozenset({"of", "in", "de", "en"})


def compose_people(c: Composer, f: Found) -> None:
    """A people is not always its state: "ethnic Albanians" name no state; "Bosnian
    Serbs" and "the Albanians of southern Serbia" belong to the state they live in (the
    PLOVER GSR codes them so)."""
    if c.lower(f.start - 1) in ETHNIC_WORDS:
        c.swap(
            [f],
            replace(f, actor_id=f"ethnic:{f.actor_id}", country=None, kind="group", role="people"),
        )
        return
    if "Number=Plur" not in c.tokens[f.end - 1].morph:
        return
    before = c.owner[f.start - 1] if f.start > 0 else None
    if before is not None and before.end == f.start and before.role in ("demonym", "state"):
        home = replace(before, end=f.end, kind="group", via=f"{before.via}+people", role="people")
        c.swap([before, f], home)
        return
    q = f.end
    if c.lower(q) not in PEOPLE_OF_WORDS:
        return
    q += 1
    while (
        q < c.n
        and q - f.end <= 3
        and (c.lower(q) in DETERMINERS or (c.owner[q] is None and c.tokens[q].pos == "ADJ"))
    ):
        q += 1
    place = c.starts_here(q, frozenset({"state", "place"}))
    if place is not None and place.country:
        people = replace(f, end=place.end, country=place.country, kind="group", role="people")
        c.swap([f, place], replace(people, via=f"{f.via}+people"))
