"""A title followed by a name is one actor: "Cuban President Miguel Díaz-Canel"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bilat.resolve.found import NAME_ROLES, PERSON_LABELS, Found
from bilat.resolve.names import slug

if TYPE_CHECKING:
    from bilat.resolve.compose import Composer


def find_person_named_as_state(comp: Composer, title: Found, t: int) -> Found | None:
    """A name the gazetteer codes like a state but the parser reads as a person, right
    after a person's title of that state ("Bree Prime Minister Romendacil", where a
    dictionary gives Romendacil the bare code BRE): the title's holder, as a person."""
    o = comp.starts_here(t, frozenset({"state"}))
    ent = comp.names.get(t)
    if o is None or ent is None or ent.label not in PERSON_LABELS or ent.token_end != o.end:
        return None
    if title.kind != "person" or o.country not in (title.country, None):
        return None
    return o


def merge_name(comp: Composer, c: Found) -> None:
    """A title followed by a name is one actor: the name's identity, the title's country
    and sector where the gazetteer has none."""
    t = c.end
    o = comp.starts_here(t, NAME_ROLES) or find_person_named_as_state(comp, c, t)
    # one person of a group's title ("Baltic foreign minister X") is of no member we know
    title_country = None if c.members else c.country
    if o is not None and (o.kind in ("person", "organization") or o.role == "state"):
        merged = replace(
            o,
            start=c.start,
            kind="organization" if o.kind == "organization" else "person",
            country=o.country or title_country,
            sector=o.sector or c.sector,
            via=c.via + "+name",
            composed=True,
            members=(),
        )
        comp.swap([c, o], merged)
        return
    ent = comp.names.get(t)
    if ent is None or any(comp.owner[x] is not None for x in range(t, ent.token_end)):
        return
    merged = Found(
        c.start,
        ent.token_end,
        f"ner:{slug(ent.text)}",
        "person" if ent.label in PERSON_LABELS else "organization",
        title_country,
        c.sector,
        c.via + "+ner",
        "ner",
        True,
    )
    comp.swap([c], merged)
